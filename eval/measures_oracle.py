"""Alignment and verdicts on gold figures: the linking stage scored apart from extraction.

Builds Figure records from each story's hand-written figures (value, qualifier, unit, counted,
attributed_to, as_of), runs :func:`triangulate.link.figures.align_figures` and
:func:`triangulate.verdicts.figures.judge_all` on them, and scores the result with
``eval/scorers/measures.py``. Extraction errors cannot leak in, so the numbers show what
alignment and verdicts do when their input is right::

    .venv/bin/python -m eval.measures_oracle [--verbose]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from eval.run import is_heldout
from eval.scorers.measures import score
from eval.stories import load_story, story_dirs
from triangulate.link.figures import align_figures
from triangulate.types import Amount, Article, Figure, InputKind
from triangulate.verdicts.figures import judge_all

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z\"“‘(])|\n+")


def oracle_dossier(gold_dir: Path) -> tuple[dict[str, Any], list[Figure], list[Any]]:
    """The contract-shaped dossier built from gold figures, with the figures and measures."""
    meta = {d["id"]: d for d in json.loads((gold_dir / "documents.json").read_text("utf-8"))}
    articles = [
        Article(
            id=raw.id,
            text=raw.text,
            kind=InputKind.TEXT,
            outlet=meta[raw.id]["outlet"],
            published=_date(meta[raw.id]["published"]),
        )
        for raw in load_story(gold_dir)
    ]
    texts = {a.id: a.text for a in articles}
    gold = json.loads((gold_dir / "figures.json").read_text("utf-8"))["figures"]
    figures = [_figure(i, g, texts[g["doc_id"]]) for i, g in enumerate(gold)]
    derived = {d: m["derived_from"] for d, m in meta.items() if m["derived_from"]}
    groups = align_figures(figures, articles)
    measures = judge_all(groups, {a.id: a for a in articles}, derived)
    dossier = {
        "figures": [
            {"id": f.id, "doc_id": f.doc_id, "start": f.start, "end": f.end} for f in figures
        ],
        "measures": [
            {"id": m.id, "verdict": m.verdict, "figure_ids": list(m.figure_ids)} for m in measures
        ],
    }
    return dossier, figures, measures


def _figure(index: int, gold: dict[str, Any], text: str) -> Figure:
    start, end = _sentence(text, gold["start"])
    amount = Amount(gold["value"], gold["low"], gold["high"], gold["qualifier"], gold["unit"])
    return Figure(
        id=f"g{index}",
        doc_id=gold["doc_id"],
        start=gold["start"],
        end=gold["end"],
        text=gold["surface"],
        amount=amount,
        counted=gold["counted"],
        change="increase" if "increase" in (gold["counted"] or "") else None,
        attributed_to=gold["attributed_to"],
        as_of=_date(gold["as_of"]),
        sentence_start=start,
        sentence_end=end,
    )


def _sentence(text: str, at: int) -> tuple[int, int]:
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    start = max(b for b in bounds if b <= at)
    end = min((b for b in bounds if b > at), default=len(text))
    return start, end


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def main() -> int:
    """Print alignment and verdict scores per story (and the measures with --verbose)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every predicted measure")
    args = parser.parse_args()
    for gold_dir in story_dirs():
        if is_heldout(gold_dir):
            continue  # never tuned on: its scores come from eval.run alone
        dossier, figures, measures = oracle_dossier(gold_dir)
        scores = score(gold_dir, dossier)
        print(gold_dir.name, " ".join(f"{k}={v:.3f}" for k, v in scores.items()))
        if args.verbose:
            gold = json.loads((gold_dir / "figures.json").read_text("utf-8"))["figures"]
            by_id = {f.id: g["measure"] for f, g in zip(figures, gold, strict=True)}
            for m in measures:
                print(f"  {m.id} {m.verdict:<11} {m.label!r}: {m.reason}")
                print(
                    "     ",
                    [(by_id[f], next(x.text for x in figures if x.id == f)) for f in m.figure_ids],
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
