"""Named entities (PERSON / ORG / GPE / NORP) from spaCy NER, the small model's slips fixed.

The corrections, each a pure look at the document itself:

* a span across a line break, or an ORG inside a headline (a line of Title Case words), is a
  headline mis-read ("Retaliation for Taliban’s Lack of Cooperation" is not an organisation),
  unless the same words are an entity in the body too; a person in a headline is cut to the
  name the body uses ("Administration Flips Bush Endangered ..." names "Bush");
* a person's surname or first name tagged GPE / ORG / NORP ("Haqqani", "Achakzai", "Bettie")
  becomes PERSON when the document names that person in full elsewhere, and so does a full
  name tagged ORG when the document calls someone by its last word ("Thaddeus Young");
* a transliterated name joined by connectors ("Tehreek-i-Taliban", "Lashkar-e-Taiba") that the
  tokenizer cut into pieces is one ORG, with an adjoining proper noun ("... Pakistan");
* a surname on its own that the model missed, when the document names that person in full;
* a proper name the model missed or called a facility that a title marks as a person ("Mr
  Alishbandi", "governor Heydar Alishbandi", "Heydar Alishbandi, Governor of Qeshm island");
* a person's title written right before the name is part of the mention ("Sgt. Marty Earley",
  "Deputy District Attorney Lowell Anger", "Mr. LaCalamita"): news style capitalises a formal
  title before a name and leaves a description in lower case ("spokesperson Const. Tim
  Fanning"), so the title is the run of capitalised title words, with a lower-case qualifier
  ("caretaker Prime Minister") at most;
* a name defined with its acronym, "Pakistan Institute ... Studies (PICSS)", is one ORG span;
* a leading "the" and a trailing possessive "'s" are not part of the name; a single title or
  function word ("Caretaker", "Interior", "Whereas") is not an entity.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from triangulate.normalise.names import (
    TITLE_ABBREVIATIONS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    is_title_word,
    word_set,
)
from triangulate.types import Article, EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["LABELS", "extract_entities"]

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
CONNECTORS = "e|i|ul|ut|ud|ur|us|al|el|o|wal|un|ush|bin|ibn|ad|az|as"
_CONNECTOR_SET = frozenset(CONNECTORS.split("|"))
_JOINED = re.compile(rf"\b[A-Z][a-z]+(?:-(?:{CONNECTORS})-[A-Z][a-z]+)+\b")
_ACRONYM = re.compile(r"\(([A-Z][A-Z&.]{1,7})\)")
_NAME_WORD = re.compile(r"[A-Z][\w’'.&-]*|of|for|and|the|on|in|de|du|la|le|al|e|i|ul")
_MINOR = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "la", "le"})
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_NOT_NAMES = frozenset({"gmt", "utc", "est", "edt", "pst", "bst", "whereas", "update"})
# Title words that qualify another title ("Deputy", "Foreign"), not a name: "Foreign Ministry".
_QUALIFIERS = word_set(
    """vice prime deputy caretaker interim acting former chief general foreign interior defence
    defense finance home information federal state provincial opposition police army"""
)
_PERSON_TITLES = TITLE_WORDS - _QUALIFIERS
# Natural places (spaCy's LOC: "Persian Gulf", "Europe") are places like any other here.
_LABEL_OF = {"LOC": "GPE"}
# Generic heads written around a name, kept in the mention so aliases can be linked: "Qeshm
# island", "Island of Qeshm", "Hormozgan province"; "Taliban-led administration", "AFP news
# agency" (an organisation's apparatus; NORP + head is an organisation: "Greek government").
_PLACE_HEADS = word_set("island province region district county")
_ORG_HEADS = word_set("administration government regime authorities leadership")
_MAX_TITLED_WORDS = 3
_MAX_TITLE_WORDS = 4  # "Deputy District Attorney", "Caretaker Prime Minister"
# Lower-case words that still belong to a capitalised title after them: "caretaker Prime
# Minister", "former President"; "spokesperson" or "sheriff's" before one is a description.
_TITLE_QUALIFIERS = word_set("caretaker interim acting former deputy vice")
_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")
_LEADING_DETERMINER = re.compile(r"(?:this|that|these|those|a|an) (?=[A-Z])")
_TRAILING_PREPOSITION = re.compile(r" (?:at|in|of|on|for|and|to|from)$")
_CAPITALISED = re.compile(r"[A-Z][\w’'.-]*")
_OPENING = "\"“‘'(["


def extract_entities(doc: Doc, article: Article) -> list[EntityMention]:
    """PERSON / ORG / GPE / NORP mentions of ``article``, corrected, in text order."""
    text = article.text
    spans = [
        _trimmed(text, e.start_char, e.end_char, _LABEL_OF.get(e.label_, e.label_))
        for e in doc.ents
        if _LABEL_OF.get(e.label_, e.label_) in LABELS
    ]
    headlines = _headline_lines(text)
    body_names = {text[s:e] for s, e, label in spans if not _in_any(s, e, headlines)}
    spans = [
        (s, e, label)
        for s, e, label in spans
        if "\n" not in text[s:e].strip()
        and not (label == "ORG" and _in_any(s, e, headlines) and text[s:e] not in body_names)
    ]
    spans = [_headline_person(text, sp, headlines, body_names) for sp in spans]
    fixes = _joined_names(text, spans) + _defined_acronyms(text) + _titled_people(doc, headlines)
    spans = _with_heads(doc, _override(spans, fixes))
    spans = _people_named_otherwise(text, spans)
    people = _surnames(text, spans)
    first_names = _first_names(text, spans)
    spans = sorted(spans + _bare_surnames(doc, people, spans))
    spans = [(_title_start(text, s) if lb == "PERSON" else s, e, lb) for s, e, lb in spans]
    mentions: list[EntityMention] = []
    for s, e, label in spans:
        s, e = _tidy(text, s, e)
        surface = text[s:e]
        # "Leader said": a title word alone is a name when it is the surname of someone named.
        if e <= s or (_not_a_name(surface) and surface not in people):
            continue
        if label != "PERSON" and (surface in people or surface in first_names):
            label = "PERSON"
        mentions.append(EntityMention(article.id, s, e, surface, label))
    return mentions


def _trimmed(text: str, start: int, end: int, label: str) -> tuple[int, int, str]:
    """The span without surrounding white space (spaCy can tag a line break as entity text)."""
    surface = text[start:end]
    start += len(surface) - len(surface.lstrip())
    end = start + len(surface.strip())
    return start, end, label


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines that read as headlines: four or more words, nearly all capitalised, no final stop."""
    found: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        words = re.findall(r"[A-Za-z][\w’'-]*", line)
        major = [w for w in words if w.lower() not in _MINOR and len(w) > 3]
        titled = sum(w[0].isupper() for w in major) >= 0.8 * len(major)
        if len(words) >= 4 and major and titled and not line.rstrip().endswith("."):
            found.append((offset, offset + len(line)))
        offset += len(line) + 1
    return found


def _headline_person(
    text: str, span: tuple[int, int, str], headlines: list[tuple[int, int]], body: set[str]
) -> tuple[int, int, str]:
    """A PERSON span in a headline, cut to its longest last words the body names alone."""
    start, end, label = span
    if label != "PERSON" or text[start:end] in body or not _in_any(start, end, headlines):
        return span
    for word in re.finditer(r"\S+", text[start:end]):
        if text[start + word.start() : end] in body:
            return start + word.start(), end, label
    return span


def _in_any(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def _override(
    spans: list[tuple[int, int, str]], fixes: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Replace the NER spans each fix overlaps with the fix itself."""
    kept = [sp for sp in spans if not any(sp[0] < f[1] and f[0] < sp[1] for f in fixes)]
    unique = {(f[0], f[1]): f for f in fixes}
    return sorted(kept + list(unique.values()))


def _joined_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Tehreek-i-Taliban Pakistan": a connector-joined name plus an adjoining proper noun."""
    found: list[tuple[int, int, str]] = []
    for match in _JOINED.finditer(text):
        start, end = match.span()
        before = re.search(r"\b([A-Z][a-z]+) $", text[max(0, start - 30) : start])
        if before and before.group(1).lower() not in _MINOR | {"the"}:
            start -= len(before.group(0))
        after = re.match(r" ([A-Z][a-z]+)\b", text[end : end + 30])
        if after and after.group(1).lower() not in _MINOR:
            end += len(after.group(0))
        label = next((lb for s, e, lb in spans if s < end and start < e and lb == "PERSON"), "ORG")
        found.append((start, end, label))
    return found


def _with_heads(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans widened over a generic head next to them (see ``_PLACE_HEADS``, ``_ORG_HEADS``)."""
    widened: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            widened.append((start, end, label))
            continue
        after = [t.lower_ for t in doc[span.end : span.end + 3]]
        before = [t.text for t in doc[max(span.start - 2, 0) : span.start]]
        # "Hormozgan province" is a place, whatever the model called it; "Fulton County
        # District Attorney" is a county and a title.
        titled = span.end + 1 < len(doc) and _formal_title(doc[span.end + 1].text)
        if after[:1] and after[0] in _PLACE_HEADS and not titled:
            end, label = doc[span.end].idx + len(doc[span.end]), "GPE"
        elif label == "GPE":  # "Island of Qeshm"; "the island of Qeshm" keeps the bare name
            if len(before) == 2 and before[0].lower() in _PLACE_HEADS and before[1] == "of":
                start = doc[span.start - 2].idx if before[0].istitle() else start
        else:
            size = 2 if after[:2] == ["-", "led"] else 0
            if after[size : size + 2] == ["news", "agency"]:
                size += 2
            elif after[size : size + 1] and after[size] in _ORG_HEADS:
                size += 1
                label = "ORG"
            if size and doc[span.end + size - 1].lower_ != "led":
                last = doc[span.end + size - 1]
                end = last.idx + len(last)
        widened.append((start, end, label))
    return widened


def _titled_people(doc: Doc, headlines: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Runs of proper nouns outside any kept entity with a person's title before or after; not
    in a headline, where every word is capitalised ("Prime Minister Justifies Expulsion")."""
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and _bare_name_word(doc[j]):
            j += 1
        if j == i:
            i += 1
            continue
        before = doc[i - 1].lower_ if i > 0 else ""
        # "Heydar Alishbandi, Governor of ..." / "..., the governor of ...": an apposed title.
        after = [t.lower_ for t in doc[j : j + 3] if t.pos_ != "DET"][:2]
        apposed = len(after) == 2 and after[0] == "," and after[1] in _PERSON_TITLES
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
        titled = (before in _PERSON_TITLES or apposed) and j - i <= _MAX_TITLED_WORDS
        if titled and not _in_any(start, end, headlines):
            found.append((start, end, "PERSON"))
        i = j
    return found


def _bare_name_word(token: Token) -> bool:
    """A capitalised proper noun that no kept entity holds and that is not itself a title."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.ent_type_ not in LABELS
        and token.lower_ not in TITLE_WORDS
    )


def _title_start(text: str, start: int) -> int:
    """Where a person's name starts once the formal title written before it is taken in."""
    begin = start
    for taken in range(_MAX_TITLE_WORDS):
        match = _WORD_BEFORE.search(text, max(0, begin - 40), begin)
        if match is None:
            break
        word = match.group(1).lstrip(_OPENING)
        low = word.lower()
        # A qualifier is no title on its own: "District" needs the "Attorney" after it.
        if not (
            (_formal_title(word) and (taken or low not in TITLE_MODIFIERS))
            or (taken and low in _TITLE_QUALIFIERS and is_title_word(word))
        ):
            break
        begin = match.end(1) - len(word)
        if word != match.group(1):  # an opening quote or bracket: the title starts there
            break
    return begin


def _formal_title(word: str) -> bool:
    """A capitalised title word: "Sheriff", "Sgt.", "Sheriff's", "President-elect"."""
    return word[:1].isupper() and is_title_word(word)


def _defined_acronyms(text: str) -> list[tuple[int, int, str]]:
    """ "Pakistan Institute for Conflict and Security Studies (PICSS)": the name before it."""
    found: list[tuple[int, int, str]] = []
    for match in _ACRONYM.finditer(text):
        letters = match.group(1).replace(".", "").replace("&", "").upper()
        window = text[max(0, match.start() - 120) : match.start()].rstrip()
        origin = match.start() - len(text[max(0, match.start() - 120) : match.start()])
        words = list(re.finditer(r"\S+", window))
        for size in range(1, min(len(words), 12) + 1):
            chosen = words[-size:]
            if not all(_NAME_WORD.fullmatch(w.group(0)) for w in chosen):
                break
            if chosen[0].group(0).lower() in _MINOR:
                continue
            names = [w.group(0) for w in chosen]
            if letters in {_initials(names), _initials(names, minor=True)}:
                found.append((origin + chosen[0].start(), origin + chosen[-1].end(), "ORG"))
                found.append((match.start(1), match.end(1), "ORG"))
                break
    return found


def _initials(words: list[str], *, minor: bool = False) -> str:
    """Initials of the major words, hyphen parts included: "Tehreek-i-Taliban Pakistan" -> TTP.

    With ``minor``, function words count too ("Proof of Residence" -> POR).
    """
    letters = []
    for word in words:
        for part in word.split("-"):
            low = part.lower()
            if part and (minor or (low not in _MINOR and low not in _CONNECTOR_SET)):
                letters.append(part[0].upper())
    return "".join(letters)


def _people_named_otherwise(
    text: str, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """ "Thaddeus Young" tagged ORG is a person when the document calls someone "Young" alone,
    or tags the same words PERSON elsewhere."""
    people = {text[s:e] for s, e, label in spans if label == "PERSON"}
    relabelled = []
    for start, end, label in spans:
        words = [_POSSESSIVE.sub("", w) for w in text[start:end].split()]
        named = 1 < len(words) <= _MAX_TITLED_WORDS and all(_CAPITALISED.match(w) for w in words)
        person = named and (words[-1] in people or text[start:end] in people)
        relabelled.append((start, end, "PERSON" if person else label))
    return relabelled


def _surnames(text: str, spans: list[tuple[int, int, str]]) -> set[str]:
    """Last names of the people named in full in this document."""
    last: set[str] = set()
    for s, e, label in spans:
        words = text[s:e].split()
        if label == "PERSON" and len(words) > 1:
            last.add(_POSSESSIVE.sub("", words[-1]))
    return last


def _first_names(text: str, spans: list[tuple[int, int, str]]) -> set[str]:
    """First names of the people named in full in this document ("Bettie" of "Bettie Page")."""
    return {
        words[0]
        for s, e, label in spans
        if label == "PERSON"
        and len(words := text[s:e].split()) > 1
        and words[0].isalpha()
        and not is_title_word(words[0])
    }


def _bare_surnames(
    doc: Doc, surnames: set[str], spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """ "Alishvandi said" where the model tagged nothing: a surname of someone named in full."""
    return [
        (t.idx, t.idx + len(t), "PERSON")
        for t in doc
        if t.text in surnames
        and _bare_name_word(t)
        and not any(s <= t.idx < e for s, e, _ in spans)
    ]


_NUMBER_TAIL = re.compile(r"(?<=[a-z])-\d+\Z")  # "city-15", never "Apollo 11"


def _tidy(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace, a lower-case "the" (or a sentence-initial "The") and a possessive."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".’'":
        end -= 1
    match = _POSSESSIVE.search(text, start, end)
    if match and match.end() == end and end - start > 2:
        end = match.start()
    lead = text[start : start + 4]
    # A line break counts as a sentence start: "'We panicked'\nThe US Geological Survey put".
    sentence_start = start == 0 or text[:start].rstrip(" \t")[-1:] in {"", ".", "\n", "!", "?"}
    if lead == "the " or (lead == "The " and sentence_start):
        start += 4
    # "this L.A. Times story", "the Florence Federal Correctional Complex at Florence".
    determiner = _LEADING_DETERMINER.match(text, start, end)
    start = determiner.end() if determiner else start
    preposition = _TRAILING_PREPOSITION.search(text, start, end)
    end = preposition.start() if preposition else end
    # "Party of Industrialists and Entrepreneurs (PPPT": the bracket opens a short name of
    # its own; "Ashgabat city-15": a number a list gave the place.
    bracket = text.find("(", start, end)
    if bracket > start and ")" not in text[bracket:end]:
        end = bracket
    if numbered := _NUMBER_TAIL.search(text, start, end):
        end = numbered.start()
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".’'":
        end -= 1
    return start, end


def _not_a_name(surface: str) -> bool:
    words = surface.split()
    if not words or not (surface[0].isupper() or surface[0].isdigit()):
        return True
    if surface.lower() in _NOT_NAMES:
        return True
    # "Const." alone is a title; "D.A." alone names the office.
    title = surface.lower().rstrip(".") in TITLE_ABBREVIATIONS
    return len(words) == 1 and (surface.lower() in TITLE_WORDS or title)
