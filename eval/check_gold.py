"""Check the hand-written evaluation gold: every span must reproduce its surface.

Usage: ``python eval/check_gold.py`` from anywhere. Prints one line per problem and exits 1 if
there are any; otherwise prints a one-line summary per story and exits 0.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

EVAL_DIR = Path(__file__).resolve().parent
GOLD_DIR = EVAL_DIR / "gold"
REPO_ROOT = EVAL_DIR.parent  # story.json source paths are relative to the repository root

GOLD_FILES = ("documents.json", "figures.json", "quotes.json", "events.json", "entities.json")
VERDICTS = {"agree", "evolving", "conflicting", "single"}
QUALIFIERS = {"over", "under", "about", "nearly", "at_least", "at_most", "up_to", "estimated"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
EVENT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DAY_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Json = Any  # parsed JSON: the gold format is checked field by field below


def load_json(path: Path) -> Json:
    """Parse one UTF-8 JSON file."""
    return json.loads(path.read_text(encoding="utf-8"))


def load_documents(story: Json) -> dict[str, str]:
    """Return {doc_id: exact text} for the story's source (folder of .txt, or ECB+ JSONL ids)."""
    source = story["source"]
    if source["kind"] == "folder":
        folder = REPO_ROOT / source["path"]
        # Offsets index the text as open(path, encoding="utf-8").read() returns it.
        return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    if source["kind"] == "ecbplus":
        wanted = set(source["ids"])
        texts: dict[str, str] = {}
        with (REPO_ROOT / source["file"]).open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    if record["id"] in wanted:
                        texts[record["id"]] = record["text"]
        return texts
    raise ValueError(f"unknown source kind {source['kind']!r}")


def check_span(
    where: str, texts: dict[str, str], item: Json, expected: str, *, prefix: bool = False
) -> list[str]:
    """Check that text[start:end] equals (or, with prefix, starts with) the expected string."""
    doc_id = item.get("doc_id")
    if doc_id not in texts:
        return [f"{where}: unknown doc_id {doc_id!r}"]
    start, end = item.get("start"), item.get("end")
    text = texts[doc_id]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return [f"{where}: bad span [{start!r}, {end!r}) for {doc_id} (length {len(text)})"]
    found = text[start:end]
    ok = found.startswith(expected) if prefix else found == expected
    if not ok:
        what = "head is not a prefix of" if prefix else "surface differs from"
        return [f"{where}: {what} text[{start}:{end}]: {expected!r} vs {found[:80]!r}"]
    return []


def check_documents(name: str, texts: dict[str, str], docs: Json) -> list[str]:
    """documents.json: one entry per document, known ids, well-formed dates."""
    problems: list[str] = []
    ids = [d.get("id") for d in docs]
    if sorted(ids) != sorted(texts):
        problems.append(f"{name}/documents.json: ids {sorted(ids)} != documents {sorted(texts)}")
    for d in docs:
        published = d.get("published")
        if published is not None and not DAY_DATE.match(published):
            problems.append(f"{name}/documents.json: {d.get('id')}: bad published {published!r}")
        derived = d.get("derived_from")
        if derived is not None and derived not in texts:
            problems.append(
                f"{name}/documents.json: {d.get('id')}: unknown derived_from {derived!r}"
            )
        if not isinstance(d.get("bylines"), list):
            problems.append(f"{name}/documents.json: {d.get('id')}: bylines must be a list")
    return problems


def check_figures(name: str, texts: dict[str, str], gold: Json) -> list[str]:
    """figures.json: spans, qualifiers, as_of dates, measure ids and verdicts."""
    problems: list[str] = []
    measures = {m["id"] for m in gold["measures"]}
    for m in gold["measures"]:
        if m.get("verdict") not in VERDICTS:
            problems.append(
                f"{name}/figures.json: measure {m['id']}: bad verdict {m.get('verdict')!r}"
            )
        if not m.get("reason"):
            problems.append(f"{name}/figures.json: measure {m['id']}: missing reason")
    used: set[str] = set()
    for i, f in enumerate(gold["figures"]):
        where = f"{name}/figures.json[{i}]"
        problems += check_span(where, texts, f, f["surface"])
        if f.get("measure") not in measures:
            problems.append(f"{where}: unknown measure {f.get('measure')!r}")
        used.add(f.get("measure"))
        if f.get("qualifier") is not None and f["qualifier"] not in QUALIFIERS:
            problems.append(f"{where}: bad qualifier {f['qualifier']!r}")
        if f.get("as_of") is not None and not DAY_DATE.match(f["as_of"]):
            problems.append(f"{where}: bad as_of {f['as_of']!r}")
    for unused in sorted(measures - used):
        problems.append(f"{name}/figures.json: measure {unused!r} has no figures")
    return problems


def check_quotes(name: str, texts: dict[str, str], quotes: Json) -> list[str]:
    """quotes.json: the head must begin the quoted span; a speaker is required."""
    problems: list[str] = []
    for i, q in enumerate(quotes):
        where = f"{name}/quotes.json[{i}]"
        problems += check_span(where, texts, q, q["head"], prefix=True)
        if not q.get("speaker"):
            problems.append(f"{where}: missing speaker")
    return problems


def check_events(name: str, texts: dict[str, str], events: Json) -> list[str]:
    """events.json: spans and YYYY / YYYY-MM / YYYY-MM-DD dates."""
    problems: list[str] = []
    for i, e in enumerate(events):
        where = f"{name}/events.json[{i}]"
        problems += check_span(where, texts, e, e["surface"])
        if not EVENT_DATE.match(str(e.get("date"))):
            problems.append(f"{where}: bad date {e.get('date')!r}")
        if not e.get("event"):
            problems.append(f"{where}: missing event key")
    return problems


def check_entities(name: str, texts: dict[str, str], entities: Json) -> list[str]:
    """entities.json: known types, and every alias occurs somewhere in the story's text."""
    problems: list[str] = []
    corpus = "\n".join(texts.values())
    for ent in entities:
        if ent.get("type") not in ENTITY_TYPES:
            problems.append(
                f"{name}/entities.json: {ent.get('name')}: bad type {ent.get('type')!r}"
            )
        for alias in ent.get("aliases", []):
            if alias not in corpus:
                problems.append(
                    f"{name}/entities.json: {ent.get('name')}: alias {alias!r} not in text"
                )
    return problems


def check_story(folder: Path) -> list[str]:
    """Run every check on one gold folder."""
    name = folder.name
    missing = [f for f in ("story.json", *GOLD_FILES) if not (folder / f).is_file()]
    if missing:
        return [f"{name}: missing {', '.join(missing)}"]
    texts = load_documents(load_json(folder / "story.json"))
    if not texts:
        return [f"{name}: no documents found for story source"]
    return [
        *check_documents(name, texts, load_json(folder / "documents.json")),
        *check_figures(name, texts, load_json(folder / "figures.json")),
        *check_quotes(name, texts, load_json(folder / "quotes.json")),
        *check_events(name, texts, load_json(folder / "events.json")),
        *check_entities(name, texts, load_json(folder / "entities.json")),
    ]


def main() -> int:
    """Check every eval/gold/*/ folder; print problems; return the exit status."""
    folders = sorted(p for p in GOLD_DIR.iterdir() if p.is_dir())
    problems: list[str] = []
    for folder in folders:
        found = check_story(folder)
        problems += found
        print(f"{folder.name}: {'ok' if not found else f'{len(found)} problem(s)'}")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
