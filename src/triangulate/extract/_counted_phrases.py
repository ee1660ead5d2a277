"""Wording what a figure counts: dependency-parse tokens turned into short phrases.

Noun phrases with their modifiers ("Afghan refugees"), short objects ("the streets of
Athens"), past participles ("killing 10" -> "killed"), tokens as written with headline
capitals dropped, and the small parse look-ups (a token's lemma, a preposition's object)
that :mod:`triangulate.extract.counted` and its private helpers share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "as_written",
    "cased",
    "has_number",
    "is_word",
    "join_words",
    "lemma_of",
    "noun_phrase",
    "participle",
    "prep_object",
    "prep_object_token",
    "short_phrase",
]

_DEATH_NOUNS = {"death", "life", "fatality", "casualty"}
_MODIFIERS = {"amod", "compound", "nmod", "poss"}
_IRREGULAR = {
    "leave": "left",
    "take": "taken",
    "give": "given",
    "send": "sent",
    "hold": "held",
    "find": "found",
    "make": "made",
    "drive": "driven",
    "bring": "brought",
    "build": "built",
    "catch": "caught",
    "keep": "kept",
    "lose": "lost",
    "shoot": "shot",
    "strike": "struck",
    "see": "seen",
    "get": "got",
    "write": "written",
    "sell": "sold",
    "buy": "bought",
    "pay": "paid",
    "steal": "stolen",
    "seek": "sought",
    "flee": "fled",
    "bury": "buried",
    "spend": "spent",
    "raise": "raised",
    "run": "run",
    "win": "won",
    "lead": "led",
    "throw": "thrown",
    "feed": "fed",
    "fight": "fought",
    "teach": "taught",
    "hide": "hidden",
    "begin": "begun",
    "choose": "chosen",
    "hit": "hit",
    "put": "put",
    "set": "set",
    "cut": "cut",
    "let": "let",
    "shut": "shut",
    "draw": "drawn",
    "know": "known",
    "tell": "told",
    "say": "said",
    "lend": "lent",
    "foresee": "foreseen",
    "fall": "fallen",
    "rise": "risen",
    "grow": "grown",
    "go": "gone",
    "beat": "beaten",
    "break": "broken",
    "blow": "blown",
    "fly": "flown",
    "withdraw": "withdrawn",
    "sink": "sunk",
    "shake": "shaken",
    "hear": "heard",
    "meet": "met",
    "feel": "felt",
    "deal": "dealt",
    "freeze": "frozen",
    "rebuild": "rebuilt",
    "read": "read",
    "wear": "worn",
    "tear": "torn",
    "forgive": "forgiven",
    "speak": "spoken",
    "overcome": "overcome",
    "undertake": "undertaken",
    "slay": "slain",
    "bind": "bound",
    "sweep": "swept",
    "stick": "stuck",
}
_DOUBLED = re.compile(r"(?:^[^aeiou]*[aeiou][bdgklmnprt]$|(?:pel|mit|fer|cur|trol|gret)$)")
_MAX_WORDS = 12
_GLUE_WORDS = frozenset({"the", "a", "an", "in", "on", "at", "of", "during"})


def is_word(token: Token) -> bool:
    """A word, not a second number or a garbled symbol ("Dh4,275", "?")."""
    return token.is_alpha or (
        any(c.isalpha() for c in token.text) and not any(c.isdigit() for c in token.text)
    )


def short_phrase(token: Token) -> str | None:
    """An object as a short noun phrase: the whole of it up to four words ("the streets of
    Athens"), else its head with modifiers ("a key road leading to ..." -> "key road")."""
    tokens = [t for t in token.subtree if t.pos_ != "PUNCT" and t.dep_ != "det"]
    if 0 < len(tokens) <= 4 and not any(t.like_num for t in tokens):
        return as_written(tokens)
    words = [t for t in token.lefts if t.dep_ in {"amod", "compound"}]
    start = min((w.left_edge.i for w in words), default=token.i)
    head = [t for t in token.doc[start : token.i + 1] if t.pos_ not in {"DET", "PUNCT", "NUM"}]
    return as_written(head) if len(head) <= 4 else None


def has_number(token: Token, figure: Span) -> bool:
    """Whether the figure's own tokens lie in ``token``'s subtree."""
    return any(figure.start <= t.i < figure.end for t in token.subtree)


def noun_phrase(noun: Token, figure: Span, skip: frozenset[str] | set[str] = frozenset()) -> str:
    """The noun with its adjective and compound modifiers ("Afghan refugees"), never the
    figure's own words."""
    if lemma_of(noun) == "toll" and any(lemma_of(c) in _DEATH_NOUNS for c in noun.children):
        return "people killed"
    words = [t for t in noun.lefts if t.dep_ in _MODIFIERS]
    start = min((w.left_edge.i for w in words), default=noun.i)
    tokens = [
        t
        for t in noun.doc[start : noun.i + 1]
        if not (figure.start <= t.i < figure.end)
        and (is_word(t) or t.text == "-")
        and (not t.like_num or _hyphenated(t))
        and t.tag_ != "POS"
        and t.pos_ not in {"DET", "PRON"}
        and t.lower_ not in skip
    ]
    while tokens and tokens[0].text == "-":
        tokens.pop(0)
    return as_written(tokens) or cased(noun)


def _hyphenated(token: Token) -> bool:
    """ "eight-year deal": a number word glued to the noun's modifier is part of it."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and not token.whitespace_ and nxt.text == "-" and token.is_alpha


def as_written(tokens: Iterable[Token]) -> str:
    """Tokens as written, hyphens kept tight ("worst-hit villages"), headline capitals and a
    sentence's first capital dropped from common words (they are no names)."""
    out = ""
    previous: Token | None = None
    tokens = list(tokens)
    headline = bool(tokens) and _is_headline(tokens[0].sent)
    for token in tokens:
        glue = previous is not None and (previous.i + 1 == token.i and not previous.whitespace_)
        word = token.lower_ if headline and not token.ent_type_ else cased(token)
        out += ("" if glue or not out else " ") + word
        previous = token
    return out


def _is_headline(sent: Span) -> bool:
    """Most words capitalised: a headline, whose capitals mark no names."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


def cased(token: Token) -> str:
    """A token as written if it names something, else lower-cased; shouted names title-cased."""
    if token.pos_ == "PROPN" or token.ent_type_ in {"NORP", "GPE", "ORG", "PERSON", "LOC"}:
        shouted = token.text.isupper() and len(token.text) > 4  # "IRAN" stays, "TEHRAN" not
        return token.text.title() if shouted else token.text
    return token.text.lower() if token.text[:1].isupper() else token.text


def participle(verb: Token) -> str:
    """The past participle, for a count that is the verb's object: "killing 10" -> "killed"."""
    if verb.tag_ in {"VBN", "VBD"} and lemma_of(verb) not in _IRREGULAR:
        return verb.text.lower()
    lemma = lemma_of(verb)
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if _DOUBLED.search(lemma) and not lemma.endswith(("w", "x", "y")):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def join_words(*parts: str | None) -> str | None:
    """The non-empty parts joined by spaces and cut to the longest phrase kept; a part whose
    words are all said already is left out ("died in the attack" + "in the attack")."""
    kept: list[str] = []
    for part in parts:
        words = [w for w in (part or "").lower().split() if w not in _GLUE_WORDS]
        if part and not (kept and set(words) <= set(" ".join(kept).lower().split())):
            kept.append(part)
    return " ".join(" ".join(kept).split()[:_MAX_WORDS]) or None


def prep_object(token: Token, preps: set[str]) -> Token | None:
    """The object of ``token``'s first preposition among ``preps`` ("increase in attacks")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            return prep_object_token(child)
    return None


def prep_object_token(prep: Token) -> Token | None:
    """The object of a preposition, or the noun right after it when the parse lost the link."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None and prep.i + 1 < len(prep.doc):
        after = prep.doc[prep.i + 1]  # "registered as refugees being exempt": a mis-parse
        if after.pos_ in {"NOUN", "PROPN"} and after in prep.subtree:
            return after
    return obj


def lemma_of(token: Token) -> str:
    """The token's lemma, lower-cased."""
    return token.lemma_.lower()
