"""The one speaker resolver: cue patterns, pronouns, descriptions, on real text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from triangulate.extract.speakers import find_attributions
from triangulate.types import Article, Attribution, InputKind

if TYPE_CHECKING:
    from spacy.language import Language


def _attribute(nlp: Language, text: str, doc_id: str = "t") -> list[Attribution]:
    article = Article(id=doc_id, text=text, kind=InputKind.TEXT)
    return find_attributions(nlp(text), article)


@pytest.mark.parametrize(
    ("text", "speaker", "descriptive"),
    [
        ("Kakar said the deadline would not be extended.", "Kakar", False),
        ('"We will not back down," said Kakar.', "Kakar", False),
        ("The ministry said in a statement that the border was closed.", "the ministry", True),
        (
            "Zabihullah Mujahid told Reuters that 400,000 people had returned.",
            "Zabihullah Mujahid",
            False,
        ),
        (
            "Caretaker Prime Minister Anwar ul Haq Kakar stated that talks had failed.",
            "Anwar ul Haq Kakar",
            False,
        ),
        (
            "Attacks rose by 79%, according to the Pakistan Institute for Conflict and Security "
            "Studies.",
            "Pakistan Institute for Conflict and Security Studies",
            False,
        ),
        (
            "Attacks rose by 79%, according to a report by the United Nations.",
            "United Nations",
            False,
        ),
        ("More than 300,000 people have left, according to the UN.", "UN", False),
        (
            "A senior government official said the decision was final.",
            "a senior government official",
            True,
        ),
        ("Police said three people were arrested.", "Police", True),
        (
            "The World Health Organization warned that 1.3 million people could return.",
            "World Health Organization",
            False,
        ),
        (
            "Greek President Carolos Papoulias condemned the violence, saying the country was at "
            "the edge.",
            "Carolos Papoulias",
            False,
        ),
        (
            "A government official downplayed the unrest saying that strikes were common.",
            "a government official",
            True,
        ),
        (
            "Jan Achakzai, Balochistan caretaker Minister for Information, warned that the "
            "hideouts would be raided.",
            "Jan Achakzai",
            False,
        ),
        ("Kakar highlighted that 15 suicide bombings were carried out by Afghans.", "Kakar", False),
        ("Elias Vrettakos said: the measures abolish our rights.", "Elias Vrettakos", False),
    ],
)
def test_cue_patterns(nlp: Language, text: str, speaker: str, descriptive: bool) -> None:
    found = _attribute(nlp, text)
    assert [a.speaker for a in found] == [speaker]
    assert found[0].descriptive is descriptive
    assert text[found[0].start : found[0].end].endswith(speaker.split()[-1])


@pytest.mark.parametrize(
    "text",
    [
        "Recent developments have revealed the negative consequences of the policy.",
        "These attacks have claimed the lives of 2,267 citizens.",
        "Pakistan has maintained its actions despite the criticism.",
        "Adding to this, the deportations have hurt relations.",
    ],
)
def test_non_speech_senses_are_not_attributions(nlp: Language, text: str) -> None:
    assert _attribute(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Kakar said the plan stands. He added that it was lawful.", ["Kakar", "Kakar"]),
        (
            "A senior official said the plan stands. A Foreign Office official said talks "
            "continue. The official said more would follow. The official added nothing.",
            [
                "a senior official",
                "a Foreign Office official",
                "a Foreign Office official",
                "a Foreign Office official",
            ],
        ),
        (
            "Prime Minister Nawaz Sharif spoke in Lahore. Officials said 20 died. The prime "
            "minister said aid would come.",
            ["Officials", "Nawaz Sharif"],
        ),
        (
            "Centre-left daily Eleftherotypia warned that anger was rising. The paper said more.",
            ["Eleftherotypia", "Eleftherotypia"],
        ),
    ],
)
def test_pronouns_and_descriptions_point_back(
    nlp: Language, text: str, speakers: list[str]
) -> None:
    assert [a.speaker for a in _attribute(nlp, text)] == speakers


def test_the_official_keeps_the_quoted_official(nlp: Language, example_story: Path) -> None:
    """ANI: after a one-off Foreign Office official, "the official" is still the senior one."""
    path = next(example_story.glob("004_*.txt"))
    found = _attribute(nlp, path.read_text(encoding="utf-8"), path.stem)
    the_official = [a for a in found if a.cue == "say" and a.speaker.endswith("official")]
    assert "a Foreign Office official" in {a.speaker for a in the_official}
    last = the_official[-1]
    assert last.speaker == "a senior government official"
    assert last.descriptive


def test_spans_and_sentences_point_into_the_text(nlp: Language, example_story: Path) -> None:
    for path in sorted(example_story.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for a in _attribute(nlp, text, path.stem):
            assert a.sentence_start <= a.start < a.end <= a.sentence_end
            assert text[a.start : a.end].strip()
            assert a.doc_id == path.stem
