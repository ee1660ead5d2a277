"""Coverage on the example story: who carries which fact, what one source alone has or lacks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from story_records import Story, example_articles, parse_story
from triangulate.link.coverage import coverage
from triangulate.link.events import build_events
from triangulate.normalise.numbers import parse_amount
from triangulate.types import Event, Figure, Measure, Quote

if TYPE_CHECKING:
    from spacy.language import Language

# Afghans who have left or been expelled, as each outlet words it.
LEFT = {
    "001_682662fc06ffbff9": "over 200,000",
    "002_f69399a660d41165": "more than 327,000",
    "003_204134f34e0ee376": "over 400,000",
}
# The 60% rise in attacks since the Taliban took over.
RISE = {"000_f10801466fbe62aa": "60%", "001_682662fc06ffbff9": "60%"}


@pytest.fixture(scope="module")
def story(example_story: Path, nlp: Language) -> Story:
    return parse_story(example_articles(example_story), nlp)


@pytest.fixture(scope="module")
def records(story: Story) -> tuple[list[Figure], list[Measure], list[Quote], list[Event]]:
    figures = []
    for measure, table in (("m1", LEFT), ("m2", RISE)):
        for doc_id, surface in table.items():
            start = story.text(doc_id).index(surface)
            figures.append(
                Figure(f"{measure}-{doc_id[:3]}", doc_id, start, start + len(surface), surface,
                       parse_amount(surface))
            )  # fmt: skip
    measures = [
        Measure("m1", "Afghans who left Pakistan", "evolving", "rises over time",
                tuple(f.id for f in figures if f.id.startswith("m1"))),
        Measure("m2", "rise in militant attacks", "agree", "same figure",
                tuple(f.id for f in figures if f.id.startswith("m2"))),
    ]  # fmt: skip
    quote_doc = "004_4681012913b4791f"
    words = "We can't shoulder the burden of illegal migrants"
    start = story.text(quote_doc).index(words)
    quotes = [Quote("q1", quote_doc, start, start + len(words), words, cluster="c1")]
    return figures, measures, quotes, build_events(story.dates, story.sentences)


def test_each_document_lists_what_it_carries(story: Story, records: tuple) -> None:
    figures, measures, quotes, events = records
    table = coverage(story.articles, measures, figures, quotes, events)
    assert set(table) == {a.id for a in story.articles}
    assert table["002_f69399a660d41165"]["measures"] == ["m1"]
    assert table["001_682662fc06ffbff9"]["measures"] == ["m1", "m2"]
    assert table["004_4681012913b4791f"]["quotes"] == ["c1"]
    for doc_id, row in table.items():
        carried = {e.id for e in events if any(s.doc_id == doc_id for s in e.mentions)}
        assert set(row["events"]) == carried


def test_single_source_facts_and_omissions(story: Story, records: tuple) -> None:
    figures, measures, quotes, events = records
    table = coverage(story.articles, measures, figures, quotes, events)
    # Three of five outlets count the Afghans who left; the other two omit it.
    assert "m1" in table["000_f10801466fbe62aa"]["omits"]
    assert "m1" in table["004_4681012913b4791f"]["omits"]
    assert "m1" not in table["003_204134f34e0ee376"]["omits"]
    # Two of five is no majority: nobody "omits" the 60% rise.
    assert all("m2" not in row["omits"] for row in table.values())
    # Only the ANI story carries the official's quote.
    assert (
        table["004_4681012913b4791f"]["only_here"][:1] == []
        or "c1" in table["004_4681012913b4791f"]["only_here"]
    )
    assert "c1" in table["004_4681012913b4791f"]["only_here"]
    assert all("c1" not in row["omits"] for row in table.values())


def test_a_derived_copy_is_not_a_second_source(story: Story, records: tuple) -> None:
    figures, measures, quotes, events = records
    copy_quote = Quote("q2", "003_204134f34e0ee376", 0, 5, "dummy", cluster="c1")
    derived = {"003_204134f34e0ee376": "004_4681012913b4791f"}
    table = coverage(story.articles, measures, figures, [*quotes, copy_quote], events, derived)
    # The copy repeats the quote, yet the quote still has only one independent source.
    assert "c1" in table["004_4681012913b4791f"]["only_here"]
    assert "c1" in table["003_204134f34e0ee376"]["only_here"]


def test_a_copy_does_not_make_a_majority(story: Story, records: tuple) -> None:
    figures, measures, quotes, events = records
    # If 002 merely rewrote 001, the count of Afghans who left has two sources out of four:
    # no majority, so no outlet is said to omit it.
    derived = {"002_f69399a660d41165": "001_682662fc06ffbff9"}
    table = coverage(story.articles, measures, figures, quotes, events, derived)
    assert all("m1" not in row["omits"] for row in table.values())
