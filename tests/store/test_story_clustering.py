"""Clustering across ingest runs: a store reopened later decides as one long run would have."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from triangulate.store import ingest, list_stories

Writer = Callable[[str, list[Any]], Path]


def _stories(db: Path) -> list[list[str]]:
    return sorted(sorted(story.documents) for story in list_stories(db))


@pytest.mark.parametrize("topics", [(2, 7), (1, 5)])
def test_a_resumed_ingest_clusters_as_one_run(
    tmp_path: Path,
    ecb_rows: list[dict[str, Any]],
    write_jsonl: Writer,
    embed: Any,
    topics: tuple[int, ...],
    rebuilt: list[str],
) -> None:
    """Two events of one kind years apart (Oscar hosts, a boxer's fights, rehab stays, a coach).

    The stories' time evidence (the years their members name) is stored with them, so a second
    ingest decides as a single run would, without re-reading any member's text.
    """
    rows = [{"id": r["id"], "text": r["text"]} for r in ecb_rows if r["topic"] in topics]
    random.Random(3).shuffle(rows)
    whole = write_jsonl("whole.jsonl", rows)
    first, rest = write_jsonl("first.jsonl", rows[:16]), write_jsonl("rest.jsonl", rows[16:])
    once, twice = tmp_path / "once.duckdb", tmp_path / "twice.duckdb"
    ingest([whole], once, embed=embed, batch_size=8)
    ingest([first], twice, embed=embed, batch_size=8)
    ingest([rest], twice, embed=embed, batch_size=8)
    assert _stories(twice) == _stories(once)
    assert rebuilt == []
