"""Tallies told as "N-M": a season record, a game's score, a jury's or a vote's split.

"slumping at 9-14", "a 162-139 record", "beat Cleveland 88-72", "the jury deadlocked 9-3",
"Klitschko (58-3, 51 KOs)" and a record's three sides "Rahman (45-7-2)" are no ranges: each side
is a figure of its own, and reports compare them side by side (9 wins then 10 wins; 9 jurors
for death in one report, nine in another). A side counts no noun of its own, so alignment reads
the words around it; the words near the tally must say it is one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["tally_sides"]

# Two sides, or a record's three ("45-7-2": wins, losses, draws).
_TALLY = re.compile(r"(\d{1,3})\s?[-–]\s?(\d{1,3})(?:[-–](\d{1,3}))?")
# Digits glued to more digits, letters or separators: "555-1234-5", "2005-06-24", "1-2/3".
_GLUED_AFTER = re.compile(r"[\w/:-]|[.,]\d")
_GLUED_BEFORE = re.compile(r"[\w.,/:-]\Z")
_STANDING = re.compile(
    r"\b(?:at|is|was|are|were|went|finished|finishes|opened|started|stood|stands)\s\Z"
)
_WINDOW = 4  # words either side that tell a tally from a range
_TALLY_WORDS = frozenset(
    {"vote", "votes", "voted", "jury", "jurors", "juror", "deadlock", "deadlocked", "split"}
    | {"ruling", "ruled", "majority", "verdict", "ballot", "panel", "record", "records"}
    | {"season", "start", "mark", "win", "won", "wins", "victory", "beat", "beats", "defeat"}
    | {"defeated", "lost", "loss", "losses", "score", "scored", "lead", "led", "trail"}
    | {"trailed", "game", "match", "ko", "kos", "knockout", "knockouts", "bout", "fight"}
    | {"setback", "rout", "blowout", "triumph", "upset", "shutout", "drubbing", "decision"}
)


def tally_sides(doc: Doc, text: str, start: int) -> list[tuple[int, int]] | None:
    """The (start, end) of each side of an "N-M" tally starting at ``start``, or None for
    anything else (a range "10-20 people", a phone number, a date)."""
    match = _TALLY.match(text, start)
    if (
        match is None
        or _GLUED_AFTER.match(text, match.end())
        or _GLUED_BEFORE.search(text, 0, start)
    ):
        return None
    span = doc.char_span(start, match.end(), alignment_mode="expand")
    if span is None:
        return None
    near = doc[max(0, span.start - _WINDOW) : min(len(doc), span.end + _WINDOW)]
    # "slumping at 9-14", "Cheeks is 122-147 in three-plus seasons", "finished 45-37"
    following = doc[span.end] if span.end < len(doc) else None
    standing = _STANDING.search(text, max(0, start - 10), start) is not None and not (
        following is not None
        and following.pos_ in {"NOUN", "PROPN"}
        and following.lemma_.lower() not in _TALLY_WORDS
    )  # but "is 10-20 degrees" is a range
    # "Klitschko (58-3, 51 KOs)": a record in brackets right after a name.
    bracketed = span.start > 1 and doc[span.start - 1].text == "(" and _named(doc[span.start - 2])
    # "Joe Louis 26-1": a table of records, a person's name and then the record.
    listed = span.start > 0 and doc[span.start - 1].ent_type_ == "PERSON"
    if not (
        standing
        or bracketed
        or listed
        or ({t.lower_ for t in near} | {t.lemma_.lower() for t in near}) & _TALLY_WORDS
    ):
        return None
    return [match.span(k) for k in (1, 2, 3) if match.group(k) is not None]


def _named(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
