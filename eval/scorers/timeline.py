"""Timeline scorer: date mentions found, their resolved dates, and how they group into events.

* ``date_precision`` / ``date_recall`` / ``date_f1``: a predicted mention (an event mention in
  the dossier) matches a gold mention of ``events.json`` when their character spans overlap in
  the same document; each gold mention is matched at most once.
* ``date_value_accuracy``: among matched mentions, the share whose event date equals the gold
  date; ``date_value_compatible`` also accepts a date that holds or is held by the gold one
  ("2023" for "2023-01", as "in the first half of 2023" may be written either way).
* ``event_pairwise_precision`` / ``_recall`` / ``_f1``: over pairs of matched gold mentions,
  "same gold ``event`` key" against "same predicted event".

Gold mentions whose event key starts with ``publication`` (the article's own date in its header
or dateline) are ignored: the pipeline drops those as metadata, so the metric measures the
dates the story tells. A prediction overlapping such a mention is ignored too, neither a hit
nor a false positive.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

__all__ = ["score"]

_METADATA_PREFIX = "publication"


def score(gold_dir: Path, dossier: dict[str, Any]) -> dict[str, float]:
    """Score ``dossier["events"]`` against ``gold_dir/events.json``."""
    every: list[dict[str, Any]] = json.loads((gold_dir / "events.json").read_text("utf-8"))
    gold = [g for g in every if not str(g["event"]).startswith(_METADATA_PREFIX)]
    metadata = [g for g in every if str(g["event"]).startswith(_METADATA_PREFIX)]
    gold_docs = {g["doc_id"] for g in every} | _gold_doc_ids(gold_dir)
    predicted = [
        (m["doc_id"], m["start"], m["end"], event["date"], event["id"])
        for event in dossier.get("events", [])
        for m in event.get("mentions", [])
        if m["doc_id"] in gold_docs and not _overlaps_any(m, metadata)
    ]
    matched: dict[int, tuple[str, str]] = {}  # gold index -> (predicted date, event id)
    used_predictions = set()
    for p_index, (doc_id, start, end, date, event_id) in enumerate(predicted):
        for g_index, g in enumerate(gold):
            if g_index in matched or g["doc_id"] != doc_id:
                continue
            if start < g["end"] and g["start"] < end:
                matched[g_index] = (date, event_id)
                used_predictions.add(p_index)
                break
    precision = len(used_predictions) / len(predicted) if predicted else 1.0
    recall = len(matched) / len(gold) if gold else 1.0
    exact = sum(gold[i]["date"] == date for i, (date, _) in matched.items())
    compatible = sum(
        gold[i]["date"].startswith(date) or date.startswith(gold[i]["date"])
        for i, (date, _) in matched.items()
    )
    pair_p, pair_r = _pairwise(gold, matched)
    return {
        "date_precision": precision,
        "date_recall": recall,
        "date_f1": _f1(precision, recall),
        # No gold dates (an undated story) and none matched: nothing to get wrong.
        "date_value_accuracy": exact / len(matched) if matched else float(not gold),
        "date_value_compatible": compatible / len(matched) if matched else float(not gold),
        "event_pairwise_precision": pair_p,
        "event_pairwise_recall": pair_r,
        "event_pairwise_f1": _f1(pair_p, pair_r),
    }


def _overlaps_any(mention: dict[str, Any], gold: list[dict[str, Any]]) -> bool:
    return any(
        g["doc_id"] == mention["doc_id"]
        and mention["start"] < g["end"]
        and g["start"] < mention["end"]
        for g in gold
    )


def _gold_doc_ids(gold_dir: Path) -> set[str]:
    path = gold_dir / "documents.json"
    if not path.is_file():
        return set()
    return {d["id"] for d in json.loads(path.read_text("utf-8"))}


def _pairwise(
    gold: list[dict[str, Any]], matched: dict[int, tuple[str, str]]
) -> tuple[float, float]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(matched), 2):
        same_gold = gold[a]["event"] == gold[b]["event"]
        same_pred = matched[a][1] == matched[b][1]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
