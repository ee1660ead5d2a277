"""The command line: thin Typer commands over the library, one module per command.

Importing this package registers every command on :data:`app`.
"""

from __future__ import annotations

# Importing a command module registers its command on app, in this order in --help.
from triangulate.cli import dossier as _dossier  # noqa: F401
from triangulate.cli import export as _export  # noqa: F401
from triangulate.cli import ingest as _ingest  # noqa: F401
from triangulate.cli import stories as _stories  # noqa: F401
from triangulate.cli.app import app, main

__all__ = ["app", "main"]
