"""Canonical speaker names: "Kakar" -> "Anwar ul Haq Kakar" once entities are merged.

Pure: runs over the merged :class:`~triangulate.types.Entity` records, so figures and quotes
credited by the one speaker resolver get the same full name. Descriptive speakers ("a senior
government official") match no entity's alias and pass through unchanged.

>>> from triangulate.types import Entity
>>> kakar = Entity("e1", "Anwar ul Haq Kakar", "PERSON", ("Kakar", "Anwar ul Haq Kakar"), ())
>>> canonical_name("Prime Minister Kakar", [kakar])
'Anwar ul Haq Kakar'
"""

from __future__ import annotations

from collections.abc import Sequence

from triangulate.link.aliases import exact_key
from triangulate.types import Entity

__all__ = ["canonical_name", "canonical_with", "speaker_index"]

_PERSON = "person:"


def speaker_index(entities: Sequence[Entity]) -> dict[str, str]:
    """Map every alias key of every entity to the entity's canonical name.

    Keys with a person's titles stripped ("Prime Minister Kakar" -> "kakar") are kept apart,
    prefixed ``person:``: stripping "the governor of" from "the governor of Qeshm island" must
    not turn a description into the island.
    """
    index: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for entity in entities:
        for alias in (entity.name, *entity.aliases):
            index.setdefault(exact_key(alias), entity.name)
            if entity.type == "PERSON":
                index.setdefault(_PERSON + exact_key(alias, person=True), entity.name)
        if entity.type == "PERSON" and len(entity.name.split()) > 1:
            surname = exact_key(entity.name, person=True).split()[-1]
            surnames.setdefault(surname, set()).add(entity.name)
    for surname, names in surnames.items():
        if len(names) == 1:  # a surname shared by two people names neither
            index.setdefault(_PERSON + surname, next(iter(names)))
    return index


def canonical_name(name: str | None, entities: Sequence[Entity]) -> str | None:
    """The full canonical name for ``name`` where an entity has it as an alias, else ``name``."""
    if name is None:
        return None
    return canonical_with(name, speaker_index(entities))


def canonical_with(name: str, index: dict[str, str]) -> str:
    """Like :func:`canonical_name` with a prebuilt :func:`speaker_index` (for many names)."""
    found = index.get(exact_key(name)) or index.get(_PERSON + exact_key(name, person=True))
    return found or name
