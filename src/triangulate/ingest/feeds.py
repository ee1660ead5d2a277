"""RSS and Atom feeds through feedparser: one article per entry."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from triangulate.ingest.html import html_to_text
from triangulate.normalise.dates import parse_published
from triangulate.types import InputKind, Problem, RawArticle

__all__ = ["looks_like_feed", "read_feed"]


def looks_like_feed(text: str) -> bool:
    """True when the document is an RSS or Atom feed rather than a web page."""
    head = text[:2048].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def read_feed(text: str, source: str, stem: str) -> Iterator[RawArticle | Problem]:
    """Yield one article per feed entry that has text."""
    import feedparser

    parsed = feedparser.parse(text)
    entries: list[Any] = list(parsed.entries)
    if not entries:
        yield Problem(source, "the feed has no entries; nothing to read")
        return
    outlet = parsed.feed.get("title") if parsed.get("feed") else None
    for index, entry in enumerate(entries, start=1):
        html = _entry_html(entry)
        body = html_to_text(html) if html else ""
        if not body.strip():
            yield Problem(source, f"feed entry {index} has no text or summary", index)
            continue
        yield RawArticle(
            id=str(entry.get("id") or entry.get("link") or f"{stem}-{index}"),
            text=body,
            kind=InputKind.FEED,
            source_path=f"{source}#{index}",
            title=entry.get("title"),
            url=entry.get("link"),
            published=parse_published(entry.get("published") or entry.get("updated")),
            outlet=outlet,
            bylines=tuple(a.get("name", "") for a in entry.get("authors", []) if a.get("name")),
        )


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return "\n".join(str(c.get("value", "")) for c in contents)
    return str(entry.get("summary") or entry.get("description") or "")
