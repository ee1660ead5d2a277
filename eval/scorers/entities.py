"""Alias-merge scorer: pairwise precision / recall / F1 over the gold clusters' surface forms.

Every pair of surface forms listed in the gold clusters is a pair that should be merged (same
gold cluster) or kept apart. A predicted entity merges a pair when both forms are among its
aliases (compared ignoring case); a form no predicted entity carries is a singleton, so missing
aliases cost recall, and ``alias_coverage`` reports how many gold forms were found at all.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

__all__ = ["score"]


def score(gold_dir: Path, dossier: dict[str, Any]) -> dict[str, float]:
    """Score ``dossier["entities"]`` against ``gold_dir/entities.json``."""
    gold: list[dict[str, Any]] = json.loads((gold_dir / "entities.json").read_text("utf-8"))
    gold_cluster: dict[str, int] = {}
    for number, cluster in enumerate(gold):
        for alias in (cluster["name"], *cluster["aliases"]):
            gold_cluster.setdefault(alias.lower(), number)
    predicted: dict[str, set[int]] = {}
    for number, entity in enumerate(dossier.get("entities", [])):
        for alias in (entity["name"], *entity.get("aliases", [])):
            predicted.setdefault(alias.lower(), set()).add(number)
    forms = sorted(gold_cluster)
    tp = fp = fn = 0
    for a, b in itertools.combinations(forms, 2):
        same_gold = gold_cluster[a] == gold_cluster[b]
        same_pred = bool(predicted.get(a, set()) & predicted.get(b, set()))
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    coverage = sum(form in predicted for form in forms) / len(forms) if forms else 0.0
    return {
        "alias_precision": precision,
        "alias_recall": recall,
        "alias_f1": f1,
        "alias_coverage": coverage,
    }
