"""The command line: thin Typer commands over the library, one module per command."""

from __future__ import annotations

from triangulate.cli.app import app, main

__all__ = ["app", "main"]
