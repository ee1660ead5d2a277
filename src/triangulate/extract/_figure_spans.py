"""Candidate figures of an article and how far each reaches.

Candidates come from spaCy's CARDINAL / PERCENT / MONEY / QUANTITY entities and from patterns
spaCy misses (vague amounts such as "tens of thousands", multipliers such as "doubled").
:func:`read_candidate` trims a candidate to the longest expression
:func:`triangulate.normalise.numbers.parse_amount` reads, then widens it to its range ("10 to
20"), its unit or scale ("100 meters", "three lakh crore"), its hedge ("over 200,000", "an
estimated 1.7 million", "500 or more") and its sign or currency ("minus 5", "Rs 200").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from triangulate.normalise.intervals import kind
from triangulate.normalise.names import word_set
from triangulate.normalise.numbers import QUALIFIERS, parse_amount
from triangulate.types import Amount

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["candidate_spans", "read_candidate"]

_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
_SCALE = (
    r"(?:[ \u00a0]?(?:million|billion|trillion|thousand|lakh|crore|mn|bn|bln|tn|tln|"
    r"[Mm]|[Kk]|MM|[Bb]|[Tt])\b)"
)
_UNIT = (
    r"(?:[ \u00a0]?(?:%|per ?cent\b|percentage points?\b|km/h\b|kph\b|mph\b|"
    r"miles (?:an|per) hour\b|(?:-|\s)square[ -](?:foot|feet|met(?:re|er)s?|miles?)\b|"
    r"km\b|kilomet(?:re|er)s\b|miles\b|"
    r"kg\b|tonnes\b|tons\b|acres\b|hectares\b|°C|°F|-?magnitude\b|"
    r"(?:US |Pakistani |Indian |Hong Kong |Australian |Canadian )?dollars\b|euros\b|"
    r"pounds\b|rupees\b|yuan\b|yen\b))"
)
_MONEY_PREFIX = (
    r"(?:(?:(?:US|us|C|c|A|HK|hk|NZ|u\.s\.?) ?)?\$ ?|[€£¥₹] ?|\bRs\.? ?|\bDhs? ?|"
    r"\b(?:USD|EUR|GBP|PKR|INR|AFN) ?)"
)
# Words that may follow a number and belong to it: "100 meters", "three lakh crore".
_MORE_WORDS = re.compile(r"^[ \u00a0]?(?:[\w°$€£%.()\[\]-]+[ \u00a0]?){1,4}")
_NUMBER_RE = re.compile(
    rf"(?<![\w.,-]){_MONEY_PREFIX}?\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?{_SCALE}?{_UNIT}?"
    rf"|(?<![\w.,-]){_MONEY_PREFIX}?\d+(?:\.\d+)?(?![\d,.]?\d){_SCALE}?{_UNIT}?"
    r"|\b[Mm]agnitude[ -]\d+(?:\.\d+)?"
    r"|(?<![\w.,-])\.\d{2,3}(?![\w.,]?\d)"  # a rate or an average: "a blood-alcohol level of .41"
)
_PHONE = re.compile(r"\d{3}[-–]\d{4}")  # "555-1234": a telephone number, not 555 to 1,234
# The upper end of a range, right after its dash: "$140-150 million".
_UPPER_RE = re.compile(rf"{_MONEY_PREFIX}?\d+(?:,\d{{3}})*(?:\.\d+)?(?![\d,.]?\d){_SCALE}?{_UNIT}?")
_VAGUE_RE = re.compile(
    r"\b(?:[Tt]ens|[Hh]undreds) of (?:thousands|millions|billions)\b"
    r"|\b(?:[Ss]everal|[Aa] few) (?:dozen|hundred|thousand|million|billion)\b"
    r"|\b(?:[Dd]ozens|[Ss]cores|[Hh]undreds|[Tt]housands|[Mm]illions|[Bb]illions)\b"
    r"|\b[Aa] handful\b(?= of)"
    r"|\b(?:[Ss]everal|[Aa] few|[Aa] couple)\b(?= (?:of )?[a-z]+s\b)"
    r"|\b[Aa] pair(?= of (?:[a-z]+ )?[a-z]+s\b)"
    r"|\b(?:[Dd]oubled|[Tt]ripled|[Tt]rebled|[Qq]uadrupled|[Hh]alved)\b"
    r"|\b\w+-?fold\b"
)
# "50m" is 50 million ("50m people", "£50m") or 50 metres: "50m by 50m", "50m long", "50m away".
_GLUED_M = re.compile(r"\d+(?:\.\d+)?m")
_METRES_AFTER = re.compile(
    r"\s*(?:by|x)\s*\d|\s+(?:long|high|wide|tall|deep|away|from|across|square|in diameter)\b"
)
_METRES_BEFORE = re.compile(r"\dm\s*(?:by|x)\s*\Z")
_NUMBER_WORD = (
    r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|eighteen|twenty|thirty|forty|fifty|sixty|hundred)"
)
# "three years", "a 24-hour strike": spaCy reads a duration as a date, so it is matched here.
_DURATION_RE = re.compile(
    rf"\b{_NUMBER_WORD}[ \u00a0-](?:second|minute|hour|day|week|month|year|decade)s?\b"
    rf"|\b(?:{_NUMBER_WORD}|a|half a) (?:century|centuries)\b|\b(?:a|one) decade\b"
    r"|\b(?:less|more) than an? (?:minute|hour|day|week|month|year)\b"  # "less than an hour"
    rf"|\b(?:an?|{_NUMBER_WORD}) (?:mile|kilomet(?:er|re)|hour|day|week|month|year)s? and a half\b"
    rf"|\b{_NUMBER_WORD}(?:-plus)? seasons\b",  # "19 seasons with the 76ers": spaCy says DATE
    re.IGNORECASE,
)
# A word, then the point of a decimal cut from its digits: "hit. 308".
_SPLIT_POINT = re.compile(r"(?:\b([A-Za-z]+)|[:;,])\. \Z")
# Words a full stop follows as their own, before a number: "Dec. 11", "No. 8", "St. 12".
_ABBREVIATIONS = word_set(
    """jan feb mar apr jun jul aug sep sept oct nov dec no nos vol st ave rd mr mrs ms dr jr sr
    gen gov sen rep lt col sgt capt mt ft inc co corp ltd vs art sec ch pp p fig"""
)
_TIME_PREPOSITIONS = {"over", "under"}  # "loans over three years": across, not "more than"
_QUALIFIER_BEFORE = re.compile(
    r"(?:\b|^)("
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
# A currency sign a wrong encoding turned into "?" or U+FFFD: "who earns? 900 a month",
# "agreeing a \ufffd\ufffd110 billion": money, its currency unknown.
_LOST_SIGN = re.compile(r"(?:(?<=[a-z])\?|\ufffd+) ?\Z")
UNKNOWN_CURRENCY = "XXX"  # ISO 4217's code for no currency
_PREFIX_BEFORE = re.compile(
    r"(?:\b(?:minus|negative) |(?:\b(?:US|us|C|c|HK|hk|u\.s\.?) ?)?\$ ?|[€£¥₹] ?|\bRs\.? ?)$"
)
_SUFFIX_AFTER = re.compile(r"^(?:\s?-?\s?plus\b|\+|\s(?:or more|or so)\b)")
# "five times the legal limit", "three times as fast": a multiple, not a count of occasions
# ("he fired three times").
_TIMES_AS = re.compile(
    r"(\s+times)\s+(?:the|as|more|higher|greater|larger|bigger|faster|that|what|its|their)\b"
)
_RANGE_AFTER = re.compile(r"^\s*(?:-|–|to)\s*(?=\d)")
# "two or three times", "10 or 12 people": a range told with "or" (spelled-out or digits);
# "between 10 and 20" with "and".
_OR_RANGE = re.compile(rf"^\s+or\s+{_NUMBER_WORD}\b", re.IGNORECASE)
_AND_RANGE = re.compile(rf"^\s+and\s+{_NUMBER_WORD}\b", re.IGNORECASE)


def candidate_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Entity spans and pattern matches, overlapping ones merged, in text order."""
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _LABELS]
    spans += [m.span() for m in _NUMBER_RE.finditer(text)]
    spans += [m.span() for m in _VAGUE_RE.finditer(text)]
    spans += [m.span() for m in _DURATION_RE.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def read_candidate(text: str, start: int, end: int, rupee: str) -> tuple[int, int, Amount] | None:
    """The longest readable expression in a candidate, widened to its hedge and range."""
    start, end = _trim(text, start, end)
    if (split := _split_decimal(text, start, end, rupee)) is not None:
        return split
    amount = parse_amount(text[start:end], rupee=rupee)
    if amount is None:
        narrowed = _narrow(text, start, end, rupee)
        if narrowed is None:
            return None
        start, end, amount = narrowed
    if (
        (m := _RANGE_AFTER.match(text[end:]))
        and (upper := _UPPER_RE.match(text, end + m.end()))
        and not _PHONE.fullmatch(text, start, upper.end())
    ):
        ranged = parse_amount(text[start : upper.end()], rupee=rupee)
        if ranged is not None and ranged.low is not None and ranged.high is not None:
            end, amount = upper.end(), ranged
    start, end, amount = _joined_range(text, start, end, amount, rupee)
    end, amount = _extend_right(text, start, end, amount, rupee)
    if (m := _TIMES_AS.match(text, end)) and (
        times := parse_amount(text[start : m.end(1)], rupee=rupee)
    ):
        end, amount = m.end(1), times  # "five times the legal limit": a multiple
    if (m := _SUFFIX_AFTER.match(text[end:])) and amount.qualifier is None:
        hedged = parse_amount(text[start : end + m.end()], rupee=rupee)
        if hedged is not None:
            end, amount = end + m.end(), hedged
    if (
        amount.qualifier is None
        and (m := _QUALIFIER_BEFORE.search(text[max(0, start - 25) : start]))
        and not (kind(amount) == "duration" and m.group(0).strip().lower() in _TIME_PREPOSITIONS)
    ):
        hedged = parse_amount(text[start - len(m.group(0)) : end], rupee=rupee)
        if hedged is not None:
            start, amount = start - len(m.group(0)), hedged
    if (m := _PREFIX_BEFORE.search(text[max(0, start - 12) : start])) and (
        signed := parse_amount(text[start - len(m.group(0)) : end], rupee=rupee)
    ):
        start, amount = start - len(m.group(0)), signed
    if text[max(0, start - 9) : start].lower() == "between " and amount.low is None:
        return None  # "between 10" whose upper end did not parse: leave it out
    if amount.unit is None and _LOST_SIGN.search(text, max(0, start - 8), start):
        amount = replace(amount, unit=UNKNOWN_CURRENCY)
    if _GLUED_M.fullmatch(text, start, end) and (
        _METRES_AFTER.match(text, end) or _METRES_BEFORE.search(text, max(0, start - 12), start)
    ):
        amount = parse_amount(text[start : end - 1] + " m", rupee=rupee) or amount
    return start, end, amount


def _split_decimal(text: str, start: int, end: int, rupee: str) -> tuple[int, int, Amount] | None:
    """A decimal whose point a re-tokenised text split off: "hit. 308", "content of. 09
    percent", "this:. 290 average" (.308, .09 percent, .290); not "Dec. 11" nor "No. 8"."""
    before = _SPLIT_POINT.search(text, max(0, start - 16), start)
    if before is None or (before.group(1) or "").lower() in _ABBREVIATIONS:
        return None
    digits = re.match(r"\d{2,3}(?![\d,.])", text[start:end])
    if digits is None:
        return None
    for stop in (end, start + digits.end()):  # with its unit ("of. 09 percent"), else alone
        if (amount := parse_amount("." + text[start:stop], rupee=rupee)) is not None:
            return start - 2, stop, amount
    return None


def _joined_range(
    text: str, start: int, end: int, amount: Amount, rupee: str
) -> tuple[int, int, Amount]:
    """A range told in words: "two or three times", or "between 10 and 20" from its start."""
    if amount.value is None:
        return start, end, amount
    between = text[max(0, start - 8) : start].lower() == "between "
    m = (_AND_RANGE if between else _OR_RANGE).match(text[end:])
    if m is None:
        return start, end, amount
    first = start - 8 if between else start
    ranged = parse_amount(text[first : end + m.end()], rupee=rupee)
    if ranged is None or ranged.low is None or ranged.high is None:
        return start, end, amount
    return first, end + m.end(), ranged


def _extend_right(
    text: str, start: int, end: int, amount: Amount, rupee: str
) -> tuple[int, Amount]:
    """Take in the words after a number that complete it: a unit ("100 meters", "20 (kg)"),
    a scale ("three lakh crore") or the rest of a spelled-out number ("and thirty one")."""
    m = _MORE_WORDS.match(text[end : end + 40])
    if m is None:
        return end, amount
    words = list(re.finditer(r"\S*[^\s.,;:!?)\"'’”]", m.group(0)))
    for word in reversed(words):
        new_end = end + word.end()
        longer = parse_amount(text[start:new_end], rupee=rupee)
        if longer is None or longer.multiplier or "\n" in text[end:new_end]:
            continue
        if longer.unit != amount.unit or (
            longer.value is not None and longer.value != amount.value
        ):
            return new_end, longer
    return end, amount


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles/determiners and edge punctuation that spaCy leaves in entities."""
    piece = text[start:end]
    lead = re.match(
        r"^(?:(?:the|a|an|about the|only|just|all|some of the)\s+)(?=[\d$€£])", piece, re.IGNORECASE
    )
    if lead:
        start += lead.end()
    while end > start and text[end - 1] in " ,.;:)\"'’”":
        end -= 1
    while start < end and text[start] in " (\"'‘“":
        start += 1
    return start, end


def _narrow(text: str, start: int, end: int, rupee: str) -> tuple[int, int, Amount] | None:
    """When a merged candidate does not read as one number, keep its first readable part."""
    matches = [*_NUMBER_RE.finditer(text, start, end), *_VAGUE_RE.finditer(text, start, end)]
    for m in matches:
        amount = parse_amount(m.group(0), rupee=rupee)
        if amount is not None:
            return m.start(), m.end(), amount
    words = list(re.finditer(r"\S+", text[start:end]))
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            s, e = start + words[i].start(), start + words[j - 1].end()
            amount = parse_amount(text[s:e], rupee=rupee)
            if amount is not None:
                return s, e, amount
    return None
