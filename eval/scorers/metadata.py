"""Per-field accuracy of document metadata: title, outlet, published, bylines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIELDS = ("title", "outlet", "published", "bylines")


def score(gold_dir: Path, dossier: dict[str, Any]) -> dict[str, float]:
    """Accuracy per field over the story's documents (exact match, case- and space-insensitive)."""
    gold = json.loads((gold_dir / "documents.json").read_text(encoding="utf-8"))
    predicted = {d["id"]: d for d in dossier["documents"]}
    hits = dict.fromkeys(FIELDS, 0)
    for doc in gold:
        mine = predicted.get(doc["id"], {})
        for field in FIELDS:
            hits[field] += _norm(doc.get(field)) == _norm(mine.get(field))
    return {f"metadata.{f}_accuracy": hits[f] / len(gold) for f in FIELDS} if gold else {}


def _norm(value: Any) -> Any:
    if isinstance(value, list):
        return sorted(_norm(v) for v in value)
    if isinstance(value, str):
        return " ".join(value.replace("’", "'").lower().split())
    return value
