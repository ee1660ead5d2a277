"""Polls: a poll speaks for its respondents, and is named for who ran or published it.

"An opinion poll published by Ethnos newspaper on Sunday said 83.3 percent ..." credits the
"Ethnos poll"; "In a poll released Sunday, some 62 percent of respondents said ..." and, a few
sentences on, "60 percent responded yes" or "Some 64 percent considered ..." credit that poll,
whatever verb of opinion the share answers with. Unlike a report, whose author speaks for it
("a report by PICSS" -> PICSS), a poll is not replaced by whoever published it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triangulate.extract._speaker_words import OPINION_VERBS, POLL_NOUNS
from triangulate.normalise.names import word_set

if TYPE_CHECKING:
    from collections.abc import Container

    from spacy.tokens import Token

__all__ = ["answering_share", "poll_before", "poll_name", "respondents"]

# Prepositions that name who ran or published a poll: "a poll by Gallup", "for Kathimerini".
_POLL_PREPS = word_set("by for in from")
# Sentences back to look for the poll whose respondents a share is ("55 percent of respondents").
_POLL_SENTENCES = 3


def poll_name(poll: Token) -> str | None:
    """A poll named for who ran it and who it was for: "a Gallup poll", "an opinion poll
    published by Ethnos newspaper", "a poll for the Kathimerini newspaper", "the Focus poll of
    1,000 people for Real News" -> "Gallup poll", "Ethnos poll", "Kathimerini poll", "Focus
    poll for Real News"; None for an unnamed one ("a poll released Sunday")."""
    ran = [c for c in poll.children if c.dep_ in {"compound", "poss"}]
    # "The poll of 520 people published in the Kathimerini newspaper": the parser may hang
    # the publisher on the sample, so the whole phrase is searched.
    tails = [t for t in poll.subtree if t.dep_ == "pobj" and t.head.lower_ in _POLL_PREPS]
    ran += [t for t in tails if t.head.lower_ == "by"]
    pollster = next(filter(None, map(_proper_words, ran)), None)
    client = next(filter(None, (_proper_words(t) for t in tails if t.head.lower_ != "by")), None)
    if pollster and client:
        return f"{pollster} {poll.lower_} for {client}"
    return f"{pollster or client} {poll.lower_}" if pollster or client else None


def _proper_words(owner: Token) -> str | None:
    """The proper name a noun gives: "Gallup", "Ethnos" of "Ethnos newspaper", "Kathimerini"
    of "the respected Kathimerini newspaper"."""
    words = [t for t in owner.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if owner.pos_ == "PROPN":
        words.append(owner)
    return " ".join(t.text for t in words) or None


def respondents(token: Token) -> bool:
    """Whether ``token`` heads a share of a poll's respondents: "55 percent of respondents",
    "60 percent", "half of those polled", "most respondents"."""
    if token.lower_ in {"percent", "cent", "%"} or token.lemma_.lower() == "respondent":
        return True
    return any(
        o.lemma_.lower() == "respondent" or any(a.lower_ == "polled" for a in o.children)
        for p in token.children
        if p.lower_ == "of"
        for o in p.children
    )


def poll_before(token: Token, quoted: Container[int]) -> Token | None:
    """The poll mentioned last before ``token``, in its sentence or the few before it."""
    doc = token.doc
    first = token.sent.start
    for _ in range(_POLL_SENTENCES):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    for i in range(token.i - 1, first - 1, -1):
        word = doc[i]
        if word.pos_ == "NOUN" and word.lemma_.lower() in POLL_NOUNS and i not in quoted:
            return word
    return None


def answering_share(verb: Token) -> Token | None:
    """ "60 percent responded yes", "Some 64 percent considered police were unprepared": a
    share of a poll's respondents that answers (the parser may call it an adverb)."""
    if verb.lemma_.lower() not in OPINION_VERBS:
        return None
    subjects = [c for c in verb.lefts if c.dep_ in {"nsubj", "npadvmod"}]
    return next((c for c in subjects if respondents(c)), None)
