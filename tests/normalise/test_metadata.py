"""Metadata hidden in plain text: headlines, sign-offs, datelines, stray headers, weekdays."""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from triangulate.ingest import read_inputs
from triangulate.normalise.metadata import date_undated, settle_metadata
from triangulate.types import Article, InputKind, RawArticle

BODY = "\n\nOfficials said the count would continue.\n"


def _settle(text: str, doc_id: str = "t") -> Article:
    return settle_metadata(RawArticle(id=doc_id, text=text, kind=InputKind.TEXT))


def _method(article: Article, field: str) -> str:
    return next(e.method for e in article.evidence if e.field == field)


@pytest.mark.parametrize(
    ("text", "outlet", "bylines"),
    [
        (
            "Body text.\n\n(Reporting by Gibran Peshimam; Editing by Alex Richardson)",
            "Reuters",
            ("Gibran Peshimam",),
        ),
        (
            "Body.\n(Reporting by Asif Shahzad and Mushtaq Ali; Additional reporting by Jibran Ahmad "
            "in Peshawar; Writing by Sudipto Ganguly; Editing by Kim Coghill)",
            "Reuters",
            ("Asif Shahzad", "Mushtaq Ali", "Jibran Ahmad", "Sudipto Ganguly"),
        ),
        ("KABUL (Reuters) - Officials said on Monday 40 people died.", "Reuters", ()),
        (
            "Islamabad [Pakistan], November 7 : As Pakistan continues, reported The Express Tribune.",
            "ANI",
            (),
        ),
        ("New Delhi [India], March 2 (ANI): The minister said.", "ANI", ()),
        # a source URL: its host from the table, else as the page writes it, else the host
        (
            "http://news.sky.com/story/1/greek-riots\nGreek riots\nSky News understands.",
            "Sky News",
            (),
        ),
        (
            "http://www.thenational.ae/news/world/three-killed\nThree killed\nBody.",
            "The National",
            (),
        ),
        (
            "http://articles.timesofindia.indiatimes.com/2011-11-12/x\nPirates\nBody.",
            "The Times of India",
            (),
        ),
        ("http://tribune.com.pk/story/1/x/\nAfghans\nBody.", "The Express Tribune", ()),
        (
            "http://www.keeptalkinggreece.com/2010/05/05/x/\nFire\nBody.",
            "keeptalkinggreece.com",
            (),
        ),
        ("http://www.news.com.au/world/x\nFire\nBody.", "news.com.au", ()),
    ],
)
def test_outlet_and_bylines_from_sign_offs_and_datelines(
    text: str, outlet: str, bylines: tuple[str, ...]
) -> None:
    article = _settle(text)
    assert article.outlet == outlet
    assert article.bylines == bylines


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.nydailynews.com/2013/03/11/teen-shot/", "New York Daily News"),
        ("https://edition.cnn.com/2024/01/02/world/quake/index.html", "CNN"),
        ("https://abcnews.go.com/US/story?id=123", "ABC News"),
        ("https://www.nzherald.co.nz/nz/flooding/", "NZ Herald"),
        ("https://english.alarabiya.net/News/gulf/2023/11/07/talks", "Al Arabiya"),
        ("https://english.ahram.org.eg/NewsContent/1/64/1.aspx", "Ahram Online"),
        ("https://www.nbcphiladelphia.com/news/local/kraft-plant/", "NBC Philadelphia"),
        ("https://abc7ny.com/brooklyn-vigil/1/", "ABC7 New York"),
        ("https://www.standardmedia.co.ke/national/article/1/", "The Standard (Kenya)"),
        ("https://www.rte.ie/news/ireland/2024/0101/storm/", "RTÉ"),
        # both hosts give the key "inquirer", so neither is in the table
        ("https://newsinfo.inquirer.net/1/fire", "newsinfo.inquirer.net"),
        ("https://www.inquirer.com/news/fire.html", "inquirer.com"),
    ],
)
def test_outlet_from_the_host_of_a_source_url(url: str, outlet: str) -> None:
    article = _settle(f"{url}\nFire kills three\nOfficials said the count would continue.")
    assert article.outlet == outlet


def test_every_outlet_in_the_table_is_reached_from_its_host() -> None:
    table = (resources.files("triangulate") / "data" / "outlets.toml").read_text(encoding="utf-8")
    hosts: dict[str, str] = tomllib.loads(table)["hosts"]
    assert list(hosts) == sorted(hosts)
    found = {key: _settle(f"http://www.{key}.com/a\nHeadline\nBody.").outlet for key in hosts}
    assert found == hosts


def test_cited_outlet_is_not_the_publisher() -> None:
    article = _settle("Kabul criticised the move, reported The Express Tribune.\n\nMore text here.")
    assert article.outlet is None
    assert article.cited_outlets == ("The Express Tribune",)


@pytest.mark.parametrize(
    ("text", "published", "method"),
    [
        (
            " date 2023-11-07 Islamabad [Pakistan], November 7 : Text." + BODY,
            "2023-11-07",
            "header",
        ),
        ("Headline here\n\nUpdate: 2023-11-20 23:14 GMT\n\nText." + BODY, "2023-11-20", "header"),
        (
            "http://news.bbc.co.uk/2/hi/x.stm\nQuake hits Iran\nLast Updated: Monday, 28 November 2005, "
            "02:24 GMT" + BODY,
            "2005-11-28",
            "header",
        ),
        (
            "In a press conference on Wednesday, November 8, the minister said." + BODY,
            "2023-11-08",
            "weekday with month-day; year guessed (the text names none)",
        ),
        (
            "Attacks have risen since 2022. On Wednesday, November 8, the minister spoke." + BODY,
            "2023-11-08",
            "weekday with month-day fixes the year",
        ),
        (
            "Page was born Betty Mae Page in Nashville, Tennessee on April 22, 1923.\nBody." + BODY,
            "None",
            "-",
        ),
        (
            "Attacks rose in the first half of 2023. More than 327,000 had left as of November 11."
            + BODY,
            "2023-11-11",
            "bounded by the latest dated event (year 2023 from the text)",
        ),
        (
            "http://www.deadline.com/2013/08/02/ellen-degeneres-to-host-oscars/\nEllen To Host Oscars"
            + BODY,
            "2013-08-02",
            "source URL",
        ),
    ],
)
def test_publication_date_from_the_text(text: str, published: str, method: str) -> None:
    article = _settle(text)
    assert str(article.published) == published
    if article.published is not None:
        assert _method(article, "published") == method


def test_an_inferred_date_years_from_the_story_gives_way_to_its_estimate() -> None:
    obituary = _settle(
        "Bettie Page, the 1950s pin-up queen, passed away Thursday, December 11, at age 85. "
        "Her pin-up days lasted from 1951-1957." + BODY
    )
    assert str(obituary.published) == "1958-12-11"  # the weekday fits the year after 1957
    stated = [
        _settle(f"LOS ANGELES, Dec. {day}, 2008\nBettie Page has died.{BODY}", f"d{day}")
        for day in (12, 13)
    ]
    dated = {a.id: a for a in date_undated([obituary, *stated])}
    assert str(dated[obituary.id].published) == "2008-12-12"
    assert _method(dated[obituary.id], "published") == "story estimate"


def test_no_date_written_gives_none_rather_than_a_guess() -> None:
    article = _settle(
        "The expulsions are scheduled to begin on November 1. Talks broke down in 2022." + BODY
    )
    assert article.published is None


def test_repeated_headline_is_one_title_and_paragraphs_are_not_titles(example_story: Path) -> None:
    articles = {a.id: settle_metadata(a) for a in read_inputs([example_story]).articles}
    reuters = next(a for a in articles.values() if a.outlet == "Reuters")
    first_line = reuters.text.strip().splitlines()[0].strip()
    assert reuters.title == first_line
    assert reuters.bylines and "Editing" not in " ".join(reuters.bylines)
    for article in articles.values():
        if article.title:
            assert len(article.title) <= 200
            evidence = next(e for e in article.evidence if e.field == "title")
            assert evidence.start is not None and evidence.end is not None
            assert article.text[evidence.start : evidence.end] == article.title


def test_stated_metadata_wins() -> None:
    raw = RawArticle(
        id="j",
        text="(Reporting by A B; Editing by C D)\n\nText.",
        kind=InputKind.JSONL,
        outlet="Dawn",
        published=dt.date(2023, 1, 2),
        bylines=("Staff",),
    )
    article = settle_metadata(raw)
    assert (article.outlet, article.bylines, article.published) == (
        "Dawn",
        ("Staff",),
        dt.date(2023, 1, 2),
    )


@pytest.mark.parametrize(
    ("text", "title", "published"),
    [
        (
            "http://news.example.test/x.stm\nLast Updated: Monday, 28 November 2005, 02:24 GMT\n"
            "Ten dead in southern Iran quake\nA powerful earthquake has hit southern Iran.\n",
            "Ten dead in southern Iran quake",
            "2005-11-28",
        ),
        (
            "http://www.example.test/news/05/nov/1266.html\n11/28/05\t\t\n"
            "Aftershocks jolt the island, death toll rises to 10\nThe sixth aftershock shook.\n",
            "Aftershocks jolt the island, death toll rises to 10",
            "2005-11-28",
        ),
        (
            "http://example.test/story\nPosted 11/27/2005 7:21 AM\nUpdated 11/27/2005 3:41 PM\n"
            "Strong earthquake jolts southern Iran\nAn earthquake shook the area on Sunday.\n",
            "Strong earthquake jolts southern Iran",
            "2005-11-27",
        ),
        # An evening post whose URL carries the next day is that day's paper.
        (
            "http://www.presstelegram.example/news/20070403/death-for-orozco\nDeath for Orozco\n"
            "POSTED: 04/02/07, 9:00 PM PDT |\nA convicted cop killer laughed Tuesday.\n",
            "Death for Orozco",
            "2007-04-03",
        ),
    ],
)
def test_headline_below_url_and_date_lines(text: str, title: str, published: str) -> None:
    article = _settle(text)
    assert article.title == title
    assert str(article.published) == published


def test_undated_article_gets_the_story_date_marked_as_estimate() -> None:
    from triangulate.normalise.metadata import date_undated

    dated = [
        Article(id=i, text="x", kind=InputKind.TEXT, published=dt.date(2023, 11, d))
        for i, d in (("a", 7), ("b", 8), ("c", 11), ("d", 20))
    ]
    undated = Article(id="e", text="x", kind=InputKind.TEXT)
    settled = date_undated([*dated, undated])
    assert settled[:4] == dated
    assert settled[4].published == dt.date(2023, 11, 8)
    assert settled[4].date_estimated and not settled[0].date_estimated
    assert date_undated([undated]) == [undated]  # nothing to estimate from


def test_the_day_a_page_was_saved_is_not_its_publication_date() -> None:
    article = _settle(
        "http://example.test/movies/sequel-director\n"
        "Director Still in Negotiations for the Sequel\n"
        "Posted 1 year, 160 days ago [downloaded on 2 October 2013]\n"
        "As I said many times in my review, the direction was the strongest element.\n"
    )
    assert article.title == "Director Still in Negotiations for the Sequel"
    assert article.published != dt.date(2013, 10, 2)
