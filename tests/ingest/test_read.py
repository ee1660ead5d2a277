"""Reading inputs: every kind of file, and every kind of bad input, reported by name."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from triangulate.ingest import read_inputs
from triangulate.types import InputKind

HTML_PAGES = "data/html/htmldate-sample/pages"


def test_folder_of_text_files_keeps_exact_text(example_story: Path) -> None:
    result = read_inputs([example_story])
    assert not result.problems
    assert sorted(a.id for a in result.articles) == sorted(
        p.stem for p in example_story.glob("*.txt")
    )
    for article in result.articles:
        assert article.kind is InputKind.TEXT
        on_disk = (example_story / f"{article.id}.txt").read_text(encoding="utf-8")
        assert article.text == on_disk


def test_jsonl_bad_lines_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    good = {
        "id": "a1",
        "text": "Officials said 12 people were hurt.",
        "outlet": "AP",
        "published": "2023-11-07",
        "bylines": ["Jane Roe"],
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"id": "a2"}),
        "",
        json.dumps([1, 2]),
        json.dumps({"id": "a3", "html": "<p>Police arrested <b>three</b> men.</p>"}),
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = read_inputs([path])
    assert [a.id for a in result.articles] == ["a1", "a3"]
    assert result.articles[0].outlet == "AP"
    assert str(result.articles[0].published) == "2023-11-07"
    assert result.articles[0].bylines == ("Jane Roe",)
    assert "three" in result.articles[1].text
    assert [(p.line, p.source) for p in result.problems] == [
        (2, str(path)),
        (3, str(path)),
        (5, str(path)),
    ]
    assert "not valid JSON" in result.problems[0].message
    assert "'text'" in result.problems[1].message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("image.png", b"\x89PNG\r\n\x1a\n", "unknown file type"),
        (
            "nobody.html",
            b"<html><head><script>var x=1;</script></head><body></body></html>",
            "no article body",
        ),
    ],
)
def test_bad_files_are_skipped_with_a_reason(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Rescuers said 40 people were missing after the flood.", encoding="utf-8")
    result = read_inputs([bad, good])
    assert [a.id for a in result.articles] == ["good"]
    assert len(result.problems) == 1
    assert result.problems[0].source == str(bad)
    assert expected in result.problems[0].message


def test_missing_path_is_reported(tmp_path: Path) -> None:
    result = read_inputs([tmp_path / "nope.txt"])
    assert not result.articles
    assert "no such file" in result.problems[0].message


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_non_utf8_text_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Café owners in Zürich said prices rose 5% — “a shock”, one said, after the ruling."
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding, errors="replace" if encoding == "latin-1" else "strict"))
    result = read_inputs([path])
    assert len(result.articles) == 1
    assert "Zürich" in result.articles[0].text
    assert "prices rose 5%" in result.articles[0].text


def test_real_html_page_gives_body_and_metadata(shared: Path) -> None:
    gold = json.loads((shared / "data/html/htmldate-sample/gold.json").read_text())
    name = "huffpost.com-GOP.html.gz"
    result = read_inputs([shared / HTML_PAGES / name])
    (article,) = result.articles
    assert article.kind is InputKind.HTML
    assert article.title and "Debate" in article.title
    assert str(article.published) == gold[name]
    assert len(article.text) > 2000


def test_broken_html_does_not_crash(tmp_path: Path) -> None:
    page = "<html><body><article><h1>Flood</h1><p>" + "Water rose by 2 metres overnight. " * 30
    path = tmp_path / "broken.html"
    path.write_text(page + "<div><p><span>", encoding="utf-8")  # never closed
    result = read_inputs([path])
    assert len(result.articles) == 1
    assert "2 metres" in result.articles[0].text


def test_rss_feed_gives_one_article_per_entry(tmp_path: Path) -> None:
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Wire</title>
    <item><title>Quake hits</title><link>http://x.test/1</link><pubDate>Mon, 28 Nov 2005 02:24:00 GMT</pubDate>
    <description>A 5.9 magnitude earthquake struck, killing at least 10 people.</description></item>
    <item><title>Empty</title><link>http://x.test/2</link></item>
    </channel></rss>"""
    path = tmp_path / "feed.rss"
    path.write_text(feed, encoding="utf-8")
    result = read_inputs([path])
    assert [a.title for a in result.articles] == ["Quake hits"]
    assert result.articles[0].outlet == "Daily Wire"
    assert str(result.articles[0].published) == "2005-11-28"
    assert len(result.problems) == 1


def test_gzipped_and_stdin_inputs(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(b"Officials counted 300 ballots."))
    stdin = io.StringIO("Police said 4 people were arrested.")
    result = read_inputs([path, "-"], stdin=stdin)
    assert [a.id for a in result.articles] == ["story", "stdin"]


def test_duplicate_ids_are_kept_and_reported(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("First article about 3 ships.", encoding="utf-8")
    (tmp_path / "b" / "x.txt").write_text("Second article about 4 ships.", encoding="utf-8")
    result = read_inputs([tmp_path])
    assert [a.id for a in result.articles] == ["x", "x~2"]
    assert "duplicate id" in result.problems[0].message
