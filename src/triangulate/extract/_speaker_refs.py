"""What a pronoun may point at: the people a document mentions, their gender and titles.

"she said" must not go to the latest speaker when he is a man: the gender of each named
person is read from the document (gendered titles and nouns beside the name: "Mrs", "actress
Tara Reid", "Kafoury's son, Charlie"; a pronoun that can only mean them: "Bettie Page has died.
She was 85.") and from a short list of common English given names that are one gender's only
("Mark Roesler"). A name the list lacks gives no evidence; nothing is guessed. Words inside
quote marks are the quoted speaker's own (their "he" and their "Catherine" are not the
article's) and give no evidence. Also here: the titles written before each name ("the prime
minister said" finds "Prime Minister Kakar") and a first name's family name ("Kafoury's son,
Charlie" is Charlie Kafoury).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from triangulate.extract._speaker_phrases import aged
from triangulate.extract._speaker_words import ORG_NOUNS, PERSON_NOUNS, entity_of, ner_slip
from triangulate.normalise.names import (
    LEGAL_FORMS,
    NAME_SUFFIXES,
    TITLE_WORDS,
    clean_name,
    strip_titles,
    word_set,
)

if TYPE_CHECKING:
    from collections.abc import Container, Sequence

    from spacy.tokens import Doc, Span, Token

__all__ = [
    "Mention",
    "gender_of_noun",
    "last_name",
    "main_organisation",
    "mentions",
    "person_genders",
    "person_name",
    "quoted_tokens",
    "titles_by_name",
    "with_family_name",
]

_MALE = word_set(
    """mr sir lord king prince he him his himself man boy father son husband brother uncle
    nephew grandfather grandson actor spokesman chairman businessman congressman policeman
    fireman boyfriend gentleman widower stepfather dad stepson"""
)
_FEMALE = word_set(
    """mrs ms miss dame lady queen princess she her hers herself woman girl mother daughter
    wife sister aunt niece grandmother granddaughter actress spokeswoman chairwoman
    businesswoman congresswoman policewoman girlfriend widow stepmother mom stepdaughter"""
)
# Common given names of one gender only (ambiguous ones such as Jordan or Jean left out).
_MALE_NAMES = word_set(
    """james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven steve paul andrew joshua kenneth kevin brian
    george timothy ronald edward jason jeffrey jeff ryan jacob gary nicholas eric jonathan
    stephen larry justin scott brandon benjamin samuel gregory frank patrick raymond jack
    dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle walter noah
    jeremy keith roger gerald harold sean carl arthur lawrence bruce albert alan juan wayne
    randy roy vincent ralph eugene russell bobby philip louis harry hugh tony mike bill bob
    tom jim dave ed ted fred greg ken ron rick dan matt nick tim ben neil colin barry billy
    howard gene leonard stanley martin craig glenn todd dale earl jimmy johnny ahmed mohammed
    muhammad ali hassan omar"""
)
_FEMALE_NAMES = word_set(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
    betty bettie margaret sandra ashley kimberly emily donna michelle carol amanda dorothy
    melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna
    brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
    catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
    christina joan evelyn judith megan cheryl hannah jacqueline martha gloria teresa ann
    anne sara frances kathryn janice abigail alice judy sophia grace denise amber doris
    marilyn danielle beverly isabella theresa diana natalie charlotte marie lori ellen
    hillary tara lindsay britney esther kellie charlene michele madeline ilene francesca
    janette valentina fatima aisha"""
)
# Relatives whose apposition names a family member: "Kafoury's son, Charlie" is a Kafoury.
_KIN_NOUNS = word_set("son daughter wife husband brother sister mother father widow widower")
_SUBJECT_PRONOUNS = {"he": "m", "she": "f"}
_REFLEXIVE = {"himself": "m", "herself": "f"}
_STRONG = 3  # a gendered title or noun outweighs a few pronouns


@dataclass(frozen=True, slots=True)
class Mention:
    """A person (named or described) the article itself mentions, outside quote marks."""

    start: int  # first token
    end: int
    head: int  # the token that carries the mention's role in the sentence
    named: bool  # a PERSON entity, else a description ("Nichols' mother", "a witness")
    subject: bool  # the subject of its clause ("O'Connor, who coproduced ..." counts)


_SLIPPED_LABELS = frozenset({"ORG", "GPE", "NORP"})
_TITLE_REACH = 4  # tokens a title may stand before the name: "Secretary of the Interior X"
# Last words of bodies' names that ORG_NOUNS leaves out.
_ORG_ENDINGS = LEGAL_FORMS | word_set(
    """bank times post news herald journal tribune association foundation university college
    school hospital society club fund trust"""
)


def person_name(ent: Span) -> str:
    """A person's name as written, without titles nor what NER took in with it.

    "32-year-old protester Paris Kyriakides", "Secretary of the Interior Dirk Kempthorne",
    "Lawyer Alexis Kougias" and "Steve Cooley of Los Angeles" are Paris Kyriakides, Dirk
    Kempthorne, Alexis Kougias and Steve Cooley.
    """
    doc = ent.doc
    # "Secretary of the | Interior Ken Salazar": NER took in the end of the title.
    slipped = ent.label_ != "PERSON" and len(ent) > 2
    start = int(slipped and ent.start > 0 and doc[ent.start - 1].lower_ in {"of", "the"})
    for k, token in enumerate(ent[:-1]):
        word = token.lower_
        titles = all(t.lower_ in TITLE_WORDS | {"of", "the"} for t in ent[start:k])
        if (
            (word in {"of", "the"} and titles)
            or any(ch.isdigit() for ch in word)
            or (word in PERSON_NOUNS and (token.is_lower or k == 0))
        ):
            start = k + 1
    end = next((k for k in range(start + 1, len(ent)) if ent[k].lower_ == "of"), len(ent))
    return strip_titles(clean_name(ent[start:end].text))


def _people(doc: Doc, quoted: Container[int]) -> list[Span]:
    """The PERSON entities of the article's own words, outside quote marks; a name NER took
    for a body or place is a person's when an age goes with it ("25-year-old Guzel")."""
    return [
        e
        for e in doc.ents
        if e.start not in quoted and ((e.label_ == "PERSON" and not ner_slip(e)) or _aged_name(e))
    ]


def _aged_name(ent: Span) -> bool:
    """A name NER took for a body or a place that an age, a person noun or a title goes with."""
    return ent.label_ in _SLIPPED_LABELS and (
        (ent.root.pos_ == "PROPN" and aged(ent.root)) or titled_name(ent)
    )


def titled_name(ent: Span) -> bool:
    """ "Secretary of the Interior Ken Salazar", NER's ORG "Interior Ken Salazar": a body's
    name ends in a noun ("Service"), a person's in two proper names after a title."""
    if ent.label_ not in _SLIPPED_LABELS or len(ent) < 2:
        return False
    last, before = ent[-1], ent[-2]
    if not (last.pos_ == before.pos_ == "PROPN" and last.is_title and before.is_title):
        return False
    if last.lower_ in ORG_NOUNS or last.lower_ in _ORG_ENDINGS:
        return False
    doc = ent.doc
    return ent[0].lower_ in TITLE_WORDS or any(
        doc[i].lower_ in TITLE_WORDS for i in range(max(0, ent.start - _TITLE_REACH), ent.start)
    )


def quoted_tokens(doc: Doc, spans: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens that lie inside the given quote spans (character offsets)."""
    starts = [s for s, _ in spans]
    inside: set[int] = set()
    for token in doc:
        k = bisect_right(starts, token.idx) - 1
        if k >= 0 and token.idx < spans[k][1]:
            inside.add(token.i)
    return frozenset(inside)


def last_name(name: str) -> str:
    """The lower-case surname of a name: the key people are known by in one document."""
    words = [w for w in name.lower().split() if w.rstrip(".,") not in NAME_SUFFIXES]
    return words[-1] if words else ""


def gender_of_noun(word: str) -> str | None:
    """ "m" for "spokesman", "f" for "widow", None for "official"."""
    lower = word.lower().rstrip(".")
    if lower in _MALE:
        return "m"
    if lower in _FEMALE:
        return "f"
    return None


def person_genders(doc: Doc, quoted: Container[int]) -> dict[str, str]:
    """Gender of each named person where the document shows it, by lower-case name.

    A surname alone ("Page") stands for the one full name that ends with it; where two people
    share it ("Jerry Ortiz", his widow "Chela Ortiz") it is no key, and neither lends the other
    a gender.
    """
    people = _people(doc, quoted)
    names = {e.start: person_name(e).lower() for e in people}
    owners: dict[str, set[str]] = {}
    for name in names.values():
        if len(name.split()) > 1:
            owners.setdefault(last_name(name), set()).add(name)

    def full(name: str) -> str:
        found = owners.get(last_name(name), set())
        return next(iter(found)) if len(name.split()) == 1 and len(found) == 1 else name

    votes: dict[str, Counter[str]] = {}
    for ent in people:
        name = names[ent.start]
        given = name.split()[0] if len(name.split()) > 1 else ""
        for gender in [gender_of_noun(w.lower_) for w in _beside(ent)] + [_given(given)]:
            if gender is not None:
                votes.setdefault(full(name), Counter())[gender] += _STRONG
    for ent, gender in _pronoun_follow_ups(doc, people, quoted):
        votes.setdefault(full(names[ent.start]), Counter())[gender] += 1
    found = {}
    for name, counts in votes.items():
        ranked = counts.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            found[name] = ranked[0][0]
            if len(owners.get(last_name(name), ())) <= 1:
                found.setdefault(last_name(name), ranked[0][0])
    return found


def _given(name: str) -> str | None:
    if name in _MALE_NAMES:
        return "m"
    return "f" if name in _FEMALE_NAMES else None


def _beside(ent: Span) -> list[Token]:
    """Words that describe the person in place: titles and nouns before it, its apposition."""
    doc = ent.doc
    words = list(ent[:-1])  # "Mrs Page", not the surname of "Tishana King"
    i = ent.start - 1
    while i >= 0 and doc[i].pos_ in {"NOUN", "PROPN", "ADJ"} and doc[i].ent_type_ != "PERSON":
        words.append(doc[i])  # "actress Tara Reid", "Team spokesman Tim Mead"
        i -= 1
    root = ent.root
    words.extend(c for c in root.children if c.dep_ == "appos")  # "Mark Roesler, her agent"
    if root.dep_ == "appos":
        words.append(root.head)  # "Kafoury's son, Charlie"
    return words


def _pronoun_follow_ups(
    doc: Doc, people: list[Span], quoted: Container[int]
) -> list[tuple[Span, str]]:
    """(person, gender) where a pronoun can only mean the one person a sentence names.

    "Bettie Page has died, her agent said. ¶ She was 85." and "Tara Reid checked herself
    in". Not "Hefner said she was a remarkable lady": a reported clause is often about
    someone else.
    """
    found = []
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        inside = [e for e in people if sent.start <= e.start < sent.end]
        if len({last_name(e.text) for e in inside}) != 1:
            continue
        for token in sent:
            if token.i >= inside[-1].end and token.i not in quoted and token.lower_ in _REFLEXIVE:
                found.append((inside[-1], _REFLEXIVE[token.lower_]))
        following = sents[n + 1][0] if n + 1 < len(sents) else None
        if (
            following is not None
            and following.i not in quoted
            and following.lower_ in _SUBJECT_PRONOUNS
            and following.dep_ in {"nsubj", "nsubjpass"}
        ):
            found.append((inside[-1], _SUBJECT_PRONOUNS[following.lower_]))
    return found


def mentions(doc: Doc, quoted: Container[int], personal: Container[int]) -> list[Mention]:
    """Every person the article mentions outside quotes, in order.

    A mention is a subject only of a main clause ("Nichols' mother expressed their
    sentiments", not "to watch her daughter perform"). ``personal`` holds the indices of
    common nouns that stand for people ("witness"): only subjects among them count, and no
    singular one with "the" ("the judge" names someone already met).
    """
    people = _people(doc, quoted)
    found = [Mention(e.start, e.end, e.root.i, True, _is_subject(e.root)) for e in people]
    surnames = {last_name(e.text) for e in people}
    for token in doc:
        if (
            token.lower_ in surnames
            and token.pos_ == "PROPN"
            and token.ent_type_ != "PERSON"
            and token.i not in quoted
            and _main_subject(token)
        ):  # NER's "LaCalamita" GPE in one sentence, PERSON in the others
            found.append(Mention(token.i, token.i + 1, token.i, True, True))
        elif (
            token.i in personal
            and token.i not in quoted
            and _main_subject(token)
            and (token.tag_ == "NNS" or not any(c.lower_ == "the" for c in token.children))
        ):
            start = min([token.i, *(c.left_edge.i for c in token.lefts)])
            found.append(Mention(start, token.i + 1, token.i, False, True))
    return sorted(found, key=lambda m: m.start)


def _main_subject(token: Token) -> bool:
    """The subject of the sentence's main clause, or of a clause fronted before its relay.

    "Mehdi Zareh dismissed concerns, IRNA reported": Zareh, not IRNA alone.
    """
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = token.head
    while (verb.dep_ == "conj" or (verb.dep_ == "ccomp" and verb.i < verb.head.i)) and (
        verb.head.i != verb.i
    ):
        verb = verb.head
    return verb.dep_ == "ROOT"


def _is_subject(root: Token) -> bool:
    """The subject of a main clause, not of a clause reported or subordinate to it.

    "King said the area was lit and Gray appeared to be cornered": King, not Gray.
    """
    if _main_subject(root) or (root.dep_ == "appos" and _main_subject(root.head)):
        return True
    # "Matthew O'Connor, who coproduced Reid last year": the relative clause's subject
    return any(
        c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)
        for c in root.children
    )


def titles_by_name(doc: Doc) -> dict[str, frozenset[str]]:
    """Title words written before each person's name anywhere in the document."""
    found: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" and not _aged_name(ent):
            continue
        words = {t.lower_ for t in ent if t.lower_ in TITLE_WORDS}
        i = ent.start - 1
        while i >= 0 and (doc[i].lower_ in TITLE_WORDS or doc[i].text == ","):
            words.add(doc[i].lower_)
            i -= 1
        for child in ent.root.children:  # "Kakar, the prime minister," (apposition)
            if child.dep_ == "appos":
                words.update(t.lower_ for t in child.subtree if t.lower_ in TITLE_WORDS)
        found.setdefault(last_name(strip_titles(clean_name(ent.text))), set()).update(words)
    return {name: frozenset(words) for name, words in found.items()}


def with_family_name(ent: Span, name: str) -> str:
    """ "Kafoury's son, Charlie" -> "Charlie Kafoury": a first name beside a relative's."""
    root = ent.root
    if root.dep_ != "appos" or root.head.lemma_.lower() not in _KIN_NOUNS:
        return name
    for child in root.head.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":  # NER may call "Kafoury" an ORG
            relative = entity_of(child) or child.doc[child.i : child.i + 1]
            return f"{name} {clean_name(relative.text).split()[-1]}"
    return name


def main_organisation(phrase: Span, quoted: Container[int]) -> str | None:
    """The organisation named most often before ``phrase`` (outside quotes), latest on ties.

    Not a person's surname the parser took for an organisation ("Vanore said"), nor an outlet
    someone spoke to ("told The Associated Press").
    """
    doc = phrase.doc
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON"}
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.end > phrase.start:
            break
        told = ent.root.dep_ in {"dobj", "dative"} and ent.root.head.lemma_ == "tell"
        if (
            ent.label_ == "ORG"
            and ent.start not in quoted
            and not told
            and ent.text.lower() not in surnames
        ):
            name = clean_name(ent.text)
            counts[name] = counts.pop(name, 0) + 1  # re-inserted: dict order is recency
    if not counts:
        return None
    return max(reversed(counts), key=counts.__getitem__)
