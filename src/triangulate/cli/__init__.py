"""The command line: thin Typer commands over the library, one module per command.

Importing this package registers every command on :data:`app`.
"""

from __future__ import annotations

from triangulate.cli import dossier as _dossier  # noqa: F401  (registers the command)
from triangulate.cli.app import app, main

__all__ = ["app", "main"]
