"""Measure scorer: how well figures are aligned into measures, and whether verdicts are right.

Predicted figures are matched to gold figures of the same document by span overlap (largest
overlap first, each at most once). Over the matched figures:

- alignment: every pair of matched figures is positive in the gold when both belong to one gold
  measure, and predicted positive when both belong to one predicted measure; pairwise
  precision, recall and F1 follow (an empty denominator scores 1.0: nothing claimed, nothing
  missed);
- verdicts: for each gold measure with at least two matched figures, the predicted measure
  holding most of them (ties: the first listed) must carry the gold verdict.

A story with no pair to align (or no measure to judge) gets no alignment (or verdict) score, so
that it does not count as a perfect story in the mean.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from pathlib import Path
from typing import Any

__all__ = ["score"]


def score(gold_dir: Path, dossier: dict[str, Any]) -> dict[str, float]:
    """Score ``dossier["measures"]`` against the measures in ``gold_dir/figures.json``."""
    gold_file: dict[str, Any] = json.loads((gold_dir / "figures.json").read_text("utf-8"))
    gold: list[dict[str, Any]] = gold_file["figures"]
    verdicts = {m["id"]: m["verdict"] for m in gold_file["measures"]}
    predicted: list[dict[str, Any]] = list(dossier.get("figures", []))
    measures: list[dict[str, Any]] = list(dossier.get("measures", []))
    rank = {m["id"]: i for i, m in enumerate(measures)}
    measure_of = {fid: m["id"] for m in measures for fid in m["figure_ids"]}
    pairs = [
        (gold[g]["measure"], measure_of.get(predicted[p]["id"])) for g, p in _match(gold, predicted)
    ]

    true_pos = gold_pos = pred_pos = 0
    for (gold_a, pred_a), (gold_b, pred_b) in itertools.combinations(pairs, 2):
        same_gold = gold_a == gold_b
        same_pred = pred_a is not None and pred_a == pred_b
        gold_pos += same_gold
        pred_pos += same_pred
        true_pos += same_gold and same_pred
    precision = true_pos / pred_pos if pred_pos else 1.0
    recall = true_pos / gold_pos if gold_pos else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    judged = right = 0
    for gold_measure, count in Counter(g for g, _ in pairs).items():
        if count < 2:
            continue
        holders = Counter(p for g, p in pairs if g == gold_measure and p is not None)
        judged += 1
        if holders:
            best = min(holders, key=lambda m: (-holders[m], rank.get(m, len(rank))))
            right += measures[rank[best]]["verdict"] == verdicts.get(gold_measure)
    scores = {"verdict_judged": float(judged), "measure_figures_matched": float(len(pairs))}
    # A story with nothing to align or judge tells nothing either way: no score (it would
    # otherwise count as perfect in the mean over stories).
    if gold_pos or pred_pos:
        scores |= {"alignment_precision": precision, "alignment_recall": recall, "alignment_f1": f1}
    if judged:
        scores["verdict_accuracy"] = right / judged
    return scores


def _match(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs: same document, overlapping spans, best first."""
    candidates = []
    for g, gf in enumerate(gold):
        for p, pf in enumerate(predicted):
            if gf["doc_id"] == pf["doc_id"]:
                overlap = min(gf["end"], pf["end"]) - max(gf["start"], pf["start"])
                if overlap > 0:
                    candidates.append((overlap, -g, -p))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, neg_g, neg_p in sorted(candidates, reverse=True):
        g, p = -neg_g, -neg_p
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)
