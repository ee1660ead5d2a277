"""Clustering across ingest runs: a store reopened later decides as one long run would have."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from triangulate.link.stories import ClusterConfig, lead_text
from triangulate.store import ingest, list_stories
from triangulate.store.store import open_store

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


def test_a_merge_moves_the_members_and_drops_the_absorbed_story(
    tmp_path: Path, ecb_rows: list[dict[str, Any]], write_jsonl: Writer
) -> None:
    """Two stored stories of one event (Jackman to host the Oscars), then an article bridging them.

    The lead vectors are set by hand: each first ingest's articles share one, orthogonal to the
    other's, and the bridging article lies between, so only the merge can bring them together.
    """
    texts = {r["id"]: r["text"] for r in ecb_rows}
    groups = {"2_1ecb": 0, "2_3ecb": 0, "2_4ecb": 0, "2_5ecb": 1, "2_6ecb": 1, "2_9ecb": 2}
    basis = np.eye(3, 384, dtype=np.float32)
    basis[2] = (basis[0] + basis[1]) / np.sqrt(2)
    by_lead = {lead_text(texts[doc]): basis[g] for doc, g in groups.items()}

    def embed(leads: Sequence[str]) -> npt.NDArray[np.float32]:
        return np.stack([by_lead[lead] for lead in leads]).astype(np.float32)

    db = tmp_path / "store.duckdb"
    apart = ClusterConfig(keyword_weight=0.0, conflict_weight=0.0)
    for name, docs in (("a", ["2_1ecb", "2_3ecb", "2_4ecb"]), ("b", ["2_5ecb", "2_6ecb"])):
        rows = [{"id": d, "text": texts[d]} for d in docs]
        ingest([write_jsonl(f"{name}.jsonl", rows)], db, config=apart, embed=embed)
    before = {s.id: s.documents for s in list_stories(db)}
    assert sorted(map(len, before.values())) == [2, 3]
    with open_store(db) as con:
        for story_id in before:
            con.execute("INSERT INTO dossiers VALUES (?, 'x', '{}', current_timestamp)", [story_id])
    bridge = write_jsonl("bridge.jsonl", [{"id": "2_9ecb", "text": texts["2_9ecb"]}])
    ingest([bridge], db, config=ClusterConfig(merge_threshold=-1.0), embed=embed)
    (story,) = list_stories(db)
    assert story.id in before
    assert sorted(story.documents) == sorted(groups)
    with open_store(db) as con:
        assert con.execute("SELECT id, size FROM stories").fetchall() == [(story.id, len(groups))]
        # The absorbed story's cached dossier goes; the survivor's is rebuilt when next asked.
        assert con.execute("SELECT story_id FROM dossiers").fetchall() == [(story.id,)]
