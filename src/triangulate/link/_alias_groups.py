"""The union-find the alias merge runs on, and the merges of people's names.

Keys are :func:`~triangulate.link._alias_keys.exact_key` keys of the mentions; a group is one
entity. People's names join by what news writing does with them: a title before the name, a
middle initial, a short first name, the surname alone after the full name, a first name alone
for a relative (see :class:`PeopleGroups`).
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from triangulate.link._alias_keys import exact_key, person_core
from triangulate.link._alias_table import AliasTable
from triangulate.normalise.names import US_STATES
from triangulate.types import EntityMention

__all__ = ["Groups", "PeopleGroups", "name_keys"]

_TYPE_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3}
_MAJORITY = 2  # times the documents of all other full names, for a shared surname to join one
_MIN_NICKNAME = 3  # "Sam" for "Samuel"; "Al" could be Alan or Albert
_NICKNAME = re.compile(r"[\"“(]([A-Z][a-z]+)[\"”)]")  # 'Luis Gerardo "Jerry" Ortiz'
# A surname may start with a particle: "La Croix", "Van Gogh", "De Niro".
_PARTICLES = frozenset({"la", "le", "de", "du", "da", "di", "del", "van", "von", "der", "st"})
_COURTESY = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr)\.? ")


def name_keys(name: str) -> set[str]:
    """The keys a user-written name may have: as an organisation's and as a person's."""
    return {exact_key(name), exact_key(name, person=True)}


class Groups:
    """Union-find over exact keys, refusing merges the alias table marks as separate."""

    def __init__(self, table: AliasTable) -> None:
        self._table = table
        self._parent: dict[str, str] = {}
        self._keys: dict[str, list[str]] = {}  # root -> every key in its group
        self._seen: dict[str, int] = {}  # key -> order of its first mention
        self._mentions: dict[str, list[EntityMention]] = {}
        self._separate = [
            frozenset(k for n in group for k in name_keys(n)) for group in table.separate
        ]

    def add(self, mention: EntityMention) -> None:
        """Put a mention in the group of its key, a new group for a new key."""
        key = exact_key(mention.text, person=mention.label == "PERSON")
        if not key:
            return
        state = US_STATES.get(key) if mention.label == "GPE" and mention.text[-1:] == "." else None
        # "Mich." and "N.Y." are states; "L.A." (capitals for a one-word state) is no "La.".
        if state and (" " in state or not mention.text.replace(".", "").isupper()):
            key = state
        if key not in self._parent:
            self._parent[key] = key
            self._keys[key] = [key]
            self._seen[key] = len(self._seen)
        self._mentions.setdefault(key, []).append(mention)

    def find(self, key: str) -> str:
        """The root key of ``key``'s group."""
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def members(self) -> dict[str, list[str]]:
        """Root -> every key of its group."""
        return {root: list(keys) for root, keys in self._keys.items()}

    def union(self, a: str, b: str, *, forced: bool = False, any_type: bool = False) -> None:
        """Join two groups unless the table keeps them apart or a people meets a place."""
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

    def _group(self, key: str) -> list[str]:
        return self._keys[self.find(key)]


class PeopleGroups(Groups):
    """Groups that also join the forms of people's names."""

    def merge_full_names(self) -> None:
        """ "Robert J Pickell", "Anthony LaCalamita III" and "LaTonya Sharon Brown" join
        "Robert Pickell", "Anthony LaCalamita" and "LaTonya Brown": middle initials, middle
        names and generational suffixes do not count."""
        people = [k for k in self._parent if self._type([k]) == "PERSON"]
        variants: dict[str, set[str]] = {}
        for key in people:
            core = person_core(key)
            words = core.split()
            if len(words) > 2 and f"{words[0]} {words[-1]}" in self._parent:
                core = f"{words[0]} {words[-1]}"  # a middle name the story also leaves out
            if core != key and len(core.split()) > 1:
                variants.setdefault(core, set()).add(key)
        for core, keys in variants.items():
            # "George W. Bush" and "George H. W. Bush" are two people: only a lone variant joins.
            if len(keys) == 1 and core in self._parent:
                self.union(core, keys.pop())

    def merge_surnames(self) -> None:
        """ "Kakar" and "Mr. Kakar" join the one full name ending with them, or the one the
        documents that use them introduced first ("LaCalamita" is Anthony, not his wife)."""
        by_last = self._people_by_last_word()
        for root, surname in self._bare_names(courtesy=True).items():
            owners = {
                self.find(k)
                for k in by_last.get(surname.split()[-1], ())
                if person_core(k).endswith(" " + surname) and self.find(k) != root
            }
            votes = self._introduced(root, owners)
            best = max(votes, key=lambda r: (votes[r], r)) if votes else None
            others = sum(votes.values()) - votes[best] if best else 0
            if len(owners) == 1 or (best and votes[best] >= _MAJORITY * others):
                self.union(best or owners.pop(), root)

    def merge_first_names(self) -> None:
        """ "Charlene" joins "Charlene Kafoury", the one full name that starts with it, when at
        least half the documents naming "Charlene" name her in full too (a relative is often
        named first: "Kafoury's daughter, Charlene"), and no one has it as surname."""
        by_last = self._people_by_last_word()
        by_first: dict[str, set[str]] = {}
        for key in (k for keys in by_last.values() for k in keys):
            by_first.setdefault(person_core(key).split()[0], set()).add(self.find(key))
        for root, name in self._bare_names(courtesy=False).items():
            owners = by_first.get(name, set())
            if name in by_last or len(owners - {root}) != 1:
                continue
            votes = self._introduced(root, owners - {root}, anywhere=True)
            named = sum(votes.values())
            if named and named >= self._documents(root) - named:
                self.union(next(iter(votes)), root)

    def merge_nicknames(self) -> None:
        """ "Sam Dalembert" joins "Samuel Dalembert" when no other Dalembert's first name starts
        with "Sam"; 'Luis Gerardo "Jerry" Ortiz' joins "Jerry Ortiz"."""
        by_last = self._people_by_last_word()
        for last, keys in by_last.items():
            for key in keys:
                first = person_core(key).split()[0]
                longer = {
                    self.find(k)
                    for k in keys
                    if (other := person_core(k).split()[0]) != first and other.startswith(first)
                }
                longer.discard(self.find(key))
                if len(first) >= _MIN_NICKNAME and len(longer) == 1:
                    self.union(longer.pop(), key)
                for mention in self._mentions[key]:
                    quoted = _NICKNAME.search(mention.text)
                    nickname = f"{exact_key(quoted.group(1))} {last}" if quoted else ""
                    if nickname in keys:
                        self.union(nickname, key)

    def _people_by_last_word(self) -> dict[str, set[str]]:
        """Keys of several words whose group is a person, by the last word of their core."""
        kinds = {root: self._type(keys) for root, keys in self._keys.items()}
        people: dict[str, set[str]] = {}
        for key in self._parent:
            if " " in key and kinds[self.find(key)] == "PERSON":
                people.setdefault(person_core(key).split()[-1], set()).add(key)
        return people

    def _bare_names(self, *, courtesy: bool) -> dict[str, str]:
        """Root -> the one-word name of each person group named by one word only ("Kakar"),
        or, with ``courtesy``, after "Mr." / "Ms." only ("Ms. Smith Robinson")."""
        bare: dict[str, str] = {}
        for root, keys in self.members().items():
            if self._type(keys) != "PERSON":
                continue
            texts = [m.text for k in keys for m in self._mentions.get(k, [])]
            titled = courtesy and len(keys) == 1 and all(_COURTESY.match(t) for t in texts)
            if titled or all(" " not in k or k.split()[0] in _PARTICLES for k in keys):
                bare[root] = keys[0]
        return bare

    def _introduced(self, root: str, owners: set[str], *, anywhere: bool = False) -> Counter[str]:
        """Per owner, the documents that name it in full, and no other owner, before their
        first mention of ``root``'s group (or ``anywhere`` in them)."""
        first: dict[str, int] = {}
        for key in self._group(root):
            for mention in self._mentions.get(key, []):
                start = sys.maxsize if anywhere else mention.start
                first[mention.doc_id] = min(first.get(mention.doc_id, start), start)
        before: dict[str, set[str]] = {}
        for owner in owners:
            for key in self._group(owner):
                for mention in self._mentions.get(key, []):
                    if mention.start < first.get(mention.doc_id, -1):
                        before.setdefault(mention.doc_id, set()).add(owner)
        return Counter(next(iter(o)) for o in before.values() if len(o) == 1)

    def _documents(self, root: str) -> int:
        return len({m.doc_id for k in self._group(root) for m in self._mentions.get(k, [])})
