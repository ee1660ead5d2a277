"""Pin the gate's minimums from a scores file: each gated metric, less a small margin.

Run after a deliberate improvement (``python -m eval.run --json /tmp/s.json`` first)::

    .venv/bin/python -m eval.pin /tmp/s.json

The margin absorbs run-to-run noise (the story stream order in clustering, float rounding);
a real regression is larger than that.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eval.run import MINIMUMS

GATED = (
    "metadata.title_accuracy",
    "metadata.outlet_accuracy",
    "metadata.published_accuracy",
    "metadata.bylines_accuracy",
    "html.date_accuracy",
    "html.body_rate",
    "numbers_accuracy",
    "figure_f1",
    "figure_normalisation_accuracy",
    "figure_value_accuracy",
    "figure_attribution_accuracy",
    "figure_as_of_accuracy",
    "alignment_f1",
    "verdict_accuracy",
    "quote_f1",
    "speaker_accuracy",
    "alias_precision",
    "alias_f1",
    "date_f1",
    "date_value_accuracy",
    "event_pairwise_f1",
    "derived_precision",
    "b3_f1",
    "heldout_b3_f1",
)
MARGIN = 0.02


def main(path: str) -> int:
    """Write eval/minimums.json from the overall scores in ``path``."""
    overall = json.loads(Path(path).read_text(encoding="utf-8"))["overall"]
    keys = [k for key in GATED for k in (key, f"heldout:{key}") if k in overall]
    pinned = {key: round(max(0.0, overall[key] - MARGIN), 3) for key in keys}
    MINIMUMS.write_text(json.dumps(pinned, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"pinned {len(pinned)} minimums in {MINIMUMS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
