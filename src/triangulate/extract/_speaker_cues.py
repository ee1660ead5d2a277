"""Finding attribution cues: which phrase of a sentence is credited, and what it vouches for.

A cue is a reporting verb with its subject ("Kakar said", "said Kakar", "X told Reuters",
"IRNA quoted X as saying", "police put the crowd at 30,000", 'called the cuts "savage"', "the
poll showed", "60 percent responded yes"), or a relayed source ("according to the UN", "a
report by PICSS", "the ministry's estimate", "according to the charge sheet"). Any verb whose
clause is a direct quote reports it ('"...!" Papandreou thundered', '"...," they chanted').
"X issued a statement" names who speaks in the quotes that follow, without vouching for its
own words (as do the introductions of :mod:`triangulate.extract._speaker_intros`, and a
speaker who says nothing: "didn't say why", "declined to say"). Each cue names the speaker
phrase's head and extent, one per coordinated speaker
(:mod:`triangulate.extract._speaker_phrases`; its subject from
:mod:`triangulate.extract._speaker_subjects`), and the token range the attribution covers.
Who the phrase stands for (pronouns, "the official", a poll) is decided by
:mod:`triangulate.extract.speakers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triangulate.extract._speaker_phrases import (
    MAX_DESCRIPTION_TOKENS,
    Cue,
    is_person,
    make_cue,
    object_of,
    source_behind,
)
from triangulate.extract._speaker_polls import answering_share, respondents
from triangulate.extract._speaker_subjects import subject_of
from triangulate.extract._speaker_words import (
    ALWAYS_SPEECH,
    CLAUSE_SPEECH,
    ESTIMATE_VERBS,
    FINDING_VERBS,
    INSCRIPTION_NOUNS,
    ISSUING_VERBS,
    NAMING_VERBS,
    QUOTING_VERBS,
    RELATIVE_PRONOUNS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    can_speak,
    entity_of,
)

if TYPE_CHECKING:
    from collections.abc import Container

    from spacy.tokens import Span, Token

__all__ = ["find_cues"]

_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
# Tokens a speaker, with a relative clause of its own, may run between a quote and its verb.
_MAX_SPEAKER_RUN = 25


def find_cues(sent: Span, quoted: Container[int] = ()) -> list[Cue]:
    """The speaker phrases of the sentence, one per phrase, none inside quote marks.

    A speaker inside ``quoted`` tokens belongs to the quoted speaker's own story.
    """
    whole = (sent.start, sent.end)
    found: list[Cue] = []
    for token in sent:
        if token.lower_ == "according":
            agent = object_of(token, "to")
            if agent is not None:
                found.append(make_cue(source_behind(agent) or agent, "according to", whole))
        elif token.lower_ == "reportedly" and token.head.pos_ in {"VERB", "AUX"}:
            # "the Nationals reportedly have bid $160 million": unnamed reports vouch for it.
            verb = token.head
            found.append(make_cue(token, "reportedly", (verb.left_edge.i, verb.right_edge.i + 1)))
        elif token.pos_ in {"VERB", "AUX"} or _read_as_noun(token):
            found.extend(_verb_cue(token, sent, quoted))
        elif token.lemma_.lower() in SOURCE_NOUNS and token.pos_ == "NOUN":
            agent = source_behind(token)
            if agent is not None and entity_of(agent) is not None:
                found.append(make_cue(agent, f"{token.lemma_.lower()} by", whole))
    found = [c for c in found if c.parts[0][0] not in quoted]
    unique: dict[tuple[int, int], Cue] = {}
    for cue in found:
        unique.setdefault(cue.extent, cue)
    return list(unique.values())


def _verb_cue(verb: Token, sent: Span, quoted: Container[int]) -> list[Cue]:
    """The cue a verb makes, if any: it reports speech, quotes, or issues a statement."""
    lemma = verb.lemma_.lower()
    if lemma == "read":
        return _inscription(verb, quoted, sent)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return []  # "without really saying why she was going in"
    direct = _governs_quote(verb, quoted) or (
        lemma in QUOTING_VERBS | ALWAYS_SPEECH and _quotes_after(verb)
    )
    if direct or _reports_speech(verb):
        subject = subject_of(verb)
        if verb.i not in quoted and (subject is None or subject.i in quoted):
            # The parser hung the speaker on the quote: '"...," a source with knowledge of
            # the talks said', '"...," Osman-aga, who herds camels, told Reuters'.
            subject = _named_after(verb, quoted) or _named_before(verb, quoted) or subject
        # A subject inside quote marks is the quoted speaker's own ("“He said, ‘Thank you.’”");
        # a verb there with its subject outside is a partial quote ('Palin “told a pastor”').
        if subject is not None and subject.i not in quoted:
            cover = None if _withheld(verb) else _coverage(verb, subject, sent)
            return [make_cue(subject, lemma, cover, direct=direct)]
    elif _issues_statement(verb):
        subject = subject_of(verb)
        if subject is not None:
            return [make_cue(subject, "statement", None)]
    elif (share := answering_share(verb)) is not None:
        return [make_cue(share, lemma, _coverage(verb, share, sent))]
    return []


def _read_as_noun(token: Token) -> bool:
    """ "Banners in the main square read: “...”": the tagger's noun "read" with a subject."""
    return token.lower_ in {"read", "reads"} and any(c.dep_ == "nsubj" for c in token.children)


def _inscription(verb: Token, quoted: Container[int], sent: Span) -> list[Cue]:
    """ "banners reading "Peoples of Europe, Rise Up."", "signs that read "...."", '"...," a
    statement reads': what is written on a sign or in a document is its bearer's to say."""
    if not (_governs_quote(verb, quoted) or _quotes_after(verb) or _next_to_quote(verb)):
        return []
    bearer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.dep_ in {"acl", "relcl"} and (bearer is None or bearer.lower_ in RELATIVE_PRONOUNS):
        bearer = verb.head
    if bearer is None or bearer.lemma_.lower() not in INSCRIPTION_NOUNS | SOURCE_NOUNS:
        return []
    # A document vouches for the figures its sentence reads out; a sign only for its slogan.
    cover = _coverage(verb, bearer, sent) if bearer.lemma_.lower() in SOURCE_NOUNS else None
    return [make_cue(bearer, "read", cover, direct=True)]


def _reports_speech(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in ALWAYS_SPEECH:
        return True
    if lemma in QUOTING_VERBS:
        return _quotes_after(verb)
    if lemma in FINDING_VERBS and any(  # "the poll showed", "the report found"
        c.dep_ == "nsubj" and c.lemma_.lower() in SOURCE_NOUNS for c in verb.children
    ):
        return True
    if (
        lemma in ESTIMATE_VERBS
        and any(c.dep_ == "dobj" for c in verb.children)
        and any(t.lower_ == "at" and any(n.like_num for n in t.subtree) for t in verb.subtree)
    ):
        return True
    if lemma not in CLAUSE_SPEECH:
        return False
    if any(child.dep_ in _CLAUSE_DEPS for child in verb.children):
        return True
    # '"...," the ministry stressed' hangs the quote on the verb's head, not under it; but
    # "officers responded to calls ... in an “active shooter” situation" reports nothing.
    return (
        verb.dep_ in _CLAUSE_DEPS
        or _quotes_under(verb)
        or _next_to_quote(verb)
        or any(_quoting_participle(c) for c in verb.children)
    )


def _quoting_participle(token: Token) -> bool:
    """ "announced the news on Twitter, writing, "It's official"": the tagger's noun
    "writing" quotes for the verb it hangs on."""
    word = token.lower_
    if token.dep_ != "advcl" or not word.endswith("ing"):
        return False
    stems = {token.lemma_.lower(), word[:-3], word[:-3] + "e"}
    return bool(stems & SPEECH_VERBS) and any(_is_mark(t) for t in token.subtree)


def _next_to_quote(verb: Token) -> bool:
    """A quote mark right beside the verb: '"...," the ministry stressed' (only the subject
    between), 'announced it on Twitter, writing, "It's official"' (only punctuation)."""
    doc = verb.doc
    subject = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    i = verb.i - 1
    while i >= 0 and (i in subject or (doc[i].is_punct and not doc[i].is_quote)):
        i -= 1
    if i >= 0 and _is_mark(doc[i]) and i < verb.i - 1:
        return True
    i = verb.i + 1
    while i < len(doc) and doc[i].text in {",", ":"}:
        i += 1
    return i < len(doc) and _is_mark(doc[i]) and i > verb.i + 1


def _governs_quote(verb: Token, quoted: Container[int]) -> bool:
    """'"...!" Papandreou thundered': the verb's own clause is the quote, whatever the verb."""
    return verb.i not in quoted and any(
        c.i in quoted
        and _opens_in_quote(c, quoted)
        and (c.dep_ in {"ccomp", "parataxis"} or (c.dep_ == "advcl" and _closes_quote(c)))
        for c in verb.children
    )


def _closes_quote(clause: Token) -> bool:
    """'“Please stay out of our community,” Williams fumed': the quote ends with the clause."""
    doc = clause.doc
    i = clause.right_edge.i + 1
    while i < len(doc) and doc[i].is_punct and not doc[i].is_quote:
        i += 1
    return i < len(doc) and _is_mark(doc[i])


def _opens_in_quote(clause: Token, quoted: Container[int]) -> bool:
    """Whether the whole clause is quoted: not 'let fans know that “torches ... necessary”'."""
    first = clause.left_edge
    return first.i in quoted or (first.is_quote and first.i + 1 in quoted)


def _issues_statement(verb: Token) -> bool:
    """ "Gordon Advisors issued a statement": the issuer speaks in the quotes that follow."""
    return verb.lemma_.lower() in ISSUING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SOURCE_NOUNS for c in verb.children
    )


def _is_mark(token: Token) -> bool:
    """A quote mark, not the apostrophe of a possessive ("Boras' bluff", "the 76ers' view")."""
    return token.is_quote and token.pos_ == "PUNCT"


def _quotes_after(verb: Token) -> bool:
    """Whether the verb's words are in quote marks beside it: under it, naming its object, or
    right beside an outcry or a plea the parser hung elsewhere ('had yelled, "Hide, she's got
    a gun!"', '"Please, no violence," she pleaded')."""
    if _quotes_under(verb) or _names_quote(verb):
        return True
    return verb.lemma_.lower() not in NAMING_VERBS and _next_to_quote(verb)


def _names_quote(verb: Token) -> bool:
    """'called the mechanic a hero who "did a phenomenal job"': a quote describes the object."""
    return verb.lemma_.lower() in NAMING_VERBS and any(
        _is_mark(t) for c in verb.children if c.dep_ in {"dobj", "oprd"} for t in c.subtree
    )


def _quotes_under(token: Token) -> bool:
    """Whether quote marks follow the verb within its own clause (not a clause hung on it)."""
    return any(
        _is_mark(c) or _quotes_under(c)
        for c in token.rights
        if c.dep_ not in {"relcl", "acl", "advcl", "conj"}
    )


def _named_after(verb: Token, quoted: Container[int]) -> Token | None:
    """'"...," said Christina Greenway, daughter of ...': the speaker the parser hung elsewhere.

    Only right after a quote: the name or noun phrase that follows the verb ("echoed a
    second representative", "said one young man, a helmet covering his hair").
    """
    doc = verb.doc
    before = verb.i - 1
    while before >= 0 and doc[before].is_punct and before not in quoted:
        before -= 1
    if before < 0 or before not in quoted or not doc[verb.i - 1].is_quote:
        return None
    window = doc[verb.i + 1 : verb.i + MAX_DESCRIPTION_TOKENS]
    for token in window:  # "said ABC Entertainment Group prexy Paul Lee": the person
        if token.is_punct:
            break
        if is_person(token):
            return token
    for token in window:
        if token.pos_ in {"PUNCT", "VERB", "AUX", "ADP", "SCONJ"}:
            return None
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ != "compound":
            # not '"We heard pop, pop, pop," smelled gunpowder and heard ...'
            speaks = entity_of(token) is not None or can_speak(token)
            return token if speaks else None
    return None


def _named_before(verb: Token, quoted: Container[int]) -> Token | None:
    """'"...," a source with knowledge of the talks said': the parser hung the speaker, between
    the closing mark and the verb, on the quote. The first noun phrase after the mark speaks.
    """
    doc = verb.doc
    mark = verb.i - 1
    while mark >= 0 and not _is_mark(doc[mark]):
        if mark in quoted or verb.i - mark > _MAX_SPEAKER_RUN:
            return None
        mark -= 1
    inside = mark - 1  # the quote's last word, before its own comma: '"...," a source'
    while inside >= 0 and doc[inside].is_punct and not doc[inside].is_quote:
        inside -= 1
    if inside < 0 or inside not in quoted:
        return None
    window = doc[mark + 1 : verb.i]
    if any(t.is_space or t.text in {".", "!", "?"} for t in window):
        return None  # not across a sentence's end: '”, Hefner said. ¶ Page, who claimed'
    for token in window:
        if token.pos_ in {"VERB", "AUX", "ADP", "SCONJ", "PRON"}:
            return None
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ != "compound":
            return token if entity_of(token) is not None or can_speak(token) else None
    return None


def _withheld(verb: Token) -> bool:
    """ "Investigators didn't say why Hiller, a 15-year employee, was suspended", "declined to
    say": a speaker who says nothing vouches for nothing in the sentence."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in {"decline", "refuse"}


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
    # "1 dead, 2 hurt in office shooting; police say suspect had worked there": a clause
    # before a semicolon is not the speaker's.
    first = min(subject.left_edge.i, verb.i)
    left = max([left, *(t.i + 1 for t in sent.doc[left:first] if t.text == ";")])
    while left < right and sent.doc[left].is_punct:
        left += 1
    # The speaker's own description is not vouched for, but a share of those polled is the
    # poll's finding ("55 percent of respondents said").
    own = subject.i < verb.i and not respondents(subject)
    if own and subject.left_edge.i <= left < subject.right_edge.i + 1 < right:
        left = subject.right_edge.i + 1
    if subject.i > verb.i:  # "..., said witness Angela Benson, who was 20 feet away."
        tails = [c.left_edge.i for c in subject.rights if c.dep_ in {"relcl", "appos", "acl"}]
        right = min([right, *tails])
    if verb.dep_ == "relcl" and verb.left_edge.i <= subject.i <= verb.right_edge.i:
        # "two regulations that environmentalists say weaken ...": only the clause is theirs.
        left, right = max(left, verb.left_edge.i), min(right, verb.right_edge.i + 1)
    right = _before_gloss(verb, sent.doc[left:right], right)
    return (left, right) if left < right else (sent.start, sent.end)


def _before_gloss(verb: Token, covered: Span, right: int) -> int:
    """Where the covered words end once the writer's closing gloss is cut off: a clause set
    off by a comma that explains a noun of the reported words ("... injured by the quake,
    which struck seven km east of Dargahan"; "... the rules, which take effect in 30 days";
    "... the Congressional Review Act, a rarely used law that gives Congress 60 days"), but
    not a restatement ("0.41, more than five times the legal limit")."""
    end = right
    doc = covered.doc
    while end > covered.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    for token in covered:
        first = token.left_edge
        if (
            token.dep_ in {"relcl", "appos"}
            and first.lower_ == ("which" if token.dep_ == "relcl" else "a")
            and first.i > covered.start
            and doc[first.i - 1].text == ","
            and token.head.i < first.i
            and verb.i < first.i
            and token.right_edge.i + 1 >= end
        ):
            return first.i - 1
    return right
