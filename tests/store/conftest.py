"""Fixtures for the store tests: real ECB+ articles as JSONL files, a fast embedder, a spy."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fake_embed import fake_embed


@pytest.fixture(scope="session")
def ecb_rows(shared: Path) -> list[dict[str, Any]]:
    """The ECB+ dev documents (462 real news articles)."""
    path = shared / "data" / "ecbplus" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture
def write_jsonl(tmp_path: Path) -> Callable[[str, list[Any]], Path]:
    """Write rows (dicts, or raw strings for malformed lines) as a JSONL file under tmp_path."""

    def write(name: str, rows: list[Any]) -> Path:
        path = tmp_path / name
        lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write


@pytest.fixture
def embed() -> Callable[..., Any]:
    """The fast stand-in encoder (storage tests do not measure clustering quality)."""
    return fake_embed


@pytest.fixture
def rebuilt(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the stories whose year histograms ingest rebuilds from member texts."""
    clustering = importlib.import_module("triangulate.store._clustering")
    real = clustering._rebuild_years
    seen: list[str] = []

    def spy(con: Any, stories: Sequence[Any]) -> None:
        seen.extend(story.id for story in stories)
        real(con, stories)

    monkeypatch.setattr(clustering, "_rebuild_years", spy)
    return seen
