"""Whose figure it is: the named party a number belongs to, read from the dependency parse.

"The Nationals reportedly have bid $160 million" and "the Orioles (seven years, $140 million)"
are two bids told in the same words; what tells them apart is who bids. The holder is the
proper name that owns the figure:

* the subject of a verb of owning whose object the figure is ("the Nationals have bid $160
  million", "Teixeira hit .308 with 33 homers"), not of an act other reports credit to other
  actors ("INS Sukanya seized six rifles", "the Navy seized six rifles");
* the name just before figures whose verb is left out ("..., the Orioles $140 million");
* the name a bracketed figure glosses ("the Orioles (seven years, $140 million)");
* a possessor ("Teixeira's .358 average", "the Angels' eight-year offer").

Only names count: "police arrested 20" has no holder, so common nouns never split a quantity
that sources tell with other words. A figure that is itself the subject has no holder either
("five people were injured").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triangulate.extract._speaker_words import entity_of
from triangulate.normalise.names import word_set

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["holder_of"]

# Links a figure climbs through to reach the word it belongs to.
_CLIMB = frozenset(
    {"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "prep", "pobj", "dobj", "conj"}
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MAX_STEPS = 6
# Verbs whose subject owns the figure of their object: "the Nationals bid $160 million".
# Verbs of acts ("seized", "sentenced", "shot") are left out: one act is told with different
# actors ("INS Sukanya seized six rifles", "the Navy seized six rifles").
_OWNING_VERBS = word_set(
    """bid offer make have hit score earn win lose pay spend receive get sign own hold post
    record average propose ask demand seek want give"""
)
_MAX_BRACKETED = 12  # tokens a bracketed figure may sit after its opening bracket
_GAP_WORDS = word_set("between and to or over at about around for with")
_SCALE_WORDS = word_set("hundred thousand million billion trillion years")
_SIGNS = frozenset({"$", "€", "£", "-", "–"})


def holder_of(span: Span) -> str | None:
    """The name the figure ``span`` belongs to, as written, or None."""
    for found in (_glossed(span), _gapped(span)):
        if found is not None:
            return found
    token = span.root
    for _ in range(_MAX_STEPS):
        if (owner := _possessor(token)) is not None:
            return owner
        head = token.head
        if head.i == token.i or token.dep_ in _SUBJECTS:
            return None
        if head.pos_ in {"VERB", "AUX"}:
            return _named_subject(head) if _owning(head) else None
        if token.dep_ not in _CLIMB and token.dep_ != "appos":
            return None
        token = head
    return None


def _possessor(token: Token) -> str | None:
    """ "Teixeira's .358 average": a named possessor of the word the figure modifies."""
    for child in token.children:
        if child.dep_ == "poss" and (name := _name(child)) is not None:
            return name
    return None


def _glossed(span: Span) -> str | None:
    """ "the Orioles (seven years, $140-150 million)": the name right before the brackets the
    figure stands in."""
    doc = span.doc
    for i in range(span.start - 1, max(span.sent.start, span.start - _MAX_BRACKETED) - 1, -1):
        if doc[i].text in {")", "]"}:
            return None
        if doc[i].text in {"(", "["}:
            return _name(doc[i - 1]) if i > span.sent.start else None
    return None


def _gapped(span: Span) -> str | None:
    """ "the Nationals bid $160 million, the Orioles between $140 million and $150 million over
    seven years": a name right before the figures, with no verb of its own, stands for the
    gapped subject."""
    doc = span.doc
    i = span.start - 1
    while i > span.sent.start and (doc[i].lower_ in _GAP_WORDS or _numeric(doc[i])):
        i -= 1
    if i == span.start - 1 or doc[i].dep_ in {"compound", "amod"}:
        return None  # "the Qeshm 5.6 quake": a place that names the thing, not its holder
    return _name(doc[i])


def _numeric(token: Token) -> bool:
    return token.like_num or token.text in _SIGNS or token.lower_ in _SCALE_WORDS


def _named_subject(verb: Token) -> str | None:
    """The named subject of ``verb``, or of the verb it is coordinated with ("... and bid")."""
    for candidate in (verb, verb.head if verb.dep_ in {"conj", "xcomp"} else None):
        if candidate is None:
            continue
        subject = next((c for c in candidate.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return _name(subject)
    return None


def _owning(verb: Token) -> bool:
    """A verb whose subject owns its object: "bid", "offer", "hit" (.308), not "seized"."""
    return verb.lemma_.lower() in _OWNING_VERBS


def _name(token: Token) -> str | None:
    """The named entity ``token`` is part of, without "the" and "'s"; a date is no name, nor
    a capitalised word the model tagged no entity (a headline's "Dead")."""
    entity = entity_of(token)
    if entity is None:
        return None
    words = [t for t in entity if t.lower_ != "the" and t.dep_ != "case"]
    return " ".join(t.text for t in words) or None
