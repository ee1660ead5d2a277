"""Publication dates of real web pages: triangulate's HTML ingest against htmldate's gold.

Run: ``.venv/bin/python -m eval.html_dates`` (prints accuracy; ``evaluate()`` feeds the gate).
"""

from __future__ import annotations

import json
from pathlib import Path

from triangulate.ingest import read_inputs

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO.parent / "shared" / "data" / "html" / "htmldate-sample"


def evaluate() -> dict[str, float]:
    """Share of pages whose publication date is right, and share with a body extracted."""
    gold: dict[str, str] = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))
    right = bodies = 0
    for name, date in sorted(gold.items()):
        result = read_inputs([SAMPLE / "pages" / name])
        if result.articles:
            bodies += 1
            right += str(result.articles[0].published) == date
    return {"html.date_accuracy": right / len(gold), "html.body_rate": bodies / len(gold)}


if __name__ == "__main__":
    for key, value in evaluate().items():
        print(f"{key:28s} {value:.3f}")
