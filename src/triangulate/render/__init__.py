"""Render: a Dossier as JSON, Markdown or a self-contained HTML report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from triangulate.render.json import dossier_to_json
from triangulate.render.markdown import dossier_to_markdown
from triangulate.types import Dossier

__all__ = ["FORMATS", "format_for", "register_renderer", "render"]

_RENDERERS: dict[str, Callable[[Dossier], str]] = {}
_SUFFIXES = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def register_renderer(name: str, renderer: Callable[[Dossier], str]) -> None:
    """Make a renderer available under a format name (built-in ones use this too)."""
    _RENDERERS[name] = renderer


register_renderer("json", lambda d: dossier_to_json(d) + "\n")
register_renderer("markdown", dossier_to_markdown)

FORMATS = ("json", "markdown", "html")


def render(dossier: Dossier, fmt: str) -> str:
    """Render a dossier in one of :data:`FORMATS`."""
    if fmt == "html" and "html" not in _RENDERERS:
        from triangulate.render.html import dossier_to_html

        register_renderer("html", dossier_to_html)
    return _RENDERERS[fmt](dossier)


def format_for(path: Path) -> str:
    """The output format a file's suffix implies (json when the suffix says nothing)."""
    return _SUFFIXES.get(path.suffix.lower(), "json")
