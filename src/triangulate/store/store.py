"""Open the DuckDB store: one writer process at a time, schema migrated, batches transactional.

DuckDB locks the database file for as long as a process holds it open, so a second process
(writer or reader) cannot open it meanwhile. ``open_store`` retries for ``wait`` seconds and then
raises :class:`~triangulate.errors.StoreBusyError` with a message that says what to do.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from triangulate.errors import StoreBusyError, StoreError
from triangulate.store.schema import migrate

__all__ = ["DEFAULT_DB", "insert_columns", "open_store", "transaction"]

DEFAULT_DB = Path("triangulate.duckdb")
_LOCK_MARKERS = ("could not set lock", "conflicting lock")


# DuckDB's buffer cache would grow with the corpus (80 % of RAM by default); past this it
# spills to disk, so a long ingest's memory stays bounded by its batch, not the store's size.
MEMORY_LIMIT = "256MB"


@contextmanager
def open_store(
    db: Path | str, *, wait: float = 5.0, create: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open (creating if ``create``) and migrate the store at ``db``; close it on exit."""
    path = Path(db)
    if not create and not path.exists():
        raise StoreError(f"no store at {path}; run 'triangulate ingest PATH... --db {path}' first")
    if path.parent != Path() and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    con = _connect(path, wait)
    try:
        migrate(con)
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run a block in one transaction: it commits whole or, on any error, not at all."""
    con.begin()
    try:
        yield con
    except BaseException:
        con.rollback()
        raise
    con.commit()


def insert_columns(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[tuple[str, str, Sequence[Any]]],
    *,
    on_conflict: str = "",
) -> None:
    """Insert rows given column-wise as (name, DuckDB type, values), in one statement."""
    if not columns or not columns[0][2]:
        return
    names = ", ".join(name for name, _, _ in columns)
    unnested = ", ".join(
        f"unnest(${i}::{kind}[]) AS {name}" for i, (name, kind, _) in enumerate(columns, 1)
    )
    sql = f"INSERT INTO {table} ({names}) SELECT {names} FROM (SELECT {unnested}) {on_conflict}"
    con.execute(sql, [list(values) for _, _, values in columns])


def _connect(path: Path, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + max(0.0, wait)
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), config={"memory_limit": MEMORY_LIMIT})
        except duckdb.IOException as exc:
            message = str(exc).lower()
            if not any(marker in message for marker in _LOCK_MARKERS):
                raise StoreError(f"cannot open the store at {path}: {exc}") from exc
            if time.monotonic() >= deadline:
                raise StoreBusyError(
                    f"store is busy: another triangulate process is writing to {path}; "
                    "retry when it finishes"
                ) from exc
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open the store at {path} ({exc}); is it a triangulate DuckDB file?"
            ) from exc
        time.sleep(delay)
        delay = min(delay * 2, 0.5)
