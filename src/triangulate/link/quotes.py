"""The same quote told by several outlets: one cluster, with the earliest outlet marked.

Outlets trim, re-punctuate and re-translate quotes, so wording is compared as bags of words:
two quotes match when most of the shorter one's words are in the longer one (a partial quote
of the same remark) and they share enough words for that not to be chance. Where the outlets
agree on who said it, every telling gets the speaker in its fullest form, also one whose own
outlet names none ("“...,” he said" in an article whose antecedent the resolver missed).

>>> from triangulate.types import Article, InputKind, Quote
>>> import datetime as dt
>>> a = Article("a", "", InputKind.TEXT, published=dt.date(2023, 11, 8))
>>> b = Article("b", "", InputKind.TEXT, published=dt.date(2023, 11, 7))
>>> words = "we will not hold them indefinitely"
>>> out = cluster_quotes([Quote("a:q1", "a", 0, 1, words), Quote("b:q1", "b", 0, 1, words)], [a, b])
>>> [(q.id, q.cluster, q.earliest) for q in out]
[('a:q1', 'qc1', False), ('b:q1', 'qc1', True)]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from triangulate.types import Article, Quote

__all__ = ["MIN_CONTAINMENT", "MIN_SHARED_WORDS", "cluster_quotes", "quote_similarity"]

MIN_CONTAINMENT = 0.8
MIN_SHARED_WORDS = 4
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STOP = frozenset({"the", "a", "an", "and", "of", "to", "in", "is", "it", "that", "on"})


def quote_similarity(left: str, right: str) -> float:
    """Share of the shorter quote's content words found in the other (0..1)."""
    a, b = _words(left), _words(right)
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def cluster_quotes(quotes: Sequence[Quote], articles: Sequence[Article]) -> list[Quote]:
    """Quotes with ``cluster`` ids; ``earliest`` marks the first outlet of a shared quote."""
    words = [_words(q.text) for q in quotes]
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            shared = len(words[i] & words[j])
            smaller = min(len(words[i]), len(words[j]))
            if (
                smaller
                and shared >= min(MIN_SHARED_WORDS, smaller)
                and (shared / smaller >= MIN_CONTAINMENT)
            ):
                parent[find(j)] = find(i)

    order = {a.id: n for n, a in enumerate(articles)}
    published = {a.id: a.published for a in articles}
    members: dict[int, list[int]] = {}
    for i in range(len(quotes)):
        members.setdefault(find(i), []).append(i)
    out = list(quotes)
    for number, root in enumerate(sorted(members, key=lambda r: min(members[r])), start=1):
        group = members[root]
        first = _earliest(group, quotes, published, order)
        several = len({quotes[i].doc_id for i in group}) > 1
        speaker = _agreed_speaker([quotes[i].speaker for i in group])
        for i in group:
            out[i] = replace(
                quotes[i],
                cluster=f"qc{number}",
                earliest=several and i == first,
                speaker=speaker or quotes[i].speaker,
            )
    return out


def _agreed_speaker(speakers: Sequence[str | None]) -> str | None:
    """The one speaker the outlets of a quote agree on, in its fullest form, else None.

    "Kafoury" and "Charlene Kafoury", "the officer" and "a naval officer" agree (the same last
    word); an outlet that names no speaker takes theirs. Outlets naming different speakers keep
    their own.
    """
    named = [s for s in speakers if s]
    if len({_last_word(s) for s in named}) != 1:
        return None
    # A definite description ("the officer") points back at a fuller one told elsewhere.
    return max(named, key=lambda s: (not s.lower().startswith("the "), len(s.split())))


def _last_word(name: str) -> str:
    words = name.lower().split()
    return words[-1] if words else ""


def _earliest(
    group: list[int],
    quotes: Sequence[Quote],
    published: dict[str, dt.date | None],
    order: dict[str, int],
) -> int:
    """The quote from the earliest-published document; ties go to document order."""

    def key(i: int) -> tuple[dt.date, int, int]:
        date = published.get(quotes[i].doc_id) or dt.date.max
        return date, order.get(quotes[i].doc_id, len(order)), i

    return min(group, key=key)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _STOP
