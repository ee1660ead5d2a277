"""Date mentions on real news: what is a date, how it resolves, what is left out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from triangulate.extract.dates import extract_dates
from triangulate.normalise.dates import resolve_date
from triangulate.types import Article, InputKind

if TYPE_CHECKING:
    from spacy.language import Language

from story_records import GOLD, example_articles

BASE = dt.date(2023, 11, 8)  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "date", "precision"),
    [
        ("on November 1", "2023-11-01", "day"),
        ("on Wednesday, November 8", "2023-11-08", "day"),
        ("Since November 1", "2023-11-01", "day"),
        ("as of November 11", "2023-11-11", "day"),
        ("October 31", "2023-10-31", "day"),
        ("2023-11-20 23:14 GMT", "2023-11-20", "day"),
        ("21 July 2013", "2013-07-21", "day"),
        ("Tuesday, December 9, 2008", "2008-12-09", "day"),
        ("on Monday", "2023-11-06", "day"),
        ("late Thursday", "2023-11-02", "day"),
        ("next Monday", "2023-11-13", "day"),
        ("yesterday", "2023-11-07", "day"),
        ("this morning", "2023-11-08", "day"),
        ("this afternoon", "2023-11-08", "day"),
        ("last night", "2023-11-07", "day"),
        ("later today", "2023-11-08", "day"),
        ("tonight", "2023-11-08", "day"),
        ("eight days ago", "2023-10-31", "day"),
        ("six months ago", "2023-05", "month"),
        ("in August 2021", "2021-08", "month"),
        ("in October", "2023-10", "month"),
        ("last December", "2022-12", "month"),
        ("last month", "2023-10", "month"),
        ("in 2021", "2021", "year"),
        ("last year", "2022", "year"),
        ("last year’s", "2022", "year"),
        ("the same period last year", "2022", "year"),
        ("two years ago", "2021", "year"),
        ("earlier this year", "2023", "year"),
        ("the end of 2007", "2007", "year"),
        ("in the first half of 2023", "2023-01", "span"),
        ("during the past two years", "2021", "span"),
        ("in recent months", "2023", "span"),
        ("In recent years", "2023", "span"),
        ("last week", "2023-10-30", "span"),
        ("on October 1-2", "2023-10-01", "day"),
        ("by Christmas", "2023-12-25", "day"),
    ],
)
def test_resolve_date_table(phrase: str, date: str, precision: str) -> None:
    resolved = resolve_date(phrase, BASE)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (date, precision)


@pytest.mark.parametrize(
    "phrase",
    [
        "for the last 40 years",
        "six months",
        "decades",
        "33",
        "36-year-old",
        "90 days",
        "a week",
        "seven years",
        "the previous day",
        "nine days earlier",
        "every day",
        "0241",
        "in the 1990s",  # a decade: no date the timeline's format can write ("1990" is a year)
    ],
)
def test_durations_ages_and_fragments_are_not_dates(phrase: str) -> None:
    assert resolve_date(phrase, BASE) is None


def test_relative_dates_need_a_document_date() -> None:
    assert resolve_date("on November 1", None) is None
    assert resolve_date("February 22", None) is None
    assert resolve_date("in August 2021", None) == resolve_date("in August 2021", BASE)


@pytest.fixture(scope="module")
def example_mentions(example_story: Path, nlp: Language) -> dict[str, list[tuple[str, str]]]:
    found = {}
    for article in example_articles(example_story):
        mentions = extract_dates(nlp(article.text), article)
        for m in mentions:
            assert article.text[m.start : m.end] == m.text
            assert m.sentence_start <= m.start < m.end <= m.sentence_end
            if m.clause_start is not None and m.clause_end is not None:
                assert m.clause_start <= m.start and m.end <= m.clause_end
        found[article.id] = [(m.text, m.date) for m in mentions]
    return found


def test_example_story_matches_the_hand_gold(
    example_mentions: dict[str, list[tuple[str, str]]],
) -> None:
    gold = json.loads((GOLD / "pakistan-afghans-2023" / "events.json").read_text())
    found = {(doc, text) for doc, pairs in example_mentions.items() for text, _ in pairs}
    missing = [
        (g["doc_id"], g["surface"]) for g in gold if (g["doc_id"], g["surface"]) not in found
    ]
    assert len(missing) <= 2, missing
    assert sum(len(p) for p in example_mentions.values()) <= len(gold) + 3


@pytest.mark.parametrize(
    ("doc", "surface", "date"),
    [
        ("000_f10801466fbe62aa", "on November 1", "2023-11-01"),
        ("000_f10801466fbe62aa", "in recent months", "2023"),
        ("001_682662fc06ffbff9", "on Wednesday, November 8", "2023-11-08"),
        ("002_f69399a660d41165", "in August 2021", "2021-08"),
        ("002_f69399a660d41165", "last year", "2022"),
        ("003_204134f34e0ee376", "on Monday", "2023-11-20"),
        ("004_4681012913b4791f", "six months ago", "2023-05"),
    ],
)
def test_example_dates_resolve_against_their_document(
    example_mentions: dict[str, list[tuple[str, str]]], doc: str, surface: str, date: str
) -> None:
    assert (surface, date) in example_mentions[doc]


def test_durations_in_the_example_are_left_out(
    example_mentions: dict[str, list[tuple[str, str]]],
) -> None:
    texts = {text for pairs in example_mentions.values() for text, _ in pairs}
    assert not any("40 years" in t or "decades" in t for t in texts)


def test_undated_article_keeps_only_dates_with_a_year(example_story: Path, nlp: Language) -> None:
    article = dataclasses.replace(example_articles(example_story)[2], published=None)
    found = [m.text for m in extract_dates(nlp(article.text), article)]
    assert "in August 2021" in found and "in 2007" in found
    assert "as of November 11" not in found and "last year" not in found


def _ecb(shared: Path, doc_id: str) -> str:
    with (shared / "data/ecbplus/dev.jsonl").open() as lines:
        return next(json.loads(row)["text"] for row in lines if f'"id": "{doc_id}"' in row)


@pytest.mark.parametrize(
    ("doc_id", "published", "present", "absent"),
    [
        # "Tara Reid, 33" is an age; the entry date is not stated.
        ("1_1ecb", None, [], ["33"]),
        # A bank fire reported on Wednesday 5 May 2010; the vote "on Thursday" lies ahead.
        ("8_2ecbplus", dt.date(2010, 5, 5), [("Thursday", "2010-05-06")], []),
        (
            "8_8ecbplus",
            dt.date(2010, 5, 5),
            [("last October", "2009-10"), ("December 2008", "2008-12")],
            [],
        ),
        # Reported on Friday 10 September 2010: "last night" and "later today" are dates too.
        (
            "22_8ecbplus",
            dt.date(2010, 9, 10),
            [("last night", "2010-09-09"), ("later today", "2010-09-10")],
            [],
        ),
        # Reported on Wednesday 8 December 2010: relatives "would hold a vigil Thursday".
        ("22_9ecbplus", dt.date(2010, 12, 8), [("Thursday", "2010-12-09")], []),
        # A quake on Sunday 27 November 2005.
        (
            "20_4ecbplus",
            dt.date(2005, 11, 28),
            [("on Sunday", "2005-11-27"), ("In December 2003", "2003-12")],
            [],
        ),
    ],
)
def test_ecbplus_dates(
    shared: Path,
    nlp: Language,
    doc_id: str,
    published: dt.date | None,
    present: list[tuple[str, str]],
    absent: list[str],
) -> None:
    text = _ecb(shared, doc_id)
    article = Article(id=doc_id, text=text, kind=InputKind.JSONL, published=published)
    found = [(m.text, m.date) for m in extract_dates(nlp(text), article)]
    for pair in present:
        assert pair in found
    assert not any(text_ == bad for text_, _ in found for bad in absent)


def _one(nlp: Language, text: str, published: dt.date = BASE) -> list[tuple[str, str, str]]:
    article = Article(id="t", text=text, kind=InputKind.TEXT, published=published)
    return [
        (m.text, m.date, text[m.clause_start : m.clause_end] if m.clause_start is not None else "")
        for m in extract_dates(nlp(text), article)
    ]


@pytest.mark.parametrize(
    ("text", "surface", "date"),
    [
        # A weekday in a clause about the future is the coming one (BASE is a Wednesday).
        ("A vote on the measures will be held Thursday.", "Thursday", "2023-11-09"),
        (
            "The government was preparing for the measures to be voted on Thursday.",
            "on Thursday",
            "2023-11-09",
        ),
        ("Parliament voted on Thursday to extend the deadline.", "on Thursday", "2023-11-02"),
        ("Ortiz set out without a partner Friday.", "Friday", "2023-11-03"),
        ("The vote is set for Thursday.", "Thursday", "2023-11-09"),
        # The weekend: the last one, or the coming one when the clause looks ahead.
        ("The government agreed at the weekend to a bailout.", "at the weekend", "2023-11-04"),
        ("Talks will resume at the weekend, officials said.", "at the weekend", "2023-11-11"),
        # "for" usually opens a duration, but not before a date ahead.
        ("The union said it was planning more walkouts for next week.", "next week", "2023-11-13"),
    ],
)
def test_dates_ahead_and_weekends(nlp: Language, text: str, surface: str, date: str) -> None:
    assert (surface, date) in [(s, d) for s, d, _ in _one(nlp, text)]


@pytest.mark.parametrize(
    ("text", "last"),
    [
        # The same day written with its year elsewhere in the article.
        (
            "Orozco was also convicted of the June 20, 2005 attempted murder of a man. "
            "Ortiz was investigating the June 20 shooting when he was killed.",
            ("June 20", "2005-06-20"),
        ),
        # The month written with its year.
        (
            "Deputy Ortiz was shot dead in June 2005. "
            "The 35-year-old deputy was killed on June 24 while investigating an attack.",
            ("on June 24", "2005-06-24"),
        ),
    ],
)
def test_a_day_without_its_year_takes_the_year_the_article_gives_it(
    nlp: Language, text: str, last: tuple[str, str]
) -> None:
    found = _one(nlp, text, dt.date(2007, 4, 10))
    assert [(s, d) for s, d, _ in found][-1] == last


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Cheeks came back to assume coaching duties prior to the 2005 season.", "2005"),
        ("Nichols was sentenced for his deadly 2005 rampage at Fulton Courthouse.", "2005"),
    ],
)
def test_a_year_dates_the_season_or_the_deed_it_names(
    nlp: Language, text: str, surface: str
) -> None:
    assert (surface, "2005") in [(s, d) for s, d, _ in _one(nlp, text)]


@pytest.mark.parametrize(
    ("text", "surface", "date"),
    [
        (
            "Nichols killed a judge on March 11, 2005. He was captured the next day.",
            "the next day",
            "2005-03-12",
        ),
        (
            "Ortiz was killed on June 24, 2005. Four days earlier, Orozco shot a man.",
            "Four days earlier",
            "2005-06-20",
        ),
        (
            "The crash happened on Friday, Sept. 13. He died later that night.",
            "later that night",
            "2013-09-13",
        ),
    ],
)
def test_days_told_from_the_story_s_last_date(
    nlp: Language, text: str, surface: str, date: str
) -> None:
    found = _one(nlp, text, dt.date(2013, 9, 20))
    assert (surface, date) in [(s, d) for s, d, _ in found]


def test_a_day_told_from_no_date_stays_unresolved(nlp: Language) -> None:
    found = _one(nlp, "He left the house. The next day he came back.", dt.date(2013, 9, 20))
    assert "The next day" not in [s for s, _, _ in found]


@pytest.mark.parametrize(
    "text",
    [
        "Nigel Hacker runs Intarsia Design out of a heritage home at 2016 Ontario.",
        "The lights were blazing at the two-storey 1950s-style office building.",
        "Jamil Abdullah Al-Amin, the 1960s militant once named H. Rap Brown, was convicted.",
        "Raj Chohan was hit by a 2013 gray Camry in Richmond Hill.",
        "Police found a gray 2013 Toyota a few blocks away.",
    ],
)
def test_addresses_and_decades_as_adjectives_are_no_dates(nlp: Language, text: str) -> None:
    assert _one(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "years"),
    [
        (
            "Her first marriage lasted from 1943 to 1947, and her second ended later.",
            ["1943", "1947"],
        ),
        ("Between 1998 and 2002, the service held 300,000 consultations.", ["1998", "2002"]),
    ],
)
def test_a_span_of_years_is_its_two_ends(nlp: Language, text: str, years: list[str]) -> None:
    assert [d for _, d, _ in _one(nlp, text)] == years


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The group sued over its 2005 petition to list the polar bear.", "2005"),
        ("The changes weaken the 1973 law that protects endangered species.", "1973"),
        ("He was convicted of the 2005 murder of a sheriff's deputy.", "2005"),
        ("Steve Pond, author of the 2005 book The Big Show, said so.", "2005"),
        ("He hosted the 2007 Oscars only 11 days after the strike.", "2007"),
        ("Playboy ran a 1955 image of her winking.", "1955"),
    ],
)
def test_a_year_on_a_document_or_an_event_dates_it(nlp: Language, text: str, surface: str) -> None:
    assert [(s, d) for s, d, _ in _one(nlp, text)] == [(surface, surface)]


@pytest.mark.parametrize(
    ("text", "description"),
    [
        # A date on an event noun: the noun phrase says what happened.
        (
            "Attacks rose sharply, particularly after the Taliban takeover in 2021.",
            "the Taliban takeover in 2021",
        ),
        ("Pakistan had hoped the Taliban's rise to power in 2021 would help.", "rise to power"),
        ("Aid was slowed by the effects of last year's devastating floods.", "devastating floods"),
        # Otherwise the clause, subject and verb kept when it must be cut.
        ("The TTP was founded in 2007 by Baitullah Mehsud.", "The TTP was founded in 2007"),
    ],
)
def test_descriptions_say_what_happened(nlp: Language, text: str, description: str) -> None:
    clauses = [clause for _, _, clause in _one(nlp, text)]
    assert any(description in clause and len(clause.split()) <= 15 for clause in clauses), clauses
