"""Story clustering: key terms, near-duplicate signatures, the online index, real ECB+ events."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from triangulate.link.stories import (
    ClusterConfig,
    Story,
    StoryIndex,
    StorySignal,
    TermStats,
    band_keys,
    estimated_jaccard,
    key_terms,
    lead_text,
    minhash_signature,
    term_weights,
)


@pytest.fixture(scope="module")
def ecb(shared: Path) -> list[dict[str, Any]]:
    path = shared / "data" / "ecbplus" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("A publicist says Tara Reid has checked herself into rehab.", {"Tara", "Reid"}, {"A"}),
        (
            "Reid, 33, earned a reputation. Cameras followed Reid's every move.",
            {"Reid", "33"},
            {"Cameras"},
        ),
        (
            "Reid, 33, earned a reputation. Her credits include Van Wilder.",
            {"33", "Van"},
            {"Reid", "Her"},
        ),
        ("Sadly, the show ended. Police said 4,051 people came.", {"4051"}, {"Sadly", "Police"}),
        (
            "The quake struck on Monday in Sulawesi, Indonesia.",
            {"Sulawesi", "Indonesia"},
            {"The", "Monday"},
        ),
        # which ceremony: the ordinal tells the 81st Academy Awards from the 86th
        ("Ellen DeGeneres To Host 86th Oscars", {"DeGeneres", "86th", "Oscars"}, {"To"}),
        ("Jackman will host the 81st Academy Awards on Feb. 22.", {"81st", "22"}, {"Feb"}),
    ],
)
def test_key_terms(text: str, present: set[str], absent: set[str]) -> None:
    terms = key_terms(text)
    assert present <= set(terms)
    assert not absent & set(terms)


def test_term_weights_are_unit_length_and_favour_rare_terms() -> None:
    weights = term_weights(
        Counter({"Reid": 3, "Hollywood": 3}), {"Reid": 2, "Hollywood": 80}, 100, top=10
    )
    assert weights["Reid"] > weights["Hollywood"]
    assert sum(w * w for w in weights.values()) == pytest.approx(1.0)


def test_minhash_finds_rewrites_but_not_topic_mates(ecb: list[dict[str, Any]]) -> None:
    text = next(r["text"] for r in ecb if r["id"] == "1_2ecb")
    sentences = text.splitlines()
    rewrite = "\n".join([*sentences[1:], sentences[0], "(Reporting by the wire desk.)"])
    mate = next(r["text"] for r in ecb if r["id"] == "1_2ecbplus")
    original, copy, other = (minhash_signature(t) for t in (text, rewrite, mate))
    assert estimated_jaccard(original, copy) >= ClusterConfig().near_duplicate
    assert estimated_jaccard(original, other) < 0.2
    assert set(band_keys(original)) & set(band_keys(copy))


def _quake_index() -> tuple[StoryIndex, Story]:
    index = StoryIndex(ClusterConfig())
    for i in range(20):  # a background in which "Iran" is a common term
        index.stats.observe({"Iran": 1} if i % 2 else {"Tehran": 1})
    first = StorySignal(
        "a",
        np.array([1, 0, 0, 0], dtype=np.float32),
        {"Iran": 2, "Qeshm": 1, "Hormozgan": 1, "10": 1},
        dt.date(2005, 11, 27),
    )
    return index, index.assign(first)


@pytest.mark.parametrize(
    ("published", "joins"),
    [
        (dt.date(2005, 11, 29), True),
        (dt.date(2005, 12, 20), True),  # inside the month of grace
        (None, True),  # undated: no penalty
        (dt.date(2006, 11, 29), False),  # the same kind of quake, a year later
        (dt.date(2004, 11, 20), False),  # ... or a year earlier
    ],
)
def test_a_late_similar_article_opens_its_own_story(published: dt.date | None, joins: bool) -> None:
    index, story = _quake_index()
    later = StorySignal(
        "b",
        np.array([0.7, 0.714, 0, 0], dtype=np.float32),
        {"Iran": 2, "Qeshm": 1, "Bandar": 1, "13": 1},
        published,
    )
    assert (index.score(later, story) >= index.config.threshold) is joins
    assert (index.assign(later).id == story.id) is joins


def test_story_terms_are_weighted_with_current_document_frequencies() -> None:
    story = Story("s", np.zeros(4, dtype=np.float32), {"Obama": 2.0, "Kempthorne": 1.0})
    stats = TermStats({"Obama": 1, "Kempthorne": 1}, 10)
    assert [t for t, _ in story.ranked_terms(stats)] == ["Obama", "Kempthorne"]
    for _ in range(200):  # "Obama" turns out to be in every other article of the stream
        stats.observe(["Obama"])
    assert [t for t, _ in story.ranked_terms(stats)] == ["Kempthorne", "Obama"]


def test_a_different_opponent_counts_against_a_merge(ecb: list[dict[str, Any]]) -> None:
    """Klitschko vs Rahman (2008) and Klitschko vs Thompson (2012): one boxer, two fights."""
    topic = [r for r in ecb if r["topic"] == 7]
    rahman = [r["text"] for r in topic if r["event"] == "7ecb"]
    thompson = next(r["text"] for r in topic if r["event"] == "7ecbplus")
    vector = np.ones(4, dtype=np.float32) / 2  # equal lead vectors: only the key terms differ

    def gap(conflict_weight: float) -> float:
        index = StoryIndex(ClusterConfig(conflict_weight=conflict_weight))
        for row in topic:
            index.stats.observe(key_terms(row["text"]))
        story = index.assign(StorySignal("r1", vector, key_terms(rahman[1])))
        for n, text in enumerate(rahman[2:6]):
            index.join(story, StorySignal(f"r{n + 2}", vector, key_terms(text)))
        same = index.score(StorySignal("r0", vector, key_terms(rahman[0])), story)
        other = index.score(StorySignal("t", vector, key_terms(thompson)), story)
        return same - other

    assert gap(0.0) > 0.1
    assert gap(1.0) > gap(0.0)


def test_lead_skips_url_lines_and_keeps_the_title() -> None:
    text = "http://example.com/a-b\nHeadline Here\nFirst sentence of the body. Second one."
    lead = lead_text(text, title="Headline Here", words=5)
    assert lead.startswith("Headline Here") and "http" not in lead
    assert len(lead.split()) == 5


def test_same_event_articles_end_up_together(ecb: list[dict[str, Any]], tmp_path: Path) -> None:
    """Two ECB+ topics (four real events, two of each kind) streamed in a random order."""
    from triangulate.store import ingest, list_stories

    rows = [r for r in ecb if r["topic"] in (3, 8)]
    random.Random(7).shuffle(rows)
    source = tmp_path / "stream.jsonl"
    source.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows))
    db = tmp_path / "store.duckdb"
    ingest([source], db)
    story_of = {doc: s.id for s in list_stories(db) for doc in s.documents}
    gold = {r["id"]: r["event"] for r in rows}
    for event in set(gold.values()):
        members = [doc for doc in gold if gold[doc] == event]
        main_story, count = Counter(story_of[d] for d in members).most_common(1)[0]
        purity = sum(1 for d, s in story_of.items() if s == main_story and gold[d] == event) / sum(
            1 for s in story_of.values() if s == main_story
        )
        assert count / len(members) >= 0.7, event
        assert purity >= 0.8, event


def test_only_the_most_recent_stories_stay_active() -> None:
    index = StoryIndex(ClusterConfig(max_active=3))
    basis = np.eye(40, dtype=np.float32)
    opened = [index.assign(StorySignal(f"a{i}", basis[i], {f"T{i}": 1})).id for i in range(40)]
    assert len(set(opened)) == 40 and len(index) == 3
    assert [index.get(s) is not None for s in opened[-4:]] == [False, True, True, True]
    again = index.assign(StorySignal("b", basis[39], {"T39": 1}))
    assert again.id == opened[39] and again.size == 2


def _two_stories(
    ecb: list[dict[str, Any]], first: list[str], second: list[str]
) -> tuple[StoryIndex, Story, Story]:
    """Two stories of real ECB+ articles with equal lead vectors: only terms and time differ."""
    texts = {r["id"]: r["text"] for r in ecb}
    index = StoryIndex(ClusterConfig())
    topic = first[0].split("_")[0]
    for row in ecb:
        if row["id"].split("_")[0] == topic:
            index.stats.observe(key_terms(row["text"]))
    stories = []
    for name, ids in (("a", first), ("b", second)):
        story = Story(name, np.zeros(4, dtype=np.float32))
        for doc in ids:
            index.join(
                story, StorySignal(doc, np.ones(4, dtype=np.float32) / 2, key_terms(texts[doc]))
            )
        stories.append(story)
    return index, stories[0], stories[1]


@pytest.mark.parametrize(
    ("first", "second", "bridge", "merged"),
    [
        # Hugh Jackman to host the 2009 Oscars, split in two stories: one event, they merge.
        (["2_1ecb", "2_3ecb", "2_4ecb"], ["2_5ecb", "2_6ecb"], "2_9ecb", True),
        # Klitschko vs Rahman (2008) and Klitschko vs Thompson (2012): an article that passes
        # the threshold of both stories does not make one fight of the two.
        (["7_1ecb", "7_2ecb", "7_3ecb"], ["7_1ecbplus", "7_2ecbplus"], "7_5ecb", False),
        # The Bush administration's endangered species rule (2008) and Obama's reversal (2009).
        (["9_1ecb", "9_2ecb", "9_3ecb"], ["9_2ecbplus", "9_3ecbplus"], "9_4ecb", False),
    ],
)
def test_an_article_bridging_two_stories_of_one_event_merges_them(
    ecb: list[dict[str, Any]], first: list[str], second: list[str], bridge: str, merged: bool
) -> None:
    index, a, b = _two_stories(ecb, first, second)
    text = next(r["text"] for r in ecb if r["id"] == bridge)
    signal = StorySignal(bridge, np.ones(4, dtype=np.float32) / 2, key_terms(text))
    assert min(index.score(signal, a), index.score(signal, b)) >= index.config.threshold
    story = index.assign(signal)
    assert len(index) == (1 if merged else 2)
    if merged:  # it joined the second story, now as large as the first: the one it joined stays
        assert index.merged == [("a", "b")] and index.get("a") is None
        assert story is b and b.size == len(first) + len(second) + 1
    else:
        assert index.merged == []


def test_an_absorbed_story_adds_its_members_terms_years_and_dates() -> None:
    stats = TermStats({"Jackman": 2, "Oscars": 3, "Condon": 1}, 10)
    a = Story("a", np.ones(4, dtype=np.float32), {"Jackman": 2.0, "Oscars": 1.0}, 2)
    a.years, a.first, a.last = {2008: 2}, dt.date(2008, 12, 12), dt.date(2008, 12, 13)
    b = Story("b", np.ones(4, dtype=np.float32), {"Oscars": 1.0, "Condon": 1.0}, 1)
    b.years, b.first, b.last = {2009: 1}, dt.date(2008, 12, 15), dt.date(2008, 12, 15)
    a.absorb(b, keep_terms=100, stats=stats)
    assert (a.size, a.terms) == (3, {"Jackman": 2.0, "Oscars": 2.0, "Condon": 1.0})
    assert a.years == {2008: 2, 2009: 1}
    assert (a.first, a.last) == (dt.date(2008, 12, 12), dt.date(2008, 12, 15))
    b.years = None  # a story loaded from an old store: its histogram is not known yet
    a.absorb(b, keep_terms=2, stats=stats)
    assert a.years is None and len(a.terms) == 2
