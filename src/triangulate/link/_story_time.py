"""Time evidence for story clustering: when did the events an article tells take place?

Two events of one kind with the same participants (a boxer's two title fights, one region's two
earthquakes, two Oscar ceremonies) differ mostly in time, and many articles state no date. They
do name years, though, and the latest year a news text names is most of the time the year of its
events or the one before ("the 2014 Oscars" is named in 2013). A story keeps a histogram of its
members' latest years; an article whose latest year lies two or more years outside the range of
that histogram probably tells another event. That evidence is soft and one-sided by design: a
story's range only widens as members join, so an odd member (a profile naming only 1992) makes
the test more lenient, never stricter. Trusted publication dates give hard evidence: an article
cannot tell the events of a story whose members name years after its publication, nor name years
after the story's own publication.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping

__all__ = [
    "article_time",
    "contradicts",
    "latest_year",
    "stories_contradict",
    "trusted_date",
    "year_conflict",
    "years_apart",
]

# As normalise.metadata reads years: 1950-2099, so birth years and old history do not count.
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
# A year that ends a span ("through 2017", "until 2012", "by 2020", the 2010 of "2009-2010") is
# a plan or a contract's term, not the time of the events told.
_SPAN_END = re.compile(r"(?:\b(?:through|thru|until|till|by)(?:\s+[\w'-]+){0,4}\s+|\d[-–/])$", re.I)
_LOOK_BACK = 40
# Publication dates read from the input, a header, the top line or the URL. Dates guessed from a
# weekday ("Thursday, December 11": the latest year that fits) or bounded by an event the text
# mentions are too often years off to veto a merge.
_TRUSTED_METHODS = frozenset({"stated", "header", "date near the top", "source URL"})
# Years apart that tell two events: one year apart is one event named in its next year.
_APART = 2


def trusted_date(published: dt.date | None, methods: Collection[str], text: str) -> dt.date | None:
    """``published`` if it was read reliably (``methods``: how) and the text does not contradict it.

    A text that names a year later than the date's next year (plans aside: "through 2017") was
    not written then: a date found in the text was probably a birth date or an earlier event's.
    """
    return _trusted(published, methods, _event_years(text))


def latest_year(text: str, published: dt.date | None = None) -> int | None:
    """The latest year a text names or its publication year, None if it has neither.

    Years that end a span ("a contract through 2017") are plans, not events, and are left out;
    so are, with a publication date, years after its next year.
    """
    return _latest(_event_years(text), published)


def article_time(
    text: str, published: dt.date | None, methods: Collection[str]
) -> tuple[dt.date | None, int | None]:
    """An article's trusted publication date and its latest year (see the two functions above)."""
    years = _event_years(text)
    trusted = _trusted(published, methods, years)
    return trusted, _latest(years, trusted)


def year_conflict(year: int | None, story_years: Mapping[int, int]) -> int:
    """1 if ``year`` is two or more after all the story's latest years, -1 if before, else 0."""
    if year is None or not story_years:
        return 0
    if year >= max(story_years) + _APART:
        return 1
    return -1 if year <= min(story_years) - _APART else 0


def contradicts(
    year: int | None,
    published: dt.date | None,
    story_years: Mapping[int, int],
    story_last: dt.date | None,
) -> bool:
    """Whether trusted dates rule out one event: one side names years after the other's date.

    The article names a year two or more after the story's latest trusted publication date, or
    the article has a trusted date and a story member names a year two or more after it.
    """
    if year is not None and story_last is not None and year >= story_last.year + _APART:
        return True
    return published is not None and any(y >= published.year + _APART for y in story_years)


def years_apart(a: Mapping[int, int], b: Mapping[int, int]) -> bool:
    """Whether two stories' latest-year histograms lie two or more years apart (see above)."""
    if not a or not b:
        return False
    return min(a) >= max(b) + _APART or min(b) >= max(a) + _APART


def stories_contradict(
    years_a: Mapping[int, int],
    last_a: dt.date | None,
    years_b: Mapping[int, int],
    last_b: dt.date | None,
) -> bool:
    """Whether a member of one story names a year two or more after the other's latest date."""
    return contradicts(max(years_a, default=None), None, {}, last_b) or contradicts(
        max(years_b, default=None), None, {}, last_a
    )


def _event_years(text: str) -> list[int]:
    return [
        int(m.group())
        for m in _YEAR.finditer(text)
        if not _SPAN_END.search(text, max(0, m.start() - _LOOK_BACK), m.start())
    ]


def _trusted(
    published: dt.date | None, methods: Collection[str], years: list[int]
) -> dt.date | None:
    if published is None or not methods or not set(methods) <= _TRUSTED_METHODS:
        return None
    if "stated" not in methods and any(y > published.year + 1 for y in years):
        return None
    return published


def _latest(years: list[int], published: dt.date | None) -> int | None:
    if published is not None:
        years = [y for y in years if y <= published.year + 1]
        years.append(published.year)
    return max(years, default=None)
