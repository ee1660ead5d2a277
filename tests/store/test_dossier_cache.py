"""Stored stories' dossiers: built once, served from the cache, rebuilt when the story changes."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from triangulate.errors import StoryNotFoundError
from triangulate.store import build_story_dossier, ingest, list_stories
from triangulate.types import Article, Dossier


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Stand in for the pipeline (its stages are tested elsewhere); record each build's members."""
    calls: list[list[str]] = []

    def build_dossier(articles: Sequence[Article], **_: Any) -> Dossier:
        calls.append([a.id for a in articles])
        return Dossier(documents=tuple(articles))

    fake = types.ModuleType("triangulate.pipeline")
    fake.build_dossier = build_dossier  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "triangulate.pipeline", fake)
    return calls


def test_dossier_is_cached_until_the_story_changes(
    tmp_path: Path,
    ecb_rows: list[dict[str, Any]],
    write_jsonl: Callable[[str, list[Any]], Path],
    embed: Any,
    builds: list[list[str]],
) -> None:
    rows = [
        {"id": r["id"], "text": r["text"], "outlet": "Wire"} for r in ecb_rows if r["topic"] == 8
    ][:6]
    db = tmp_path / "store.duckdb"
    ingest([write_jsonl("t8.jsonl", rows)], db, embed=embed)
    story = next(s for s in list_stories(db) if rows[0]["id"] in s.documents)

    first = build_story_dossier(db, story.id)
    again = build_story_dossier(db, story.id)
    assert len(builds) == 1
    assert [(a.id, a.text, a.outlet) for a in again.documents] == [
        (a.id, a.text, a.outlet) for a in first.documents
    ]

    copy = {"id": "wire-copy", "text": rows[0]["text"] + "\nCopyright 2009 Wire."}
    ingest([write_jsonl("copy.jsonl", [copy])], db, embed=embed)
    rebuilt = build_story_dossier(db, story.id)
    assert len(builds) == 2
    assert "wire-copy" in [a.id for a in rebuilt.documents]


def test_unknown_story_is_a_clear_error(
    tmp_path: Path,
    ecb_rows: list[dict[str, Any]],
    write_jsonl: Callable[[str, list[Any]], Path],
    embed: Any,
) -> None:
    db = tmp_path / "store.duckdb"
    ingest([write_jsonl("one.jsonl", [{"id": "a", "text": ecb_rows[0]["text"]}])], db, embed=embed)
    with pytest.raises(StoryNotFoundError, match="triangulate stories"):
        build_story_dossier(db, "s-nope")
