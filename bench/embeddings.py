"""Encode throughput of the all-MiniLM-L6-v2 encoder (ONNX Runtime), in sentences per second.

Two workloads from real news (../shared/data/ecbplus/dev.jsonl): whole sentences (the lines of
the documents) and short phrases (their first five words, the size of a ``counted`` phrase,
which is what figure alignment embeds)::

    .venv/bin/python bench/embeddings.py [--limit 2000] [--batch-size 256]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from triangulate.nlp.embeddings import BATCH_SIZE, throughput

ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus" / "dev.jsonl"


def _sentences(limit: int) -> list[str]:
    lines: list[str] = []
    with ECBPLUS.open(encoding="utf-8") as handle:
        for row in handle:
            lines.extend(s.strip() for s in json.loads(row)["text"].split("\n") if s.strip())
            if len(lines) >= limit:
                break
    return lines[:limit]


def main() -> int:
    """Print sentences/s for full sentences and for short phrases."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000, help="sentences to encode")
    parser.add_argument(
        "--batch-size", type=int, default=BATCH_SIZE, help="texts per forward pass, at most"
    )
    args = parser.parse_args()
    if not ECBPLUS.is_file():
        print(f"skipped: {ECBPLUS} is missing")
        return 0
    sentences = _sentences(args.limit)
    phrases = [" ".join(s.split()[:5]) for s in sentences]
    for name, texts in (("sentences", sentences), ("phrases", phrases)):
        rate = throughput(texts, batch_size=args.batch_size)
        print(f"{name:>9}: {len(texts)} texts, {rate:,.0f} texts/s (batch {args.batch_size})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
