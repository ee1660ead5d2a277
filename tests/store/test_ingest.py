"""Ingest into the store: idempotent, transactional, reports bad lines and id conflicts."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from triangulate.store import export_parquet, ingest, list_stories
from triangulate.store.store import open_store

Writer = Callable[[str, list[Any]], Path]


def _articles(db: Path) -> dict[str, str]:
    with open_store(db) as con:
        return dict(con.execute("SELECT id, text FROM articles").fetchall())


def _rows(ecb_rows: list[dict[str, Any]], topics: tuple[int, ...]) -> list[dict[str, Any]]:
    return [{"id": r["id"], "text": r["text"]} for r in ecb_rows if r["topic"] in topics]


def test_reingest_adds_nothing(
    tmp_path: Path, ecb_rows: list[dict[str, Any]], write_jsonl: Writer, embed: Any
) -> None:
    rows = _rows(ecb_rows, (2,))
    source = write_jsonl("topic2.jsonl", rows)
    db = tmp_path / "store.duckdb"
    first = ingest([source], db, embed=embed, batch_size=7)
    stories_before = [(s.id, s.documents) for s in list_stories(db)]
    second = ingest([source], db, embed=embed, batch_size=7)
    assert (first.used, first.duplicate) == (len(rows), 0)
    assert (second.used, second.duplicate, second.conflicts) == (0, len(rows), 0)
    assert _articles(db) == {r["id"]: r["text"] for r in rows}
    assert [(s.id, s.documents) for s in list_stories(db)] == stories_before


def test_same_id_with_other_text_is_a_reported_conflict(
    tmp_path: Path, ecb_rows: list[dict[str, Any]], write_jsonl: Writer, embed: Any
) -> None:
    rows = _rows(ecb_rows, (2,))[:3]
    db = tmp_path / "store.duckdb"
    ingest([write_jsonl("a.jsonl", rows)], db, embed=embed)
    changed = [{"id": rows[0]["id"], "text": rows[1]["text"]}]
    report = ingest([write_jsonl("b.jsonl", changed)], db, embed=embed)
    assert (report.used, report.conflicts) == (0, 1)
    problem = report.problems[0]
    assert (problem.line, rows[0]["id"] in problem.message) == (1, True)
    assert problem.source.endswith("b.jsonl") and "different text" in problem.message
    assert _articles(db)[rows[0]["id"]] == rows[0]["text"]


@pytest.mark.parametrize("bad", ["{not json", "[1, 2]", '{"id": "x", "text": "   "}'])
def test_malformed_lines_are_reported_with_line_numbers(
    tmp_path: Path, ecb_rows: list[dict[str, Any]], write_jsonl: Writer, embed: Any, bad: str
) -> None:
    rows: list[Any] = _rows(ecb_rows, (3,))[:6]
    lines = [*rows[:2], bad, *rows[2:4], bad, *rows[4:]]
    report = ingest(
        [write_jsonl("mixed.jsonl", lines)], tmp_path / "s.duckdb", embed=embed, batch_size=2
    )
    assert report.used == 6
    assert report.skipped == 2
    assert [p.line for p in report.problems] == [3, 6]


def test_failed_batch_commits_nothing(
    tmp_path: Path,
    ecb_rows: list[dict[str, Any]],
    write_jsonl: Writer,
    embed: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = _rows(ecb_rows, (4,))[:8]
    db = tmp_path / "store.duckdb"
    # Stories are written by the clustering state, after ingest has inserted the batch's articles.
    clustering = importlib.import_module("triangulate.store._clustering")
    real = clustering.insert_columns
    calls = {"stories": 0}

    def failing(con: Any, table: str, columns: Any, **kwargs: Any) -> None:
        # Fail on the second batch, after its articles were inserted, before its stories are.
        if table == "stories":
            calls["stories"] += 1
            if calls["stories"] == 2:
                raise RuntimeError("disk full")
        real(con, table, columns, **kwargs)

    monkeypatch.setattr(clustering, "insert_columns", failing)
    with pytest.raises(RuntimeError):
        ingest([write_jsonl("t4.jsonl", rows)], db, embed=embed, batch_size=4)
    assert set(_articles(db)) == {r["id"] for r in rows[:4]}
    with open_store(db) as con:
        bands = con.execute("SELECT count(DISTINCT article_id) FROM lsh_bands").fetchone()
    assert bands == (4,)


def test_near_duplicates_join_their_original_story(
    tmp_path: Path, ecb_rows: list[dict[str, Any]], write_jsonl: Writer, embed: Any
) -> None:
    rows = _rows(ecb_rows, (5,))[:5]
    copy = {
        "id": "copy",
        "text": rows[0]["text"].replace("\n", " \n") + "\n(Reporting by a wire desk.)",
    }
    db = tmp_path / "store.duckdb"
    report = ingest([write_jsonl("t5.jsonl", [*rows, copy])], db, embed=embed)
    assert report.near_duplicates == 1
    with open_store(db) as con:
        got = con.execute(
            "SELECT c.near_duplicate_of, c.story_id = o.story_id FROM articles c, articles o "
            "WHERE c.id = 'copy' AND o.id = ?",
            [rows[0]["id"]],
        ).fetchone()
    assert got == (rows[0]["id"], True)


def test_export_writes_every_table(
    tmp_path: Path, ecb_rows: list[dict[str, Any]], write_jsonl: Writer, embed: Any
) -> None:
    rows = _rows(ecb_rows, (6,))[:5]
    db = tmp_path / "store.duckdb"
    ingest([write_jsonl("t6.jsonl", rows)], db, embed=embed)
    written = export_parquet(db, tmp_path / "out")
    counts = {p.stem: duckdb.execute(f"SELECT count(*) FROM '{p}'").fetchall()[0] for p in written}
    assert counts["articles"] == (5,)
    assert counts["lsh_bands"] == (5 * 20,)
    assert counts["stories"] is not None and counts["stories"][0] >= 1


def test_stories_json_follows_the_cli_contract(
    tmp_path: Path, ecb_rows: list[dict[str, Any]], write_jsonl: Writer, embed: Any
) -> None:
    from typer.testing import CliRunner

    import triangulate.cli.stories  # noqa: F401  (registers the command)
    from triangulate.cli.app import app

    rows = _rows(ecb_rows, (7,))
    db = tmp_path / "store.duckdb"
    ingest([write_jsonl("t7.jsonl", rows)], db, embed=embed)
    result = CliRunner().invoke(app, ["stories", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    stories = json.loads(result.stdout)
    assert all({"id", "title", "documents"} <= set(s) for s in stories)
    members = [doc for s in stories for doc in s["documents"]]
    assert sorted(members) == sorted(r["id"] for r in rows)
    table = CliRunner().invoke(app, ["stories", "--db", str(db)])
    assert table.exit_code == 0 and stories[0]["id"] in table.stdout
