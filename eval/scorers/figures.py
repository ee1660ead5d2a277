"""Figure scorer: extraction P/R/F1 by span overlap, and field accuracy on matched figures.

A predicted figure matches a gold figure of the same document when their spans overlap; each is
matched at most once, largest overlap first. On matched pairs it measures:
- normalisation: value, low, high, qualifier and unit all equal (numbers within 1e-6 relative);
- attribution: the same speaker as :func:`eval.scorers._speakers.speakers_agree` reads it
  ("Kakar" for "Anwar ul Haq Kakar"); both null counts as agreement (the outlet states it);
- as_of: the same date (or both null).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from eval.scorers._spans import match_spans
from eval.scorers._speakers import speakers_agree

__all__ = ["score"]

_NUMBERS = ("value", "low", "high")


def score(gold_dir: Path, dossier: dict[str, Any]) -> dict[str, float]:
    """Score ``dossier["figures"]`` against ``gold_dir/figures.json``."""
    gold: list[dict[str, Any]] = json.loads((gold_dir / "figures.json").read_text("utf-8"))[
        "figures"
    ]
    predicted: list[dict[str, Any]] = list(dossier.get("figures", []))
    pairs = match_spans(gold, predicted)
    precision = len(pairs) / len(predicted) if predicted else 0.0
    recall = len(pairs) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def share(test: Any) -> float:
        right = sum(bool(test(gold[g], predicted[p])) for g, p in pairs)
        return right / len(pairs)

    scores = {
        "figure_precision": precision,
        "figure_recall": recall,
        "figure_f1": f1,
        "figures_gold": float(len(gold)),
        "figures_predicted": float(len(predicted)),
    }
    if pairs:  # no matched figure: nothing to normalise or attribute (not a zero)
        scores |= {
            "figure_normalisation_accuracy": share(_same_amount),
            "figure_value_accuracy": share(
                lambda g, p: all(_same_number(g.get(k), p.get(k)) for k in _NUMBERS)
            ),
            "figure_attribution_accuracy": share(
                lambda g, p: speakers_agree(g.get("attributed_to"), p.get("attributed_to"))
            ),
            "figure_as_of_accuracy": share(lambda g, p: g.get("as_of") == p.get("as_of")),
        }
    return scores


def _same_amount(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    return (
        all(_same_number(gold.get(k), predicted.get(k)) for k in _NUMBERS)
        and gold.get("qualifier") == predicted.get("qualifier")
        and gold.get("unit") == predicted.get("unit")
    )


def _same_number(gold: float | None, predicted: float | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return math.isclose(float(gold), float(predicted), rel_tol=1e-6)
