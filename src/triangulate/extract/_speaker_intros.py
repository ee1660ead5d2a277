"""Sentences that introduce a quote without a reporting verb, and who they name.

A colon introduction ("Andrew Wetzler ... was blunt: ¶ “We will see them in court.”", "His
exact words: ¶ “...”"), a
sentence pointing back at the quote before ('"I heard five shots." ¶ That's how Rosa Diaz
described the night'), the person a quote paragraph follows ("T.J. Simons, 17, also heard
the blast. ¶ “At first I thought it was thunder.”"), and the clause after a quoted "!" or "?"
that the parser cut off ('"... quite another!" Papandreou thundered'). An introduction vouches
only for the quote: its cover is the speaker's head word, so no figure of the sentence is
credited to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triangulate.extract._speaker_phrases import Cue, make_cue
from triangulate.extract._speaker_subjects import subject_of
from triangulate.extract._speaker_words import OPENING_MARKS, can_speak, entity_of, is_personal
from triangulate.normalise.names import word_set

if TYPE_CHECKING:
    from collections.abc import Container

    from spacy.tokens import Span, Token

__all__ = ["introductions"]

# First words of a sentence that points back at what was just said: "That's how X put it."
_POINTING_BACK = word_set("that those this these")
_CLOSING = frozenset('"”’»')
# What a person says, named by whose it is: "His exact words:", "Her reply:".
_WORDS_NOUNS = word_set("word response reply answer message statement comment reaction verdict")


def introductions(sent: Span, quoted: Container[int], text: str) -> list[Cue]:
    """The speaker a sentence with no reporting cue introduces, if any (``text``: the doc's)."""
    return (
        _after_exclamation(sent, quoted)
        or _looking_back(sent, quoted, text)
        or _introduction(sent, quoted, text)
    )


def _looking_back(sent: Span, quoted: Container[int], text: str) -> list[Cue]:
    """A sentence that points back at the quote before it names its speaker: '"I heard five
    shots." ¶ That's how Rosa Diaz described the night.', "Those were the words of X."."""
    first = next((t for t in sent if not t.is_space), None)
    before = text[: sent.start_char].rstrip()
    if first is None or first.lower_ not in _POINTING_BACK or before[-1:] not in _CLOSING:
        return []
    if first.dep_ not in {"nsubj", "nsubjpass"}:
        return []  # not a determiner: "This past offseason, the Sixers bolstered ..."
    person = next((e for e in sent.ents if e.label_ == "PERSON" and e.start not in quoted), None)
    return [] if person is None else [make_cue(person.root, "outro", None)]


def _introduction(sent: Span, quoted: Container[int], text: str) -> list[Cue]:
    """A sentence that introduces the quote after it, without a reporting verb.

    "Andrew Wetzler, director of the NRDC's program, was blunt: ¶ “We will see them in
    court.”" (a colon), or a quote paragraph after a sentence about a person: "T.J. Simons,
    17, also heard the blast. ¶ “At first I thought it was thunder.”"
    """
    colon = next(
        (t for t in sent if t.text == ":" and t.i not in quoted and _quote_after(text, t.idx + 1)),
        None,
    )
    if colon is not None:
        verb = colon.head if colon.head.pos_ in {"VERB", "AUX"} else sent.root
    elif _quote_after(text, sent.start_char + len(sent.text.rstrip()), paragraph=True):
        verb = sent.root
    else:
        return []
    subject = subject_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None and colon is not None and verb.lemma_.lower() in _WORDS_NOUNS:
        # "His exact words:", "Henry's response:": whose words they are speaks.
        subject = next((c for c in verb.children if c.dep_ == "poss"), None)
    if subject is None or subject.i in quoted:
        return []
    if colon is None and not _introduces(subject):
        return []
    if not (is_personal(subject) or entity_of(subject) or can_speak(subject) or _owner(subject)):
        return []
    return [make_cue(subject, "colon" if colon is not None else "intro", None)]


def _after_exclamation(sent: Span, quoted: Container[int]) -> list[Cue]:
    """'"... quite another!" Prime Minister George Papandreou thundered in Parliament.'

    The parser ends a sentence at a quoted "!" or "?"; the clause after it is the speaker's
    when its verb takes no object of its own.
    """
    doc = sent.doc
    mark = sent.start - 1
    if mark < 1 or not doc[mark].is_quote or doc[mark - 1].text not in {"!", "?"}:
        return []
    if mark - 2 not in quoted or "\n" in doc[mark].whitespace_:
        return []
    verb = sent.root
    if verb.pos_ != "VERB" or any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (is_personal(subject) or entity_of(subject) is not None):
        return []
    return [make_cue(subject, verb.lemma_.lower(), None, direct=True)]


def _introduces(subject: Token) -> bool:
    """Whether a sentence's subject may be the speaker of the quote paragraph after it.

    A person, not "Police cordoned off the area.", "Around 20 people fled." nor "Still, the
    director was taking few chances." (a description met before is too loose a link).
    """
    if not is_personal(subject) or any(c.like_num for c in subject.children):
        return False
    return not (subject.pos_ == "NOUN" and any(c.lower_ == "the" for c in subject.children))


def _quote_after(text: str, at: int, *, paragraph: bool = False) -> bool:
    """Whether a quote mark opens right after ``at`` (in a new paragraph, if asked)."""
    rest = text[at : at + 40]
    gap = len(rest) - len(rest.lstrip())
    if paragraph and "\n" not in rest[:gap]:
        return False
    return rest[gap : gap + 1] in tuple(OPENING_MARKS)


def _owner(token: Token) -> bool:
    """A possessive pronoun standing for whose words follow: "His" of "His exact words:"."""
    return token.dep_ == "poss" and token.lower_ in {"his", "her"}
