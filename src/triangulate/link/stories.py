"""Online story clustering: which stored story does a new article belong to, if any?

Two steps, both cheap enough for a stream of 100k articles:

1. Near-duplicates (wire copies, re-posts): MinHash signatures over word 5-shingles and LSH
   banding find candidates; a candidate whose estimated Jaccard similarity passes
   ``near_duplicate`` puts the article into that article's story, no embedding needed.
2. Same-event grouping: the article's title + lead embedding is compared with the centroids of
   the active stories, and the closest ones are scored with their key terms (capitalised words
   and numbers: a cheap stand-in for named entities). Key terms are kept as raw counts and
   weighted by tf-idf with the document frequencies *of now*, so a term that was rare when a
   story opened but has since become common stops counting for much. The score is

       cosine + keyword_weight * term cosine - conflict_weight * conflict - date penalty

   where ``conflict`` is the smaller of two shares of tf-idf mass: the article's terms the story
   never mentions and the story's terms the article never mentions. Both sides naming people,
   places or numbers the other lacks is what tells a second earthquake, a second Oscar host or
   a second fight of the same boxer from a follow-up of the first. The date penalty grows with
   the log of the days between the article and the story's date span beyond ``window_days``.
   The article joins the best story whose score passes ``threshold``, or opens a new one.

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
    "TermStats",
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
# Title + 30 words: as good as 60 words on ECB+ (B3 F1 within 0.005) at half the encoder time.
_LEAD_WORDS = 30

_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# A capitalised word (with inner dots/hyphens: "U.S.", "Al-Shabaab") or a number.
_TERM = re.compile(r"\b(?:[A-Z][\w'’&.-]*\w|[A-Z]|\d[\d,.]*\d|\d)\b")
_SENTENCE_END = re.compile(r"[.!?:;\"“”‘’(\[\-–—]\s*$")
# Capitalised words that say nothing about which event a text tells.
_COMMON_WORDS = """
    a an and as at but by for from he her his i if in it its me my of on or our she that the their
    them there these they this those to we what when where who why with you your after before then
    also however meanwhile mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december jan feb
    mar apr jun jul aug sep sept oct nov dec am pm edt est pdt pst gmt utc et bst updated published
    posted first last read more share tweet email comments advertisement photo image video click
    here said says
"""
_COMMON = frozenset(_COMMON_WORDS.split())


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Weights and thresholds of the story clusterer (tuned on ECB+ topics 1-10 only).

    ``python -m eval.clustering --tune`` grid-searches ``threshold``, ``keyword_weight`` and
    ``conflict_weight``; ``date_weight`` and ``window_days`` are set by hand (ECB+ has too few
    dated articles on both sides of a pair to fit them): a month of grace, then a penalty that
    reaches about 1.2 for a year apart, more than most same-kind events can make up.
    """

    threshold: float = 0.25
    keyword_weight: float = 2.0
    conflict_weight: float = 1.0
    date_weight: float = 0.5
    window_days: int = 30
    near_duplicate: float = 0.8
    top_terms: int = 30
    story_terms: int = 100
    candidates: int = 20
    max_active: int = 5000


@dataclass(slots=True)
class TermStats:
    """Document frequencies of key terms, as of now: what every tf-idf weight is computed from.

    The store keeps the full table; ingest loads the rows one batch needs, so this holds the
    terms of a batch and of the stories it may join, never the corpus vocabulary.
    """

    df: dict[str, int] = field(default_factory=dict)
    n_docs: int = 0

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency (an unseen term counts as seen once)."""
        return math.log(1.0 + self.n_docs / max(1, self.df.get(term, 1)))

    def observe(self, terms: Iterable[str]) -> None:
        """Count one more document containing ``terms``."""
        for term in terms:
            self.df[term] = self.df.get(term, 0) + 1
        self.n_docs += 1

    def weights(self, counts: Mapping[str, float], top: int) -> dict[str, float]:
        """Unit-length tf-idf weights of the ``top`` heaviest of a text's term counts."""
        return term_weights(counts, self.df, self.n_docs, top)


@dataclass(frozen=True, slots=True)
class StorySignal:
    """What the clusterer needs from one article: lead vector, key-term counts, date, headline."""

    id: str
    vector: Vector
    counts: Mapping[str, int]
    published: dt.date | None = None
    headline: str | None = None


@dataclass(slots=True)
class Story:
    """A story's running state: summed lead vectors, summed term frequencies, size, date span.

    ``terms`` maps a key term to the sum of its sublinear frequency (1 + log count) over the
    members: raw, so that weighting by idf happens at comparison time, with current counts.
    """

    id: str
    vector_sum: Vector
    terms: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    title: str | None = None
    # (size, n_docs up to which it holds, norm): see StoryIndex._norm.
    norm_cache: tuple[int, int, float] | None = field(default=None, repr=False, compare=False)

    def centroid(self) -> Vector:
        """The unit-length mean direction of the members' lead vectors."""
        norm = float(np.linalg.norm(self.vector_sum))
        return np.asarray(self.vector_sum / norm if norm > 0 else self.vector_sum, dtype=np.float32)

    def add(self, signal: StorySignal, keep_terms: int, stats: TermStats) -> None:
        """Fold one member in; keep the ``keep_terms`` terms heaviest by current tf-idf."""
        self.vector_sum = np.asarray(self.vector_sum + signal.vector, dtype=np.float32)
        for term, n in signal.counts.items():
            if n > 0:
                self.terms[term] = self.terms.get(term, 0.0) + 1.0 + math.log(n)
        if len(self.terms) > keep_terms:
            self.terms = dict(self.ranked_terms(stats)[:keep_terms])
        self.size += 1
        if self.title is None:
            self.title = signal.headline
        if signal.published is not None:
            self.first = min(self.first or signal.published, signal.published)
            self.last = max(self.last or signal.published, signal.published)

    def ranked_terms(self, stats: TermStats) -> list[tuple[str, float]]:
        """The story's terms with their raw sums, heaviest by current tf-idf first."""
        return sorted(self.terms.items(), key=lambda kv: (-kv[1] * stats.idf(kv[0]), kv[0]))

    def days_outside(self, published: dt.date | None) -> int:
        """Days between ``published`` and the story's date span (0 inside it, or if undated)."""
        if published is None or self.first is None or self.last is None:
            return 0
        return max(0, (self.first - published).days, (published - self.last).days)


class StoryIndex:
    """The active stories, most recently updated last; decides where each new article goes.

    Unit centroids live in one preallocated matrix (a row per active story), so finding the
    closest stories is a single matrix product however many stories are active. ``stats`` are
    the term document frequencies the scores use; :meth:`assign` and :meth:`join` count each
    article in, so a caller that streams articles through the index keeps them current.
    """

    def __init__(
        self, config: ClusterConfig, stories: Iterable[Story] = (), stats: TermStats | None = None
    ) -> None:
        self.config = config
        self.stats = stats if stats is not None else TermStats()
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

    def shortlist(self, vectors: Vector) -> set[str]:
        """The ids of the stories :meth:`best_match` would score for any of these lead vectors."""
        if not self._stories or len(vectors) == 0:
            return set()
        cosines = np.asarray(vectors, dtype=np.float32) @ self._matrix[: len(self._owner)].T
        wanted = min(cosines.shape[1], self.config.candidates)
        top = np.argpartition(-cosines, wanted - 1, axis=1)[:, :wanted]
        return {owner for i in np.unique(top) if (owner := self._owner[int(i)]) is not None}

    def best_match(self, signal: StorySignal) -> tuple[str | None, float]:
        """The best story for ``signal`` and its score; None when no story passes the threshold."""
        if not self._stories:
            return None, -math.inf
        cosines = self._matrix[: len(self._owner)] @ signal.vector
        wanted = min(len(cosines), self.config.candidates)
        top = np.argpartition(-cosines, wanted - 1)[:wanted]
        article = self.stats.weights(signal.counts, self.config.top_terms)
        best_id, best = None, -math.inf
        for i in top:
            owner = self._owner[int(i)]
            story = self._stories.get(owner) if owner is not None else None
            if story is None:
                continue
            score = self._score(signal, article, story, float(cosines[i]))
            if score > best:
                best_id, best = story.id, score
        return (best_id, best) if best >= self.config.threshold else (None, best)

    def score(self, signal: StorySignal, story: Story) -> float:
        """How well ``signal`` fits ``story`` (it joins the best story scoring >= threshold)."""
        article = self.stats.weights(signal.counts, self.config.top_terms)
        return self._score(signal, article, story, float(story.centroid() @ signal.vector))

    def assign(self, signal: StorySignal) -> Story:
        """Put the article into its best story, or open a new story for it; return the story."""
        self.stats.observe(signal.counts)
        story_id, _ = self.best_match(signal)
        if story_id is None:
            story = Story(story_id_for(signal.id), np.zeros_like(signal.vector))
        else:
            story = self._stories[story_id]
        return self._attach(story, signal)

    def join(self, story: Story, signal: StorySignal) -> Story:
        """Add the article to ``story`` (e.g. the story of its near-duplicate) and activate it."""
        self.stats.observe(signal.counts)
        return self._attach(story, signal)

    def _attach(self, story: Story, signal: StorySignal) -> Story:
        story.add(signal, self.config.story_terms, self.stats)
        self.add(story)
        return story

    def _score(
        self, signal: StorySignal, article: Mapping[str, float], story: Story, cosine: float
    ) -> float:
        config = self.config
        norm = self._norm(story)
        # Only the terms both sides mention need a weight here: the story's other terms enter
        # through its norm alone, so a comparison costs the article's terms, not the story's.
        overlap = shared = 0.0
        for term in signal.counts:
            raw = story.terms.get(term)
            if raw is not None:
                weight = raw * self.stats.idf(term) / norm
                overlap += article.get(term, 0.0) * weight
                shared += weight * weight
        # Shares of each side's (unit-length) tf-idf mass that the other side never mentions.
        novel = sum(w * w for term, w in article.items() if term not in story.terms)
        missing = max(0.0, 1.0 - shared)
        days = story.days_outside(signal.published) - config.window_days
        late = math.log1p(days / config.window_days) if days > 0 else 0.0
        return (
            cosine
            + config.keyword_weight * overlap
            - config.conflict_weight * min(novel, missing)
            - config.date_weight * late
        )

    def _norm(self, story: Story) -> float:
        # The length of the story's tf-idf vector. It drifts only as the corpus grows, so it is
        # recomputed when the story changes or the corpus has grown by 5% since, not per score.
        cached = story.norm_cache
        if cached is not None and cached[0] == story.size and self.stats.n_docs <= cached[1]:
            return cached[2]
        idf = self.stats.idf
        norm = math.sqrt(sum((raw * idf(t)) ** 2 for t, raw in story.terms.items())) or 1.0
        story.norm_cache = (story.size, math.ceil(self.stats.n_docs * 1.05), norm)
        return norm

    def _take_slot(self, dim: int) -> int:
        if self._free:
            return self._free.pop()
        if self._matrix.shape[1] != dim or len(self._owner) == self._matrix.shape[0]:
            grown = np.zeros((max(16, 2 * self._matrix.shape[0]), dim), dtype=np.float32)
            grown[: self._matrix.shape[0]] = self._matrix[:, :dim] if self._matrix.size else 0.0
            self._matrix = grown
        self._owner.append(None)
        return len(self._owner) - 1

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
    counts: Mapping[str, float], df: Mapping[str, int], n_docs: int, top: int
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
