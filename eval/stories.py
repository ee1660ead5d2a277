"""Load a gold story's documents, as the CLI would read them."""

from __future__ import annotations

import json
from pathlib import Path

from triangulate.ingest import read_inputs
from triangulate.ingest.jsonl import read_jsonl
from triangulate.types import RawArticle

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "eval" / "gold"


def story_dirs() -> list[Path]:
    """Every gold story folder, sorted by name."""
    return sorted(p for p in GOLD.iterdir() if (p / "story.json").is_file())


def load_story(gold_dir: Path) -> list[RawArticle]:
    """The raw articles of a gold story (a folder of files, or ids from an ECB+ JSONL file)."""
    source = json.loads((gold_dir / "story.json").read_text(encoding="utf-8"))["source"]
    if source["kind"] == "folder":
        result = read_inputs([REPO / source["path"]])
        return result.articles
    if source["kind"] == "ecbplus":
        wanted = set(source["ids"])
        lines = (REPO / source["file"]).read_text(encoding="utf-8").splitlines()
        chosen = [line for line in lines if json.loads(line)["id"] in wanted]
        articles = [
            a for a in read_jsonl(chosen, source["file"], "ecbplus") if isinstance(a, RawArticle)
        ]
        order = {doc_id: i for i, doc_id in enumerate(source["ids"])}
        return sorted(articles, key=lambda a: order[a.id])
    raise ValueError(f"{gold_dir}/story.json: unknown source kind {source['kind']!r}")


def load_gold(gold_dir: Path, name: str) -> object:
    """One gold file of a story (``documents``, ``figures``, …), or None if it is absent."""
    path = gold_dir / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
