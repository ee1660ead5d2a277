"""Align figures that measure the same quantity, across documents and within one.

Each pair of figures gets a score from signals a reader can check, then average-linkage
agglomerative clustering merges groups while their mean pairwise score reaches
:data:`THRESHOLD`. The score of figures ``a`` and ``b``::

    score = 0.50 * text                               # sentence-embedding cosine, below
          + 0.25 * jaccard(keywords_a, keywords_b)    # shared content words, suffixes stripped
          + 0.30 * value_fit                          # 1 when the intervals overlap, 0 half a
                                                      # decade apart
          + 0.15 * specificity * [same value]         # "2,267" twice says more than "3" twice
          - 0.10 * [values that cannot both hold]     # a conflict needs more than a like phrase
          - 0.10 * [only one of them states a change] # "rose 60%" vs "60% of ..."
          - 0.30 * [both name things, none shared]    # "Zarand quake" vs "Bam quake", 2021/2023
          - 0.35 * [one document, values apart]       # scaled up to a tenth of a decade apart
          - 0.20 * [a list sibling matches better]    # "six rifles, 12 magazines" vs "14 rifles"

``text`` averages the cosine of the counted phrases with the cosine of the words around each
figure (the context alone when a counted phrase is missing). Two shares and two quake
magnitudes are also apart by their points (:data:`PERCENT_POINTS`, :data:`MAGNITUDE_POINTS`
count as a decade). The weights and threshold were first chosen on the hand-written gold of
three stories, with gold and with extracted figures (``eval/measures_oracle.py``); the later
penalties were checked on all the tuning stories (twelve now), and the threshold still sits at
the best trade-off of 0.45-0.55 (lower thresholds gain alignment F1 and lose verdicts).

A sum restated in brackets ("110 billion euros ($143 billion)") aligns wherever the figure it
restates does, and makes a bare first number money ("a? 110-billion ($143-billion)", its
currency sign lost to a wrong encoding). Two sources a report sets against each other
("Tehran's seismologic center said 5.9, but the U.S. Geological Survey said 6.1") may be one
quantity even in one sentence, and their values are not kept apart as one document's two.

What happened to the people counted tells quantities apart: killed, injured, arrested, ... and
charges ("two counts of murder") never join another outcome; "shot" may join the killed or the
wounded only when both give one number ("two men shot", "two wounded men").

A pair can never be linked (so no group holds both) when the figures belong to two named
holders ("the Nationals bid $160 million over eight years" is no part of "the Angels' eight-year
offer"), when the kinds differ (a count and a
percentage, money and a count, a multiplier and anything else), when they state opposite
changes, when they come from one sentence (two numbers there are two things, unless they are
one number told twice of the same things or one value in two units: "36 miles (58 km)"; "two
white women and two black men" are two), or when their values lie more than an order of
magnitude apart and, for totals, their counted phrases are not near-identical (two orders for
a total that rises with its dates: "thousands" on Nov 7, "over 400,000" on Nov 20). Nor
when they cover different periods: a rate ("17,000 a day") and a total, a projection
("expected to return") and a count, phrases naming disjoint years ("since 2021", "in the
first half of 2023"), or a share or a measurement whose as-of dates lie months apart.

Each distinct text is embedded once per story, in one encoder call (the encoder also keeps
vectors by text across calls).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from triangulate.link._figure_traits import Traits, keywords, read_traits
from triangulate.normalise.intervals import Interval, common_point, log_gap
from triangulate.normalise.names import word_set
from triangulate.types import Article, Figure

__all__ = ["THRESHOLD", "EmbedFn", "align_figures", "keywords", "pair_scores"]

EmbedFn = Callable[[Sequence[str]], npt.NDArray[np.float32]]

THRESHOLD = 0.50
W_EMBEDDING, W_KEYWORDS, W_VALUE = 0.50, 0.25, 0.30
COUNTED_SHARE = 0.5  # of the text similarity; the rest comes from the words around
VALUE_FADE = 0.5  # decades over which value agreement fades to nothing
SAME_VALUE_BONUS = 0.15
DISJOINT_PENALTY = 0.10
CHANGE_PENALTY = 0.10
NAME_CLASH_PENALTY = 0.30
SAME_DOCUMENT_PENALTY = 0.35  # two values of one document, a tenth of a decade or more apart
SAME_DOCUMENT_GAP = 0.1
SIBLING_MARGIN = 0.25  # how much better a list sibling must match for a pair to lose
SIBLING_PENALTY = 0.20
NEAR_IDENTICAL = 0.90  # cosine above which phrases may differ in scale (a running total)
MAX_DECADES = 1.0
PERCENT_POINTS = 20.0  # points between two shares that count as a decade apart
MAGNITUDE_POINTS = 1.5  # magnitudes between two quakes that count as a decade apart
MAX_DECADES_RISING = 2.0  # a running total crosses decades as the days pass
SAME_OUTCOME_BONUS = 0.15
SAME_TALLY_BONUS = 0.15  # "9-14" told again: the same record
TALLY_CLASH_PENALTY = 0.20  # "122-147" and "162-139": sides alike, records not
BARE_SUM = 1e6  # a bare number this large, with nothing counted, may be a sum of money
# Stems of what a bare sum's phrase may say and still count nothing but money: "has grossed
# more than 141 million already".
_EARNING_WORDS = word_set(
    """gross earn rais spent spend cost paid pay fetch net made make took take sold brought
    collect worth domestically worldwide overseas already total"""
)
RESTATED_WORDS = 0.5  # share of counted words two same-sentence figures share to be one
RESTATED = 1.0  # the score of a figure and its bracketed restatement: always linked
_NON_TOTAL_DAYS = 60  # a percentage or measurement this far apart in time is another quantity
_POINTS_PER_DECADE = {"percent": PERCENT_POINTS, "unit:magnitude": MAGNITUDE_POINTS}
_TOTALS = {"count", "money", "duration"}  # what may run on with time ("eight days of riots")
# "110 billion euros ($143 billion)", "€110bn (about £93.6bn)": the bracketed figure restates
# the one before it in another currency or unit.
_RESTATEMENT = re.compile(
    r"\s*[(\[]\s*(?:(?:about|around|roughly|approximately|some|nearly|almost|or|US)\s+)?"
    r"(?:\ufffd+|\?)?"  # a currency sign lost to a wrong encoding: "30bn euros (\ufffd25.7bn)"
)


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
    traits = [read_traits(f, texts) for f in figures]
    restated = _restatements(figures, traits, texts)
    for primary, _ in restated:
        if traits[primary].kind == "count":  # "a? 110-billion ($143-billion)": a lost € sign
            traits[primary] = replace(traits[primary], kind="money")
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
    _penalise_siblings(scores, figures, traits, counted_cos)
    for primary, echo in restated:
        # A restatement aligns wherever the figure it restates does, whatever its currency.
        scores[echo, :] = scores[primary, :]
        scores[:, echo] = scores[:, primary]
        scores[primary, echo] = scores[echo, primary] = RESTATED
        scores[echo, echo] = -np.inf
    return scores


def _restatements(
    figures: Sequence[Figure], traits: Sequence[Traits], texts: dict[str, str]
) -> list[tuple[int, int]]:
    """(primary, echo) index pairs: money told again in brackets right after, in another
    currency ("110 billion euros ($143 billion)"), or first without its currency sign."""
    pairs = []
    for i, (a, b) in enumerate(itertools.pairwise(figures)):
        kinds = {traits[i].kind, traits[i + 1].kind}
        units = a.amount.unit, b.amount.unit
        if (
            a.doc_id == b.doc_id
            and "money" in kinds
            and kinds <= {"money", "count"}
            and units[0] != units[1]
            and _RESTATEMENT.fullmatch(texts.get(a.doc_id, "")[a.end : b.start])
        ):
            pairs.append((i, i + 1))
    return pairs


def _penalise_siblings(
    scores: npt.NDArray[np.float64],
    figures: Sequence[Figure],
    traits: Sequence[Traits],
    counted_cos: npt.NDArray[np.float64],
) -> None:
    """Lower the pairs a list sentence offers a better match for.

    "six rifles, 12 magazines and 300 rounds" shares its words with every other list of the
    kind, so "12 magazines" and "14 rifles" look alike in context; but a sibling of "12"
    ("six rifles") matches "14 rifles" far better than "12 magazines" does.
    """
    siblings = _siblings(figures, traits)
    for i, j in itertools.combinations(range(len(figures)), 2):
        if not (np.isfinite(scores[i, j]) and traits[i].has_counted and traits[j].has_counted):
            continue
        rivals = [counted_cos[k, j] for k in siblings[i]] + [counted_cos[k, i] for k in siblings[j]]
        if max(rivals, default=-1.0) > counted_cos[i, j] + SIBLING_MARGIN:
            scores[i, j] -= SIBLING_PENALTY
            scores[j, i] = scores[i, j]


def _siblings(figures: Sequence[Figure], traits: Sequence[Traits]) -> list[list[int]]:
    """For each figure, the other figures with counted phrases in its sentence (other values)."""
    by_sentence: dict[tuple[str, int], list[int]] = {}
    for i, f in enumerate(figures):
        if f.sentence_end > 0 and traits[i].has_counted:
            by_sentence.setdefault((f.doc_id, f.sentence_start), []).append(i)
    return [
        [
            k
            for k in by_sentence.get((f.doc_id, f.sentence_start), [])
            if k != i and f.sentence_end > 0 and not _same_value(f, figures[k])
        ]
        for i, f in enumerate(figures)
    ]


def _score(a: Traits, b: Traits, counted_cos: float, context_cos: float) -> float:
    fa, fb = a.figure, b.figure
    if not _same_kind(a, b) or (fa.change and fb.change and fa.change != fb.change):
        return -np.inf
    disputed = _disputed(fa, fb)
    if _same_sentence(fa, fb) and not (_restated(a, b) or disputed):
        return -np.inf
    if not _same_period(a, b):
        return -np.inf
    if a.outcome and b.outcome and a.outcome != b.outcome and not _shot_alike(a, b):
        return -np.inf
    both = a.has_counted and b.has_counted
    text = COUNTED_SHARE * counted_cos + (1 - COUNTED_SHARE) * context_cos if both else context_cos
    gap = _gap(a, b)
    near_identical = a.kind in _TOTALS and max(counted_cos, context_cos) >= NEAR_IDENTICAL
    if gap > _max_decades(a, b) and not near_identical:
        return -np.inf
    union = a.words | b.words
    jaccard = len(a.words & b.words) / len(union) if union else 0.0
    score = W_EMBEDDING * text + W_KEYWORDS * jaccard + W_VALUE * max(0.0, 1.0 - gap / VALUE_FADE)
    if _identical(fa, fb):
        score += SAME_VALUE_BONUS * _specificity(a.span)
    elif a.span is not None and b.span is not None and not common_point([a.span, b.span]):
        score -= DISJOINT_PENALTY
    if a.outcome and a.outcome == b.outcome and _identical(fa, fb):
        score += SAME_OUTCOME_BONUS  # "2 hurt" and "two wounded men": one count, told twice
    if bool(fa.change) != bool(fb.change):
        score -= CHANGE_PENALTY
    if a.names and b.names and not a.names & b.names:
        score -= NAME_CLASH_PENALTY
    if a.holder and b.holder and not a.holder & b.holder:
        return -np.inf
    if a.tally is not None and b.tally is not None:
        if (a.tally.place, len(a.tally.sides)) != (b.tally.place, len(b.tally.sides)):
            return -np.inf  # wins are never losses
        if a.tally.sides == b.tally.sides:
            score += SAME_TALLY_BONUS
        elif a.tally.partners != b.tally.partners:
            if not _same_value(fa, fb):
                return -np.inf  # "122-147" and "162-139": two records
            score -= TALLY_CLASH_PENALTY
    if fa.doc_id == fb.doc_id and not disputed:
        # One article gives one value per quantity: two values far apart in it are two
        # quantities ("12 magazines" today, "31 magazines" over the whole patrol); close ones
        # may be a hedge or a reported dispute ("an estimated 1.7 million", "nearly 2 million").
        score -= SAME_DOCUMENT_PENALTY * min(1.0, gap / SAME_DOCUMENT_GAP)
    return score


def _same_kind(a: Traits, b: Traits) -> bool:
    """Same kind of quantity; a bare sum in the millions or more ("110bn", its currency sign
    lost or left to an earlier mention) may be money."""
    if a.kind == b.kind:
        return True
    return {a.kind, b.kind} == {"money", "count"} and all(
        t.kind == "money" or _bare_sum(t) for t in (a, b)
    )


def _bare_sum(t: Traits) -> bool:
    """A number of millions or more that counts nothing named: "110bn", "grossed more than
    141 million"."""
    return (
        t.span is not None
        and t.span.lo >= BARE_SUM
        and (not t.has_counted or t.words <= _EARNING_WORDS)
    )


def _restated(a: Traits, b: Traits) -> bool:
    """Two figures of one sentence that are one quantity: one value in two units ("36 miles
    (58 km)"), or one number told twice of the same things, not "two white women and two
    black men"."""
    if not _same_value(a.figure, b.figure):
        return False
    if a.figure.amount.unit != b.figure.amount.unit or not (a.has_counted and b.has_counted):
        return True
    union = a.words | b.words
    return len(a.words & b.words) >= RESTATED_WORDS * len(union)


def _disputed(a: Figure, b: Figure) -> bool:
    """Two sources a report sets against each other: "Tehran's seismologic center said 5.9,
    but the U.S. Geological Survey said 6.1", "police said 20,000, organisers 50,000"."""
    return (
        a.doc_id == b.doc_id
        and a.attributed_to is not None
        and b.attributed_to is not None
        and a.attributed_to != b.attributed_to
    )


def _shot_alike(a: Traits, b: Traits) -> bool:
    """ "two men shot" and "two wounded men": the shot may be the wounded (or the killed) when
    both give one number; "three shot" and "two wounded" stay apart."""
    return "shot" in (a.outcome, b.outcome) and _identical(a.figure, b.figure)


def _gap(a: Traits, b: Traits) -> float:
    """How far apart two values lie, in decades; shares and magnitudes also by their points.

    60 % and 65.6 % are close on a log scale but are two findings: every
    :data:`PERCENT_POINTS` points between two shares count as a decade; a magnitude 3.8
    aftershock is no magnitude 6.4 quake (:data:`MAGNITUDE_POINTS`).
    """
    if a.span is None or b.span is None:
        return 0.0
    gap = log_gap(a.span, b.span)
    points = max(a.span.lo, b.span.lo) - min(a.span.hi, b.span.hi)
    if a.kind in _POINTS_PER_DECADE:
        gap = max(gap, points / _POINTS_PER_DECADE[a.kind])
    return gap


def _max_decades(a: Traits, b: Traits) -> float:
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


def _same_period(a: Traits, b: Traits) -> bool:
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


def _identical(a: Figure, b: Figure) -> bool:
    x, y = a.amount, b.amount
    return (x.value, x.low, x.high, x.unit) == (y.value, y.low, y.high, y.unit)


def _specificity(span: Interval | None) -> float:
    """How unlikely two unrelated figures share this value: "3" often does, "2,267" rarely."""
    if span is None or span.hi <= 0:
        return 0.0
    return min(1.0, math.log10(max(span.hi, 1.0)) / 4)


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
