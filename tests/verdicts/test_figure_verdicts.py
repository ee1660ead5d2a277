"""Verdicts on aligned figures, and the intervals that wordings admit."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from figure_records import Row, build
from triangulate.normalise.intervals import common_point, interval, kind
from triangulate.normalise.numbers import parse_amount
from triangulate.types import STORY_ESTIMATE, Amount, Article, Evidence, Figure, InputKind, Measure
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
        ("more than 100 mph", [120 * 1.609344], [100 * 1.609344, 201 * 1.609344]),  # km/h
        ("more than two dozen", [25, 31, 36], [24, 37]),  # counted in dozens
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
        (["more than 100 mph", "up to 120 mph", "up to 193km/h"], True),
        (["about 30 miles", "48km"], True),
        (["170,000-square-foot", "15,800-square-metre"], True),
    ],
)
def test_common_point(texts: list[str], expected: bool) -> None:
    spans = [interval(_amount(t)) for t in texts]
    assert common_point([s for s in spans if s is not None]) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("60%", "percent"),
        ("$3bn", "money"),
        ("doubled", "multiplier"),
        ("2,267", "count"),
        ("58 km", "length"),
        ("82 degrees Fahrenheit", "temperature"),
    ],
)
def test_kind(text: str, expected: str) -> None:
    assert kind(_amount(text)) == expected


OUTLETS = {
    "ani": "ANI",
    "reuters": "Reuters",
    "tribune": "The Express Tribune",
    "afp": "AFP",
    "ap": "AP",
    "usa": "USA Today",
    "lat": "Los Angeles Times",
}


def _judge(rows: list[Row], estimated: frozenset[str] = frozenset()) -> Measure:
    """Judge rows as one group; documents in ``estimated`` carry a story-estimated date."""
    figures, articles = build(rows, outlets=OUTLETS)
    articles = [
        dataclasses.replace(
            a,
            published=next(f.as_of for f in figures if f.doc_id == a.id),
            evidence=(Evidence("published", STORY_ESTIMATE),),
        )
        if a.id in estimated
        else a
        for a in articles
    ]
    return judge(figures, {a.id: a for a in articles})


def test_one_toll_rounded_three_ways_agrees_with_one_origin() -> None:
    measure = _judge(
        [
            Row("reuters", "over 2,200", "Pakistanis killed", NOV[8], "Anwar ul Haq Kakar"),
            Row("tribune", "2,267", "Pakistani citizens killed", NOV[8], "Anwar ul Haq Kakar"),
            Row("afp", "some 2,300", "Pakistanis killed in attacks", NOV[11], "Anwar ul Haq Kakar"),
        ]
    )
    assert measure.verdict == "agree"
    assert measure.reason == (
        "'2,267' (The Express Tribune) lies within 'over 2,200' (Reuters) and rounds to "
        "'some 2,300' (AFP), all from Anwar ul Haq Kakar"
    )
    assert measure.origins == ("Anwar ul Haq Kakar",)
    assert measure.outlets == ("Reuters", "The Express Tribune", "AFP")
    assert measure.figure_ids == ("f1", "f2", "f3")
    assert measure.label == "Pakistanis killed"


@pytest.mark.parametrize(
    ("signed", "bare", "verdict"),
    [
        ("over $142 million", "more than 141 million", "agree"),
        ("$140 million", "150 million", "conflicting"),
        ("0.41 percent", ".41", "agree"),
    ],
)
def test_a_bare_number_is_read_in_its_group_s_unit(signed: str, bare: str, verdict: str) -> None:
    measure = _judge(
        [Row("reuters", signed, "grossed", NOV[8]), Row("tribune", bare, "grossed", NOV[8])]
    )
    assert measure.verdict == verdict
    assert "other units" not in measure.reason


def test_rising_count_over_dates_evolves() -> None:
    measure = _judge(
        [
            Row("ani", "thousands", "Afghans left Pakistan", NOV[7]),
            Row("reuters", "tens of thousands", "Afghans left Pakistan", NOV[8]),
            Row("tribune", "over 200,000", "Afghans left Pakistan", NOV[8], "Kakar"),
            Row("afp", "more than 327,000", "Afghans left Pakistan", NOV[11], "UN"),
            Row("ap", "over 400,000", "Afghans returned home from Pakistan", NOV[20]),
        ]
    )
    assert measure.verdict == "evolving"
    assert measure.reason == "rises from 'thousands' (ANI, Nov 7) to 'over 400,000' (AP, Nov 20)"
    assert measure.label == "Afghans who left Pakistan"


def test_same_values_on_the_same_dates_conflict() -> None:
    measure = _judge(
        [
            Row("ani", "nearly 2 million", "Afghan refugees required to leave", NOV[7]),
            Row("ani", "an estimated 1.7 million", "Afghan migrants to be repatriated", NOV[7]),
            Row("afp", "1.7 million", "undocumented Afghan refugees", NOV[11]),
        ]
    )
    assert measure.verdict == "conflicting"
    assert measure.reason == (
        "'nearly 2 million' (ANI) vs 'an estimated 1.7 million' (ANI) cannot both hold on Nov 7"
    )


def test_two_sources_disagreeing_on_one_day_is_no_rising_count() -> None:
    measure = _judge(
        [
            Row("hindu", "six", "AK rifles seized", NOV[11]),
            Row("rediff", "five", "AK rifles seized", NOV[11]),
            Row("frontline", "six", "AK rifles seized", NOV[15]),
        ]
    )
    assert measure.verdict == "conflicting"
    assert "cannot both hold on Nov 11" in measure.reason


def test_a_falling_count_conflicts_even_across_dates() -> None:
    measure = _judge(
        [
            Row("reuters", "over 400,000", "Afghans left Pakistan", NOV[8]),
            Row("afp", "more than 327,000", "Afghans left Pakistan", NOV[11]),
        ]
    )
    assert measure.verdict == "conflicting"
    assert measure.reason == (
        "'over 400,000' (Reuters, Nov 8) vs 'more than 327,000' (AFP, Nov 11) cannot both hold"
    )


def test_a_running_duration_evolves() -> None:
    measure = _judge(
        [
            Row("a", "five days", "days of rioting across Greece", dt.date(2008, 12, 11)),
            Row("b", "eight days", "days of rioting across Greece", dt.date(2008, 12, 14)),
        ]
    )
    assert measure.verdict == "evolving"


def test_measurements_do_not_evolve() -> None:
    measure = _judge(
        [
            Row("usa", "magnitude-5.9", "quake struck Qeshm island", dt.date(2005, 11, 27)),
            Row("lat", "magnitude 6.1", "quake struck Qeshm island", dt.date(2005, 11, 28)),
        ]
    )
    assert measure.verdict == "conflicting"  # a magnitude is no running total
    assert measure.reason == (
        "'magnitude-5.9' (USA Today, Nov 27) vs 'magnitude 6.1' (Los Angeles Times, Nov 28) "
        "cannot both hold"
    )


@pytest.mark.parametrize("estimated", [False, True])
def test_an_undated_figure_cannot_refute_a_dated_one(estimated: bool) -> None:
    # Undated: no as-of date at all, or only the date the story lent an undated article.
    rows = [
        Row("reuters", "tens of thousands", "Afghans left Pakistan", NOV[8] if estimated else None),
        Row("ani", "thousands", "Afghans evicted from Pakistan", NOV[8]),
    ]
    measure = _judge(rows, frozenset({"reuters"}) if estimated else frozenset())
    assert measure.verdict == "evolving"
    assert "'tens of thousands' (Reuters, undated)" in measure.reason
    assert "'thousands' (ANI, Nov 8)" in measure.reason
    assert "dates unknown" in measure.reason


def test_an_undated_figure_fits_inside_a_rising_count() -> None:
    measure = _judge(
        [
            Row("ani", "thousands", "Afghans left Pakistan", NOV[7]),
            Row("reuters", "hundreds of thousands", "Afghans left Pakistan"),
            Row("ap", "over 400,000", "Afghans left Pakistan", NOV[20]),
        ]
    )
    assert measure.verdict == "evolving"
    assert measure.reason == (
        "rises from 'thousands' (ANI, Nov 7) to 'over 400,000' (AP, Nov 20); "
        "'hundreds of thousands' (Reuters, undated) fits in that rise"
    )


@pytest.mark.parametrize(
    ("rows", "verdict"),
    [
        # A dated fall stays a conflict whatever the undated figure says.
        (
            [
                Row("reuters", "over 400,000", "Afghans left", NOV[8]),
                Row("afp", "more than 327,000", "Afghans left", NOV[11]),
                Row("ani", "over 500,000", "Afghans left"),
            ],
            "conflicting",
        ),
        # Same-day disagreement with nothing rising: the undated value sits between them.
        (
            [
                Row("reuters", "20,000", "protesters", NOV[5]),
                Row("afp", "50,000", "protesters", NOV[5]),
                Row("ani", "30,000", "protesters"),
            ],
            "conflicting",
        ),
        # Undated figures that disagree show no change over time: nothing says they rose.
        (
            [
                Row("ap", "three", "banks set on fire"),
                Row("reuters", "two", "banks set on fire"),
            ],
            "conflicting",
        ),
        # A magnitude is no running total: an unknown date changes nothing.
        (
            [
                Row("usa", "magnitude 5.9", "quake magnitude", NOV[5]),
                Row("lat", "magnitude 6.1", "quake magnitude"),
            ],
            "conflicting",
        ),
        # Undated figures of one document sit at one place, and may agree with the series.
        (
            [
                Row("ani", "thousands", "Afghans left", NOV[7]),
                Row("reuters", "about 5,000", "Afghans left"),
                Row("ap", "tens of thousands", "Afghans left", NOV[9]),
            ],
            "evolving",
        ),
    ],
)
def test_unknown_dates_in_verdicts(rows: list[Row], verdict: str) -> None:
    assert _judge(rows).verdict == verdict


@pytest.mark.parametrize(
    ("second", "verdict"), [("magnitude 6.1", "conflicting"), ("magnitude 5.9", "single")]
)
def test_one_report_setting_two_sources_against_each_other(second: str, verdict: str) -> None:
    rows = [
        Row("ap", "magnitude 5.9", "quake magnitude", NOV[27], "Tehran's seismologic center"),
        Row("ap", second, "quake magnitude", NOV[27], "U.S. Geological Survey"),
    ]
    assert _judge(rows).verdict == verdict


def test_one_document_is_single() -> None:
    figures, articles = build(
        [Row("tribune", "64", "Afghan citizens killed fighting Pakistani forces", NOV[8], "Kakar")],
        outlets={"tribune": "The Express Tribune"},
    )
    measure = judge(figures, {a.id: a for a in articles})
    assert (measure.verdict, measure.reason) == (
        "single",
        "only The Express Tribune gives it: '64' (Kakar)",
    )


def test_rewrites_are_not_independent_origins() -> None:
    figures, articles = build(
        [
            Row("afp", "about 200", "communists stormed the Acropolis"),
            Row("inquirer", "about 200", "communists stormed the Acropolis"),
        ],
        outlets={"afp": "AFP", "inquirer": "Philippine Daily Inquirer"},
    )
    by_id = {a.id: a for a in articles}
    independent = judge(figures, by_id)
    assert independent.origins == ("AFP", "Philippine Daily Inquirer")
    derived = judge(figures, by_id, {"inquirer": "afp"})
    assert (derived.verdict, derived.origins) == ("agree", ("AFP",))
    assert derived.reason == "AFP and Philippine Daily Inquirer give 'about 200', all from AFP"


def test_origins_name_outlets_and_mark_unnamed_ones() -> None:
    figures, articles = build(
        [
            Row("000_f1", "about 200", "communists stormed the Acropolis"),
            Row("001_c2", "about 200", "communists stormed the Acropolis"),
            Row("002_e3", "about 200", "communists stormed the Acropolis", by="police"),
        ],
        outlets={"000_f1": "AFP"},
    )
    measure = judge(figures, {a.id: a for a in articles})
    assert measure.origins == ("AFP", "001_c2 (unnamed outlet)", "police")
    assert measure.outlets == ("AFP", "001_c2", "002_e3")
    assert measure.reason == (
        "AFP, 001_c2 (unnamed outlet) and 002_e3 (unnamed outlet) give 'about 200'"
    )


def test_other_currencies_are_not_compared() -> None:
    figures, articles = build(
        [
            Row("national", "110 billion euros", "EU and IMF bailout"),
            Row("inquirer", "$143 billion", "EU and IMF bailout"),
            Row("reuters", "110bn euros", "EU and IMF bailout"),
        ]
    )
    measure = judge(figures, {a.id: a for a in articles})
    assert measure.verdict == "agree"
    assert "(1 figure in other units not compared)" in measure.reason


def test_judge_all_numbers_measures_in_order() -> None:
    figures, articles = build([Row("a", "15", "suicide bombings"), Row("b", "60%", "attacks")])
    measures = judge_all([[figures[0]], [figures[1]]], {a.id: a for a in articles})
    assert [m.id for m in measures] == ["m1", "m2"]
    with pytest.raises(ValueError, match="at least one figure"):
        judge([], {})


@pytest.mark.parametrize(
    ("phrases", "label"),
    [
        (["Afghans", "Afghans left Pakistan", "Afghans"], "Afghans who left Pakistan"),
        (
            ["militant attacks (increase) since 2021", "terror incidents (increase)"],
            "Increase in militant attacks since 2021",
        ),
        (["Greek stocks (decrease)"], "Fall in Greek stocks"),
        (["people killed", "people killed in fire bomb attack", "people killed"], "People killed"),
        (["Countries", "countries hosting Afghan refugees"], "Countries hosting Afghan refugees"),
    ],
)
def test_labels_read_the_most_informative_phrase(phrases: list[str], label: str) -> None:
    figures, articles = build([Row(f"d{i}", "15", p) for i, p in enumerate(phrases)])
    assert judge(figures, {a.id: a for a in articles}).label == label


def test_label_without_counted_phrase_stops_at_punctuation() -> None:
    figures, articles = build([Row("a", "900", None, after="euros a month, he said")])
    assert judge(figures, {a.id: a for a in articles}).label == "900 euros a month"


def test_a_side_of_a_tally_is_labelled_with_the_tally() -> None:
    text = "With the Sixers floundering at 9-14, the team fired Cheeks."
    start = text.index("14")
    figure = Figure(
        id="f1",
        doc_id="a",
        start=start,
        end=start + 2,
        text="14",
        amount=Amount(14.0),
        sentence_start=0,
        sentence_end=len(text),
    )
    article = Article(id="a", text=text, kind=InputKind.TEXT)
    assert judge([figure], {"a": article}).label == "Sixers floundering at 9-14, right side"
