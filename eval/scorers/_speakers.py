"""When a predicted speaker is the gold speaker, for quotes and for figure attributions.

Two names agree when they are equal ignoring case, or when their last words agree once
generational suffixes are set aside ("Kakar" ~ "Anwar ul Haq Kakar", "LaCalamita" ~
"Anthony LaCalamita III"). Two descriptions agree when the content words of one are all words
of the other, however they are ordered ("Indian Navy spokesman" ~ "a spokesman for the Indian
Navy", "a police spokeswoman" ~ "a Surrey Police spokeswoman", "a poll" ~ "a poll released
Sunday", "Vancouver police" ~ "Vancouver Police Department"), so "a spokesman for Waitrose" is
still not "a police spokesman".
"""

from __future__ import annotations

import re

__all__ = ["speakers_agree"]

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_FILLER = frozenset({"a", "an", "the", "and", "of", "for", "from", "at", "with", "in"})
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
    return bool(gw and pw) and (gw <= pw or pw <= gw)


def _words(name: str) -> list[str]:
    return _WORD.findall(name.lower())


def _last(words: list[str]) -> str:
    kept = [w for w in words if w.rstrip(".") not in _SUFFIXES]
    return kept[-1] if kept else words[-1]
