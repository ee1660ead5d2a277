"""Alias merging of people (titles, shared surnames, first names, nicknames) and of the
organisation and place forms news writes short, on names met in real reports."""

from __future__ import annotations

import pytest

from triangulate.link.aliases import exact_key, merge_entities
from triangulate.types import Entity, EntityMention


def _story(*documents: list[tuple[str, str]]) -> list[Entity]:
    """Entities of a story whose documents name these (text, label) pairs, in this order."""
    mentions = []
    for number, names in enumerate(documents):
        start = 0
        for text, label in names:
            mentions.append(EntityMention(f"d{number}", start, start + len(text), text, label))
            start += len(text) + 10
    return merge_entities(mentions)


def _holding(entities: list[Entity], alias: str) -> Entity:
    return next(e for e in entities if alias in e.aliases)


@pytest.mark.parametrize(
    ("titled", "name"),
    [
        ("Sgt. Marty Earley", "Marty Earley"),
        ("Deputy District Attorney Lowell Anger", "Lowell Anger"),
        ("Deputy D.A. Lowell Anger", "Lowell Anger"),
        ("Sheriff's Capt. Ray Peavy", "Ray Peavy"),
        ("Dist. Atty. Steve Cooley", "Steve Cooley"),
        ("Rev Billy Graham", "Billy Graham"),
        ("Caretaker Prime Minister Anwar ul Haq Kakar", "Anwar ul Haq Kakar"),
    ],
)
def test_titled_name_joins_and_gives_its_untitled_alias(titled: str, name: str) -> None:
    entities = _story([(titled, "PERSON")], [(name, "PERSON")])
    assert [e.name for e in entities] == [name]
    assert set(entities[0].aliases) == {titled, name}
    assert len(entities[0].mentions) == 2


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Deputy Sgt. Hoyt Teasley", "hoyt teasley"),
        ("Sheriff's Deputy Sgt. Hoyt Teasley", "hoyt teasley"),
        ("President-elect Obama", "obama"),
        ("Mr. LaCalamita", "lacalamita"),
        ("Nancy O'Higgins", "nancy ohiggins"),
        ("P.J.Carlesimo", "pj carlesimo"),
        ("Billy King", "billy king"),  # a title word last is a name
        ("Martin Luther King Jr.", "martin luther king jr"),
    ],
)
def test_person_keys(name: str, key: str) -> None:
    assert exact_key(name, person=True) == key


def test_a_titled_surname_joins_the_full_name() -> None:
    entities = _story(
        [("Charles Craft", "PERSON"), ("Craft", "PERSON")], [("Chief Craft", "PERSON")]
    )
    assert [(e.name, set(e.aliases)) for e in entities] == [
        ("Charles Craft", {"Charles Craft", "Craft", "Chief Craft"})
    ]


def test_shared_surname_goes_to_the_person_the_documents_introduce() -> None:
    """Three reports name Anthony LaCalamita before "LaCalamita"; his wife is named once."""
    entities = _story(
        [("Anthony LaCalamita", "PERSON"), ("LaCalamita", "PERSON")],
        [
            ("Anthony LaCalamita III", "PERSON"),
            ("LaCalamita", "PERSON"),
            ("Michele LaCalamita", "PERSON"),
        ],
        [("Anthony LaCalamita", "PERSON"), ("Mr. LaCalamita", "PERSON")],
    )
    anthony = _holding(entities, "LaCalamita")
    assert anthony.name == "Anthony LaCalamita III"
    assert "Mr. LaCalamita" in anthony.aliases
    assert "Michele LaCalamita" not in anthony.aliases


@pytest.mark.parametrize(
    "documents",
    [
        # Each introduced by one report: "Singh" could be either.
        (
            [("Ravi Singh", "PERSON"), ("Singh", "PERSON")],
            [("Manpreet Singh", "PERSON"), ("Singh", "PERSON")],
        ),
        # Both introduced before "Brown" in the one report.
        ([("LaTonya Brown", "PERSON"), ("Dorothy Brown", "PERSON"), ("Brown", "PERSON")],),
    ],
)
def test_shared_surname_without_a_clear_owner_stays_alone(
    documents: tuple[list[tuple[str, str]], ...],
) -> None:
    surname = documents[0][-1][0]
    assert _holding(_story(*documents), surname).aliases == (surname,)


def test_first_name_joins_the_one_full_name_its_report_names() -> None:
    """ "Kafoury's daughter, Charlene": a relative is often named first, in full later."""
    entities = _story(
        [("Charlene", "PERSON"), ("Charlene Kafoury", "PERSON"), ("Charlie Kafoury", "PERSON")]
    )
    assert set(_holding(entities, "Charlene").aliases) == {"Charlene", "Charlene Kafoury"}


@pytest.mark.parametrize(
    "documents",
    [
        # The report naming "Charlie" never names Charlie Kafoury.
        ([("Charlie", "PERSON")], [("Charlie Kafoury", "PERSON")]),
        # "Jordan" is someone's surname (and joins him, not Jordan Farmar).
        ([("Jordan Farmar", "PERSON"), ("Michael Jordan", "PERSON"), ("Jordan", "PERSON")],),
        # Two full names start with "Alex".
        ([("Alex Smith", "PERSON"), ("Alex Jones", "PERSON"), ("Alex", "PERSON")],),
    ],
)
def test_first_name_without_one_clear_owner_stays_alone(
    documents: tuple[list[tuple[str, str]], ...],
) -> None:
    first = next(t for names in documents for t, _ in names if " " not in t)
    holding = _holding(_story(*documents), first)
    assert not [alias for alias in holding.aliases if alias.startswith(first + " ")]


@pytest.mark.parametrize(
    "names",
    [
        ["Samuel Dalembert", "Sam Dalembert", "Dalembert"],
        ["Stanley Perlo", "Stan Perlo"],
        ['Luis Gerardo "Jerry" Ortiz', "Jerry Ortiz"],
        ["Luis Gerardo (Jerry) Ortiz", "Jerry Ortiz"],
        ["Gurbanguly Berdymukhamedov", "Kurbanguly Berdymukhamedov", "Berdymukhamedov"],
        ["H. Dale Hall", "Dale Hall", "Hall"],
        ["Ashley Smith Robinson", "Ms. Smith Robinson"],
        ["Shayne La Croix", "Sgt. La Croix"],
    ],
)
def test_variants_of_one_name_join(names: list[str]) -> None:
    entities = _story([(name, "PERSON") for name in names])
    assert len(entities) == 1


def test_a_short_first_name_shared_by_two_stays_apart() -> None:
    names = ["Christopher Smith", "Christine Smith", "Chris Smith"]
    assert len(_story([(name, "PERSON") for name in names])) == 3


@pytest.mark.parametrize(
    "names",
    [
        [("Bloomington Police Department", "ORG"), ("Bloomington Police", "ORG")],
        [("Crowley Maritime Corp.", "ORG"), ("Crowley Maritime", "ORG")],
        [("TallGrass Distribution Ltd.", "ORG"), ("TallGrass Distribution", "ORG")],
        [("Washington Nationals", "ORG"), ("Nationals", "ORG")],
        [("Los Angeles", "GPE"), ("L.A.", "GPE")],
        [("Uzbek", "NORP"), ("Uzbeks", "ORG")],
    ],
)
def test_short_forms_of_organisations_and_places_join(names: list[tuple[str, str]]) -> None:
    assert len(_story(names)) == 1


def test_dotted_initials_inside_a_name() -> None:
    entities = _story([("Los Angeles", "GPE"), ("Los Angeles Times", "ORG"), ("L.A. Times", "ORG")])
    assert set(_holding(entities, "L.A. Times").aliases) == {"Los Angeles Times", "L.A. Times"}


@pytest.mark.parametrize(
    "names",
    [
        [("L.A.", "GPE"), ("Louisiana", "GPE")],  # "La." is the state, "L.A." is not
        [("Washington Nationals", "ORG"), ("Nationals", "GPE")],  # read as a place once
    ],
)
def test_look_alike_short_forms_stay_apart(names: list[tuple[str, str]]) -> None:
    assert len(_story(names)) == 2
