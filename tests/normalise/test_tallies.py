"""Reading the tally a figure is a side of from the text around it."""

from __future__ import annotations

import pytest

from triangulate.normalise.tallies import tally_of


@pytest.mark.parametrize(
    ("text", "side", "place", "sides"),
    [
        ("With the Sixers floundering at 9-14, the team fired Cheeks.", "14", 1, (9, 14)),
        ("Klitschko (58-3, 51 KOs) stopped Thompson.", "58", 0, (58, 3)),
        ("Rahman (45-7-2, 36 KOs) was stopped.", "7", 1, (45, 7, 2)),
        ("The jury deadlocked 9 - 3 on Friday.", "3", 1, (9, 3)),
    ],
)
def test_a_side_and_its_tally(text: str, side: str, place: int, sides: tuple[int, ...]) -> None:
    start = text.index(side, text.index("(") if "(" in text else 0)
    tally = tally_of(text, start, start + len(side))
    assert tally is not None
    assert (tally.place, tally.sides) == (place, sides)
    assert tally.partners == sides[:place] + sides[place + 1 :]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Call 555-1234 for details.", "555"),
        ("It happened on 2005-06-24 in Ohio.", "06"),
        ("He was paid 12,500 dollars.", "500"),
        ("Some 10 people died.", "10"),
    ],
)
def test_numbers_that_are_no_side(text: str, number: str) -> None:
    start = text.index(number)
    assert tally_of(text, start, start + len(number)) is None
