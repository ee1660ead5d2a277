"""The one speaker resolver: who each sentence credits, for figures and quotes alike.

Reads the dependency parse for reporting cues ("Kakar said", "said Kakar", "X told Reuters",
"according to the UN", "a report by PICSS", "the ministry's estimate", "IRNA quoted X as
saying", "police put the crowd at 30,000", 'cried "my child"', 'called the cuts "savage"') and
returns one :class:`~triangulate.types.Attribution` per cue; coordinated speakers are one
("officials and state media"). Pronouns and definite descriptions are resolved here, in
document order, so every later stage sees the same answer:

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

from triangulate.normalise.names import TITLE_WORDS, clean_name, strip_titles, word_set
from triangulate.types import Article, Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["SPEECH_VERBS", "find_attributions"]

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
    television tv radio press network station center centre institute survey service head
    firefighter fireman rescuer reporter protester demonstrator resident"""
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


@dataclass(frozen=True, slots=True)
class _Cue:
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
        return self.parts[0][1], max(end for _, _, end in self.parts)


def find_attributions(doc: Doc, article: Article) -> list[Attribution]:
    """Every attribution cue in ``doc``, in order, with pronouns and descriptions resolved."""
    state = _State(_titles_by_name(doc))
    found: list[Attribution] = []
    for sent in doc.sents:
        made = [_attribute(article, sent, cue, state) for cue in _cues(sent)]
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


def _cues(sent: Span) -> list[_Cue]:
    """The speaker phrases of the sentence, one per phrase."""
    whole = (sent.start, sent.end)
    found: list[_Cue] = []
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
        elif token.lemma_.lower() in _SOURCE_NOUNS and token.pos_ == "NOUN":
            agent = _source_behind(token)
            if agent is not None and _entity_of(agent) is not None:
                found.append(_cue(agent, f"{token.lemma_.lower()} by", whole))
    unique: dict[tuple[int, int], _Cue] = {}
    for cue in found:
        unique.setdefault(cue.extent, cue)
    return list(unique.values())


def _cue(head: Token, cue: str, cover: tuple[int, int]) -> _Cue:
    """A cue for ``head`` and the speakers coordinated with it ("officials and state media")."""
    heads = [
        head,
        *(
            c
            for c in head.conjuncts
            if c.i > head.i and c.pos_ in {"NOUN", "PROPN"} and c.lower_ not in TITLE_WORDS
        ),
    ]
    if _entity_of(head) is None and any(_is_person(h) for h in heads[1:]):
        # "businessman and blogger Andrew Halcro said": the nouns describe the one person.
        heads = [next(h for h in heads if _is_person(h))]
    return _Cue(tuple(_phrase(h) for h in heads), cue, cover)


def _is_person(token: Token) -> bool:
    entity = _entity_of(token)
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
    while not (_can_speak(noun) or _entity_of(noun)) and noun.dep_ == "pobj":
        noun = noun.head.head
    return noun if _can_speak(noun) or _entity_of(noun) else None


def _inverted_subject(verb: Token) -> Token | None:
    """ "..., reported The Express Tribune": the parser reads the name after the verb as object."""
    if verb.lemma_ in {"tell", "quote"}:
        return None
    for child in verb.rights:
        if child.dep_ == "dobj" and _entity_of(child) is not None:
            return child
    return None


def _coverage(verb: Token, subject: Token, sent: Span) -> tuple[int, int]:
    """Token range the reporting verb vouches for (see :class:`_Cue`)."""
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
    if token.lemma_.lower() not in _SOURCE_NOUNS:
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
    entity = _entity_of(head)
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


def _entity_of(token: Token) -> Span | None:
    if token.ent_iob_ == "O" or token.ent_type_ not in _NAMED:
        return None
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def _attribute(article: Article, sent: Span, cue: _Cue, state: _State) -> Attribution | None:
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
    relayed = cue == "according to" and head.lemma_.lower() in _SOURCE_NOUNS  # "... to reports"
    if head.pos_ == "NOUN" and (relayed or _can_speak(head)):
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
    if {lemma, noun.lower_} & (_SPEAKER_NOUNS | TITLE_WORDS):  # "media", lemma "medium"
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
