"""Read the store: list its stories, build (or fetch the cached) dossier of one, export tables.

A story's dossier is cached under a hash of its members' ids and content hashes, so it is
rebuilt exactly when an article joins the story (or a member changes), never otherwise.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from triangulate.errors import StoryNotFoundError
from triangulate.store.dossiers import dossier_from_dict
from triangulate.store.store import open_store, transaction
from triangulate.types import Article, Dossier, Evidence, InputKind

__all__ = ["EXPORTED_TABLES", "StoryInfo", "build_story_dossier", "export_parquet", "list_stories"]

EXPORTED_TABLES = ("articles", "stories", "lsh_bands", "term_df", "dossiers", "schema_version")
_TOP_TERMS = 5


@dataclass(frozen=True, slots=True)
class StoryInfo:
    """One stored story: its members, outlets, date span, key terms and headline (``title``)."""

    id: str
    title: str | None
    documents: tuple[str, ...]
    size: int
    outlets: tuple[str, ...]
    first_published: dt.date | None
    last_published: dt.date | None
    top_terms: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The story as the CLI contract's JSON object (``id``, ``title``, ``documents``, more)."""
        return {
            "id": self.id,
            "title": self.title,
            "documents": list(self.documents),
            "size": self.size,
            "outlets": list(self.outlets),
            "first_published": self.first_published.isoformat() if self.first_published else None,
            "last_published": self.last_published.isoformat() if self.last_published else None,
            "top_terms": list(self.top_terms),
        }


def list_stories(db: Path | str, *, min_size: int = 1, wait: float = 5.0) -> list[StoryInfo]:
    """Every story of at least ``min_size`` articles, largest (then most recent) first."""
    with open_store(db, wait=wait, create=False) as con:
        rows = con.execute(
            """SELECT s.id, s.title, s.size, s.first_published, s.last_published, s.terms,
                      list(a.id ORDER BY a.seq),
                      list(DISTINCT a.outlet ORDER BY a.outlet) FILTER (WHERE a.outlet IS NOT NULL)
               FROM stories s JOIN articles a ON a.story_id = s.id
               WHERE s.size >= ?
               GROUP BY ALL
               ORDER BY s.size DESC, s.last_published DESC NULLS LAST, s.id""",
            [min_size],
        ).fetchall()
    stories = []
    for story_id, title, size, first, last, terms, members, outlets in rows:
        # Ingest writes a story's terms heaviest (by tf-idf as of its last update) first.
        top = list(json.loads(terms))[:_TOP_TERMS]
        stories.append(
            StoryInfo(
                story_id,
                title,
                tuple(members),
                int(size),
                tuple(outlets or ()),
                first,
                last,
                tuple(top),
            )
        )
    return stories


def build_story_dossier(db: Path | str, story_id: str, *, wait: float = 5.0) -> Dossier:
    """The dossier of a stored story: from the cache when its members are unchanged, else built."""
    from triangulate.render.json import dossier_to_json

    with open_store(db, wait=wait, create=False) as con:
        rows = con.execute(
            f"SELECT {_ARTICLE_COLUMNS}, content_hash FROM articles "
            "WHERE story_id = ? ORDER BY seq",
            [story_id],
        ).fetchall()
        if not rows:
            raise StoryNotFoundError(
                f"no story {story_id!r} in {db}; list them with 'triangulate stories --db {db}'"
            )
        members_hash = _members_hash([(r[0], r[-1]) for r in rows])
        cached = con.execute(
            "SELECT dossier_json FROM dossiers WHERE story_id = ? AND members_hash = ?",
            [story_id, members_hash],
        ).fetchone()
        if cached is not None:
            return dossier_from_dict(json.loads(cached[0]))
        from triangulate.pipeline import build_dossier

        dossier = build_dossier([_article_from_row(r[:-1]) for r in rows])
        with transaction(con):
            con.execute(
                "INSERT INTO dossiers VALUES (?, ?, ?, current_timestamp) "
                "ON CONFLICT (story_id) DO UPDATE "
                "SET members_hash = excluded.members_hash, dossier_json = excluded.dossier_json, "
                "built_at = excluded.built_at",
                [story_id, members_hash, dossier_to_json(dossier, indent=None)],
            )
    return dossier


def export_parquet(db: Path | str, out_dir: Path | str, *, wait: float = 5.0) -> list[Path]:
    """Write each store table to ``out_dir/<table>.parquet``; return the files written."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with open_store(db, wait=wait, create=False) as con:
        for table in EXPORTED_TABLES:
            target = folder / f"{table}.parquet"
            quoted = str(target).replace("'", "''")
            con.execute(f"COPY (SELECT * FROM {table}) TO '{quoted}' (FORMAT parquet)")
            written.append(target)
    return written


_ARTICLE_COLUMNS = (
    "id, text, kind, source_path, title, url, outlet, published, bylines, cited_outlets, evidence"
)


def _article_from_row(row: Sequence[Any]) -> Article:
    doc_id, text, kind, source_path, title, url, outlet, published, bylines, cited, evidence = row
    return Article(
        id=doc_id,
        text=text,
        kind=InputKind(kind),
        source_path=source_path,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        bylines=tuple(bylines),
        cited_outlets=tuple(cited),
        evidence=tuple(Evidence(*fields) for fields in json.loads(evidence)),
    )


def _members_hash(members: Sequence[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    for doc_id, content in sorted(members):
        digest.update(f"{doc_id}\x00{content}\n".encode())
    return digest.hexdigest()
