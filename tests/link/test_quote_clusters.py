"""One quote told by several outlets: clusters and the earliest outlet."""

from __future__ import annotations

import datetime as dt

import pytest

from triangulate.link.quotes import cluster_quotes, quote_similarity
from triangulate.types import Article, InputKind, Quote


def _article(doc_id: str, published: dt.date | None) -> Article:
    return Article(id=doc_id, text="", kind=InputKind.TEXT, published=published)


def _quote(doc_id: str, n: int, text: str) -> Quote:
    return Quote(f"{doc_id}:q{n}", doc_id, 0, len(text), text)


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("We will not hold them indefinitely.", "we will not hold them indefinitely", True),
        (
            "Afghanistan is not our fifth province; it is a separate country.",
            "Afghanistan is not our fifth province, it is a separate country",
            True,
        ),
        (
            "go into terrorist hideouts and teach them a lesson",
            "Pakistan would go into terrorist hideouts and teach them a lesson if attacks go on",
            True,
        ),
        (
            "We are a country facing economic challenges.",
            "They don't even rescue illegal migrants.",
            False,
        ),
        ("illegal aliens", "illegal migrants", False),
    ],
)
def test_same_quote_across_outlets(left: str, right: str, same: bool) -> None:
    out = cluster_quotes(
        [_quote("a", 1, left), _quote("b", 1, right)],
        [_article("a", dt.date(2023, 11, 8)), _article("b", dt.date(2023, 11, 7))],
    )
    assert (out[0].cluster == out[1].cluster) is same
    assert (quote_similarity(left, right) >= 0.8) is same or len(left.split()) < 4


def test_earliest_outlet_is_marked_and_ties_go_to_document_order() -> None:
    words = "we will not hold them indefinitely"
    articles = [
        _article("late", dt.date(2023, 11, 20)),
        _article("tie1", dt.date(2023, 11, 8)),
        _article("tie2", dt.date(2023, 11, 8)),
        _article("undated", None),
    ]
    quotes = [_quote(a.id, 1, words) for a in articles] + [_quote("late", 2, "something else")]
    out = cluster_quotes(quotes, articles)
    assert len({q.cluster for q in out[:4]}) == 1
    assert [q.earliest for q in out] == [False, True, False, False, False]
    assert out[4].cluster != out[0].cluster
    assert [q.id for q in out] == [q.id for q in quotes]


def test_a_quote_in_one_outlet_only_is_not_marked_earliest() -> None:
    out = cluster_quotes([_quote("a", 1, "we will not hold them")], [_article("a", None)])
    assert out[0].cluster is not None
    assert not out[0].earliest


@pytest.mark.parametrize(
    ("speakers", "agreed"),
    [
        # Outlets agreeing on the speaker: each telling gets the fullest form, also one whose
        # outlet names no speaker.
        (["Kafoury", "Charlene Kafoury", None], ["Charlene Kafoury"] * 3),
        (["the officer", "a naval officer"], ["a naval officer"] * 2),
        # Outlets naming different speakers keep their own.
        (["Manohar Nambiar", "the officer"], ["Manohar Nambiar", "the officer"]),
        ([None, None], [None, None]),
    ],
)
def test_outlets_agreeing_on_a_speaker_share_it(
    speakers: list[str | None], agreed: list[str | None]
) -> None:
    words = "the warship immediately altered towards the suspicious vessels"
    articles = [_article(f"d{n}", dt.date(2011, 11, 11)) for n in range(len(speakers))]
    quotes = [
        Quote(f"d{n}:q1", f"d{n}", 0, len(words), words, speaker=speaker)
        for n, speaker in enumerate(speakers)
    ]
    assert [q.speaker for q in cluster_quotes(quotes, articles)] == agreed


def test_different_quotes_keep_their_speakers() -> None:
    quotes = [
        Quote("a:q1", "a", 0, 1, "we will not hold them indefinitely", speaker="Kakar"),
        Quote("b:q1", "b", 0, 1, "they should first implement what they preach", speaker=None),
    ]
    out = cluster_quotes(quotes, [_article("a", None), _article("b", None)])
    assert [q.speaker for q in out] == ["Kakar", None]
