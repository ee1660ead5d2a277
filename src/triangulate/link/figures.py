"""Align figures that measure the same quantity, across documents and within one.

Each pair of figures gets a score from signals a reader can check, then average-linkage
agglomerative clustering merges groups while their mean pairwise score reaches
:data:`THRESHOLD`. The score of figures ``a`` and ``b``::

    score = 0.50 * text                               # sentence-embedding cosine, below
          + 0.25 * jaccard(keywords_a, keywords_b)    # shared content words, suffixes stripped
          + 0.30 * value_fit                          # 1 when the intervals overlap, 0 half a
                                                      # decade apart
          + 0.15 * specificity * [same value]         # "2,267" twice says more than "3" twice
          - 0.10 * [only one of them states a change] # "rose 60%" vs "60% of ..."
          - 0.30 * [both name things, none shared]    # "Zarand quake" vs "Bam quake", 2021/2023

``text`` averages the cosine of the counted phrases with the cosine of the words around each
figure (the context alone when a counted phrase is missing). The weights and threshold were
chosen on the hand-written gold of three stories, with gold and with extracted figures
(``eval/measures_oracle.py``); the score is flat around them.

A pair can never be linked (so no group holds both) when the kinds differ (a count and a
percentage, money and a count, a multiplier and anything else), when they state opposite
changes, when they come from one sentence (two numbers there are two things, unless they are
the same number or one value in two units: "36 miles (58 km)"), or when their values lie more
than an order of magnitude apart and their counted phrases are not near-identical (two orders
for a total that rises with its dates: "thousands" on Nov 7, "over 400,000" on Nov 20). Nor
when they cover different periods: a rate ("17,000 a day") and a total, a projection
("expected to return") and a count, phrases naming disjoint years ("since 2021", "in the
first half of 2023"), or a share or a measurement whose as-of dates lie months apart.

Each distinct text is embedded once per story, in one encoder call (the encoder also keeps
vectors by text across calls).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from triangulate.normalise.dates import MONTH_WORDS, WEEKDAY_WORDS
from triangulate.normalise.intervals import Interval, interval, kind, log_gap
from triangulate.types import Article, Figure

__all__ = ["THRESHOLD", "EmbedFn", "align_figures", "keywords", "pair_scores"]

EmbedFn = Callable[[Sequence[str]], npt.NDArray[np.float32]]

THRESHOLD = 0.50
W_EMBEDDING, W_KEYWORDS, W_VALUE = 0.50, 0.25, 0.30
COUNTED_SHARE = 0.5  # of the text similarity; the rest comes from the words around
VALUE_FADE = 0.5  # decades over which value agreement fades to nothing
SAME_VALUE_BONUS = 0.15
CHANGE_PENALTY = 0.10
NAME_CLASH_PENALTY = 0.30
NEAR_IDENTICAL = 0.90  # cosine above which phrases may differ in scale (a running total)
MAX_DECADES = 1.0
MAX_DECADES_RISING = 2.0  # a running total crosses decades as the days pass
_CONTEXT_WORDS = 12  # words either side of a figure, within its sentence
_MIN_CONTEXT = 3  # fewer words than this around a figure: read its line instead

_STOPWORDS_TEXT = """
a an the of in on at to for from by with and or but as per than since into onto over under about
around some more less fewer nearly almost least most up down out off their its his her our your
my this that these those who whom which what when where there here were was is are be been being
has have had do did does will would could should may might can not no all any each every other
another such only also just very so it they them he she we you i number total figure numbers
"""
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_WORD = re.compile(r"[a-z]+")
_NAME = re.compile(r"\b(?:[A-Z][a-z]+|(?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SINCE_YEAR = re.compile(r"\bsince (?:[A-Z][a-z]+ )?(?:19|20)\d\d\b")
# "per day", "each week", "a year", "daily": a rate, never a total. "a day after" and "in a
# year" are no rates: a following time word or a preceding preposition rules the match out.
_RATE = re.compile(
    r"(?<!\bin )(?<!\bwithin )(?<!\bfor )(?<!\bover )(?<!\bthan )"
    r"\b(?:per|each|every|an?)\s+(hour|day|week|month|year)\b"
    r"(?!\s+(?:after|before|later|earlier|ago|of|or|and|when|since|into|to))"
    r"|\b(hourly|daily|weekly|monthly|yearly|annually|annual)\b",
    re.IGNORECASE,
)
_RATE_WORDS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month"}
_RATE_WORDS |= {"yearly": "year", "annually": "year"}
# A projection is not the count it projects: "expected to return" vs "have returned".
_FORECAST = re.compile(
    r"\b(?:expected|projected|forecast|forecasts|predicted|anticipated|likely|estimated to)\b",
    re.IGNORECASE,
)
# What happened to the people counted: "killed" and "wounded" are two quantities however alike
# their sentences ("one killed and two injured at the firm"); "shot" counts both together.
_OUTCOMES: dict[str, tuple[str, ...]] = {  # word beginnings
    "killed": ("kill", "dead", "die", "death", "fatal", "toll", "murder", "bodies", "slain"),
    "injured": ("injur", "wound", "hurt", "hospitali"),
    "shot": ("shot", "shoot"),
    "missing": ("missing", "unaccounted"),
    "arrested": ("arrest", "detain", "detention", "custody", "apprehend"),
    "rescued": ("rescu", "evacuat"),
}
# Charges and counts in an indictment are a quantity of their own, whatever crime they name.
_CHARGES = frozenset({"charge", "charges", "count", "counts", "indictment", "indictments"})
_TO_DEATH = re.compile(r"\bto death\b|\bdead\b|\band killed\b")
SAME_OUTCOME_BONUS = 0.15
_RATE_WINDOW = 8  # words after a figure searched for a rate when its counted phrase has none
_NON_TOTAL_DAYS = 60  # a percentage or measurement this far apart in time is another quantity
_TOTALS = {"count", "money"}
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s")


def align_figures(
    figures: Sequence[Figure], articles: Sequence[Article], encoder: EmbedFn | None = None
) -> list[tuple[Figure, ...]]:
    """Group figures measuring one quantity; groups and members in order of first appearance."""
    if not figures:
        return []
    rank = {a.id: i for i, a in enumerate(articles)}
    ordered = sorted(figures, key=lambda f: (rank.get(f.doc_id, len(rank)), f.doc_id, f.start))
    scores = pair_scores(ordered, articles, encoder)
    clusters = _average_linkage(scores, THRESHOLD)
    groups = [tuple(ordered[i] for i in sorted(members)) for members in clusters]
    return sorted(groups, key=lambda g: ordered.index(g[0]))


def pair_scores(
    figures: Sequence[Figure], articles: Sequence[Article], encoder: EmbedFn | None = None
) -> npt.NDArray[np.float64]:
    """The symmetric matrix of pair scores; ``-inf`` marks pairs that may never be linked."""
    texts = {a.id: a.text for a in articles}
    traits = [_traits(f, texts) for f in figures]
    counted_cos, context_cos = _cosines(
        [[t.phrase for t in traits], [t.context for t in traits]], encoder
    )
    n = len(figures)
    scores = np.full((n, n), -np.inf)
    for i in range(n):
        for j in range(i + 1, n):
            scores[i, j] = scores[j, i] = _score(
                traits[i], traits[j], float(counted_cos[i, j]), float(context_cos[i, j])
            )
    return scores


def keywords(phrase: str) -> frozenset[str]:
    """Content words of a phrase, lower-cased, with inflection suffixes stripped."""
    return frozenset(_stem(w) for w in _WORD.findall(phrase.lower()) if w not in _STOPWORDS)


@dataclass(frozen=True, slots=True)
class _Traits:
    """What scoring reads from one figure, computed once."""

    figure: Figure
    kind: str
    span: Interval | None
    phrase: str  # the counted phrase, or the context when the extractor found none
    context: str
    words: frozenset[str]
    names: frozenset[str]
    has_counted: bool
    rate: str | None  # "day" for "17,000 a day": the period a rate is per
    forecast: bool  # "expected to return": a projection, not a count
    years: frozenset[str]  # years the counted phrase names: the period it covers
    outcome: str | None  # "killed", "injured", ...: what happened to the people counted


def _traits(figure: Figure, texts: Mapping[str, str]) -> _Traits:
    counted = (figure.counted or "").strip()
    context = _context(figure, texts)
    predicate = counted or _after(figure, texts)
    return _Traits(
        figure=figure,
        kind=kind(figure.amount),
        span=interval(figure.amount),
        phrase=counted or context,
        context=context,
        words=keywords(counted or context),
        names=_names(counted),
        has_counted=bool(counted),
        rate=_rate(counted) or _rate(_after(figure, texts)),
        forecast=bool(_FORECAST.search(predicate)),
        years=frozenset(_YEAR.findall(counted)),
        outcome=_outcome(counted),
    )


def _score(a: _Traits, b: _Traits, counted_cos: float, context_cos: float) -> float:
    fa, fb = a.figure, b.figure
    if a.kind != b.kind or (fa.change and fb.change and fa.change != fb.change):
        return -np.inf
    if _same_sentence(fa, fb) and not _same_value(fa, fb):
        return -np.inf
    if not _same_period(a, b):
        return -np.inf
    if a.outcome and b.outcome and a.outcome != b.outcome:
        return -np.inf
    both = a.has_counted and b.has_counted
    text = COUNTED_SHARE * counted_cos + (1 - COUNTED_SHARE) * context_cos if both else context_cos
    gap = log_gap(a.span, b.span) if a.span and b.span else 0.0
    if gap > _max_decades(a, b) and max(counted_cos, context_cos) < NEAR_IDENTICAL:
        return -np.inf
    union = a.words | b.words
    jaccard = len(a.words & b.words) / len(union) if union else 0.0
    score = W_EMBEDDING * text + W_KEYWORDS * jaccard + W_VALUE * max(0.0, 1.0 - gap / VALUE_FADE)
    if _identical(fa, fb):
        score += SAME_VALUE_BONUS * _specificity(a.span)
    if a.outcome and a.outcome == b.outcome and _identical(fa, fb):
        score += SAME_OUTCOME_BONUS  # "2 hurt" and "two wounded men": one count, told twice
    if bool(fa.change) != bool(fb.change):
        score -= CHANGE_PENALTY
    if a.names and b.names and not a.names & b.names:
        score -= NAME_CLASH_PENALTY
    return score


def _max_decades(a: _Traits, b: _Traits) -> float:
    """How far apart two values may lie: further for a total that rises with its dates."""
    early, late = sorted((a, b), key=lambda t: t.figure.as_of or dt.date.min)
    dated = early.figure.as_of is not None and late.figure.as_of is not None
    rising = (
        dated
        and early.figure.as_of != late.figure.as_of
        and early.span is not None
        and late.span is not None
        and early.span.hi <= late.span.lo
    )
    return MAX_DECADES_RISING if rising and a.kind in _TOTALS else MAX_DECADES


def _same_period(a: _Traits, b: _Traits) -> bool:
    """Whether two figures can cover one period: a rate per day is no total, a projection no
    count, "since 2021" not "in the first half of 2023", and a share or a measurement
    months apart describes another time (running totals may differ in date, they evolve)."""
    if a.rate != b.rate or a.forecast != b.forecast:
        return False
    if a.years and b.years and not a.years & b.years:
        return False
    days = a.figure.as_of, b.figure.as_of
    if a.kind not in _TOTALS and days[0] is not None and days[1] is not None:
        return abs((days[0] - days[1]).days) <= _NON_TOTAL_DAYS
    return True


def _outcome(counted: str) -> str | None:
    """What happened to the people a phrase counts, by its first outcome word: "killed" for
    "people killed in the shooting", "injured" for "wounded in shotgun attack"."""
    lowered = counted.lower()
    words = _WORD.findall(lowered)
    if _CHARGES.intersection(words):
        return "charged"  # "two counts of murder" counts charges, not the people killed
    if _TO_DEATH.search(lowered):
        return "killed"  # "shot to death", "shot dead", "stabbed and killed"
    for word in words:
        if word.startswith("shotgun"):
            continue
        for outcome, beginnings in _OUTCOMES.items():
            if word.startswith(beginnings):
                return outcome
    return None


def _rate(text: str) -> str | None:
    """The period a rate is per: "17,000 crossing each day" -> "day"; None for a total."""
    match = _RATE.search(text)
    if match is None:
        return None
    return match.group(1).lower() if match.group(1) else _RATE_WORDS[match.group(2).lower()]


def _identical(a: Figure, b: Figure) -> bool:
    x, y = a.amount, b.amount
    return (x.value, x.low, x.high, x.unit) == (y.value, y.low, y.high, y.unit)


def _specificity(span: Interval | None) -> float:
    """How unlikely two unrelated figures share this value: "3" often does, "2,267" rarely."""
    if span is None or span.hi <= 0:
        return 0.0
    return min(1.0, math.log10(max(span.hi, 1.0)) / 4)


def _names(phrase: str) -> frozenset[str]:
    """Capitalised words and years in a phrase: "Zarand", "Bam", "in 2003" tell quantities
    apart; months, weekdays and the start of a period up to now ("since 2021") do not."""
    words = (m.lower() for m in _NAME.findall(_SINCE_YEAR.sub("", phrase)))
    return frozenset(_stem(w) for w in words if w not in MONTH_WORDS and w not in WEEKDAY_WORDS)


def _same_sentence(a: Figure, b: Figure) -> bool:
    known = a.sentence_end > 0 and b.sentence_end > 0
    return known and a.doc_id == b.doc_id and a.sentence_start == b.sentence_start


def _same_value(a: Figure, b: Figure) -> bool:
    """Identical wording of one number, or one value given in two units ("36 miles (58 km)")."""
    x, y = a.amount, b.amount
    if x.unit and y.unit and x.unit != y.unit:
        return True
    return (x.value, x.low, x.high, x.qualifier, x.unit) == (
        y.value,
        y.low,
        y.high,
        y.qualifier,
        y.unit,
    )


def _context(figure: Figure, texts: Mapping[str, str]) -> str:
    """The words around a figure, for a figure whose counted phrase the extractor missed."""
    text = texts.get(figure.doc_id, "")
    start, end = _bounds(figure, text)
    before = text[start : figure.start].split()[-_CONTEXT_WORDS:]
    after = text[figure.end : end].split()[:_CONTEXT_WORDS]
    return " ".join([*before, *after]) or figure.text


def _after(figure: Figure, texts: Mapping[str, str]) -> str:
    """The first words after a figure, within its sentence."""
    text = texts.get(figure.doc_id, "")
    return " ".join(text[figure.end : _bounds(figure, text)[1]].split()[:_RATE_WINDOW])


def _bounds(figure: Figure, text: str) -> tuple[int, int]:
    """The figure's sentence; its line when the parser cut a headline down to the number."""
    if figure.sentence_end > figure.sentence_start:
        start, end = max(figure.sentence_start, 0), figure.sentence_end
        words = len(text[start : figure.start].split()) + len(text[figure.end : end].split())
        if words >= _MIN_CONTEXT:
            return start, end
    line_start = text.rfind("\n", 0, figure.start) + 1
    line_end = text.find("\n", figure.end)
    return line_start, line_end if line_end >= 0 else len(text)


def _cosines(
    columns: Sequence[Sequence[str]], encoder: EmbedFn | None
) -> list[npt.NDArray[np.float64]]:
    """Cosine matrices per column of texts, encoding each distinct text once in one call."""
    if encoder is None:
        from triangulate.nlp.embeddings import get_encoder

        encoder = get_encoder().encode
    unique = sorted({text for column in columns for text in column})
    index = {text: i for i, text in enumerate(unique)}
    vectors = np.asarray(encoder(unique), dtype=np.float64)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    matrices = []
    for column in columns:
        rows = vectors[[index[text] for text in column]]
        matrices.append(np.clip(rows @ rows.T, -1.0, 1.0))
    return matrices


def _stem(word: str) -> str:
    """Strip one inflection suffix: "deported" / "deportation" -> "deport", "killed" -> "kill"."""
    if word.endswith("ss"):
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            return stem + "y" if suffix in {"ies", "ied"} else stem
    return word


def _average_linkage(scores: npt.NDArray[np.float64], threshold: float) -> list[list[int]]:
    """Merge the best pair of clusters while their mean pairwise score reaches ``threshold``.

    A ``-inf`` pair makes the mean ``-inf``, so cannot-link constraints hold for whole groups.
    Ties go to the lowest indices (row-major ``argmax``), which keeps the result deterministic.
    """
    n = len(scores)
    members: list[list[int]] = [[i] for i in range(n)]
    sim = scores.astype(np.float64).copy()
    np.fill_diagonal(sim, -np.inf)
    alive = np.ones(n, dtype=bool)
    while True:
        best = int(np.argmax(sim))
        i, j = divmod(best, n)
        if not np.isfinite(sim[i, j]) or sim[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        size_i, size_j = len(members[i]), len(members[j])
        merged = (size_i * sim[i] + size_j * sim[j]) / (size_i + size_j)
        sim[i], sim[:, i] = merged, merged
        sim[i, i] = -np.inf
        sim[j, :], sim[:, j] = -np.inf, -np.inf
        members[i] += members[j]
        members[j] = []
        alive[j] = False
    return [members[i] for i in range(n) if alive[i]]
