"""The timeline: date mentions become events, and the same event told by several sources is one.

Each date mention, with the sentence it stands in, is an event candidate; its description is
the clause the extractor found around the date (else a window of the sentence), so it is always
text from the article. Two candidates are the same event when their dates are compatible (equal,
or one holds the other: ``2021`` and ``2021-08``) and they say similar things (content-word
overlap weighted by rarity across the story's sentences, so "Pakistan" counts for less than
"takeover"). The same calendar day in two documents is taken as one event: within one story,
sources rarely date two different things to the same day.

>>> from triangulate.types import DateMention, Sentence
>>> s = Sentence("a", 0, 29, "The TTP was founded in 2007.")
>>> m = DateMention("a", 20, 27, "in 2007", "2007", "year", 0, 29, 0, 27)
>>> [(e.id, e.date, e.description) for e in build_events([m], [s])]
[('e1', '2007', 'The TTP was founded in 2007')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from triangulate.link._tokens import content_tokens, idf_weights, weighted_overlap
from triangulate.types import DateMention, Event, Sentence, Span

__all__ = ["build_events"]

_SAME_EVENT = 0.3
_MAX_WORDS = 15
_NEAR_WORDS = 6
_PRECISION_ORDER = {"day": 0, "month": 1, "span": 2, "year": 3}
# Words that only restate the date: they must not make two events look alike.
_DATE_WORDS_TEXT = """january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday recent last past
    year month week day today yesterday ago earlier half first second same period"""
_DATE_WORDS = frozenset(_DATE_WORDS_TEXT.split())


@dataclass(slots=True)
class _Candidate:
    mention: DateMention
    description: str
    tokens: frozenset[str]
    near: frozenset[str]


def build_events(mentions: Sequence[DateMention], sentences: Sequence[Sentence]) -> list[Event]:
    """Group date mentions into dated events, sorted by date, with ids ``e1``, ``e2``…"""
    by_doc: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_doc[sentence.doc_id].append(sentence)
    idf = idf_weights(s.text for s in sentences)
    candidates = [_candidate(m, by_doc.get(m.doc_id, [])) for m in mentions]
    groups = _group(candidates, idf)
    events = [_event(group, idf) for group in groups]
    events.sort(key=lambda e: (_sort_key(e.date), _PRECISION_ORDER.get(e.precision, 9)))
    return [
        Event(f"e{i}", e.date, e.precision, e.description, e.mentions)
        for i, e in enumerate(events, 1)
    ]


def _candidate(mention: DateMention, sentences: list[Sentence]) -> _Candidate:
    sentence = next(
        (s for s in sentences if s.start <= mention.start and mention.end <= s.end), None
    )
    description = _description(mention, sentence)
    near = _window(mention, sentence) if sentence else description
    return _Candidate(mention, description, _topic(description), _topic(near))


def _topic(text: str) -> frozenset[str]:
    return frozenset(t for t in content_tokens(text) - _DATE_WORDS if not t.isdigit())


def _window(mention: DateMention, sentence: Sentence) -> str:
    """The few words either side of the date: what a date modifies sits next to it."""
    start, end = mention.start - sentence.start, mention.end - sentence.start
    left = sentence.text[:start].split()[-_NEAR_WORDS:]
    right = sentence.text[end:].split()[:_NEAR_WORDS]
    return " ".join([*left, *right])


def _description(mention: DateMention, sentence: Sentence | None) -> str:
    """The clause around the date, read from the sentence text, at most ~15 words."""
    if sentence is None:
        return mention.text
    text, offset = sentence.text, sentence.start
    if mention.clause_start is not None and mention.clause_end is not None:
        start, end = mention.clause_start - offset, mention.clause_end - offset
        if 0 <= start < end <= len(text):
            return _tidy(text[start:end])
    # No clause from the parser: the words around the date, cut at clause punctuation.
    start, end = mention.start - offset, mention.end - offset
    left = re.split(r"[;:,—–(]\s", text[:start])[-1].split()
    right = re.split(r"[;:,—–)]\s|\.\s*$", text[end:])[0].split()
    budget = max(0, _MAX_WORDS - len(mention.text.split()))
    take_left = left[-min(len(left), max(budget - min(len(right), budget // 2), 0)) :]
    take_left = take_left if budget else []
    take_right = right[: max(0, budget - len(take_left))]
    return _tidy(" ".join([*take_left, text[start:end], *take_right]))


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"^(?:and|but|or|while|as|that|which)\s+", "", text, flags=re.I)
    return text.strip(" ,;:—–-")


def _compatible(left: DateMention, right: DateMention) -> bool:
    """Equal dates, or one holding the other; a vague span ("in recent years") only itself."""
    if "span" in (left.precision, right.precision):
        return left.date == right.date and left.precision == right.precision
    return left.date.startswith(right.date) or right.date.startswith(left.date)


def _group(candidates: list[_Candidate], idf: dict[str, float]) -> list[list[_Candidate]]:
    """Average-free agglomeration: best pairs first, never joining incompatible dates."""
    pairs: list[tuple[float, int, int]] = []
    for i, a in enumerate(candidates):
        for j in range(i + 1, len(candidates)):
            b = candidates[j]
            if not _compatible(a.mention, b.mention):
                continue
            score = _similarity(a, b, idf)
            if score >= _SAME_EVENT:
                pairs.append((score, i, j))
    cluster = list(range(len(candidates)))
    members: dict[int, list[int]] = {i: [i] for i in cluster}
    for _, i, j in sorted(pairs, reverse=True):
        ci, cj = cluster[i], cluster[j]
        if ci == cj:
            continue
        joined = members[ci] + members[cj]
        dated = [candidates[k].mention for k in joined]
        if not all(_compatible(x, y) for x in dated for y in dated):
            continue
        for k in members[cj]:
            cluster[k] = ci
        members[ci] = joined
        del members[cj]
    return [[candidates[k] for k in sorted(group)] for group in members.values()]


def _similarity(a: _Candidate, b: _Candidate, idf: dict[str, float]) -> float:
    ma, mb = a.mention, b.mention
    same_day = ma.date == mb.date and ma.precision == mb.precision == "day"
    if same_day and (ma.doc_id != mb.doc_id or ma.sentence_start == mb.sentence_start):
        return 1.0
    if ma.doc_id == mb.doc_id and ma.sentence_start == mb.sentence_start:
        return 1.0 if ma.date == mb.date else 0.0
    return max(
        weighted_overlap(a.tokens, b.tokens, idf), weighted_overlap(a.near, b.near, idf)
    )


def _event(group: list[_Candidate], idf: dict[str, float]) -> Event:
    # The most specific date stands for the group (all members are compatible with it).
    best = max(
        group, key=lambda c: (len(c.mention.date), -_PRECISION_ORDER.get(c.mention.precision, 9))
    )
    description = max(
        group,
        key=lambda c: (
            sum(weighted_overlap(c.tokens, o.tokens, idf) for o in group if o is not c),
            -abs(len(c.description.split()) - 10),
        ),
    ).description
    spans = tuple(
        Span(c.mention.doc_id, c.mention.start, c.mention.end)
        for c in sorted(group, key=lambda c: (c.mention.doc_id, c.mention.start))
    )
    return Event("", best.mention.date, best.mention.precision, description, spans)


def _sort_key(date: str) -> str:
    # "2021" sorts before "2021-08" and after "2020-12": pad to a full day at its start.
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]
