"""The user's alias file: forced merges (``[[alias]]``) and forbidden ones (``[[separate]]``),
read and checked once, with errors that name the file, the entry and what to fix."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from triangulate.errors import TriangulateError
from triangulate.link._alias_keys import exact_key

__all__ = ["ENTITY_TYPES", "AliasEntry", "AliasTable", "AliasTableError", "load_alias_table"]

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP")


class AliasTableError(TriangulateError):
    """The alias file could not be read: which file, where, and what to fix."""


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One ``[[alias]]`` entry: these names are one entity called ``name``."""

    name: str
    aliases: tuple[str, ...]
    type: str | None = None


@dataclass(frozen=True, slots=True)
class AliasTable:
    """User overrides: forced merges (``aliases``) and forbidden ones (``separate``)."""

    aliases: tuple[AliasEntry, ...] = ()
    separate: tuple[frozenset[str], ...] = ()


def load_alias_table(path: Path) -> AliasTable:
    """Read a TOML alias file (``[[alias]]`` / ``[[separate]]``); errors name the file and entry."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AliasTableError(f"{path}: cannot read the alias file ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise AliasTableError(f"{path}: not valid TOML: {exc}") from exc
    unknown = set(data) - {"alias", "separate"}
    if unknown:
        raise AliasTableError(
            f"{path}: unknown section(s) {sorted(unknown)}; use [[alias]] and [[separate]]"
        )
    aliases = tuple(
        _alias_entry(path, i, item) for i, item in enumerate(_tables(path, data, "alias"), 1)
    )
    separate = tuple(
        _separate_entry(path, i, item) for i, item in enumerate(_tables(path, data, "separate"), 1)
    )
    for entry in aliases:
        forced = {exact_key(n) for n in (entry.name, *entry.aliases)}
        for group in separate:
            clash = sorted(n for n in group if exact_key(n) in forced)
            if len(clash) > 1:
                raise AliasTableError(
                    f"{path}: [[alias]] {entry.name!r} merges {clash}, which a [[separate]] "
                    "entry keeps apart; remove one of the two entries"
                )
    return AliasTable(aliases, separate)


def _tables(path: Path, data: dict[str, object], section: str) -> list[dict[str, object]]:
    items = data.get(section, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise AliasTableError(f"{path}: '{section}' must be written as [[{section}]] tables")
    return items


def _alias_entry(path: Path, index: int, item: dict[str, object]) -> AliasEntry:
    where = f"{path}: [[alias]] entry {index}"
    name, aliases, kind = item.get("name"), item.get("aliases", []), item.get("type")
    if not isinstance(name, str) or not name.strip():
        raise AliasTableError(f"{where}: 'name' must be a non-empty string")
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise AliasTableError(f"{where} ({name!r}): 'aliases' must be a list of strings")
    if kind is not None and kind not in ENTITY_TYPES:
        raise AliasTableError(f"{where} ({name!r}): 'type' must be one of {sorted(ENTITY_TYPES)}")
    extra = set(item) - {"name", "aliases", "type"}
    if extra:
        raise AliasTableError(f"{where} ({name!r}): unknown key(s) {sorted(extra)}")
    return AliasEntry(name.strip(), tuple(a.strip() for a in aliases), kind)


def _separate_entry(path: Path, index: int, item: dict[str, object]) -> frozenset[str]:
    names = item.get("names")
    if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) for n in names):
        raise AliasTableError(
            f"{path}: [[separate]] entry {index}: 'names' must list at least two names"
        )
    return frozenset(names)
