"""Ingest inputs into the store in batches, clustering each new article into a story as it goes.

Every batch is one transaction: its articles, their LSH bands, the term statistics and the
stories they touched commit together or not at all, so a process killed mid-ingest leaves the
store as of its last committed batch and a re-run adds exactly what is missing. Identity is the
article id; the content hash tells a re-ingested article (counted as duplicate, nothing added)
from a different text under a known id (reported as a conflict, the stored text kept). Where the
articles go is :mod:`triangulate.store._clustering`'s business.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from triangulate.ingest import iter_inputs
from triangulate.ingest.read import MAX_FILE_BYTES
from triangulate.link.stories import ClusterConfig
from triangulate.normalise.metadata import settle_metadata
from triangulate.store._clustering import StoryState
from triangulate.store.store import insert_columns, open_store, transaction
from triangulate.types import Article, Problem, RawArticle

if TYPE_CHECKING:
    import duckdb

    from triangulate.nlp.embeddings import EmbedFn

__all__ = ["IngestReport", "content_hash", "ingest"]

Progress = Callable[[int], None]


@dataclass(slots=True)
class IngestReport:
    """What one ingest did: counts, the stories it touched and every input it could not use."""

    used: int = 0
    duplicate: int = 0
    conflicts: int = 0
    skipped: int = 0
    near_duplicates: int = 0
    stories_opened: int = 0
    stories_touched: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: used / skipped / duplicate counts and the stories touched."""
        rate = self.used / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.used} article(s) used, {self.skipped} skipped, {self.duplicate} duplicate(s), "
            f"{self.conflicts} id conflict(s); {self.stories_opened} new and "
            f"{len(self.stories_touched)} touched stor(ies); {rate:.1f} articles/s"
        )


def content_hash(text: str) -> str:
    """The SHA-256 of an article's text: what tells a re-ingest from a changed article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest(
    paths: Sequence[str | Path],
    db: Path | str,
    *,
    batch_size: int = 256,
    config: ClusterConfig | None = None,
    embed: EmbedFn | None = None,
    progress: Progress | None = None,
    stdin: TextIO | None = None,
    wait: float = 5.0,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> IngestReport:
    """Add the articles in ``paths`` to the store at ``db`` and cluster them into stories."""
    if embed is None:
        from triangulate.nlp.embeddings import get_encoder

        embed = get_encoder().encode
    report = IngestReport()
    began = time.perf_counter()
    with open_store(db, wait=wait) as con:
        state = StoryState.load(con, config or ClusterConfig(), embed)
        row = con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()
        seq = (int(row[0]) if row else 0) + 1
        inputs = iter_inputs(paths, stdin, max_file_bytes=max_file_bytes)
        for chunk in _batches(inputs, max(1, batch_size)):
            raws = [item for item in chunk if isinstance(item, RawArticle)]
            for problem in (item for item in chunk if isinstance(item, Problem)):
                report.problems.append(problem)
                report.skipped += 1
            seq = _ingest_batch(con, state, raws, seq, report)
            report.seconds = time.perf_counter() - began
            if progress is not None:
                progress(len(chunk))
    report.seconds = time.perf_counter() - began
    return report


def _ingest_batch(
    con: duckdb.DuckDBPyConnection,
    state: StoryState,
    raws: Sequence[RawArticle],
    seq: int,
    report: IngestReport,
) -> int:
    """Store a batch's new articles, numbered from ``seq``, and their stories; return next seq."""
    fresh = _classify(con, [settle_metadata(raw) for raw in raws], report)
    if not fresh:
        return seq
    placement = state.place(con, [article for article, _ in fresh])
    last = seq + len(fresh) - 1
    arts = [article for article, _ in fresh]
    with transaction(con):
        insert_columns(
            con,
            "articles",
            [
                ("id", "VARCHAR", [a.id for a in arts]),
                ("seq", "BIGINT", list(range(seq, last + 1))),
                ("content_hash", "VARCHAR", [digest for _, digest in fresh]),
                ("text", "VARCHAR", [a.text for a in arts]),
                ("kind", "VARCHAR", [str(a.kind) for a in arts]),
                ("source_path", "VARCHAR", [a.source_path for a in arts]),
                ("title", "VARCHAR", [a.title for a in arts]),
                ("url", "VARCHAR", [a.url for a in arts]),
                ("outlet", "VARCHAR", [a.outlet for a in arts]),
                ("published", "DATE", [a.published for a in arts]),
                ("bylines", "VARCHAR[]", [list(a.bylines) for a in arts]),
                ("cited_outlets", "VARCHAR[]", [list(a.cited_outlets) for a in arts]),
                ("evidence", "VARCHAR", [_evidence_json(a) for a in arts]),
                *state.article_columns(placement),
                ("ingested_at", "TIMESTAMP", [_now()] * len(arts)),
            ],
        )
        state.save(con, placement, last)
    report.used += len(fresh)
    report.near_duplicates += placement.near_duplicates
    report.stories_opened += len(placement.opened)
    report.stories_touched.update(placement.changed)
    return last + 1


def _classify(
    con: duckdb.DuckDBPyConnection, articles: list[Article], report: IngestReport
) -> list[tuple[Article, str]]:
    """The batch's new articles with their content hashes; count duplicates, report conflicts."""
    stored = dict(
        con.execute(
            "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [[a.id for a in articles]],
        ).fetchall()
    )
    fresh: list[tuple[Article, str]] = []
    for article in articles:
        digest = content_hash(article.text)
        known = stored.get(article.id)
        if known == digest:
            report.duplicate += 1
            continue
        if known is not None:
            report.conflicts += 1
            source, line = _where(article)
            report.problems.append(
                Problem(
                    source,
                    f"duplicate id {article.id!r} with different text; kept the stored article "
                    "(give the new one another id to keep both)",
                    line,
                )
            )
            continue
        stored[article.id] = digest
        fresh.append((article, digest))
    return fresh


def _where(article: Article) -> tuple[str, int | None]:
    # JSONL articles carry "file:line" as their source path; a Problem wants the two apart.
    source = article.source_path or article.id
    head, _, tail = source.rpartition(":")
    return (head, int(tail)) if head and tail.isdigit() else (source, None)


def _evidence_json(article: Article) -> str:
    return json.dumps([[e.field, e.method, e.start, e.end, e.note] for e in article.evidence])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _batches(
    items: Iterator[RawArticle | Problem], size: int
) -> Iterator[list[RawArticle | Problem]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk
