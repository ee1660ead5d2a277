"""extract_figures on the example story and on ECB+ news: spans, values, what is not a figure."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from triangulate.extract.figures import extract_figures
from triangulate.types import Article, Attribution, Figure, InputKind

if TYPE_CHECKING:
    from spacy.language import Language

PUBLISHED = dt.date(2023, 11, 8)


def _figures(
    nlp: Language,
    text: str,
    attributions: tuple[Attribution, ...] = (),
    published: dt.date | None = PUBLISHED,
    doc_id: str = "d",
) -> list[Figure]:
    article = Article(doc_id, text, InputKind.TEXT, published=published)
    return extract_figures(nlp(text), article, attributions)


@pytest.fixture(scope="module")
def story(nlp: Language, example_story: Path) -> dict[str, tuple[str, list[Figure]]]:
    """Each example article's text and figures."""
    result = {}
    for path in sorted(example_story.glob("*.txt")):
        text = path.read_text("utf-8")
        result[path.stem] = (text, _figures(nlp, text, doc_id=path.stem))
    return result


def test_spans_reproduce_the_text(story: dict[str, tuple[str, list[Figure]]]) -> None:
    for doc_id, (text, figures) in story.items():
        assert figures, doc_id
        for n, figure in enumerate(figures, start=1):
            assert text[figure.start : figure.end] == figure.text
            assert figure.id == f"{doc_id}:f{n}"
            assert figure.sentence_start <= figure.start < figure.end <= figure.sentence_end
        assert [f.start for f in figures] == sorted(f.start for f in figures)


def test_killed_figure_is_read_with_what_it_counts(
    story: dict[str, tuple[str, list[Figure]]],
) -> None:
    figures = [f for _, fs in story.values() for f in fs if f.text == "2,267"]
    assert len(figures) == 1
    figure = figures[0]
    assert figure.amount.value == 2267
    assert figure.counted is not None and "Pakistani" in figure.counted
    assert "killed" in figure.counted


@pytest.mark.parametrize(
    ("surface", "value", "low", "high", "qualifier", "unit"),
    [
        ("over 2,200", 2200, 2200, None, "over", None),
        ("some 2,300", 2300, None, None, "about", None),
        ("tens of thousands", None, 10_000, 99_999, None, None),
        ("hundreds of thousands", None, 100_000, 999_999, None, None),
        ("more than 327,000", 327_000, 327_000, None, "over", None),
        ("an estimated 1.7 million", 1_700_000, None, None, "estimated", None),
        ("nearly 2 million", 2_000_000, None, 2_000_000, "nearly", None),
        ("60 percent", 60, None, None, None, "%"),
        ("79%", 79, None, None, None, "%"),
    ],
)
def test_hedged_figures_keep_their_hedge(
    story: dict[str, tuple[str, list[Figure]]],
    surface: str,
    value: float | None,
    low: float | None,
    high: float | None,
    qualifier: str | None,
    unit: str | None,
) -> None:
    found = [f for _, fs in story.values() for f in fs if f.text == surface]
    assert found, surface
    amount = found[0].amount
    assert (amount.value, amount.low, amount.high, amount.qualifier, amount.unit) == (
        value,
        low,
        high,
        qualifier,
        unit,
    )


def test_no_year_or_date_is_a_figure(story: dict[str, tuple[str, list[Figure]]]) -> None:
    texts = [f.text for _, fs in story.values() for f in fs]
    assert not [t for t in texts if t in {"2021", "2022", "2007", "2023", "8", "1", "11", "40"}]


def test_percentage_changes_record_direction(
    story: dict[str, tuple[str, list[Figure]]],
) -> None:
    changes = {f.text: f for _, fs in story.values() for f in fs if f.amount.unit == "%"}
    assert changes["79%"].change == "increase"
    assert changes["79%"].counted is not None and "attacks" in changes["79%"].counted.lower()
    assert changes["60%"].change == "increase"


def test_period_gives_its_last_day_as_of(story: dict[str, tuple[str, list[Figure]]]) -> None:
    figure = next(f for _, fs in story.values() for f in fs if f.text == "79%")
    assert figure.as_of == dt.date(2023, 6, 30)
    other = next(f for _, fs in story.values() for f in fs if f.text == "2,267")
    assert other.as_of == PUBLISHED


def test_attribution_of_the_covering_sentence(nlp: Language) -> None:
    text = "Kakar said over 200,000 Afghans had left. The UN counts 1,000 more."
    said = Attribution("d", 0, 5, "Anwar ul Haq Kakar", 0, text.index(" The"), "said")
    figures = _figures(nlp, text, (said,))
    by_text = {f.text: f for f in figures}
    assert by_text["over 200,000"].attributed_to == "Anwar ul Haq Kakar"
    assert by_text["1,000"].attributed_to is None


@pytest.mark.parametrize(
    ("sentence", "expected_as_of"),
    [
        ("More than 327,000 refugees had been expelled as of November 1.", dt.date(2023, 11, 1)),
        ("Over 17,000 crossed as of November 20, a date after the article's.", PUBLISHED),
        ("Since November 1, over 200,000 Afghans have left.", PUBLISHED),
        ("Attacks rose by 79% in the first half of 2023.", dt.date(2023, 6, 30)),
        ("The deadline calls for 2 million people to leave by December 31.", PUBLISHED),
    ],
)
def test_as_of(nlp: Language, sentence: str, expected_as_of: dt.date) -> None:
    figures = _figures(nlp, sentence)
    assert len(figures) == 1
    assert figures[0].as_of == expected_as_of


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("The quake, of magnitude 5.6, flattened seven villages.", "seven"),
        ("A total of 31 fire trucks arrived.", "31"),
        ("The bailout is worth $3bn, officials said.", "$3bn"),
        ("Sales doubled last year.", "doubled"),
        ("Militant attacks saw a threefold rise.", "threefold"),
        ("Around 20 more people had to be ushered to safety.", "Around 20"),
        ("It cost between $140 million and $150 million.", "between $140 million and $150 million"),
    ],
)
def test_figures_found(nlp: Language, sentence: str, surface: str) -> None:
    assert surface in [f.text for f in _figures(nlp, sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The TTP was founded in 2007 and is aligned with the Taliban.",
        "A 61-year-old man was arrested on November 8.",
        "The actress, 26, checked in late Thursday night.",
        "He has hosted Afghan refugees for the last 40 years.",
        "Covid-19 spread quickly, and the G7 met in 2021.",
        "The F-16 and the Boeing 737 were grounded.",
        "Call 555-1234 before 10:30 a.m. on Monday.",
        "Section 144 was imposed in the city.",
        "It was one of the worst attacks, the first in years.",
        "Klitschko improved his record to 52-3 with the win.",
        "Six months ago the talks broke down.",
    ],
)
def test_not_figures(nlp: Language, sentence: str) -> None:
    assert _figures(nlp, sentence) == []


def test_ecbplus_spans_are_exact_and_years_excluded(nlp: Language, shared: Path) -> None:
    path = shared / "data" / "ecbplus" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()[:60]]
    total = 0
    for row in rows:
        figures = _figures(nlp, row["text"], published=None, doc_id=row["id"])
        total += len(figures)
        for figure in figures:
            assert row["text"][figure.start : figure.end] == figure.text
            amount = figure.amount
            is_year = (
                amount.unit is None
                and amount.value is not None
                and (
                    figure.text.isdigit() and len(figure.text) == 4 and 1900 <= amount.value <= 2030
                )
            )
            assert not is_year, (row["id"], figure.text)
    assert total > 30
