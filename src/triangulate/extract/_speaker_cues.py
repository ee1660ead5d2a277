"""Finding attribution cues: which phrase of a sentence is credited, and what it vouches for.

A cue is a reporting verb with its subject ("Kakar said", "said Kakar", "X told Reuters",
"IRNA quoted X as saying", "police put the crowd at 30,000", 'called the cuts "savage"'), or a
relayed source ("according to the UN", "a report by PICSS", "the ministry's estimate"). Each
cue names the speaker phrase's head and extent, one per coordinated speaker, and the token range
the attribution covers. Who the phrase stands for (pronouns, "the official") is decided by
:mod:`triangulate.extract.speakers`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from triangulate.normalise.names import TITLE_WORDS, word_set

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["SOURCE_NOUNS", "SPEECH_VERBS", "Cue", "can_speak", "entity_of", "find_cues"]

# Verbs that report speech whatever follows them.
_ALWAYS_SPEECH = word_set(
    """say tell add state note explain warn confirm reiterate declare comment tweet remark
    affirm testify insist"""
)
# Verbs that report speech only with a reported clause ("stressed that ...", not "stressed
# security concerns"; "revealed that ...", not "developments have revealed the consequences").
_CLAUSE_SPEECH = word_set(
    """highlight reveal claim stress emphasise emphasize argue report acknowledge admit deny
    estimate predict caution suggest mention assert maintain write recall allege concede
    disclose observe vow pledge announce clarify reply respond"""
)
# Verbs that quote only when the quote marks hang on them: 'called the cuts "savage attacks"',
# 'cried "my child, my child"' (not "her family began to cry").
_QUOTING_VERBS = word_set("call describe dub brand label term cry shout chant scream yell exclaim")
# Verbs that state an estimate with "at": "police put the crowd at 30,000".
_ESTIMATE_VERBS = word_set("put place peg")
SPEECH_VERBS = _ALWAYS_SPEECH | _CLAUSE_SPEECH
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
# Nouns that carry a source's words: "a report by PICSS", "the UN's estimate".
SOURCE_NOUNS = word_set(
    """report statement warning estimate data figures survey study analysis assessment
    announcement census tally count research findings"""
)
_MAX_DESCRIPTION_TOKENS = 9
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Heads of descriptive speakers; plus agent-like suffixes ("analyst", "resident", "spokesman").
_SPEAKER_NOUNS = word_set(
    """official police authority government administration ministry department agency source
    witness expert analyst leader lawmaker diplomat envoy prosecutor investigator doctor
    survivor relative family friend lawyer court company firm group organisation organization
    party military commission committee council office embassy team union aide adviser
    advisor people person man woman member observer monitor regime cabinet parliament media
    television tv radio press network station center centre institute survey service head
    firefighter fireman rescuer reporter protester demonstrator resident"""
)
# Prepositions whose phrase still describes the speaker: "a woman in Qeshm", "a spokesman for
# the ministry", "a woman outside the bank"; not "on Monday" or "after the attack".
_SPEAKER_PREPS = word_set("for of at from in outside near inside")
# Dependents that open a clause of their own inside a noun phrase: not part of the description.
_CLAUSE_PARTS = frozenset({"relcl", "acl", "appos", "punct", "advcl"})
_RELATIVE = frozenset({"who", "which", "that"})
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ent", "ant", "ary")
_NON_AGENT_SUFFIXES = ("ment", "ber", "der", "ter", "ther", "nor")


@dataclass(frozen=True, slots=True)
class Cue:
    """A speaker phrase in a sentence, the cue that makes it one, and what it covers.

    ``parts`` are (head, first token, last token + 1) of each coordinated speaker ("officials
    and state media said"); ``cover`` the token range the attribution vouches for: the
    reporting clause, not a clause joined to it ("A said X, but B said Y") nor the speaker's
    own description ("Kolokythopoulos, a pensioner who lives on 1,000 euros, said ...").
    """

    parts: tuple[tuple[int, int, int], ...]
    cue: str
    cover: tuple[int, int]

    @property
    def extent(self) -> tuple[int, int]:
        """Token range from the first speaker's start to the end of the last one."""
        return self.parts[0][1], max(end for _, _, end in self.parts)


def find_cues(sent: Span) -> list[Cue]:
    """The speaker phrases of the sentence, one per phrase."""
    whole = (sent.start, sent.end)
    found: list[Cue] = []
    for token in sent:
        if token.pos_ in {"VERB", "AUX"} and _reports_speech(token):
            subject = _subject(token)
            if subject is not None:
                cover = _coverage(token, subject, sent)
                found.append(_cue(subject, token.lemma_.lower(), cover))
        elif token.lower_ == "according":
            agent = _object_of(token, "to")
            if agent is not None:
                found.append(_cue(_source_behind(agent) or agent, "according to", whole))
        elif token.lemma_.lower() in SOURCE_NOUNS and token.pos_ == "NOUN":
            agent = _source_behind(token)
            if agent is not None and entity_of(agent) is not None:
                found.append(_cue(agent, f"{token.lemma_.lower()} by", whole))
    unique: dict[tuple[int, int], Cue] = {}
    for cue in found:
        unique.setdefault(cue.extent, cue)
    return list(unique.values())


def _cue(head: Token, cue: str, cover: tuple[int, int]) -> Cue:
    """A cue for ``head`` and the speakers coordinated with it ("officials and state media")."""
    heads = [
        head,
        *(
            c
            for c in head.conjuncts
            if c.i > head.i and c.pos_ in {"NOUN", "PROPN"} and c.lower_ not in TITLE_WORDS
        ),
    ]
    if entity_of(head) is None and any(_is_person(h) for h in heads[1:]):
        # "businessman and blogger Andrew Halcro said": the nouns describe the one person.
        heads = [next(h for h in heads if _is_person(h))]
    return Cue(tuple(_phrase(h) for h in heads), cue, cover)


def _is_person(token: Token) -> bool:
    entity = entity_of(token)
    return entity is not None and entity.label_ == "PERSON"


def _reports_speech(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in _ALWAYS_SPEECH:
        return True
    if lemma in _QUOTING_VERBS:
        return _quotes_under(verb)
    if lemma in _ESTIMATE_VERBS:
        return any(c.dep_ == "dobj" for c in verb.children) and any(
            t.lower_ == "at" and any(n.like_num for n in t.subtree) for t in verb.subtree
        )
    if lemma not in _CLAUSE_SPEECH:
        return False
    if any(child.dep_ in _CLAUSE_DEPS for child in verb.children):
        return True
    # '"...," the ministry stressed' hangs the quote on the verb's head, not under it.
    return verb.dep_ in _CLAUSE_DEPS or any(t.is_quote for t in verb.sent)


def _quotes_under(token: Token) -> bool:
    """Whether quote marks follow the verb within its own clause (not a clause hung on it)."""
    return any(
        c.is_quote or _quotes_under(c)
        for c in token.rights
        if c.dep_ not in {"relcl", "acl", "advcl", "conj"}
    )


def _subject(verb: Token) -> Token | None:
    """The speaker of a reporting verb: its subject, or the subject of the clause it hangs on.

    "Kakar said" -> Kakar; "Papoulias condemned the violence, saying ..." and "the official
    downplayed the unrest saying ..." -> the subject of "condemned" / "downplayed"; "he was
    quoted as saying" -> he; "IRNA quoted the governor as saying" -> the governor; "a woman,
    who wept and cried" -> the woman; "..., reported The Express Tribune" -> the newspaper.
    """
    reporting = verb
    for _ in range(3):
        if verb.lemma_ == "quote":
            quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if quoted is not None:
                return quoted
        for child in verb.children:
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and verb.lemma_ == "quote"):
                return _relative_antecedent(child) if child.lower_ in _RELATIVE else child
        if verb.dep_ == "acl" and verb.head.dep_ == "dobj":
            verb = verb.head.head  # "downplayed [the unrest] saying": skip the object
        elif verb.dep_ in {"conj", "advcl", "xcomp", "pcomp", "prep"} and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    return _inverted_subject(reporting)


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


def _coverage(verb: Token, subject: Token, sent: Span) -> tuple[int, int]:
    """Token range the reporting verb vouches for (see :class:`Cue`)."""
    left, right = sent.start, sent.end
    if verb.dep_ == "conj":  # "He defended plans worth 30 billion, and said ...": only "said"
        left, right = verb.left_edge.i, verb.right_edge.i + 1
    for child in verb.rights:
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
            right = min(right, child.left_edge.i)
    for child in verb.lefts:  # "While 1.7 million lived there, officials said ...": framing
        if child.dep_ == "advcl" and child.right_edge.i < subject.i:
            left = max(left, child.right_edge.i + 1)
    while left < right and sent.doc[left].is_punct:
        left += 1
    if subject.i < verb.i and subject.left_edge.i <= left < subject.right_edge.i + 1 < right:
        left = subject.right_edge.i + 1
    return (left, right) if left < right else (sent.start, sent.end)


def _object_of(token: Token, *preps: str) -> Token | None:
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


def _source_behind(token: Token) -> Token | None:
    """ "a report by PICSS" and "according to a report by PICSS" credit PICSS, not the report.

    Also when the parser hangs "from X" on the verb: "follows warnings from the WHO".
    """
    if token.lemma_.lower() not in SOURCE_NOUNS:
        return None
    found = _object_of(token, "by", "from", "of") or _possessor(token)
    if found is None and token.i + 1 < len(token.doc):
        after = token.doc[token.i + 1]
        if after.lower_ in {"by", "from"} and after.head.i == token.head.i:
            found = next((c for c in after.children if c.dep_ == "pobj"), None)
    return found


def _phrase(head: Token) -> tuple[int, int, int]:
    """The speaker's noun phrase: the head with its left modifiers and a short of/for tail."""
    # "Pakistan's Caretaker Prime Minister, Anwar ul Haq Kakar, said" and "the head of Qeshm's
    # free-trade zone, Ali Rezapour, as saying": the name speaks.
    described = [head, *(c for p in head.children if p.lower_ == "of" for c in p.children)]
    for child in (c for d in described for c in d.children):
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and head.ent_type_ != "PERSON":
            head = child
            break
    entity = entity_of(head)
    if entity is not None:
        return head.i, entity.start, entity.end
    left = head.i
    for child in head.lefts:
        if child.dep_ in {"det", "amod", "compound", "nmod", "poss", "nummod"}:
            left = min(left, child.left_edge.i)
    right = head.i + 1
    for child in head.rights:
        end = _description_end(child)
        if child.dep_ == "prep" and child.lower_ in _SPEAKER_PREPS:
            right = end if end - left <= _MAX_DESCRIPTION_TOKENS else right
        break
    return head.i, left, right


def _description_end(token: Token) -> int:
    """One past the last token of ``token``'s phrase, leaving out clauses hung on it."""
    ends = [_description_end(c) for c in token.children if c.dep_ not in _CLAUSE_PARTS]
    return max([token.i + 1, *ends])


def entity_of(token: Token) -> Span | None:
    """The named entity (person, organisation, place, group) ``token`` is part of, if any."""
    if token.ent_iob_ == "O" or token.ent_type_ not in _NAMED:
        return None
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def can_speak(noun: Token) -> bool:
    """Whether a common noun can head a speaker ("officials", "police"), not "developments"."""
    lemma = noun.lemma_.lower()
    if {lemma, noun.lower_} & (_SPEAKER_NOUNS | TITLE_WORDS):  # "media", lemma "medium"
        return True
    return lemma.endswith(_AGENT_SUFFIXES) and not lemma.endswith(_NON_AGENT_SUFFIXES)
