"""Comparison keys for names: the one normalisation alias merging, speaker names and the user's
alias table all compare by."""

from __future__ import annotations

import re
import unicodedata

from triangulate.normalise.names import clean_name, strip_titles

__all__ = ["exact_key"]

_THE = re.compile(r"^the ")
# Country abbreviations written inside names; case-sensitive, so "us" the pronoun never counts.
_COUNTRY_SHORT = (
    (re.compile(r"\bU\.?S\.?(?=\s|$)"), "United States"),
    (re.compile(r"\bU\.?K\.?(?=\s|$)"), "United Kingdom"),
)
# Generic place words around a name; "city" stays ("Mexico City" is not "Mexico").
_PLACE_WORDS = re.compile(
    r"^(?:island|province|region|district) of |(?<=\w) (?:island|province|region|district|county)$"
)


def exact_key(name: str, *, person: bool = False) -> str:
    """Case, accents, "the", possessives, punctuation (and a person's titles) removed.

    "U.S." -> "us"; with ``person``, "Prime Minister Kakar" -> "kakar". Titles stay on other
    names: "Foreign Office" is not "Office".
    """
    bare = clean_name(name)
    bare = strip_titles(bare) if person else bare
    for short, full in _COUNTRY_SHORT:  # "US Geological Survey" = "United States Geological ..."
        bare = short.sub(full, bare)
    bare = unicodedata.normalize("NFKD", bare).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z0-9]+", " ", bare.lower().replace(".", "")).strip()
    # "The Associated Press" = "Associated Press"; "Hormozgan province" = "Hormozgan".
    key = _PLACE_WORDS.sub("", _THE.sub("", key)).strip()
    return key or re.sub(r"[^a-z0-9]+", " ", bare.lower()).strip()
