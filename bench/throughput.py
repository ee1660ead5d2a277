"""Throughput: the full dossier pipeline against raw spaCy ``nlp.pipe`` on the same texts.

Run: ``.venv/bin/python bench/throughput.py [--docs N] [--repeat R]``

Texts: the ECB+ dev documents (real news, ../shared/data/ecbplus/dev.jsonl), grouped into their
gold stories so the pipeline builds one dossier per story, as a user would. Both sides run in
this process, model warm, best of R runs; the runs alternate (raw, pipeline, raw, ...) so that
load from other processes on a shared machine falls on both sides alike. Printed: words/s for
raw parsing and for the whole pipeline (parse + extract + link + verdicts + brief), their
ratio, the time the sentence encoder took within the pipeline, and the cost of each extractor
as a share of parsing time (goal: figures <= 10 %).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from triangulate.extract.dates import extract_dates
from triangulate.extract.entities import extract_entities
from triangulate.extract.figures import extract_figures
from triangulate.extract.quotes import extract_quotes
from triangulate.extract.speakers import find_attributions
from triangulate.ingest.jsonl import read_jsonl
from triangulate.nlp.embeddings import get_encoder
from triangulate.nlp.pipeline import BATCH_SIZE, MODEL_NAME, load_nlp
from triangulate.normalise.metadata import settle_metadata
from triangulate.pipeline import build_dossier
from triangulate.types import Article, RawArticle

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus" / "dev.jsonl"


def load(limit: int) -> dict[str, list[Article]]:
    """ECB+ articles grouped by gold story, at most ``limit`` in all."""
    lines = DATA.read_text(encoding="utf-8").splitlines()[:limit]
    stories: dict[str, list[Article]] = defaultdict(list)
    for line, raw in zip(lines, read_jsonl(lines, str(DATA), "ecbplus"), strict=True):
        if isinstance(raw, RawArticle):
            stories[json.loads(line)["event"]].append(settle_metadata(raw))
    return stories


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeat`` timed runs, in seconds."""
    return best_interleaved(repeat, run)[0]


def best_interleaved(repeat: int, *runs: Callable[[], object]) -> list[float]:
    """The fastest of ``repeat`` timed runs of each of ``runs``, taken in turns, in seconds."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, spent in zip(runs, times, strict=True):
            started = time.perf_counter()
            run()
            spent.append(time.perf_counter() - started)
    return [min(spent) for spent in times]


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--docs", type=int, default=200, help="how many ECB+ documents (default 200)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per side; the best counts")
    args = parser.parse_args()
    import spacy

    nlp = load_nlp()
    # The baseline is spaCy as shipped: the model without triangulate's own components.
    raw_nlp = spacy.load(MODEL_NAME)
    stories = load(args.docs)
    articles = [a for group in stories.values() for a in group]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:5]))  # warm up
    list(raw_nlp.pipe(texts[:5]))

    encoder = get_encoder()
    encoding: list[float] = []
    encode = encoder.encode

    def timed_encode(batch: Sequence[str]) -> npt.NDArray[np.float32]:
        started = time.perf_counter()
        try:
            return encode(batch)
        finally:
            encoding[-1] += time.perf_counter() - started

    def full_pipeline() -> None:
        # The encoder caches vectors by text; a warm cache would flatter every run after the first.
        encoder.clear_cache()
        encoding.append(0.0)
        for group in stories.values():
            build_dossier(group, nlp=nlp)

    encoder.encode = timed_encode  # type: ignore[method-assign]
    raw, full = best_interleaved(
        args.repeat, lambda: list(raw_nlp.pipe(texts, batch_size=BATCH_SIZE)), full_pipeline
    )
    encoder.encode = encode  # type: ignore[method-assign]

    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    pairs = list(zip(docs, articles, strict=True))
    attributions = [find_attributions(d, a) for d, a in pairs]
    stages: dict[str, Callable[[], object]] = {
        "speakers": lambda: [find_attributions(d, a) for d, a in pairs],
        "figures": lambda: [
            extract_figures(d, a, s) for (d, a), s in zip(pairs, attributions, strict=True)
        ],
        "quotes": lambda: [
            extract_quotes(d, a, s) for (d, a), s in zip(pairs, attributions, strict=True)
        ],
        "dates": lambda: [extract_dates(d, a) for d, a in pairs],
        "entities": lambda: [extract_entities(d, a) for d, a in pairs],
    }
    print(
        f"{len(texts)} documents, {words:,} words, {len(stories)} stories (best of {args.repeat})"
    )
    print(f"raw spaCy nlp.pipe      {words / raw:10,.0f} words/s")
    print(f"full dossier pipeline   {words / full:10,.0f} words/s")
    print(f"ratio pipeline / raw    {raw / full:10.3f}   (goal >= 0.85)")
    print(f"  encoder    calls     {100 * min(encoding) / raw:9.1f} % of parse time")
    for name, run in stages.items():
        cost = best_of(args.repeat, run)
        print(f"  {name:10s} stage     {100 * cost / raw:9.1f} % of parse time")


if __name__ == "__main__":
    main()
