"""Ingest inputs into the store in batches, clustering each new article into a story as it goes.

Every batch is one transaction: its articles, their LSH bands, the term statistics and the
stories they touched commit together or not at all, so a process killed mid-ingest leaves the
store as of its last committed batch and a re-run adds exactly what is missing. Identity is the
article id; the content hash tells a re-ingested article (counted as duplicate, nothing added)
from a different text under a known id (reported as a conflict, the stored text kept).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import numpy as np

from triangulate.ingest import iter_inputs
from triangulate.link.stories import (
    BANDS,
    ClusterConfig,
    Story,
    StoryIndex,
    StorySignal,
    TermStats,
    article_time,
    band_keys,
    estimated_jaccard,
    key_terms,
    lead_text,
    minhash_signature,
)
from triangulate.normalise.metadata import settle_metadata
from triangulate.store.store import insert_columns, open_store, transaction
from triangulate.types import Article, Problem, RawArticle

if TYPE_CHECKING:
    import duckdb

    from triangulate.nlp.embeddings import EmbedFn

__all__ = ["IngestReport", "content_hash", "ingest"]

Progress = Callable[[int], None]
_Vector = np.ndarray[Any, np.dtype[np.float32]]
_HEADLINE_CHARS = 120


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
) -> IngestReport:
    """Add the articles in ``paths`` to the store at ``db`` and cluster them into stories."""
    if embed is None:
        from triangulate.nlp.embeddings import get_encoder

        embed = get_encoder().encode
    report = IngestReport()
    began = time.perf_counter()
    with open_store(db, wait=wait) as con:
        state = _State.load(con, config or ClusterConfig(), embed)
        for chunk in _batches(iter_inputs(paths, stdin), max(1, batch_size)):
            raws = [item for item in chunk if isinstance(item, RawArticle)]
            for problem in (item for item in chunk if isinstance(item, Problem)):
                report.problems.append(problem)
                report.skipped += 1
            state.ingest_batch(con, raws, report)
            report.seconds = time.perf_counter() - began
            if progress is not None:
                progress(len(chunk))
    report.seconds = time.perf_counter() - began
    return report


@dataclass(slots=True)
class _New:
    """A new article of the current batch and what clustering computed for it."""

    article: Article
    digest: str
    counts: dict[str, int]
    signature: np.ndarray[Any, np.dtype[np.uint32]]
    keys: list[int]
    duplicate_of: str | None = None
    vector: _Vector | None = None
    story_id: str = ""


@dataclass(slots=True)
class _State:
    """What stays in memory across batches: the active stories and the next sequence number."""

    config: ClusterConfig
    embed: EmbedFn
    index: StoryIndex
    next_seq: int
    n_docs: int

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, config: ClusterConfig, embed: EmbedFn) -> _State:
        row = con.execute("SELECT coalesce(max(seq), 0), count(*) FROM articles").fetchone()
        last_seq, n_docs = (int(row[0]), int(row[1])) if row else (0, 0)
        rows = con.execute(
            f"SELECT {_STORY_COLUMNS} FROM stories ORDER BY updated_seq DESC LIMIT ?",
            [config.max_active],
        ).fetchall()
        index = StoryIndex(config, (_story_from_row(r) for r in reversed(rows)))
        return cls(config, embed, index, last_seq + 1, n_docs)

    def ingest_batch(
        self, con: duckdb.DuckDBPyConnection, raws: Sequence[RawArticle], report: IngestReport
    ) -> None:
        fresh = self._classify(con, [settle_metadata(raw) for raw in raws], report)
        if not fresh:
            return
        originals = self._find_near_duplicates(con, fresh)
        needing = [n for n in fresh if n.duplicate_of is None]
        # One encoder call per batch: the encoder is fastest on many short texts at once.
        vectors = self.embed([lead_text(n.article.text, n.article.title) for n in needing])
        for item, vector in zip(needing, vectors, strict=True):
            item.vector = np.asarray(vector, dtype=np.float32)
        stories = self._stories_of_originals(con, fresh, originals)
        if needing:
            shortlist = self.index.shortlist(np.asarray(vectors, dtype=np.float32))
            active = ((s, self.index.get(s)) for s in shortlist)
            stories.update((s, story) for s, story in active if story is not None)
        self.index.stats = self._load_stats(con, fresh, stories.values())
        _load_years(con, [story for story in stories.values() if story.years is None])
        dirty: dict[str, Story] = {}
        created: set[str] = set()
        for item in fresh:
            story = self._place(item, originals, stories, dirty)
            if story.size == 1:
                created.add(story.id)
            dirty[story.id] = story
            item.story_id = story.id
        with transaction(con):
            self._write(con, fresh, dirty)
        self.n_docs += len(fresh)
        report.used += len(fresh)
        report.near_duplicates += sum(1 for n in fresh if n.duplicate_of is not None)
        report.stories_opened += len(created)
        report.stories_touched.update(dirty)

    def _classify(
        self, con: duckdb.DuckDBPyConnection, articles: list[Article], report: IngestReport
    ) -> list[_New]:
        ids = [a.id for a in articles]
        stored = dict(
            con.execute(
                "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [ids],
            ).fetchall()
        )
        fresh: list[_New] = []
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
            signature = minhash_signature(article.text)
            counts = dict(key_terms(article.text))
            fresh.append(_New(article, digest, counts, signature, band_keys(signature)))
        return fresh

    def _load_stats(
        self, con: duckdb.DuckDBPyConnection, fresh: list[_New], stories: Iterable[Story]
    ) -> TermStats:
        """The stored document frequencies of the batch's terms and of the stories it may join."""
        terms = {t for n in fresh for t in n.counts}
        for story in stories:
            terms.update(story.terms)
        df: dict[str, int] = dict(
            con.execute(
                "SELECT term, df FROM term_df WHERE term IN (SELECT unnest(?::VARCHAR[]))",
                [sorted(terms)],
            ).fetchall()
        )
        return TermStats(df, self.n_docs)

    def _stories_of_originals(
        self,
        con: duckdb.DuckDBPyConnection,
        fresh: list[_New],
        originals: dict[str, tuple[str, _Vector]],
    ) -> dict[str, Story]:
        """The stories that near-duplicates will join: active ones, else read from the store."""
        wanted = {originals[n.duplicate_of][0] for n in fresh if n.duplicate_of in originals}
        found = {s: story for s in wanted if (story := self.index.get(s)) is not None}
        missing = sorted(wanted - set(found))
        if missing:
            rows = con.execute(
                f"SELECT {_STORY_COLUMNS} FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [missing],
            ).fetchall()
            found.update((row[0], _story_from_row(row)) for row in rows)
        return found

    def _find_near_duplicates(
        self, con: duckdb.DuckDBPyConnection, fresh: list[_New]
    ) -> dict[str, tuple[str, _Vector]]:
        """Mark near-duplicates; return stored originals as id -> (story id, lead vector)."""
        bands = [b for n in fresh for b in range(BANDS)]
        keys = [k for n in fresh for k in n.keys]
        owners = [i for i, n in enumerate(fresh) for _ in range(BANDS)]
        rows = con.execute(
            """SELECT DISTINCT q.owner, a.id, a.minhash, a.story_id, a.embedding
               FROM (SELECT unnest(?::SMALLINT[]) AS band, unnest(?::BIGINT[]) AS bucket,
                            unnest(?::INTEGER[]) AS owner) q
               JOIN lsh_bands b ON b.band = q.band AND b.bucket = q.bucket
               JOIN articles a ON a.id = b.article_id""",
            [bands, keys, owners],
        ).fetchall()
        candidates: dict[int, list[tuple[str, np.ndarray[Any, np.dtype[np.uint32]]]]] = {}
        originals: dict[str, tuple[str, _Vector]] = {}
        for owner, article_id, minhash, story_id, embedding in rows:
            candidates.setdefault(int(owner), []).append(
                (article_id, np.frombuffer(minhash, dtype=np.uint32))
            )
            originals[article_id] = (story_id, np.frombuffer(embedding, dtype=np.float32))
        seen: dict[tuple[int, int], list[int]] = {}
        for i, item in enumerate(fresh):
            pool = list(candidates.get(i, []))
            earlier = {j for band, key in enumerate(item.keys) for j in seen.get((band, key), [])}
            pool += [(fresh[j].article.id, fresh[j].signature) for j in sorted(earlier)]
            best = max(pool, key=lambda c: estimated_jaccard(item.signature, c[1]), default=None)
            if (
                best is not None
                and estimated_jaccard(item.signature, best[1]) >= self.config.near_duplicate
            ):
                item.duplicate_of = best[0]
            for band, key in enumerate(item.keys):
                seen.setdefault((band, key), []).append(i)
        return originals

    def _place(
        self,
        item: _New,
        originals: dict[str, tuple[str, _Vector]],
        stories: dict[str, Story],
        dirty: dict[str, Story],
    ) -> Story:
        article = item.article
        story_id = ""
        if item.duplicate_of is not None:
            story_id, item.vector = originals[item.duplicate_of]
        assert item.vector is not None  # embedded, or copied from the original just above
        published, year = article_time(article.text, article.published, _date_methods(article))
        signal = StorySignal(
            article.id, item.vector, item.counts, published, _headline(article), year
        )
        if item.duplicate_of is None:
            story = self.index.assign(signal)
        else:
            story = self.index.join(dirty.get(story_id) or stories[story_id], signal)
        originals[article.id] = (story.id, item.vector)
        return story

    def _write(
        self, con: duckdb.DuckDBPyConnection, fresh: list[_New], dirty: dict[str, Story]
    ) -> None:
        stats = self.index.stats
        seqs = list(range(self.next_seq, self.next_seq + len(fresh)))
        arts = [n.article for n in fresh]
        insert_columns(
            con,
            "articles",
            [
                ("id", "VARCHAR", [a.id for a in arts]),
                ("seq", "BIGINT", seqs),
                ("content_hash", "VARCHAR", [n.digest for n in fresh]),
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
                ("story_id", "VARCHAR", [n.story_id for n in fresh]),
                ("near_duplicate_of", "VARCHAR", [n.duplicate_of for n in fresh]),
                ("minhash", "BLOB", [n.signature.tobytes() for n in fresh]),
                (
                    "embedding",
                    "BLOB",
                    [n.vector.tobytes() if n.vector is not None else b"" for n in fresh],
                ),
                (
                    "terms",
                    "VARCHAR[]",
                    [list(stats.weights(n.counts, self.config.top_terms)) for n in fresh],
                ),
                ("ingested_at", "TIMESTAMP", [_now()] * len(fresh)),
            ],
        )
        insert_columns(
            con,
            "lsh_bands",
            [
                ("band", "SMALLINT", [b for _ in fresh for b in range(BANDS)]),
                ("bucket", "BIGINT", [k for n in fresh for k in n.keys]),
                ("article_id", "VARCHAR", [n.article.id for n in fresh for _ in range(BANDS)]),
            ],
        )
        df: dict[str, int] = {}
        for item in fresh:
            for term in item.counts:
                df[term] = df.get(term, 0) + 1
        insert_columns(
            con,
            "term_df",
            [("term", "VARCHAR", list(df)), ("df", "BIGINT", list(df.values()))],
            on_conflict="ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df",
        )
        stories = list(dirty.values())
        last_seq = seqs[-1]
        insert_columns(
            con,
            "stories",
            [
                ("id", "VARCHAR", [s.id for s in stories]),
                ("title", "VARCHAR", [s.title for s in stories]),
                ("size", "INTEGER", [s.size for s in stories]),
                ("first_published", "DATE", [s.first for s in stories]),
                ("last_published", "DATE", [s.last for s in stories]),
                ("vector_sum", "BLOB", [s.vector_sum.tobytes() for s in stories]),
                ("terms", "VARCHAR", [_terms_json(s, stats) for s in stories]),
                ("created_seq", "BIGINT", [last_seq] * len(stories)),
                ("updated_seq", "BIGINT", [last_seq] * len(stories)),
            ],
            on_conflict="ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
            "size = excluded.size, "
            "first_published = excluded.first_published, last_published = excluded.last_published, "
            "vector_sum = excluded.vector_sum, terms = excluded.terms, "
            "updated_seq = excluded.updated_seq",
        )
        self.next_seq = last_seq + 1


_STORY_COLUMNS = "id, title, size, first_published, last_published, vector_sum, terms"
_YEARS_CHUNK = 2048
_WORDS = re.compile(r"[^\W\d_]{3,}")
_DATE_WORD = re.compile(
    r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
    r"[a-z]*|[ap]\.?m\.?|gmt|utc|edt|est|pdt|pst|updated|published|posted"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _story_from_row(row: tuple[Any, ...]) -> Story:
    story_id, title, size, first, last, vector_sum, terms = row
    return Story(
        id=story_id,
        vector_sum=np.frombuffer(vector_sum, dtype=np.float32).copy(),
        terms=json.loads(terms),
        size=int(size),
        first=first,
        last=last,
        title=title,
        years=None,  # not stored: _load_years reads it back when a batch may join the story
    )


def _load_years(con: duckdb.DuckDBPyConnection, stories: Sequence[Story]) -> None:
    """Read back the latest-year histograms of stories loaded from the store (see Story.years).

    The store does not keep them: they are recomputed from the members' texts, once per story
    and process, and only for the stories a batch may join.
    """
    if not stories:
        return
    by_id = {story.id: story for story in stories}
    for story in stories:
        story.years = {}
    cursor = con.execute(
        "SELECT story_id, text, published, evidence FROM articles "
        "WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(by_id)],
    )
    while rows := cursor.fetchmany(_YEARS_CHUNK):
        for story_id, text, published, evidence in rows:
            methods = [e[1] for e in json.loads(evidence) if e[0] == "published"]
            _, year = article_time(text, published, methods)
            years = by_id[story_id].years
            if year is not None and years is not None:
                years[year] = years.get(year, 0) + 1


def _date_methods(article: Article) -> list[str]:
    return [e.method for e in article.evidence if e.field == "published"]


def _terms_json(story: Story, stats: TermStats) -> str:
    # Heaviest (by current tf-idf) first: readers take the first keys as the story's top terms.
    return json.dumps(dict(story.ranked_terms(stats)), ensure_ascii=False)


def _headline(article: Article) -> str:
    if article.title and _looks_like_headline(article.title):
        return article.title
    lines = [line for line in article.text.splitlines() if line.strip() and "://" not in line]
    line = next((x for x in lines if _looks_like_headline(x)), lines[0] if lines else "")
    first = _SENTENCE.split(line.strip(), maxsplit=1)[0]
    return first if len(first) <= _HEADLINE_CHARS else first[: _HEADLINE_CHARS - 1].rstrip() + "…"


def _where(article: Article) -> tuple[str, int | None]:
    # JSONL articles carry "file:line" as their source path; a Problem wants the two apart.
    source = article.source_path or article.id
    head, _, tail = source.rpartition(":")
    return (head, int(tail)) if head and tail.isdigit() else (source, None)


def _looks_like_headline(title: str) -> bool:
    # A "title" that is really a date line ("May 2, 2013, 1:12 PM") says nothing of the story.
    words = [w for w in _WORDS.findall(title) if not _DATE_WORD.fullmatch(w)]
    return len(words) >= 2


def _evidence_json(article: Article) -> str:
    return json.dumps([[e.field, e.method, e.start, e.end, e.note] for e in article.evidence])


def _now() -> Any:
    import datetime as dt

    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _batches(
    items: Iterator[RawArticle | Problem], size: int
) -> Iterator[list[RawArticle | Problem]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk
