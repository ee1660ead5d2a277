"""``triangulate dossier``: build the dossier of the story that the given articles form."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from triangulate.cli.app import app, err_console, handle_errors, state
from triangulate.cli.progress import progress_bar
from triangulate.render import FORMATS, format_for, render

__all__ = ["dossier"]


@app.command()
@handle_errors
def dossier(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Articles: .txt, .html/.htm, .jsonl (one article a line), RSS/Atom files, "
            "folders of them, or '-' for standard input. All inputs form one story.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=f"Output format: {', '.join(FORMATS)}. "
            "Default: from the -o file's suffix, else json.",
        ),
    ] = None,
    output: Annotated[
        list[Path] | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to FILE instead of standard output; repeat for several files "
            "(e.g. -o dossier.json -o dossier.md: one run, two formats).",
        ),
    ] = None,
    aliases: Annotated[
        Path | None,
        typer.Option(
            "--aliases",
            help="TOML file of entity aliases that override automatic merges. "
            "Default: the dossier.aliases setting.",
        ),
    ] = None,
    story: Annotated[
        str | None,
        typer.Option("--story", help="Build the dossier of a stored story (see 'stories')."),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="The store, for --story. Default: the store.db setting."),
    ] = None,
) -> None:
    """Build a dossier: sources, figure ledger with verdicts, quotes, timeline, entities, brief."""
    if output_format is not None and output_format not in FORMATS:
        raise typer.BadParameter(
            f"{output_format!r} is not one of {', '.join(FORMATS)}", param_hint="--format"
        )
    if story is not None:
        from triangulate.store import build_story_dossier

        result = build_story_dossier(db or state.settings().store.db, story)
        skipped = list(result.problems)
        used = len(result.documents)
    else:
        if not paths:
            raise typer.BadParameter(
                "give at least one PATH (or '-' for standard input), or --story ID"
            )
        from triangulate.pipeline import dossier_from_paths

        with progress_bar("Reading articles", enabled=not state.quiet) as advance:
            result, ingested = dossier_from_paths(
                paths,
                stdin=sys.stdin,
                alias_file=aliases,
                progress=advance,
                settings=state.settings(),
            )
        skipped = list(ingested.problems)
        used = len(ingested.articles)
    for problem in skipped:
        err_console.print(f"[yellow]skipped[/yellow] {problem}", highlight=False, soft_wrap=True)
    targets = output or []
    if not targets:
        sys.stdout.write(render(result, output_format or "json"))
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        fmt = output_format or format_for(target)
        target.write_text(render(result, fmt), encoding="utf-8")
        if not state.quiet:
            err_console.print(f"wrote {fmt} dossier to [bold]{target}[/bold]", highlight=False)
    if not state.quiet:
        err_console.print(
            f"{used} article(s) used, {len(skipped)} input(s) skipped; "
            f"{len(result.figures)} figures in {len(result.measures)} measures, "
            f"{len(result.quotes)} quotes, {len(result.events)} events",
            highlight=False,
        )
