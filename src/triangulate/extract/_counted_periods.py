"""The period a count covers, read from the clause around it.

A period ends the counted phrase ("since August 2021", "in the first half of 2023", "since
then", "per day", "each month", "annually"), so that figures of different periods are not
taken for one quantity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triangulate.extract._counted_phrases import (
    as_written,
    has_number,
    lemma_of,
    prep_object_token,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["RATE_ADVERBS", "is_time", "period_phrase"]

_PERIOD_PREPS = {
    "since",
    "during",
    "in",
    "over",
    "within",
    "throughout",
    "between",
    "from",
    "through",
}
_RATE_NOUNS = {
    "day": "per day",
    "week": "per week",
    "month": "per month",
    "year": "per year",
    "hour": "per hour",
    "night": "per night",
    "annum": "per year",
}
RATE_ADVERBS = {
    "daily": "per day",
    "weekly": "per week",
    "monthly": "per month",
    "annually": "per year",
    "yearly": "per year",
    "hourly": "per hour",
    "nightly": "per night",
}
_CLAUSE_DEPS = {
    "ROOT",
    "ccomp",
    "advcl",
    "conj",
    "parataxis",
    "relcl",
    "acl",
    "xcomp",
    "pcomp",
    "csubj",
}


def period_phrase(node: Token, figure: Span) -> str | None:
    """The period the count covers, read from the clause around ``node``: "since 2021",
    "in the first half of 2023", "per day"."""
    path = [node]
    while path[-1].dep_ not in _CLAUSE_DEPS and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    for token in [figure.root, *path]:  # "earns 900 euros a month": the rate is the figure's
        for child in token.children:
            if has_number(child, figure) and not is_time(child):
                continue
            if (period := _period_of(child)) is not None:
                return period
    return None


def _period_of(child: Token) -> str | None:
    lower = child.lower_
    if child.dep_ == "advmod" and lower in RATE_ADVERBS:
        return RATE_ADVERBS[lower]
    if child.dep_ == "npadvmod" and (rate := _rate(child)):
        return rate
    if child.dep_ == "prep" and lower == "per":
        obj = prep_object_token(child)
        return _RATE_NOUNS.get(lemma_of(obj)) if obj is not None else None
    if child.dep_ == "prep" and lower == "since" and any(c.lower_ == "then" for c in child.rights):
        return _since_then(child)
    if child.dep_ == "prep" and lower in _PERIOD_PREPS:
        obj = prep_object_token(child)
        if obj is None or not any(t.ent_type_ == "DATE" for t in obj.subtree):
            return None
        tokens = list(obj.subtree)
        if len(tokens) > 7:
            tokens = [t for t in tokens if t.ent_type_ == "DATE"][:7]
        return f"{lower} {as_written(tokens)}"
    if child.dep_ == "advcl" and (mark := _mark(child, "since")) is not None:
        dates = [t for t in child.subtree if t.ent_type_ == "DATE" and t.i > mark.i]
        return f"since {as_written(dates)}" if dates else None
    return None


def _since_then(since: Token) -> str | None:
    """ "since then": since the date the text last named, in this sentence or the one before."""
    doc, start = since.doc, since.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    dates = [e for e in doc.ents if e.label_ == "DATE" and start <= e.start and e.end <= since.i]
    return f"since {dates[-1].text}" if dates else None


def _rate(token: Token) -> str | None:
    """ "each day", "a month", "every year": a rate."""
    if lemma_of(token) not in _RATE_NOUNS:
        return None
    dets = {c.lower_ for c in token.children if c.dep_ == "det"}
    return _RATE_NOUNS[lemma_of(token)] if dets & {"each", "a", "an", "every", "per"} else None


def _mark(clause: Token, word: str) -> Token | None:
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == word), None)


def is_time(prep: Token) -> bool:
    """Whether a preposition's object is a date, a time or a rate noun ("in May", "a day")."""
    obj = prep_object_token(prep)
    return obj is not None and (obj.ent_type_ in {"DATE", "TIME"} or lemma_of(obj) in _RATE_NOUNS)
