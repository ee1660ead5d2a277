"""Run every evaluation and print the scores; ``--gate`` compares them with pinned minimums.

Run from the repository root::

    .venv/bin/python -m eval.run            # print scores per story and overall
    .venv/bin/python -m eval.run --gate     # exit 1 if a score drops below eval/minimums.json
    .venv/bin/python -m eval.run --story troy-office-shooting-2007   # one story, no corpus evals

Gold files are written by hand (eval/gold/README.md). Each story is built through the same
library calls the CLI uses; scorers compare the contract JSON with the gold.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.util
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval.stories import GOLD, REPO, load_story, story_dirs

SCORERS = ("metadata", "figures", "measures", "quotes", "entities", "timeline", "derivatives")
CORPUS_EVALS = ("numbers", "clustering", "html_dates")
MINIMUMS = REPO / "eval" / "minimums.json"
CHECKSUM = REPO / "eval" / "corpus.sha256"


def build(gold_dir: Path) -> dict[str, Any]:
    """The contract JSON of a gold story's dossier."""
    from triangulate.normalise.metadata import settle_metadata
    from triangulate.pipeline import build_dossier
    from triangulate.render.json import dossier_to_dict

    articles = [settle_metadata(raw) for raw in load_story(gold_dir)]
    return dossier_to_dict(build_dossier(articles))


def is_heldout(gold_dir: Path) -> bool:
    """A held-out story is never used for tuning; its scores are reported apart."""
    story = json.loads((gold_dir / "story.json").read_text(encoding="utf-8"))
    return bool(story.get("heldout", False))


def story_scores(only: Sequence[str] = ()) -> dict[str, dict[str, float]]:
    """Scores per story from every scorer module present (only the stories named, if any)."""
    scorers = [
        importlib.import_module(f"eval.scorers.{name}")
        for name in SCORERS
        if importlib.util.find_spec(f"eval.scorers.{name}") is not None
    ]
    results: dict[str, dict[str, float]] = {}
    for gold_dir in story_dirs():
        if only and gold_dir.name not in only:
            continue
        dossier = build(gold_dir)
        scores: dict[str, float] = {}
        for scorer in scorers:
            scores.update(scorer.score(gold_dir, dossier))
        results[gold_dir.name] = scores
    return results


def corpus_scores() -> dict[str, float]:
    """Scores of the evaluations that run on whole data sets (numbers, clustering, HTML dates)."""
    scores: dict[str, float] = {}
    for name in CORPUS_EVALS:
        if importlib.util.find_spec(f"eval.{name}") is not None:
            scores.update(importlib.import_module(f"eval.{name}").evaluate())
    return scores


def mean_scores(per_story: dict[str, dict[str, float]]) -> dict[str, float]:
    """Macro average of each metric over the tuning stories, and apart over held-out ones
    (keys prefixed ``heldout:``)."""
    values: dict[str, list[float]] = defaultdict(list)
    heldout = {d.name for d in story_dirs() if is_heldout(d)}
    for name, scores in per_story.items():
        prefix = "heldout:" if name in heldout else ""
        for key, value in scores.items():
            values[prefix + key].append(value)
    return {key: sum(v) / len(v) for key, v in sorted(values.items())}


def corpus_checksum() -> str:
    """SHA-256 over the gold files and the articles they annotate, so gold edits are deliberate."""
    digest = hashlib.sha256()
    for path in sorted(GOLD.rglob("*.json")):
        digest.update(path.relative_to(GOLD).as_posix().encode())
        digest.update(path.read_bytes())
    for gold_dir in story_dirs():
        for article in load_story(gold_dir):
            digest.update(article.id.encode())
            digest.update(article.text.encode())
    return digest.hexdigest()


def gate(overall: dict[str, float]) -> list[str]:
    """Failures: metrics below their pinned minimum, missing metrics, or a changed corpus."""
    failures = []
    minimums: dict[str, float] = json.loads(MINIMUMS.read_text(encoding="utf-8"))
    for key, minimum in sorted(minimums.items()):
        if key not in overall:
            failures.append(f"{key}: missing (pinned minimum {minimum})")
        elif overall[key] + 1e-9 < minimum:
            failures.append(f"{key}: {overall[key]:.3f} < pinned minimum {minimum:.3f}")
    if CHECKSUM.is_file():
        pinned = CHECKSUM.read_text(encoding="utf-8").split()[0]
        if pinned != corpus_checksum():
            failures.append(
                "evaluation corpus changed (gold or articles): review the change, then run "
                "`python -m eval.run --pin-checksum`"
            )
    return failures


def main(argv: list[str] | None = None) -> int:
    """Print scores; with --gate, return 1 when a pinned minimum is not met."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--gate", action="store_true", help="fail when a score drops below its minimum"
    )
    parser.add_argument("--pin-checksum", action="store_true", help="record the corpus checksum")
    parser.add_argument("--json", type=Path, help="also write all scores to this JSON file")
    parser.add_argument(
        "--story",
        action="append",
        default=[],
        metavar="NAME",
        help="score only this gold story (repeatable); skips the corpus evaluations",
    )
    args = parser.parse_args(argv)
    if args.gate and args.story:
        parser.error("--gate scores every story: drop --story")
    if args.pin_checksum:
        CHECKSUM.write_text(corpus_checksum() + "\n", encoding="utf-8")
        print(f"pinned {CHECKSUM.relative_to(REPO)}")
        return 0
    started = time.perf_counter()
    per_story = story_scores(args.story)
    overall = {**mean_scores(per_story), **({} if args.story else corpus_scores())}
    names = list(per_story)
    print(f"{'metric':40s}" + "".join(f"{n[:18]:>20s}" for n in names) + f"{'mean':>10s}")
    print("(mean: over the tuning stories; 'heldout:' rows: the held-out stories, never tuned on)")
    heldout = {d.name for d in story_dirs() if is_heldout(d)}
    for key in sorted(overall):
        base = key.removeprefix("heldout:")
        shown = [n for n in names if (n in heldout) == key.startswith("heldout:")]
        row = "".join(
            f"{per_story[n][base]:20.3f}" if n in shown and base in per_story[n] else f"{'-':>20s}"
            for n in names
        )
        print(f"{key:40s}{row}{overall[key]:10.3f}")
    print(f"({time.perf_counter() - started:.1f} s)")
    if args.json:
        args.json.write_text(
            json.dumps({"stories": per_story, "overall": overall}, indent=2) + "\n"
        )
    if args.gate:
        failures = gate(overall)
        for failure in failures:
            print(f"GATE FAIL {failure}", file=sys.stderr)
        if failures:
            return 1
        print("evaluation gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
