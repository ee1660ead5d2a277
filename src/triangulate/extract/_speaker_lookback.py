"""Speakers that point back: pronouns, definite descriptions and "one" / "another".

* "he added" / "she said" -> the nearest previous named speaker of that gender (or a person
  described as one: "a Surrey Police spokeswoman"), unless a person of that gender became a
  subject since ("Nichols' mother expressed their sentiments. ¶ “...,” she said."); a "she"
  that skips the latest speaker prefers a woman the story names to a speaker of unknown gender;
* "his brother", "Nichols' mother" -> the relative the story named with that word ("John
  Banky, Ben's older brother", "Nichols' mother, Claritha");
* "they chanted" -> the nearest plural speaker or subject ("the protesters");
* "the official said" -> the most salient previous descriptive speaker with the same head noun
  ("a senior government official"), or a named speaker whose title has that noun ("the prime
  minister" -> "Anwar ul Haq Kakar", never one the story says was killed) unless a possessor
  ties it to another body ("the beer distributor's president"); "the paper said" -> the
  outlet just credited; "the company said" -> the business the story is about; "the star
  said", "the comedian added" -> the person the story has just been about, or named with that
  noun ("Comedian Ellen DeGeneres"); otherwise the description is kept as written;
* '"...," says one' -> the person just described ("a source with knowledge of the talks");
  "another added" -> another of the same kind ("another protester").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triangulate.extract._speaker_phrases import is_person, owned_elsewhere
from triangulate.extract._speaker_refs import (
    gender_of_noun,
    last_name,
    main_organisation,
    person_name,
)
from triangulate.extract._speaker_state import Speaker, State
from triangulate.extract._speaker_words import (
    COMPANY_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    SOURCE_NOUNS,
    entity_of,
    is_personal,
)
from triangulate.normalise.names import TITLE_WORDS, word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from triangulate.extract._speaker_refs import Mention

__all__ = ["antecedent", "describe", "one_of"]

_MEDIA_NOUNS = word_set("paper newspaper daily weekly magazine broadcaster channel outlet tabloid")
# Nouns that do not stand in for a name: bodies, documents, people stories leave unnamed.
_UNNAMED_ROLES = ORG_NOUNS | SOURCE_NOUNS | PERSON_NOUNS | TITLE_WORDS
# Words that set a role against another of its kind: "the other driver", "the second man".
_CONTRASTS = word_set("other another same latter former next new")
_KILLING = word_set("kill murder slay assassinate execute")
_POSSESSIVES = word_set("his her their")
_KIN = word_set(
    """brother sister mother father son daughter wife husband uncle aunt cousin nephew niece
    grandmother grandfather grandson granddaughter widow widower fiancee fiance partner"""
)
# Sentences back to look for the person a role points at ("the star said").
_ROLE_SENTENCES = 2


def describe(head_token: Token, phrase: Span, state: State, *, role: bool = False) -> Speaker:
    """A descriptive speaker: definite ones point back, indefinite ones start a new referent.

    ``role``: the phrase speaks (not "according to the charge sheet"), so "the star" may be
    the person just named.
    """
    head = head_token.lemma_.lower()
    first = phrase[0].lower_
    text = phrase.text.strip()
    if first in {"the", "this", "that"}:
        # "the Pakistan official" may point at "a senior government official", but "the prime
        # minister" must not point at "the Minister of Interior": title words have to match.
        titles = {t.lower_ for t in phrase if t.lower_ in TITLE_WORDS and t.i != head_token.i}
        same_head = [
            s
            for s in state.speakers
            if s.kind == "descriptive" and s.head == head and titles <= set(s.name.lower().split())
        ]
        if same_head:
            # Most mentions first, then the most recent: "the official" keeps pointing at the
            # official the article has been quoting, not at a one-off second official.
            return max(same_head, key=lambda s: (s.mentions, state.speakers.index(s)))
        # "the company's president" may be the president named before; "the beer
        # distributor's president" is someone else than "Park Dietz, president of ...".
        titled = None if owned_elsewhere(phrase) else _titled(state, phrase)
        if titled is not None:
            return titled
        if head in _MEDIA_NOUNS:  # "the paper said" after "daily Eleftherotypia warned"
            outlet = state.look_back("org")
            if outlet is not None:
                return outlet
        if head in COMPANY_NOUNS:  # "the company said" in a story about the Kraft Foods plant
            company = main_organisation(phrase, state.quoted)
            if company is not None:
                return Speaker(company, "org", company.split()[-1].lower())
        named = _named_by_role(head_token, phrase, state) if role and first == "the" else None
        if named is not None:
            return named
    owned = first in _POSSESSIVES or any(c.dep_ == "poss" for c in head_token.children)
    if owned and head in _KIN:
        # "John Banky, Ben's older brother, spoke ... said his brother": the brother named;
        # "Nichols' mother, Claritha, ... Nichols' mother said": Claritha Nichols.
        doc = phrase.doc
        met = [
            t for t in doc[: phrase.start] if t.lemma_.lower() == head and t.i not in state.quoted
        ]
        kin = next((k for t in reversed(met) if (k := _named_as(t, state)) is not None), None)
        if kin is not None:
            return kin
    if phrase[0].pos_ == "DET":  # "A senior official said" -> "a senior official"
        text = first + text[len(phrase[0].text) :]
    return Speaker(
        text,
        "descriptive",
        head,
        gender=gender_of_noun(head),
        plural=head_token.tag_ in {"NNS", "NNPS"},
        personal=is_personal(head_token),
    )


def _named_by_role(head: Token, phrase: Span, state: State) -> Speaker | None:
    """ "the Taradise star said", "the convicted killer said": an epithet, whose noun the story
    has not used before, is the named person it has just been about (the latest named subject
    or speaker of the last sentences); "the comedian" is the person named "Comedian Ellen
    DeGeneres".

    An epithet qualifies its noun and has nothing after it: "the owner", "the other driver",
    "the owner of the shop", "the white woman, who was identified as Juror No. 12", "the
    beer distributor's president" may all be someone new.
    """
    doc = phrase.doc
    lemma = head.lemma_.lower()
    if head.tag_ != "NN" or lemma in _UNNAMED_ROLES or owned_elsewhere(phrase):
        return None  # "the officer", "the source": nouns for people a story need not name
    met = [t for t in doc[: phrase.start] if t.lemma_.lower() == lemma and t.i not in state.quoted]
    if met:  # "Comedian Ellen DeGeneres" is "the comedian"; "followed by the driver" no one
        return _named_as(met[-1], state)
    qualifiers = [t for t in phrase if t.i < head.i and t.dep_ in {"amod", "compound", "nmod"}]
    if phrase.end != head.i + 1 or list(head.rights) or not qualifiers:
        return None
    if any(t.lower_ in _CONTRASTS or t.ent_type_ == "ORDINAL" for t in qualifiers):
        return None
    since = doc[phrase.start].sent.start
    for _ in range(_ROLE_SENTENCES):
        since = doc[max(since - 1, 0)].sent.start
    seen = [m for m in state.people if m.named and m.subject and since <= m.start < phrase.start]
    latest = _mentioned(seen[-1], doc, state) if seen else None
    spoke = [s for s in state.speakers if s.kind == "person" and since <= s.last_seen]
    if spoke and (latest is None or spoke[-1].last_seen > seen[-1].start):
        latest = spoke[-1]
    gender = gender_of_noun(lemma)
    if latest is None or (gender and latest.gender not in {None, gender}):
        return None
    return latest


def _named_as(noun: Token, state: State) -> Speaker | None:
    """The person ``noun`` describes in place: "Comedian Ellen DeGeneres", "Nichols, the
    killer" (not "the star's rep Jack Ketsoyan")."""
    named = noun if is_person(noun) else None
    if named is None and noun.dep_ in {"compound", "appos"} and is_person(noun.head):
        named = noun.head
    named = named or next((c for c in noun.children if c.dep_ == "appos" and is_person(c)), None)
    entity = entity_of(named) if named is not None else None
    if entity is None:
        return None
    start = noun.i + 1 if entity.start <= noun.i < entity.end else entity.start  # NER took it in
    return state.person(noun.doc[start : entity.end]) if start < entity.end else None


def _titled(state: State, phrase: Span) -> Speaker | None:
    """ "the prime minister said" -> the latest named person who carries that title."""
    wanted = {t.lower_ for t in phrase if t.lower_ in TITLE_WORDS and t.pos_ != "DET"}
    if not wanted:
        return None
    for speaker in reversed(state.speakers):
        if speaker.kind == "person" and wanted <= speaker.titles:
            return speaker
    people = [
        e
        for e in phrase.doc.ents
        if e.label_ == "PERSON" and e.end <= phrase.start and e.start not in state.quoted
    ]
    for ent in reversed(people):
        if _killed(ent.root):
            continue  # "shot and killed Superior Court Judge Rowland Barnes": not "the judge"
        name = person_name(ent)
        titles = state.titles.get(last_name(name), frozenset())
        if wanted <= titles:
            return Speaker(name, "person", last_name(name), titles, personal=True)
    return None


def _killed(token: Token) -> bool:
    """Whether the sentence kills the person: "shot and killed Judge Barnes", "was slain"."""
    if token.dep_ not in {"dobj", "nsubjpass"}:
        return False
    verbs = [token.head, *(c for c in token.head.children if c.dep_ == "conj")]
    return any(v.lemma_.lower() in _KILLING for v in verbs)


def antecedent(pronoun: Span, state: State, gender: str | None) -> Speaker | None:
    """ "she said" (``gender`` "f") or "they said" (None): the person the pronoun points at.

    The latest speaker who fits, unless someone who fits became a subject since: "Zareh,
    director of the centre, dismissed concerns ... 'The Gulf is not deep enough,' he was
    quoted as saying": Zareh is no speaker yet, but as the latest subject he is "he". Else the
    latest person who fits mentioned at all.
    """
    plural = gender is None

    def fits(s: Speaker) -> bool:
        if plural:  # "police said ... they said": a plural body fits "they"
            return s.plural
        return s.personal and not s.plural and s.gender in {None, gender}

    speaker = next((s for s in reversed(state.speakers) if fits(s)), None)
    seen = [(m, _mentioned(m, pronoun.doc, state)) for m in state.people if m.end <= pronoun.start]
    # A description is "she" only when its noun says so ("Nichols' mother"), never "he"
    # for "an amateur photographer" when the article has been about a woman.
    seen = [(m, s) for m, s in seen if fits(s) and (m.named or plural or s.gender == gender)]
    subjects = [(m, s) for m, s in seen if m.subject]
    if subjects and (speaker is None or subjects[-1][0].start > speaker.last_seen):
        return subjects[-1][1]
    if speaker is not None and _passed_over(speaker, state, gender):
        # "she" skips the latest speaker (a man): a woman the story names is more likely
        # meant than a speaker of unknown gender ("a representative").
        known = [s for m, s in seen if m.named and s.gender == gender]
        if known:
            return known[-1]
    if speaker is not None:
        return speaker
    named = [s for m, s in seen if m.named]
    return named[-1] if named else None


def _passed_over(speaker: Speaker, state: State, gender: str | None) -> bool:
    """Whether a singular pronoun's speaker is of unknown gender and not the latest speaker."""
    return (
        gender is not None
        and speaker.gender is None
        and bool(state.speakers)
        and state.speakers[-1] is not speaker
    )


def _mentioned(mention: Mention, doc: Doc, state: State) -> Speaker:
    """The speaker a mention of a person would be: a named person, or the description."""
    head = doc[mention.head]
    if mention.named:
        return state.person(doc[mention.start : mention.end])
    return describe(head, doc[mention.start : mention.end], state)


def one_of(word: str, state: State) -> Speaker | None:
    """'"...," says one' is the person just described ("one of the sources"); "another added"
    is a new one of the same kind ("another protester")."""
    described = next(
        (s for s in reversed(state.speakers) if s.kind == "descriptive" and s.personal), None
    )
    if described is None or word == "one":
        return described
    return Speaker(f"another {described.head}", "descriptive", described.head, personal=True)
