"""Coverage: which source carries which fact, what only one source has, what one leaves out.

A fact is a measure (through its figures' documents), a quote cluster (a quote without a
cluster is its own) or a timeline event (through its mentions). Sources are counted as
independent groups: a document and the documents derived from it are one source, so a
re-published agency story neither makes a fact "widely reported" nor hides an omission.

The result fits ``Dossier.coverage``: for each document id, the lists

* ``measures``, ``quotes``, ``events``: the facts it carries;
* ``only_here``: facts no other independent source carries;
* ``omits``: facts most independent sources carry (more than half, at least two) and it lacks.

Fact ids are kept as the linkers made them; an id that two kinds share is written
``kind:id`` in ``only_here`` and ``omits`` so it stays unambiguous.

>>> from triangulate.types import Article, Event, InputKind, Span
>>> docs = [Article(id=i, text="", kind=InputKind.TEXT) for i in "abc"]
>>> e1 = Event("e1", "2023-11-01", "day", "expulsions begin", (Span("a", 0, 1), Span("b", 0, 1)))
>>> e2 = Event("e2", "2023-10-31", "day", "deadline", (Span("c", 0, 1),))
>>> table = coverage(docs, [], [], [], [e1, e2])
>>> table["c"]["omits"], table["c"]["only_here"]
(['e1'], ['e2'])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from triangulate.types import Article, Event, Figure, Measure, Quote

__all__ = ["coverage"]

_KINDS = ("measures", "quotes", "events")


def coverage(
    articles: Sequence[Article],
    measures: Sequence[Measure],
    figures: Sequence[Figure],
    quotes: Sequence[Quote],
    events: Sequence[Event],
    derived_from: Mapping[str, str] | None = None,
) -> dict[str, dict[str, list[str]]]:
    """The source × fact matrix, per document: facts carried, only here, and omitted."""
    derived_from = derived_from or {}
    carried = _carried(measures, figures, quotes, events)
    names = _fact_names(carried)
    source_of = {a.id: derived_from.get(a.id, a.id) for a in articles}
    sources = sorted(set(source_of.values()))
    facts = {(kind, fact) for per_doc in carried.values() for kind, fact in per_doc}
    holders: dict[tuple[str, str], set[str]] = {
        fact: {source_of.get(doc, doc) for doc, per_doc in carried.items() if fact in per_doc}
        for fact in facts
    }
    majority = max(2, len(sources) // 2 + 1)
    table: dict[str, dict[str, list[str]]] = {}
    for article in articles:
        here = carried.get(article.id, set())
        source = source_of[article.id]
        row: dict[str, list[str]] = {
            kind: sorted((f for k, f in here if k == kind), key=_natural) for kind in _KINDS
        }
        row["only_here"] = _sorted_names(
            (f for f in here if holders[f] == {source} and len(sources) > 1), names
        )
        row["omits"] = _sorted_names(
            (
                f
                for f in facts
                if f not in here and source not in holders[f] and len(holders[f]) >= majority
            ),
            names,
        )
        table[article.id] = row
    return table


def _carried(
    measures: Sequence[Measure],
    figures: Sequence[Figure],
    quotes: Sequence[Quote],
    events: Sequence[Event],
) -> dict[str, set[tuple[str, str]]]:
    """For each document, the (kind, id) facts it carries."""
    carried: dict[str, set[tuple[str, str]]] = defaultdict(set)
    figure_doc = {f.id: f.doc_id for f in figures}
    for measure in measures:
        for figure_id in measure.figure_ids:
            if figure_id in figure_doc:
                carried[figure_doc[figure_id]].add(("measures", measure.id))
    for quote in quotes:
        carried[quote.doc_id].add(("quotes", quote.cluster or quote.id))
    for event in events:
        for span in event.mentions:
            carried[span.doc_id].add(("events", event.id))
    return carried


def _fact_names(carried: Mapping[str, set[tuple[str, str]]]) -> dict[tuple[str, str], str]:
    facts = {fact for per_doc in carried.values() for fact in per_doc}
    kinds_of: dict[str, set[str]] = defaultdict(set)
    for kind, fact_id in facts:
        kinds_of[fact_id].add(kind)
    return {
        (kind, fact_id): fact_id if len(kinds_of[fact_id]) == 1 else f"{kind}:{fact_id}"
        for kind, fact_id in facts
    }


def _sorted_names(
    facts: Iterable[tuple[str, str]], names: Mapping[tuple[str, str], str]
) -> list[str]:
    chosen = sorted(facts, key=lambda f: (_KINDS.index(f[0]), _natural(f[1])))
    return [names[f] for f in chosen]


def _natural(fact_id: str) -> tuple[str, int]:
    """ "e2" before "e10"."""
    head = fact_id.rstrip("0123456789")
    tail = fact_id[len(head) :]
    return head, int(tail) if tail else -1
