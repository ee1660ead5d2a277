"""When a predicted speaker is the gold speaker, for quotes and for figure attributions.

Two names agree when they are equal ignoring case, or when their last words agree once
generational suffixes are set aside ("Kakar" ~ "Anwar ul Haq Kakar", "LaCalamita" ~
"Anthony LaCalamita III"). Two descriptions agree when they have the same head noun and the
words of one are all words of the other, however they are ordered ("Indian Navy spokesman" ~
"a spokesman for the Indian Navy", "a police spokeswoman" ~ "a Surrey Police spokeswoman"),
so "a spokesman for Waitrose" is still not "a police spokesman".
"""

from __future__ import annotations

import re

__all__ = ["speakers_agree"]

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_LINKS = frozenset({"of", "for", "from", "at", "with", "in"})
_FILLER = frozenset({"a", "an", "the", "and"}) | _LINKS
_WORD = re.compile(r"[\w'-]+")


def speakers_agree(gold: str | None, predicted: str | None) -> bool:
    """Whether ``predicted`` names the speaker ``gold`` names (both None: nobody credited)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = _words(gold), _words(predicted)
    if not g or not p:
        return False
    if g == p or _last(g) == _last(p):
        return True
    gw, pw = set(g) - _FILLER, set(p) - _FILLER
    return _head(g) == _head(p) and (gw <= pw or pw <= gw)


def _words(name: str) -> list[str]:
    return _WORD.findall(name.lower())


def _last(words: list[str]) -> str:
    kept = [w for w in words if w.rstrip(".") not in _SUFFIXES]
    return kept[-1] if kept else words[-1]


def _head(words: list[str]) -> str:
    """The noun a description is about: the word before "of"/"for"..., else the last."""
    cut = next((i for i, w in enumerate(words) if w in _LINKS and i > 0), len(words))
    return words[cut - 1]
