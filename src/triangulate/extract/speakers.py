"""The one speaker resolver: who each sentence credits, for figures and quotes alike.

Reads the dependency parse for reporting cues ("Kakar said", "said Kakar", "X told Reuters",
"according to the UN", "a report by PICSS", "the ministry's estimate", "IRNA quoted X as
saying", "police put the crowd at 30,000", 'cried "my child"', 'called the cuts "savage"',
'"...!" Papandreou thundered', "X was blunt: ¶ “...”") and returns one
:class:`~triangulate.types.Attribution` per cue; coordinated speakers are one ("officials and
state media"). The cues are found by :mod:`triangulate.extract._speaker_cues`; pronouns and
definite descriptions are resolved here, in document order, so every later stage sees the
same answer:

* "he added" / "she said" -> the nearest previous named speaker of that gender (or a person
  described as one: "a Surrey Police spokeswoman"), unless a person of that gender became a
  subject since ("Nichols' mother expressed their sentiments. ¶ “...,” she said.");
* "they chanted" -> the nearest plural speaker or subject ("the protesters");
* "it said" -> the nearest previous organisation speaker; "the statement said" -> whoever
  issued one ("Gordon Advisors issued a statement"); "the pair said" -> the two last
  credited together;
* "the official said" -> the most salient previous descriptive speaker with the same head noun
  ("a senior government official"), or a named speaker whose title has that noun ("the prime
  minister" -> "Anwar ul Haq Kakar") unless a possessor ties it to another body ("the beer
  distributor's president"); otherwise the description is kept as written;
* '"...," says one' -> the person just described ("a source with knowledge of the talks");
  "another added" -> another of the same kind ("another protester").

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
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from triangulate.extract._speaker_cues import find_cues
from triangulate.extract._speaker_intros import introductions
from triangulate.extract._speaker_phrases import Cue, aged, in_document, owned_elsewhere
from triangulate.extract._speaker_refs import (
    Mention,
    gender_of_noun,
    last_name,
    main_organisation,
    mentions,
    person_genders,
    person_name,
    quoted_tokens,
    titles_by_name,
    with_family_name,
)
from triangulate.extract._speaker_words import (
    COMPANY_NOUNS,
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

_PRONOUN_GENDER = {"he": "m", "she": "f"}
_ORG_PRONOUNS = frozenset({"it"})
_MEDIA_NOUNS = word_set("paper newspaper daily weekly magazine broadcaster channel outlet tabloid")
# Nouns for speakers just credited together: "the pair said" after "said Mark and Condon".
_GROUP_NOUNS = word_set("pair duo two both couple")
_DEFINITE = word_set("the this that its their")
_NONE: frozenset[str] = frozenset()
_NUMBERED = re.compile(r"\bNo\.\s*\d+$")


@dataclass(slots=True)
class _Speaker:
    """A resolved speaker as the document goes on: for pronoun and description look-back."""

    name: str
    kind: str  # "person" | "org" | "descriptive" | "group" (speakers credited together)
    head: str  # lower-case head noun ("official") or last name token
    titles: frozenset[str] = field(default_factory=frozenset)
    mentions: int = 1
    last_seen: int = -1  # token index of the latest mention
    gender: str | None = None  # "m" | "f" where the document shows it
    plural: bool = False
    personal: bool = False  # a person ("a witness"), not a body ("the ministry")


@dataclass(slots=True)
class _State:
    """What the resolver remembers while walking a document in order."""

    titles: dict[str, frozenset[str]]
    genders: dict[str, str]
    quoted: frozenset[int]
    people: list[Mention]
    speakers: list[_Speaker] = field(default_factory=list)
    issuer: _Speaker | None = None  # who issued the latest statement, report or letter

    def remember(self, new: _Speaker) -> _Speaker:
        for old in self.speakers:
            if old.name == new.name and old.kind == new.kind:
                old.mentions += 1
                old.last_seen = max(old.last_seen, new.last_seen)
                old.titles = old.titles | new.titles
                self.speakers.remove(old)
                self.speakers.append(old)
                return old
        self.speakers.append(new)
        return new


def find_attributions(doc: Doc, article: Article) -> list[Attribution]:
    """Every attribution cue in ``doc``, in order, with pronouns and descriptions resolved."""
    text = article.text  # doc.text would join every token again on each use
    quoted = quoted_tokens(doc, find_quote_spans(text))
    personal = frozenset(t.i for t in doc if t.pos_ == "NOUN" and is_personal(t))
    state = _State(
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


def _attribute(article: Article, doc: Doc, cue: Cue, state: _State) -> Attribution | None:
    speakers: list[_Speaker] = []
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
        state.remember(_Speaker(" and ".join(names), "group", "", plural=True, personal=True))
    if cue.cue == "statement" or in_document(doc[cue.parts[0][0]]):
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


def _resolve(head: Token, phrase: Span, cue: Cue, state: _State) -> _Speaker | None:
    """Turn a speaker phrase into a speaker, looking back for pronouns and descriptions."""
    if _NUMBERED.search(phrase.text):
        # "Juror No. 8": a person named by a number, no referent to look back for
        name = clean_name(phrase.text)
        return _Speaker(name, "person", name.lower(), personal=True)
    entity = entity_of(head)
    if entity is not None:  # before pronouns: the parser may call "ul" in a name a pronoun
        if entity.label_ == "PERSON":
            return _person(entity, state)
        name = clean_name(entity.text)
        if name.startswith("The ") and entity.start == entity.sent.start:
            name = name[4:]  # "The World Health Organization warned": "The" is the sentence's
        if _surname(name, state):
            return _person(entity, state)
        return _Speaker(name, "org", _last(name)) if name else None
    lower = head.lower_
    lemma = head.lemma_.lower()
    if lower in {"one", "another"} and not list(head.children):
        return _one_of(lower, state)
    if head.pos_ == "PRON":
        if lower in _PRONOUN_GENDER:
            return _antecedent(phrase, state, _PRONOUN_GENDER[lower])
        if lower == "they":
            return _antecedent(phrase, state, None)
        if lower in _ORG_PRONOUNS:
            return _look_back(state, "org")
        return None
    if head.is_title and _surname(head.text, state):  # the tagger's NOUN "Davies"
        return _person(phrase.doc[head.i : head.i + 1], state)
    if lemma in SOURCE_NOUNS and head.pos_ == "NOUN" and phrase[0].lower_ in _DEFINITE:
        issuer = state.issuer or _look_back(state, "org")  # "the statement said"
        if issuer is not None:
            return issuer
    grouped = lemma in _GROUP_NOUNS or any(t.lower_ in _GROUP_NOUNS for t in phrase[:-1])
    if grouped and phrase[0].lower_ in _DEFINITE | {"both"}:  # "the pair", "the two men"
        group = _look_back(state, "group")
        if group is not None:
            return group
    if lower in TITLE_WORDS or lemma in TITLE_WORDS:
        return _describe(head, phrase, state)
    if head.pos_ == "PROPN":
        return _unnamed_proper(head, phrase, state)
    relayed = cue.cue == "according to" and lemma in SOURCE_NOUNS  # "... to reports"
    if head.pos_ == "NOUN" and (relayed or cue.direct or can_speak(head)):
        return _describe(head, phrase, state)
    return None


def _one_of(word: str, state: _State) -> _Speaker | None:
    """'"...," says one' is the person just described ("one of the sources"); "another added"
    is a new one of the same kind ("another protester")."""
    described = next(
        (s for s in reversed(state.speakers) if s.kind == "descriptive" and s.personal), None
    )
    if described is None or word == "one":
        return described
    return _Speaker(f"another {described.head}", "descriptive", described.head, personal=True)


def _unnamed_proper(head: Token, phrase: Span, state: _State) -> _Speaker | None:
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
        return replace(_person(phrase.doc[start : head.i + 1], state), name=name)
    return _Speaker(name, "org", _last(name))


def _surname(name: str, state: _State) -> bool:
    """ "Davies wrote", NER's "Kafoury" ORG: one word that is the last name of a person here."""
    return len(name.split()) == 1 and _last(name) in state.titles


def _describe(head_token: Token, phrase: Span, state: _State) -> _Speaker:
    """A descriptive speaker: definite ones point back, indefinite ones start a new referent."""
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
            outlet = _look_back(state, "org")
            if outlet is not None:
                return outlet
        if head in COMPANY_NOUNS:  # "the company said" in a story about the Kraft Foods plant
            company = main_organisation(phrase, state.quoted)
            if company is not None:
                return _Speaker(company, "org", company.split()[-1].lower())
    if phrase[0].pos_ == "DET":  # "A senior official said" -> "a senior official"
        text = first + text[len(phrase[0].text) :]
    return _Speaker(
        text,
        "descriptive",
        head,
        gender=gender_of_noun(head),
        plural=head_token.tag_ in {"NNS", "NNPS"},
        personal=is_personal(head_token),
    )


def _titled(state: _State, phrase: Span) -> _Speaker | None:
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
        name = person_name(ent)
        titles = state.titles.get(_last(name), _NONE)
        if wanted <= titles:
            return _Speaker(name, "person", _last(name), titles, personal=True)
    return None


def _look_back(state: _State, kind: str) -> _Speaker | None:
    for speaker in reversed(state.speakers):
        if speaker.kind == kind:
            return speaker
    return None


def _antecedent(pronoun: Span, state: _State, gender: str | None) -> _Speaker | None:
    """ "she said" (``gender`` "f") or "they said" (None): the person the pronoun points at.

    The latest speaker who fits, unless someone who fits became a subject since: "Zareh,
    director of the centre, dismissed concerns ... 'The Gulf is not deep enough,' he was
    quoted as saying": Zareh is no speaker yet, but as the latest subject he is "he". Else the
    latest person who fits mentioned at all.
    """
    plural = gender is None

    def fits(s: _Speaker) -> bool:
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
    if speaker is not None:
        return speaker
    named = [s for m, s in seen if m.named]
    return named[-1] if named else None


def _mentioned(mention: Mention, doc: Doc, state: _State) -> _Speaker:
    """The speaker a mention of a person would be: a named person, or the description."""
    head = doc[mention.head]
    if mention.named:
        return _person(doc[mention.start : mention.end], state)
    return _describe(head, doc[mention.start : mention.end], state)


def _person(ent: Span, state: _State) -> _Speaker:
    written = person_name(ent)
    name = with_family_name(ent, written) if len(written.split()) == 1 else written
    key = _last(name)
    titles = state.titles.get(key, _NONE)
    return _Speaker(
        name,
        "person",
        key,
        titles,
        last_seen=ent.start,
        gender=state.genders.get(written.lower(), state.genders.get(key)),
        personal=True,
    )


def _last(name: str) -> str:
    return last_name(name)
