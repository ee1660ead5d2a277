"""The one speaker resolver: who each sentence credits, for figures and quotes alike.

Reads the dependency parse for reporting cues ("Kakar said", "said Kakar", "X told Reuters",
"according to the UN", "a report by PICSS", "the ministry's estimate", "IRNA quoted X as
saying", "police put the crowd at 30,000", 'cried "my child"', 'called the cuts "savage"',
'"...!" Papandreou thundered', "X was blunt: ¶ “...”") and returns one
:class:`~triangulate.types.Attribution` per cue; coordinated speakers are one ("officials and
state media"). The cues are found by :mod:`triangulate.extract._speaker_cues`; who each
phrase stands for is decided here, in document order, so every later stage sees the same
answer:

* pronouns and definite descriptions point back (:mod:`triangulate.extract._speaker_lookback`):
  "he added", "they chanted", "the official said", "the star said", '"...," says one';
* "it said" -> the nearest previous organisation speaker; "the statement said" -> whoever
  issued one ("Gordon Advisors issued a statement"); "the pair said" -> the two last
  credited together;
* a poll speaks for its respondents ("55 percent of respondents said" -> "Ethnos poll",
  :mod:`triangulate.extract._speaker_polls`).

Words inside quote marks belong to the quoted speaker: no cue is read there, and no one named
there is a pronoun's antecedent.

An attribution's ``sentence_start``/``sentence_end`` span what it vouches for: the reporting
clause, which may leave out the speaker's own description ("X, a pensioner who lives on 1,000
euros, said ..."), a clause joined to it ("A said X, but B said Y"), framing before it ("While
1.7 million lived there, officials said ..."); a relay next to a direct speaker ("X said ...,
IRNA reported") covers only its own words, so figures go to the direct speaker; a sentence
that only introduces a quote ("X was blunt:") covers only the speaker.

Speakers are kept as written (canonical full names are a linking concern, see
``triangulate.link.speakers``), minus titles and leading "the".

>>> from triangulate.nlp.pipeline import load_nlp
>>> from triangulate.types import Article, InputKind
>>> text = "Kakar said the plan would go ahead. He added that it was lawful."
>>> article = Article(id="d", text=text, kind=InputKind.TEXT)
>>> [a.speaker for a in find_attributions(load_nlp()(text), article)]
['Kakar', 'Kakar']
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from triangulate.extract._speaker_cues import find_cues
from triangulate.extract._speaker_intros import introductions
from triangulate.extract._speaker_lookback import antecedent, describe, one_of
from triangulate.extract._speaker_phrases import (
    Cue,
    aged,
    in_document,
    phrase_of,
)
from triangulate.extract._speaker_polls import poll_before, poll_name, respondents
from triangulate.extract._speaker_refs import (
    last_name,
    mentions,
    person_genders,
    quoted_tokens,
    titled_name,
    titles_by_name,
)
from triangulate.extract._speaker_state import Speaker, State
from triangulate.extract._speaker_words import (
    POLL_NOUNS,
    SECONDARY_CUES,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    can_speak,
    entity_of,
    is_personal,
    sentences,
)
from triangulate.extract.quotes import find_quote_spans
from triangulate.normalise.names import TITLE_WORDS, clean_name, strip_titles, word_set
from triangulate.types import Article, Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["SECONDARY_CUES", "SPEECH_VERBS", "find_attributions"]

_PRONOUN_GENDER = {"he": "m", "she": "f", "his": "m", "her": "f"}  # "his" of "His words:"
_ORG_PRONOUNS = frozenset({"it"})
# Nouns for speakers just credited together: "the pair said" after "said Mark and Condon".
_GROUP_NOUNS = word_set("pair duo two both couple")
_DEFINITE = word_set("the this that its their")
_NUMBERED = re.compile(r"\bNo\.\s*\d+$")


def find_attributions(doc: Doc, article: Article) -> list[Attribution]:
    """Every attribution cue in ``doc``, in order, with pronouns and descriptions resolved."""
    text = article.text  # doc.text would join every token again on each use
    quoted = quoted_tokens(doc, find_quote_spans(text))
    personal = frozenset(t.i for t in doc if t.pos_ == "NOUN" and is_personal(t))
    state = State(
        titles_by_name(doc), person_genders(doc, quoted), quoted, mentions(doc, quoted, personal)
    )
    found: list[Attribution] = []
    for sent in sentences(doc, text):
        cues = find_cues(sent, quoted) or introductions(sent, quoted, text)
        made = [_attribute(article, doc, cue, state) for cue in cues]
        found.extend(_narrow_relays([a for a in made if a is not None]))
    return found


def _narrow_relays(attributions: list[Attribution]) -> list[Attribution]:
    """ "X said 70% were destroyed, IRNA reported": the figures are X's, the relay covers itself."""
    if all(a.cue in SECONDARY_CUES for a in attributions):
        return attributions
    return [
        replace(a, sentence_start=a.start, sentence_end=a.end) if a.cue in SECONDARY_CUES else a
        for a in attributions
    ]


def _attribute(article: Article, doc: Doc, cue: Cue, state: State) -> Attribution | None:
    speakers: list[Speaker] = []
    for head, start, end in cue.parts:
        speaker = _resolve(doc[head], doc[start:end], cue, state)
        if speaker is None:
            if not speakers:
                return None
            continue
        speaker.last_seen = max(speaker.last_seen, start)
        speakers.append(state.remember(speaker))
    names = list(dict.fromkeys(s.name for s in speakers))
    if len(names) > 1:  # remembered as one, for "the pair said" and "they said"
        state.remember(Speaker(" and ".join(names), "group", "", plural=True, personal=True))
    first_head = doc[cue.parts[0][0]]
    if cue.cue == "statement" or in_document(first_head) or _said_in_document(first_head):
        state.issuer = speakers[0]
    first, last = cue.extent
    return Attribution(
        doc_id=article.id,
        start=doc[first].idx,
        end=doc[last - 1].idx + len(doc[last - 1]),
        speaker=" and ".join(names),
        sentence_start=doc[cue.cover[0]].idx,
        sentence_end=doc[cue.cover[1] - 1].idx + len(doc[cue.cover[1] - 1]),
        cue=cue.cue,
        descriptive=any(s.kind == "descriptive" for s in speakers),
    )


def _resolve(head: Token, phrase: Span, cue: Cue, state: State) -> Speaker | None:
    """Turn a speaker phrase into a speaker, looking back for pronouns and descriptions."""
    if cue.cue == "reportedly":
        return Speaker("reports", "descriptive", "reports", plural=True)
    if _NUMBERED.search(phrase.text):
        # "Juror No. 8": a person named by a number, no referent to look back for
        name = clean_name(phrase.text)
        return Speaker(name, "person", name.lower(), personal=True)
    entity = entity_of(head)
    if entity is not None:  # before pronouns: the parser may call "ul" in a name a pronoun
        if entity.label_ == "PERSON":
            return state.person(entity)
        name = clean_name(entity.text)
        if name.startswith("The ") and entity.start == entity.sent.start:
            name = name[4:]  # "The World Health Organization warned": "The" is the sentence's
        if _surname(name, state) or titled_name(entity):
            return state.person(entity)
        return Speaker(name, "org", last_name(name)) if name else None
    lower = head.lower_
    lemma = head.lemma_.lower()
    if respondents(head):  # "55 percent of respondents said": the poll speaks for them
        poll = poll_before(head, state.quoted)
        if poll is not None:
            return _poll(poll, state)
        if cue.cue not in SPEECH_VERBS:
            return None
    if lemma in POLL_NOUNS and head.pos_ == "NOUN":
        return _poll(head, state)
    if lower in {"one", "another"} and not list(head.children):
        return one_of(lower, state)
    if head.pos_ == "PRON":
        if lower in _PRONOUN_GENDER:
            return antecedent(phrase, state, _PRONOUN_GENDER[lower])
        if lower == "they":
            return antecedent(phrase, state, None)
        if lower in _ORG_PRONOUNS:
            return state.look_back("org")
        return None
    if head.is_title and _surname(head.text, state):  # the tagger's NOUN "Davies"
        return state.person(phrase.doc[head.i : head.i + 1])
    if lemma in SOURCE_NOUNS and head.pos_ == "NOUN" and phrase[0].lower_ in _DEFINITE:
        issuer = state.issuer or state.look_back("org")  # "the statement said"
        if issuer is not None:
            return issuer
    grouped = lemma in _GROUP_NOUNS or any(t.lower_ in _GROUP_NOUNS for t in phrase[:-1])
    if grouped and phrase[0].lower_ in _DEFINITE | {"both"}:  # "the pair", "the two men"
        group = state.look_back("group")
        if group is not None:
            return group
    if lower in TITLE_WORDS or lemma in TITLE_WORDS:
        return describe(head, phrase, state)
    if head.pos_ == "PROPN":
        return _unnamed_proper(head, phrase, state)
    # Whatever "according to" names is a source: "reports", "the charge sheet", "records".
    relayed = cue.cue == "according to"
    if head.pos_ == "NOUN" and (relayed or cue.direct or can_speak(head) or lemma in SOURCE_NOUNS):
        return describe(head, phrase, state, role=not relayed)  # "state records show"
    return None


def _poll(poll: Token, state: State) -> Speaker:
    """A poll, named for who ran or published it ("Ethnos poll"), else as written ("a poll
    released Sunday"); an unnamed "the poll" is the poll just credited."""
    name = poll_name(poll)
    if name is not None:
        return Speaker(name, "org", "poll")
    phrase = phrase_of(poll)
    earlier = next((s for s in reversed(state.speakers) if s.head == "poll"), None)
    if earlier is not None and phrase[0].lower_ in _DEFINITE:
        return earlier
    return describe(poll, phrase, state)


def _unnamed_proper(head: Token, phrase: Span, state: State) -> Speaker | None:
    """A proper name NER missed: a person when a title or an age goes with it.

    "governor Heydar X", "25-year-old Guzel", "Maral, 45, an Ashgabat resident".
    """
    start = head.i
    while start > phrase.start and phrase.doc[start - 1].pos_ == "PROPN":
        start -= 1
    titled = any(t.lower_ in TITLE_WORDS for t in phrase.doc[phrase.start : start])
    person = titled or aged(head)
    name = strip_titles(clean_name(phrase.doc[start : head.i + 1].text if person else phrase.text))
    if not name:
        return None
    if person or _surname(name, state):
        return replace(state.person(phrase.doc[start : head.i + 1]), name=name)
    return Speaker(name, "org", last_name(name))


def _surname(name: str, state: State) -> bool:
    """ "Davies wrote", NER's "Kafoury" ORG: one word that is the last name of a person here."""
    return len(name.split()) == 1 and last_name(name) in state.titles


def _said_in_document(head: Token) -> bool:
    """ "the government said in a statement": the speaker issued what later "the statement
    added" points back at."""
    verb = head.head
    if head.dep_ not in {"nsubj", "nsubjpass"} or verb.pos_ != "VERB":
        return False
    return any(
        prep.lower_ == "in" and obj.dep_ == "pobj" and obj.lemma_.lower() in SOURCE_NOUNS
        for prep in verb.children
        if prep.dep_ == "prep"
        for obj in prep.children
    )
