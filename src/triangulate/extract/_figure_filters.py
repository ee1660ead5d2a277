"""The not-a-figure rules: numbers in an article that count nothing a ledger wants.

:func:`is_figure` drops years, dates, times, durations, ages ("She was 85."), ordinals, phone
numbers, names with digits ("Covid-19", "Boeing 737"), section and street numbers, list
numbering, scores, "one" as a pronoun, "100 percent" as emphasis, a pair named before ("the
two countries") and the words of a web address; it keeps a number glued to the noun its whole
is counted in ("the four-book series") and seasons played or coached ("19 seasons").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from triangulate.extract._counted_predicates import PEOPLE_VERBS
from triangulate.extract._figure_codes import (
    duration_counts,
    glued_plural,
    glued_size,
    is_time_or_code,
)
from triangulate.extract._speaker_words import SPEECH_VERBS
from triangulate.normalise.dates import MONTH_WORDS
from triangulate.normalise.intervals import kind
from triangulate.types import Amount

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

__all__ = ["is_figure"]

# Entities whose digits are part of a name or a date, never a count.
_NAME_LABELS = {
    "DATE",
    "TIME",
    "ORDINAL",
    "PERSON",
    "ORG",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
    "EVENT",
    "FAC",
    "GPE",
    "NORP",
    "LOC",
}
# What makes a word a web address: "http://dlisted.com/2013/05/02/...-two-minutes-later/".
_ADDRESS = re.compile(r"://|\bwww\.|\.(?:com|org|net|html?|php|aspx?)\b/?")
# A count or a range of counts that spaCy may label DATE: "injuring 80.", "Between 10 and 20".
_LONE_COUNT = re.compile(r"(?:[Bb]etween )?\d{1,3}(?: (?:and|to|or) \d{1,3})?")
# Words a number follows to name a place in a sequence, unless a noun follows ("the day six
# people died").
_SEQUENCE_WORDS = frozenset({"day", "week", "round", "game", "stage", "phase", "part", "leg"})
_LABEL_WORDS = {
    "section",
    "article",
    "paragraph",
    "chapter",
    "clause",
    "rule",
    "resolution",
    "no",
    "no.",
    "number",
    "page",
    "line",
    "item",
    "room",
    "route",
    "highway",
    "gate",
    "platform",
    "flight",
    "bus",
    "channel",
    "episode",
    "season",
    "stage",
    "phase",
    "level",
    "category",
    "grade",
    "class",
    "version",
    "model",
    "squad",
    "#",
    "act",
    "bill",
    "order",
    "ward",
    "sector",
    "block",
    "unit",
    "apartment",
    "suite",
    "floor",
    "lane",
    "street",
    "road",
    "division",
    "district",
    "zone",
    "precinct",
    "file",
    "case",
    "code",
    "verse",
    "psalm",
    "vol",
    "vol.",
    "volume",
    "track",
    "term",
    "batch",
    "lot",
    "tier",
    "size",
    "aged",
    "age",
    "ages",
    "born",
    "year",
    "circa",
    "c.",
    "ca.",
    "turn",
    "turns",
    "turned",
    "turning",
    "am",
    "fm",
    "ext",
    "round",
    "juror",
    "jersey",
    "shirt",
    "seed",
    "ranked",
    "rank",
    "pick",
}
_SMALL_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both"}
# Nouns a text names a pair or group of before calling them "the two ...".
_RELATIONAL = {
    "country",
    "side",
    "nation",
    "neighbour",
    "neighbor",
    "entity",
    "party",
    "government",
    "leader",
    "state",
    "power",
    "ally",
    "rival",
    "camp",
    "capital",
    "sister",
    "brother",
    "company",
    "administration",
    "army",
    "team",
    "organisation",
    "organization",
    "body",
    "institution",
    "city",
    "neighbourhood",
}
_DEFINITE = {"its", "their", "his", "her", "our", "my", "your", "whose"}
_SCORE_WORDS = {
    "win",
    "victory",
    "defeat",
    "lead",
    "loss",
    "draw",
    "record",
    "score",
    "scoreline",
    "vote",
    "margin",
    "beat",
    "won",
    "lost",
    "led",
    "scored",
    "trail",
    "trailed",
}
# "one" is a count only of people ("one person was killed") and of charges ("one count of
# murder"); elsewhere mostly a determiner.
_PEOPLE = {
    "person",
    "people",
    "man",
    "woman",
    "child",
    "boy",
    "girl",
    "soldier",
    "officer",
    "civilian",
    "policeman",
    "student",
    "worker",
    "victim",
    "passenger",
    "patient",
    "resident",
    "migrant",
    "refugee",
    "militant",
    "member",
    "journalist",
    "suspect",
    "employee",
    "coworker",
    "colleague",
    "guard",
    "deputy",
    "firefighter",
    "protester",
    "demonstrator",
    "pirate",
    "prisoner",
    "inmate",
    "hostage",
    "juror",
    "customer",
    "tourist",
    "count",  # "charged with one count of first-degree murder"
}


def is_figure(
    span: Span, text: str, start: int, end: int, amount: Amount, entities: Sequence[Span]
) -> bool:
    """False for the numbers that count nothing a ledger wants (see module docstring);
    ``entities`` are the document's (``doc.ents``, read once by the caller)."""
    surface = text[start:end]
    bare = amount.unit is None and amount.qualifier is None and not amount.multiplier
    if _in_address(text, start, end):
        return False  # ".../checks-out-two-minutes-later/": a web address's words
    if kind(amount) == "duration":
        return duration_counts(text, start, end, amount.unit)
    if text[end : end + 1] == "-" and _glued_count(span, amount):
        return True  # "the four-book series", "a three-judge panel"
    if is_time_or_code(text, start, end) or _is_year_range(amount):
        return False
    if glued_size(text, end):
        return True  # "an 11-game winning streak": a count of games, whatever NER calls it
    if re.search(r"\d\s?-\s?\d", surface) and _is_score(span):
        return False
    if re.fullmatch(r"[Oo]ne|[Aa]n?", surface) and not _one_counts(span[0]):
        return False
    if amount.unit == "%" and _is_intensifier(span, amount):
        return False
    return not bare or (
        _bare_number_counts(span, surface, entities)
        and not _is_reference(span)
        and not _is_age(span)
    )


def _glued_count(span: Span, amount: Amount) -> bool:
    """A number of two or more glued to the noun the next noun is counted in (the caller has
    seen the hyphen right after the number: "11th-round" is an ordinal's)."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "-" or doc[span.end].whitespace_:
        return False
    noun, whole = doc[span.end + 1], doc[span.end + 2]
    return (
        (amount.value or 0) >= 2
        and amount.unit is None
        and noun.pos_ == "NOUN"
        and bool(noun.whitespace_)
        and whole.pos_ in {"NOUN", "PROPN"}
        and glued_plural(noun.lemma_) is not None
    )


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether the span lies inside a web address (the source line of a saved page)."""
    word_start = max(text.rfind(c, 0, start) for c in " \n\t") + 1
    word_end = min((i for i in (text.find(c, end) for c in " \n\t") if i >= 0), default=len(text))
    return _ADDRESS.search(text, word_start, word_end) is not None


def _is_year_range(amount: Amount) -> bool:
    """ "from 1996 to 2000": a span of years, not an amount."""
    ends = (amount.low, amount.high)
    return amount.unit is None and all(
        x is not None and x.is_integer() and 1500 <= x <= 2100 for x in ends
    )


def _is_reference(span: Span) -> bool:
    """ "the two countries", "both sides", "the two": a pair named before, not a count.
    A spelled-out small number after "the" heading a relational noun, or standing alone."""
    first = span[0]
    if first.lower_ not in _SMALL_WORDS or first.i == 0:
        return False
    if span.doc[first.i - 1].lower_ not in {"the", "these", "those"}:
        return False
    head = span.root.head
    if head.i > span.root.i and head.pos_ == "NOUN":
        return head.lemma_.lower() in _RELATIONAL
    return span.root.dep_ in {"nsubj", "dobj", "pobj"}  # "the two directed American Pie"


def _is_age(span: Span) -> bool:
    """ "She was 85.", "dies at 91", "Julien Jarmoune, 34.": a person's age."""
    doc, root = span.doc, span.root
    after = doc[span.end] if span.end < len(doc) else None
    ends = after is None or after.is_punct or after.is_space
    if not ends:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "at" and before.head.lemma_.lower() == "die":
        return True
    head = root.head
    if root.dep_ in {"attr", "acomp"} and head.lemma_.lower() == "be":
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return subject is not None and (
            subject.lower_ in {"he", "she"} or subject.ent_type_ == "PERSON"
        )
    return (
        before is not None
        and before.text == ","
        and span.start > 1
        and doc[span.start - 2].ent_type_ == "PERSON"
        and (after is None or after.text != "%")
    )


def _is_intensifier(span: Span, amount: Amount) -> bool:
    """ "was 100 percent professional", "not 100 percent on the coach": emphasis, no share."""
    if amount.value is None or amount.value < 100:
        return False
    root = span.root
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return root.head.pos_ in {"ADJ", "ADV"} or (
        following is not None and following.lower_ in {"on", "sure", "certain", "behind"}
    )


def _bare_number_counts(span: Span, surface: str, entities: Sequence[Span]) -> bool:
    """Whether a plain number (no unit, no hedge) is a count and not a year, date or label."""
    doc = span.doc
    first, last = span[0], span[-1]
    previous = doc[first.i - 1] if first.i > 0 else None
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    # spaCy sometimes labels a lone count DATE ("injuring 80."): a name needs more than it
    inside_name = any(
        e.label_ in _NAME_LABELS
        and e.start_char <= span.start_char
        and span.end_char <= e.end_char
        and not (e.text == surface and _LONE_COUNT.fullmatch(surface))
        and not (e.label_ == "DATE" and e[-1].lower_ == "seasons")  # "played 15 seasons"
        for e in entities
    )
    if inside_name:
        return False  # inside a DATE, TIME, PRODUCT, LAW ... entity
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", surface) and not _counts_plural(following):
        return False  # a year
    if following is not None and following.lower_ in MONTH_WORDS:
        return False  # "8 November"
    if previous is None:
        return True
    if (
        previous.text == ","
        and following is not None
        and following.text in {",", ";"}
        and (first.i > 1 and doc[first.i - 2].pos_ in {"PROPN", "NOUN"})
    ):
        return False  # "The actress, 26, checked in": an age
    if previous.lower_ in MONTH_WORDS or previous.lower_ in _LABEL_WORDS:
        return False  # "November 8", "Section 144", "aged 40"
    if previous.lower_ in _SEQUENCE_WORDS and (following is None or following.pos_ != "NOUN"):
        return False  # "Day six of the revolt", "round 3": a place in a sequence
    if previous.text == "." and first.i > 1 and doc[first.i - 2].lower_ in {"no", "nos", "vol"}:
        return False  # "Juror No. 12", with the abbreviation split
    if (
        following is not None
        and following.lower_ == "block"
        and last.i + 2 < len(doc)
        and (doc[last.i + 2].lower_ == "of")
    ):
        return False  # "the 2500 block of Oregon 214": a street number
    if previous.tag_ == "NNP" and not _counts_plural(following):
        return False  # Boeing 737, Apollo 11, Windows 10
    return previous.lower_ not in _DEFINITE  # "their two children": a reference, not a count


def _counts_plural(token: object) -> bool:
    tag = getattr(token, "tag_", "")
    return tag in {"NNS", "NNPS"}


def _is_score(span: Span) -> bool:
    window = span.doc[max(0, span.start - 3) : min(len(span.doc), span.end + 3)]
    return any(t.lemma_.lower() in _SCORE_WORDS or t.lower_ in _SCORE_WORDS for t in window)


def _one_counts(token: Token) -> bool:
    """ "one person was killed", "shot three, killing one", "two counts of murder and one
    count of fleeing" count; "one of the worst", "no one", "one place" do not."""
    head = token.head
    if token.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        return _lemma(head) in PEOPLE_VERBS and not any(c.dep_ == "prep" for c in token.children)
    if token.dep_ != "nummod" or any(c.tag_ == "POS" for c in head.children):
        return False
    if (head.dep_ == "nsubj" and _lemma(head.head) in SPEECH_VERBS) or any(
        c.dep_ == "relcl" and _lemma(c) in SPEECH_VERBS for c in head.children
    ):
        return False  # "said one young man", "one man who says he called 911": a speaker
    return _lemma(head) in _PEOPLE or _counted_again(token, head)


def _counted_again(number: Token, noun: Token) -> bool:
    """Whether another number of the sentence counts the same noun: a tally, item by item."""
    return any(
        other.i != number.i and other.dep_ == "nummod" and _lemma(other.head) == _lemma(noun)
        for other in noun.sent
        if other.like_num
    )


def _lemma(token: Token) -> str:
    return token.lemma_.lower()
