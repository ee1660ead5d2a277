"""Matching predicted items to gold items by character span, shared by the scorers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def match_spans(
    gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]
) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs: same document, overlapping spans, one to one.

    Pairs are taken greedily by largest overlap; ties go to the earlier gold, then the earlier
    prediction, so the result is deterministic.
    """
    candidates = []
    for g, gold_item in enumerate(gold):
        for p, item in enumerate(predicted):
            if gold_item["doc_id"] != item["doc_id"]:
                continue
            overlap = min(gold_item["end"], item["end"]) - max(gold_item["start"], item["start"])
            if overlap > 0:
                candidates.append((-overlap, g, p))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, g, p in sorted(candidates):
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
            pairs.append((g, p))
    return pairs
