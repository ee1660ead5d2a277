"""Verdicts on aligned figures: do the sources agree, does the count evolve, or do they conflict?

Each figure admits an interval of values (:mod:`triangulate.normalise.intervals`: "some 2,300"
is 2,250-2,350, "over 2,200" is just above 2,200). A measure's verdict is

- ``single`` when one document gives it (unless it sets two sources against each other on
  values that cannot both hold: then ``conflicting``);
- ``agree`` when one value lies in every interval (the wordings are roundings and bounds of
  one number);
- ``evolving`` when they do not agree but can rise with their as-of dates: no figure lies
  wholly above a later one, and some lies wholly below a later one (a running total such as
  people deported; counts, money and durations only). A figure whose date is unknown (its
  document is undated, or dated only by estimate from the rest of the story) may sit anywhere
  in the series: an unknown date is never read as a different date, so it cannot refute the
  others, nor can figures that are all undated show a rise ("three" and "two" banks, no dates);
- ``conflicting`` otherwise: the values cannot all hold.

Every verdict carries a one-line reason that names values, outlets and dates a reader can check
against the wordings, and the measure counts independent origins: three outlets repeating one
minister are 3 outlets but 1 origin. Labels come from :mod:`triangulate.verdicts._labels`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from triangulate.link.derivatives import original_of
from triangulate.normalise.intervals import Interval, base_unit, common_point, interval, kind
from triangulate.types import Article, Figure, Measure
from triangulate.verdicts._labels import label_of

__all__ = ["VERDICTS", "judge", "judge_all", "known_date"]

VERDICTS = ("agree", "evolving", "conflicting", "single")
_TOTALS = {"count", "money", "duration"}  # what can run up over time; a distance cannot
_BOUNDS = {"over", "under", "nearly", "at_least", "at_most", "up_to"}
_NAMED = 3  # outlets named for one wording before "and N more"
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
    sources = _Sources(articles, {f.id: known_date(f, articles) for f in group})
    outlets = _distinct(sources.label(f.doc_id) for f in group)
    origins = _distinct(
        f.attributed_to or sources.origin(original_of(f.doc_id, derived)) for f in group
    )
    verdict, reason = _verdict(group, sources)
    speakers = {f.attributed_to for f in group if f.attributed_to}
    if len({f.doc_id for f in group}) == 1 and not (verdict == "conflicting" and len(speakers) > 1):
        # One report gives it, unless it sets two sources against each other ("Tehran's
        # seismologic center said 5.9, but the U.S. Geological Survey said 6.1").
        verdict, reason = "single", sources.single(group)
    elif verdict == "agree" and len(origins) == 1 and len(outlets) > 1:
        reason += f", all from {origins[0]}"
    return Measure(
        id=measure_id,
        label=label_of(group, articles),
        verdict=verdict,
        reason=reason,
        figure_ids=tuple(f.id for f in group),
        origins=tuple(origins),
        outlets=tuple(outlets),
    )


def known_date(figure: Figure, articles: Mapping[str, Article]) -> dt.date | None:
    """The figure's as-of date, or None when it is unknown: no date, or only the estimate an
    undated article was given from the rest of the story."""
    article = articles.get(figure.doc_id)
    if article is not None and article.date_estimated and figure.as_of == article.published:
        return None
    return figure.as_of


@dataclass(frozen=True, slots=True)
class _Point:
    """A comparable figure: its interval and its place in time (None: unknown)."""

    figure: Figure
    span: Interval
    day: dt.date | None


def _verdict(group: Sequence[Figure], sources: _Sources) -> tuple[str, str]:
    units = Counter(base_unit(f.amount) for f in group)
    unit = max(units, key=lambda u: (units[u], -_first(group, u)))
    # A bare number that alignment put with sums of money or with percentages is one of
    # them, its sign left out: "grossed more than 141 million", "a blood-alcohol level of .41".
    signed = kind(group[_first(group, unit)].amount) in {"money", "percent"}
    points = [
        _Point(f, span, sources.day(f))
        for f in group
        if base_unit(f.amount) in ({unit, ""} if signed else {unit})
        and (span := interval(f.amount)) is not None
    ]
    others = len(group) - len(points)
    note = f" ({_plural(others, 'figure')} in other units not compared)" if others else ""
    if len(points) < 2:
        return "agree", f"only {sources.quote(group[0])} can be compared{note}"
    if common_point([p.span for p in points]):
        return "agree", sources.agreement([(p.figure, p.span) for p in points]) + note
    if kind(group[0].amount) in _TOTALS and (reason := _evolving(points, sources)):
        return "evolving", reason + note
    return "conflicting", _conflict_reason(points, sources) + note


def _evolving(points: Sequence[_Point], sources: _Sources) -> str | None:
    """The reason the figures form a rising count, or None when they cannot.

    Dated figures must never fall; each undated document must fit at some place in the dated
    series (its figures sharing that place); and something must rise, among the dated figures
    or where an undated one fits.
    """
    dated = sorted((p for p in points if p.day is not None), key=lambda p: p.day or dt.date.min)
    if any(_falls(a, b) or _same_day_clash(a, b) for a, b in itertools.combinations(dated, 2)):
        return None
    days = sorted({p.day for p in dated if p.day is not None})
    undated: dict[str, list[_Point]] = {}
    for p in points:
        if p.day is None:
            undated.setdefault(p.figure.doc_id, []).append(p)
    rises = any(_rises(a, b) for a, b in itertools.combinations(dated, 2))
    for members in undated.values():
        fits = [slot for slot in range(2 * len(days) + 1) if _fits(members, slot, dated, days)]
        if not fits:
            return None
        rises = rises or any(_rises_at(members, slot, dated, days) for slot in fits)
    loose = [p for members in undated.values() for p in members]
    if not rises:
        return None
    return sources.series([p.figure for p in dated], [p.figure for p in loose])


def _falls(early: _Point, late: _Point) -> bool:
    """An earlier figure wholly above a later one (same-day figures are not compared)."""
    return early.day != late.day and early.span.lo >= late.span.hi and not _overlap(early, late)


def _same_day_clash(a: _Point, b: _Point) -> bool:
    """Two stated numbers of one day that cannot both hold ("five" and "six" rifles on Nov 11):
    a count does not run up within the day its sources disagree on. Vague amounts ("tens of
    thousands") undersell rather than state, so they never clash."""
    return (
        a.day == b.day
        and a.figure.amount.value is not None
        and b.figure.amount.value is not None
        and not _overlap(a, b)
    )


def _rises(early: _Point, late: _Point) -> bool:
    return early.day != late.day and not _overlap(early, late) and early.span.hi <= late.span.lo


def _overlap(a: _Point, b: _Point) -> bool:
    return common_point([a.span, b.span])


def _position(point: _Point, days: Sequence[dt.date]) -> int:
    """Odd slots are the known days; even slots lie between them (and before and after)."""
    return 2 * days.index(point.day) + 1 if point.day is not None else -1


def _fits(
    members: Sequence[_Point], slot: int, dated: Sequence[_Point], days: Sequence[dt.date]
) -> bool:
    for member in members:
        for other in dated:
            place = _position(other, days)
            if place < slot and other.span.lo >= member.span.hi and not _overlap(other, member):
                return False
            if place > slot and member.span.lo >= other.span.hi and not _overlap(other, member):
                return False
    return True


def _rises_at(
    members: Sequence[_Point], slot: int, dated: Sequence[_Point], days: Sequence[dt.date]
) -> bool:
    for member in members:
        for other in dated:
            place = _position(other, days)
            if _overlap(other, member) or place == slot:
                continue
            return True  # it fits, so it lies below every later and above every earlier one
    return False


def _conflict_reason(points: Sequence[_Point], sources: _Sources) -> str:
    """Name two figures that cannot both hold: a same-day pair first, then a fall over time,
    then the widest gap; a pair with an unknown date comes last."""
    pairs = [(a, b) for a, b in itertools.combinations(points, 2) if not _overlap(a, b)]

    def rank(pair: tuple[_Point, _Point]) -> tuple[int, float]:
        a, b = pair
        if a.day is not None and a.day == b.day:
            order = 0
        elif a.day is not None and b.day is not None:
            order = 1 if _falls(*sorted(pair, key=lambda p: p.day or dt.date.min)) else 2
        else:
            order = 3
        return order, -abs(a.span.lo - b.span.lo)

    first, second = min(pairs, key=rank)
    return sources.conflict(first.figure, second.figure)


def _first(group: Sequence[Figure], unit: str) -> int:
    return next(i for i, f in enumerate(group) if base_unit(f.amount) == unit)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _distinct(items: Iterable[_T]) -> list[_T]:
    return list(dict.fromkeys(items))


class _Sources:
    """How reasons name figures: wording, outlet (or document id) and, where it matters, date."""

    def __init__(self, articles: Mapping[str, Article], days: Mapping[str, dt.date | None]):
        self._articles = articles
        self._days = days
        years = {d.year for d in days.values() if d is not None}
        self._with_year = len(years) > 1

    def day(self, figure: Figure) -> dt.date | None:
        """The figure's known as-of date (None: unknown)."""
        return self._days.get(figure.id)

    def label(self, doc_id: str) -> str:
        """The outlet, else the document id."""
        article = self._articles.get(doc_id)
        return article.outlet if article is not None and article.outlet else doc_id

    def origin(self, doc_id: str) -> str:
        """An origin a reader can tell apart: the outlet, else the id marked as unnamed."""
        name = self.label(doc_id)
        return name if name != doc_id else f"{doc_id} (unnamed outlet)"

    def quote(self, figure: Figure, *, dated: bool = False) -> str:
        """The wording and its outlet, with the date (or "undated") when ``dated``."""
        where = self.label(figure.doc_id)
        where += ", unnamed outlet" if where == figure.doc_id else ""
        if dated:
            day = self.day(figure)
            where += f", {self._format(day)}" if day is not None else ", undated"
        return f"'{figure.text}' ({where})"

    def single(self, group: Sequence[Figure]) -> str:
        """Reason of a measure only one document gives."""
        said = _and(_distinct(f"'{f.text}'" for f in group))
        who = _distinct(f.attributed_to for f in group if f.attributed_to)
        source = self.origin(group[0].doc_id)
        return f"only {source} gives it: {said}" + (f" ({', '.join(who)})" if who else "")

    def agreement(self, spans: Sequence[tuple[Figure, Interval]]) -> str:
        """Which wording is the tightest and how the others bound or round it."""
        wordings: dict[tuple[object, ...], list[Figure]] = {}
        for figure, _ in spans:
            wordings.setdefault(_signature(figure), []).append(figure)
        if len(wordings) == 1:
            figures = next(iter(wordings.values()))
            return f"{self._outlets(figures)} give '{figures[0].text}'"
        anchor, _ = min(spans, key=lambda p: (p[1].hi - p[1].lo, p[1].lo_open or p[1].hi_open))
        within: list[str] = []
        rounds: list[str] = []
        for signature, figures in wordings.items():
            if signature != _signature(anchor):
                (within if _is_bound(figures[0]) else rounds).append(self._wording(figures))
        parts = (["lies within " + _and(within)] if within else []) + (
            ["rounds to " + _and(rounds)] if rounds else []
        )
        return f"{self._wording(wordings[_signature(anchor)])} " + " and ".join(parts)

    def series(self, dated: Sequence[Figure], undated: Sequence[Figure]) -> str:
        """Reason of a rising count: its first and last dated values, and where undated fit."""
        rise = ""
        if dated:
            low = min(dated, key=lambda f: (self.day(f) or dt.date.min, _span(f).lo))
            high = max(dated, key=lambda f: (self.day(f) or dt.date.min, _span(f).hi))
            if not common_point([_span(low), _span(high)]):
                rise = f"rises from {self.quote(low, dated=True)} to {self.quote(high, dated=True)}"
        if not undated:
            return rise
        loose = _distinct(self.quote(f, dated=True) for f in undated)
        if rise:
            return f"{rise}; {_and(loose)} {'fits' if len(loose) == 1 else 'fit'} in that rise"
        told = _and(_distinct(self.quote(f, dated=True) for f in dated) + loose)
        return f"{told} differ, but with dates unknown they can hold as a count rising over time"

    def conflict(self, a: Figure, b: Figure) -> str:
        """Two figures that cannot both hold."""
        day_a, day_b = self.day(a), self.day(b)
        if day_a is not None and day_a == day_b:
            return f"{self.quote(a)} vs {self.quote(b)} cannot both hold on {self._format(day_a)}"
        return f"{self.quote(a, dated=True)} vs {self.quote(b, dated=True)} cannot both hold"

    def _wording(self, figures: Sequence[Figure]) -> str:
        return f"'{figures[0].text}' ({self._outlets(figures)})"

    def _outlets(self, figures: Sequence[Figure]) -> str:
        names = _distinct(self.origin(f.doc_id) for f in figures)
        if len(names) > _NAMED:
            return ", ".join(names[:_NAMED]) + f" and {len(names) - _NAMED} more"
        return _and(names)

    def _format(self, day: dt.date | None) -> str:
        if day is None:
            return "undated"
        return f"{day:%b} {day.day}" + (f", {day.year}" if self._with_year else "")


def _span(figure: Figure) -> Interval:
    return interval(figure.amount) or Interval(0.0, 0.0)


def _signature(figure: Figure) -> tuple[object, ...]:
    a = figure.amount
    return (a.value, a.low, a.high, a.qualifier, a.unit, a.multiplier)


def _is_bound(figure: Figure) -> bool:
    a = figure.amount
    return a.qualifier in _BOUNDS or a.value is None


def _and(items: Sequence[str]) -> str:
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
