"""What a figure counts, read from the dependency parse: "Afghans expected to return".

The counted phrase is the noun the number quantifies, with its adjective and compound
modifiers, followed by the predicate that gives it meaning: the clause it heads ("Afghans
crossing the border"), the verb it is subject of ("Afghans are expected to return to
Afghanistan") or object of ("killing 10 people" -> "people killed"). A change figure counts the
thing that changed and says which way ("a 60% increase in militant attacks" ->
"militant attacks (increase)"); a magnitude counts its quake and where it struck (nothing
when the sentence does not tell one tremor from another), a distance its bearing. A period
the count covers ends the phrase ("since August 2021", "in the first half of 2023",
"per day"), so that figures of different periods are not taken for one quantity.

This module finds the counted noun and reads changes, magnitudes and distances; the predicate
is read by :mod:`triangulate.extract._counted_predicates`, the period by
:mod:`triangulate.extract._counted_periods`, and the wording by
:mod:`triangulate.extract._counted_phrases`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from triangulate.extract._counted_periods import period_phrase
from triangulate.extract._counted_phrases import (
    as_written,
    is_word,
    join_words,
    lemma_of,
    noun_phrase,
    prep_object,
    prep_object_token,
    short_phrase,
)
from triangulate.extract._counted_predicates import (
    EMPTY_VERBS,
    PEOPLE_VERBS,
    STATES,
    change_of,
    direction_of,
    predicate_of,
)
from triangulate.extract._figure_codes import glued_plural
from triangulate.types import Amount

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Counted", "read_counted"]

# Nouns that only hold the count ("the number of", "an average of"): look through them.
_CONTAINERS = {
    "number",
    "total",
    "tally",
    "count",
    "figure",
    "group",
    "batch",
    "crowd",
    "average",
    "ten",
    "tens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "score",
    "scores",
    "handful",
    "estimate",
    "maximum",
    "minimum",
    "upwards",
}
_SURVEY_NOUNS = {"poll", "survey", "sample", "questionnaire", "census"}
# Containers that are themselves counted when a number quantifies them: "two counts of murder",
# "three groups of protesters" (but "a group of 200 protesters" counts protesters).
_COUNTABLE_CONTAINERS = {"count", "group", "batch", "crowd"}
# "the deportation of 200,000 Afghans" counts Afghans deported.
_EVENT_NOUNS = {
    "death": "killed",
    "life": "killed",
    "fatality": "killed",
    "casualty": "killed",
    "killing": "killed",
    "deportation": "deported",
    "expulsion": "expelled",
    "repatriation": "repatriated",
    "return": "returned",
    "evacuation": "evacuated",
    "displacement": "displaced",
    "arrest": "arrested",
    "detention": "detained",
    "eviction": "evicted",
    "relocation": "relocated",
    "resettlement": "resettled",
    "release": "released",
    "rescue": "rescued",
    "execution": "executed",
    "abduction": "abducted",
    "kidnapping": "kidnapped",
    "departure": "departed",
    "injury": "injured",
    "exodus": "fled",
    "dismissal": "dismissed",
    "hiring": "hired",
    "sale": "sold",
    "loss": "lost",
    "destruction": "destroyed",
}
_MAGNITUDE_WORDS = {"magnitude", "strength", "degree", "richter", "scale", "point"}
_QUAKE = {"quake", "earthquake", "tremor", "temblor", "aftershock", "shock", "jolt"}
_DISTANCE_UNITS = {"km", "mi", "m", "ft"}
_BEARING = re.compile(
    r"^(?:north|south|east|west|away|off|from|inland|offshore|outside|"
    r"northeast|northwest|southeast|southwest)",
    re.IGNORECASE,
)
# Verbs whose object is the level their subject stands at: "turnout reached 93.87 percent".
_REACHED = frozenset({"reach", "hit", "total", "top", "near"})


@dataclass(frozen=True, slots=True)
class Counted:
    """What a figure counts (``phrase``), which way it changed, and the head noun it read,
    which a later figure of the sentence with no noun of its own may borrow."""

    phrase: str | None
    change: str | None
    noun: str | None


def read_counted(span: Span, amount: Amount, antecedent: str | None = None) -> Counted:
    """What the figure ``span`` counts; ``antecedent`` is the noun of the previous figure
    of the sentence ("1.7 million Afghans ..., with 1.4 million registered as refugees")."""
    change = direction_of(span, amount)
    noun, anchor = _counted_noun(span)
    if amount.unit == "magnitude":
        return Counted(_magnitude(span, noun), change, None)
    if noun is not None and (noun_change := change_of(noun)) is not None:
        target = prep_object(noun, {"in", "of"})  # "a 60% increase in militant attacks"
        thing = noun_phrase(target, span) if target is not None else None
        return Counted(
            join_words(thing, f"({noun_change})", period_phrase(noun, span)), noun_change, thing
        )
    if noun is None and amount.unit in _DISTANCE_UNITS and (bearing := _bearing(span)):
        return Counted(f"distance {bearing}", change, None)
    if noun is not None and (sized := _size_of(noun, span)) is not None:
        return Counted(sized, change, sized)  # "a 2,507-member assembly" -> "assembly members"
    if noun is not None:
        phrase = join_words(noun_phrase(noun, span), _what_of(noun))
        if _surveyed(noun):  # "a poll of 1,000 people": a sample, not the people of the story
            return Counted(join_words(phrase, "surveyed"), change, phrase)
        if (event := _event_of(noun)) is not None:
            return Counted(
                join_words(phrase, event, period_phrase(noun.head.head, span)), change, phrase
            )
        predicate, verb = predicate_of(noun, span)
        if predicate is None and anchor.i != noun.i:
            predicate, verb = predicate_of(anchor, span)
        return Counted(
            join_words(phrase, predicate, period_phrase(verb or anchor, span)), change, phrase
        )
    return _elided(span, anchor, change, antecedent)


def _elided(span: Span, anchor: Token, change: str | None, antecedent: str | None) -> Counted:
    """A number standing for its noun: "killing at least 10", "1.4 million registered",
    "attacks increased by 79%", "the death toll rose to 10"."""
    predicate, verb = predicate_of(anchor, span)
    if verb is not None and not (anchor.dep_ == "dobj" and lemma_of(verb) in _REACHED):
        noun = antecedent or _implied_people(anchor, verb)
        return Counted(join_words(noun, predicate, period_phrase(verb, span)), change, noun)
    owner = _owner(anchor)
    if owner is not None:  # "a population of 120,000", "the toll of 10"
        phrase = noun_phrase(owner, span)
        return Counted(join_words(phrase, period_phrase(owner, span)), change, phrase)
    verb = anchor.head
    if anchor.dep_ == "pobj" and verb.dep_ == "prep":
        level = verb.lower_ in {"to", "at"}  # "rose to 10", "put the toll at 10"
        verb = verb.head
    else:
        level = False
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == anchor.i:
        return Counted(None, change, None)
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None) if level else None
    thing = thing or _subject(verb)
    copula = anchor.dep_ == "attr" and lemma_of(verb) == "be"  # "the population is 120,000"
    reached = anchor.dep_ == "dobj" and lemma_of(verb) in _REACHED  # "turnout reached 93.87%"
    if thing is None or thing.pos_ != "NOUN" or not (change or level or copula or reached):
        return Counted(None, change, None)
    phrase = noun_phrase(thing, span)
    how = f"({change})" if change else None
    if level and not change and change_of(verb) is None and lemma_of(verb) not in EMPTY_VERBS:
        how = verb.lower_  # "the building was valued at $380,600"
    return Counted(join_words(phrase, how, period_phrase(verb, span)), change, phrase)


def _size_of(noun: Token, span: Span) -> str | None:
    """ "a 2,507-member assembly" -> "assembly members", "the 300-seat parliament" ->
    "parliament seats": a number glued to the unit its whole is measured in."""
    doc = noun.doc
    glued = noun.i == span.end + 1 and doc[span.end].text == "-"
    whole = noun.head
    unit = glued_plural(lemma_of(noun))
    if not glued or unit is None or whole.pos_ not in {"NOUN", "PROPN"}:
        return None
    return f"{noun_phrase(whole, doc[span.start : noun.i + 1])} {unit}"


def _what_of(noun: Token) -> str | None:
    """ "of murder" in "two counts of murder": what a counted container is made of."""
    if lemma_of(noun) not in _COUNTABLE_CONTAINERS:
        return None
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None) if prep else None
    phrase = short_phrase(obj) if obj is not None else None
    return f"of {phrase}" if phrase else None


def _surveyed(noun: Token) -> bool:
    """Whether the noun counts a survey's sample: "a poll of 1,000 people"."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "of" and lemma_of(head.head) in _SURVEY_NOUNS


def _owner(anchor: Token) -> Token | None:
    """The noun a number measures after "of" or "worth": "a population of 120,000"."""
    head = anchor.head
    if head.lower_ == "worth" or (anchor.dep_ == "pobj" and head.lower_ == "of"):
        owner = head.head  # "a deal worth $184 million", "a population of 120,000"
    else:
        return None
    if head.lower_ == "worth" and lemma_of(owner) == "be":
        owner = _subject(owner) or owner  # "the deal is worth at least $160 million"
    return owner if owner.pos_ == "NOUN" and lemma_of(owner) not in _CONTAINERS else None


def _implied_people(anchor: Token, verb: Token) -> str | None:
    """ "killing at least 10", "hundreds blocked a road": people, though unnamed."""
    if lemma_of(verb) in PEOPLE_VERBS or verb.lower_ in STATES:
        return "people"
    vague = anchor.lower_ in {"hundreds", "thousands", "dozens", "millions", "scores"}
    return "people" if vague and anchor.dep_ == "nsubj" else None


def _counted_noun(span: Span) -> tuple[Token | None, Token]:
    """The noun the number counts, and the token that stands for the count in the parse
    (the noun, a container such as "an average of", or the number itself)."""
    doc = span.doc
    last = span[-1]
    if last.i + 2 < len(doc) and doc[last.i + 1].lower_ == "of":
        obj = prep_object_token(doc[last.i + 1])
        if (
            obj is not None
            and obj.pos_ in {"NOUN", "PROPN"}
            and is_word(obj)
            and (doc[last.i + 2].pos_ != "DET" or obj.tag_ in {"NNS", "NNPS"})
        ):
            return obj, _container(span.root)  # "tens of thousands of Afghans left"
    heads = [
        t.head
        for t in span
        if t.head.i >= span.end
        and t.head.pos_ in {"NOUN", "PROPN"}
        and t.dep_ in {"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"}
        and is_word(t.head)
    ]
    if heads:
        head = min(heads, key=lambda t: t.i)
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head  # "three bank workers": the workers, not the bank
        quantified = lemma_of(head) in _COUNTABLE_CONTAINERS  # "two counts of murder"
        if (
            lemma_of(head) in _CONTAINERS
            and not quantified
            and (obj := prep_object(head, {"of"})) is not None
        ):
            return obj, _container(head)
        return head, _container(head)
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and lemma_of(root.head.head) in _CONTAINERS:
        return None, root.head.head  # "an average of over 17,000 crossing the border"
    return None, root


def _container(token: Token) -> Token:
    """Climb from a count to the container that holds it in the clause: "a group of about
    200 communists stormed" -> "group", whose verb is the communists' verb."""
    while (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and lemma_of(token.head.head) in _CONTAINERS
    ):
        token = token.head.head
    return token


def _magnitude(span: Span, noun: Token | None) -> str | None:
    """ "quake magnitude (hit town of Zarand)": the tremor the magnitude measures, and what
    tells it from other tremors of the story (where it struck, when)."""
    if noun is None or lemma_of(noun) not in _QUAKE:
        quakes = [t for t in span.sent if lemma_of(t) in _QUAKE and t.pos_ == "NOUN"]
        if not quakes:
            return None
        noun = min(quakes, key=lambda t: abs(t.i - span.start))
    phrase = f"{noun_phrase(noun, span, _MAGNITUDE_WORDS)} magnitude"
    place = next(
        (
            f"{c.lower_} {short_phrase(o)}"
            for c in noun.children
            if c.dep_ == "prep"
            and c.lower_ in {"in", "near", "off", "on", "at"}
            and (o := prep_object_token(c)) is not None
            and o.pos_ == "PROPN"
        ),
        None,
    )
    predicate, verb = predicate_of(noun, span)
    if predicate is not None and predicate.islower():
        predicate = None  # "measuring", "killed people": no place that tells quakes apart
    where, period = place or predicate, period_phrase(verb or noun, span)
    if where is None and period is None:
        return None  # "quake magnitude" alone would tie every tremor of the story together
    return join_words(phrase, f"({where})" if where else None, period)


def _bearing(span: Span) -> str | None:
    """ "58km south-west of Bandar Abbas" -> "south-west of Bandar Abbas"; "300 kilometers
    to the north" -> "to north"."""
    root = span.root
    for token in [*root.children, root.head, *root.head.children]:
        if token.i < span.end:
            continue
        obj = prep_object_token(token) if token.dep_ == "prep" else None
        if not _BEARING.match(token.text) and not (obj is not None and _BEARING.match(obj.text)):
            continue
        if token.head.i != root.i and token.i != root.head.i and obj is None:
            continue
        start = min([t.left_edge.i for t in token.lefts if t.i >= span.end] + [token.i])
        end = max(t.i for t in token.subtree) + 1
        tokens = [
            t
            for t in span.doc[start:end]
            if t.pos_ != "DET" and (t.pos_ != "PUNCT" or t.text == "-")
        ]
        return as_written(tokens[:8])
    return None


def _event_of(noun: Token) -> str | None:
    """ "the deaths of 2,200 Pakistanis" -> "killed", "the deportation of" -> "deported"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of":
        return None
    event = prep.head  # "the repatriation process of 1.7 million": the process's compound
    compounds = [c for c in event.children if c.dep_ == "compound" and lemma_of(c) in _EVENT_NOUNS]
    return _EVENT_NOUNS.get(lemma_of(event)) or (
        _EVENT_NOUNS[lemma_of(compounds[0])] if compounds else None
    )


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
