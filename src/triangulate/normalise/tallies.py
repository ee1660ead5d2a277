"""Tallies read from the characters around a figure: "9-14", "58-3", "45-7-2".

Extraction decides which "N-M" are tallies (a record, a score, a vote) and makes each side a
figure of its own; later stages only need to know, from the text, which tally a figure is a
side of and what its other sides say: alignment keeps wins with wins and a record with the
same record, labels name the side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Tally", "tally_of"]

# Two or three sides, not glued to more digits ("555-1234-5") or a date ("2005-06-24").
_TALLY = re.compile(
    r"(?<![\d/–-])(?<!\d[.,])(\d{1,3})\s?[-–]\s?(\d{1,3})(?:\s?[-–]\s?(\d{1,3}))?"
    r"(?![\d/]|[.,]\d|\s?[-–]\d)"
)
_REACH = 12  # characters either side of a figure searched for its tally


@dataclass(frozen=True, slots=True)
class Tally:
    """The tally a figure is a side of: where it stands and what every side says."""

    start: int
    end: int
    place: int  # 0 for the first side ("9" of "9-14"), 1 for the second, 2 for a third
    sides: tuple[int, ...]

    @property
    def partners(self) -> tuple[int, ...]:
        """The other sides' values."""
        return self.sides[: self.place] + self.sides[self.place + 1 :]


def tally_of(text: str, start: int, end: int) -> Tally | None:
    """The tally whose side is exactly ``text[start:end]``, else None.

    >>> tally_of("slumping at 9-14 this season", 14, 16)
    Tally(start=12, end=16, place=1, sides=(9, 14))
    """
    if not text[start:end].isdigit():
        return None
    for match in _TALLY.finditer(text, max(0, start - _REACH), min(len(text), end + _REACH)):
        for place in range(3):
            if match.group(place + 1) is not None and match.span(place + 1) == (start, end):
                sides = tuple(int(side) for side in match.groups() if side is not None)
                return Tally(match.start(), match.end(), place, sides)
    return None
