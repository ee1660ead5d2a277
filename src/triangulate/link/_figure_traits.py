"""What alignment reads from one figure: its counted phrase or context, content words, names,
the period it covers and what happened to the people it counts.

Pure functions over :class:`~triangulate.types.Figure` records and article texts, computed once
per figure by :func:`read_traits` and compared pairwise by :mod:`triangulate.link.figures`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from triangulate.normalise.dates import MONTH_WORDS, WEEKDAY_WORDS
from triangulate.normalise.intervals import Interval, interval, kind
from triangulate.normalise.tallies import Tally, tally_of
from triangulate.types import Figure

__all__ = ["Traits", "keywords", "read_traits"]

_CONTEXT_WORDS = 12  # words either side of a figure, within its sentence
_MIN_CONTEXT = 3  # fewer words than this around a figure: read its line instead

_STOPWORDS_TEXT = """
a an the of in on at to for from by with and or but as per than since into onto over under about
around some more less fewer nearly almost least most up down out off their its his her our your
my this that these those who whom which what when where there here were was is are be been being
has have had do did does will would could should may might can not no all any each every other
another such only also just very so it they them he she we you i number total figure numbers
"""
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_WORD = re.compile(r"[a-z]+")
_NAME = re.compile(r"\b(?:[A-Z][a-z]+|(?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SINCE_YEAR = re.compile(r"\bsince (?:[A-Z][a-z]+ )?(?:19|20)\d\d\b")
# "per day", "each week", "a year", "daily": a rate, never a total. "a day after" and "in a
# year" are no rates: a following time word or a preceding preposition rules the match out.
_RATE = re.compile(
    r"(?<!\bin )(?<!\bwithin )(?<!\bfor )(?<!\bover )(?<!\bthan )"
    r"\b(?:per|each|every|an?)\s+(hour|day|week|month|year)\b"
    r"(?!\s+(?:after|before|later|earlier|ago|of|or|and|when|since|into|to))"
    r"|\b(hourly|daily|weekly|monthly|yearly|annually|annual)\b",
    re.IGNORECASE,
)
_RATE_WORDS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month"}
_RATE_WORDS |= {"yearly": "year", "annually": "year", "annual": "year"}
# A projection is not the count it projects: "expected to return" vs "have returned".
_FORECAST = re.compile(
    r"\b(?:expected|projected|forecast|forecasts|predicted|anticipated|likely|estimated to)\b",
    re.IGNORECASE,
)
# What happened to the people counted: "killed" and "wounded" are two quantities however alike
# their sentences ("one killed and two injured at the firm"); "shot" counts both together.
_OUTCOMES: dict[str, tuple[str, ...]] = {  # word beginnings
    "killed": ("kill", "dead", "die", "death", "fatal", "toll", "murder", "bodies", "slain"),
    "injured": ("injur", "wound", "hurt", "hospitali"),
    "shot": ("shot", "shoot"),
    "missing": ("missing", "unaccounted"),
    "arrested": ("arrest", "detain", "detention", "custody", "apprehend"),
    "rescued": ("rescu", "evacuat"),
}
# Charges and counts in an indictment are a quantity of their own, whatever crime they name.
_CHARGES = frozenset({"charge", "charges", "count", "counts", "indictment", "indictments"})
_ALCOHOL = re.compile(r"\balcohol\b|\bBAC\b", re.IGNORECASE)
_TO_DEATH = re.compile(r"\bto death\b|\bdead\b|\band killed\b")
_RATE_WINDOW = 8  # words after a figure searched for a rate when its counted phrase has none
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s")


def keywords(phrase: str) -> frozenset[str]:
    """Content words of a phrase, lower-cased, with inflection suffixes stripped."""
    return frozenset(_stem(w) for w in _WORD.findall(phrase.lower()) if w not in _STOPWORDS)


@dataclass(frozen=True, slots=True)
class Traits:
    """What scoring reads from one figure, computed once."""

    figure: Figure
    kind: str
    span: Interval | None
    phrase: str  # the counted phrase, or the context when the extractor found none
    context: str
    words: frozenset[str]
    names: frozenset[str]
    has_counted: bool
    rate: str | None  # "day" for "17,000 a day": the period a rate is per
    forecast: bool  # "expected to return": a projection, not a count
    years: frozenset[str]  # years the counted phrase names: the period it covers
    outcome: str | None  # "killed", "injured", ...: what happened to the people counted
    holder: frozenset[str]  # words of the name the figure belongs to ("nationals")
    tally: Tally | None  # the "9-14" the figure is a side of


def read_traits(figure: Figure, texts: Mapping[str, str]) -> Traits:
    quantity = kind(figure.amount)
    counted = (figure.counted or "").strip()
    context = _context(figure, texts)
    if quantity == "count" and _blood_alcohol(figure, counted or context):
        quantity = "percent"  # "a blood-alcohol level of .41" is 0.41 percent
    # What happened to people: a count's. A "rescue package" of 110bn euros rescued nobody.
    people = quantity == "count"
    counted = _outcome_words(counted) if people else counted
    predicate = counted or _after(figure, texts)
    return Traits(
        figure=figure,
        kind=quantity,
        span=interval(figure.amount),
        phrase=counted or context,
        context=context,
        words=keywords(counted or context),
        names=_names(counted),
        has_counted=bool(counted),
        rate=_rate(counted) or _rate(_after(figure, texts)),
        forecast=bool(_FORECAST.search(predicate)),
        years=frozenset(_YEAR.findall(counted)),
        outcome=_outcome(counted) if people else None,
        holder=keywords(figure.holder or ""),
        tally=tally_of(texts.get(figure.doc_id, ""), figure.start, figure.end),
    )


def _blood_alcohol(figure: Figure, phrase: str) -> bool:
    """A blood-alcohol level written without its percent sign, as US reports do."""
    value = figure.amount.value
    return value is not None and 0 < value < 1 and _ALCOHOL.search(phrase) is not None


def _outcome_words(counted: str) -> str:
    """The counted phrase with each outcome told in one word: "people hurt" and "people
    wounded" read "people injured", so that wording does not keep one count apart."""

    if _CHARGES.intersection(_WORD.findall(counted.lower())):
        return counted  # "two counts of murder" counts charges: the crime is their name

    def canonical(match: re.Match[str]) -> str:
        word = match.group().lower()
        if word.startswith("shotgun"):
            return match.group()
        for outcome, beginnings in _OUTCOMES.items():
            if outcome != "shot" and word.startswith(beginnings):
                return outcome
        return match.group()

    return re.sub(r"[A-Za-z]+", canonical, counted)


def _outcome(counted: str) -> str | None:
    """What happened to the people a phrase counts, by its first outcome word: "killed" for
    "people killed in the shooting", "injured" for "wounded in shotgun attack"."""
    lowered = counted.lower()
    words = _WORD.findall(lowered)
    if _CHARGES.intersection(words):
        return "charged"  # "two counts of murder" counts charges, not the people killed
    if _TO_DEATH.search(lowered):
        return "killed"  # "shot to death", "shot dead", "stabbed and killed"
    for word in words:
        if word.startswith("shotgun"):
            continue
        for outcome, beginnings in _OUTCOMES.items():
            if word.startswith(beginnings):
                return outcome
    return None


def _rate(text: str) -> str | None:
    """The period a rate is per: "17,000 crossing each day" -> "day"; None for a total."""
    match = _RATE.search(text)
    if match is None:
        return None
    return match.group(1).lower() if match.group(1) else _RATE_WORDS[match.group(2).lower()]


def _names(phrase: str) -> frozenset[str]:
    """Capitalised words and years in a phrase: "Zarand", "Bam", "in 2003" tell quantities
    apart; months, weekdays and the start of a period up to now ("since 2021") do not."""
    words = (m.lower() for m in _NAME.findall(_SINCE_YEAR.sub("", phrase)))
    return frozenset(_stem(w) for w in words if w not in MONTH_WORDS and w not in WEEKDAY_WORDS)


def _context(figure: Figure, texts: Mapping[str, str]) -> str:
    """The words around a figure, for a figure whose counted phrase the extractor missed."""
    text = texts.get(figure.doc_id, "")
    start, end = _bounds(figure, text)
    before = text[start : figure.start].split()[-_CONTEXT_WORDS:]
    after = text[figure.end : end].split()[:_CONTEXT_WORDS]
    return " ".join([*before, *after]) or figure.text


def _after(figure: Figure, texts: Mapping[str, str]) -> str:
    """The first words after a figure, within its sentence."""
    text = texts.get(figure.doc_id, "")
    return " ".join(text[figure.end : _bounds(figure, text)[1]].split()[:_RATE_WINDOW])


def _bounds(figure: Figure, text: str) -> tuple[int, int]:
    """The figure's sentence; its line when the parser cut a headline down to the number."""
    if figure.sentence_end > figure.sentence_start:
        start, end = max(figure.sentence_start, 0), figure.sentence_end
        words = len(text[start : figure.start].split()) + len(text[figure.end : end].split())
        if words >= _MIN_CONTEXT:
            return start, end
    line_start = text.rfind("\n", 0, figure.start) + 1
    line_end = text.find("\n", figure.end)
    return line_start, line_end if line_end >= 0 else len(text)


def _stem(word: str) -> str:
    """Strip one inflection suffix: "deported" / "deportation" -> "deport", "killed" -> "kill"."""
    if word.endswith("ss"):
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            return stem + "y" if suffix in {"ies", "ied"} else stem
    return word
