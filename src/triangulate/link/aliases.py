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
* surnames: "Kakar" joins "Anwar ul Haq Kakar" when exactly one full name ends with it.

A user-editable TOML alias table (:func:`load_alias_table`) forces merges (``[[alias]]``) and
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

from triangulate.link._alias_keys import exact_key
from triangulate.link._alias_table import (
    AliasEntry,
    AliasTable,
    AliasTableError,
    load_alias_table,
)
from triangulate.normalise.names import NAME_SUFFIXES, US_STATES, clean_name, strip_titles, word_set
from triangulate.types import Entity, EntityMention, Span

__all__ = [
    "AliasEntry",
    "AliasTable",
    "AliasTableError",
    "exact_key",
    "load_alias_table",
    "merge_entities",
]

_CONNECTORS = word_set("e i ul ut ud ur us al el o wal un ush bin ibn ad az as")
_MINOR = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "la", "le", "&"})
_TYPE_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3}
# "Alishbandi" / "Alishvandi", "Qasem" / "Kassem", "Mohammad" / "Muhammed": one sound each.
_SOUNDS = (("ph", "f"), ("kh", "k"), ("q", "k"), ("c", "k"), ("v", "b"), ("w", "b"), ("z", "s"))
_MIN_SKELETON = 6  # shorter skeletons ("Mali", "Male") are too easy to confuse without vowels
_DOMINANT = 3  # times the mentions of all other owners together, for a short name to join
_MIN_WORD_CONSONANTS = 4  # "Karvan" (krvn) is distinctive; "Mali" / "Male" (ml) is not
_VOWELS = re.compile(r"[aeiouy]")
# Heads that name an organisation's apparatus, not another organisation: "Taliban
# administration", "Taliban-led government", "AFP news agency". Place heads ("island",
# "province") are dropped by exact_key itself; "city" is not generic ("Qeshm City").
_GENERIC_HEAD = re.compile(
    r"(?: led)?(?: (?:administration|government|regime|authorities|leadership|news agency"
    r"|agency))+$"
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
    groups.merge_acronyms(mentions)
    groups.merge_full_names()
    groups.merge_organisation_parts()
    groups.merge_surnames()
    groups.apply_forced()
    return groups.entities()


def _keys(name: str) -> set[str]:
    """The keys a user-written name may have: as an organisation's and as a person's."""
    return {exact_key(name), exact_key(name, person=True)}


def _skeleton(key: str) -> str | None:
    """A spelling-insensitive key for multi-word names: consonants, sorted words."""
    words = [w for w in re.split(r"[ -]+", key) if w and w not in _CONNECTORS | _MINOR]
    if len(words) < 2:
        return None
    skeletons = sorted(_consonants(w) for w in words)
    joined = " ".join(skeletons)
    return joined if len(joined.replace(" ", "")) >= _MIN_SKELETON else None


def _consonants(word: str) -> str:
    """First letter plus consonants, with sounds that transliterations swap folded together."""
    # An initial vowel is one sound too: "Ilias" / "Elias", "Usama" / "Osama".
    first = "a" if word[0] in "aeiou" else word[0]
    folded = first + _VOWELS.sub("", word[1:])
    for sound, letter in _SOUNDS:
        folded = folded.replace(sound, letter)
    return re.sub(r"(.)\1+", r"\1", folded)


def _initials(key: str) -> str:
    letters = [w[0] for w in re.split(r"[ -]+", key) if w and w not in _CONNECTORS | _MINOR]
    return "".join(letters)


class _Groups:
    """Union-find over exact keys, refusing merges the alias table marks as separate."""

    def __init__(self, table: AliasTable) -> None:
        self._table = table
        self._parent: dict[str, str] = {}
        self._keys: dict[str, list[str]] = {}  # root -> every key in its group
        self._seen: dict[str, int] = {}  # key -> order of its first mention
        self._mentions: dict[str, list[EntityMention]] = {}
        self._separate = [frozenset(k for n in group for k in _keys(n)) for group in table.separate]

    def add(self, mention: EntityMention) -> None:
        key = exact_key(mention.text, person=mention.label == "PERSON")
        if not key:
            return
        if mention.label == "GPE" and mention.text.endswith("."):
            key = US_STATES.get(key, key)  # "Mich." is Michigan
        if key not in self._parent:
            self._parent[key] = key
            self._keys[key] = [key]
            self._seen[key] = len(self._seen)
        self._mentions.setdefault(key, []).append(mention)

    def find(self, key: str) -> str:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def members(self) -> dict[str, list[str]]:
        return {root: list(keys) for root, keys in self._keys.items()}

    def union(self, a: str, b: str, *, forced: bool = False, any_type: bool = False) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if not forced:
            combined = set(self._keys[ra]) | set(self._keys[rb])
            if any(len(combined & group) > 1 for group in self._separate):
                return
            if not any_type and not self._compatible(self._keys[ra], self._keys[rb]):
                return
        self._parent[rb] = ra
        self._keys[ra].extend(self._keys.pop(rb))

    def _compatible(self, left: list[str], right: list[str]) -> bool:
        """NORP ("Afghan") never merges with a place or group of the same spelling's family."""
        types = {self._type(left), self._type(right)}
        return len(types) == 1 or "NORP" not in types

    def _type(self, keys: list[str]) -> str:
        votes = Counter(m.label for k in keys for m in self._mentions.get(k, []))
        return min(votes, key=lambda t: (-votes[t], _TYPE_RANK.get(t, 9))) if votes else "ORG"

    def merge_variants(self) -> None:
        by_skeleton: dict[str, str] = {}
        for key in list(self._parent):
            skeleton = _skeleton(key) or self._word_skeleton(key)
            if skeleton is not None:
                self.union(by_skeleton.setdefault(skeleton, key), key)

    def _word_skeleton(self, key: str) -> str | None:
        """One-word places and groups spelt with other vowels: "Khaledin" / "Khaldin"."""
        kind = self._type([key])
        if " " in key or kind == "NORP":
            return None
        consonants = re.sub(r"(.)\1+", r"\1", key[0] + _VOWELS.sub("", key[1:]))
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

    def _group(self, key: str) -> list[str]:
        return self._keys[self.find(key)]

    def merge_plurals(self) -> None:
        """Nationalities: "Afghans" and "Afghan", "Pakistanis" and "Pakistani"; organisations
        told with and without a last "s": "Kraft Foods" and "Kraft Food"."""
        for key in list(self._parent):
            singular = key[:-1]
            if (
                key.endswith("s")
                and " " in key
                and singular in self._parent
                and self._type(self._group(key)) == self._type(self._group(singular)) == "ORG"
            ):
                self.union(key, singular)
                continue
            # The model often tags a plural nationality as PERSON ("angry Greeks"): the
            # singular's vote decides, and the type check must not refuse the merge.
            if (
                key.endswith("s")
                and " " not in key
                and singular in self._parent
                and self._type(self._group(singular)) == "NORP"
                and self._type(self._group(key)) in {"NORP", "PERSON"}  # not "Philippines"
            ):
                self.union(singular, key, any_type=True)

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
            matches = {self.find(k) for k in self._parent if k != key and _initials(k) == acronym}
            if len(matches) == 1:
                self.union(matches.pop(), key)

    def merge_full_names(self) -> None:
        """ "Robert J Pickell", "Anthony LaCalamita III" and "LaTonya Sharon Brown" join
        "Robert Pickell", "Anthony LaCalamita" and "LaTonya Brown": middle initials, middle
        names and generational suffixes do not count."""
        people = [k for k in self._parent if self._type([k]) == "PERSON"]
        variants: dict[str, set[str]] = {}
        for key in people:
            core = _person_core(key)
            words = core.split()
            if len(words) > 2 and f"{words[0]} {words[-1]}" in self._parent:
                core = f"{words[0]} {words[-1]}"  # a middle name the story also leaves out
            if core != key and len(core.split()) > 1:
                variants.setdefault(core, set()).add(key)
        for core, keys in variants.items():
            # "George W. Bush" and "George H. W. Bush" are two people: only a lone variant joins.
            if len(keys) == 1 and core in self._parent:
                self.union(core, keys.pop())

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
            owners = {
                self.find(long)
                for long in single
                if long != short
                and (long.startswith(short + " ") if one_word else long.endswith(" " + short))
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

    def merge_surnames(self) -> None:
        members = self.members()
        people = {r: ks for r, ks in members.items() if self._type(ks) == "PERSON"}
        full_by_last: dict[str, set[str]] = {}
        for root, keys in people.items():
            for key in keys:
                if len(key.split()) > 1:
                    full_by_last.setdefault(_person_core(key).split()[-1], set()).add(root)
        for root, keys in people.items():
            if all(len(k.split()) == 1 for k in keys):
                owners = full_by_last.get(keys[0], set()) - {root}
                if len(owners) == 1:
                    self.union(owners.pop(), root)

    def apply_forced(self) -> None:
        for entry in self._table.aliases:
            keys = [k for n in (entry.name, *entry.aliases) for k in _keys(n)]
            present = [k for k in dict.fromkeys(keys) if k in self._parent]
            for key in present[1:]:
                self.union(present[0], key, forced=True)

    def entities(self) -> list[Entity]:
        nationalities = self._nationalities()
        forced: dict[str, AliasEntry] = {}
        for entry in self._table.aliases:
            names = (entry.name, *entry.aliases)
            present = [k for n in names for k in _keys(n) if k in self._parent]
            if present:
                forced[self.find(present[0])] = entry
        built: list[tuple[int, Entity]] = []
        for root, keys in self.members().items():
            mentions = [m for k in keys for m in self._mentions[k]]
            order = min(self._seen[k] for k in keys)
            chosen = forced.get(root)
            name = chosen.name if chosen else _canonical(mentions, nationalities)
            kind = chosen.type if chosen and chosen.type else self._type(keys)
            aliases = tuple(dict.fromkeys(m.text for m in mentions))
            spans = tuple(Span(m.doc_id, m.start, m.end) for m in mentions)
            built.append((order, Entity("", name, kind, aliases, spans)))
        built.sort(key=lambda pair: pair[0])
        return [
            Entity(f"e{i}", e.name, e.type, e.aliases, e.mentions)
            for i, (_, e) in enumerate(built, start=1)
        ]


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
        name = strip_titles(name) if mention.label == "PERSON" else name
        docs.setdefault(name, set()).add(mention.doc_id)
        last_docs.setdefault(_last_word(name), set()).add(mention.doc_id)
        counts[name] += 1
        first.setdefault(name, i)

    def rank(name: str) -> tuple[int, int, int, int, int]:
        words = len(_core(exact_key(name), nationalities).split())
        spelling = len(last_docs[_last_word(name)])
        return words, spelling, len(docs[name]), counts[name], -first[name]

    return max(counts, key=rank)


def _core(key: str, nationalities: set[str]) -> str:
    """The name proper inside a key: no generic head, no leading nationality."""
    core = _GENERIC_HEAD.sub("", key)
    first, _, rest = core.partition(" ")
    return rest if rest and first in nationalities else core


def _person_core(key: str) -> str:
    """A person's key without middle initials and generational suffixes."""
    words = key.split()
    kept = [w for i, w in enumerate(words) if not (i > 0 and (len(w) == 1 or w in NAME_SUFFIXES))]
    return " ".join(kept)


def _last_word(name: str) -> str:
    words = re.split(r"[ -]+", name.lower())
    return words[-1] if words else ""
