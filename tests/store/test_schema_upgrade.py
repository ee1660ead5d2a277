"""A store written by an older schema opens, upgrades in place and clusters as a fresh one."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from triangulate.store import ingest
from triangulate.store.schema import SCHEMA_VERSION, migrate
from triangulate.store.store import open_store

Writer = Callable[[str, list[Any]], Path]
_TABLES = ("articles", "lsh_bands", "term_df", "stories", "dossiers")
# What differs between two stores of the same articles: when and from which file they came,
# and the years of stories an upgraded store has not needed yet (compared on their own).
_VOLATILE = {
    "articles": "EXCLUDE (ingested_at, source_path)",
    "stories": "EXCLUDE (years)",
}


def _as_version_1(source: Path, target: Path) -> None:
    """Copy the store at ``source`` into ``target`` as schema version 1 laid it out."""
    con = duckdb.connect(str(target))
    try:
        migrate(con, target=1)
        columns = {
            table: [d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]
            for table in _TABLES
        }
        con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
        for table, names in columns.items():
            listed = ", ".join(names)
            con.execute(f"INSERT INTO {table} ({listed}) SELECT {listed} FROM src.{table}")
    finally:
        con.close()


def _rows(db: Path, table: str) -> list[tuple[Any, ...]]:
    with open_store(db) as con:
        return sorted(con.execute(f"SELECT * {_VOLATILE.get(table, '')} FROM {table}").fetchall())


def _years(db: Path) -> dict[str, dict[int, int] | None]:
    with open_store(db) as con:
        return dict(con.execute("SELECT id, years FROM stories").fetchall())


def test_a_version_1_store_upgrades_in_place_and_clusters_as_a_fresh_one(
    tmp_path: Path,
    ecb_rows: list[dict[str, Any]],
    write_jsonl: Writer,
    embed: Any,
    rebuilt: list[str],
) -> None:
    rows = [{"id": r["id"], "text": r["text"]} for r in ecb_rows if r["topic"] in (2, 7)]
    random.Random(3).shuffle(rows)
    first, rest = write_jsonl("first.jsonl", rows[:16]), write_jsonl("rest.jsonl", rows[16:])
    fresh, current, old = (tmp_path / f"{name}.duckdb" for name in ("fresh", "current", "old"))
    ingest([write_jsonl("whole.jsonl", rows)], fresh, embed=embed, batch_size=8)
    ingest([first], current, embed=embed, batch_size=8)
    _as_version_1(current, old)

    with open_store(old) as con:  # opening upgrades it
        versions = [v for (v,) in con.execute("SELECT version FROM schema_version").fetchall()]
    assert sorted(versions) == list(range(1, SCHEMA_VERSION + 1))
    assert set(_years(old).values()) == {None}
    for table in _TABLES:
        assert _rows(old, table) == _rows(current, table), table

    ingest([rest], old, embed=embed, batch_size=8)
    for table in _TABLES:
        assert _rows(old, table) == _rows(fresh, table), table
    # Each story a batch could join had its years rebuilt once and stored; the rest wait.
    stored = {story: years for story, years in _years(old).items() if years is not None}
    assert rebuilt and len(set(rebuilt)) == len(rebuilt) and set(rebuilt) <= set(stored)
    expected = _years(fresh)
    assert stored == {story: expected[story] for story in stored}
