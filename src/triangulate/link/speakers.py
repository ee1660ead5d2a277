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

import itertools
import re
from collections.abc import Sequence

from triangulate.link._alias_keys import initials
from triangulate.link.aliases import exact_key
from triangulate.normalise.names import NAME_SUFFIXES, is_title_word
from triangulate.types import Entity

__all__ = ["canonical_name", "canonical_with", "speaker_index"]

_PERSON = "person:"
_ACRONYM = "acronym:"
_CAPITALS = re.compile(r"[A-Z]{2,6}")
_ROLE = "role:"
# "the governor", "the county sheriff", "the governor of Qeshm island": one office, definite.
_DEFINITE_ROLE = re.compile(r"[Tt]he (?:[a-z-]+ )?([a-z]+)(?: of [A-Z][\w .'-]*)?")
_SHORT_TITLES = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "capt": "captain",
    "det": "detective",
    "insp": "inspector",
    "supt": "superintendent",
    "atty": "attorney",
    "gen": "general",
    "col": "colonel",
    "dr": "doctor",
    "prof": "professor",
}
_BODIES = frozenset({"ORG", "NORP", "GPE"})
_DOMINANT = 3  # times more mentions than anyone else sharing the surname


def speaker_index(entities: Sequence[Entity]) -> dict[str, str]:
    """Map every alias key of every entity to the entity's canonical name.

    Keys with a person's titles stripped ("Prime Minister Kakar" -> "kakar") are kept apart,
    prefixed ``person:``: stripping "the governor of" from "the governor of Qeshm island" must
    not turn a description into the island.
    """
    full = _full_names(entities)
    index: dict[str, str] = {}
    for entity in entities:
        name = entity.name
        if entity.type == "PERSON" and len(name.split()) == 1:
            # "LaCalamita", left apart by the alias merge, is the full name's surname here.
            name = full.get(exact_key(name, person=True), name)
        for alias in (entity.name, *entity.aliases):
            index.setdefault(exact_key(alias), name)
            if entity.type == "PERSON":
                index.setdefault(_PERSON + exact_key(alias, person=True), name)
    for surname, name in full.items():
        index.setdefault(_PERSON + surname, name)
    index.update(_acronyms(entities))
    index.update(_roles(entities))
    return index


def _roles(entities: Sequence[Entity]) -> dict[str, str]:
    """ "governor" -> "Heidar Alishvandi" where "Gov. Heidar Alishvandi" is the one person the
    story titles so (keyed ``role:``): "the governor of Qeshm island said" names him."""
    titled: dict[str, set[str]] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for alias in entity.aliases:
            words = alias.split()
            leading = list(itertools.takewhile(is_title_word, words[:-1]))
            if leading:
                role = _role(leading[-1])
                titled.setdefault(_ROLE + role, set()).add(entity.name)
    return {k: next(iter(v)) for k, v in titled.items() if len(v) == 1}


def _role(word: str) -> str:
    word = word.lower().rstrip(".")
    return _SHORT_TITLES.get(word, word)


def _acronyms(entities: Sequence[Entity]) -> dict[str, str]:
    """ "ew" -> "Entertainment Weekly": a body's initials, where no other body shares them
    (keyed ``acronym:``, read only for a name written in capitals)."""
    named: dict[str, set[str]] = {}
    for entity in entities:
        if entity.type in _BODIES and len(entity.name.split()) > 1:
            letters = initials(exact_key(entity.name))
            if len(letters) > 1:
                named.setdefault(letters, set()).add(entity.name)
    return {_ACRONYM + k: next(iter(v)) for k, v in named.items() if len(v) == 1}


def _full_names(entities: Sequence[Entity]) -> dict[str, str]:
    """Surname -> the full name it stands for in this story.

    A surname shared by two people names the one the story is about ("LaCalamita", not his
    relative named once), else neither.
    """
    surnames: dict[str, dict[str, int]] = {}
    for entity in entities:
        if entity.type == "PERSON" and len(entity.name.split()) > 1:
            words = [
                w for w in exact_key(entity.name, person=True).split() if w not in NAME_SUFFIXES
            ]
            if len(words) > 1:
                named = surnames.setdefault(words[-1], {})
                named[entity.name] = named.get(entity.name, 0) + len(entity.mentions)
    found = {}
    for surname, named in surnames.items():
        ranked = sorted(named.items(), key=lambda item: -item[1])
        if len(ranked) == 1 or ranked[0][1] >= _DOMINANT * max(ranked[1][1], 1):
            found[surname] = ranked[0][0]
    return found


def canonical_name(name: str | None, entities: Sequence[Entity]) -> str | None:
    """The full canonical name for ``name`` where an entity has it as an alias, else ``name``."""
    if name is None:
        return None
    return canonical_with(name, speaker_index(entities))


def canonical_with(name: str, index: dict[str, str]) -> str:
    """Like :func:`canonical_name` with a prebuilt :func:`speaker_index` (for many names)."""
    found = index.get(exact_key(name)) or index.get(_PERSON + exact_key(name, person=True))
    if found is None and _CAPITALS.fullmatch(name):
        found = index.get(_ACRONYM + name.lower())  # "EW" for Entertainment Weekly
    if found is None and (role := _DEFINITE_ROLE.fullmatch(name)):
        found = index.get(_ROLE + _role(role.group(1)))  # "the governor of Qeshm island"
    return found or name
