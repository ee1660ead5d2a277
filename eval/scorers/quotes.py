"""Quote scorer: recall / precision by span overlap, speaker accuracy on matched quotes.

A predicted quote matches a gold quote of the same document when their spans overlap; each is
matched at most once, largest overlap first. A speaker is right when it names the gold speaker
(:func:`eval.scorers._speakers.speakers_agree`: "Kakar" for "Anwar ul Haq Kakar", "a spokesman
for the Indian Navy" for "Indian Navy spokesman"); ``speaker_exact`` counts only full-name
agreement. A story whose gold has no quote gets no recall nor F1, only a precision of 0.0
when quotes were found in it anyway.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eval.scorers._spans import match_spans
from eval.scorers._speakers import speakers_agree

__all__ = ["score", "speakers_agree"]


def score(gold_dir: Path, dossier: dict[str, Any]) -> dict[str, float]:
    """Score ``dossier["quotes"]`` against ``gold_dir/quotes.json``."""
    gold: list[dict[str, Any]] = json.loads((gold_dir / "quotes.json").read_text("utf-8"))
    predicted: list[dict[str, Any]] = list(dossier.get("quotes", []))
    pairs = match_spans(gold, predicted)
    right = sum(speakers_agree(gold[g]["speaker"], predicted[p].get("speaker")) for g, p in pairs)
    exact = sum(_same(gold[g]["speaker"], predicted[p].get("speaker")) for g, p in pairs)
    scores = {"quotes_gold": float(len(gold)), "quotes_predicted": float(len(predicted))}
    if predicted:  # quotes found where the gold has none are all wrong
        scores["quote_precision"] = len(pairs) / len(predicted)
    if gold:  # a story without quotes has nothing to recall: no score, not a zero
        precision, recall = scores.get("quote_precision", 0.0), len(pairs) / len(gold)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores |= {"quote_recall": recall, "quote_f1": f1}
    if pairs:  # no matched quote: no speaker to score (not a zero, not a perfect score)
        scores |= {"speaker_accuracy": right / len(pairs), "speaker_exact": exact / len(pairs)}
    return scores


def _same(gold: str | None, predicted: str | None) -> bool:
    return (gold or "").strip().lower() == (predicted or "").strip().lower()
