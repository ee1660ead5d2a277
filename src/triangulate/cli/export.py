"""``triangulate export``: write the store's tables for other tools."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from triangulate.cli.app import app, err_console, handle_errors, state

__all__ = ["export"]


@app.command()
@handle_errors
def export(
    parquet: Annotated[
        Path, typer.Option("--parquet", help="Folder to write one .parquet file per table into.")
    ],
    db: Annotated[Path, typer.Option("--db", help="The store.")] = Path("triangulate.duckdb"),
) -> None:
    """Export the store's tables as Parquet files (schema: docs/store.md)."""
    from triangulate.store import export_parquet

    written = export_parquet(db, parquet)
    if not state.quiet:
        for path in written:
            err_console.print(f"wrote [bold]{path}[/bold]", highlight=False)
