"""``triangulate stories``: list the stories in the store, as a table or as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from triangulate.cli.app import app, console, handle_errors, state

__all__ = ["stories"]

_FORMATS = ("table", "json")


@app.command()
@handle_errors
def stories(
    db: Annotated[
        Path | None, typer.Option("--db", help="The store. Default: the store.db setting.")
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="table (for people) or json (a list of {id, title, documents, ...}).",
        ),
    ] = "table",
    min_size: Annotated[
        int, typer.Option("--min-size", min=1, help="Hide stories with fewer articles.")
    ] = 1,
) -> None:
    """List the stories in the store: size, outlets, date span, key terms, headline."""
    if output_format not in _FORMATS:
        raise typer.BadParameter(
            f"{output_format!r} is not one of {', '.join(_FORMATS)}", param_hint="--format"
        )
    from triangulate.store import list_stories

    found = list_stories(db or state.settings().store.db, min_size=min_size)
    if output_format == "json":
        sys.stdout.write(
            json.dumps([s.to_dict() for s in found], ensure_ascii=False, indent=2) + "\n"
        )
        return
    table = Table("story", "size", "outlets", "dates", "key terms", "headline")
    for story in found:
        span = story.first_published, story.last_published
        dates = (
            ""
            if span[0] is None
            else (str(span[0]) if span[0] == span[1] else f"{span[0]} – {span[1]}")
        )
        outlets = ", ".join(story.outlets[:3]) + (
            f" +{len(story.outlets) - 3}" if len(story.outlets) > 3 else ""
        )
        table.add_row(
            story.id, str(story.size), outlets, dates, ", ".join(story.top_terms), story.title or ""
        )
    console.print(table)
