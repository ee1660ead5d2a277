"""Verdicts on aligned figures: do the sources agree, does the count evolve, or do they conflict?

Each figure admits an interval of values (:mod:`triangulate.normalise.intervals`: "some 2,300"
is 2,250-2,350, "over 2,200" is just above 2,200). A measure's verdict is

- ``single`` when one document gives it;
- ``agree`` when one value lies in every interval (the wordings are roundings and bounds of
  one number);
- ``evolving`` when they do not agree but rise with their as-of dates: some figure lies wholly
  above an earlier one and none wholly below (a running total such as people deported; counts
  and money only);
- ``conflicting`` otherwise: the values cannot all hold.

Every verdict carries a one-line reason a reader can check against the wordings, and counts
independent origins: three outlets repeating one minister are "3 outlets, 1 origin".
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from triangulate.link.figures import keywords
from triangulate.normalise.intervals import Interval, base_unit, common_point, interval, kind
from triangulate.types import Article, Figure, Measure

__all__ = ["VERDICTS", "judge", "judge_all"]

VERDICTS = ("agree", "evolving", "conflicting", "single")
_TOTALS = {"count", "money"}  # what can run up over time; a distance or a magnitude cannot
_BOUNDS = {"over", "under", "nearly", "at_least", "at_most", "up_to"}
_LABEL_WORDS = 8
_T = TypeVar("_T")


def judge_all(
    groups: Sequence[Sequence[Figure]],
    articles: Mapping[str, Article],
    derived_from: Mapping[str, str] | None = None,
) -> list[Measure]:
    """Judge every group, with ids "m1", "m2", … in the order the groups are given."""
    return [
        judge(group, articles, derived_from, measure_id=f"m{number}")
        for number, group in enumerate(groups, start=1)
    ]


def judge(
    group: Sequence[Figure],
    articles: Mapping[str, Article],
    derived_from: Mapping[str, str] | None = None,
    *,
    measure_id: str = "m1",
) -> Measure:
    """The measure a group of aligned figures forms: label, verdict, reason, origins, outlets."""
    if not group:
        raise ValueError("judge() needs at least one figure")
    derived = derived_from or {}
    outlets = _distinct(_outlet(f.doc_id, articles) for f in group)
    origins = _distinct(
        f.attributed_to or _outlet(_root(f.doc_id, derived), articles) for f in group
    )
    docs = _distinct(f.doc_id for f in group)
    if len(docs) == 1:
        verdict, reason = "single", _single_reason(group, outlets[0])
    else:
        verdict, reason = _verdict(group)
    if len(outlets) > len(origins):
        reason += f"; {_plural(len(outlets), 'outlet')}, {_plural(len(origins), 'origin')}"
        reason += f" ({', '.join(origins)})"
    return Measure(
        id=measure_id,
        label=_label(group, articles),
        verdict=verdict,
        reason=reason,
        figure_ids=tuple(f.id for f in group),
        origins=tuple(origins),
        outlets=tuple(outlets),
    )


def _verdict(group: Sequence[Figure]) -> tuple[str, str]:
    units = Counter(base_unit(f.amount) for f in group)
    unit = max(units, key=lambda u: (units[u], -_first(group, u)))
    spans = [
        (f, span)
        for f in group
        if base_unit(f.amount) == unit and (span := interval(f.amount)) is not None
    ]
    others = len(group) - len(spans)
    note = f" ({_plural(others, 'figure')} in other units not compared)" if others else ""
    if len(spans) < 2:
        return "agree", f"only {_q(group[0])} can be compared{note}"
    if common_point([s for _, s in spans]):
        return "agree", _agree_reason(spans) + note
    dated = sorted(
        ((f, s) for f, s in spans if f.as_of is not None),
        key=lambda p: (p[0].as_of, p[1].lo, p[1].hi),
    )
    if kind(group[0].amount) in _TOTALS and _running_total(dated):
        first, last = dated[0][0], dated[-1][0]
        return "evolving", (
            f"rises from {_q(first)} ({_day(first, dated)}) to {_q(last)} "
            f"({_day(last, dated)}){note}"
        )
    return "conflicting", _conflict_reason(spans) + note


def _running_total(dated: Sequence[tuple[Figure, Interval]]) -> bool:
    """Values that rise with their dates: some later figure lies wholly above an earlier one,
    and no earlier figure lies wholly above a later one (same-day figures are not compared)."""
    rises = False
    for (early, a), (late, b) in itertools.combinations(dated, 2):
        if early.as_of == late.as_of or common_point([a, b]):
            continue
        if a.lo >= b.hi:
            return False
        rises = True
    return rises


def _agree_reason(spans: Sequence[tuple[Figure, Interval]]) -> str:
    wordings = _distinct(_q(f) for f, _ in spans)
    signatures = {_signature(f) for f, _ in spans}
    docs = len({f.doc_id for f, _ in spans})
    if len(signatures) == 1:
        return f"{_plural(docs, 'document')} give {wordings[0]}"
    anchor, _ = min(spans, key=lambda p: (p[1].hi - p[1].lo, p[1].lo_open or p[1].hi_open))
    within: list[str] = []
    rounds: list[str] = []
    for figure, _ in spans:
        if _signature(figure) == _signature(anchor) or _q(figure) in within + rounds:
            continue
        (within if _is_bound(figure) else rounds).append(_q(figure))
    parts = []
    if within:
        parts.append("lies within " + _and(within))
    if rounds:
        parts.append("rounds to " + _and(rounds))
    return f"{_q(anchor)} " + " and ".join(parts)


def _conflict_reason(spans: Sequence[tuple[Figure, Interval]]) -> str:
    """Name two figures that cannot both hold, preferring a pair that shares a date."""
    pairs = [(a, b) for a, b in itertools.combinations(spans, 2) if not common_point([a[1], b[1]])]
    (low, _), (high, _) = min(
        pairs, key=lambda p: (p[0][0].as_of != p[1][0].as_of, -abs(p[0][1].lo - p[1][1].lo))
    )
    if low.as_of == high.as_of:
        when = " (same date)" if low.as_of is not None else ""
    else:
        when = f" ({_day(low, [])} vs {_day(high, [])})"
    return f"{_q(low)} vs {_q(high)}{when} cannot both hold"


def _single_reason(group: Sequence[Figure], outlet: str) -> str:
    said = _and(_distinct(_q(f) for f in group))
    who = _distinct(f.attributed_to for f in group if f.attributed_to)
    return f"only {outlet} gives it: {said}" + (f" ({', '.join(who)})" if who else "")


def _label(group: Sequence[Figure], articles: Mapping[str, Article]) -> str:
    """The counted phrase that shares most words with the others: the group's common ground."""
    phrases = _distinct(f.counted.strip() for f in group if f.counted and f.counted.strip())
    if not phrases:
        figure = group[0]
        text = articles[figure.doc_id].text if figure.doc_id in articles else ""
        after = " ".join(text[figure.end : figure.end + 80].split()[:_LABEL_WORDS])
        return f"{figure.text} {after}".strip(" ,.;:")
    words = [keywords(p) for p in phrases]

    def overlap(i: int) -> float:
        return sum(len(words[i] & w) / max(1, len(words[i] | w)) for w in words)

    best = max(range(len(phrases)), key=lambda i: (overlap(i), -len(phrases[i]), -i))
    label = phrases[best]
    return label[:1].upper() + label[1:]


def _outlet(doc_id: str, articles: Mapping[str, Article]) -> str:
    article = articles.get(doc_id)
    return article.outlet if article is not None and article.outlet else doc_id


def _root(doc_id: str, derived_from: Mapping[str, str]) -> str:
    """The document a rewrite descends from, following chains and stopping at cycles."""
    seen = {doc_id}
    while doc_id in derived_from and derived_from[doc_id] not in seen:
        doc_id = derived_from[doc_id]
        seen.add(doc_id)
    return doc_id


def _signature(figure: Figure) -> tuple[object, ...]:
    a = figure.amount
    return (a.value, a.low, a.high, a.qualifier, a.unit, a.multiplier)


def _is_bound(figure: Figure) -> bool:
    a = figure.amount
    return a.qualifier in _BOUNDS or a.value is None


def _first(group: Sequence[Figure], unit: str) -> int:
    return next(i for i, f in enumerate(group) if base_unit(f.amount) == unit)


def _day(figure: Figure, dated: Sequence[tuple[Figure, Interval]]) -> str:
    day = figure.as_of
    if day is None:
        return "undated"
    years = {f.as_of.year for f, _ in dated if f.as_of is not None}
    return _format_day(day, with_year=len(years) > 1)


def _format_day(day: dt.date, *, with_year: bool) -> str:
    return f"{day:%b} {day.day}" + (f", {day.year}" if with_year else "")


def _q(figure: Figure) -> str:
    return f"'{figure.text}'"


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _distinct(items: Iterable[_T]) -> list[_T]:
    return list(dict.fromkeys(items))
