"""Figure alignment: which figures measure the same quantity, across documents and within one."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from figure_records import Row, build
from triangulate.link.figures import align_figures, keywords
from triangulate.types import Figure

NOV = {day: dt.date(2023, 11, day) for day in range(1, 31)}


def _texts(groups: list[tuple[Figure, ...]]) -> list[list[str]]:
    return [[f.text for f in group] for group in groups]


def _group_of(groups: list[tuple[Figure, ...]], text: str) -> list[str]:
    return next([f.text for f in g] for g in groups if any(f.text == text for f in g))


def test_one_toll_rounded_three_ways_is_one_measure() -> None:
    figures, articles = build([
        Row("reuters", "over 2,200", "Pakistanis killed", NOV[8], "Kakar"),
        Row("reuters", "60%", "militant attacks", NOV[8], "Kakar", change="increase"),
        Row("tribune", "2,267", "Pakistani citizens killed", NOV[8], "Kakar"),
        Row("afp", "some 2,300", "people killed in attacks", NOV[11]),
        Row("afp", "1.7 million", "undocumented Afghan refugees", NOV[11]),
    ])
    groups = align_figures(figures, articles)
    assert _group_of(groups, "2,267") == ["over 2,200", "2,267", "some 2,300"]
    assert _group_of(groups, "60%") == ["60%"]
    assert _group_of(groups, "1.7 million") == ["1.7 million"]


def test_running_count_groups_across_dates() -> None:
    figures, articles = build([
        Row("ani", "thousands", "Afghans evicted from Pakistan", NOV[7]),
        Row("tribune", "over 200,000", "Afghans left Pakistan", NOV[8], "Kakar"),
        Row("afp", "more than 327,000", "Afghan refugees left Pakistan", NOV[11], "UN"),
        Row("ap", "over 400,000", "Afghans returned home from Pakistan", NOV[20]),
    ])
    groups = align_figures(figures, articles)
    assert _group_of(groups, "over 200,000") == ["over 200,000", "more than 327,000",
                                                 "over 400,000"]
    # "thousands" lies more than a decade below, with a different phrase: kept apart.
    assert _group_of(groups, "thousands") == ["thousands"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("60%", "60"),                 # a percentage is never a count
        ("$3bn", "3 billion"),         # money is never a count
        ("doubled", "2"),              # a multiplier only goes with a multiplier
        ("60%", "60 percentage points"),
        ("58 km", "58"),               # a distance is no count
    ],
)
def test_kinds_never_mix(first: str, second: str) -> None:
    figures, articles = build([
        Row("a", first, "suicide attacks in Pakistan"),
        Row("b", second, "suicide attacks in Pakistan"),
    ])
    assert _texts(align_figures(figures, articles)) == [[first], [second]]


def test_same_kind_same_phrase_merges() -> None:
    figures, articles = build([
        Row("a", "60%", "increase in militant attacks", change="increase"),
        Row("b", "60 percent", "rise in terrorist attacks", change="increase"),
    ])
    assert _texts(align_figures(figures, articles)) == [["60%", "60 percent"]]


def test_opposite_changes_never_merge() -> None:
    figures, articles = build([
        Row("a", "5.4 per cent", "Greek stocks", change="decrease"),
        Row("b", "5.4 per cent", "Greek stocks", change="increase"),
    ])
    assert len(align_figures(figures, articles)) == 2


def test_two_numbers_of_one_sentence_stay_apart_unless_one_value() -> None:
    figures, articles = build([
        Row("a", "1,000", "people housed in tents"),
        Row("a", "2,000", "people waiting to be housed", joins_previous=True),
        Row("b", "about 58 km", "distance of the epicentre from Bandar Abbas"),
        Row("b", "36 miles", "distance of the epicentre from Bandar Abbas", joins_previous=True),
    ])
    groups = align_figures(figures, articles)
    assert figures[0].sentence_start == figures[1].sentence_start
    assert _group_of(groups, "1,000") == ["1,000"]
    assert _group_of(groups, "36 miles") == ["about 58 km", "36 miles"]


def test_named_places_tell_measures_apart() -> None:
    figures, articles = build([
        Row("bbc", "6.4", "magnitude of the Zarand quake"),
        Row("afp", "6.7", "magnitude of the Bam quake"),
        Row("nyt", "6.4", "magnitude of the Zarand quake"),
    ])
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
    figures, articles = build([
        Row("a", "10", "people killed", after="by the earthquake on Qeshm island"),
        Row("b", "10", None, after="people were killed when the earthquake hit Qeshm island"),
        Row("c", "10", None, after="schools in the town of Bandar Abbas need repairs"),
    ])
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
