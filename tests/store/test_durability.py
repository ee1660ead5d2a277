"""The store under crashes and concurrency: kill -9 mid-ingest, two writers, a busy store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from triangulate.errors import StoreBusyError
from triangulate.store import ingest
from triangulate.store.store import open_store

HERE = Path(__file__).parent
BATCH = 8

# A child process that ingests with the fast embedder and prints a line after each committed batch.
_CHILD = """
import sys
sys.path.insert(0, {here!r})
from fake_embed import fake_embed
from triangulate.errors import StoreBusyError
from triangulate.store import ingest
done = 0
def committed(n):
    global done
    done += n
    print(done, flush=True)
try:
    ingest([{source!r}], {db!r}, embed=fake_embed, batch_size={batch}, progress=committed,
           wait={wait})
except StoreBusyError as exc:
    print(exc, file=sys.stderr)
    sys.exit(3)
"""


def _child(source: Path, db: Path, wait: float = 5.0) -> subprocess.Popen[str]:
    code = _CHILD.format(here=str(HERE), source=str(source), db=str(db), batch=BATCH, wait=wait)
    return subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _stored(db: Path) -> dict[str, str]:
    with open_store(db) as con:
        return dict(con.execute("SELECT id, text FROM articles").fetchall())


def test_kill_9_keeps_committed_batches_and_a_rerun_completes(
    tmp_path: Path,
    ecb_rows: list[dict[str, Any]],
    write_jsonl: Callable[[str, list[Any]], Path],
    embed: Any,
) -> None:
    rows = [{"id": r["id"], "text": r["text"]} for r in ecb_rows]
    source = write_jsonl("all.jsonl", rows)
    db = tmp_path / "store.duckdb"
    child = _child(source, db)
    assert child.stdout is not None
    committed = 0
    while committed < 2 * BATCH:
        line = child.stdout.readline()
        assert line, f"the child ended early: {child.stderr.read() if child.stderr else ''}"
        committed = int(line)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    texts = {r["id"]: r["text"] for r in rows}
    stored = _stored(db)
    assert committed <= len(stored) < len(rows), "the kill should land mid-ingest"
    assert len(stored) % BATCH == 0, "only whole batches are committed"
    assert all(texts[doc] == text for doc, text in stored.items())

    report = ingest([source], db, embed=embed, batch_size=BATCH)
    assert (report.used, report.duplicate) == (len(rows) - len(stored), len(stored))
    with open_store(db) as con:
        total, distinct, in_stories = con.execute(
            "SELECT count(*), count(DISTINCT id), (SELECT sum(size) FROM stories) FROM articles"
        ).fetchone() or (0, 0, 0)
    assert total == distinct == in_stories == len(rows)


def test_two_writers_both_succeed_or_one_is_told_busy(
    tmp_path: Path, ecb_rows: list[dict[str, Any]], write_jsonl: Callable[[str, list[Any]], Path]
) -> None:
    rows = [{"id": r["id"], "text": r["text"]} for r in ecb_rows[:160]]
    halves = [write_jsonl("a.jsonl", rows[:80]), write_jsonl("b.jsonl", rows[80:])]
    db = tmp_path / "store.duckdb"
    children = [_child(half, db, wait=0.5) for half in halves]
    results = [(c.wait(timeout=120), c.stderr.read() if c.stderr else "") for c in children]
    assert all(rc == 0 or (rc == 3 and "store is busy" in err) for rc, err in results), results
    assert any(rc == 0 for rc, _ in results)
    expected = {
        r["id"]
        for half, (rc, _) in zip((rows[:80], rows[80:]), results, strict=True)
        if rc == 0
        for r in half
    }
    assert set(_stored(db)) == expected


def test_an_open_store_is_reported_busy(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
            "print('ok', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        began = time.monotonic()
        with (
            pytest.raises(
                StoreBusyError,
                match=r"store is busy: another triangulate process is writing to .*store\.duckdb",
            ),
            open_store(db, wait=0.3),
        ):
            pass
        assert time.monotonic() - began < 5
    finally:
        holder.kill()
        holder.wait()
