"""Derivative detection: which documents rewrite or duplicate another one.

Two documents are one source when they tell the same facts in the same order in close wording:
an agency story re-published with a new headline, a lightly edited copy. The test has two
parts, both needed:

* word-shingle containment: most of the shorter text's 5-word shingles occur in the other
  (independent reports of one event share names and numbers, rarely runs of five words);
* ordered sentence alignment: most of the shorter text's sentences have a close counterpart
  in the other, and the counterparts come in the same order (longest increasing run).

The earlier-published document is the original (on one date, or with none, the longer one: a
condensed copy is the derivative; then the one given first); a copy of a copy points at the
first original.

>>> from triangulate.types import Article, InputKind
>>> body = "The river rose overnight and flooded the old town. Hundreds of homes were evacuated."
>>> a = Article(id="a", text="Floods hit town\\n" + body, kind=InputKind.TEXT)
>>> b = Article(id="b", text="Town flooded\\n" + body, kind=InputKind.TEXT)
>>> find_derivatives([a, b])
{'b': 'a'}
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from triangulate.link._tokens import content_tokens, words
from triangulate.types import Article

__all__ = ["find_derivatives", "original_of"]

_SHINGLE = 5
_MIN_CONTAINMENT = 0.5
_MIN_ALIGNED = 0.6
_SENTENCE_MATCH = 0.6
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…”\"])\s+|\n+")


def find_derivatives(articles: Sequence[Article]) -> dict[str, str]:
    """Map each derived document's id to the id of the document it rewrites."""
    shingles = [_shingles(a.text) for a in articles]
    # Earlier first; on one date (or none) the longer text: outlets trim a wire story more
    # often than they pad one, so a condensed copy is the derivative.
    order = sorted(
        range(len(articles)),
        key=lambda i: (_date_key(articles[i].published), -len(articles[i].text), i),
    )
    rank = {index: position for position, index in enumerate(order)}
    derived: dict[str, str] = {}
    for i, j in _candidate_pairs(shingles):
        first, second = (i, j) if rank[i] < rank[j] else (j, i)
        if articles[second].id in derived or not _is_copy(
            articles[first], articles[second], shingles[first], shingles[second]
        ):
            continue
        derived[articles[second].id] = articles[first].id
    return {copy: original_of(copy, derived) for copy in derived}


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    tokens = words(text)
    return frozenset(
        tuple(tokens[k : k + _SHINGLE]) for k in range(max(1, len(tokens) - _SHINGLE + 1))
    )


def _candidate_pairs(shingles: list[frozenset[tuple[str, ...]]]) -> list[tuple[int, int]]:
    """Pairs sharing enough shingles to be worth aligning, found through an inverted index."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for doc, doc_shingles in enumerate(shingles):
        for shingle in doc_shingles:
            index[shingle].append(doc)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for docs in index.values():
        if len(docs) > 50:  # boilerplate shared by a whole feed says nothing about copying
            continue
        for x, i in enumerate(docs):
            for j in docs[x + 1 :]:
                shared[(i, j)] += 1
    pairs = []
    for (i, j), count in shared.items():
        smaller = min(len(shingles[i]), len(shingles[j]))
        if smaller and count / smaller >= _MIN_CONTAINMENT:
            pairs.append((i, j))
    return sorted(pairs)


def _is_copy(
    original: Article,
    copy: Article,
    original_shingles: frozenset[tuple[str, ...]],
    copy_shingles: frozenset[tuple[str, ...]],
) -> bool:
    smaller = min(len(original_shingles), len(copy_shingles))
    if not smaller or len(original_shingles & copy_shingles) / smaller < _MIN_CONTAINMENT:
        return False
    return _aligned_share(_sentences(original.text), _sentences(copy.text)) >= _MIN_ALIGNED


def _sentences(text: str) -> list[frozenset[str]]:
    parts = (content_tokens(p) for p in _SENTENCE_SPLIT.split(text))
    return [p for p in parts if len(p) >= 3]


def _aligned_share(left: list[frozenset[str]], right: list[frozenset[str]]) -> float:
    """Share of the shorter side's sentences matched, in order, in the other side."""
    if len(left) < len(right):
        left, right = right, left
    if not right:
        return 0.0
    matches: list[int] = []
    for sentence in right:
        best, best_score = -1, _SENTENCE_MATCH
        for position, other in enumerate(left):
            score = len(sentence & other) / len(sentence | other)
            if score >= best_score:
                best, best_score = position, score
        if best >= 0:
            matches.append(best)
    return _longest_increasing(matches) / len(right)


def _longest_increasing(values: list[int]) -> int:
    tails: list[int] = []
    for value in values:
        at = bisect.bisect_right(tails, value)
        if at == len(tails):
            tails.append(value)
        else:
            tails[at] = value
    return len(tails)


def _date_key(published: dt.date | None) -> dt.date:
    # Undated documents come after dated ones: a dated copy is more likely the original.
    return published or dt.date.max


def original_of(doc_id: str, derived_from: Mapping[str, str]) -> str:
    """The document a rewrite descends from, following chains and stopping at cycles."""
    seen = {doc_id}
    while doc_id in derived_from and derived_from[doc_id] not in seen:
        doc_id = derived_from[doc_id]
        seen.add(doc_id)
    return doc_id
