"""Canonical speaker names from merged entities."""

from __future__ import annotations

import pytest

from triangulate.link.speakers import canonical_name, canonical_with, speaker_index
from triangulate.types import Entity, Span

ENTITIES = [
    Entity("e1", "Anwar ul Haq Kakar", "PERSON", ("Anwar ul Haq Kakar", "Kakar"), ()),
    Entity("e2", "United Nations", "ORG", ("United Nations", "UN"), ()),
    Entity("e3", "George W. Bush", "PERSON", ("George W. Bush",), ()),
    Entity("e4", "George H. W. Bush", "PERSON", ("George H. W. Bush",), ()),
    Entity("e5", "Jan Achakzai", "PERSON", ("Jan Achakzai",), ()),
    Entity("e6", "Qeshm island", "GPE", ("Qeshm", "Qeshm island"), ()),
    Entity("e7", "Entertainment Weekly", "ORG", ("Entertainment Weekly",), ()),
]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Kakar", "Anwar ul Haq Kakar"),
        ("kakar", "Anwar ul Haq Kakar"),
        ("Prime Minister Kakar", "Anwar ul Haq Kakar"),
        ("Kakar's", "Anwar ul Haq Kakar"),
        ("UN", "United Nations"),
        ("the United Nations", "United Nations"),
        ("Achakzai", "Jan Achakzai"),  # a surname no entity lists, but one full name ends with
        ("Bush", "Bush"),  # two people share it: neither
        ("a senior government official", "a senior government official"),
        ("the official", "the official"),
        ("Reuters", "Reuters"),
        # Titles are stripped only to find a person: a description is not the place in it.
        ("the governor of Qeshm island", "the governor of Qeshm island"),
        ("Qeshm", "Qeshm island"),
        # A body's initials, written in capitals, where no other body shares them.
        ("EW", "Entertainment Weekly"),
        ("Ew", "Ew"),
        ("GWB", "GWB"),  # a person's initials are no acronym of theirs
        (None, None),
    ],
)
def test_canonical_name(name: str | None, canonical: str | None) -> None:
    assert canonical_name(name, ENTITIES) == canonical


def test_a_definite_office_names_the_one_person_the_story_titles_so() -> None:
    entities = [
        Entity("e1", "Heidar Alishvandi", "PERSON", ("Gov. Heidar Alishvandi", "Alishvandi"), ()),
        Entity("e2", "Charles Craft", "PERSON", ("Police Chief Charles Craft",), ()),
        Entity("e3", "Joe Arpaio", "PERSON", ("Sheriff Joe Arpaio",), ()),
        Entity("e4", "Lee Baca", "PERSON", ("Sheriff Lee Baca",), ()),
    ]
    assert canonical_name("the governor of Qeshm island", entities) == "Heidar Alishvandi"
    assert canonical_name("the chief", entities) == "Charles Craft"
    assert canonical_name("the police", entities) == "the police"  # a body, not its chief
    assert canonical_name("a governor", entities) == "a governor"  # someone else
    assert canonical_name("the sheriff", entities) == "the sheriff"  # two sheriffs: neither


def test_prebuilt_index_gives_the_same_answers() -> None:
    index = speaker_index(ENTITIES)
    for name in ("Kakar", "UN", "Bush", "police"):
        assert canonical_with(name, index) == canonical_name(name, ENTITIES)


def _mentioned(entity_id: str, name: str, times: int, *aliases: str) -> Entity:
    spans = tuple(Span("d", n * 10, n * 10 + 5) for n in range(times))
    return Entity(entity_id, name, "PERSON", (name, *aliases), spans)


@pytest.mark.parametrize(
    ("entities", "canonical"),
    [
        # "III" is no surname; "LaCalamita", left apart by the alias merge, is the full name.
        (
            [
                _mentioned("a", "Anthony LaCalamita III", 6, "Anthony LaCalamita"),
                _mentioned("b", "LaCalamita", 9),
            ],
            "Anthony LaCalamita III",
        ),
        # A relative named once does not make the surname ambiguous ...
        (
            [
                _mentioned("a", "Anthony LaCalamita III", 6),
                _mentioned("b", "LaCalamita", 9),
                _mentioned("c", "Michele LaCalamita", 1),
            ],
            "Anthony LaCalamita III",
        ),
        # ... but two people named as often leave it as written.
        (
            [
                _mentioned("a", "Anthony LaCalamita III", 3),
                _mentioned("b", "LaCalamita", 9),
                _mentioned("c", "Michele LaCalamita", 2),
            ],
            "LaCalamita",
        ),
    ],
)
def test_surnames_of_the_story(entities: list[Entity], canonical: str) -> None:
    assert canonical_name("LaCalamita", entities) == canonical
