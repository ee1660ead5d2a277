"""``triangulate ingest``: add articles to the store and cluster them into stories."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from triangulate.cli.app import app, err_console, handle_errors, state
from triangulate.cli.progress import progress_bar
from triangulate.errors import NoUsableInputError

__all__ = ["ingest"]


@app.command()
@handle_errors
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Articles: .txt, .html/.htm, .jsonl (one article a line), RSS/Atom files, "
            "folders of them, or '-' for standard input.",
            show_default=False,
        ),
    ],
    db: Annotated[
        Path | None,
        typer.Option("--db", help="The store (created if missing). Default: the store.db setting."),
    ] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(
            "--batch-size",
            min=1,
            help="Articles per transaction (memory grows with it). "
            "Default: the store.batch_size setting.",
        ),
    ] = None,
) -> None:
    """Add articles to the store (idempotent: re-ingesting an article adds nothing)."""
    from triangulate.store import ingest as ingest_paths

    settings = state.settings()
    db = db or settings.store.db
    batch_size = batch_size or settings.store.batch_size
    with progress_bar("Ingesting", enabled=not state.quiet) as advance:
        report = ingest_paths(
            paths,
            db,
            batch_size=batch_size,
            progress=advance,
            max_file_bytes=settings.ingest.max_file_bytes,
        )
    for problem in report.problems:
        err_console.print(f"[yellow]skipped[/yellow] {problem}", highlight=False, soft_wrap=True)
    if report.used == 0 and report.duplicate == 0:
        raise NoUsableInputError(f"no input could be used; nothing was added to {db}")
    if not state.quiet:
        err_console.print(f"{report.summary()} -> {db}", highlight=False)
