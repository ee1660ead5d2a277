"""Plain-text articles: the file's decoded content is the document text, unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from triangulate.types import InputKind, Problem, RawArticle

__all__ = ["read_text"]


def read_text(text: str, source: str, doc_id: str) -> Iterator[RawArticle | Problem]:
    """Yield the article a plain-text input holds."""
    if not text.strip():
        yield Problem(source, "the file holds only white space; add the article's text")
        return
    yield RawArticle(id=doc_id, text=text, kind=InputKind.TEXT, source_path=source)


def doc_id_for(path: Path) -> str:
    """A document's stable id: the file name without its extension(s)."""
    name = path.name
    for suffix in (".gz", ".html", ".htm", ".txt", ".xml", ".rss", ".atom", ".jsonl"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name or path.name
