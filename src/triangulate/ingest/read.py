"""Read paths (files, folders, ``-``) into RawArticles, reporting what could not be used.

Readers are looked up by file suffix in one registry; built-in readers use it too, and a new
input kind is one ``register_reader`` call.
"""

from __future__ import annotations

import dataclasses
import gzip
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from triangulate.errors import InputError
from triangulate.ingest.decode import decode_bytes
from triangulate.ingest.feeds import looks_like_feed, read_feed
from triangulate.ingest.html import read_html
from triangulate.ingest.jsonl import read_jsonl
from triangulate.ingest.text import doc_id_for, read_text
from triangulate.types import Problem, RawArticle

__all__ = ["MAX_FILE_BYTES", "IngestResult", "iter_inputs", "read_inputs", "register_reader"]

MAX_FILE_BYTES = 50 * 1024 * 1024

Reader = Callable[[str, str, str], Iterator[RawArticle | Problem]]
"""(decoded text, source name, document id or stem) -> articles and problems."""

_READERS: dict[str, Reader] = {}


def register_reader(suffixes: Iterable[str], reader: Reader) -> None:
    """Register a reader for file suffixes such as ``".txt"`` (lower case, with the dot)."""
    for suffix in suffixes:
        _READERS[suffix] = reader


def _read_markup(text: str, source: str, doc_id: str) -> Iterator[RawArticle | Problem]:
    if looks_like_feed(text):
        return read_feed(text, source, doc_id)
    return read_html(text, source, doc_id)


register_reader([".txt", ".text", ".md"], read_text)
register_reader([".html", ".htm", ".xhtml"], _read_markup)
register_reader([".xml", ".rss", ".atom"], _read_markup)
register_reader(
    [".jsonl", ".ndjson"], lambda text, source, stem: read_jsonl(text.splitlines(), source, stem)
)


@dataclass(slots=True)
class IngestResult:
    """The articles read and the inputs (or lines) that could not be used."""

    articles: list[RawArticle] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    inputs_seen: int = 0

    def summary(self) -> str:
        """One line: how many articles were used and how many inputs skipped."""
        return f"{len(self.articles)} article(s) used, {len(self.problems)} input(s) skipped"


def read_inputs(
    paths: Sequence[str | Path],
    stdin: TextIO | None = None,
    *,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> IngestResult:
    """Read every path; nothing is dropped silently: each unusable input becomes a Problem."""
    result = IngestResult()
    seen_ids: dict[str, int] = {}
    for item in iter_inputs(paths, stdin, max_file_bytes=max_file_bytes):
        result.inputs_seen += 1
        if isinstance(item, Problem):
            result.problems.append(item)
            continue
        count = seen_ids.get(item.id, 0)
        seen_ids[item.id] = count + 1
        if count:
            # Two inputs with one id: keep both, the later under a suffixed id, and say so.
            new_id = f"{item.id}~{count + 1}"
            result.problems.append(
                Problem(
                    item.source_path or item.id, f"duplicate id {item.id!r}; kept as {new_id!r}"
                )
            )
            item = dataclasses.replace(item, id=new_id)
        result.articles.append(item)
    return result


def iter_inputs(
    paths: Sequence[str | Path],
    stdin: TextIO | None = None,
    *,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Iterator[RawArticle | Problem]:
    """Yield articles and problems from files, folders (recursively, sorted) and ``-``."""
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin(stdin or sys.stdin)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not files:
                yield Problem(str(path), "the folder holds no files")
            for file in files:
                yield from _read_file(file, max_file_bytes)
        elif path.exists():
            yield from _read_file(path, max_file_bytes)
        else:
            yield Problem(str(path), "no such file or folder; check the path")


def _read_file(path: Path, max_file_bytes: int) -> Iterator[RawArticle | Problem]:
    source = str(path)
    name = path.name.lower()
    suffix = Path(name[:-3]).suffix if name.endswith(".gz") else path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        known = ", ".join(sorted(_READERS))
        yield Problem(source, f"unknown file type {suffix or '(none)'!r}; give one of {known}")
        return
    try:
        size = path.stat().st_size
        if size > max_file_bytes and suffix not in (".jsonl", ".ndjson"):
            raise InputError(
                source, f"the file is {size:,} bytes, over the {max_file_bytes:,} limit; split it"
            )
        if suffix in (".jsonl", ".ndjson") and not name.endswith(".gz"):
            yield from _read_jsonl_stream(path)
            return
        data = path.read_bytes()
        if name.endswith(".gz"):
            data = gzip.decompress(data)
            if len(data) > max_file_bytes:  # a small archive may unpack to a huge file
                raise InputError(
                    source,
                    f"the file unpacks to {len(data):,} bytes, over the {max_file_bytes:,} limit",
                )
        text = decode_bytes(data, source)
    except InputError as exc:
        yield Problem(exc.source, exc.reason, exc.line)
        return
    except OSError as exc:
        yield Problem(source, f"cannot read the file ({exc.strerror or exc}); check permissions")
        return
    except EOFError:
        yield Problem(source, "the gzip file is truncated; download or copy it again")
        return
    yield from reader(text, source, doc_id_for(path))


def _read_jsonl_stream(path: Path) -> Iterator[RawArticle | Problem]:
    """JSONL is read line by line, so a huge export never sits in memory whole."""
    source = str(path)
    with path.open("rb") as handle:
        head = handle.read(8192)
        if not head.strip():
            yield Problem(source, "the file is empty; nothing to read")
            return
        if b"\x00" in head:
            yield Problem(source, "the file is binary, not JSONL")
            return
        handle.seek(0)
        lines = (line.decode("utf-8", errors="replace") for line in handle)
        yield from read_jsonl(lines, source, doc_id_for(path))


def _read_stdin(stream: TextIO) -> Iterator[RawArticle | Problem]:
    text = stream.read()
    if not text.strip():
        yield Problem("-", "standard input is empty")
        return
    stripped = text.lstrip()
    if stripped.startswith("{"):
        yield from read_jsonl(text.splitlines(), "-", "stdin")
    elif stripped.startswith("<"):
        yield from _read_markup(text, "-", "stdin")
    else:
        yield from read_text(text, "-", "stdin")
