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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from triangulate.types import Amount

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Counted", "read_counted"]

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
_DEATH_NOUNS = {"death", "life", "fatality", "casualty"}
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
# Verbs whose bare object or subject is people: "killing 10", "injuring dozens".
_PEOPLE_VERBS = {
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
}
_MODIFIERS = {"amod", "compound", "nmod", "poss"}
# States a count of people is left in: "three dead", "left thousands homeless".
_STATES = {
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
_MAGNITUDE_WORDS = {"magnitude", "strength", "degree", "richter", "scale", "point"}
# Verbs that carry no meaning of their own for a count ("there were 10", "he said 10").
_EMPTY_VERBS = {
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
_QUAKE = {"quake", "earthquake", "tremor", "temblor", "aftershock", "shock", "jolt"}
_DISTANCE_UNITS = {"km", "mi", "m", "ft"}
_BEARING = re.compile(
    r"^(?:north|south|east|west|away|off|from|inland|offshore|outside|"
    r"northeast|northwest|southeast|southwest)",
    re.IGNORECASE,
)
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
_RATE_ADVERBS = {
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
    change = _direction(span, amount)
    noun, anchor = _counted_noun(span)
    if amount.unit == "magnitude":
        return Counted(_magnitude(span, noun), change, None)
    if noun is not None and (noun_change := _change_of(noun)) is not None:
        target = _prep_object(noun, {"in", "of"})  # "a 60% increase in militant attacks"
        thing = _noun_phrase(target, span) if target is not None else None
        return Counted(_join(thing, f"({noun_change})", _period(noun, span)), noun_change, thing)
    if noun is None and amount.unit in _DISTANCE_UNITS and (bearing := _bearing(span)):
        return Counted(f"distance {bearing}", change, None)
    if noun is not None:
        phrase = _noun_phrase(noun, span)
        if (event := _event_of(noun)) is not None:
            return Counted(_join(phrase, event, _period(noun.head.head, span)), change, phrase)
        predicate, verb = _predicate(noun, span)
        if predicate is None and anchor.i != noun.i:
            predicate, verb = _predicate(anchor, span)
        return Counted(_join(phrase, predicate, _period(verb or anchor, span)), change, phrase)
    return _elided(span, anchor, change, antecedent)


def _elided(span: Span, anchor: Token, change: str | None, antecedent: str | None) -> Counted:
    """A number standing for its noun: "killing at least 10", "1.4 million registered",
    "attacks increased by 79%", "the death toll rose to 10"."""
    predicate, verb = _predicate(anchor, span)
    if verb is not None:
        noun = antecedent or _implied_people(anchor, verb)
        return Counted(_join(noun, predicate, _period(verb, span)), change, noun)
    owner = _owner(anchor)
    if owner is not None:  # "a population of 120,000", "the toll of 10"
        phrase = _noun_phrase(owner, span)
        return Counted(_join(phrase, _period(owner, span)), change, phrase)
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
    copula = anchor.dep_ == "attr" and _lemma(verb) == "be"  # "the population is 120,000"
    if thing is None or thing.pos_ != "NOUN" or not (change or level or copula):
        return Counted(None, change, None)
    phrase = _noun_phrase(thing, span)
    how = f"({change})" if change else None
    if level and not change and _change_of(verb) is None and _lemma(verb) not in _EMPTY_VERBS:
        how = verb.lower_  # "the building was valued at $380,600"
    return Counted(_join(phrase, how, _period(verb, span)), change, phrase)


def _owner(anchor: Token) -> Token | None:
    """The noun a number measures after "of" or "worth": "a population of 120,000"."""
    head = anchor.head
    if head.lower_ == "worth" or (anchor.dep_ == "pobj" and head.lower_ == "of"):
        owner = head.head  # "a deal worth $184 million", "a population of 120,000"
    else:
        return None
    if head.lower_ == "worth" and _lemma(owner) == "be":
        owner = _subject(owner) or owner  # "the deal is worth at least $160 million"
    return owner if owner.pos_ == "NOUN" and _lemma(owner) not in _CONTAINERS else None


def _implied_people(anchor: Token, verb: Token) -> str | None:
    """ "killing at least 10", "hundreds blocked a road": people, though unnamed."""
    if _lemma(verb) in _PEOPLE_VERBS or verb.lower_ in _STATES:
        return "people"
    vague = anchor.lower_ in {"hundreds", "thousands", "dozens", "millions", "scores"}
    return "people" if vague and anchor.dep_ == "nsubj" else None


def _counted_noun(span: Span) -> tuple[Token | None, Token]:
    """The noun the number counts, and the token that stands for the count in the parse
    (the noun, a container such as "an average of", or the number itself)."""
    doc = span.doc
    last = span[-1]
    if last.i + 2 < len(doc) and doc[last.i + 1].lower_ == "of":
        obj = _prep_object_token(doc[last.i + 1])
        if (
            obj is not None
            and obj.pos_ in {"NOUN", "PROPN"}
            and _is_word(obj)
            and (doc[last.i + 2].pos_ != "DET" or obj.tag_ in {"NNS", "NNPS"})
        ):
            return obj, _container(span.root)  # "tens of thousands of Afghans left"
    heads = [
        t.head
        for t in span
        if t.head.i >= span.end
        and t.head.pos_ in {"NOUN", "PROPN"}
        and t.dep_ in {"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"}
        and _is_word(t.head)
    ]
    if heads:
        head = min(heads, key=lambda t: t.i)
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head  # "three bank workers": the workers, not the bank
        if _lemma(head) in _CONTAINERS and (obj := _prep_object(head, {"of"})) is not None:
            return obj, _container(head)
        return head, _container(head)
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and _lemma(root.head.head) in _CONTAINERS:
        return None, root.head.head  # "an average of over 17,000 crossing the border"
    return None, root


def _container(token: Token) -> Token:
    """Climb from a count to the container that holds it in the clause: "a group of about
    200 communists stormed" -> "group", whose verb is the communists' verb."""
    while (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and _lemma(token.head.head) in _CONTAINERS
    ):
        token = token.head.head
    return token


def _is_word(token: Token) -> bool:
    """A word, not a second number or a garbled symbol ("Dh4,275", "?")."""
    return token.is_alpha or (
        any(c.isalpha() for c in token.text) and not any(c.isdigit() for c in token.text)
    )


def _predicate(noun: Token, figure: Span) -> tuple[str | None, Token | None]:
    """The verb phrase that says what happened to the counted noun, and its verb."""
    for child in noun.children:
        if child.dep_ in {"acl", "relcl"} and child.pos_ in {"VERB", "AUX"}:
            if _lemma(child) in _EMPTY_VERBS and child.pos_ == "AUX":
                continue
            return _verb_phrase(child, noun, figure, passive=False), child
    state = next((c for c in noun.rights if c.lower_ in _STATES and c.pos_ == "ADJ"), None)
    if (
        state is None
        and noun.head.lower_ in _STATES
        and noun.head.pos_ == "ADJ"
        and (noun.head.i > noun.i)
    ):
        state = noun.head  # headline "Three dead after fire-bomb hits bank"
    if state is not None:
        return state.lower_, state
    head = noun.head
    if noun.dep_ in {"conj", "appos"} and head.pos_ in {"NOUN", "PROPN", "NUM"}:
        return _predicate(head, figure)  # "three workers - two women and a man - were killed"
    if noun.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        if _lemma(head) in _EMPTY_VERBS:
            xcomp = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if xcomp is not None:  # "had to be ushered to safety"
                return _verb_phrase(xcomp, noun, figure, passive=False), xcomp
            complement = next((c for c in head.children if c.dep_ == "acomp"), None)
            return (complement.text.lower(), head) if complement is not None else (None, None)
        return _verb_phrase(head, noun, figure, passive=False), head
    if (
        noun.dep_ in {"dobj", "nsubjpass"}
        and head.pos_ == "VERB"
        and (_lemma(head) not in _EMPTY_VERBS)
    ):
        return _verb_phrase(head, noun, figure, passive=True), head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        verb = head.head
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > noun.i), None)
        if xcomp is not None:  # "called for 2 million refugees to leave Pakistan"
            return _verb_phrase(xcomp, noun, figure, passive=False), verb
    return None, None


def _verb_phrase(verb: Token, noun: Token, figure: Span, *, passive: bool) -> str:
    """The verb with its particle, infinitive chain and one short complement:
    "expected to return to Afghanistan", "left Pakistan", "registered as refugees"."""
    if passive:  # the count is the verb's object: "killing 10 people" -> "people killed"
        words = [_participle(verb)]
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
            and c.lower_ in _STATES
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
        if child.i < verb.i or noun in child.subtree or _has_number(child, figure):
            continue
        if child.dep_ in {"dobj", "attr", "acomp"} and child.pos_ in {"NOUN", "PROPN", "ADJ"}:
            return _short(child)
        if (
            child.dep_ == "advmod"
            and child.pos_ == "ADV"
            and (child.lower_ not in _IDLE_ADVERBS and child.lower_ not in _RATE_ADVERBS)
        ):
            return child.lower_  # "returned home", "fled abroad"
        if child.dep_ == "prep" and child.lower_ in _COMPLEMENT_PREPS and not _is_time(child):
            obj = _prep_object_token(child)
            if obj is not None and obj.pos_ in {"NOUN", "PROPN"}:
                phrase = _short(obj)
                return f"{child.lower_} {phrase}" if phrase else None
    return None


def _short(token: Token) -> str | None:
    """An object as a short noun phrase: the whole of it up to four words ("the streets of
    Athens"), else its head with modifiers ("a key road leading to ..." -> "key road")."""
    tokens = [t for t in token.subtree if t.pos_ != "PUNCT" and t.dep_ != "det"]
    if 0 < len(tokens) <= 4 and not any(t.like_num for t in tokens):
        return _text(tokens)
    words = [t for t in token.lefts if t.dep_ in {"amod", "compound"}]
    start = min((w.left_edge.i for w in words), default=token.i)
    head = [t for t in token.doc[start : token.i + 1] if t.pos_ not in {"DET", "PUNCT", "NUM"}]
    return _text(head) if len(head) <= 4 else None


def _period(node: Token, figure: Span) -> str | None:
    """The period the count covers, read from the clause around ``node``: "since 2021",
    "in the first half of 2023", "per day"."""
    path = [node]
    while path[-1].dep_ not in _CLAUSE_DEPS and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    for token in [figure.root, *path]:  # "earns 900 euros a month": the rate is the figure's
        for child in token.children:
            if _has_number(child, figure) and not _is_time(child):
                continue
            if (period := _period_of(child)) is not None:
                return period
    return None


def _period_of(child: Token) -> str | None:
    lower = child.lower_
    if child.dep_ == "advmod" and lower in _RATE_ADVERBS:
        return _RATE_ADVERBS[lower]
    if child.dep_ == "npadvmod" and (rate := _rate(child)):
        return rate
    if child.dep_ == "prep" and lower == "per":
        obj = _prep_object_token(child)
        return _RATE_NOUNS.get(_lemma(obj)) if obj is not None else None
    if child.dep_ == "prep" and lower == "since" and any(c.lower_ == "then" for c in child.rights):
        return _since_then(child)
    if child.dep_ == "prep" and lower in _PERIOD_PREPS:
        obj = _prep_object_token(child)
        if obj is None or not any(t.ent_type_ == "DATE" for t in obj.subtree):
            return None
        tokens = list(obj.subtree)
        if len(tokens) > 7:
            tokens = [t for t in tokens if t.ent_type_ == "DATE"][:7]
        return f"{lower} {_text(tokens)}"
    if child.dep_ == "advcl" and (mark := _mark(child, "since")) is not None:
        dates = [t for t in child.subtree if t.ent_type_ == "DATE" and t.i > mark.i]
        return f"since {_text(dates)}" if dates else None
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
    if _lemma(token) not in _RATE_NOUNS:
        return None
    dets = {c.lower_ for c in token.children if c.dep_ == "det"}
    return _RATE_NOUNS[_lemma(token)] if dets & {"each", "a", "an", "every", "per"} else None


def _mark(clause: Token, word: str) -> Token | None:
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == word), None)


def _is_time(prep: Token) -> bool:
    obj = _prep_object_token(prep)
    return obj is not None and (obj.ent_type_ in {"DATE", "TIME"} or _lemma(obj) in _RATE_NOUNS)


def _has_number(token: Token, figure: Span) -> bool:
    return any(figure.start <= t.i < figure.end for t in token.subtree)


def _magnitude(span: Span, noun: Token | None) -> str | None:
    """ "quake magnitude (hit town of Zarand)": the tremor the magnitude measures, and what
    tells it from other tremors of the story (where it struck, when)."""
    if noun is None or _lemma(noun) not in _QUAKE:
        quakes = [t for t in span.sent if _lemma(t) in _QUAKE and t.pos_ == "NOUN"]
        if not quakes:
            return None
        noun = min(quakes, key=lambda t: abs(t.i - span.start))
    phrase = f"{_noun_phrase(noun, span, _MAGNITUDE_WORDS)} magnitude"
    place = next(
        (
            f"{c.lower_} {_short(o)}"
            for c in noun.children
            if c.dep_ == "prep"
            and c.lower_ in {"in", "near", "off", "on", "at"}
            and (o := _prep_object_token(c)) is not None
            and o.pos_ == "PROPN"
        ),
        None,
    )
    predicate, verb = _predicate(noun, span)
    if predicate is not None and predicate.islower():
        predicate = None  # "measuring", "killed people": no place that tells quakes apart
    where, period = place or predicate, _period(verb or noun, span)
    if where is None and period is None:
        return None  # "quake magnitude" alone would tie every tremor of the story together
    return _join(phrase, f"({where})" if where else None, period)


def _bearing(span: Span) -> str | None:
    """ "58km south-west of Bandar Abbas" -> "south-west of Bandar Abbas"; "300 kilometers
    to the north" -> "to north"."""
    root = span.root
    for token in [*root.children, root.head, *root.head.children]:
        if token.i < span.end:
            continue
        obj = _prep_object_token(token) if token.dep_ == "prep" else None
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
        return _text(tokens[:8])
    return None


def _direction(span: Span, amount: Amount) -> str | None:
    """ "increased by 79%", "rose 20%", "doubled": the change a figure states."""
    anchor = span.root
    if amount.multiplier:
        shrinks = _lemma(anchor) == "halve" or (amount.value is not None and amount.value < 1)
        return "decrease" if shrinks else "increase"
    head = anchor.head
    if head.lower_ == "by" and head.head.i != head.i:
        return _change_of(head.head)
    if anchor.dep_ in {"npadvmod", "dobj", "attr"}:
        return _change_of(head)
    return None


def _change_of(token: Token) -> str | None:
    lemma = _lemma(token)
    if lemma in _INCREASE:
        return "increase"
    if lemma in _DECREASE:
        return "decrease"
    return None


def _event_of(noun: Token) -> str | None:
    """ "the deaths of 2,200 Pakistanis" -> "killed", "the deportation of" -> "deported"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of":
        return None
    event = prep.head  # "the repatriation process of 1.7 million": the process's compound
    compounds = [c for c in event.children if c.dep_ == "compound" and _lemma(c) in _EVENT_NOUNS]
    return _EVENT_NOUNS.get(_lemma(event)) or (
        _EVENT_NOUNS[_lemma(compounds[0])] if compounds else None
    )


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _noun_phrase(noun: Token, figure: Span, skip: frozenset[str] | set[str] = frozenset()) -> str:
    """The noun with its adjective and compound modifiers ("Afghan refugees"), never the
    figure's own words."""
    if _lemma(noun) == "toll" and any(_lemma(c) in _DEATH_NOUNS for c in noun.children):
        return "people killed"
    words = [t for t in noun.lefts if t.dep_ in _MODIFIERS]
    start = min((w.left_edge.i for w in words), default=noun.i)
    tokens = [
        t
        for t in noun.doc[start : noun.i + 1]
        if not (figure.start <= t.i < figure.end)
        and (_is_word(t) or t.text == "-")
        and (not t.like_num or _hyphenated(t))
        and t.tag_ != "POS"
        and t.pos_ not in {"DET", "PRON"}
        and t.lower_ not in skip
    ]
    while tokens and tokens[0].text == "-":
        tokens.pop(0)
    return _text(tokens) or _cased(noun)


def _hyphenated(token: Token) -> bool:
    """ "eight-year deal": a number word glued to the noun's modifier is part of it."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and not token.whitespace_ and nxt.text == "-" and token.is_alpha


def _text(tokens: Iterable[Token]) -> str:
    """Tokens as written, hyphens kept tight ("worst-hit villages"), headline capitals and a
    sentence's first capital dropped from common words (they are no names)."""
    out = ""
    previous: Token | None = None
    tokens = list(tokens)
    headline = bool(tokens) and _is_headline(tokens[0].sent)
    for token in tokens:
        glue = previous is not None and (previous.i + 1 == token.i and not previous.whitespace_)
        word = token.lower_ if headline and not token.ent_type_ else _cased(token)
        out += ("" if glue or not out else " ") + word
        previous = token
    return out


def _is_headline(sent: Span) -> bool:
    """Most words capitalised: a headline, whose capitals mark no names."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


def _cased(token: Token) -> str:
    if token.pos_ == "PROPN" or token.ent_type_ in {"NORP", "GPE", "ORG", "PERSON", "LOC"}:
        shouted = token.text.isupper() and len(token.text) > 4  # "IRAN" stays, "TEHRAN" not
        return token.text.title() if shouted else token.text
    return token.text.lower() if token.text[:1].isupper() else token.text


def _participle(verb: Token) -> str:
    """The past participle, for a count that is the verb's object: "killing 10" -> "killed"."""
    if verb.tag_ in {"VBN", "VBD"} and _lemma(verb) not in _IRREGULAR:
        return verb.text.lower()
    lemma = _lemma(verb)
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if _DOUBLED.search(lemma) and not lemma.endswith(("w", "x", "y")):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _join(*parts: str | None) -> str | None:
    words = " ".join(p for p in parts if p).split()
    return " ".join(words[:_MAX_WORDS]) or None


def _prep_object(token: Token, preps: set[str]) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            return _prep_object_token(child)
    return None


def _prep_object_token(prep: Token) -> Token | None:
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None and prep.i + 1 < len(prep.doc):
        after = prep.doc[prep.i + 1]  # "registered as refugees being exempt": a mis-parse
        if after.pos_ in {"NOUN", "PROPN"} and after in prep.subtree:
            return after
    return obj


def _lemma(token: Token) -> str:
    return token.lemma_.lower()
