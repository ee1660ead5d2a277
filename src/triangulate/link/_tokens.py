"""Content words of a text, for comparing sentences across documents without a parser.

Shared by the timeline, derivative detection and the brief: lower-cased words with light
suffix stripping ("bombings" -> "bombing", "expelled" -> "expell"), numbers with their
separators removed ("2,200" -> "2200"), and no function words or reporting verbs, which every
news sentence shares.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d[\d,.]*\d|\d")
_STOP_WORDS = """
    a about above after again against all also although am among an and any are around as at
    be been before being below between both but by can could did do does doing down during each
    either few for from further had has have having he her here hers herself him himself his how
    however i if in into is it its itself just least less many may me might more most much must
    my myself no nor not now of off on once only or other our ours ourselves out over own per
    same shall she should since so some such than that the their theirs them themselves then
    there these they this those through thus to too under until up upon us very was we were what
    when where whether which while who whom whose why will with within without would yet you your
    yours said says say saying told tells according added adding stated noted reported
"""
_STOP = frozenset(_STOP_WORDS.split())


def words(text: str) -> list[str]:
    """Every word and number of ``text``, lower-cased, in order (function words included)."""
    return [_normal(w) for w in _WORD.findall(text)]


@lru_cache(maxsize=16_384)  # the timeline, rewrites and the brief read the same sentences
def content_tokens(text: str) -> frozenset[str]:
    """The content words and numbers of ``text``, normalised."""
    return frozenset(w for w in words(text) if w not in _STOP and (len(w) > 2 or w.isdigit()))


def idf_weights(texts: Iterable[str]) -> dict[str, float]:
    """Inverse document frequency of each content token over ``texts`` (sentences)."""
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        counts.update(content_tokens(text))
        total += 1
    return {token: math.log((1 + total) / (1 + n)) + 1.0 for token, n in counts.items()}


def weighted_overlap(
    left: frozenset[str], right: frozenset[str], idf: Mapping[str, float] | None = None
) -> float:
    """Shared weight over the lighter side's weight: 1.0 when one set holds the other."""
    if not left or not right:
        return 0.0

    def weight(tokens: Iterable[str]) -> float:
        return sum(idf.get(t, 1.0) if idf else 1.0 for t in tokens)

    return weight(left & right) / min(weight(left), weight(right))


@lru_cache(maxsize=65_536)  # news repeats its words: each is normalised once
def _normal(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word[0].isdigit():
        return word.replace(",", "")
    word = word.removesuffix("'s").strip("'-")
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + repl
    return word
