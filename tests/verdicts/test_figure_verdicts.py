"""Verdicts on aligned figures, and the intervals that wordings admit."""

from __future__ import annotations

import datetime as dt

import pytest

from figure_records import Row, build
from triangulate.normalise.intervals import common_point, interval, kind
from triangulate.normalise.numbers import parse_amount
from triangulate.types import Amount
from triangulate.verdicts.figures import judge, judge_all

NOV = {day: dt.date(2023, 11, day) for day in range(1, 31)}


def _amount(text: str) -> Amount:
    amount = parse_amount(text)
    assert amount is not None, text
    return amount


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("some 2,300", [2250, 2267, 2349], [2240, 2360]),
        ("2,267", [2267], [2266, 2268]),
        ("over 2,200", [2201, 2267, 2419], [2200, 2450]),
        ("at least three", [3, 4], [2, 5]),
        ("nearly 2 million", [1_800_000, 1_999_999], [1_750_000, 2_000_000]),
        ("1.7 million", [1_650_000, 1_749_999], [1_600_000, 1_800_000]),
        ("tens of thousands", [10_000, 99_999], [9_999, 100_001]),
        ("thousands", [1_000, 9_999], [999, 10_001]),
        ("between 10 and 20", [10, 20], [9, 21]),
        ("up to 5,000", [1, 5_000], [5_001]),
        ("36 miles", [57.5, 58.5], [56.0, 60.0]),  # in kilometres
    ],
)
def test_interval_of_wording(text: str, inside: list[float], outside: list[float]) -> None:
    span = interval(_amount(text))
    assert span is not None
    assert all(x in span for x in inside)
    assert not any(x in span for x in outside)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["over 2,200", "2,267", "some 2,300"], True),
        (["1.7 million", "nearly 2 million"], False),
        (["more than 327,000", "over 400,000"], False),
        (["about 58 km", "36 miles"], True),
        (["over 2,200", "nearly 2,200"], False),  # open ends do not touch
        (["at least three", "three"], True),
    ],
)
def test_common_point(texts: list[str], expected: bool) -> None:
    spans = [interval(_amount(t)) for t in texts]
    assert common_point([s for s in spans if s is not None]) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("60%", "percent"), ("$3bn", "money"), ("doubled", "multiplier"), ("2,267", "count"),
     ("58 km", "length"), ("82 degrees Fahrenheit", "temperature")],
)
def test_kind(text: str, expected: str) -> None:
    assert kind(_amount(text)) == expected


def test_one_toll_rounded_three_ways_agrees_with_one_origin() -> None:
    figures, articles = build(
        [
            Row("000", "over 2,200", "Pakistanis killed", NOV[8], "Anwar ul Haq Kakar"),
            Row("001", "2,267", "Pakistani citizens killed", NOV[8], "Anwar ul Haq Kakar"),
            Row("002", "some 2,300", "Pakistanis killed in attacks", NOV[11],
                "Anwar ul Haq Kakar"),
        ],
        outlets={"000": "Reuters", "001": "The Express Tribune", "002": "AFP"},
    )
    measure = judge(figures, {a.id: a for a in articles})
    assert measure.verdict == "agree"
    assert measure.reason.startswith("'2,267' lies within 'over 2,200' and rounds to 'some 2,300'")
    assert measure.reason.endswith("3 outlets, 1 origin (Anwar ul Haq Kakar)")
    assert measure.origins == ("Anwar ul Haq Kakar",)
    assert measure.outlets == ("Reuters", "The Express Tribune", "AFP")
    assert measure.figure_ids == ("f1", "f2", "f3")
    assert measure.label == "Pakistanis killed"


def test_rising_count_over_dates_evolves() -> None:
    figures, articles = build([
        Row("ani", "thousands", "Afghans left Pakistan", NOV[7]),
        Row("reuters", "tens of thousands", "Afghans left Pakistan", NOV[8]),
        Row("tribune", "over 200,000", "Afghans left Pakistan", NOV[8], "Kakar"),
        Row("afp", "more than 327,000", "Afghans left Pakistan", NOV[11], "UN"),
        Row("ap", "over 400,000", "Afghans returned home from Pakistan", NOV[20]),
    ])
    measure = judge(figures, {a.id: a for a in articles})
    assert measure.verdict == "evolving"
    assert measure.reason == "rises from 'thousands' (Nov 7) to 'over 400,000' (Nov 20)"


def test_same_values_on_the_same_dates_conflict() -> None:
    figures, articles = build([
        Row("ani", "nearly 2 million", "Afghan refugees required to leave", NOV[7]),
        Row("ani", "an estimated 1.7 million", "Afghan migrants to be repatriated", NOV[7]),
        Row("afp", "1.7 million", "undocumented Afghan refugees", NOV[11]),
    ])
    measure = judge(figures, {a.id: a for a in articles})
    assert measure.verdict == "conflicting"
    assert measure.reason == ("'nearly 2 million' vs 'an estimated 1.7 million' (same date) "
                              "cannot both hold")


def test_a_falling_count_conflicts_even_across_dates() -> None:
    figures, articles = build([
        Row("a", "over 400,000", "Afghans left Pakistan", NOV[8]),
        Row("b", "more than 327,000", "Afghans left Pakistan", NOV[11]),
    ])
    assert judge(figures, {a.id: a for a in articles}).verdict == "conflicting"


def test_measurements_do_not_evolve() -> None:
    figures, articles = build([
        Row("usa", "magnitude-5.9", "quake struck Qeshm island", dt.date(2005, 11, 27)),
        Row("lat", "magnitude 6.1", "quake struck Qeshm island", dt.date(2005, 11, 28)),
    ])
    measure = judge(figures, {a.id: a for a in articles})
    assert measure.verdict == "conflicting"  # a magnitude is no running total
    assert measure.reason == (
        "'magnitude-5.9' vs 'magnitude 6.1' (Nov 27 vs Nov 28) cannot both hold"
    )


def test_one_document_is_single() -> None:
    figures, articles = build(
        [Row("tribune", "64", "Afghan citizens killed fighting Pakistani forces", NOV[8],
             "Kakar")],
        outlets={"tribune": "The Express Tribune"},
    )
    measure = judge(figures, {a.id: a for a in articles})
    assert (measure.verdict, measure.reason) == (
        "single", "only The Express Tribune gives it: '64' (Kakar)"
    )


def test_rewrites_are_not_independent_origins() -> None:
    figures, articles = build(
        [Row("afp", "about 200", "communists stormed the Acropolis"),
         Row("inquirer", "about 200", "communists stormed the Acropolis")],
        outlets={"afp": "AFP", "inquirer": "Philippine Daily Inquirer"},
    )
    by_id = {a.id: a for a in articles}
    independent = judge(figures, by_id)
    assert independent.origins == ("AFP", "Philippine Daily Inquirer")
    derived = judge(figures, by_id, {"inquirer": "afp"})
    assert (derived.verdict, derived.origins) == ("agree", ("AFP",))
    assert derived.reason == "2 documents give 'about 200'; 2 outlets, 1 origin (AFP)"


def test_other_currencies_are_not_compared() -> None:
    figures, articles = build([
        Row("national", "110 billion euros", "EU and IMF bailout"),
        Row("inquirer", "$143 billion", "EU and IMF bailout"),
        Row("reuters", "110bn euros", "EU and IMF bailout"),
    ])
    measure = judge(figures, {a.id: a for a in articles})
    assert measure.verdict == "agree"
    assert "(1 figure in other units not compared)" in measure.reason


def test_judge_all_numbers_measures_in_order() -> None:
    figures, articles = build([Row("a", "15", "suicide bombings"), Row("b", "60%", "attacks")])
    measures = judge_all([[figures[0]], [figures[1]]], {a.id: a for a in articles})
    assert [m.id for m in measures] == ["m1", "m2"]
    with pytest.raises(ValueError, match="at least one figure"):
        judge([], {})
