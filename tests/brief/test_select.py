"""The brief on the example story: shared sentences first, then where sources differ, all cited."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from story_records import Story, example_articles, parse_story
from triangulate.brief.select import _half_quote, write_brief
from triangulate.normalise.numbers import parse_amount
from triangulate.types import BriefSentence, Figure, Measure, Sentence

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="module")
def story(example_story: Path, nlp: Language) -> Story:
    return parse_story(example_articles(example_story), nlp)


def _figure(story: Story, fig_id: str, doc_id: str, surface: str, by: str | None) -> Figure:
    start = story.text(doc_id).index(surface)
    amount = parse_amount(surface)
    assert amount is not None
    return Figure(fig_id, doc_id, start, start + len(surface), surface, amount, attributed_to=by)


@pytest.fixture(scope="module")
def ledger(story: Story) -> tuple[list[Figure], list[Measure]]:
    figures = [
        _figure(story, "f1", "001_682662fc06ffbff9", "over 200,000", "Anwar ul Haq Kakar"),
        _figure(story, "f2", "002_f69399a660d41165", "more than 327,000", "UN"),
        _figure(story, "f3", "003_204134f34e0ee376", "over 400,000", None),
        _figure(story, "f4", "000_f10801466fbe62aa", "over 2,200", "Anwar ul Haq Kakar"),
        _figure(story, "f5", "002_f69399a660d41165", "some 2,300", "Anwar ul Haq Kakar"),
    ]
    measures = [
        Measure("m1", "Afghans who left Pakistan", "evolving", "counts grow with each report",
                ("f1", "f2", "f3")),
        Measure("m2", "Pakistanis killed in attacks", "agree", "within rounding", ("f4", "f5")),
    ]  # fmt: skip
    return figures, measures


@pytest.fixture(scope="module")
def brief(story: Story, ledger: tuple[list[Figure], list[Measure]]) -> list[BriefSentence]:
    figures, measures = ledger
    return write_brief(story.sentences, story.articles, measures, figures, {})


def test_five_to_ten_shared_sentences_then_the_differences(brief: list[BriefSentence]) -> None:
    shared = [b for b in brief if b.section == "shared"]
    differ = [b for b in brief if b.section == "differ"]
    assert 5 <= len(shared) <= 10
    assert brief == shared + differ
    assert len(differ) == 1  # only the evolving measure; "agree" needs no line


def test_every_sentence_is_cited_and_every_citation_is_real(
    brief: list[BriefSentence], story: Story
) -> None:
    for sentence in brief:
        assert sentence.citations, sentence.text
        for span in sentence.citations:
            assert 0 <= span.start < span.end <= len(story.text(span.doc_id))


def test_shared_sentences_are_quoted_from_their_source_and_supported(
    brief: list[BriefSentence], story: Story
) -> None:
    for sentence in (b for b in brief if b.section == "shared"):
        own = sentence.citations[0]
        assert " ".join(story.text(own.doc_id)[own.start : own.end].split()) == sentence.text
        # The brief favours what several outlets carry: most picks cite another source.
    supported = [
        b for b in brief if b.section == "shared" and len({c.doc_id for c in b.citations}) > 1
    ]
    assert len(supported) >= 4


def test_no_headline_boilerplate_or_bare_quote(brief: list[BriefSentence], story: Story) -> None:
    titles = {a.title for a in story.articles if a.title}
    for sentence in brief:
        assert sentence.text not in titles
        assert not sentence.text.startswith(("Disclaimer", "(Reporting", "“", '"'))


def test_no_two_picks_say_the_same(brief: list[BriefSentence]) -> None:
    texts = [b.text for b in brief]
    assert len(texts) == len(set(texts))


def test_difference_line_reads_the_ledger(brief: list[BriefSentence]) -> None:
    line = next(b for b in brief if b.section == "differ")
    for surface in ("over 200,000", "more than 327,000", "over 400,000"):
        assert surface in line.text
    assert "Afghans who left Pakistan" in line.text
    assert [(c.doc_id[:3]) for c in line.citations] == ["001", "002", "003"]


def test_a_copy_adds_no_support(story: Story, ledger: tuple[list[Figure], list[Measure]]) -> None:
    figures, measures = ledger
    source = story.articles[2]
    copy = dataclasses.replace(source, id="copy", title=None)
    copy_sentences = [
        Sentence("copy", s.start, s.end, s.text) for s in story.sentences if s.doc_id == source.id
    ]
    with_copy = write_brief(
        [*story.sentences, *copy_sentences],
        [*story.articles, copy],
        measures,
        figures,
        {"copy": source.id},
    )
    assert all(c.doc_id != "copy" for b in with_copy for c in b.citations)
    without = write_brief(story.sentences, story.articles, measures, figures, {})
    assert [b.text for b in with_copy] == [b.text for b in without]


@pytest.mark.parametrize(
    ("text", "half"),
    [
        ('During the operation, six rifles were found and confiscated," the officer said.', True),
        ("“We will not allow it. We never have.", True),
        ('The minister said "no" and left the meeting early.', False),
        ("Kakar said the Taliban “must choose” between Pakistan and the TTP.", False),
    ],
)
def test_pieces_of_quotes_are_not_brief_sentences(text: str, half: bool) -> None:
    assert _half_quote(text) is half
