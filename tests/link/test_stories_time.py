"""Time evidence for story clustering: latest years, trusted dates, and what they rule out."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from triangulate.link._story_time import (
    article_time,
    contradicts,
    latest_year,
    stories_contradict,
    trusted_date,
    year_conflict,
    years_apart,
)
from triangulate.link.stories import ClusterConfig, StoryIndex, StorySignal, key_terms
from triangulate.normalise.metadata import settle_metadata
from triangulate.types import InputKind, RawArticle


@pytest.mark.parametrize(
    ("text", "published", "year"),
    [
        ("Ellen DeGeneres to host 2014 Oscars", None, 2014),
        (
            "Rahman, who floored Lennox Lewis in 2001 for the title, showed no signs of life.",
            None,
            2001,
        ),
        ("http://www.deadline.com/2013/08/ellen-degeneres-to-host-oscars/", None, 2013),
        # the end of a span is a contract's term or a plan, not the time of the events
        (
            "Alex Rodriguez is guaranteed to make through 2017 with the New York Yankees.",
            None,
            None,
        ),
        (
            "Cheeks received his second one-year contract extension in less than a year last "
            "September, taking him through the 2009-10 season.",
            None,
            None,
        ),
        (
            "He was hired in 2005 and has a guaranteed contract through the end of the "
            "2009-2010 season.",
            None,
            2005,
        ),
        ("The deficit must shrink by 2012. In 2010 the unions marched.", None, 2010),
        # birth years before 1950 are no events of a news story
        ("Page was born Betty Mae Page in Nashville, Tennessee on April 22, 1923.", None, None),
        # with a publication date: its year counts, years after its next year do not
        ("Three killed as rioters bomb Greek bank", dt.date(2010, 5, 5), 2010),
        ("Ellen DeGeneres to host 2014 Oscars", dt.date(2013, 8, 2), 2014),
        ("The bridge is due to open in 2016.", dt.date(2013, 8, 2), 2013),
    ],
)
def test_latest_year(text: str, published: dt.date | None, year: int | None) -> None:
    assert latest_year(text, published) == year


BETTIE_PAGE = (
    "Page was born Betty Mae Page in Nashville, Tennessee on April 22, 1923.\n"
    "She became a born-again Christian and in 2006 was the subject of a biopic."
)


@pytest.mark.parametrize(
    ("published", "methods", "text", "trusted"),
    [
        (dt.date(2013, 8, 2), ["date near the top"], "Ellen DeGeneres to host 2014 Oscars", True),
        (dt.date(2013, 8, 2), ["source URL"], "Ellen DeGeneres to host 2014 Oscars", True),
        # a plan is no contradiction: the text was written in 2008 all the same
        (
            dt.date(2008, 12, 16),
            ["date near the top"],
            "Alex Rodriguez is guaranteed to make through 2017 with the New York Yankees.",
            True,
        ),
        # a birth date found near the top of a text that names 2006
        (dt.date(1923, 4, 22), ["date near the top"], BETTIE_PAGE, False),
        # "Thursday, December 11" with the latest year that fits: no evidence of the year
        (dt.date(2025, 12, 11), ["weekday with month-day fixes the year"], "died Thursday", False),
        # what the input states is taken as given
        (dt.date(1923, 4, 22), ["stated"], BETTIE_PAGE, True),
        (None, [], "Ellen DeGeneres to host 2014 Oscars", True),  # nothing to trust: None
    ],
)
def test_trusted_date(
    published: dt.date | None, methods: list[str], text: str, trusted: bool
) -> None:
    assert trusted_date(published, methods, text) == (published if trusted else None)


def test_article_time_reads_a_real_article(shared: Path) -> None:
    """An ECB+ article with its URL and dated top line: date from the text, year from both."""
    path = shared / "data" / "ecbplus" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    row = next(
        json.loads(line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith('{"id": "2_5ecbplus"')
    )
    article = settle_metadata(RawArticle(row["id"], row["text"], InputKind.JSONL))
    methods = [e.method for e in article.evidence if e.field == "published"]
    assert article_time(article.text, article.published, methods) == (dt.date(2013, 8, 2), 2014)


@pytest.mark.parametrize(
    ("year", "story_years", "side"),
    [
        (2012, {2001: 3, 2005: 4}, 1),  # Klitschko vs Thompson against the Rahman fight's story
        (2006, {2001: 3, 2005: 4}, 0),  # "the 2014 Oscars" in 2013: a year apart is one event
        (2001, {2001: 3, 2005: 4}, 0),
        (1999, {2001: 3, 2005: 4}, -1),
        (2009, {}, 0),
        (None, {2001: 3}, 0),
    ],
)
def test_year_conflict(year: int | None, story_years: dict[int, int], side: int) -> None:
    assert year_conflict(year, story_years) == side


@pytest.mark.parametrize(
    ("year", "published", "story_years", "story_last", "ruled_out"),
    [
        # the article names 2013; the story's articles were all published by 2008
        (2013, None, {2008: 2}, dt.date(2008, 12, 9), True),
        (2009, None, {2008: 2}, dt.date(2008, 12, 9), False),
        # published in 2005, while the story's members name 2008
        (2005, dt.date(2005, 5, 24), {2003: 1, 2008: 5}, None, True),
        (2005, dt.date(2005, 5, 24), {2003: 1, 2005: 5}, None, False),
        # undated on both sides: no hard evidence, whatever the years
        (2013, None, {2008: 2}, None, False),
    ],
)
def test_contradicts(
    year: int | None,
    published: dt.date | None,
    story_years: dict[int, int],
    story_last: dt.date | None,
    ruled_out: bool,
) -> None:
    assert contradicts(year, published, story_years, story_last) is ruled_out


def test_years_tell_a_boxer_s_two_fights_apart(shared: Path) -> None:
    """Klitschko vs Rahman (2008) and vs Thompson (2012), with lead vectors that cannot tell."""
    path = shared / "data" / "ecbplus" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    rows: list[dict[str, Any]] = [
        row
        for line in path.read_text(encoding="utf-8").splitlines()
        if (row := json.loads(line))["topic"] == 7
    ]
    vector = np.ones(4, dtype=np.float32) / 2

    def signal(row: dict[str, Any]) -> StorySignal:
        article = settle_metadata(RawArticle(row["id"], row["text"], InputKind.JSONL))
        methods = [e.method for e in article.evidence if e.field == "published"]
        published, year = article_time(article.text, article.published, methods)
        return StorySignal(row["id"], vector, key_terms(row["text"]), published, year=year)

    rahman = [signal(r) for r in rows if r["event"] == "7ecb"]
    thompson = [signal(r) for r in rows if r["event"] == "7ecbplus"]

    def scores(config: ClusterConfig) -> tuple[float, float]:
        index = StoryIndex(config)
        for row in rows:
            index.stats.observe(key_terms(row["text"]))
        story = index.assign(rahman[1])
        for member in rahman[2:6]:
            index.join(story, member)
        return index.score(rahman[0], story), index.score(thompson[0], story)

    same, other = scores(ClusterConfig())
    blind_same, blind_other = scores(ClusterConfig(newer_weight=0.0, contradiction_weight=0.0))
    assert same == pytest.approx(blind_same)  # a member of the fight's story pays nothing
    assert other < blind_other - 0.4  # the 2012 fight names a year the 2008 story never does


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ({2008: 3, 2009: 1}, {2012: 2}, True),  # a boxer's two fights, four years apart
        ({2012: 2}, {2008: 3, 2009: 1}, True),
        ({2008: 3, 2009: 1}, {2010: 2}, False),  # one event named in its next year
        ({2003: 1, 2006: 4}, {2005: 2}, False),  # ranges overlap: obituaries of one death
        ({}, {2012: 2}, False),  # no years on one side: no evidence
    ],
)
def test_two_stories_years_apart(a: dict[int, int], b: dict[int, int], apart: bool) -> None:
    assert years_apart(a, b) is apart


@pytest.mark.parametrize(
    ("years_a", "last_a", "years_b", "last_b", "contradict"),
    [
        # an undated story naming 2014 cannot be one with a story last dated August 2012
        ({2014: 2}, None, {2012: 3}, dt.date(2012, 8, 2), True),
        ({2012: 3}, dt.date(2012, 8, 2), {2014: 2}, None, True),
        ({2013: 2}, None, {2012: 3}, dt.date(2012, 8, 2), False),
        ({2014: 2}, None, {2012: 3}, None, False),  # no trusted date: the year test alone
    ],
)
def test_stories_contradict(
    years_a: dict[int, int],
    last_a: dt.date | None,
    years_b: dict[int, int],
    last_b: dt.date | None,
    contradict: bool,
) -> None:
    assert stories_contradict(years_a, last_a, years_b, last_b) is contradict
