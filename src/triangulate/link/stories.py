"""Online story clustering: which stored story does a new article belong to, if any?

Two steps, both cheap enough for a stream of 100k articles:

1. Near-duplicates (wire copies, re-posts): MinHash signatures over word 5-shingles and LSH
   banding find candidates; a candidate whose estimated Jaccard similarity passes
   ``near_duplicate`` puts the article into that article's story, no embedding needed.
2. Same-event grouping: the article's title + lead embedding is compared with the centroids of
   the active stories, and the best ones are re-scored with the overlap of their key terms
   (capitalised words and numbers: a cheap stand-in for named entities, weighted by tf-idf).
   Stories outside the publication-time window are skipped when both sides are dated. The
   article joins the best story whose score passes ``threshold``, or opens a new one.

Stories are never re-clustered: a decision, once taken, stays, which is what lets ingest run in
batches with memory bounded by the number of active stories (``max_active``), not the corpus.
Nothing here touches spaCy or the store; :mod:`triangulate.store` persists the state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from datasketch import MinHash

__all__ = [
    "BANDS",
    "NUM_PERM",
    "ClusterConfig",
    "Story",
    "StoryIndex",
    "StorySignal",
    "band_keys",
    "estimated_jaccard",
    "key_terms",
    "lead_text",
    "minhash_signature",
    "story_id_for",
    "term_weights",
]

Vector = npt.NDArray[np.float32]
Signature = npt.NDArray[np.uint32]

NUM_PERM = 100
BANDS = 20  # 20 bands x 5 rows: pairs at Jaccard 0.8 collide in some band with p > 0.999
_ROWS = NUM_PERM // BANDS
_SHINGLE = 5
_LEAD_WORDS = 60

_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# A capitalised word (with inner dots/hyphens: "U.S.", "Al-Shabaab") or a number.
_TERM = re.compile(r"\b(?:[A-Z][\w'’&.-]*\w|[A-Z]|\d[\d,.]*\d|\d)\b")
_SENTENCE_END = re.compile(r"[.!?:;\"“”‘’(\[\-–—]\s*$")
# Capitalised words that say nothing about which event a text tells.
_COMMON = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "he",
        "her",
        "his",
        "i",
        "if",
        "in",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "she",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "we",
        "what",
        "when",
        "where",
        "who",
        "why",
        "with",
        "you",
        "your",
        "after",
        "before",
        "then",
        "also",
        "however",
        "meanwhile",
        "mr",
        "mrs",
        "ms",
        "dr",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "am",
        "pm",
        "edt",
        "est",
        "pdt",
        "pst",
        "gmt",
        "utc",
        "et",
        "bst",
        "updated",
        "published",
        "posted",
        "first",
        "last",
        "read",
        "more",
        "share",
        "tweet",
        "email",
        "comments",
        "advertisement",
        "photo",
        "image",
        "video",
        "click",
        "here",
        "said",
        "says",
    ]
)


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Thresholds of the story clusterer (tuned on ECB+ topics 1-10; see eval/clustering.py)."""

    threshold: float = 0.9
    keyword_weight: float = 2.0
    near_duplicate: float = 0.8
    window_days: int = 7
    top_terms: int = 30
    story_terms: int = 80
    candidates: int = 20
    max_active: int = 5000


@dataclass(frozen=True, slots=True)
class StorySignal:
    """What the clusterer needs from one article: its lead vector, key terms and date."""

    id: str
    vector: Vector
    terms: Mapping[str, float]
    published: dt.date | None = None
    headline: str | None = None


@dataclass(slots=True)
class Story:
    """A story's running state: summed lead vectors, summed term weights, size, date span."""

    id: str
    vector_sum: Vector
    terms: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    title: str | None = None

    def centroid(self) -> Vector:
        """The unit-length mean direction of the members' lead vectors."""
        norm = float(np.linalg.norm(self.vector_sum))
        return np.asarray(self.vector_sum / norm if norm > 0 else self.vector_sum, dtype=np.float32)

    def add(self, signal: StorySignal, keep_terms: int) -> None:
        """Fold one member into the running state (term weights truncated to ``keep_terms``)."""
        self.vector_sum = np.asarray(self.vector_sum + signal.vector, dtype=np.float32)
        for term, weight in signal.terms.items():
            self.terms[term] = self.terms.get(term, 0.0) + weight
        if len(self.terms) > keep_terms:
            kept = sorted(self.terms.items(), key=lambda kv: -kv[1])[:keep_terms]
            self.terms = dict(kept)
        self.size += 1
        if self.title is None:
            self.title = signal.headline
        if signal.published is not None:
            self.first = min(self.first or signal.published, signal.published)
            self.last = max(self.last or signal.published, signal.published)


class StoryIndex:
    """The active stories, most recently updated last; decides where each new article goes.

    Unit centroids live in one preallocated matrix (a row per active story), so finding the
    closest stories is a single matrix-vector product however many stories are active.
    """

    def __init__(self, config: ClusterConfig, stories: Iterable[Story] = ()) -> None:
        self.config = config
        self._stories: OrderedDict[str, Story] = OrderedDict()
        self._slot: dict[str, int] = {}
        self._owner: list[str | None] = []
        self._free: list[int] = []
        self._matrix: Vector = np.zeros((0, 0), dtype=np.float32)
        for story in stories:
            self.add(story)

    def __contains__(self, story_id: object) -> bool:
        return story_id in self._stories

    def __len__(self) -> int:
        return len(self._stories)

    def get(self, story_id: str) -> Story | None:
        """The active story with this id, if it is active."""
        return self._stories.get(story_id)

    def add(self, story: Story) -> None:
        """Make a story (e.g. loaded from the store) active, or refresh it after a change."""
        self._stories[story.id] = story
        self._stories.move_to_end(story.id)
        slot = self._slot.get(story.id)
        if slot is None:
            slot = self._take_slot(story.vector_sum.shape[0])
            self._slot[story.id] = slot
            self._owner[slot] = story.id
        self._matrix[slot] = story.centroid()
        self._evict()

    def best_match(self, signal: StorySignal) -> tuple[str | None, float]:
        """The best story for ``signal`` and its score; None when no story passes the threshold."""
        if not self._stories:
            return None, 0.0
        cosines = self._matrix[: len(self._owner)] @ signal.vector
        # Twice the shortlist, so that stories dropped by the date window leave enough behind.
        wanted = min(len(cosines), 2 * self.config.candidates)
        top = np.argpartition(-cosines, wanted - 1)[:wanted]
        best_id, best, kept = None, -math.inf, 0
        for i in top[np.argsort(-cosines[top])]:
            owner = self._owner[int(i)]
            story = self._stories.get(owner) if owner is not None else None
            if story is None or not self._in_window(story, signal.published):
                continue
            kept += 1
            score = float(cosines[i]) + self.config.keyword_weight * _cosine(
                signal.terms, story.terms
            )
            if score > best:
                best_id, best = story.id, score
            if kept == self.config.candidates:
                break
        return (best_id, best) if best >= self.config.threshold else (None, best)

    def assign(self, signal: StorySignal) -> Story:
        """Put the article into its best story, or open a new story for it; return the story."""
        story_id, _ = self.best_match(signal)
        if story_id is None:
            story = Story(story_id_for(signal.id), np.zeros_like(signal.vector))
            return self.join(story, signal)
        return self.join(self._stories[story_id], signal)

    def join(self, story: Story, signal: StorySignal) -> Story:
        """Add the article to ``story`` (e.g. the story of its near-duplicate) and activate it."""
        story.add(signal, self.config.story_terms)
        self.add(story)
        return story

    def _take_slot(self, dim: int) -> int:
        if self._free:
            return self._free.pop()
        if self._matrix.shape[1] != dim or len(self._owner) == self._matrix.shape[0]:
            grown = np.zeros((max(16, 2 * self._matrix.shape[0]), dim), dtype=np.float32)
            grown[: self._matrix.shape[0]] = self._matrix[:, :dim] if self._matrix.size else 0.0
            self._matrix = grown
        self._owner.append(None)
        return len(self._owner) - 1

    def _in_window(self, story: Story, published: dt.date | None) -> bool:
        if published is None or story.first is None or story.last is None:
            return True
        window = dt.timedelta(days=self.config.window_days)
        return story.first - window <= published <= story.last + window

    def _evict(self) -> None:
        # Stories not updated for a long time drop out of the active set; they stay in the store.
        while len(self._stories) > self.config.max_active:
            story_id, _ = self._stories.popitem(last=False)
            slot = self._slot.pop(story_id)
            self._owner[slot] = None
            self._matrix[slot] = 0.0
            self._free.append(slot)


def story_id_for(article_id: str) -> str:
    """A story's id: stable, derived from the article that opened it."""
    return "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:10]


def lead_text(text: str, title: str | None = None, words: int = _LEAD_WORDS) -> str:
    """The title and the first ``words`` words of the body: what the story embedding reads."""
    lines = [
        line.strip() for line in text.splitlines() if line.strip() and not _URL_LINE.match(line)
    ]
    body = " ".join(lines).split()[:words]
    lead = " ".join(body)
    if title and title not in lead:
        return f"{title}. {lead}"
    return lead


def key_terms(text: str) -> Counter[str]:
    """Count the capitalised words and numbers of a text: a cheap proxy for its entities.

    A capitalised word that starts a sentence counts only if the text also capitalises it
    mid-sentence ("Police said" and "Sadly, ..." are no names; "Reid said" is, as "... Reid" is).
    """
    counts: Counter[str] = Counter()
    at_start: Counter[str] = Counter()
    for line in text.splitlines():
        if _URL_LINE.match(line):
            continue
        for match in _TERM.finditer(line):
            term = _normalise_term(match.group())
            if term is None:
                continue
            before = line[: match.start()]
            if not term[0].isdigit() and (not before.strip() or _SENTENCE_END.search(before)):
                at_start[term] += 1
            else:
                counts[term] += 1
    for term, n in at_start.items():
        if term in counts:
            counts[term] += n
    return counts


def term_weights(
    counts: Mapping[str, int], df: Mapping[str, int], n_docs: int, top: int
) -> dict[str, float]:
    """Unit-length tf-idf weights of the ``top`` heaviest terms (sublinear tf, smoothed idf)."""
    weights = {
        term: (1.0 + math.log(n)) * math.log(1.0 + n_docs / max(1, df.get(term, 1)))
        for term, n in counts.items()
        if n > 0
    }
    kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
    return {term: w / norm for term, w in kept}


def minhash_signature(text: str) -> Signature:
    """The MinHash signature of a text's word 5-shingles (lower-cased)."""
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {" ".join(words[i : i + _SHINGLE]) for i in range(max(1, len(words) - _SHINGLE + 1))}
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    sketch.update_batch([s.encode("utf-8") for s in shingles])
    return np.asarray(sketch.hashvalues, dtype=np.uint32)


def band_keys(signature: Signature) -> list[int]:
    """One LSH bucket key per band (a signed 64-bit hash of the band's rows)."""
    keys = []
    for band in range(BANDS):
        rows = signature[band * _ROWS : (band + 1) * _ROWS].tobytes()
        digest = hashlib.blake2b(rows, digest_size=8, person=band.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def estimated_jaccard(a: Signature, b: Signature) -> float:
    """The Jaccard similarity of two texts' shingle sets, estimated from their signatures."""
    return float(np.mean(a == b))


def _normalise_term(raw: str) -> str | None:
    term = re.sub(r"['’]s$", "", raw).rstrip(".")
    if term[:1].isdigit():
        term = term.replace(",", "")
        return term if len(term) >= 2 else None
    if len(term) < 2 or term.lower() in _COMMON:
        return None
    return term


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if not a or not b:
        return 0.0
    norm_b = math.sqrt(sum(w * w for w in b.values())) or 1.0
    return sum(w * b.get(t, 0.0) for t, w in a.items()) / norm_b
