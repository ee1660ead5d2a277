"""Measure labels: a short readable name of what a group of aligned figures measures.

The most informative counted phrase of the group ("Afghans who left Pakistan", "Increase in
militant attacks since 2021"); without one, the words after the figure, or, for a side of a
tally, the tally and whose it is ("Sixers floundering at 9-14, right side").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from triangulate.link.figures import keywords
from triangulate.normalise.tallies import tally_of
from triangulate.types import Article, Figure

__all__ = ["label_of"]

_LABEL_WORDS = 6
_CHANGE_WORDS = {"increase": "Increase in", "decrease": "Fall in"}
# Verbs after which a counted noun reads better with "who": "Afghans who left Pakistan".
_INTRANSITIVE = frozenset(
    {"left", "fled", "died", "returned", "arrived", "crossed", "remained", "stayed", "lived"}
    | {"went", "came", "moved", "escaped", "drowned", "marched", "protested", "rallied"}
)
_PUNCTUATION = re.compile(r"[.,;:()\[\]\"“”!?—–]")
_SIDES = ("left", "right")
_THIRDS = ("left", "middle", "right")
_TALLY_WORDS = 3  # words before a tally that say whose it is


def label_of(group: Sequence[Figure], articles: Mapping[str, Article]) -> str:
    """A short readable name of the measure, from its most informative counted phrase.

    Phrases with a predicate ("Afghans left Pakistan" over a bare "Afghans") compete on the
    words they share with the phrases of the other figures, so the label is the group's
    common ground, not one outlier; ties go to the phrase that says more (a period, a place).
    """
    said = [f.counted.strip() for f in group if f.counted and f.counted.strip()]
    if not said:
        return _context_label(group[0], articles)
    uses = Counter(said)
    phrases = list(uses)
    words = [keywords(p) for p in phrases]

    def overlap(i: int) -> float:
        return sum(
            (uses[phrases[j]] - (i == j)) * len(words[i] & w) / max(1, len(words[i] | w))
            for j, w in enumerate(words)
        )

    best = max(
        range(len(phrases)),
        key=lambda i: (
            min(len(words[i]), 2),
            overlap(i),
            min(len(phrases[i].split()), _LABEL_WORDS),
            -len(phrases[i]),
            -i,
        ),
    )
    return _readable(phrases[best])


def _readable(phrase: str) -> str:
    """ "militant attacks (increase) since 2021" -> "Increase in militant attacks since 2021";
    "Afghans left Pakistan" -> "Afghans who left Pakistan"."""
    for change, lead in _CHANGE_WORDS.items():
        marker = f" ({change})"
        if marker in phrase:
            phrase = f"{lead} {phrase.replace(marker, '')}"
            break
    else:
        words = phrase.split()
        verb = next((i for i, w in enumerate(words) if w.lower() in _INTRANSITIVE), None)
        if verb is not None and 0 < verb <= 3:
            phrase = " ".join([*words[:verb], "who", *words[verb:]])
    return phrase[:1].upper() + phrase[1:]


def _context_label(figure: Figure, articles: Mapping[str, Article]) -> str:
    """A label from the words right after the figure, up to the first punctuation; for a side
    of a tally, the tally and the words before it ("slumping at 9-14, left side")."""
    article = articles.get(figure.doc_id)
    text = article.text if article is not None else ""
    if (tally := tally_of(text, figure.start, figure.end)) is not None:
        side = _SIDES[tally.place] if len(tally.sides) == 2 else _THIRDS[tally.place]
        before = _PUNCTUATION.split(text[max(figure.sentence_start, 0) : tally.start])[-1]
        words = before.split()[-_TALLY_WORDS:]
        label = " ".join([*words, f"{text[tally.start : tally.end]}, {side} side"])
        return label[:1].upper() + label[1:]
    end = figure.sentence_end if figure.sentence_end > figure.end else len(text)
    after = _PUNCTUATION.split(text[figure.end : end], maxsplit=1)[0].split()[:_LABEL_WORDS]
    return " ".join([figure.text, *after]).strip()
