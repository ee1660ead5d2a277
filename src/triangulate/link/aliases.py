"""Merge entity mentions across documents into entities, with their aliases.

Automatic merges, each cheap and checkable:

* the same name up to case, "the", possessives, titles and punctuation ("U.S." = "US");
* transliteration variants of multi-word names: vowels, doubled letters, connectors and word
  order do not count ("Tehreek-e-Taliban Pakistan" = "Tahreek-e-Taliban Pakistan" =
  "Tehreek-i-Taliban Pakistan" = "Pakistan Tehreek-e-Taliban");
* acronyms: "TTP" joins the one entity whose initials it spells, preferring a name the text
  defines with it ("... Studies (PICSS)");
* one-word place names that differ only in vowels ("Karavan" = "Karvan", "Hormozgan" =
  "Hormouzgan"), when at least four consonants make them distinctive;
* a generic head added to an organisation ("Taliban administration", "Taliban-led government",
  "AFP news agency" = "Taliban", "AFP"), and a nationality before a name that only one
  nationality prefixes ("Afghan Taliban" = "Taliban", unless "Pakistani Taliban" appears too);
* people: "Sgt. Marty Earley" and "Mr. Earley" are "Marty Earley" and "Earley"; "H. Dale Hall"
  is "Dale Hall"; "Sam Dalembert" and 'Luis "Jerry" Ortiz' join "Samuel Dalembert" and "Jerry
  Ortiz";
* surnames: "Kakar" joins "Anwar ul Haq Kakar" when exactly one full name ends with it, or,
  when several do ("Anthony LaCalamita", his wife "Michele LaCalamita"), the one the documents
  using the surname introduced before it, by a clear majority of documents;
* first names: "Charlene" joins "Charlene Kafoury", the one full name that starts with it, when
  at least half the documents using it name her in full and no one has it as surname;
* legal forms and departments: "Crowley Maritime Corp." = "Crowley Maritime", "Bloomington
  Police Department" = "Bloomington Police"; a team's plural name: "Nationals";
* dotted initials of a place: "L.A." and "L.A. Times" join "Los Angeles", "Los Angeles Times".

The union-find and the merges of people's names live in :mod:`._alias_groups`. A
user-editable TOML alias table (:func:`load_alias_table`) forces merges (``[[alias]]``) and
forbids them (``[[separate]]``). The canonical name of an entity is its fullest form.

>>> from triangulate.types import EntityMention as M
>>> [e.name for e in merge_entities([M("a", 0, 5, "Kakar", "PERSON"),
...                                   M("b", 0, 18, "Anwar ul Haq Kakar", "PERSON")])]
['Anwar ul Haq Kakar']
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from triangulate.link._alias_groups import PeopleGroups, name_keys
from triangulate.link._alias_keys import (
    exact_key,
    initials,
    last_word,
    skeleton,
    word_consonants,
)
from triangulate.link._alias_table import (
    AliasEntry,
    AliasTable,
    AliasTableError,
    load_alias_table,
)
from triangulate.normalise.names import LEGAL_FORMS, clean_name, strip_person_titles
from triangulate.types import Entity, EntityMention, Span

__all__ = [
    "AliasEntry",
    "AliasTable",
    "AliasTableError",
    "exact_key",
    "load_alias_table",
    "merge_entities",
]

_DOMINANT = 3  # times the mentions of all other owners together, for a short name to join
_MIN_WORD_CONSONANTS = 4  # "Karvan" (krvn) is distinctive; "Mali" / "Male" (ml) is not
_MIN_TEAM = 4  # "Nets" for the "New Jersey Nets"
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,3}")  # "L.A.", "B.C."
# Heads that name an organisation's apparatus or legal form, not another organisation:
# "Taliban administration", "Taliban-led government", "AFP news agency", "Bloomington Police
# Department", "Crowley Maritime Corp.". Place heads ("island", "province") are dropped by
# exact_key itself; "city" is not generic ("Qeshm City").
_GENERIC_HEAD = re.compile(
    r"(?: led)?(?: (?:administration|government|regime|authorities|leadership|news agency"
    rf"|agency|department|dept|{'|'.join(sorted(LEGAL_FORMS))}))+$"
)


def merge_entities(
    mentions: Sequence[EntityMention], overrides: AliasTable | None = None
) -> list[Entity]:
    """Group mentions into entities across documents; ``overrides`` wins over automatic merges."""
    table = overrides or AliasTable()
    groups = _Groups(table)
    for mention in mentions:
        groups.add(mention)
    groups.merge_variants()
    groups.merge_plurals()
    groups.merge_generic_heads()
    groups.merge_nationality_prefixes()
    groups.merge_place_suffixes()
    groups.merge_acronyms(mentions)
    groups.merge_dotted_initials()
    groups.merge_full_names()
    groups.merge_nicknames()
    groups.merge_organisation_parts()
    groups.merge_surnames()
    groups.merge_first_names()
    groups.apply_forced()
    return groups.entities()


class _Groups(PeopleGroups):
    """The merges of organisations, places and groups on top of the people's."""

    def merge_variants(self) -> None:
        by_skeleton: dict[str, str] = {}
        for key in list(self._parent):
            found = skeleton(key) or self._word_skeleton(key)
            if found is not None:
                self.union(by_skeleton.setdefault(found, key), key)

    def _word_skeleton(self, key: str) -> str | None:
        """One-word places and groups spelt with other vowels: "Khaledin" / "Khaldin"."""
        kind = self._type([key])
        if " " in key or kind == "NORP":
            return None
        consonants = word_consonants(key)
        # One-word "people" are often places the model misread ("villages of Khaledin");
        # a real surname needs one consonant more to be told apart ("Jordan" / "Jardine").
        if len(consonants) < _MIN_WORD_CONSONANTS + (kind == "PERSON"):
            return None
        return f"{kind}:{consonants}"

    def merge_generic_heads(self) -> None:
        """ "Taliban administration" joins "Taliban" when "Taliban" is an organisation."""
        for key in list(self._parent):
            core = _GENERIC_HEAD.sub("", key)
            if core != key and core in self._parent and self._type(self._group(core)) == "ORG":
                self.union(core, key)

    def merge_nationality_prefixes(self) -> None:
        """ "Afghan Taliban" joins "Taliban" when no other nationality prefixes "Taliban"."""
        nationalities = self._nationalities()
        prefixed: dict[str, set[str]] = {}
        for key in list(self._parent):
            first, _, rest = key.partition(" ")
            if (
                first in nationalities
                and rest in self._parent
                and self._type(self._group(rest)) not in {"NORP", "GPE"}
            ):
                prefixed.setdefault(rest, set()).add(self.find(key))
        for rest, roots in prefixed.items():
            if len(roots) == 1:
                self.union(rest, roots.pop())

    def _nationalities(self) -> set[str]:
        return {k for k in self._parent if self._type(self._group(k)) == "NORP"}

    def merge_plurals(self) -> None:
        """Nationalities: "Afghans" and "Afghan", "Pakistanis" and "Pakistani"; organisations
        told with and without an "s" on a word: "Kraft Foods" and "Kraft Food", "Central
        Elections Commission" and "Central Election Commission"."""
        singulars: dict[str, list[str]] = {}
        for key in list(self._parent):
            if " " in key and self._type(self._group(key)) == "ORG":
                singulars.setdefault(_singular_words(key), []).append(key)
                continue
            # The model often tags a plural nationality as PERSON or ORG ("angry Greeks"): the
            # singular's vote decides, and the type check must not refuse the merge.
            singular = key[:-1]
            if (
                key.endswith("s")
                and " " not in key
                and singular in self._parent
                and self._type(self._group(singular)) == "NORP"
                and self._type(self._group(key)) in {"NORP", "PERSON", "ORG"}  # not "Philippines"
            ):
                self.union(singular, key, any_type=True)
        for keys in singulars.values():
            for other in keys[1:]:
                self.union(keys[0], other)

    def merge_place_suffixes(self) -> None:
        """ "Central Election Commission of Turkmenistan" joins "Central Election Commission",
        "Democratic Party of Turkmenistan" joins "Democratic Party": a body of several words
        named with and without the place it belongs to, the place itself named in the story."""
        places = {k for k in self._parent if self._type(self._group(k)) in {"GPE", "NORP"}}
        for key in list(self._parent):
            body, of, place = key.rpartition(" of ")
            if (
                of
                and place in places
                and " " in body
                and body in self._parent
                and self._type(self._group(key)) == self._type(self._group(body)) == "ORG"
            ):
                self.union(body, key)

    def merge_acronyms(self, mentions: Sequence[EntityMention]) -> None:
        defined = _defined_acronyms(mentions)
        for key in list(self._parent):
            acronym = key.replace(" ", "")
            surface = {m.text.replace(".", "") for m in self._mentions.get(key, [])}
            if not (2 <= len(acronym) <= 6 and any(s.isupper() for s in surface)):
                continue
            if acronym in defined:
                self.union(defined[acronym], key)
                continue
            matches = {self.find(k) for k in self._parent if k != key and initials(k) == acronym}
            if len(matches) == 1:
                self.union(matches.pop(), key)

    def merge_dotted_initials(self) -> None:
        """ "L.A." and "L.A. Times" join "Los Angeles" and "Los Angeles Times": dotted initials
        stand for the one place of several words in the story that they spell."""
        places: dict[str, set[str]] = {}
        for key in self._parent:
            if " " in key and self._type([key]) == "GPE":
                places.setdefault(initials(key), set()).add(key)
        for key in list(self._parent):
            for dotted in {d for m in self._mentions[key] for d in _DOTTED.findall(m.text)}:
                letters = dotted.replace(".", "").lower()
                place = places.get(letters, set())
                if len(place) != 1 or letters not in key.split():
                    continue
                full = re.sub(rf"\b{letters}\b", next(iter(place)), key, count=1)
                if full in self._parent:
                    self.union(full, key)

    def merge_organisation_parts(self) -> None:
        """ "Gordon" joins "Gordon Advisors", "WDIV" joins "WDIV-TV", "Beaumont Hospital" joins
        "Royal Oak Beaumont Hospital": an organisation named by the start or end of exactly one
        longer organisation name, when no mention reads it as a place or a people."""
        organisations = [k for k in self._parent if self._type([k]) == "ORG"]
        single = [k for k in organisations if not self._joins_two(k)]  # not "EU & IMF"
        for short in organisations:
            if any(m.label in {"GPE", "NORP", "LOC"} for m in self._mentions.get(short, [])):
                continue
            # A one-word start ("Gordon" Advisors) or a several-word end ("Beaumont Hospital");
            # a several-word start is often a place ("Royal Oak" Beaumont Hospital), a one-word
            # end a generic noun ("Foreign Office").
            one_word = " " not in short
            # A one-word plural end is a team or a party, not a generic noun: "Nationals".
            team = one_word and short.endswith("s") and len(short) >= _MIN_TEAM
            owners = {
                self.find(long)
                for long in single
                if long != short
                and (
                    (one_word and long.startswith(short + " "))
                    or ((team or not one_word) and long.endswith(" " + short))
                )
            }
            owner = self._dominant(owners)
            if owner is not None and self.find(short) != owner:
                self.union(owner, short)

    def _dominant(self, roots: set[str]) -> str | None:
        """The one root, or the root named far more often than the others together: "Kraft"
        is "Kraft Foods" (11 mentions), not "Kraft Factory Shooting" (a headline, once)."""
        if len(roots) <= 1:
            return next(iter(roots), None)
        counts = {r: sum(len(self._mentions.get(k, [])) for k in self._group(r)) for r in roots}
        ranked = sorted(roots, key=lambda r: (-counts[r], r))
        rest = sum(counts[r] for r in ranked[1:])
        return ranked[0] if counts[ranked[0]] >= _DOMINANT * rest else None

    def _joins_two(self, key: str) -> bool:
        """Whether a name joins two organisations: "EU & IMF", "Fannie Mae and Freddie Mac"."""
        return any(re.search(r"&| and ", m.text) for m in self._mentions.get(key, []))

    def apply_forced(self) -> None:
        for entry in self._table.aliases:
            keys = [k for n in (entry.name, *entry.aliases) for k in name_keys(n)]
            present = [k for k in dict.fromkeys(keys) if k in self._parent]
            for key in present[1:]:
                self.union(present[0], key, forced=True)

    def entities(self) -> list[Entity]:
        nationalities = self._nationalities()
        forced: dict[str, AliasEntry] = {}
        for entry in self._table.aliases:
            names = (entry.name, *entry.aliases)
            present = [k for n in names for k in name_keys(n) if k in self._parent]
            if present:
                forced[self.find(present[0])] = entry
        built: list[tuple[int, Entity]] = []
        for root, keys in self.members().items():
            mentions = [m for k in keys for m in self._mentions[k]]
            order = min(self._seen[k] for k in keys)
            chosen = forced.get(root)
            name = chosen.name if chosen else _canonical(mentions, nationalities)
            kind = chosen.type if chosen and chosen.type else self._type(keys)
            aliases = tuple(dict.fromkeys(a for m in mentions for a in _surfaces(m)))
            spans = tuple(Span(m.doc_id, m.start, m.end) for m in mentions)
            built.append((order, Entity("", name, kind, aliases, spans)))
        built.sort(key=lambda pair: pair[0])
        return [
            Entity(f"e{i}", e.name, e.type, e.aliases, e.mentions)
            for i, (_, e) in enumerate(built, start=1)
        ]


def _surfaces(mention: EntityMention) -> tuple[str, ...]:
    """The mention's text, and a person's name without the title written before it: "Sgt. Marty
    Earley" is an alias, and so is the "Marty Earley" inside it."""
    if mention.label != "PERSON":
        return (mention.text,)
    name = strip_person_titles(mention.text)
    return (mention.text, name) if mention.text.endswith(name) else (mention.text,)


def _singular_words(key: str) -> str:
    """A key with a last "s" taken off each longer word: "central elections commission" ->
    "central election commission", "kraft foods" -> "kraft food"."""
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in key.split()
    )


def _defined_acronyms(mentions: Sequence[EntityMention]) -> dict[str, str]:
    """Acronyms written in brackets right after a name: "Name (ACR)" -> {"acr": key of Name}."""
    defined: dict[str, str] = {}
    by_doc: dict[str, list[EntityMention]] = {}
    for mention in mentions:
        by_doc.setdefault(mention.doc_id, []).append(mention)
    for doc_mentions in by_doc.values():
        ordered = sorted(doc_mentions, key=lambda m: m.start)
        for name, acronym in itertools.pairwise(ordered):
            if acronym.start == name.end + 2 and acronym.text.replace(".", "").isupper():
                key = exact_key(name.text, person=name.label == "PERSON")
                letters = exact_key(acronym.text).replace(" ", "")
                # The gap may be ", " as well as " (": "U.S., EU" defines nothing.
                if _spells(letters, key):
                    defined.setdefault(letters, key)
    return defined


def _spells(letters: str, key: str) -> bool:
    """Whether an acronym's letters run through the name in order, from its first letter."""
    rest = iter(key)
    return bool(letters) and letters[0] == key[:1] and all(ch in rest for ch in letters)


def _canonical(mentions: list[EntityMention], nationalities: set[str]) -> str:
    """The fullest form, then the commonest spelling, then first seen.

    Fullest counts the words of the name proper: "Taliban-led administration" and "Afghan
    Taliban" are no fuller than "Taliban". Commonest looks at the last word first, in how many
    documents it is spelt that way ("Alishvandi" in three, "Alishbandi" in two), then at the
    whole name's documents and mentions.
    """
    docs: dict[str, set[str]] = {}
    last_docs: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, mention in enumerate(mentions):
        name = clean_name(mention.text)
        name = strip_person_titles(name) if mention.label == "PERSON" else name
        docs.setdefault(name, set()).add(mention.doc_id)
        last_docs.setdefault(last_word(name), set()).add(mention.doc_id)
        counts[name] += 1
        first.setdefault(name, i)

    def rank(name: str) -> tuple[int, int, int, int, int]:
        words = len(_core(exact_key(name), nationalities).split())
        spelling = len(last_docs[last_word(name)])
        return words, spelling, len(docs[name]), counts[name], -first[name]

    return max(counts, key=rank)


def _core(key: str, nationalities: set[str]) -> str:
    """The name proper inside a key: no generic head, no leading nationality."""
    core = _GENERIC_HEAD.sub("", key)
    first, _, rest = core.partition(" ")
    return rest if rest and first in nationalities else core
