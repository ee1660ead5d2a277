"""Speaker phrases: how far the words for a speaker run, and who stands behind them.

A :class:`Cue` names each coordinated speaker of a cue by its head word and extent
("officials and state media"; "producers Craig Zadan and Neil Meron"), with the source behind a
document ("a statement from Waitrose", "a report by PICSS"), the person named beside a title
("said Troy police Lt. Gerry Scherlinck") or a description ("the head of Qeshm's free-trade
zone, Ali Rezapour"), and the short tail that still describes the speaker ("a spokesman for the
ministry", "Juror No. 8").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from triangulate.extract._speaker_words import (
    COMPANY_NOUNS,
    PERSON_NOUNS,
    POLL_NOUNS,
    PUBLISHED_NOUNS,
    REPORTING_VERBS,
    SOURCE_NOUNS,
    can_speak,
    entity_of,
    name_after_title,
)
from triangulate.normalise.names import TITLE_WORDS, word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "MAX_DESCRIPTION_TOKENS",
    "Cue",
    "aged",
    "in_document",
    "is_person",
    "make_cue",
    "object_of",
    "owned_elsewhere",
    "phrase_of",
    "source_behind",
]

# Tokens a speaker's description may run to: "a spokesman for the ministry".
MAX_DESCRIPTION_TOKENS = 9
# Prepositions whose phrase still describes the speaker: "a woman in Qeshm", "a spokesman for
# the ministry", "a woman outside the bank"; not "on Monday" or "after the attack".
_SPEAKER_PREPS = word_set("for of at from in outside near inside")
# Dependents that open a clause of their own inside a noun phrase: not part of the description.
_CLAUSE_PARTS = frozenset({"relcl", "acl", "appos", "punct", "advcl"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A speaker phrase in a sentence, the cue that makes it one, and what it covers.

    ``parts`` are (head, first token, last token + 1) of each coordinated speaker ("officials
    and state media said"); ``cover`` the token range the attribution vouches for: the
    reporting clause, not a clause joined to it ("A said X, but B said Y") nor the speaker's
    own description ("Kolokythopoulos, a pensioner who lives on 1,000 euros, said ...").
    ``direct`` when quote marks hang on the cue's verb: then any noun may speak ("a local
    barber told ...").
    """

    parts: tuple[tuple[int, int, int], ...]
    cue: str
    cover: tuple[int, int]
    direct: bool = False

    @property
    def extent(self) -> tuple[int, int]:
        """Token range from the first speaker's start to the end of the last one."""
        return self.parts[0][1], max(end for _, _, end in self.parts)


def make_cue(head: Token, cue: str, cover: tuple[int, int] | None, *, direct: bool = False) -> Cue:
    """A cue for ``head`` and the speakers coordinated with it ("officials and state media").

    ``cover`` None: the cue vouches only for the speaker's own words (an introduction).
    """
    behind = source_behind(head)  # "A statement from Waitrose said": Waitrose speaks
    if behind is not None:
        head = behind
    # "producers Craig Zadan and Neil Meron said": the named people speak, both of them.
    head = _named_in_apposition(head) or head
    heads = [
        head,
        *(
            c
            for c in head.conjuncts
            if c.i > head.i and c.pos_ in {"NOUN", "PROPN"} and c.lower_ not in TITLE_WORDS
        ),
    ]
    if entity_of(head) is None:
        # "businessman and blogger Andrew Halcro said", "Filmmaker and aviator Howard Hughes":
        # the nouns describe the one person.
        named = [h if is_person(h) else _named_in_apposition(h) for h in heads[1:]]
        heads = next(([n] for n in named if n is not None), heads)
    parts = tuple(_phrase(h) for h in heads)
    if cover is None:  # the head alone: "Around 20 more people" vouches for no figure
        cover = parts[0][0], parts[0][0] + 1
    return Cue(parts, cue, cover, direct)


def is_person(token: Token) -> bool:
    """Whether ``token`` is part of a PERSON entity."""
    entity = entity_of(token)
    return entity is not None and entity.label_ == "PERSON"


def object_of(token: Token, *preps: str) -> Token | None:
    """The object of a preposition of ``token``: "according to [the UN]"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _possessor(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    return None


# Sources that are kept, not issued: "court records", "state records", "police data".
_ARCHIVE_NOUNS = word_set("record document data datum statistic figure")

# "identified as Juror No. 12", "believed to be Johnson's husband": who a description is.
_IDENTIFYING = word_set("identify name")
_SUPPOSING = word_set("believe think")


def source_behind(token: Token) -> Token | None:
    """ "a report by PICSS" and "according to a report by PICSS" credit PICSS, not the report.

    Also when the parser hangs "from X" on the verb ("follows warnings from the WHO"), an
    issuer before the noun ("a Defence Ministry statement") and an outlet after "in" ("an
    editorial in the daily Eleftheros Typos").
    """
    lemma = token.lemma_.lower()
    if lemma not in SOURCE_NOUNS or lemma in POLL_NOUNS:
        return None
    preps = ("by", "from", "of", "in") if lemma in PUBLISHED_NOUNS else ("by", "from", "of")
    found = object_of(token, *preps) or _possessor(token)
    if found is None and token.i + 1 < len(token.doc):
        after = token.doc[token.i + 1]
        if after.lower_ in {"by", "from"} and after.head.i == token.head.i:
            found = next((c for c in after.children if c.dep_ == "pobj"), None)
    if found is None:
        # "a Defence Ministry statement" is the ministry's; "court records" stay records
        # unless a named body keeps them ("UN data").
        archive = lemma in _ARCHIVE_NOUNS
        found = next(
            (
                c
                for c in token.children
                if c.dep_ == "compound"
                and (entity_of(c) is not None or (can_speak(c) and not archive))
            ),
            None,
        )
    return found


def _phrase(head: Token) -> tuple[int, int, int]:
    """The speaker's noun phrase: the head with its left modifiers and a short of/for tail."""
    # "Pakistan's Caretaker Prime Minister, Anwar ul Haq Kakar, said" and "the head of Qeshm's
    # free-trade zone, Ali Rezapour, as saying": the name speaks.
    head = _identity(head) or head
    named = name_after_title(head)
    if named is not None:  # "said Dist. Atty. Steve Cooley", the tokenizer's "Dist", "."
        return named.root.i, head.i, named.end
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    named = name_after_title(after) if after is not None and head.pos_ == "NOUN" else None
    if named is not None:  # "Vancouver Police spokesperson Const. Tim Fanning"
        return named.root.i, head.i, named.end
    described = [head, *(c for p in head.children if p.lower_ == "of" for c in p.children)]
    for child in (c for d in described for c in d.children):
        if child.dep_ == "appos" and head.ent_type_ != "PERSON":
            named = name_after_title(child)  # "according to Troy police Lt. Gerry Scherlinck"
            if named is not None:
                return named.root.i, child.i, named.end
            if child.ent_type_ == "PERSON":
                head = child
                break
    entity = entity_of(head)
    if entity is not None:
        return head.i, entity.start, _numbered(head.doc, entity.end)
    left = head.i
    for child in head.lefts:
        if child.dep_ in {"det", "amod", "compound", "nmod", "poss", "nummod"}:
            left = min(left, child.left_edge.i)
    left = _hyphenated(head.doc, left)
    right = head.i + 1
    rights = list(head.rights)
    if head.dep_ == "conj" and not rights:
        # "forensic experts and independent experts acting for the family": the parser hangs
        # what follows the last of two speakers on the first.
        rights = [c for c in head.head.rights if c.i > head.i]
    for child in rights:
        if child.dep_ == "prep" and child.lower_ in _SPEAKER_PREPS:
            end: int | None = _description_end(child)
        elif _dated_only(child):
            break  # "charges filed Friday", "a poll published Sunday": the date tells no one
        else:
            end = _restrictive_clause_end(child)
        if end is not None and end - left <= MAX_DESCRIPTION_TOKENS:
            right = end
        break
    return head.i, left, _numbered(head.doc, right)


def _identity(head: Token) -> Token | None:
    """Who a description is said to be: "the white woman, who was identified as Juror No. 12",
    "a man believed to be Johnson's husband"."""
    clauses = [c for c in head.children if c.dep_ in {"relcl", "acl"}]
    if head.dep_ in {"nsubj", "nsubjpass"}:
        clauses.append(head.head)  # the parser's "a man [believed to be X] screamed"
    for verb in clauses:
        lemma = verb.lemma_.lower()
        if lemma in _IDENTIFYING:
            found = [o for p in verb.children if p.lower_ == "as" for o in p.children]
        elif lemma in _SUPPOSING:
            found = [a for b in verb.children if b.lemma_ == "be" for a in b.children]
        else:
            continue
        identity = next((o for o in found if o.dep_ in {"pobj", "attr"}), None)
        if identity is not None and identity.pos_ in {"NOUN", "PROPN"}:
            return identity
    return None


def _dated_only(clause: Token) -> bool:
    """A participle that says no more than when: "filed Friday", "published on Sunday"."""
    return clause.dep_ == "acl" and all(
        t.i == clause.i or t.ent_type_ in {"DATE", "TIME"} or t.pos_ == "ADP"
        for t in clause.subtree
    )


def phrase_of(head: Token) -> Span:
    """The speaker phrase ``head`` heads (see :func:`make_cue`)."""
    _, start, end = _phrase(head)
    return head.doc[start:end]


def _named_in_apposition(head: Token) -> Token | None:
    """The person a description names in apposition: "producers Craig Zadan", "the head of
    Qeshm's free-trade zone, Ali Rezapour", "a spokeswoman for Oregon State Police, Lt. Gregg
    Hastings" (the parser hangs the name on the body)."""
    if is_person(head):
        return None
    described = [head, *(c for p in head.children if p.lower_ in {"of", "for"} for c in p.children)]
    return next(
        (
            c
            for d in described
            for c in d.children
            if c.dep_ == "appos" and c.ent_type_ == "PERSON" and name_after_title(c) is None
        ),
        None,
    )


def _hyphenated(doc: Doc, left: int) -> int:
    """Where a word the tokenizer split at hyphens starts, with its article: "a co-worker"."""
    start = left
    while (
        start > 0
        and not doc[start - 1].whitespace_
        and "-" in (doc[start - 1].text, doc[start].text)
    ):
        start -= 1
    if start < left and start > 0 and doc[start - 1].dep_ == "det":
        start -= 1
    return start


def _numbered(doc: Doc, right: int) -> int:
    """Past the number of "Juror No. 8", which the tokenizer splits as "No", ".", "8"."""
    word = doc[right - 1].lower_
    if word == "no" and doc[right : right + 1].text == "." and doc[right + 1 : right + 2].text:
        return right + 2 if doc[right + 1].like_num else right
    if word == "no." and doc[right : right + 1].text and doc[right].like_num:
        return right + 1
    return right


def _description_end(token: Token) -> int:
    """One past the last token of ``token``'s phrase, leaving out clauses hung on it."""
    ends = [_description_end(c) for c in token.children if c.dep_ not in _CLAUSE_PARTS]
    return max([token.i + 1, *ends])


def _restrictive_clause_end(clause: Token) -> int | None:
    """Where a clause that tells which speaker is meant ends: "an employee who had followed
    her in", "one leaflet distributed in the square", "experts acting for the family".

    Not an aside set off by a comma ("a woman, who wept"), a clause joined to it ("... and had
    yelled"), an infinitive ("the decision to leave"), nor a clause that reports or quotes
    itself ("signs that read ...", "banners reading ...").
    """
    doc = clause.doc
    first = clause.left_edge.i
    if clause.dep_ not in {"relcl", "acl"} or doc[first - 1].is_punct:
        return None
    if clause.dep_ == "acl" and clause.tag_ not in {"VBN", "VBG"}:
        return None
    if clause.lemma_.lower() in REPORTING_VERBS:
        return None
    kept = [c for c in clause.children if c.dep_ not in _CLAUSE_PARTS | {"conj", "cc"}]
    end = max([clause.i + 1, *(_description_end(c) for c in kept)])
    return None if any(t.is_quote for t in doc[first:end]) else end


def aged(head: Token) -> bool:
    """ "25-year-old Guzel", "Maral, 45,": an age makes a name a person's, as does a person
    noun set beside it ("Darcy Davies, a student at the university")."""
    for child in head.children:
        if child.dep_ == "appos" and child.lemma_.lower() in PERSON_NOUNS | TITLE_WORDS:
            return True
        if child.dep_ in {"amod", "compound", "nmod"} and any(
            t.lower_ == "year" for t in child.subtree
        ):
            return True
        if child.dep_ in {"appos", "npadvmod", "amod"} and child.like_num:
            return True
    return False


def owned_elsewhere(phrase: Span) -> bool:
    """Whether a possessor ties the description to a body of its own ("the beer distributor's
    president"), not to the story's ("its president", "the company's president")."""
    return any(
        t.dep_ == "poss" and t.pos_ in {"NOUN", "PROPN"} and t.lemma_.lower() not in COMPANY_NOUNS
        for t in phrase
    )


def in_document(token: Token) -> bool:
    """ "a statement from Waitrose", "the ministry's report": the speaker issued a document."""
    return any(
        a.pos_ == "NOUN" and a.lemma_.lower() in SOURCE_NOUNS for a in (token.head, token.head.head)
    )
