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
    db: Annotated[
        Path | None, typer.Option("--db", help="The store. Default: the store.db setting.")
    ] = None,
) -> None:
    """Export the store's tables as Parquet files (schema: docs/store.md)."""
    from triangulate.store import export_parquet

    written = export_parquet(db or state.settings().store.db, parquet)
    if not state.quiet:
        for path in written:
            err_console.print(f"wrote [bold]{path}[/bold]", highlight=False)
