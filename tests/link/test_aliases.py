"""Alias merging across documents, and the user's alias table."""

from __future__ import annotations

from pathlib import Path

import pytest

from triangulate.link.aliases import (
    AliasEntry,
    AliasTable,
    AliasTableError,
    load_alias_table,
    merge_entities,
)
from triangulate.types import Entity, EntityMention

EXAMPLE_TABLE = Path(__file__).resolve().parents[2] / "examples" / "aliases.toml"


def _mention(doc: str, text: str, label: str, start: int = 0) -> EntityMention:
    return EntityMention(doc, start, start + len(text), text, label)


def _merge(*names: tuple[str, str], table: AliasTable | None = None) -> list[Entity]:
    mentions = [_mention(f"d{i}", text, label) for i, (text, label) in enumerate(names)]
    return merge_entities(mentions, table)


@pytest.mark.parametrize(
    ("names", "canonical"),
    [
        (
            [
                ("Tehreek-e-Taliban Pakistan", "ORG"),
                ("Tehreek-i-Taliban Pakistan", "ORG"),
                ("Tahreek-e-Taliban Pakistan", "ORG"),
                ("Pakistan Tehreek-e-Taliban", "ORG"),
                ("Tehreek-e-Taliban Pakistan", "ORG"),
                ("TTP", "ORG"),
            ],
            "Tehreek-e-Taliban Pakistan",
        ),
        ([("Kakar", "PERSON"), ("Anwar ul Haq Kakar", "PERSON")], "Anwar ul Haq Kakar"),
        (
            [
                ("Prime Minister Anwar ul Haq Kakar", "PERSON"),
                ("Kakar", "PERSON"),
                ("Anwar ul Haq Kakar", "PERSON"),
            ],
            "Anwar ul Haq Kakar",
        ),
        ([("United Nations", "ORG"), ("UN", "ORG")], "United Nations"),
        ([("World Health Organization", "ORG"), ("WHO", "ORG")], "World Health Organization"),
        ([("U.S.", "GPE"), ("US", "GPE")], "U.S."),
        (
            [
                ("Heydar Alishbandi", "PERSON"),
                ("Heidar Alishvandi", "PERSON"),
                ("Heidar Alishvandi", "PERSON"),
            ],
            "Heidar Alishvandi",
        ),
        ([("Hormozgan province", "GPE"), ("Hormozgan", "GPE")], "Hormozgan province"),
        ([("The Associated Press", "ORG"), ("Associated Press", "ORG")], "The Associated Press"),
        ([("Afghans", "NORP"), ("Afghan", "NORP"), ("Afghan", "NORP")], "Afghan"),
        # Spelling variants met in ECB+ reports of one story.
        ([("Ilias Vrettakos", "PERSON"), ("Elias Vrettakos", "PERSON")], "Ilias Vrettakos"),
        ([("Karavan", "GPE"), ("Karvan", "GPE")], "Karavan"),
        ([("Khaledin", "PERSON"), ("Khaldin", "PERSON")], "Khaledin"),
        (
            [("Hormozgan", "GPE"), ("Hormouzgan province", "GPE"), ("Hormuzgan province", "GPE")],
            "Hormouzgan province",
        ),
        ([("Greek", "NORP"), ("Greek", "NORP"), ("Greeks", "PERSON")], "Greek"),
        (
            [
                ("U.S. Geological Survey", "ORG"),
                ("US Geological Survey", "ORG"),
                ("United States Geological Survey", "ORG"),
                ("USGS", "ORG"),
            ],
            "U.S. Geological Survey",
        ),
        # Generic heads and a nationality prefix around an organisation's name.
        (
            [
                ("Taliban", "ORG"),
                ("Taliban", "ORG"),
                ("Taliban-led administration", "ORG"),
                ("Taliban government", "ORG"),
            ],
            "Taliban",
        ),
        ([("AFP", "ORG"), ("AFP news agency", "ORG"), ("AFP", "ORG")], "AFP"),
        # Middle initials, generational suffixes, parts of an organisation's name, US states.
        ([("Robert Pickell", "PERSON"), ("Robert J Pickell", "PERSON")], "Robert J Pickell"),
        (
            [("Anthony LaCalamita", "PERSON"), ("Anthony LaCalamita III", "PERSON")],
            "Anthony LaCalamita III",
        ),
        ([("Gordon Advisors", "ORG"), ("Gordon", "ORG")], "Gordon Advisors"),
        ([("Kraft Foods", "ORG"), ("Kraft Food", "ORG"), ("Kraft Foods", "ORG")], "Kraft Foods"),
        (
            [("LaTonya Sharon Brown", "PERSON"), ("LaTonya Brown", "PERSON"), ("Brown", "PERSON")],
            "LaTonya Sharon Brown",
        ),
        ([("WDIV-TV", "ORG"), ("WDIV", "ORG")], "WDIV-TV"),
        (
            [("Royal Oak Beaumont Hospital", "ORG"), ("Beaumont Hospital", "ORG")],
            "Royal Oak Beaumont Hospital",
        ),
        ([("Michigan", "GPE"), ("Mich.", "GPE")], "Michigan"),
    ],
)
def test_merges(names: list[tuple[str, str]], canonical: str) -> None:
    entities = _merge(*names)
    assert [e.name for e in entities] == [canonical]
    assert set(entities[0].aliases) == {text for text, _ in names}
    assert len(entities[0].mentions) == len(names)


@pytest.mark.parametrize(
    "names",
    [
        [("George W. Bush", "PERSON"), ("George H. W. Bush", "PERSON"), ("Bush", "PERSON")],
        [("Mali", "GPE"), ("Male", "GPE")],
        [("Pakistan", "GPE"), ("Pakistani", "NORP")],
        [("Foreign Office", "ORG"), ("Office", "ORG")],
        [("Mexico City", "GPE"), ("Mexico", "GPE")],
        [("Michael Jordan", "PERSON"), ("Jordan", "GPE")],
        [("Taliban", "ORG"), ("Tehreek-e-Taliban Pakistan", "ORG")],
        [("Qeshm", "GPE"), ("Qeshm City", "GPE")],
        [("Kabul", "GPE"), ("Kabul administration", "ORG")],
        [("Greek", "NORP"), ("Greek government", "ORG")],
        [("Jordan", "PERSON"), ("Jardine", "PERSON")],
        [("Philippine", "NORP"), ("Philippines", "GPE")],
        [("Oman", "GPE"), ("Amman", "GPE")],
        [("George Bush", "PERSON"), ("George W. Bush", "PERSON"), ("George H. W. Bush", "PERSON")],
        [("EU & IMF", "ORG"), ("EU", "ORG"), ("IMF", "ORG")],
        [("Royal Oak Beaumont Hospital", "ORG"), ("Royal Oak", "ORG")],
        [("Pakistan Institute for Conflict and Security Studies", "ORG"), ("Pakistan", "GPE")],
    ],
)
def test_does_not_merge(names: list[tuple[str, str]]) -> None:
    assert len(_merge(*names)) == len(names)


def test_acronym_defined_in_the_text_wins() -> None:
    text = "Pakistan Institute for Conflict and Security Studies (PICSS)"
    mentions = [
        _mention("a", "Pakistan Institute for Conflict and Security Studies", "ORG"),
        _mention("a", "PICSS", "ORG", start=text.index("PICSS")),
        _mention("b", "PICSS", "ORG"),
    ]
    entities = merge_entities(mentions)
    assert [e.name for e in entities] == ["Pakistan Institute for Conflict and Security Studies"]


def test_table_forces_and_forbids_merges() -> None:
    table = AliasTable(
        aliases=(AliasEntry("Taliban", ("Afghan Taliban", "Kabul administration"), "ORG"),),
        separate=(frozenset({"TTP", "Tehreek-e-Taliban Pakistan"}),),
    )
    entities = _merge(
        ("Taliban", "ORG"),
        ("Afghan Taliban", "ORG"),
        ("Kabul administration", "ORG"),
        ("TTP", "ORG"),
        ("Tehreek-e-Taliban Pakistan", "ORG"),
        table=table,
    )
    names = {e.name: e for e in entities}
    assert set(names["Taliban"].aliases) == {"Taliban", "Afghan Taliban", "Kabul administration"}
    assert names["Taliban"].type == "ORG"
    assert {"TTP", "Tehreek-e-Taliban Pakistan"} <= set(names)
    merged = _merge(("TTP", "ORG"), ("Tehreek-e-Taliban Pakistan", "ORG"))
    assert [e.name for e in merged] == ["Tehreek-e-Taliban Pakistan"]


def test_example_table_loads_and_applies() -> None:
    table = load_alias_table(EXAMPLE_TABLE)
    assert any(entry.name == "Taliban" for entry in table.aliases)
    entities = _merge(("Afghan Taliban", "NORP"), ("Taliban", "ORG"), table=table)
    assert [(e.name, e.type) for e in entities] == [("Taliban", "ORG")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[alias]]\nname = \n", "not valid TOML"),
        ('[[alias]]\naliases = ["x"]\n', "entry 1: 'name'"),
        ('[[alias]]\nname = "X"\naliases = "Y"\n', "'aliases' must be a list"),
        ('[[alias]]\nname = "X"\ntype = "CITY"\n', "'type' must be one of"),
        ('[[separate]]\nnames = ["X"]\n', "at least two names"),
        ('[[aliases]]\nname = "X"\n', "unknown section"),
        (
            '[[alias]]\nname = "A"\naliases = ["B"]\n[[separate]]\nnames = ["A", "B"]\n',
            "keeps apart",
        ),
    ],
)
def test_table_errors_name_the_file_and_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AliasTableError) as caught:
        load_alias_table(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_missing_table_file(tmp_path: Path) -> None:
    with pytest.raises(AliasTableError, match="cannot read"):
        load_alias_table(tmp_path / "nope.toml")


def test_a_body_with_and_without_its_place_and_its_plurals_is_one() -> None:
    entities = _merge(
        ("Central Election Commission", "ORG"),
        ("Central Election Commission of Turkmenistan", "ORG"),
        ("Central Elections Commission", "ORG"),
        ("Turkmenistan", "GPE"),
        ("CEC", "ORG"),
    )
    assert sorted(len(e.mentions) for e in entities) == [1, 4]
    assert "CEC" in next(e for e in entities if len(e.mentions) == 4).aliases


def test_nationality_prefix_joins_the_name() -> None:
    entities = _merge(
        ("Afghan", "NORP"), ("Taliban", "ORG"), ("Taliban", "ORG"), ("Afghan Taliban", "ORG")
    )
    assert {e.name: set(e.aliases) for e in entities} == {
        "Afghan": {"Afghan"},
        "Taliban": {"Taliban", "Afghan Taliban"},
    }


def test_nationality_prefix_that_is_not_unique_merges_nothing() -> None:
    """ "Afghan Taliban" and "Pakistani Taliban" are different groups: neither is "Taliban"."""
    entities = _merge(
        ("Afghan", "NORP"),
        ("Pakistani", "NORP"),
        ("Taliban", "ORG"),
        ("Afghan Taliban", "ORG"),
        ("Pakistani Taliban", "ORG"),
    )
    assert len(entities) == 5


def test_commonest_spelling_names_the_person() -> None:
    """Three reports spell "Alishvandi", two "Alishbandi": the canonical name follows three."""
    entities = _merge(
        ("Heydar Alishbandi", "PERSON"),
        ("Heydar Alishbandi", "PERSON"),
        ("Heydar Alishvandi", "PERSON"),
        ("Heidar Alishvandi", "PERSON"),
        ("Heidar Alishvandi", "PERSON"),
    )
    assert [e.name for e in entities] == ["Heidar Alishvandi"]


def test_a_listed_name_is_no_acronym_definition() -> None:
    """ "the U.S., EU and others": ", " is the same gap as " (" but EU does not spell U.S."""
    text = "U.S., EU"
    mentions = [
        _mention("a", "U.S.", "GPE"),
        _mention("a", "EU", "ORG", start=text.index("EU")),
        _mention("b", "United States", "GPE"),
    ]
    assert {e.name for e in merge_entities(mentions)} == {"U.S.", "EU"}


@pytest.mark.parametrize(("times", "joins"), [(3, True), (2, False)])
def test_a_short_name_joins_the_long_one_named_far_more_often(times: int, joins: bool) -> None:
    foods = [("Kraft Foods", "ORG")] * times
    entities = _merge(*foods, ("Kraft Factory Shooting", "ORG"), ("Kraft", "ORG"))
    kraft = next(e for e in entities if "Kraft" in e.aliases)
    assert (kraft.name == "Kraft Foods") is joins
