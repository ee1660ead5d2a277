"""Numbers that place or name rather than count: durations that place time, clock times,
codes, phone numbers, calibres, street numbers and digits glued to names.

String rules over the characters around a candidate (no parse needed), used by
:func:`triangulate.extract._figure_filters.is_figure`.
"""

from __future__ import annotations

import re

from triangulate.normalise.names import word_set

__all__ = ["SIZE_UNITS", "duration_counts", "glued_plural", "glued_size", "is_time_or_code"]

_TIME_UNIT = re.compile(
    r"^[\s-]*(?:(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|"
    r"yrs?|hrs?|am|pm|GMT|o'clock|BC|AD|time)(?!\w)|a\.m\.|p\.m\.)",  # "3 p.m.in" (sic)
    re.IGNORECASE,
)
# "two sons, ages 6 and 16": ages listed after "ages" / "aged".
_IDIOM_OR = re.compile(r"\b(?:a|an|one)\s+[a-z]+\s+or\s+\Z", re.IGNORECASE)
_AGES_BEFORE = re.compile(r"\b(?:ages|aged?)\s+(?:\d{1,3}(?:\s*,\s*|\s+and\s+|\s+to\s+))*\Z")
_STREET = re.compile(
    r"^\s+(?:(?:[A-Z][\w'.]+|\d+(?:st|nd|rd|th))\s+){1,3}(?:Street|St\.|Avenue|Ave\b\.?|Road|Rd\b\.?|Way|"
    r"Boulevard|Blvd\b\.?|Lane|Drive|Place|Square)(?!\w)"
)
_RELATIVE_AFTER = re.compile(
    r"^[\s-]*(?:ago|later|earlier|before|after|old|olds|since|from now|into|of age|in a row|"
    r"prior|back|running|straight|anniversary)\b",
    re.IGNORECASE,
)
_RELATIVE_BEFORE = re.compile(
    r"\b(?:next|previous|coming|recent|following|first|final|every|each|aged?|"
    r"nearly every|time in)\s+$",
    re.IGNORECASE,
)
# A gun a decimal without its zero names: "a .22 rifle" is a calibre, "shot .436" an average.
_GUN = re.compile(r"^[\s-]*(?:[a-z-]+\s)?(?:rifle|pistol|handgun|revolver|gun)s?\b", re.I)
_CALIBRE = re.compile(r"^\s?(?:magnum|caliber|calibre|cal\.|gauge|mm)\b", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(r"\b(?:at|before|after|by|until|till|from)\s+\Z", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^\s*(?:[.,;]|$|tonight|this|on\b|at\b)")
_CLOCK_UNITS = frozenset({"s", "min", "h"})
_INTERVAL_AFTER = re.compile(r"^[\s-]*(?:later|earlier|before|after)\b", re.IGNORECASE)
_OF_TIME = re.compile(r"^\s+of\s+(?:years|months|weeks|days|hours|decades)\b", re.IGNORECASE)


def duration_counts(text: str, start: int, end: int, unit: str | None) -> bool:
    """ "a 24-hour strike", "loans over three years", "for the past five years" measure time;
    "two years ago", "the next three months", "a 61-year-old" place or age something instead.
    Minutes and hours between two moments of the story ("returned 10 minutes later") measure
    how long something took."""
    before, after = text[max(0, start - 30) : start], text[end : end + 30]
    if re.search(r"[\d:]\Z", before) or text[start:end].lower() == "one day":
        return False  # "at 17:06 hours" is a time; "one day" mostly means "some day"
    if unit in _CLOCK_UNITS and _INTERVAL_AFTER.match(after):
        return True
    return not (_RELATIVE_AFTER.match(after) or _RELATIVE_BEFORE.search(before))


# "a 2,507-member assembly", "the 300-seat parliament", "a three-story building": the size of
# a body or a building, which a ledger compares across reports.
# The units, and the counted words each gives: "a 2,507-member assembly" -> "assembly members".
SIZE_UNITS = {
    "member": "members",
    "seat": "seats",
    "story": "stories",
    "storey": "storeys",
    "person": "people",
    "juror": "jurors",
    "man": "men",
    "woman": "women",
    "game": "games",
    "match": "matches",
    "party": "parties",  # "a two-party election", "a three-party coalition"
}
_SIZE_WORDS = rf"(?:{'|'.join(sorted([*SIZE_UNITS, 'strong']))})\b"  # "a 1,000-strong force"
# Nouns a number glued to them makes a label or a kind, not a count: "a four-star general",
# "a three-time champion", "a five-alarm fire", "a three-point shot", "a two-thirds majority";
# and units read elsewhere (time, measures).
_LABEL_UNITS = word_set(
    """star time way degree point alarm gauge caliber calibre digit half third thirds quarter
    quarters fourth fifth year month week day hour minute second decade century old foot feet
    inch mile yard meter metre pound ton acre"""
)

# Digits glued to what follows: 5/17, 555-1234, "F16s", "a 15-year veteran"; but a unit of size
# ("a 2,507-member assembly"), of strength, or a rate ("an $80,000-a-year job") is an amount's.
_SIZED = re.compile(rf"-{_SIZE_WORDS}")
_GLUED = re.compile(rf"^[-/:]\d|^\d|^[A-Za-z]|^-(?!magnitude|strength|{_SIZE_WORDS}|an?-)[A-Za-z]")


def glued_plural(noun: str) -> str | None:
    """What a whole is counted in when a number is glued to ``noun`` ("four-book" ->
    "books", "2,507-member" -> "members"); None for a label ("four-star", "three-time")."""
    noun = noun.lower()
    if noun in SIZE_UNITS:
        return SIZE_UNITS[noun]
    if noun in _LABEL_UNITS or len(noun) < 3 or not noun.isalpha():
        return None
    if noun.endswith(("s", "x", "ch", "sh")):
        return f"{noun}es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return f"{noun[:-1]}ies"
    return f"{noun}s"


def glued_size(text: str, end: int) -> bool:
    """Whether a number is glued to the unit its whole is counted in: "a 2,507-member
    assembly", "an 11-game winning streak"."""
    return _SIZED.match(text, end) is not None


def is_time_or_code(text: str, start: int, end: int) -> bool:
    """Durations, ages, times, ordinals, list numbers, and digits glued to names or codes."""
    before, after = text[max(0, start - 30) : start], text[end : end + 30]
    if _TIME_UNIT.match(after) or _OF_TIME.match(after):
        return True  # "40 years", "a 61-year-old", "10 a.m.", "hundreds of years"
    if re.search(r"\d[:/]\d", text[start:end]) or re.match(r"^(?:st|nd|rd|th)\b", after):
        return True
    if re.search(
        r"[A-Za-z][-/]\Z|[+#=_]\Z|\d[-/.]\Z|\d:\Z|(?:https?:|www\.|/)\S*\Z|\(\s?\.\s?\Z|(?:^|\s)\.\Z",
        before,
    ):
        return True  # Covid-19, F-16, 192.168.1.2, +1-222, 1/2, 10:30, digits in a URL
    if _GLUED.match(after):
        return True  # 5/17, 555-1234, digits glued to letters
    if _AGES_BEFORE.search(before) or _IDIOM_OR.search(before):
        return True  # "ages 6 and 16"; "a minute or two", "a day or two": a vague while
    if re.search(r"\d[ \u00a0]\Z", before) or re.match(r"^[ \u00a0]\d", after):
        return True  # "0800 555 111": groups of a phone number or a code
    if re.match(r"0\d", text[start:end]):
        return True  # "0800", "007": a leading zero writes a code, not an amount
    if _is_clock(before, text[start:end], after):
        return True  # "before 9.", "until 11 on Friday": a clock time
    if (
        re.fullmatch(
            r"\d+(?:\.\d+)?[BbKkTt]|911|(?:19|20)\d\d (?:dollars|euros|pounds)", text[start:end]
        )
        or _STREET.match(after)
        or _CALIBRE.match(after)
        or (text[start] == "." and _GUN.match(after))
    ):
        # "1B Mark Teixeira", "5K run", "4 Yawkey Way", "in 2006 dollars", ".357 Magnum"
        return True
    return bool(re.match(r"^\s*[.)]\s", after) and re.search(r"(?:^|\n)\s*$", before))


def _is_clock(before: str, surface: str, after: str) -> bool:
    """An hour after a time preposition, with no noun it counts: "started before 9."."""
    return (
        bool(_CLOCK_BEFORE.search(before))
        and re.fullmatch(r"\d{1,2}", surface) is not None
        and int(surface) <= 24
        and _CLOCK_AFTER.match(after) is not None
    )
