"""Renderers over hand-built records: escaping, the ledger table, schema validity."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from triangulate.render import render
from triangulate.render.json import dossier_to_dict, validate
from triangulate.types import (
    Amount,
    Article,
    BriefSentence,
    Dossier,
    Figure,
    InputKind,
    Measure,
    Span,
)

TEXT = 'Officials said <script>alert("x")</script> over 2,200 | people died; another said 2,267.'


def _dossier() -> Dossier:
    article = Article(
        id="doc<1>",
        text=TEXT,
        kind=InputKind.TEXT,
        outlet="Wire & Co",
        published=dt.date(2023, 11, 8),
        title="<b>Bold</b> headline",
    )
    start = TEXT.index("over 2,200")
    second = TEXT.index("2,267")
    figures = (
        Figure(
            "doc<1>:f1",
            "doc<1>",
            start,
            start + 10,
            "over 2,200",
            Amount(2200, low=2200, qualifier="over"),
            counted="people died",
            attributed_to="Officials",
            as_of=dt.date(2023, 11, 8),
        ),
        Figure(
            "doc<1>:f2", "doc<1>", second, second + 5, "2,267", Amount(2267), counted="people died"
        ),
    )
    measure = Measure(
        "m1",
        "people | died",
        "agree",
        "2,267 lies within over 2,200",
        ("doc<1>:f1", "doc<1>:f2"),
        origins=("Officials",),
        outlets=("Wire & Co",),
    )
    brief = (BriefSentence("Officials said over 2,200 people died.", (Span("doc<1>", 0, 40),)),)
    return Dossier(documents=(article,), figures=figures, measures=(measure,), brief=brief)


def test_html_escapes_all_article_text() -> None:
    page = render(_dossier(), "html")
    assert "<script>" not in page
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page
    assert "Wire &amp; Co" in page
    assert "<svg" in page  # the measure's chart


def test_markdown_ledger_has_one_row_per_figure_and_escapes_pipes() -> None:
    markdown = render(_dossier(), "markdown")
    ledger = markdown.split("## Figure ledger", 1)[1]
    assert "### people \\| died" in ledger
    assert ledger.count("| Wire & Co (2023-11-08) |") == 2
    assert "2,267" in ledger and "over" in ledger


def test_json_follows_the_published_schema_and_keeps_spans_exact() -> None:
    data = json.loads(render(_dossier(), "json"))
    validate(data)
    text = data["documents"][0]["text"]
    for figure in data["figures"]:
        assert text[figure["start"] : figure["end"]] == figure["text"]
    assert data["figures"][0]["value"] == 2200 and isinstance(data["figures"][0]["value"], int)
    assert dossier_to_dict(_dossier())["measures"][0]["origins"] == ["Officials"]


def test_reports_say_whose_figure_it_is() -> None:
    dossier = _dossier()
    owned = dataclasses.replace(dossier.figures[1], holder="<Nationals>")
    dossier = dataclasses.replace(dossier, figures=(dossier.figures[0], owned))
    assert "people died (<Nationals>)" in render(dossier, "markdown")
    page = render(dossier, "html")
    assert "people died (&lt;Nationals&gt;)" in page and "<Nationals>" not in page
