"""JSONL exports: one article a line (``id``, ``text`` or ``html``, optional metadata).

A bad line is reported with its number and the rest of the file is still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from triangulate.ingest.html import html_to_text
from triangulate.normalise.dates import parse_published
from triangulate.types import InputKind, Problem, RawArticle

__all__ = ["read_jsonl"]

MAX_LINE_CHARS = 5_000_000


def read_jsonl(lines: Iterable[str], source: str, stem: str) -> Iterator[RawArticle | Problem]:
    """Yield one article per usable line and one Problem per unusable line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield _article(line, source, stem, number)


def _article(line: str, source: str, stem: str, number: int) -> RawArticle | Problem:
    if len(line) > MAX_LINE_CHARS:
        return Problem(source, f"line is over {MAX_LINE_CHARS:,} characters; split it", number)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Problem(
            source,
            f"not valid JSON ({exc.msg} at column {exc.colno}); fix or drop the line",
            number,
        )
    if not isinstance(record, dict):
        return Problem(
            source, "a line must be a JSON object with 'id' and 'text' or 'html'", number
        )
    text = record.get("text")
    html = record.get("html")
    kind = InputKind.JSONL
    if not (isinstance(text, str) and text.strip()):
        if isinstance(html, str) and html.strip():
            text = html_to_text(html)
        if not (isinstance(text, str) and text.strip()):
            return Problem(
                source, "the object has no 'text' (or 'html') with content; add one", number
            )
    doc_id = record.get("id")
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        doc_id = f"{stem}-{number}"
    bylines = record.get("bylines") or record.get("authors") or ()
    if isinstance(bylines, str):
        bylines = (bylines,)
    return RawArticle(
        id=str(doc_id),
        text=text,
        kind=kind,
        source_path=f"{source}:{number}",
        title=_str(record.get("title")),
        url=_str(record.get("url")),
        published=parse_published(record.get("published")),
        outlet=_str(record.get("outlet")),
        bylines=tuple(str(b) for b in bylines if str(b).strip()),
    )


def _str(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
