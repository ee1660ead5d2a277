"""Online story clustering: which stored story does a new article belong to, if any?

Three steps, all cheap enough for a stream of 100k articles:

1. Near-duplicates (wire copies, re-posts): MinHash signatures over word 5-shingles and LSH
   banding find candidates; a candidate whose estimated Jaccard similarity passes
   ``near_duplicate`` puts the article into that article's story, no embedding needed.
2. Same-event grouping: the article's title + lead embedding is compared with the centroids of
   the active stories, and the closest ones are scored with their key terms (capitalised words,
   ordinals and numbers: a cheap stand-in for named entities) and their time evidence. Key
   terms are kept as raw counts and weighted by tf-idf with the document frequencies *of now*,
   so a term that was rare when a story opened but has since become common stops counting for
   much. The score is

       cosine + keyword_weight * term cosine - conflict_weight * conflict - time penalties

   where ``conflict`` is the smaller of two shares of tf-idf mass: the article's terms the story
   never mentions and the story's terms the article never mentions. Both sides naming people,
   places or numbers the other lacks is what tells a second earthquake, a second Oscar host or
   a second fight of the same boxer from a follow-up of the first. The time penalties say when
   the article's events lie apart from the story's: the date penalty grows with the log of the
   days between trusted publication dates beyond ``window_days``; the year penalties compare
   the latest years the texts name, which most articles that state no date still carry (see
   :mod:`triangulate.link._story_time`). The article joins the best story whose score passes
   ``threshold``, or opens a new one.
3. Merging: an early article of an event can open a story of its own that later articles of
   the event never join (its lead says little, or names only an old year), so one event ends up
   as two stories. When an article passes ``threshold`` for more than one story, the stories it
   bridges are compared with each other, with the same evidence as an article (centroid cosine,
   key terms, time), and merged when that pair score passes ``merge_threshold``.

Stories are never re-clustered: a decision, once taken, stays, apart from merges, which touch
only the stories one new article bridges. That is what lets ingest run in batches with memory
bounded by the number of active stories (``max_active``), not the corpus. Nothing here touches
spaCy or the store; :mod:`triangulate.store` persists the state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from triangulate.link._story_sketch import (
    BANDS,
    NUM_PERM,
    band_keys,
    estimated_jaccard,
    minhash_signature,
)
from triangulate.link._story_terms import TermStats, key_terms, lead_text, term_weights
from triangulate.link._story_time import (
    article_time,
    contradicts,
    stories_contradict,
    year_conflict,
    years_apart,
)

__all__ = [
    "BANDS",
    "NUM_PERM",
    "ClusterConfig",
    "Story",
    "StoryIndex",
    "StorySignal",
    "TermStats",
    "article_time",
    "band_keys",
    "estimated_jaccard",
    "key_terms",
    "lead_text",
    "minhash_signature",
    "story_id_for",
    "term_weights",
]

Vector = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Weights and thresholds of the story clusterer (tuned on ECB+ topics 1-10 only).

    ``python -m eval.clustering --tune`` grid-searches ``threshold``, ``keyword_weight`` and
    ``conflict_weight``; ``date_weight`` and ``window_days`` are set by hand (ECB+ has too few
    dated articles on both sides of a pair to fit them): a month of grace, then a penalty that
    reaches about 1.2 for a year apart, more than most same-kind events can make up. The year
    weights were fitted by hand on topics 1-10: an article naming years two or more after all
    a story's members is more telling (every member would have missed the article's year) than
    one naming only earlier years (profiles and obituaries do), and trusted dates that rule a
    merge out outweigh both. ``merge_threshold`` was fitted on topics 1-10, streamed whole and
    in two halves: best at 0.8; at 0.7 topic-mates start to merge, from 0.9 up fewer split
    events are put back together.
    """

    threshold: float = 0.25
    keyword_weight: float = 2.0
    conflict_weight: float = 1.0
    date_weight: float = 0.5
    window_days: int = 30
    newer_weight: float = 0.5
    older_weight: float = 0.25
    contradiction_weight: float = 1.0
    near_duplicate: float = 0.8
    top_terms: int = 30
    story_terms: int = 100
    candidates: int = 20
    max_active: int = 5000
    merge_threshold: float = 0.8


@dataclass(frozen=True, slots=True)
class StorySignal:
    """What the clusterer needs from one article: lead vector, key terms, dates, headline.

    ``published`` is a publication date the clusterer can trust and ``year`` the latest year
    the article names, as :func:`article_time` finds them.
    """

    id: str
    vector: Vector
    counts: Mapping[str, int]
    published: dt.date | None = None
    headline: str | None = None
    year: int | None = None


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
    # How many members name each year as their latest (see _story_time); None until ingest has
    # read it back for a story loaded from the store, and no evidence meanwhile.
    years: dict[int, int] | None = field(default_factory=dict)
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
        if signal.year is not None and self.years is not None:
            self.years[signal.year] = self.years.get(signal.year, 0) + 1
        if signal.published is not None:
            self.first = min(self.first or signal.published, signal.published)
            self.last = max(self.last or signal.published, signal.published)

    def absorb(self, other: Story, keep_terms: int, stats: TermStats) -> None:
        """Fold another story's members in (see :meth:`add`); ``other`` is left as it was."""
        self.vector_sum = np.asarray(self.vector_sum + other.vector_sum, dtype=np.float32)
        for term, raw in other.terms.items():
            self.terms[term] = self.terms.get(term, 0.0) + raw
        if len(self.terms) > keep_terms:
            self.terms = dict(self.ranked_terms(stats)[:keep_terms])
        self.size += other.size
        self.title = self.title or other.title
        if self.years is None or other.years is None:
            self.years = None  # unknown on one side: rebuilt from the members when next needed
        else:
            for year, n in other.years.items():
                self.years[year] = self.years.get(year, 0) + n
        if other.first is not None and other.last is not None:
            self.first = min(self.first or other.first, other.first)
            self.last = max(self.last or other.last, other.last)

    def ranked_terms(self, stats: TermStats) -> list[tuple[str, float]]:
        """The story's terms with their raw sums, heaviest by current tf-idf first."""
        return sorted(self.terms.items(), key=lambda kv: (-kv[1] * stats.idf(kv[0]), kv[0]))

    def days_apart(self, other: Story) -> int:
        """Days between two stories' date spans (0 if they overlap or either is undated)."""
        if self.first is None or self.last is None or other.first is None or other.last is None:
            return 0
        return max(0, (other.first - self.last).days, (self.first - other.last).days)

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
    ``merged`` lists the (absorbed, surviving) story ids of the merges :meth:`assign` made, for
    the caller to persist and clear.
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
        self.merged: list[tuple[str, str]] = []
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

    def remove(self, story_id: str) -> None:
        """Drop a story from the active set (it stays wherever the caller stored it)."""
        self._stories.pop(story_id, None)
        slot = self._slot.pop(story_id, None)
        if slot is not None:
            self._owner[slot] = None
            self._matrix[slot] = 0.0
            self._free.append(slot)

    def shortlist(self, vectors: Vector) -> set[str]:
        """The ids of the stories :meth:`assign` would score for any of these lead vectors."""
        if not self._stories or len(vectors) == 0:
            return set()
        cosines = np.asarray(vectors, dtype=np.float32) @ self._matrix[: len(self._owner)].T
        wanted = min(cosines.shape[1], self.config.candidates)
        top = np.argpartition(-cosines, wanted - 1, axis=1)[:, :wanted]
        return {owner for i in np.unique(top) if (owner := self._owner[int(i)]) is not None}

    def score(self, signal: StorySignal, story: Story) -> float:
        """How well ``signal`` fits ``story`` (it joins the best story scoring >= threshold)."""
        article = self.stats.weights(signal.counts, self.config.top_terms)
        return self._score(signal, article, story, float(story.centroid() @ signal.vector))

    def assign(self, signal: StorySignal) -> Story:
        """Put the article into its best story, or open a new story for it; return the story."""
        self.stats.observe(signal.counts)
        ranked = self._ranked(signal)
        if not ranked or ranked[0][0] < self.config.threshold:
            story = Story(story_id_for(signal.id), np.zeros_like(signal.vector))
            return self._attach(story, signal)
        story = self._attach(ranked[0][1], signal)
        for score, other in ranked[1:]:
            if score < self.config.threshold:
                break
            if self.pair_score(story, other) >= self.config.merge_threshold:
                story = self._merge(story, other)
        return story

    def pair_score(self, a: Story, b: Story) -> float:
        """How well two stories fit together, on the scale of :meth:`score` (see the module)."""
        config = self.config
        cosine = float(a.centroid() @ b.centroid())
        weights_a = self.stats.weights(a.terms, config.top_terms)
        weights_b = self.stats.weights(b.terms, config.top_terms)
        overlap = sum(w * weights_b.get(term, 0.0) for term, w in weights_a.items())
        novel = sum(w * w for term, w in weights_a.items() if term not in b.terms)
        missing = sum(w * w for term, w in weights_b.items() if term not in a.terms)
        years_a, years_b = a.years or {}, b.years or {}
        apart = config.newer_weight * years_apart(years_a, years_b)
        if stories_contradict(years_a, a.last, years_b, b.last):
            apart += config.contradiction_weight
        return self._combine(cosine, overlap, min(novel, missing), a.days_apart(b), apart)

    def join(self, story: Story, signal: StorySignal) -> Story:
        """Add the article to ``story`` (e.g. the story of its near-duplicate) and activate it."""
        self.stats.observe(signal.counts)
        return self._attach(story, signal)

    def _ranked(self, signal: StorySignal) -> list[tuple[float, Story]]:
        # The ``candidates`` stories closest by centroid cosine, scored, best first.
        if not self._stories:
            return []
        cosines = self._matrix[: len(self._owner)] @ signal.vector
        wanted = min(len(cosines), self.config.candidates)
        top = np.argpartition(-cosines, wanted - 1)[:wanted]
        article = self.stats.weights(signal.counts, self.config.top_terms)
        ranked = []
        for i in top:
            owner = self._owner[int(i)]
            story = self._stories.get(owner) if owner is not None else None
            if story is not None:
                ranked.append((self._score(signal, article, story, float(cosines[i])), story))
        ranked.sort(key=lambda pair: (-pair[0], pair[1].id))
        return ranked

    def _merge(self, a: Story, b: Story) -> Story:
        # The larger story survives: its id is the one readers have seen more of.
        keep, gone = (a, b) if a.size >= b.size else (b, a)
        keep.absorb(gone, self.config.story_terms, self.stats)
        self.remove(gone.id)
        self.add(keep)
        self.merged.append((gone.id, keep.id))
        return keep

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
        years = story.years or {}
        side = year_conflict(signal.year, years)
        apart = config.newer_weight * (side > 0) + config.older_weight * (side < 0)
        if contradicts(signal.year, signal.published, years, story.last):
            apart += config.contradiction_weight
        days = story.days_outside(signal.published)
        return self._combine(cosine, overlap, min(novel, missing), days, apart)

    def _combine(
        self, cosine: float, overlap: float, conflict: float, days: int, apart: float
    ) -> float:
        # The score formula of the module docstring; ``days`` apart, before the grace window.
        config = self.config
        late = max(0, days - config.window_days) / config.window_days
        return (
            cosine
            + config.keyword_weight * overlap
            - config.conflict_weight * conflict
            - config.date_weight * math.log1p(late)
            - apart
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
            self.remove(next(iter(self._stories)))


def story_id_for(article_id: str) -> str:
    """A story's id: stable, derived from the article that opened it."""
    return "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:10]
