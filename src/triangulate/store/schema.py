"""The store's schema, as numbered migrations applied in one transaction each.

Each migration is a list of SQL statements; ``schema_version`` records which ones ran. A new
schema change is a new entry at the end of ``MIGRATIONS`` (never an edit of an old one), and
docs/store.md documents the resulting tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate"]

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            seq BIGINT NOT NULL,
            content_hash VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            source_path VARCHAR,
            title VARCHAR,
            url VARCHAR,
            outlet VARCHAR,
            published DATE,
            bylines VARCHAR[] NOT NULL,
            cited_outlets VARCHAR[] NOT NULL,
            evidence VARCHAR NOT NULL,
            story_id VARCHAR NOT NULL,
            near_duplicate_of VARCHAR,
            minhash BLOB NOT NULL,
            embedding BLOB NOT NULL,
            terms VARCHAR[] NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        )""",
        """CREATE TABLE lsh_bands (
            band SMALLINT NOT NULL,
            bucket BIGINT NOT NULL,
            article_id VARCHAR NOT NULL
        )""",
        "CREATE TABLE term_df (term VARCHAR PRIMARY KEY, df BIGINT NOT NULL)",
        """CREATE TABLE stories (
            id VARCHAR PRIMARY KEY,
            title VARCHAR,
            size INTEGER NOT NULL,
            first_published DATE,
            last_published DATE,
            vector_sum BLOB NOT NULL,
            terms VARCHAR NOT NULL,
            created_seq BIGINT NOT NULL,
            updated_seq BIGINT NOT NULL
        )""",
        """CREATE TABLE dossiers (
            story_id VARCHAR PRIMARY KEY,
            members_hash VARCHAR NOT NULL,
            dossier_json VARCHAR NOT NULL,
            built_at TIMESTAMP NOT NULL
        )""",
    ),
    # 2: each story's histogram of its members' latest named years, so that a later ingest need
    # not re-read the member texts. NULL in older rows: ingest rebuilds it once, then stores it.
    ("ALTER TABLE stories ADD COLUMN years MAP(INTEGER, INTEGER)",),
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(con: duckdb.DuckDBPyConnection, target: int = SCHEMA_VERSION) -> int:
    """Apply the migrations up to ``target`` (default: all); return the schema version reached."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
    )
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    current = int(row[0]) if row else 0
    if current > SCHEMA_VERSION:
        from triangulate.errors import StoreError

        raise StoreError(
            f"the store has schema version {current}, "
            f"newer than this triangulate ({SCHEMA_VERSION}); "
            "upgrade triangulate"
        )
    for version in range(current + 1, target + 1):
        con.begin()
        try:
            for statement in MIGRATIONS[version - 1]:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [version])
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return max(current, target)
