"""Figure alignment: which figures measure the same quantity, across documents and within one."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from figure_records import Row, build
from triangulate.link._figure_traits import read_traits
from triangulate.link.figures import align_figures, keywords
from triangulate.normalise.numbers import parse_amount
from triangulate.types import Amount, Article, Figure, InputKind

NOV = {day: dt.date(2023, 11, day) for day in range(1, 31)}


def _texts(groups: list[tuple[Figure, ...]]) -> list[list[str]]:
    return [[f.text for f in group] for group in groups]


def _group_of(groups: list[tuple[Figure, ...]], text: str) -> list[str]:
    return next([f.text for f in g] for g in groups if any(f.text == text for f in g))


def test_one_toll_rounded_three_ways_is_one_measure() -> None:
    figures, articles = build(
        [
            Row("reuters", "over 2,200", "Pakistanis killed", NOV[8], "Kakar"),
            Row("reuters", "60%", "militant attacks", NOV[8], "Kakar", change="increase"),
            Row("tribune", "2,267", "Pakistani citizens killed", NOV[8], "Kakar"),
            Row("afp", "some 2,300", "people killed in attacks", NOV[11]),
            Row("afp", "1.7 million", "undocumented Afghan refugees", NOV[11]),
        ]
    )
    groups = align_figures(figures, articles)
    assert _group_of(groups, "2,267") == ["over 2,200", "2,267", "some 2,300"]
    assert _group_of(groups, "60%") == ["60%"]
    assert _group_of(groups, "1.7 million") == ["1.7 million"]


def test_running_count_groups_across_dates() -> None:
    figures, articles = build(
        [
            Row("ani", "thousands", "Afghans evicted from Pakistan", NOV[7]),
            Row("tribune", "over 200,000", "Afghans left Pakistan", NOV[8], "Kakar"),
            Row("afp", "more than 327,000", "Afghan refugees left Pakistan", NOV[11], "UN"),
            Row("ap", "over 400,000", "Afghans returned home from Pakistan", NOV[20]),
        ]
    )
    groups = align_figures(figures, articles)
    assert _group_of(groups, "over 200,000") == [
        "over 200,000",
        "more than 327,000",
        "over 400,000",
    ]
    # "thousands" lies more than a decade below, with a different phrase: kept apart.
    assert _group_of(groups, "thousands") == ["thousands"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("60%", "60"),  # a percentage is never a count
        ("$3bn", "3 billion"),  # money is never a count
        ("doubled", "2"),  # a multiplier only goes with a multiplier
        ("60%", "60 percentage points"),
        ("58 km", "58"),  # a distance is no count
    ],
)
def test_kinds_never_mix(first: str, second: str) -> None:
    figures, articles = build(
        [
            Row("a", first, "suicide attacks in Pakistan"),
            Row("b", second, "suicide attacks in Pakistan"),
        ]
    )
    assert _texts(align_figures(figures, articles)) == [[first], [second]]


def test_a_bare_sum_earned_is_money() -> None:
    # "has grossed more than 141 million already": no currency, but nothing else is counted.
    figures, articles = build(
        [
            Row("a", "over $142 million", "grossed domestically"),
            Row("b", "more than 141 million", "grossed"),
            Row("c", "141", "grossed"),
        ]
    )
    assert _texts(align_figures(figures, articles)) == [
        ["over $142 million", "more than 141 million"],
        ["141"],
    ]


def test_a_blood_alcohol_level_is_a_percentage_with_or_without_its_sign() -> None:
    figures, articles = build(
        [
            Row("a", ".41", "blood-alcohol level"),
            Row("b", "0.41 percent", "blood alcohol level"),
        ]
    )
    assert _texts(align_figures(figures, articles)) == [[".41", "0.41 percent"]]


def _sides(doc: str, text: str, *numbers: str) -> tuple[Article, list[Figure]]:
    """An article and figures for the given numbers of its text, in order (none counted)."""
    figures, at = [], 0
    for number in numbers:
        start = text.index(number, at)
        at = start + len(number)
        figures.append(
            Figure(
                id=f"{doc}:{start}",
                doc_id=doc,
                start=start,
                end=at,
                text=number,
                amount=Amount(float(number)),
                sentence_start=0,
                sentence_end=len(text),
            )
        )
    return Article(doc, text, InputKind.TEXT), figures


def test_a_record_aligns_with_itself_and_not_with_another() -> None:
    # Told alike, but 162-139 is his record in Portland: the other side tells them apart.
    a, first = _sides("a", "As head coach Cheeks went 122-147 in three-plus seasons.", "122", "147")
    b, second = _sides("b", "As head coach Cheeks went 122-147 in three seasons.", "122", "147")
    c, third = _sides("c", "As head coach Cheeks went 142-139 in three-plus seasons.", "142", "139")
    groups = align_figures([*first, *second, *third], [a, b, c])
    assert sorted(_texts(groups)) == [["122", "122"], ["139"], ["142"], ["147", "147"]]


def test_same_kind_same_phrase_merges() -> None:
    figures, articles = build(
        [
            Row("a", "60%", "increase in militant attacks", change="increase"),
            Row("b", "60 percent", "rise in terrorist attacks", change="increase"),
        ]
    )
    assert _texts(align_figures(figures, articles)) == [["60%", "60 percent"]]


def test_opposite_changes_never_merge() -> None:
    figures, articles = build(
        [
            Row("a", "5.4 per cent", "Greek stocks", change="decrease"),
            Row("b", "5.4 per cent", "Greek stocks", change="increase"),
        ]
    )
    assert len(align_figures(figures, articles)) == 2


def test_two_numbers_of_one_sentence_stay_apart_unless_one_value() -> None:
    figures, articles = build(
        [
            Row("a", "1,000", "people housed in tents"),
            Row("a", "2,000", "people waiting to be housed", joins_previous=True),
            Row("b", "about 58 km", "distance of the epicentre from Bandar Abbas"),
            Row(
                "b", "36 miles", "distance of the epicentre from Bandar Abbas", joins_previous=True
            ),
        ]
    )
    groups = align_figures(figures, articles)
    assert figures[0].sentence_start == figures[1].sentence_start
    assert _group_of(groups, "1,000") == ["1,000"]
    assert _group_of(groups, "36 miles") == ["about 58 km", "36 miles"]


def test_named_places_tell_measures_apart() -> None:
    figures, articles = build(
        [
            Row("bbc", "6.4", "magnitude of the Zarand quake"),
            Row("afp", "6.7", "magnitude of the Bam quake"),
            Row("nyt", "6.4", "magnitude of the Zarand quake"),
        ]
    )
    assert _texts(align_figures(figures, articles)) == [["6.4", "6.4"], ["6.7"]]


def test_order_is_deterministic_and_follows_the_documents() -> None:
    rows = [
        Row("a", "over 2,200", "Pakistanis killed"),
        Row("a", "15", "suicide bombings carried out by Afghans"),
        Row("b", "2,267", "Pakistani citizens killed"),
        Row("b", "15", "suicide bombers who were Afghan nationals"),
        Row("c", "500%", "increase in suicide attacks", change="increase"),
    ]
    figures, articles = build(rows)
    expected = align_figures(figures, articles)
    shuffled = list(figures)
    random.Random(4).shuffle(shuffled)
    assert align_figures(shuffled, articles) == expected
    assert _texts(expected) == [["over 2,200", "2,267"], ["15", "15"], ["500%"]]


def test_missing_counted_falls_back_to_the_words_around() -> None:
    figures, articles = build(
        [
            Row("a", "10", "people killed", after="by the earthquake on Qeshm island"),
            Row("b", "10", None, after="people were killed when the earthquake hit Qeshm island"),
            Row("c", "10", None, after="schools in the town of Bandar Abbas need repairs"),
        ]
    )
    assert _texts(align_figures(figures, articles)) == [["10", "10"], ["10"]]
    assert [f.doc_id for f in align_figures(figures, articles)[0]] == ["a", "b"]
    assert align_figures([], articles) == []


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("Afghans deported", {"afghan", "deport"}),
        ("the deportation of Afghan nationals", {"deport", "afghan", "national"}),
        ("people killed in the attacks", {"people", "kill", "attack"}),
        ("casualties", {"casualty"}),
    ],
)
def test_keywords_strip_inflection(phrase: str, words: set[str]) -> None:
    assert keywords(phrase) == words


@pytest.mark.parametrize(
    ("total", "rate"),
    [
        (
            Row("a", "25,000", "Afghan refugees require relocation"),
            Row("b", "over 17,000", "Afghan refugees crossing", after="the border each day"),
        ),
        (
            Row("a", "20,000", "Afghans crossing the border"),
            Row("b", "20,000", "Afghans crossing the border per day"),
        ),
        (Row("a", "$3bn", "budget for schools"), Row("b", "$3bn", "budget for schools annually")),
        *(
            (Row("a", "$3bn", "budget for schools"), Row("b", "$3bn", f"{word} budget for schools"))
            for word in ("hourly", "daily", "weekly", "monthly", "yearly", "annual")
        ),
    ],
)
def test_rates_never_merge_with_totals(total: Row, rate: Row) -> None:
    figures, articles = build([total, rate])
    assert len(align_figures(figures, articles)) == 2


def test_a_year_of_work_is_no_rate() -> None:
    figures, articles = build(
        [
            Row("a", "1.7 million", "Afghan migrants repatriated", after="in a year"),
            Row("b", "1.7 million", "Afghan migrants repatriated"),
        ]
    )
    assert _texts(align_figures(figures, articles)) == [["1.7 million", "1.7 million"]]


def test_a_projection_is_not_the_count_it_projects() -> None:
    figures, articles = build(
        [
            Row("afp", "1.7 million", "undocumented Afghans living in Pakistan", NOV[11]),
            Row("ap", "an estimated 1.7 million", "Afghans residing in Pakistan", NOV[20]),
            Row(
                "ap",
                "approximately 1.3 million",
                "Afghans expected to return to Afghanistan",
                NOV[20],
                "WHO",
            ),
        ]
    )
    groups = align_figures(figures, articles)
    assert _group_of(groups, "approximately 1.3 million") == ["approximately 1.3 million"]
    assert _group_of(groups, "1.7 million") == ["1.7 million", "an estimated 1.7 million"]


def test_different_periods_are_different_quantities() -> None:
    figures, articles = build(
        [
            Row("a", "60%", "militant attacks (increase) since 2021", NOV[8], change="increase"),
            Row(
                "b",
                "60%",
                "terror attacks (increase) in the first half of 2023",
                NOV[11],
                change="increase",
            ),
            Row(
                "c",
                "60 percent",
                "terrorist attacks (increase) since August 2021",
                NOV[11],
                change="increase",
            ),
        ]
    )
    assert _texts(align_figures(figures, articles)) == [["60%", "60 percent"], ["60%"]]


@pytest.mark.parametrize(("text", "merged"), [("60%", False), ("2,267", True)])
def test_shares_months_apart_differ_but_totals_run_on(text: str, merged: bool) -> None:
    figures, articles = build(
        [
            Row("a", text, "people killed in attacks", dt.date(2023, 6, 30)),
            Row("b", text, "people killed in attacks", NOV[8]),
        ]
    )
    assert (len(align_figures(figures, articles)) == 1) is merged


def test_a_headline_number_reads_its_line() -> None:
    # The parser may cut a headline to the bare number; its line still says what it counts.
    heads = {
        "a": "Three dead after fire-bomb hits bank during Greek riots\nThe police said so.",
        "b": "Three people were killed when rioters set fire to a bank during Greek riots.",
        "c": "Three ministers resigned from the cabinet over the budget on Friday.",
    }
    articles = [Article(id=d, text=t, kind=InputKind.TEXT) for d, t in heads.items()]
    figures = [
        Figure(
            id=f"f{i}",
            doc_id=d,
            start=0,
            end=5,
            text="Three",
            amount=Amount(3.0),
            sentence_start=0,
            sentence_end=5 if d == "a" else len(t),
        )
        for i, (d, t) in enumerate(heads.items())
    ]
    assert [[f.doc_id for f in g] for g in align_figures(figures, articles)] == [["a", "b"], ["c"]]


def test_killed_and_wounded_never_merge_however_alike() -> None:
    figures, articles = build(
        [
            Row("cnn", "1", "people killed at the accounting firm"),
            Row("cnn", "2", "people injured at the accounting firm"),
            Row("usa", "one", "person shot to death at the accounting firm"),
            Row("usa", "two", "others wounded at the accounting firm"),
            Row("nyt", "2", "hurt"),
        ]
    )
    groups = align_figures(figures, articles)
    assert _group_of(groups, "1") == ["1", "one"]
    assert _group_of(groups, "2") == ["2", "two", "2"]


def test_a_period_up_to_now_is_no_name() -> None:
    figures, articles = build(
        [
            Row("reuters", "over 2,200", "Pakistanis killed"),
            Row("afp", "some 2,300", "people killed in attacks since August 2021"),
            Row("bbc", "6.4", "magnitude of the quake that struck Qeshm"),
            Row("afp", "6.7", "magnitude of the quake in December 2003"),
        ]
    )
    groups = align_figures(figures, articles)
    assert _group_of(groups, "over 2,200") == ["over 2,200", "some 2,300"]
    assert _group_of(groups, "6.7") == ["6.7"]


def test_counts_of_a_charge_are_not_the_people_it_names() -> None:
    figures, articles = build(
        [
            Row("nbc", "two", "women killed at the plant"),
            Row("cbs", "two", "people killed at the plant"),
            Row("cbs", "2", "murder charges filed against the worker"),
            Row("ap", "Two", "counts of murder against the worker"),
        ]
    )
    groups = align_figures(figures, articles)
    assert _group_of(groups, "two") == ["two", "two"]
    assert _group_of(groups, "2") == ["2", "Two"]


def test_a_list_sibling_that_matches_better_keeps_a_pair_apart() -> None:
    figures, articles = build(
        [
            Row("hindu", "six", "AK rifles seized from the boats"),
            Row("hindu", "12", "magazines seized from the boats", joins_previous=True),
            Row("hindu", "about 300", "rounds seized from the boats", joins_previous=True),
            Row("ndtv", "14", "AK rifles confiscated during the patrol"),
            Row("ndtv", "31", "magazines confiscated during the patrol", joins_previous=True),
        ]
    )
    groups = align_figures(figures, articles)
    assert "12" not in _group_of(groups, "14")
    assert "six" not in _group_of(groups, "31")


@pytest.mark.parametrize(("second", "merged"), [("31", False), ("nearly 14", True)])
def test_one_document_gives_one_value_per_quantity(second: str, merged: bool) -> None:
    figures, articles = build(
        [
            Row("hindu", "12", "magazines found on the boats"),
            Row("hindu", second, "magazines found on the boats so far"),
        ]
    )
    groups = align_figures(figures, articles)
    assert (len(groups) == 1) is merged


def test_the_shot_may_be_the_wounded_when_both_give_one_number() -> None:
    figures, articles = build(
        [
            Row("cnn", "two", "men wounded at the accounting firm"),
            Row("nyt", "two", "men shot at the accounting firm"),
            Row("ap", "three", "people shot at the accounting firm"),
        ]
    )
    groups = align_figures(figures, articles)
    assert _group_of(groups, "two") == ["two", "two"]
    assert _group_of(groups, "three") == ["three"]


def test_shares_a_few_points_apart_in_one_report_are_two_findings() -> None:
    figures, articles = build(
        [
            Row("ap", "60 percent", "respondents called the riots a social uprising"),
            Row("reuters", "60 percent", "respondents called the riots a social uprising"),
            Row("reuters", "65.6 percent", "respondents unhappy with the government"),
        ]
    )
    groups = align_figures(figures, articles)
    assert _group_of(groups, "65.6 percent") == ["65.6 percent"]


def _figures_in(texts: dict[str, str], wordings: dict[str, list[str]]) -> list[Figure]:
    """Figures at the first place each wording stands in its one-sentence document."""
    return [
        Figure(
            id=f"{doc}:{text}",
            doc_id=doc,
            start=(start := texts[doc].index(text)),
            end=start + len(text),
            text=text,
            amount=amount,
            sentence_start=0,
            sentence_end=len(texts[doc]),
        )
        for doc, found in wordings.items()
        for text in found
        if (amount := parse_amount(text)) is not None
    ]


def test_a_sum_restated_in_another_currency_aligns_with_its_original() -> None:
    texts = {
        "a": "Greece agreed a 110 billion euros ($143 billion) bailout with the EU and IMF.",
        "b": "Greece gets 110bn in bailout loans from the EU and IMF over three years.",
        "c": "The budget cuts are meant to save 30 billion euros over three years.",
    }
    figures = _figures_in(
        texts,
        {"a": ["110 billion euros", "$143 billion"], "b": ["110bn"], "c": ["30 billion euros"]},
    )
    articles = [Article(id=doc, text=text, kind=InputKind.TEXT) for doc, text in texts.items()]
    groups = align_figures(figures, articles)
    assert _group_of(groups, "$143 billion") == ["110 billion euros", "$143 billion", "110bn"]
    assert _group_of(groups, "30 billion euros") == ["30 billion euros"]


def test_a_duration_told_months_apart_is_one_quantity() -> None:
    figures, articles = build(
        [
            Row("a", "15 years", "years he worked at the plant", dt.date(2010, 9, 10)),
            Row("b", "about 15 years", "years he worked at the plant", dt.date(2010, 12, 8)),
        ]
    )
    assert len(align_figures(figures, articles)) == 1


def test_an_aftershock_is_no_main_quake_however_alike_the_phrases() -> None:
    figures, articles = build(
        [
            Row("a", "magnitude 6.4", "quake magnitude (measuring on Richter scale)"),
            Row("b", "magnitude 3.8", "quake magnitude (measuring on Richter scale)"),
            Row("c", "magnitude 6.1", "quake magnitude (measuring on Richter scale)"),
        ]
    )
    groups = align_figures(figures, articles)
    assert _group_of(groups, "magnitude 6.4") == ["magnitude 6.4", "magnitude 6.1"]
    assert _group_of(groups, "magnitude 3.8") == ["magnitude 3.8"]


def test_a_reported_dispute_in_one_sentence_is_one_quantity() -> None:
    figures, articles = build(
        [
            Row("a", "magnitude-5.9", "quake magnitude", by="Tehran's seismologic center"),
            Row(
                "a",
                "magnitude-6.1",
                "quake magnitude",
                by="U.S. Geological Survey",
                joins_previous=True,
            ),
            Row("b", "1,000", "people housed in tents", by="Red Crescent"),
            Row(
                "b", "2,000", "people waiting to be housed", by="Red Crescent", joins_previous=True
            ),
        ]
    )
    groups = align_figures(figures, articles)
    assert _group_of(groups, "magnitude-5.9") == ["magnitude-5.9", "magnitude-6.1"]
    assert _group_of(groups, "1,000") == ["1,000"]


def test_one_number_of_one_sentence_counting_two_things_is_two_quantities() -> None:
    figures, articles = build(
        [
            Row("a", "five", "suspicious boats approaching merchant vessels"),
            Row("a", "five", "merchant vessels escorted", joins_previous=True),
            Row("b", "five", "merchant vessels escorted through the corridor"),
        ]
    )
    groups = align_figures(figures, articles)
    assert [f.id for f in next(g for g in groups if figures[0] in g)] == ["f1"]
    assert [f.id for f in next(g for g in groups if figures[1] in g)] == ["f2", "f3"]


def test_figures_of_two_named_holders_never_merge() -> None:
    figures, articles = build(
        [
            Row("ap", "eight-year", "offer", holder="Angels"),
            Row("ap", "eight years", "offer", holder="Nationals"),
            Row("espn", "eight-year", "contract offer", holder="Los Angeles Angels"),
            Row("mlb", "eight-year", "offer"),
        ]
    )
    groups = align_figures(figures, articles)
    assert sorted(len(g) for g in groups) == [1, 3]
    assert [f.holder for f in next(g for g in groups if len(g) == 1)] == ["Nationals"]


@pytest.mark.parametrize(
    ("counted", "read"),
    [
        ("people hurt", "people injured"),
        ("Five people wounded in the blast", "Five people injured in the blast"),
        ("protesters detained", "protesters arrested"),
        ("people died in the fire", "people killed in the fire"),
        # a shotgun is no shooting, a charge no outcome
        ("shotgun shells", "shotgun shells"),
        ("counts of murder", "counts of murder"),
    ],
)
def test_an_outcome_reads_one_word_whatever_the_wording(counted: str, read: str) -> None:
    figures, articles = build([Row("ap", "five", counted)])
    assert read_traits(figures[0], {a.id: a.text for a in articles}).phrase == read


def test_only_a_count_of_people_has_an_outcome() -> None:
    figures, articles = build([Row("ft", "110bn euros", "emergency rescue package")])
    traits = read_traits(figures[0], {a.id: a.text for a in articles})
    assert (traits.outcome, traits.phrase) == (None, "emergency rescue package")
