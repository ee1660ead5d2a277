"""The words speaker cues are made of: reporting verbs, source nouns, speaker nouns, titles.

Also the sentences cues are read in: the parser's, rejoined where it split after a title
abbreviation ("said Troy police Lt. | Gerry Scherlinck").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from triangulate.normalise.names import TITLE_ABBREVIATIONS, TITLE_WORDS, word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "ALWAYS_SPEECH",
    "CLAUSE_SPEECH",
    "COMPANY_NOUNS",
    "ESTIMATE_VERBS",
    "FINDING_VERBS",
    "INSCRIPTION_NOUNS",
    "INTRO_CUES",
    "ISSUING_VERBS",
    "NAMING_VERBS",
    "OPENING_MARKS",
    "OPINION_VERBS",
    "ORG_NOUNS",
    "OUTCRY_VERBS",
    "PERSON_NOUNS",
    "POLL_NOUNS",
    "PUBLISHED_NOUNS",
    "QUOTING_VERBS",
    "RELATIVE_PRONOUNS",
    "REPORTING_VERBS",
    "SECONDARY_CUES",
    "SOURCE_NOUNS",
    "SPEECH_VERBS",
    "can_speak",
    "entity_of",
    "is_personal",
    "name_after_title",
    "ner_slip",
    "sentences",
    "title_before",
]

# Cues that credit a relayed source; a direct speaker in the same sentence is preferred.
SECONDARY_CUES = frozenset({"report", "according to", "report by"})
# Cues that name the speaker of the quote beside them and vouch for nothing else: the quote
# after ("X was blunt:") or, for "outro", the quote before ("That's how X put it.").
INTRO_CUES = frozenset({"colon", "intro", "statement", "outro"})

# Verbs that report speech whatever follows them.
ALWAYS_SPEECH = word_set(
    """say tell add state note explain warn confirm reiterate declare comment tweet remark
    affirm testify insist"""
)
# Verbs that report speech only with a reported clause ("stressed that ...", not "stressed
# security concerns"; "revealed that ...", not "developments have revealed the consequences").
CLAUSE_SPEECH = word_set(
    """highlight reveal claim stress emphasise emphasize argue report acknowledge admit deny
    estimate predict caution suggest mention assert maintain write recall allege concede
    disclose observe vow pledge announce clarify reply respond answer indicate"""
)
# Verbs that name what they quote: 'called the cuts "savage attacks"', 'called the mechanic a
# hero who "did a phenomenal job"'.
NAMING_VERBS = word_set("call describe dub brand label term")
# Verbs of an outcry: what they quote is said aloud, however short ('shouting "Thieves!"').
OUTCRY_VERBS = word_set("cry shout chant scream yell exclaim")
# Verbs that quote only when the quote marks hang on them: 'called the cuts "savage attacks"',
# 'cried "my child, my child"' (not "her family began to cry").
QUOTING_VERBS = NAMING_VERBS | OUTCRY_VERBS | word_set("request demand ask urge plead beg")
# Verbs that issue a document the story then quotes: "Gordon Advisors issued a statement".
ISSUING_VERBS = word_set("issue release publish send post pen write sign")
# Verbs that state an estimate with "at": "police put the crowd at 30,000", "he estimated
# the size of the structure at 12,000 square feet".
ESTIMATE_VERBS = word_set("put place peg estimate")
# Verbs by which a document states its findings: "the poll showed", "the report found".
FINDING_VERBS = word_set("show find indicate give")
# Verbs by which a share of a poll's respondents answers: "60 percent responded yes", "some
# 64 percent considered police were unprepared".
OPINION_VERBS = word_set(
    """say respond answer reply think believe consider feel want support oppose favour favor
    approve disapprove expect agree disagree blame prefer trust"""
)

SPEECH_VERBS = ALWAYS_SPEECH | CLAUSE_SPEECH
# Pronouns that open a relative clause: "a woman, who cried", "signs that read".
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Every verb that tells of words said or written ('signs that read "..."', "an official
# speaking on condition of anonymity").
REPORTING_VERBS = SPEECH_VERBS | QUOTING_VERBS | word_set("read speak talk")

# Nouns that carry a source's words: "a report by PICSS", "the UN's estimate".
SOURCE_NOUNS = word_set(
    """report statement warning estimate data figures survey study analysis assessment
    announcement census tally count research findings editorial article letter memo
    memorandum communique bulletin poll release record document statistic complaint datum"""
)
# A poll speaks for its respondents and is named for whoever ran or published it ("Ethnos
# poll"), not replaced by them as a report is by its author.
POLL_NOUNS = word_set("poll")
# Nouns by which a story names the business it is about: "the company said in a statement".
COMPANY_NOUNS = word_set("company firm corporation retailer carrier airline manufacturer")
# Things with words written on them: 'banners reading "Peoples of Europe, Rise Up."'.
INSCRIPTION_NOUNS = word_set(
    """sign placard banner poster plaque shirt t-shirt slogan graffiti billboard leaflet
    flyer sticker inscription headline marker tablet memorial headstone gravestone tombstone
    epitaph caption card note"""
)
# Source nouns whose "in X" names the outlet: "an editorial in the daily Eleftheros Typos".
PUBLISHED_NOUNS = word_set("editorial article column")

OPENING_MARKS = '"“‘«„'

_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Heads of descriptive speakers: bodies that speak, and people; plus agent-like suffixes
# ("analyst", "resident", "spokesman").
ORG_NOUNS = word_set(
    """police authority government administration ministry department agency company firm
    group organisation organization party military army commission committee council office
    embassy team union regime cabinet parliament media television tv radio press network
    station center centre institute survey service court"""
)
PERSON_NOUNS = word_set(
    """official source witness expert analyst leader lawmaker diplomat envoy prosecutor
    investigator doctor survivor relative family friend lawyer aide adviser advisor people
    person man woman member observer monitor head firefighter fireman rescuer reporter
    protester demonstrator resident mother father son daughter wife husband brother sister
    widow widower cousin uncle aunt parent neighbour neighbor colleague girlfriend boyfriend
    nephew niece grandmother grandfather grandson granddaughter stepson stepdaughter
    representative spokesperson executive detective employee trainee retiree detainee
    nominee attendee refugee appointee juror youth teen teenager student pupil pensioner actress"""
)
# Titles that make an unknown proper name a person's: "Mr. Pigeon also commended police".
_PERSONAL_TITLES = word_set("mr mr. mrs mrs. ms ms. miss dr dr. sir dame")
_SPEAKER_NOUNS = ORG_NOUNS | PERSON_NOUNS
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they"})
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ent", "ant", "ary")
_NON_AGENT_SUFFIXES = ("ment", "ber", "der", "ter", "ther", "nor")
# Common nouns with an agent's ending that name things: "a historical marker reads".
_THINGS = word_set(
    """marker banner poster sticker career center corner border matter water power
    computer chapter error sector factor mirror floor door color colour"""
)


def sentences(doc: Doc, text: str) -> list[Span]:
    """The sentences of ``doc`` (whose text is ``text``), rejoined where the parser split after
    a title abbreviation.

    '"...," said Troy police Lt. Gerry Scherlinck.' and '"...," Const. Fanning said.' are one
    sentence each, however the parser cut them.
    """
    merged: list[Span] = []
    for sent in doc.sents:
        if merged and _split_at_title(merged[-1], sent, text):
            merged[-1] = doc[merged[-1].start : sent.end]
        else:
            merged.append(sent)
    return merged


def _split_at_title(before: Span, sent: Span, text: str) -> bool:
    words = [t for t in before if not t.is_space]
    if not words or not sent[0].is_title:
        return False
    if "\n\n" in text[words[-1].idx : sent.start_char]:
        return False
    return title_before(text, words[-1].idx + len(words[-1]))


def title_before(text: str, at: int) -> bool:
    """Whether ``text`` ends, before ``at``, with a title abbreviation ("the Rev.")."""
    head = text[max(0, at - 8) : at].rstrip()
    word = head[:-1].split()[-1:] if head.endswith(".") else []
    return bool(word) and word[0].lower().lstrip("(") in TITLE_ABBREVIATIONS


def entity_of(token: Token) -> Span | None:
    """The named entity (person, organisation, place, group) ``token`` is part of, if any."""
    if token.ent_iob_ == "O" or token.ent_type_ not in _NAMED:
        return None
    # From the token's own BIO tags: ``doc.ents`` would build every entity again on each call.
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    entity = Span(doc, start, end, label=token.ent_type_)
    return None if ner_slip(entity) else entity


def ner_slip(ent: Span) -> bool:
    """NER's slip: "Filmmaker" in "Filmmaker and aviator Howard Hughes" and "Greeks" in "But
    Greeks must also understand" name no one."""
    word = ent[0]
    if len(ent) != 1 or ent.label_ != "PERSON":
        return False
    return (word.pos_ == "NOUN" and can_speak(word)) or word.tag_ == "NNPS"


def is_personal(token: Token) -> bool:
    """Whether ``token`` stands for people, not a body: "Kakar", "she", "a witness", "jurors"."""
    entity = entity_of(token)
    if entity is not None:
        return entity.label_ == "PERSON"
    if token.pos_ == "PRON":
        return token.lower_ in _PERSONAL_PRONOUNS
    if token.pos_ == "PROPN":
        return any(t.lower_ in _PERSONAL_TITLES for t in token.lefts)
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and lemma not in ORG_NOUNS and can_speak(token)


def can_speak(noun: Token) -> bool:
    """Whether a common noun can head a speaker ("officials", "police"), not "developments"."""
    lemma = noun.lemma_.lower()
    if {lemma, noun.lower_} & (_SPEAKER_NOUNS | TITLE_WORDS):  # "media", lemma "medium"
        return True
    return (
        lemma.endswith(_AGENT_SUFFIXES)
        and not lemma.endswith(_NON_AGENT_SUFFIXES)
        and lemma not in _THINGS
    )


def name_after_title(token: Token) -> Span | None:
    """The person named after a title abbreviation, cut from its full stop ("Lt", ".") or
    not ("Const.")."""
    doc = token.doc
    if token.lower_.rstrip(".") not in TITLE_ABBREVIATIONS or token.i + 1 >= len(doc):
        return None
    if token.text.endswith("."):
        i = token.i + 1
    elif doc[token.i + 1].text == ".":
        i = token.i + 2
    else:
        return None
    while i + 1 < len(doc) and doc[i].lower_ in TITLE_ABBREVIATIONS and doc[i + 1].text == ".":
        i += 2  # "Dist. Atty. Steve Cooley"
    if i < len(doc) and doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B":
        return entity_of(doc[i])
    return None
