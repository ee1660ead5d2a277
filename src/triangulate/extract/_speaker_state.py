"""What the speaker resolver remembers while it walks a document in order.

Each resolved :class:`Speaker` keeps what a later pronoun or description needs to point back
at it (kind, head noun, titles, gender, number); the :class:`State` keeps them in the order
they were last credited, with the document's titles, genders and people mentioned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from triangulate.extract._speaker_refs import last_name, person_name, with_family_name

if TYPE_CHECKING:
    from spacy.tokens import Span

    from triangulate.extract._speaker_refs import Mention

__all__ = ["Speaker", "State"]


@dataclass(slots=True)
class Speaker:
    """A resolved speaker as the document goes on: for pronoun and description look-back."""

    name: str
    kind: str  # "person" | "org" | "descriptive" | "group" (speakers credited together)
    head: str  # lower-case head noun ("official") or last name token
    titles: frozenset[str] = field(default_factory=frozenset)
    mentions: int = 1
    last_seen: int = -1  # token index of the latest mention
    gender: str | None = None  # "m" | "f" where the document shows it
    plural: bool = False
    personal: bool = False  # a person ("a witness"), not a body ("the ministry")


@dataclass(slots=True)
class State:
    """What the resolver remembers while walking a document in order."""

    titles: dict[str, frozenset[str]]
    genders: dict[str, str]
    quoted: frozenset[int]
    people: list[Mention]
    speakers: list[Speaker] = field(default_factory=list)
    issuer: Speaker | None = None  # who issued the latest statement, report or letter

    def remember(self, new: Speaker) -> Speaker:
        """Record a credited speaker; one already known is counted again and moved last."""
        for old in self.speakers:
            if old.name == new.name and old.kind == new.kind:
                old.mentions += 1
                old.last_seen = max(old.last_seen, new.last_seen)
                old.titles = old.titles | new.titles
                self.speakers.remove(old)
                self.speakers.append(old)
                return old
        self.speakers.append(new)
        return new

    def look_back(self, kind: str) -> Speaker | None:
        """The latest speaker of ``kind`` ("org", "group", ...)."""
        return next((s for s in reversed(self.speakers) if s.kind == kind), None)

    def person(self, ent: Span) -> Speaker:
        """The person a name stands for: a first name with the family's name ("Charlie" of
        "Kafoury's son, Charlie"), with the titles and gender the document gives them."""
        written = person_name(ent)
        name = with_family_name(ent, written) if len(written.split()) == 1 else written
        key = last_name(name)
        return Speaker(
            name,
            "person",
            key,
            self.titles.get(key, frozenset()),
            last_seen=ent.start,
            gender=self.genders.get(written.lower(), self.genders.get(key)),
            personal=True,
        )
