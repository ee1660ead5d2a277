"""Derivative scorer: which documents the dossier marks as rewrites of another.

A predicted pair is ``(document, derived_from)`` from ``dossier["documents"]``; a gold pair the
same from ``documents.json``. Precision and recall over those pairs (1.0 when there is nothing
to find and nothing was claimed), plus ``false_positives``: documents wrongly marked derived.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["score"]


def score(gold_dir: Path, dossier: dict[str, Any]) -> dict[str, float]:
    """Score ``documents[].derived_from`` against ``gold_dir/documents.json``."""
    gold_docs: list[dict[str, Any]] = json.loads((gold_dir / "documents.json").read_text("utf-8"))
    ids = {d["id"] for d in gold_docs}
    gold = {(d["id"], d["derived_from"]) for d in gold_docs if d.get("derived_from")}
    predicted = {
        (d["id"], d["derived_from"])
        for d in dossier.get("documents", [])
        if d.get("derived_from") and d["id"] in ids
    }
    hits = len(gold & predicted)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "derived_precision": precision,
        "derived_recall": recall,
        "derived_f1": f1,
        "false_positives": float(len(predicted - gold)),
    }
