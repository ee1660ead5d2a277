"""The predicate of a counted noun: what happened to the things counted.

The clause the noun heads ("Afghans crossing the border"), the verb it is subject of
("Afghans are expected to return to Afghanistan") or object of ("killing 10 people" ->
"people killed"), or the state it is left in ("three dead"), with the verb's particle,
infinitive chain and one short complement; and the change a figure states, read from its
verb or noun ("increased by 79%", "rose 20%", "doubled", "a 60% increase").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triangulate.extract._counted_periods import RATE_ADVERBS, is_time
from triangulate.extract._counted_phrases import (
    has_number,
    lemma_of,
    participle,
    prep_object_token,
    short_phrase,
)
from triangulate.types import Amount

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["EMPTY_VERBS", "PEOPLE_VERBS", "STATES", "change_of", "direction_of", "predicate_of"]

_INCREASE = {
    "increase",
    "rise",
    "surge",
    "jump",
    "climb",
    "grow",
    "growth",
    "soar",
    "spike",
    "gain",
    "hike",
    "boost",
    "double",
    "triple",
    "quadruple",
    "treble",
    "up",
    "swell",
    "escalate",
    "multiply",
}
_DECREASE = {
    "decrease",
    "fall",
    "drop",
    "decline",
    "plunge",
    "slump",
    "shrink",
    "reduce",
    "reduction",
    "cut",
    "dip",
    "slide",
    "tumble",
    "halve",
    "down",
    "ease",
    "lower",
    "plummet",
    "sink",
}
# Verbs whose bare object or subject is people: "killing 10", "injuring dozens".
PEOPLE_VERBS = {
    "kill",
    "injure",
    "wound",
    "hurt",
    "die",
    "evacuate",
    "arrest",
    "rescue",
    "displace",
    "detain",
    "deport",
    "expel",
    "hospitalize",
    "hospitalise",
    "execute",
    "behead",
    "shoot",
    "murder",
    "abduct",
    "kidnap",
    "maim",
    "trap",
    "strand",
    "treat",
    "bury",
    "drown",
    "flee",
    "perish",
    "survive",
    "strike",
    # what the courts do to people: "two were arrested, and one was charged with murder"
    "charge",
    "indict",
    "convict",
    "sentence",
    "acquit",
    "jail",
    "imprison",
}
# States a count of people is left in: "three dead", "left thousands homeless".
STATES = {
    "dead",
    "injured",
    "wounded",
    "missing",
    "homeless",
    "hurt",
    "displaced",
    "stranded",
    "trapped",
    "killed",
    "unaccounted",
    "hospitalised",
    "hospitalized",
    "alive",
}
# Verbs that carry no meaning of their own for a count ("there were 10", "he said 10").
EMPTY_VERBS = {
    "be",
    "have",
    "become",
    "remain",
    "include",
    "say",
    "tell",
    "add",
    "note",
    "state",
    "put",
    "puts",
    "estimate",
    "report",
    "show",
    "reach",
    "total",
    "number",
    "stand",
    "exceed",
    "compare",
    "see",
    "make",
}
_IDLE_ADVERBS = {
    "already",
    "also",
    "now",
    "still",
    "so",
    "far",
    "then",
    "just",
    "only",
    "even",
    "reportedly",
    "allegedly",
    "recently",
    "currently",
    "nearly",
}
_COMPLEMENT_PREPS = {
    "to",
    "from",
    "into",
    "in",
    "as",
    "across",
    "out",
    "at",
    "on",
    "for",
    "under",
    "inside",
    "outside",
    "through",
}


def predicate_of(noun: Token, figure: Span) -> tuple[str | None, Token | None]:
    """The verb phrase that says what happened to the counted noun, and its verb."""
    for child in noun.children:
        if child.dep_ in {"acl", "relcl"} and child.pos_ in {"VERB", "AUX"}:
            if lemma_of(child) in EMPTY_VERBS and child.pos_ == "AUX":
                continue
            if _aside(child) and noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.pos_ == "VERB":
                continue  # "2.44 million people, accounting for 88 percent, cast ballots"
            return _verb_phrase(child, noun, figure, passive=False), child
    state = next((c for c in noun.rights if c.lower_ in STATES and c.pos_ == "ADJ"), None)
    if (
        state is None
        and noun.head.lower_ in STATES
        and (noun.head.pos_ == "ADJ" or noun.head.i == noun.i + 1)
        and (noun.head.i > noun.i)
    ):
        # headlines "Three dead after fire-bomb hits bank", "1 dead, 2 hurt" (hurt as a verb)
        state = noun.head
    if state is not None:
        return state.lower_, state
    head = noun.head
    if noun.dep_ == "npadvmod" and lemma_of(noun) == "time" and head.pos_ == "VERB":
        return _verb_phrase(head, noun, figure, passive=True), head  # "hosted it three times"
    if noun.dep_ in {"conj", "appos"} and head.pos_ in {"NOUN", "PROPN", "NUM"}:
        return predicate_of(head, figure)  # "three workers - two women and a man - were killed"
    if noun.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        if lemma_of(head) in EMPTY_VERBS:
            xcomp = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if xcomp is not None:  # "had to be ushered to safety"
                return _verb_phrase(xcomp, noun, figure, passive=False), xcomp
            complement = next((c for c in head.children if c.dep_ == "acomp"), None)
            return (complement.text.lower(), head) if complement is not None else (None, None)
        return _verb_phrase(head, noun, figure, passive=False), head
    if (
        noun.dep_ in {"dobj", "nsubjpass"}
        and head.pos_ == "VERB"
        and (lemma_of(head) not in EMPTY_VERBS)
    ):
        return _verb_phrase(head, noun, figure, passive=True), head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        verb = head.head
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > noun.i), None)
        if xcomp is not None:  # "called for 2 million refugees to leave Pakistan"
            return _verb_phrase(xcomp, noun, figure, passive=False), verb
    return None, None


def _aside(verb: Token) -> bool:
    """A participle set off by a comma or dash: an aside, not what the sentence says."""
    return verb.i > 0 and verb.doc[verb.i - 1].text in {",", "-", "–", "—", "("}


def _verb_phrase(verb: Token, noun: Token, figure: Span, *, passive: bool) -> str:
    """The verb with its particle, infinitive chain and one short complement:
    "expected to return to Afghanistan", "left Pakistan", "registered as refugees"."""
    if passive:  # the count is the verb's object: "killing 10 people" -> "people killed"
        words = [participle(verb)]
    else:
        words = [
            c.lower_
            for c in verb.children
            if c.dep_ in {"aux", "auxpass"} and c.i < verb.i and c.lower_ in {"to", "be"}
        ]
        words.append(verb.text.lower())
    words += [c.text.lower() for c in verb.children if c.dep_ == "prt"]
    if passive:  # "left three people dead", "left thousands homeless"
        words += [
            c.lower_
            for c in verb.children
            if c.i > noun.i
            and c.lower_ in STATES
            and c.dep_ in {"oprd", "acomp", "xcomp", "ccomp", "advcl", "amod"}
        ][:1]
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if xcomp is not None and xcomp.i > verb.i:
        return " ".join([*words, _verb_phrase(xcomp, noun, figure, passive=False)])
    complement = _complement(verb, noun, figure)
    return " ".join([*words, complement] if complement else words)


def _complement(verb: Token, noun: Token, figure: Span) -> str | None:
    """A short object or prepositional phrase after the verb ("the border", "to power")."""
    for child in verb.children:
        if child.i < verb.i or noun in child.subtree or has_number(child, figure):
            continue
        if child.dep_ in {"dobj", "attr", "acomp"} and child.pos_ in {"NOUN", "PROPN", "ADJ"}:
            if any(t.is_punct for t in verb.doc[verb.i + 1 : child.left_edge.i]):
                continue  # a parse slip: "celebrating ..., according to Const. Tim Fanning"
            return short_phrase(child)
        if (
            child.dep_ == "advmod"
            and child.pos_ == "ADV"
            and (child.lower_ not in _IDLE_ADVERBS and child.lower_ not in RATE_ADVERBS)
        ):
            return child.lower_  # "returned home", "fled abroad"
        if child.dep_ == "prep" and child.lower_ in _COMPLEMENT_PREPS and not is_time(child):
            obj = prep_object_token(child)
            if obj is not None and obj.pos_ in {"NOUN", "PROPN"}:
                phrase = short_phrase(obj)
                return f"{child.lower_} {phrase}" if phrase else None
    return None


def direction_of(span: Span, amount: Amount) -> str | None:
    """ "increased by 79%", "rose 20%", "doubled": the change a figure states."""
    anchor = span.root
    if amount.multiplier:
        shrinks = lemma_of(anchor) == "halve" or (amount.value is not None and amount.value < 1)
        return "decrease" if shrinks else "increase"
    head = anchor.head
    if head.lower_ == "by" and head.head.i != head.i:
        return change_of(head.head)
    if anchor.dep_ in {"npadvmod", "dobj", "attr"}:
        return change_of(head)
    return None


def change_of(token: Token) -> str | None:
    """ "increase" or "decrease" when the token's lemma names a change, else None."""
    lemma = lemma_of(token)
    if lemma in _INCREASE:
        return "increase"
    if lemma in _DECREASE:
        return "decrease"
    return None
