"""Comparison keys for names: the one normalisation alias merging, speaker names and the user's
alias table all compare by, and the looser keys the alias merge matches spelling variants,
acronyms and people's names by."""

from __future__ import annotations

import re
import unicodedata

from triangulate.normalise.names import NAME_SUFFIXES, clean_name, strip_person_titles, word_set

__all__ = ["exact_key", "initials", "last_word", "person_core", "skeleton"]

_THE = re.compile(r"^the ")
# Country abbreviations written inside names; case-sensitive, so "us" the pronoun never counts.
_COUNTRY_SHORT = (
    (re.compile(r"\bU\.?S\.?(?=\s|$)"), "United States"),
    (re.compile(r"\bU\.?K\.?(?=\s|$)"), "United Kingdom"),
)
# "O'Higgins" is one word, not "O" and "Higgins"; "P.J.Carlesimo" is two.
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_RUN_ON_INITIALS = re.compile(r"\.(?=[A-Z][a-z])")
# Generic place words around a name; "city" stays ("Mexico City" is not "Mexico").
_PLACE_WORDS = re.compile(
    r"^(?:island|province|region|district) of |(?<=\w) (?:island|province|region|district|county)$"
)
CONNECTORS = word_set("e i ul ut ud ur us al el o wal un ush bin ibn ad az as")
MINOR = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "la", "le", "&"})
# "Alishbandi" / "Alishvandi", "Qasem" / "Kassem", "Mohammad" / "Muhammed": one sound each.
# "Gurbanguly" / "Kurbanguly" too.
_SOUNDS = (
    ("ph", "f"),
    ("kh", "k"),
    ("q", "k"),
    ("c", "k"),
    ("g", "k"),
    ("v", "b"),
    ("w", "b"),
    ("z", "s"),
)
_MIN_SKELETON = 6  # shorter skeletons ("Mali", "Male") are too easy to confuse without vowels
_VOWELS = re.compile(r"[aeiouy]")


def exact_key(name: str, *, person: bool = False) -> str:
    """Case, accents, "the", possessives, punctuation (and a person's titles) removed.

    "U.S." -> "united states"; with ``person``, "Prime Minister Kakar" and "Sheriff's Capt.
    Kakar" -> "kakar". Titles stay on other names: "Foreign Office" is not "Office".
    """
    bare = _RUN_ON_INITIALS.sub(". ", clean_name(name))
    bare = _INNER_APOSTROPHE.sub("", strip_person_titles(bare) if person else bare)
    for short, full in _COUNTRY_SHORT:  # "US Geological Survey" = "United States Geological ..."
        bare = short.sub(full, bare)
    bare = unicodedata.normalize("NFKD", bare).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z0-9]+", " ", bare.lower().replace(".", "")).strip()
    # "The Associated Press" = "Associated Press"; "Hormozgan province" = "Hormozgan".
    key = _PLACE_WORDS.sub("", _THE.sub("", key)).strip()
    return key or re.sub(r"[^a-z0-9]+", " ", bare.lower()).strip()


def skeleton(key: str) -> str | None:
    """A spelling-insensitive key for multi-word names: consonants, sorted words."""
    words = [w for w in re.split(r"[ -]+", key) if w and w not in CONNECTORS | MINOR]
    if len(words) < 2:
        return None
    joined = " ".join(sorted(consonants(w) for w in words))
    return joined if len(joined.replace(" ", "")) >= _MIN_SKELETON else None


def consonants(word: str) -> str:
    """First letter plus consonants, with sounds that transliterations swap folded together."""
    # An initial vowel is one sound too: "Ilias" / "Elias", "Usama" / "Osama".
    first = "a" if word[0] in "aeiou" else word[0]
    folded = first + _VOWELS.sub("", word[1:])
    for sound, letter in _SOUNDS:
        folded = folded.replace(sound, letter)
    return re.sub(r"(.)\1+", r"\1", folded)


def word_consonants(key: str) -> str:
    """A one-word name without vowels or doubled letters: "Khaledin", "Khaldin" -> "khldn"."""
    return re.sub(r"(.)\1+", r"\1", key[0] + _VOWELS.sub("", key[1:]))


def initials(key: str) -> str:
    """The first letters of a key's words, connectors and function words left out."""
    return "".join(w[0] for w in re.split(r"[ -]+", key) if w and w not in CONNECTORS | MINOR)


def person_core(key: str) -> str:
    """A person's key without initials and generational suffixes, while two words remain:
    "robert j pickell" and "h dale hall" -> "robert pickell", "dale hall"."""
    words = key.split()
    kept = [w for i, w in enumerate(words) if not (i > 0 and w in NAME_SUFFIXES)]
    named = [w for w in kept if len(w) > 1]
    return " ".join(named if len(named) > 1 else kept)


def last_word(name: str) -> str:
    """The last word of a name, lower case: "Heidar Alishvandi" -> "alishvandi"."""
    words = re.split(r"[ -]+", name.lower())
    return words[-1] if words else ""
