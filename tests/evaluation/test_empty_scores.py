"""A story with nothing to score on a metric gets no score for it, not a perfect one."""

from __future__ import annotations

import json
from pathlib import Path

from eval.scorers import figures, measures, quotes


def _gold(tmp_path: Path, figure_rows: list[dict[str, object]], quote_rows: list[object]) -> Path:
    measure_ids = sorted({str(f["measure"]) for f in figure_rows})
    measure_rows = [{"id": m, "label": m, "verdict": "agree", "reason": ""} for m in measure_ids]
    (tmp_path / "figures.json").write_text(
        json.dumps({"figures": figure_rows, "measures": measure_rows}), encoding="utf-8"
    )
    (tmp_path / "quotes.json").write_text(json.dumps(quote_rows), encoding="utf-8")
    return tmp_path


def _figure(start: int, measure: str) -> dict[str, object]:
    return {
        "doc_id": "d",
        "start": start,
        "end": start + 2,
        "surface": "91",
        "value": 91,
        "low": None,
        "high": None,
        "qualifier": None,
        "unit": None,
        "counted": None,
        "attributed_to": None,
        "as_of": None,
        "measure": measure,
    }


def test_nothing_matched_scores_no_accuracy(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [_figure(0, "age"), _figure(10, "age")], [])
    dossier: dict[str, object] = {"figures": [], "measures": [], "quotes": []}
    scored = figures.score(gold, dossier) | measures.score(gold, dossier)
    scored |= quotes.score(gold, dossier)
    assert scored["figure_recall"] == 0.0
    absent = {"figure_attribution_accuracy", "verdict_accuracy", "alignment_f1", "speaker_accuracy"}
    assert absent.isdisjoint(scored)


def test_a_story_without_quotes_scores_quotes_only_for_false_ones(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [], [])
    assert {"quote_f1", "quote_recall", "quote_precision"}.isdisjoint(
        quotes.score(gold, {"quotes": []})
    )
    found = {"quotes": [{"id": "q1", "doc_id": "d", "start": 0, "end": 9, "speaker": None}]}
    scored = quotes.score(gold, found)
    assert scored["quote_precision"] == 0.0
    assert "quote_f1" not in scored


def test_a_missed_pair_scores_zero_alignment(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [_figure(0, "age"), _figure(10, "age")], [])
    predicted = [
        {"id": "f1", "doc_id": "d", "start": 0, "end": 2, "text": "91"},
        {"id": "f2", "doc_id": "d", "start": 10, "end": 12, "text": "91"},
    ]
    dossier = {
        "figures": predicted,
        "measures": [
            {"id": "m1", "verdict": "single", "figure_ids": ["f1"]},
            {"id": "m2", "verdict": "single", "figure_ids": ["f2"]},
        ],
    }
    scored = measures.score(gold, dossier)
    assert (scored["alignment_f1"], scored["verdict_accuracy"]) == (0.0, 0.0)
