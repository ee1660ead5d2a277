"""The speaker of a verb: its subject, or the subject of the clause the parser hung it on.

"Kakar said" -> Kakar; "Papoulias condemned the violence, saying ..." -> Papoulias; "IRNA
quoted the governor as saying" -> the governor; "a woman, who wept and cried" -> the woman;
"..., reported The Express Tribune" -> the newspaper. Shared by the cue finder
(:mod:`triangulate.extract._speaker_cues`), the introductions and the quote extractor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triangulate.extract._speaker_words import (
    RELATIVE_PRONOUNS,
    SOURCE_NOUNS,
    can_speak,
    entity_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["subject_of"]

# Relations along which a verb without a subject borrows its head's ("X condemned ..., saying";
# "dep": the parser's guess, as in "Rahall II (D-W. Va.), who ..., called the announcement").
_CLIMB = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "dep"})


def subject_of(verb: Token) -> Token | None:
    """The speaker of a reporting verb: its subject, or the subject of the clause it hangs on.

    "Kakar said" -> Kakar; "Papoulias condemned the violence, saying ..." and "the official
    downplayed the unrest saying ..." -> the subject of "condemned" / "downplayed"; "he was
    quoted as saying" -> he; "IRNA quoted the governor as saying" -> the governor; "a woman,
    who wept and cried" -> the woman; "..., reported The Express Tribune" -> the newspaper.
    """
    reporting = verb
    for _ in range(4):
        if verb.lemma_ == "quote":
            quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if quoted is not None:
                return quoted
        subjects = [
            c
            for c in verb.children
            if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and verb.lemma_ == "quote")
        ]
        if subjects:
            child = max(subjects, key=_subject_rank)
            if child.lower_ in RELATIVE_PRONOUNS:
                return _relative_antecedent(child)
            # "officials tried to calm fears that the crisis was spreading, insisting ...": a
            # clause the parser hung the participle on may have a subject that cannot speak.
            if verb.i == reporting.i or child.pos_ in {"PRON", "PROPN"}:
                return child
            if any(_speaks(c) for c in (child, *child.conjuncts)):
                return child
        if verb.dep_ == "acl" and verb.head.dep_ == "dobj":
            verb = verb.head.head  # "downplayed [the unrest] saying": skip the object
        elif verb.dep_ == "acl" and _may_describe(verb.head):
            return verb.head  # "with a spokesman stating:", "an inside source calling it"
        elif verb.dep_ in _CLIMB and verb.head.i != verb.i:
            verb = _subjected_conjunct(verb) or verb.head
        else:
            break
    return _inverted_subject(reporting)


def _subjected_conjunct(verb: Token) -> Token | None:
    """ "The man driving stopped, and a man believed to be her husband screamed": the parser
    hangs both later verbs on the first; the nearest one before with a subject of its own
    shares it."""
    if verb.dep_ != "conj":
        return None
    before = [c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i]
    return next((c for c in reversed(before) if any(d.dep_ == "nsubj" for d in c.children)), None)


def _speaks(noun: Token) -> bool:
    """ "officials", "the UN", "the statement" may say something; "the crisis" may not."""
    return can_speak(noun) or entity_of(noun) is not None or noun.lemma_.lower() in SOURCE_NOUNS


def _may_describe(noun: Token) -> bool:
    """Whether a participle hung on ``noun`` tells what it says: "an inside source calling it",
    "with a spokesman stating", not "petitions to officials urging them" (the parser's guess).
    """
    if noun.dep_ in {"dobj", "dative"} or (noun.dep_ == "pobj" and noun.head.lower_ != "with"):
        return False
    return _speaks(noun)


def _subject_rank(token: Token) -> tuple[int, int]:
    """Which of several subjects speaks: a name, else a pronoun, else the one nearest the verb.

    "In an e-mail to media members, Henry said"; "trade magazine The Hollywood Reporter wrote".
    """
    kind = 3 if entity_of(token) is not None else {"PROPN": 2, "PRON": 1}.get(token.pos_, 0)
    if not any(ch.isalpha() for ch in token.text):
        kind = -1  # the parser's "." in "Juror No. 12 said"
    return kind, -abs(token.head.i - token.i)


def _relative_antecedent(pronoun: Token) -> Token | None:
    """ "a woman outside the bank, who cried": the speaking noun the relative clause is about."""
    clause = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), None)
    if clause is None:
        return None
    noun = clause.head
    # The parser often hangs the clause on the nearest noun ("the bank"), not the speaker.
    while not (can_speak(noun) or entity_of(noun)) and noun.dep_ == "pobj":
        noun = noun.head.head
    return noun if can_speak(noun) or entity_of(noun) else None


def _inverted_subject(verb: Token) -> Token | None:
    """ "..., reported The Express Tribune": the parser reads the name after the verb as object."""
    if verb.lemma_ in {"tell", "quote"}:
        return None
    for child in verb.rights:
        if child.dep_ == "dobj" and entity_of(child) is not None:
            return child
    return None
