"""The timeline: date mentions become events, and the same event told by several sources is one.

Each date mention, with the sentence it stands in, is an event candidate; its description is
the clause the extractor found around the date (else a window of the sentence), so it is always
text from the article. Two candidates are the same event when their dates are compatible (equal,
or one holds the other: ``2021`` and ``2021-08``; a weekend holds its Saturday and Sunday) and
they say similar things: content words around the date, cut to a common stem ("deported" and
"deportation") and folded into a few families news writes in many ways ("takeover" and "rise to
power", "expulsion" and "deportation"), weighted by rarity across the story's sentences, so
"Pakistan" counts for less than "takeover". Dates within the same few days (a day, its weekend)
ask for less overlap, and are one event outright when both name the same kind of happening
("a quake hit", "the tremor shook"); a day written out ("on November 1", "since November 1")
is an anchor of the story, one event across sources whatever words surround it. Weekdays and
"today" crowd the news days, so there content decides: a strike and a fire bombing, both on
Wednesday, stay two events.

>>> from triangulate.types import DateMention, Sentence
>>> s = Sentence("a", 0, 29, "The TTP was founded in 2007.")
>>> m = DateMention("a", 20, 27, "in 2007", "2007", "year", 0, 29, 0, 27)
>>> [(e.id, e.date, e.description) for e in build_events([m], [s])]
[('e1', '2007', 'The TTP was founded in 2007')]
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from triangulate.link._tokens import content_tokens, weighted_overlap
from triangulate.types import DateMention, Event, Sentence, Span

__all__ = ["build_events"]

_SAME_EVENT = 0.3
_SAME_DAY = 0.2
_STEM = 6  # characters kept of a word: "deportation" and "deported" meet at "deport"
_MAX_WORDS = 15
_NEAR_WORDS = 6
_PRECISION_ORDER = {"day": 0, "month": 1, "span": 2, "year": 3}
# Words that only restate the date: they must not make two events look alike.
_DATE_WORDS_TEXT = """january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday recent last past
    year month week day today yesterday ago earlier half first second same period"""
_DATE_WORDS = frozenset(_DATE_WORDS_TEXT.split())
_MONTH_DAY = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{4}-\d{2}-\d{2}"
)
# Words news uses for one kind of happening; each family counts as one word when comparing.
_FAMILIES_TEXT = """
    expel expulsion deport deportation repatriate repatriation evict eviction
    takeover seize seizure power coup topple ouster overthrow
    begin began begun start launch commence
    kill dead death die toll fatality
    injure injury wound hurt
    attack bombing bomb bomber blast explosion assault ambush firebomb
    earthquake quake tremor temblor
    hit struck shook shake rock jolt
    protest protester demonstration demonstrator rally
    announce announcement unveil declare
    agree agreement deal accord pact
    vote ballot approve approval
    arrest detain detention custody
    elect election
    resign resignation
    found establish formation
    build built construct construction
    flee exodus escape
    deadline ultimatum
"""


def _stem(token: str) -> str:
    # A final "e" goes too: "agreed" and "agreeing" come out of the tokens as "agre"/"agree".
    return token[:_STEM].rstrip("e") or token


def _family_map() -> dict[str, str]:
    """Each word's stem to the stem of the first word of its family."""
    families: dict[str, str] = {}
    for line in _FAMILIES_TEXT.strip().splitlines():
        stems = [_stem(next(iter(content_tokens(w)), w)) for w in line.split()]
        families.update((stem, stems[0]) for stem in stems)
    return families


_FAMILY = _family_map()
# Families that name a kind of happening; announcing, beginning or hitting something does not.
_KINDS = frozenset(_FAMILY.values()) - {_FAMILY[_stem(w)] for w in ("announce", "begin", "hit")}


@dataclass(slots=True)
class _Candidate:
    mention: DateMention
    description: str
    tokens: frozenset[str]
    near: frozenset[str]
    low: int
    high: int


def build_events(mentions: Sequence[DateMention], sentences: Sequence[Sentence]) -> list[Event]:
    """Group date mentions into dated events, sorted by date, with ids ``e1``, ``e2``…"""
    by_doc: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_doc[sentence.doc_id].append(sentence)
    idf = _idf(sentences)
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
    low, high = _interval(mention)
    return _Candidate(mention, description, _topic(description), _topic(near), low, high)


def _topic(text: str) -> frozenset[str]:
    """Content words as stems, each family of synonyms as one."""
    return frozenset(
        _FAMILY.get(stem, stem)
        for stem in (_stem(t) for t in content_tokens(text) - _DATE_WORDS if not t.isdigit())
    )


def _idf(sentences: Sequence[Sentence]) -> dict[str, float]:
    """Rarity of each stem over the story's sentences."""
    counts: dict[str, int] = defaultdict(int)
    for sentence in sentences:
        for stem in _topic(sentence.text):
            counts[stem] += 1
    total = len(sentences)
    return {stem: math.log((1 + total) / (1 + n)) + 1.0 for stem, n in counts.items()}


def _interval(mention: DateMention) -> tuple[int, int]:
    """The first and last day (ordinals) a mention covers; a vague span covers only itself."""
    parts = [int(p) for p in mention.date.split("-")]
    first = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    if len(parts) == 3:
        # A span given by its first day is a weekend (from a Saturday) or a week.
        days = 1 if mention.precision != "span" else (2 if first.weekday() == 5 else 7)
        return first.toordinal(), first.toordinal() + days - 1
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first.toordinal(), following.toordinal() - 1
    return first.toordinal(), dt.date(parts[0], 12, 31).toordinal()


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


def _compatible(left: _Candidate, right: _Candidate) -> bool:
    """One date holds the other; a vague span ("in recent years") matches only itself."""
    a, b = left.mention, right.mention
    if _vague(a) or _vague(b):
        return a.date == b.date and a.precision == b.precision
    if (a.anchored or b.anchored) and a.precision != b.precision:
        return False  # "the next day" is a day counted, not one a coarser date may mean
    inside = left.low >= right.low and left.high <= right.high
    return inside or (right.low >= left.low and right.high <= left.high)


def _vague(mention: DateMention) -> bool:
    # Spans from a month or year ("the first half of 2023", "the past two years") have no
    # known end; weekends and weeks, given by their first day, do.
    return mention.precision == "span" and len(mention.date) < 10


def _group(candidates: list[_Candidate], idf: dict[str, float]) -> list[list[_Candidate]]:
    """Average-free agglomeration: best pairs first, never joining incompatible dates."""
    pairs: list[tuple[float, int, int]] = []
    for i, a in enumerate(candidates):
        for j in range(i + 1, len(candidates)):
            b = candidates[j]
            if not _compatible(a, b):
                continue
            score = _similarity(a, b, idf)
            if score >= _threshold(a, b):
                pairs.append((score, i, j))
    cluster = list(range(len(candidates)))
    members: dict[int, list[int]] = {i: [i] for i in cluster}
    for _, i, j in sorted(pairs, reverse=True):
        ci, cj = cluster[i], cluster[j]
        if ci == cj:
            continue
        joined = members[ci] + members[cj]
        dated = [candidates[k] for k in joined]
        if not all(_compatible(x, y) for x in dated for y in dated):
            continue
        for k in members[cj]:
            cluster[k] = ci
        members[ci] = joined
        del members[cj]
    return [[candidates[k] for k in sorted(group)] for group in members.values()]


def _threshold(a: _Candidate, b: _Candidate) -> float:
    """Less overlap for dates within the same few days (a day, its weekend, its week)."""
    return _SAME_DAY if _close(a, b) else _SAME_EVENT


def _written_day(mention: DateMention) -> bool:
    return mention.precision == "day" and _MONTH_DAY.search(mention.text) is not None


def _close(a: _Candidate, b: _Candidate) -> bool:
    return max(a.high - a.low, b.high - b.low) < 7


def _similarity(a: _Candidate, b: _Candidate, idf: dict[str, float]) -> float:
    ma, mb = a.mention, b.mention
    if ma.doc_id == mb.doc_id and ma.sentence_start == mb.sentence_start and ma.date == mb.date:
        return 1.0
    # A day written out ("on November 1", "October 31") is an anchor of the story: sources
    # seldom give two happenings the same one. Weekdays and "today" crowd the news days.
    if _written_day(ma) and _written_day(mb) and ma.date == mb.date:
        return 1.0
    # The same kind of happening within the same days ("a quake hit", "the earthquake struck")
    # is one event, however common the word is in the story.
    if _close(a, b) and (a.tokens | a.near) & (b.tokens | b.near) & _KINDS:
        return 1.0
    return max(weighted_overlap(a.tokens, b.tokens, idf), weighted_overlap(a.near, b.near, idf))


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
