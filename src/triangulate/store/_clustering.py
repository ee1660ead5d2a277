"""The story state ingest clusters with: loaded from the store, placed in memory, saved back.

In memory across batches: the index of active stories (:class:`~triangulate.link.stories.
StoryIndex`) and the number of stored articles. Looked up per batch, never loaded whole: the LSH
buckets that find near-duplicates, the document frequencies of the batch's terms, and stories
beyond the active set that a near-duplicate joins. A story's row holds everything the clusterer
needs to pick it up again, its year histogram included (``stories.years``); stories written
before that column existed have it NULL, and their histogram is rebuilt once from the members'
texts, the first time a batch may join them, and stored. When the index merges two stories, the
absorbed story's members move to the surviving one, and its row and cached dossier go.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

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
from triangulate.store.store import insert_columns
from triangulate.types import Article

if TYPE_CHECKING:
    import duckdb

    from triangulate.nlp.embeddings import EmbedFn

__all__ = ["Placement", "StoryState"]

_Vector = np.ndarray[Any, np.dtype[np.float32]]
_Signature = np.ndarray[Any, np.dtype[np.uint32]]
_Column = tuple[str, str, list[Any]]
_YEARS_TYPE = "MAP(INTEGER, INTEGER)"


@dataclass(slots=True)
class _New:
    """A new article of the current batch and what clustering computed for it."""

    article: Article
    counts: dict[str, int]
    signature: _Signature
    keys: list[int]
    duplicate_of: str | None = None
    vector: _Vector | None = None
    story_id: str = ""


@dataclass(slots=True)
class Placement:
    """One batch placed in stories: its articles, the stories they opened or changed."""

    new: list[_New]
    changed: dict[str, Story]
    opened: set[str]
    # Stories whose year histogram was rebuilt from their members: stored even if unchanged.
    rebuilt: list[Story] = field(default_factory=list)
    # Stories merged into another one: absorbed id -> surviving id.
    merged: dict[str, str] = field(default_factory=dict)

    @property
    def near_duplicates(self) -> int:
        """How many of the batch's articles nearly duplicate a stored or earlier one."""
        return sum(1 for n in self.new if n.duplicate_of is not None)


@dataclass(slots=True)
class StoryState:
    """The active stories and the corpus size, kept across batches of one ingest."""

    config: ClusterConfig
    embed: EmbedFn
    index: StoryIndex
    n_docs: int

    @classmethod
    def load(
        cls, con: duckdb.DuckDBPyConnection, config: ClusterConfig, embed: EmbedFn
    ) -> StoryState:
        """The ``config.max_active`` most recently updated stories of the store, made active."""
        row = con.execute("SELECT count(*) FROM articles").fetchone()
        rows = con.execute(
            f"SELECT {_STORY_COLUMNS} FROM stories ORDER BY updated_seq DESC LIMIT ?",
            [config.max_active],
        ).fetchall()
        index = StoryIndex(config, (_story_from_row(r) for r in reversed(rows)))
        return cls(config, embed, index, int(row[0]) if row else 0)

    def place(self, con: duckdb.DuckDBPyConnection, articles: Sequence[Article]) -> Placement:
        """Put each new article into a story (near-duplicate's, best scoring, or a new one)."""
        fresh = [_new(article) for article in articles]
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
        rebuilt = [story for story in stories.values() if story.years is None]
        _rebuild_years(con, rebuilt)
        placement = Placement(fresh, {}, set(), rebuilt)
        for item in fresh:
            story = self._place(item, originals, stories, placement.changed)
            if story.size == 1:
                placement.opened.add(story.id)
            placement.changed[story.id] = story
            item.story_id = story.id
            for gone, kept in self.index.merged:
                _absorb(placement, originals, stories, gone, kept)
            self.index.merged.clear()
        return placement

    def article_columns(self, placement: Placement) -> list[_Column]:
        """The ``articles`` columns clustering fills: story, near-duplicate, sketches, terms."""
        new = placement.new
        top = self.config.top_terms
        return [
            ("story_id", "VARCHAR", [n.story_id for n in new]),
            ("near_duplicate_of", "VARCHAR", [n.duplicate_of for n in new]),
            ("minhash", "BLOB", [n.signature.tobytes() for n in new]),
            ("embedding", "BLOB", [_vector_bytes(n.vector) for n in new]),
            ("terms", "VARCHAR[]", [list(self.index.stats.weights(n.counts, top)) for n in new]),
        ]

    def save(self, con: duckdb.DuckDBPyConnection, placement: Placement, seq: int) -> None:
        """Write the batch's LSH buckets, term counts and stories (as of article ``seq``)."""
        new = placement.new
        insert_columns(
            con,
            "lsh_bands",
            [
                ("band", "SMALLINT", [b for _ in new for b in range(BANDS)]),
                ("bucket", "BIGINT", [k for n in new for k in n.keys]),
                ("article_id", "VARCHAR", [n.article.id for n in new for _ in range(BANDS)]),
            ],
        )
        df: dict[str, int] = {}
        for item in new:
            for term in item.counts:
                df[term] = df.get(term, 0) + 1
        insert_columns(
            con,
            "term_df",
            [("term", "VARCHAR", list(df)), ("df", "BIGINT", list(df.values()))],
            on_conflict="ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df",
        )
        self._save_stories(con, list(placement.changed.values()), seq)
        if placement.merged:
            gone, kept = list(placement.merged), list(placement.merged.values())
            con.execute(
                "UPDATE articles SET story_id = m.kept FROM (SELECT unnest(?::VARCHAR[]) AS gone, "
                "unnest(?::VARCHAR[]) AS kept) m WHERE articles.story_id = m.gone",
                [gone, kept],
            )
            for table, column in (("stories", "id"), ("dossiers", "story_id")):
                con.execute(
                    f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))", [gone]
                )
        unchanged = [s for s in placement.rebuilt if s.id not in placement.changed]
        if unchanged:
            con.execute(
                "UPDATE stories SET years = u.years FROM (SELECT unnest(?::VARCHAR[]) AS id, "
                f"unnest(?::{_YEARS_TYPE}[]) AS years) u WHERE stories.id = u.id",
                [[s.id for s in unchanged], [_years_value(s.years) for s in unchanged]],
            )
        self.n_docs += len(new)

    def _save_stories(self, con: duckdb.DuckDBPyConnection, stories: list[Story], seq: int) -> None:
        stats = self.index.stats
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
                ("years", _YEARS_TYPE, [_years_value(s.years) for s in stories]),
                ("created_seq", "BIGINT", [seq] * len(stories)),
                ("updated_seq", "BIGINT", [seq] * len(stories)),
            ],
            on_conflict="ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
            "size = excluded.size, "
            "first_published = excluded.first_published, last_published = excluded.last_published, "
            "vector_sum = excluded.vector_sum, terms = excluded.terms, years = excluded.years, "
            "updated_seq = excluded.updated_seq",
        )

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
        candidates: dict[int, list[tuple[str, _Signature]]] = {}
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
        changed: dict[str, Story],
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
            story = self.index.join(changed.get(story_id) or stories[story_id], signal)
        originals[article.id] = (story.id, item.vector)
        return story


_STORY_COLUMNS = "id, title, size, first_published, last_published, vector_sum, terms, years"
_YEARS_CHUNK = 2048
_HEADLINE_CHARS = 120
_WORDS = re.compile(r"[^\W\d_]{3,}")
_DATE_WORD = re.compile(
    r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
    r"[a-z]*|[ap]\.?m\.?|gmt|utc|edt|est|pdt|pst|updated|published|posted"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _absorb(
    placement: Placement,
    originals: dict[str, tuple[str, _Vector]],
    stories: dict[str, Story],
    gone: str,
    kept: str,
) -> None:
    """Point everything the batch knows of story ``gone`` at story ``kept``, which absorbed it."""
    for old, new in placement.merged.items():
        if new == gone:
            placement.merged[old] = kept
    placement.merged[gone] = kept
    placement.changed.pop(gone, None)
    placement.opened.discard(gone)
    stories.pop(gone, None)
    for item in placement.new:
        if item.story_id == gone:
            item.story_id = kept
    for article_id, (story_id, vector) in originals.items():
        if story_id == gone:
            originals[article_id] = (kept, vector)


def _new(article: Article) -> _New:
    signature = minhash_signature(article.text)
    return _New(article, dict(key_terms(article.text)), signature, band_keys(signature))


def _story_from_row(row: tuple[Any, ...]) -> Story:
    story_id, title, size, first, last, vector_sum, terms, years = row
    return Story(
        id=story_id,
        vector_sum=np.frombuffer(vector_sum, dtype=np.float32).copy(),
        terms=json.loads(terms),
        size=int(size),
        first=first,
        last=last,
        title=title,
        # NULL in rows written before the column existed: rebuilt when a batch may join the story.
        years=None if years is None else {int(y): int(n) for y, n in years.items()},
    )


def _years_value(years: Mapping[int, int] | None) -> dict[str, list[int]] | None:
    # DuckDB takes a MAP parameter as its key and value lists.
    if years is None:
        return None
    ordered = sorted(years.items())
    return {"key": [y for y, _ in ordered], "value": [n for _, n in ordered]}


def _rebuild_years(con: duckdb.DuckDBPyConnection, stories: Sequence[Story]) -> None:
    """Recompute the year histograms (see ``Story.years``) of stories stored without one."""
    if not stories:
        return
    by_id = {story.id: story for story in stories}
    histograms: dict[str, dict[int, int]] = {story_id: {} for story_id in by_id}
    cursor = con.execute(
        "SELECT story_id, text, published, evidence FROM articles "
        "WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(by_id)],
    )
    while rows := cursor.fetchmany(_YEARS_CHUNK):
        for story_id, text, published, evidence in rows:
            methods = [e[1] for e in json.loads(evidence) if e[0] == "published"]
            _, year = article_time(text, published, methods)
            if year is not None:
                years = histograms[story_id]
                years[year] = years.get(year, 0) + 1
    for story_id, years in histograms.items():
        by_id[story_id].years = years


def _vector_bytes(vector: _Vector | None) -> bytes:
    return vector.tobytes() if vector is not None else b""


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


def _looks_like_headline(title: str) -> bool:
    # A "title" that is really a date line ("May 2, 2013, 1:12 PM") says nothing of the story.
    words = [w for w in _WORDS.findall(title) if not _DATE_WORD.fullmatch(w)]
    return len(words) >= 2
