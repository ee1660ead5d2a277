"""The timeline on the example story: one event per happening, several sources per event."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from story_records import Story, example_articles, parse_story
from triangulate.link.events import build_events
from triangulate.types import DateMention, Event, Sentence

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="module")
def story(example_story: Path, nlp: Language) -> Story:
    return parse_story(example_articles(example_story), nlp)


@pytest.fixture(scope="module")
def events(story: Story) -> list[Event]:
    return build_events(story.dates, story.sentences)


def _event_of(events: list[Event], story: Story, doc_id: str, surface: str) -> Event:
    for event in events:
        for span in event.mentions:
            if span.doc_id == doc_id and story.text(doc_id)[span.start : span.end] == surface:
                return event
    raise AssertionError(f"{surface!r} of {doc_id} is in no event")


def test_every_mention_lands_in_exactly_one_event(story: Story, events: list[Event]) -> None:
    spans = [(s.doc_id, s.start, s.end) for e in events for s in e.mentions]
    assert sorted(spans) == sorted((m.doc_id, m.start, m.end) for m in story.dates)


def test_ids_follow_date_order(events: list[Event]) -> None:
    assert [e.id for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]
    starts = [
        (e.date + "-01-01")[:10] if len(e.date) == 4 else (e.date + "-01")[:10] for e in events
    ]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # "expulsions begin, 1 November", told by two outlets in different words.
        (("000_f10801466fbe62aa", "on November 1"), ("003_204134f34e0ee376", "Since November 1")),
        # The Taliban's return to power in 2021 / August 2021.
        (("000_f10801466fbe62aa", "in 2021"), ("002_f69399a660d41165", "in August 2021")),
        # A dateline and its ISO date line are one publication event.
        (("004_4681012913b4791f", "2023-11-07"), ("004_4681012913b4791f", "November 7")),
    ],
)
def test_same_event_from_several_mentions(
    events: list[Event], story: Story, first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert _event_of(events, story, *first) is _event_of(events, story, *second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # "in recent years" (a vague span) must not swallow a dated happening.
        (("001_682662fc06ffbff9", "In recent years"), ("004_4681012913b4791f", "November 7")),
        # The TTP's founding and the Taliban takeover are different years, different events.
        (("002_f69399a660d41165", "in 2007"), ("002_f69399a660d41165", "in August 2021")),
        # Last year's floods are not the TTP talks breaking down in 2022.
        (("002_f69399a660d41165", "last year"), ("000_f10801466fbe62aa", "in 2022")),
    ],
)
def test_different_events_stay_apart(
    events: list[Event], story: Story, first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert _event_of(events, story, *first) is not _event_of(events, story, *second)


def test_descriptions_are_short_clauses_from_the_text(events: list[Event], story: Story) -> None:
    sentences: dict[str, list[str]] = {}
    for s in story.sentences:
        sentences.setdefault(s.doc_id, []).append(" ".join(s.text.split()))
    for event in events:
        assert len(event.description.split()) <= 16, event.description
        docs = {span.doc_id for span in event.mentions}
        assert any(event.description in sentence for doc in docs for sentence in sentences[doc]), (
            event.description
        )


def test_expulsion_description_names_what_happened(events: list[Event], story: Story) -> None:
    event = _event_of(events, story, "000_f10801466fbe62aa", "on November 1")
    assert event.date == "2023-11-01" and event.precision == "day"
    assert re.search(r"expulsion|checks|crackdown", event.description)


def _records(
    rows: list[tuple[str, str, str, str, str]],
) -> tuple[list[DateMention], list[Sentence]]:
    """(doc, sentence, date surface, date, precision) rows as mentions with their sentences."""
    mentions, sentences = [], []
    for doc, text, surface, date, precision in rows:
        start = text.index(surface)
        sentences.append(Sentence(doc, 0, len(text), text))
        mentions.append(
            DateMention(doc, start, start + len(surface), surface, date, precision, 0, len(text))
        )
    return mentions, sentences


@pytest.mark.parametrize(
    "rows",
    [
        # Paraphrases of one happening, each dated its own way.
        [
            (
                "a",
                "Pakistan had hoped the Taliban's rise to power in 2021 would help.",
                "in 2021",
                "2021",
                "year",
            ),
            (
                "b",
                "Attacks grew, particularly after the Taliban takeover in 2021.",
                "in 2021",
                "2021",
                "year",
            ),
            (
                "c",
                "The Taliban returned to power in Afghanistan in August 2021.",
                "in August 2021",
                "2021-08",
                "month",
            ),
        ],
        # A weekend holds its Sunday; the bailout was agreed and announced then.
        [
            (
                "a",
                "The government agreed at the weekend to the austerity package.",
                "at the weekend",
                "2010-05-01",
                "span",
            ),
            (
                "b",
                "The government announced Sunday drastic spending cuts and agreed the package.",
                "Sunday",
                "2010-05-02",
                "day",
            ),
        ],
        # One kind of happening on one day, in the story's commonest words.
        [
            (
                "a",
                "A powerful earthquake hit southern Iran on Sunday.",
                "on Sunday",
                "2005-11-27",
                "day",
            ),
            (
                "b",
                "A tremor shook the island of Qeshm yesterday.",
                "yesterday",
                "2005-11-27",
                "day",
            ),
        ],
        # A day written out is an anchor, however differently sources tell it.
        [
            (
                "a",
                "The expulsion process, scheduled to begin on November 1, drew criticism.",
                "on November 1",
                "2023-11-01",
                "day",
            ),
            (
                "b",
                "Since November 1, authorities have been conducting door-to-door checks.",
                "Since November 1",
                "2023-11-01",
                "day",
            ),
        ],
    ],
)
def test_paraphrases_are_one_event(rows: list[tuple[str, str, str, str, str]]) -> None:
    mentions, sentences = _records(rows)
    events = build_events(mentions, sentences)
    assert len(events) == 1, [e.description for e in events]
    # The event takes the most precise date: a day over its weekend, a month over its year.
    finest = [m for m in mentions if m.precision == "day"] or mentions
    assert events[0].date == max((m.date for m in finest), key=len)


@pytest.mark.parametrize(
    "rows",
    [
        # A fire bombing and a strike on the same Wednesday.
        [
            (
                "a",
                "A firebomb attack on a bank in Athens killed three people on Wednesday.",
                "on Wednesday",
                "2010-05-05",
                "day",
            ),
            (
                "b",
                "Wednesday's strike grounded flights and shut shops.",
                "Wednesday",
                "2010-05-05",
                "day",
            ),
        ],
        # Aid handed out and flights resumed the same Monday.
        [
            (
                "a",
                "Rescue workers handed out blankets, food and water on Monday.",
                "on Monday",
                "2005-11-28",
                "day",
            ),
            (
                "b",
                "Flights into Qeshm airport were resumed Monday morning.",
                "Monday morning",
                "2005-11-28",
                "day",
            ),
        ],
        # A vague span never joins a dated happening, even in the same words.
        [
            ("a", "Terror attacks increased in recent years.", "in recent years", "2023", "span"),
            ("b", "Terror attacks increased in 2023.", "in 2023", "2023", "year"),
        ],
    ],
)
def test_different_happenings_stay_apart(rows: list[tuple[str, str, str, str, str]]) -> None:
    mentions, sentences = _records(rows)
    assert len(build_events(mentions, sentences)) == 2


def test_a_day_counted_from_another_takes_no_coarser_date_in() -> None:
    # "the next day" (March 12, counted from March 11) is a day of its own: "the 2005
    # rampage" belongs with the day the story names, not with the day counted from it.
    mentions, sentences = _records(
        [
            (
                "a",
                "Nichols went on a rampage on March 11, 2005.",
                "March 11, 2005",
                "2005-03-11",
                "day",
            ),
            (
                "b",
                "Nichols was caught the next day after the rampage.",
                "the next day",
                "2005-03-12",
                "day",
            ),
            ("c", "He was sentenced for his 2005 rampage.", "2005", "2005", "year"),
        ]
    )
    mentions[1] = dataclasses.replace(mentions[1], anchored=True)
    events = build_events(mentions, sentences)
    by_date = {e.date: sorted(m.doc_id for m in e.mentions) for e in events}
    assert by_date["2005-03-12"] == ["b"]
