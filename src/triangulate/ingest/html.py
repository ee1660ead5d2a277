"""HTML pages: body text and metadata through trafilatura, publication date through htmldate."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

from triangulate.types import InputKind, Problem, RawArticle

__all__ = ["html_to_text", "read_html"]

log = logging.getLogger(__name__)


def read_html(
    html: str, source: str, doc_id: str, url: str | None = None
) -> Iterator[RawArticle | Problem]:
    """Yield the article an HTML page holds, or a Problem when it has no article body."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        log.debug("trafilatura failed on %s: %s", source, exc)
        extracted = None
    body = _field(extracted, "text")
    if not body or not body.strip():
        yield Problem(
            source,
            "no article body found in the HTML (is it a login wall, an index page or a script-"
            "only page?); save the article page itself or give its text as .txt",
        )
        return
    yield RawArticle(
        id=doc_id,
        text=body,
        kind=InputKind.HTML,
        source_path=source,
        title=_field(extracted, "title"),
        url=url or _field(extracted, "url"),
        published=_publication_date(html, url),
        outlet=_field(extracted, "sitename"),
        bylines=_authors(_field(extracted, "author")),
    )


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment (feed summaries, JSONL ``html`` fields)."""
    import trafilatura

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False)
    except Exception:  # broken fragments fall back to a plain tag strip
        text = None
    if text:
        return str(text)
    from lxml import html as lxml_html  # type: ignore[import-untyped]  # lxml ships no stubs

    try:
        return str(lxml_html.fromstring(html).text_content()).strip()
    except Exception:
        return ""


def _field(extracted: object, name: str) -> str | None:
    if extracted is None:
        return None
    value = extracted.get(name) if isinstance(extracted, dict) else getattr(extracted, name, None)
    return str(value) if value else None


def _publication_date(html: str, url: str | None) -> dt.date | None:
    from htmldate import find_date

    try:
        found = find_date(html, url=url, original_date=True, extensive_search=True)
    except Exception:  # htmldate parses arbitrary markup; a failure only costs the date
        return None
    if not found:
        return None
    try:
        return dt.date.fromisoformat(str(found)[:10])
    except ValueError:
        return None


def _authors(author: str | None) -> tuple[str, ...]:
    if not author:
        return ()
    return tuple(a.strip() for a in author.replace(" and ", ";").split(";") if a.strip())
