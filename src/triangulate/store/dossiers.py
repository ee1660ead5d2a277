"""Read a cached dossier back: the contract JSON (as written by render.json) to a Dossier.

The cache holds the rendered JSON, the form other tools read too; this loader turns it back into
records so every renderer works on a cached dossier as on a fresh one. Fields the JSON does not
carry (a figure's sentence span, a quote's speaker span) come back as their defaults.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from triangulate.types import (
    Amount,
    Article,
    BriefSentence,
    Dossier,
    Entity,
    Event,
    Evidence,
    Figure,
    InputKind,
    Measure,
    Problem,
    Quote,
    Span,
)

__all__ = ["dossier_from_dict"]


def dossier_from_dict(data: Mapping[str, Any]) -> Dossier:
    """Rebuild a Dossier from its contract JSON (the inverse of ``dossier_to_dict``)."""
    documents = tuple(_article(d) for d in data["documents"])
    return Dossier(
        documents=documents,
        figures=tuple(_figure(f) for f in data["figures"]),
        measures=tuple(
            Measure(
                id=m["id"],
                label=m["label"],
                verdict=m["verdict"],
                reason=m.get("reason", ""),
                figure_ids=tuple(m["figure_ids"]),
                origins=tuple(m.get("origins", ())),
                outlets=tuple(m.get("outlets", ())),
            )
            for m in data["measures"]
        ),
        quotes=tuple(
            Quote(
                id=q["id"],
                doc_id=q["doc_id"],
                start=q["start"],
                end=q["end"],
                text=q["text"],
                speaker=q.get("speaker"),
                cluster=q.get("cluster"),
                earliest=bool(q.get("earliest")),
            )
            for q in data["quotes"]
        ),
        events=tuple(
            Event(
                id=e["id"],
                date=e["date"],
                precision=e.get("precision", _precision(e["date"])),
                description=e["description"],
                mentions=tuple(_span(s) for s in e["mentions"]),
            )
            for e in data["events"]
        ),
        entities=tuple(
            Entity(
                id=e["id"],
                name=e["name"],
                type=e["type"],
                aliases=tuple(e["aliases"]),
                mentions=tuple(_span(s) for s in e["mentions"]),
            )
            for e in data["entities"]
        ),
        brief=tuple(
            BriefSentence(text=b["text"], citations=tuple(_span(c) for c in b["citations"]))
            for b in data["brief"]
        ),
        derived_from={
            d["id"]: d["derived_from"] for d in data["documents"] if d.get("derived_from")
        },
        coverage=dict(data.get("coverage") or {}),
        problems=tuple(
            Problem(source=p["source"], message=p["message"], line=p.get("line"))
            for p in data.get("problems", ())
        ),
    )


def _article(d: Mapping[str, Any]) -> Article:
    return Article(
        id=d["id"],
        text=d["text"],
        kind=InputKind(d.get("kind", InputKind.TEXT)),
        source_path=d.get("source_path"),
        title=d.get("title"),
        url=d.get("url"),
        outlet=d.get("outlet"),
        published=_date(d.get("published")),
        bylines=tuple(d.get("bylines", ())),
        cited_outlets=tuple(d.get("cited_outlets", ())),
        evidence=tuple(
            Evidence(field=e["field"], method=e["method"], start=e.get("start"), end=e.get("end"))
            for e in d.get("evidence", ())
        ),
    )


def _figure(f: Mapping[str, Any]) -> Figure:
    amount = Amount(
        value=f.get("value"),
        low=f.get("low"),
        high=f.get("high"),
        qualifier=f.get("qualifier"),
        unit=f.get("unit"),
        multiplier=bool(f.get("multiplier", False)),
    )
    return Figure(
        id=f["id"],
        doc_id=f["doc_id"],
        start=f["start"],
        end=f["end"],
        text=f["text"],
        amount=amount,
        counted=f.get("counted"),
        change=f.get("change"),
        attributed_to=f.get("attributed_to"),
        as_of=_date(f.get("as_of")),
        holder=f.get("holder"),
    )


def _span(s: Mapping[str, Any]) -> Span:
    return Span(doc_id=s["doc_id"], start=s["start"], end=s["end"])


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _precision(date: str) -> str:
    return {4: "year", 7: "month"}.get(len(date), "day")
