"""The dossier as the contract's JSON (see ``schema/dossier.schema.json``)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from triangulate.types import Article, Dossier, Figure, Span

__all__ = ["SCHEMA_VERSION", "dossier_schema", "dossier_to_dict", "dossier_to_json", "validate"]

SCHEMA_VERSION = "1"


def dossier_to_dict(dossier: Dossier) -> dict[str, Any]:
    """The dossier as plain JSON-ready data, in the contract's shape (plus extra fields)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [_document(a, dossier.derived_from.get(a.id)) for a in dossier.documents],
        "figures": [_figure(f) for f in dossier.figures],
        "measures": [
            {
                "id": m.id,
                "label": m.label,
                "verdict": m.verdict,
                "reason": m.reason,
                "figure_ids": list(m.figure_ids),
                "origins": list(m.origins),
                "outlets": list(m.outlets),
            }
            for m in dossier.measures
        ],
        "quotes": [
            {
                "id": q.id,
                "doc_id": q.doc_id,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "cluster": q.cluster,
                "earliest": q.earliest,
            }
            for q in dossier.quotes
        ],
        "events": [
            {
                "id": e.id,
                "date": e.date,
                "precision": e.precision,
                "description": e.description,
                "mentions": [_span(s) for s in e.mentions],
            }
            for e in dossier.events
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "mentions": [_span(s) for s in e.mentions],
            }
            for e in dossier.entities
        ],
        "brief": [
            {"text": b.text, "citations": [_span(c) for c in b.citations]} for b in dossier.brief
        ],
        "coverage": dossier.coverage,
        "problems": [
            {"source": p.source, "line": p.line, "message": p.message} for p in dossier.problems
        ],
    }


def dossier_to_json(dossier: Dossier, *, indent: int | None = 2) -> str:
    """The dossier as a JSON string."""
    return json.dumps(dossier_to_dict(dossier), ensure_ascii=False, indent=indent)


@cache
def dossier_schema() -> dict[str, Any]:
    """The published JSON Schema of a dossier."""
    text = resources.files("triangulate").joinpath("schema/dossier.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``data`` does not follow the published schema."""
    import jsonschema

    jsonschema.validate(data, dossier_schema())


def _document(article: Article, derived_from: str | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "source_path": article.source_path,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "bylines": list(article.bylines),
        "url": article.url,
        "cited_outlets": list(article.cited_outlets),
        "text": article.text,
        "derived_from": derived_from,
        "evidence": [
            {"field": e.field, "method": e.method, "start": e.start, "end": e.end}
            for e in article.evidence
        ],
    }


def _figure(figure: Figure) -> dict[str, Any]:
    amount = figure.amount
    return {
        "id": figure.id,
        "doc_id": figure.doc_id,
        "start": figure.start,
        "end": figure.end,
        "text": figure.text,
        "value": _number(amount.value),
        "low": _number(amount.low),
        "high": _number(amount.high),
        "qualifier": amount.qualifier,
        "unit": amount.unit,
        "multiplier": amount.multiplier,
        "counted": figure.counted,
        "change": figure.change,
        "attributed_to": figure.attributed_to,
        "as_of": figure.as_of.isoformat() if figure.as_of else None,
        "holder": figure.holder,
    }


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _span(span: Span) -> dict[str, Any]:
    return {"doc_id": span.doc_id, "start": span.start, "end": span.end}
