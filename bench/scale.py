"""Scale benchmark: ingest + cluster 1k, 10k (and, on request, 100k) articles into a fresh store.

The articles are made from the 462 real ECB+ documents (``../shared/data/ecbplus/dev.jsonl``):
copy ``k`` of a document gets the id ``<id>~<k>`` and a perturbed text: each sentence (one a
line) is kept with probability 0.7, the kept sentences are shuffled, and every number is replaced
by a random one with as many digits. Dropping and swapping breaks enough 5-word shingles that
most copies are *not* near-duplicates of each other (the script prints the share that is), so
they take the expensive path: a lead embedding and a comparison with the active stories.

Each size runs in its own process so that its peak RSS is its own. Printed per size: articles/s
(whole ingest: reading, metadata, MinHash, embeddings, clustering, DuckDB writes), peak RSS, the
near-duplicate share and the number of stories; then the growth exponent, the slope of
log(time) against log(size) (1.0 = linear).

    .venv/bin/python bench/scale.py                          # 1k and 10k
    .venv/bin/python bench/scale.py --sizes 1000,10000,100000
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "ecbplus" / "dev.jsonl"
KEEP = 0.7
_NUMBER = re.compile(r"\d+")


def synthetic(size: int, seed: int = 0) -> Iterator[dict[str, str]]:
    """Yield ``size`` perturbed copies of the ECB+ documents, as JSONL records."""
    rng = random.Random(seed)
    with DATA.open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    for n in range(size):
        doc = docs[n % len(docs)]
        copy = n // len(docs)
        yield {
            "id": f"{doc['id']}~{copy}",
            "text": doc["text"] if copy == 0 else _perturb(doc["text"], rng),
        }


def run_one(size: int, batch_size: int) -> dict[str, float]:
    """Ingest ``size`` synthetic articles into a fresh store; return timing and memory."""
    from triangulate.store import ingest, list_stories

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for record in synthetic(size):
                out.write(json.dumps(record) + "\n")
        began = time.perf_counter()
        report = ingest([source], Path(tmp) / "store.duckdb", batch_size=batch_size)
        seconds = time.perf_counter() - began
        stories = len(list_stories(Path(tmp) / "store.duckdb"))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "size": size,
        "seconds": seconds,
        "rate": report.used / seconds,
        "peak_rss_mb": peak_kib / 1024,
        "near_duplicate_share": report.near_duplicates / max(1, report.used),
        "stories": stories,
    }


def growth_exponent(results: list[dict[str, float]]) -> float:
    """Least-squares slope of log(seconds) over log(size)."""
    xs = [math.log(r["size"]) for r in results]
    ys = [math.log(r["seconds"]) for r in results]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return (
        sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else float("nan")
    )


def _perturb(text: str, rng: random.Random) -> str:
    sentences = [s for s in text.splitlines() if s.strip()]
    kept = [s for s in sentences if rng.random() < KEEP] or sentences[:1]
    rng.shuffle(kept)
    swapped = (
        _NUMBER.sub(
            lambda m: str(rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group()))), s
        )
        for s in kept
    )
    return "\n".join(swapped)


def main() -> None:
    """Run each size in a child process and print the table and the growth exponent."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.batch_size)))
        return
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        child = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--batch-size", str(args.batch_size)],
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode != 0:
            sys.exit(f"{size} articles: the run failed\n{child.stderr[-3000:]}")
        result = json.loads(child.stdout.strip().splitlines()[-1])
        results.append(result)
        print(
            f"{size:>7} articles: {result['seconds']:8.1f} s  {result['rate']:7.1f} articles/s  "
            f"peak RSS {result['peak_rss_mb']:6.0f} MB  "
            f"near-duplicates {result['near_duplicate_share']:.0%}  "
            f"stories {result['stories']}",
            flush=True,
        )
    if len(results) > 1:
        print(f"growth exponent (log-log slope of time vs size): {growth_exponent(results):.2f}")


if __name__ == "__main__":
    main()
