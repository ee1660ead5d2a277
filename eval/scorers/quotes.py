"""Quote scorer: recall / precision by span overlap, speaker accuracy on matched quotes.

A predicted quote matches a gold quote of the same document when their spans overlap; each is
matched at most once, largest overlap first. A speaker is right when it equals the gold speaker
ignoring case, or when their last words agree ("Kakar" for "Anwar ul Haq Kakar");
``speaker_exact`` counts only full-name agreement.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["score", "speakers_agree"]


def score(gold_dir: Path, dossier: dict[str, Any]) -> dict[str, float]:
    """Score ``dossier["quotes"]`` against ``gold_dir/quotes.json``."""
    gold: list[dict[str, Any]] = json.loads((gold_dir / "quotes.json").read_text("utf-8"))
    predicted: list[dict[str, Any]] = list(dossier.get("quotes", []))
    pairs = _match(gold, predicted)
    right = sum(speakers_agree(gold[g]["speaker"], predicted[p].get("speaker")) for g, p in pairs)
    exact = sum(_same(gold[g]["speaker"], predicted[p].get("speaker")) for g, p in pairs)
    precision = len(pairs) / len(predicted) if predicted else 0.0
    recall = len(pairs) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "quote_precision": precision,
        "quote_recall": recall,
        "quote_f1": f1,
        "speaker_accuracy": right / len(pairs) if pairs else 0.0,
        "speaker_exact": exact / len(pairs) if pairs else 0.0,
        "quotes_gold": float(len(gold)),
        "quotes_predicted": float(len(predicted)),
    }


def speakers_agree(gold: str | None, predicted: str | None) -> bool:
    """Same speaker ignoring case, or the same last word ("Kakar" ~ "Anwar ul Haq Kakar")."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = gold.lower().split(), predicted.lower().split()
    return bool(g and p) and (g == p or g[-1] == p[-1])


def _same(gold: str | None, predicted: str | None) -> bool:
    return (gold or "").strip().lower() == (predicted or "").strip().lower()


def _match(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    candidates = []
    for g, gq in enumerate(gold):
        for p, pq in enumerate(predicted):
            if gq["doc_id"] != pq["doc_id"]:
                continue
            overlap = min(gq["end"], pq["end"]) - max(gq["start"], pq["start"])
            if overlap > 0:
                candidates.append((overlap, g, p))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, g, p in sorted(candidates, reverse=True):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return pairs
