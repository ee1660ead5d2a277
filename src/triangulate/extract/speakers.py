"""The one speaker resolver: who each sentence credits, for figures and quotes alike.

Reads the dependency parse for reporting cues ("Kakar said", "said Kakar", "X told Reuters",
"according to the UN", "a report by PICSS", "the ministry's estimate", "IRNA quoted X as
saying", "police put the crowd at 30,000", 'cried "my child"', 'called the cuts "savage"') and
returns one :class:`~triangulate.types.Attribution` per cue; coordinated speakers are one
("officials and state media"). The cues are found by
:mod:`triangulate.extract._speaker_cues`; pronouns and definite descriptions are resolved here,
in document order, so every later stage sees the same answer:

* "he added" / "she said" -> the nearest previous named PERSON speaker (else the nearest PERSON
  mentioned before it);
* "it said" -> the nearest previous organisation speaker;
* "the official said" -> the most salient previous descriptive speaker with the same head noun
  ("a senior government official"), or a named speaker whose title has that noun ("the prime
  minister" -> "Anwar ul Haq Kakar"); otherwise the description is kept as written.

An attribution's ``sentence_start``/``sentence_end`` span what it vouches for: the reporting
clause, which may leave out the speaker's own description ("X, a pensioner who lives on 1,000
euros, said ..."), a clause joined to it ("A said X, but B said Y"), framing before it ("While
1.7 million lived there, officials said ..."); a relay next to a direct speaker ("X said ...,
IRNA reported") covers only its own words, so figures go to the direct speaker.

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

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from triangulate.extract._speaker_cues import (
    SOURCE_NOUNS,
    SPEECH_VERBS,
    Cue,
    can_speak,
    entity_of,
    find_cues,
)
from triangulate.normalise.names import TITLE_WORDS, clean_name, strip_titles, word_set
from triangulate.types import Article, Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["SPEECH_VERBS", "find_attributions"]

# Cues that credit a relayed source; a direct speaker in the same sentence is preferred.
SECONDARY_CUES = frozenset({"report", "according to", "report by"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_ORG_PRONOUNS = frozenset({"it"})
_MEDIA_NOUNS = word_set("paper newspaper daily weekly magazine broadcaster channel outlet tabloid")
_NONE: frozenset[str] = frozenset()


@dataclass(slots=True)
class _Speaker:
    """A resolved speaker as the document goes on: for pronoun and description look-back."""

    name: str
    kind: str  # "person" | "org" | "descriptive"
    head: str  # lower-case head noun ("official") or last name token
    titles: frozenset[str] = field(default_factory=frozenset)
    mentions: int = 1
    last_seen: int = -1  # token index of the latest mention


@dataclass(slots=True)
class _State:
    """What the resolver remembers while walking a document in order."""

    titles: dict[str, frozenset[str]]
    speakers: list[_Speaker] = field(default_factory=list)

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
    state = _State(_titles_by_name(doc))
    found: list[Attribution] = []
    for sent in doc.sents:
        made = [_attribute(article, sent, cue, state) for cue in find_cues(sent)]
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


def _attribute(article: Article, sent: Span, cue: Cue, state: _State) -> Attribution | None:
    doc = sent.doc
    speakers: list[_Speaker] = []
    for head, start, end in cue.parts:
        speaker = _resolve(doc[head], doc[start:end], cue.cue, state)
        if speaker is None:
            if not speakers:
                return None
            continue
        speaker.last_seen = max(speaker.last_seen, start)
        speakers.append(state.remember(speaker))
    first, last = cue.extent
    names = list(dict.fromkeys(s.name for s in speakers))
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


def _resolve(head: Token, phrase: Span, cue: str, state: _State) -> _Speaker | None:
    """Turn a speaker phrase into a speaker, looking back for pronouns and descriptions."""
    entity = entity_of(head)
    if entity is not None:  # before pronouns: the parser may call "ul" in a name a pronoun
        if entity.label_ == "PERSON":
            return _person(entity, state)
        name = clean_name(entity.text)
        if name.startswith("The ") and entity.start == entity.sent.start:
            name = name[4:]  # "The World Health Organization warned": "The" is the sentence's
        return _Speaker(name, "org", _last(name)) if name else None
    lower = head.lower_
    if head.pos_ == "PRON":
        if lower in _PERSON_PRONOUNS:
            return _antecedent(phrase, state)
        if lower in _ORG_PRONOUNS:
            return _look_back(state, "org")
        return None
    if lower in TITLE_WORDS or head.lemma_.lower() in TITLE_WORDS:
        return _describe(head, phrase, state)
    if head.pos_ == "PROPN":
        return _unnamed_proper(head, phrase)
    relayed = cue == "according to" and head.lemma_.lower() in SOURCE_NOUNS  # "... to reports"
    if head.pos_ == "NOUN" and (relayed or can_speak(head)):
        return _describe(head, phrase, state)
    return None


def _unnamed_proper(head: Token, phrase: Span) -> _Speaker | None:
    """A proper name NER missed: a person when a title precedes it ("governor Heydar X")."""
    start = head.i
    while start > phrase.start and phrase.doc[start - 1].pos_ == "PROPN":
        start -= 1
    titled = any(t.lower_ in TITLE_WORDS for t in phrase.doc[phrase.start : start])
    name = strip_titles(clean_name(phrase.doc[start : head.i + 1].text if titled else phrase.text))
    if not name:
        return None
    return _Speaker(name, "person" if titled else "org", _last(name))


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
        titled = _titled(state, phrase)
        if titled is not None:
            return titled
        if head in _MEDIA_NOUNS:  # "the paper said" after "daily Eleftherotypia warned"
            outlet = _look_back(state, "org")
            if outlet is not None:
                return outlet
    if phrase[0].pos_ == "DET":  # "A senior official said" -> "a senior official"
        text = first + text[len(phrase[0].text) :]
    return _Speaker(text, "descriptive", head)


def _titled(state: _State, phrase: Span) -> _Speaker | None:
    """ "the prime minister said" -> the latest named person who carries that title."""
    wanted = {t.lower_ for t in phrase if t.lower_ in TITLE_WORDS and t.pos_ != "DET"}
    if not wanted:
        return None
    for speaker in reversed(state.speakers):
        if speaker.kind == "person" and wanted <= speaker.titles:
            return speaker
    people = [e for e in phrase.doc.ents if e.label_ == "PERSON" and e.end <= phrase.start]
    for ent in reversed(people):
        name = strip_titles(clean_name(ent.text))
        titles = state.titles.get(_last(name), _NONE)
        if wanted <= titles:
            return _Speaker(name, "person", _last(name), titles)
    return None


def _look_back(state: _State, kind: str) -> _Speaker | None:
    for speaker in reversed(state.speakers):
        if speaker.kind == kind:
            return speaker
    return None


def _antecedent(pronoun: Span, state: _State) -> _Speaker | None:
    """ "he said": the latest person speaker, unless a person became a subject since.

    "Zareh, director of the centre, dismissed concerns ... 'The Gulf is not deep enough,' he
    was quoted as saying": Zareh is no speaker yet, but as the latest subject he is "he".
    """
    speaker = _look_back(state, "person")
    subjects = [
        e
        for e in pronoun.doc.ents
        if e.label_ == "PERSON"
        and e.end <= pronoun.start
        and any(t.dep_ in {"nsubj", "nsubjpass"} for t in e)
    ]
    if subjects and (speaker is None or subjects[-1].start > speaker.last_seen):
        return _person(subjects[-1], state)
    if speaker is not None:
        return speaker
    people = [e for e in pronoun.doc.ents if e.label_ == "PERSON" and e.end <= pronoun.start]
    return _person(people[-1], state) if people else None


def _person(ent: Span, state: _State) -> _Speaker:
    name = strip_titles(clean_name(ent.text))
    titles = state.titles.get(_last(name), _NONE)
    return _Speaker(name, "person", _last(name), titles, last_seen=ent.start)


def _titles_by_name(doc: Doc) -> dict[str, frozenset[str]]:
    """Title words written before each person's name anywhere in the document."""
    found: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        words = {t.lower_ for t in ent if t.lower_ in TITLE_WORDS}
        i = ent.start - 1
        while i >= 0 and (doc[i].lower_ in TITLE_WORDS or doc[i].text == ","):
            words.add(doc[i].lower_)
            i -= 1
        for child in ent.root.children:  # "Kakar, the prime minister," (apposition)
            if child.dep_ == "appos":
                words.update(t.lower_ for t in child.subtree if t.lower_ in TITLE_WORDS)
        found.setdefault(_last(strip_titles(clean_name(ent.text))), set()).update(words)
    return {name: frozenset(words) for name, words in found.items()}


def _last(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""
