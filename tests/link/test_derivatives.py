"""Derivative detection: copies are caught, independent reports of one event are not."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from story_records import example_articles
from triangulate.link.derivatives import find_derivatives
from triangulate.types import Article, InputKind


def _ecbplus(shared: Path, ids: list[str]) -> list[Article]:
    rows = {}
    with (shared / "data/ecbplus/dev.jsonl").open() as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] in ids:
                rows[row["id"]] = row["text"]
    return [Article(id=i, text=rows[i], kind=InputKind.JSONL) for i in ids]


def _light_edit(article: Article, new_id: str) -> Article:
    """A re-publication: new headline, one paragraph dropped, a few words swapped."""
    paragraphs = [p for p in article.text.split("\n") if p.strip()]
    body = paragraphs[1:-2] + paragraphs[-1:]  # the old first line and one paragraph go
    text = "\n\n".join(["Afghans leave Pakistan as deadline passes", *body])
    for old, new in (
        ("Pakistan has", "Islamabad has"),
        ("attacks", "assaults"),
        ("said", "stated"),
    ):
        text = text.replace(old, new, 2)
    assert text != article.text
    return Article(
        id=new_id,
        text=text,
        kind=InputKind.TEXT,
        published=article.published + dt.timedelta(days=1) if article.published else None,
    )


def test_no_false_positive_on_the_example_story(example_story: Path) -> None:
    assert find_derivatives(example_articles(example_story)) == {}


def test_no_false_positive_on_independent_reports_of_one_quake(shared: Path) -> None:
    # Seven outlets on the Qeshm earthquake of 27 November 2005 (ECB+ topic 20), each
    # written independently: the same names, numbers and dates, in their own words.
    ids = ["20_1ecbplus", "20_2ecbplus", "20_3ecbplus", "20_4ecbplus", "20_8ecbplus",
           "20_9ecbplus", "20_11ecbplus"]  # fmt: skip
    assert find_derivatives(_ecbplus(shared, ids)) == {}


def test_agency_copy_with_new_headline_is_caught(shared: Path) -> None:
    # The Philippine Daily Inquirer ran AFP's story that The National also carried.
    articles = _ecbplus(shared, ["8_1ecbplus", "8_2ecbplus", "8_5ecbplus", "8_8ecbplus"])
    articles[0] = dataclasses.replace(articles[0], published=dt.date(2010, 5, 5))
    assert find_derivatives(articles) == {"8_2ecbplus": "8_1ecbplus"}


@pytest.mark.parametrize("index", range(5))
def test_lightly_edited_copy_is_caught(example_story: Path, index: int) -> None:
    articles = example_articles(example_story)
    original = articles[index]
    copy = _light_edit(original, "copy")
    assert find_derivatives([copy, *articles]) == {"copy": original.id}


def test_the_earlier_document_is_the_original(example_story: Path) -> None:
    original = example_articles(example_story)[2]
    earlier_copy = dataclasses.replace(
        _light_edit(original, "copy"), published=dt.date(2023, 11, 1)
    )
    assert find_derivatives([original, earlier_copy]) == {original.id: "copy"}


def test_a_copy_of_a_copy_points_at_the_first_original(example_story: Path) -> None:
    original = example_articles(example_story)[1]
    first = _light_edit(original, "first")
    second = dataclasses.replace(
        first, id="second", text=re.sub(r"\bKakar\b", "Mr Kakar", first.text)
    )
    second = dataclasses.replace(second, published=dt.date(2023, 11, 12))
    assert find_derivatives([original, first, second]) == {
        "first": original.id,
        "second": original.id,
    }


def test_on_one_date_the_condensed_copy_is_the_derivative() -> None:
    body = (
        "A bomb exploded at a bank branch on Friday, killing a police officer and a bomb "
        "technician. The police chief was critically injured in the blast. Investigators said "
        "the device had been left outside the building."
    )
    full = Article(
        id="full", text=body + " A reward of $35,000 was offered on Saturday.", kind=InputKind.TEXT
    )
    short = Article(id="short", text=body, kind=InputKind.TEXT)
    assert find_derivatives([short, full]) == {"short": "full"}
