"""The one date resolver: metadata, as-of dates and the timeline all resolve dates here.

Relative expressions ("last year", "on Wednesday", "November 1", "six months ago") are resolved
against the document's own date, never against today. A resolved date carries a precision:
``day``, ``month``, ``year``, or ``span`` for a stretch of time given by its first day, month or
year ("the first half of 2023" -> ``2023-01``, "during the past two years" -> two years back).
Durations ("for 40 years", "six months") and bare numbers ("33") are not dates, and neither is
a decade ("the 1950s"): no date this format writes says it, and "1950" would say the year.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from triangulate.types import DateMention

__all__ = ["MONTH_WORDS", "WEEKDAY_WORDS", "ResolvedDate", "parse_published", "resolve_date"]

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTH_WORDS = frozenset([*_MONTHS, *(m[:3] for m in _MONTHS), "sept"])
"""Month names and their abbreviations, lower case (for rules that must not read a date as a
number, such as "May 5")."""
_MONTH_RE = (
    "|".join(m.capitalize() for m in _MONTHS)
    + "|"
    + "|".join(m[:3].capitalize() + r"\.?" for m in _MONTHS)
    + r"|Sept\.?"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_WORDS = frozenset(_WEEKDAYS)
_WEEKDAY_RE = "|".join(_WEEKDAYS)
_YEAR = r"(?:19|20)\d{2}"
_ORD = r"(?:st|nd|rd|th)?"

# Words before a date that do not change which date it is ("since", "as of") and modifiers
# that narrow it inside the same period ("late Thursday", "earlier this year").
_LEAD = re.compile(
    r"^(?:(?:on|in|since|by|as of|until|till|from|during|over|through|throughout|before|after"
    r"|at|of|circa|starting|effective|dated)\s+)+",
    re.I,
)
_MODIFIER = re.compile(
    r"^(?:(?:the |an? )?(?:very )?(?:early|late|mid|middle|end|start|beginning|close)(?:-| of |\s)"
    r"(?:the )?|earlier |later )",
    re.I,
)
_TIME_TAIL = re.compile(
    r"(?:[\s,T]+(?:at\s+)?\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?"
    r"|\s+(?:morning|afternoon|evening|night))$",
    re.I,
)

_ISO_DAY = re.compile(rf"^({_YEAR})-(\d{{2}})-(\d{{2}})$")
_ISO_MONTH = re.compile(rf"^({_YEAR})-(\d{{2}})$")
# "2009", "the year 2009", a season of it: "Fall 2009", "the summer of 2008".
_YEAR_ONLY = re.compile(
    rf"^(?:the year |(?:the )?(?:spring|summer|fall|autumn|winter)(?: of)? )?({_YEAR})$", re.I
)
_MONTH_YEAR = re.compile(rf"^({_MONTH_RE})\.?,? ({_YEAR})$", re.I)
_FULL_DATE = re.compile(
    rf"^(?:(?:{_WEEKDAY_RE}),? )?(?:the )?(?:({_MONTH_RE})\.? (\d{{1,2}}){_ORD},? ({_YEAR})"
    rf"|(\d{{1,2}}){_ORD} (?:of )?({_MONTH_RE})\.?,? ({_YEAR}))$",
    re.I,
)
_HALF = re.compile(rf"(first|second) half of ({_YEAR})", re.I)
_QUARTER = re.compile(rf"(first|second|third|fourth) quarter of ({_YEAR})", re.I)
_WEEKDAY = re.compile(rf"^(last|this|next|this coming|coming)? ?({_WEEKDAY_RE})$", re.I)
_MONTH_DAY = re.compile(
    rf"^(?:(?:{_WEEKDAY_RE}),? )?(?:the )?"
    rf"(?:({_MONTH_RE})\.? (\d{{1,2}}){_ORD}|(\d{{1,2}}){_ORD} (?:of )?({_MONTH_RE})\.?)$",
    re.I,
)
_DAY_RANGE = re.compile(rf"^((?:{_MONTH_RE})\.? \d{{1,2}})[-–]\d{{1,2}}$", re.I)
_MONTH_ONLY = re.compile(rf"^(last |this |next )?({_MONTH_RE})$", re.I)
# Days of the year known by name, read like a month-day without its year.
_HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "independence day": (7, 4),
    "the fourth of july": (7, 4),
}
_WEEKEND = re.compile(r"^the weekend$", re.I)
# "this" and "last" are what "this morning" / "last night" leave once the time of day is cut.
_DEICTIC = re.compile(r"^(yesterday|today|tonight|tomorrow|this|last)$", re.I)
_CALENDAR = re.compile(
    r"^(?:the )?(?:(?:same|corresponding) (?:period|time|month|quarter|week|day) )?"
    r"(last|this|next|current) (week|weekend|month|year|decade)$",
    re.I,
)
_QUANT = (
    r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|a few|a couple of|couple of|several|some|\d{1,3}"
)
_AGO = re.compile(
    rf"^(?:about |around |nearly |almost |just |some |more than |over |less than )?"
    rf"({_QUANT}) (day|week|month|year|decade)s? ago$",
    re.I,
)
_PAST_SPAN = re.compile(
    rf"^(?:the )?(?:past|last) (?:({_QUANT}) )?(day|week|month|year|decade)s?$", re.I
)
_RECENT = re.compile(r"^(?:the )?(?:recent|past) (day|week|month|year)s$", re.I)

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a few": 3, "a couple of": 2,
    "couple of": 2, "several": 3, "some": 3,
}  # fmt: skip
_VAGUE = {"a few", "a couple of", "couple of", "several", "some"}
# dateparser sees only phrases that name a month: otherwise it turns ages, durations and
# fragments into dates ("33" -> 1933, "seven years" -> 2016, "27, 2005" -> 2005).
_MONTH_WORD = re.compile(rf"\b(?:{_MONTH_RE})(?![a-z])", re.I)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A resolved date: ISO text at its precision (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""

    date: str
    precision: str  # "day" | "month" | "year" | "span"

    def as_date(self) -> dt.date:
        """The first day the resolved date covers."""
        parts = [int(p) for p in self.date.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])


@functools.lru_cache(maxsize=4096)
def resolve_date(text: str, base: dt.date | None) -> ResolvedDate | None:
    """Resolve a date expression against ``base`` (the document's date); None if it is no date.

    >>> resolve_date("November 1", dt.date(2023, 11, 8))
    ResolvedDate(date='2023-11-01', precision='day')
    >>> resolve_date("last year", dt.date(2023, 11, 8))
    ResolvedDate(date='2022', precision='year')
    >>> resolve_date("six months ago", dt.date(2023, 11, 8))
    ResolvedDate(date='2023-05', precision='month')
    >>> resolve_date("for 40 years", dt.date(2023, 11, 8)) is None
    True
    """
    phrase = _core(text)
    if not phrase:
        return None
    resolved = _absolute(phrase)
    if resolved is None and base is not None:
        resolved = _relative(phrase, base)
    # Unusual layouts of a month-day ("Wednesday 05 May 2010"); without a document date,
    # dateparser would fill a missing year from today, so a year must be written.
    if (
        resolved is None
        and _MONTH_WORD.search(phrase)
        and (base is not None or re.search(rf"\b{_YEAR}\b", phrase))
    ):
        resolved = _dateparser_resolve(phrase, base)
    return resolved


def _core(text: str) -> str:
    """The date words of a phrase: no leading preposition, modifier, possessive or clock time."""
    phrase = " ".join(text.strip().split()).rstrip(".,;:")
    phrase = re.sub(r"(?<!0)['’]s$", "", phrase)  # a possessive, not a decade ("1930's")
    for _ in range(3):
        before = phrase
        phrase = _LEAD.sub("", phrase)
        phrase = _MODIFIER.sub("", phrase)
        phrase = _TIME_TAIL.sub("", phrase).rstrip(" ,")
        if phrase == before:
            break
    return _DAY_RANGE.sub(r"\1", phrase)  # "October 1-2": the stretch from its first day


def _absolute(phrase: str) -> ResolvedDate | None:
    """Dates that name their year: they need no document date."""
    if m := _ISO_DAY.match(phrase):
        return _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _ISO_MONTH.match(phrase):
        month = int(m.group(2))
        return ResolvedDate(f"{m.group(1)}-{month:02d}", "month") if 1 <= month <= 12 else None
    if m := _YEAR_ONLY.match(phrase):
        return ResolvedDate(m.group(1), "year")
    if m := _MONTH_YEAR.match(phrase):
        return ResolvedDate(f"{m.group(2)}-{_month_number(m.group(1)):02d}", "month")
    if m := _FULL_DATE.match(phrase):
        if m.group(1):
            return _day(int(m.group(3)), _month_number(m.group(1)), int(m.group(2)))
        return _day(int(m.group(6)), _month_number(m.group(5)), int(m.group(4)))
    if m := _HALF.search(phrase):
        month = 1 if m.group(1).lower() == "first" else 7
        return ResolvedDate(f"{m.group(2)}-{month:02d}", "span")
    if m := _QUARTER.search(phrase):
        month = 1 + 3 * ["first", "second", "third", "fourth"].index(m.group(1).lower())
        return ResolvedDate(f"{m.group(2)}-{month:02d}", "span")
    return None


def _relative(phrase: str, base: dt.date) -> ResolvedDate | None:
    """Dates that need the document's date: weekdays, month-days, "last year", "two years ago"."""
    if m := _WEEKDAY.match(phrase):
        return _weekday(m.group(2), (m.group(1) or "").lower(), base)
    if (holiday := _HOLIDAYS.get(phrase.lower().replace("’", "'"))) is not None:
        return _nearest_month_day(*holiday, base)
    if m := _MONTH_DAY.match(phrase):
        month_name, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        return _nearest_month_day(_month_number(month_name), int(day), base)
    if m := _MONTH_ONLY.match(phrase):
        return _nearest_month(_month_number(m.group(2)), (m.group(1) or "").strip().lower(), base)
    if m := _DEICTIC.match(phrase):
        # "last" is what "last night" leaves: the evening before the document's day
        shift = {"yesterday": -1, "last": -1, "tomorrow": 1}.get(m.group(1).lower(), 0)
        return ResolvedDate((base + dt.timedelta(days=shift)).isoformat(), "day")
    if _WEEKEND.match(phrase):
        return _calendar("this" if base.weekday() >= 5 else "last", "weekend", base)
    if m := _CALENDAR.match(phrase):
        return _calendar(m.group(1).lower(), m.group(2).lower(), base)
    if m := _AGO.match(phrase):
        return _back(m.group(1).lower(), m.group(2).lower(), base, span=False)
    if m := _PAST_SPAN.match(phrase):
        return _back((m.group(1) or "one").lower(), m.group(2).lower(), base, span=True)
    if m := _RECENT.match(phrase):
        # A vague stretch ending at the document date: given at a precision coarse enough
        # to hold it ("in recent months" -> the year, "in recent weeks" -> the month).
        unit = m.group(1).lower()
        text = base.strftime("%Y-%m") if unit in ("day", "week") else str(base.year)
        return ResolvedDate(text, "span")
    return None


def _day(year: int, month: int, day: int) -> ResolvedDate | None:
    try:
        return ResolvedDate(dt.date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _weekday(name: str, which: str, base: dt.date) -> ResolvedDate:
    """A weekday: the latest one on or before the base date, or the next one when so stated."""
    target = _WEEKDAYS.index(name.lower())
    if which in ("next", "this coming", "coming"):
        ahead = (target - base.weekday()) % 7 or 7
        return ResolvedDate((base + dt.timedelta(days=ahead)).isoformat(), "day")
    back = (base.weekday() - target) % 7
    if which == "last" and back == 0:
        back = 7
    return ResolvedDate((base - dt.timedelta(days=back)).isoformat(), "day")


def _calendar(which: str, unit: str, base: dt.date) -> ResolvedDate | None:
    """ "last week", "this month", "next year": the calendar period next to the base date."""
    step = {"last": -1, "next": 1}.get(which, 0)
    if unit == "year":
        return ResolvedDate(str(base.year + step), "year")
    if unit == "decade":
        return ResolvedDate(str((base.year // 10 + step) * 10), "span")
    if unit == "month":
        index = base.year * 12 + base.month - 1 + step
        return ResolvedDate(f"{index // 12}-{index % 12 + 1:02d}", "month")
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
    start = monday + dt.timedelta(days=5) if unit == "weekend" else monday
    return ResolvedDate(start.isoformat(), "span")


def _back(quantity: str, unit: str, base: dt.date, *, span: bool) -> ResolvedDate | None:
    """A point ("two years ago") or the start of a stretch ("the past two years") before base."""
    count = _NUMBER_WORDS.get(quantity) or (int(quantity) if quantity.isdigit() else 0)
    if count <= 0:
        return None
    precision = "span" if span or quantity in _VAGUE else None
    if unit in ("day", "week"):
        when = base - dt.timedelta(days=count * (7 if unit == "week" else 1))
        return ResolvedDate(when.isoformat(), precision or "day")
    if unit == "month":
        index = base.year * 12 + base.month - 1 - count
        return ResolvedDate(f"{index // 12}-{index % 12 + 1:02d}", precision or "month")
    years = count * (10 if unit == "decade" else 1)
    return ResolvedDate(str(base.year - years), precision or "year")


def _nearest_month(month: int, which: str, base: dt.date) -> ResolvedDate:
    """A month without a year: this year's if it has begun, else last year's; or as stated."""
    if which == "last":
        year = base.year if month < base.month else base.year - 1
    elif which == "next":
        year = base.year if month > base.month else base.year + 1
    else:
        # A bare month is the current or a past one: news reports what happened; an
        # announced month ahead is written "next March" or resolved so by the caller.
        year = base.year if month <= base.month else base.year - 1
    return ResolvedDate(f"{year}-{month:02d}", "month")


def _nearest_month_day(month: int, day: int, base: dt.date) -> ResolvedDate | None:
    """A month-day without a year: the year that puts it nearest the base date.

    News mostly reports the past, but an article can announce a deadline a few weeks ahead,
    so the nearest candidate wins rather than always the past one.
    """
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    best = min(candidates, key=lambda d: abs((d - base).days) + (0 if d <= base else 30))
    return ResolvedDate(best.isoformat(), "day")


def _month_number(name: str) -> int:
    return [m[:3] for m in _MONTHS].index(name[:3].lower()) + 1


def _dateparser_resolve(phrase: str, base: dt.date | None) -> ResolvedDate | None:
    import dateparser

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": [],
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    words = re.sub(r"^(?:on|in|since|by|as of|until|from)\s+", "", phrase, flags=re.I)
    parsed = dateparser.parse(words, languages=["en"], settings=settings)
    if parsed is None:
        return None
    has_day = bool(
        re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", words)
        and re.search(r"[A-Za-z]{3}|\d{4}-\d{2}-\d{2}|/", words)
    ) or bool(
        re.search(
            r"\b(?:yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|ago)\b",
            words,
            re.I,
        )
    )
    if has_day:
        return ResolvedDate(parsed.date().isoformat(), "day")
    if re.search(_MONTH_RE, words, re.I):
        return ResolvedDate(f"{parsed.year}-{parsed.month:02d}", "month")
    return ResolvedDate(str(parsed.year), "year")


def mention(
    doc_id: str, start: int, end: int, text: str, base: dt.date | None
) -> DateMention | None:
    """Build a DateMention for a span of text, or None when it does not resolve."""
    resolved = resolve_date(text, base)
    if resolved is None:
        return None
    return DateMention(doc_id, start, end, text, resolved.date, resolved.precision)


def parse_published(value: object) -> dt.date | None:
    """A publication date as inputs state it ("2023-11-07", "Tue, 07 Nov 2023 10:00 GMT")."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    resolved = _dateparser_resolve(value.strip(), None)
    if resolved is None or resolved.precision != "day":
        return None
    return resolved.as_date()
