"""The one speaker resolver: who each sentence credits, for figures and quotes alike.

Reads the dependency parse for reporting cues ("Kakar said", "said Kakar", "X told Reuters",
"according to the UN", "a report by PICSS", "the ministry's estimate") and returns one
:class:`~triangulate.types.Attribution` per cue. Pronouns and definite descriptions are resolved
here, in document order, so every later stage sees the same answer:

* "he added" / "she said" -> the nearest previous named PERSON speaker (else the nearest PERSON
  mentioned before it);
* "it said" -> the nearest previous organisation speaker;
* "the official said" -> the most salient previous descriptive speaker with the same head noun
  ("a senior government official"), or a named speaker whose title has that noun ("the prime
  minister" -> "Anwar ul Haq Kakar"); otherwise the description is kept as written.

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

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from triangulate.normalise.names import TITLE_WORDS, clean_name, strip_titles, word_set
from triangulate.types import Article, Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["SPEECH_VERBS", "find_attributions"]

# Verbs that report speech whatever follows them.
_ALWAYS_SPEECH = word_set(
    """say tell add state note explain warn confirm reiterate declare reply respond
    comment tweet remark affirm testify insist"""
)
# Verbs that report speech only with a reported clause ("stressed that ...", not "stressed
# security concerns"; "revealed that ...", not "developments have revealed the consequences").
_CLAUSE_SPEECH = word_set(
    """highlight reveal claim stress emphasise emphasize argue report acknowledge admit deny
    estimate predict caution suggest mention assert maintain write recall allege concede
    disclose observe vow pledge announce clarify cry shout chant scream yell exclaim"""
)
# Verbs that quote only when the quote marks hang on them: 'called the cuts "savage attacks"'.
_NAMING_VERBS = word_set("call describe dub brand label term")
# Verbs that state an estimate with "at": "police put the crowd at 30,000".
_ESTIMATE_VERBS = word_set("put place peg")
SPEECH_VERBS = _ALWAYS_SPEECH | _CLAUSE_SPEECH
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
# Nouns that carry a source's words: "a report by PICSS", "the UN's estimate".
_SOURCE_NOUNS = word_set(
    """report statement warning estimate data figures survey study analysis assessment
    announcement census tally count research findings"""
)
# Cues that credit a relayed source; a direct speaker in the same sentence is preferred.
SECONDARY_CUES = frozenset({"report", "according to", "report by"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_ORG_PRONOUNS = frozenset({"it"})
_MAX_DESCRIPTION_TOKENS = 9
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NONE: frozenset[str] = frozenset()
# Heads of descriptive speakers; plus agent-like suffixes ("analyst", "resident", "spokesman").
_SPEAKER_NOUNS = word_set(
    """official police authority government administration ministry department agency source
    witness expert analyst leader lawmaker diplomat envoy prosecutor investigator doctor
    survivor relative family friend lawyer court company firm group organisation organization
    party military commission committee council office embassy team union aide adviser
    advisor people person man woman member observer monitor regime cabinet parliament media
    television tv radio press network station center centre institute survey service"""
)
# Prepositions whose phrase still describes the speaker: "a woman in Qeshm", "a spokesman for
# the ministry", "a woman outside the bank"; not "on Monday" or "after the attack".
_SPEAKER_PREPS = word_set("for of at from in outside near inside")
# Dependents that open a clause of their own inside a noun phrase: not part of the description.
_CLAUSE_PARTS = frozenset({"relcl", "acl", "appos", "punct", "advcl"})
_RELATIVE = frozenset({"who", "which", "that"})
_MEDIA_NOUNS = word_set("paper newspaper daily weekly magazine broadcaster channel outlet tabloid")
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ent", "ant", "ary")
_NON_AGENT_SUFFIXES = ("ment", "ber", "der", "ter", "ther", "nor")


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
        for head, start, end, cue in _cues(sent):
            attribution = _attribute(article, sent, doc[head], doc[start:end], cue, state)
            if attribution is not None:
                found.append(attribution)
    return found


def _cues(sent: Span) -> list[tuple[int, int, int, str]]:
    """(head token, first token, last token + 1, cue) of each speaker phrase in the sentence."""
    found: list[tuple[int, int, int, str]] = []
    for token in sent:
        if token.pos_ in {"VERB", "AUX"} and _reports_speech(token):
            subject = _subject(token)
            if subject is not None:
                found.append((*_phrase(subject), token.lemma_.lower()))
        elif token.lower_ == "according":
            agent = _object_of(token, "to")
            if agent is not None:
                agent = _source_behind(agent) or agent
                found.append((*_phrase(agent), "according to"))
        elif token.lemma_.lower() in _SOURCE_NOUNS and token.pos_ == "NOUN":
            agent = _object_of(token, "by", "from", "of") or _possessor(token)
            if agent is not None and _entity_of(agent) is not None:
                found.append((*_phrase(agent), f"{token.lemma_.lower()} by"))
    unique: dict[tuple[int, int], tuple[int, int, int, str]] = {}
    for cue in found:
        unique.setdefault(cue[1:3], cue)
    return list(unique.values())


def _reports_speech(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in _ALWAYS_SPEECH:
        return True
    if lemma not in _CLAUSE_SPEECH:
        return False
    if any(child.dep_ in _CLAUSE_DEPS for child in verb.children):
        return True
    # '"...," the ministry stressed' hangs the quote on the verb's head, not under it.
    return verb.dep_ in _CLAUSE_DEPS or any(t.is_quote for t in verb.sent)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the clause a participle hangs on.

    "Kakar said" -> Kakar; "Papoulias condemned the violence, saying ..." and "the official
    downplayed the unrest saying ..." -> the subject of "condemned" / "downplayed"; "he was
    quoted as saying" -> he.
    """
    for _ in range(3):
        for child in verb.children:
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and verb.lemma_ == "quote"):
                return child
        if verb.dep_ == "acl" and verb.head.dep_ == "dobj":
            verb = verb.head.head  # "downplayed [the unrest] saying": skip the object
        elif verb.dep_ in {"conj", "advcl", "xcomp", "pcomp", "prep"} and verb.head is not verb:
            verb = verb.head
        else:
            return None
    return None


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
    """ "according to a report by PICSS" credits PICSS, not the report."""
    if token.lemma_.lower() in _SOURCE_NOUNS:
        return _object_of(token, "by", "from", "of") or _possessor(token)
    return None


def _phrase(head: Token) -> tuple[int, int, int]:
    """The speaker's noun phrase: the head with its left modifiers and a short of/for tail."""
    for child in head.children:
        # "Pakistan's Caretaker Prime Minister, Anwar ul Haq Kakar, said": the name speaks.
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and head.ent_type_ != "PERSON":
            head = child
            break
    entity = _entity_of(head)
    if entity is not None:
        return head.i, entity.start, entity.end
    left = head.i
    for child in head.lefts:
        if child.dep_ in {"det", "amod", "compound", "nmod", "poss", "nummod"}:
            left = min(left, child.left_edge.i)
    right = head.i + 1
    for child in head.rights:
        short = child.right_edge.i + 1 - left <= _MAX_DESCRIPTION_TOKENS
        if child.dep_ == "prep" and child.lower_ in {"for", "of", "at", "from", "in"} and short:
            right = child.right_edge.i + 1
        break
    return head.i, left, right


def _entity_of(token: Token) -> Span | None:
    if token.ent_iob_ == "O" or token.ent_type_ not in _NAMED:
        return None
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def _attribute(
    article: Article, sent: Span, head: Token, phrase: Span, cue: str, state: _State
) -> Attribution | None:
    speaker = _resolve(head, phrase, state)
    if speaker is None:
        return None
    speaker.last_seen = max(speaker.last_seen, phrase.start)
    speaker = state.remember(speaker)
    return Attribution(
        doc_id=article.id,
        start=phrase.start_char,
        end=phrase.end_char,
        speaker=speaker.name,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        cue=cue,
        descriptive=speaker.kind == "descriptive",
    )


def _resolve(head: Token, phrase: Span, state: _State) -> _Speaker | None:
    """Turn a speaker phrase into a speaker, looking back for pronouns and descriptions."""
    entity = _entity_of(head)
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
    if head.pos_ == "NOUN" and _can_speak(head):
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


def _can_speak(noun: Token) -> bool:
    """Whether a common noun can head a speaker ("officials", "police"), not "developments"."""
    lemma = noun.lemma_.lower()
    if lemma in _SPEAKER_NOUNS or lemma in TITLE_WORDS:
        return True
    return lemma.endswith(_AGENT_SUFFIXES) and not lemma.endswith(_NON_AGENT_SUFFIXES)


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
