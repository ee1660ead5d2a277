"""Find the figures of a parsed article: numbers that count something, normalised and dated.

Candidates come from spaCy's CARDINAL / PERCENT / MONEY / QUANTITY entities and from patterns
spaCy misses (vague amounts such as "tens of thousands", multipliers such as "doubled").
Each candidate is widened to its hedge ("over 200,000", "an estimated 1.7 million"), read by
:func:`triangulate.normalise.numbers.parse_amount`, and dropped when it is no count at all:
years, dates, times, durations, ages ("She was 85."), ordinals, phone numbers, names with
digits ("Covid-19", "Boeing 737"), section and street numbers, list numbering, scores, "one" as a
pronoun, "100 percent" as emphasis, and a pair named before ("the two countries").
What the figure counts and which way it changed are read by :mod:`triangulate.extract.counted`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from triangulate.extract.counted import read_counted
from triangulate.normalise.dates import MONTH_WORDS, resolve_date
from triangulate.normalise.numbers import QUALIFIERS, parse_amount
from triangulate.types import Amount, Article, Attribution, Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_figures"]

_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
# Entities whose digits are part of a name or a date, never a count.
_NAME_LABELS = {
    "DATE",
    "TIME",
    "ORDINAL",
    "PERSON",
    "ORG",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
    "EVENT",
    "FAC",
    "GPE",
    "NORP",
    "LOC",
}
_SCALE = (
    r"(?:[ \u00a0]?(?:million|billion|trillion|thousand|lakh|crore|mn|bn|bln|tn|tln|"
    r"[Mm]|[Kk]|MM|[Bb]|[Tt])\b)"
)
_UNIT = (
    r"(?:[ \u00a0]?(?:%|per ?cent\b|percentage points?\b|km\b|kilomet(?:re|er)s\b|miles\b|"
    r"kg\b|tonnes\b|tons\b|acres\b|hectares\b|°C|°F|-?magnitude\b|"
    r"(?:US |Pakistani |Indian |Hong Kong |Australian |Canadian )?dollars\b|euros\b|"
    r"pounds\b|rupees\b|yuan\b|yen\b))"
)
_MONEY_PREFIX = (
    r"(?:(?:(?:US|us|C|c|A|HK|hk|NZ|u\.s\.?) ?)?\$ ?|[€£¥₹] ?|\bRs\.? ?|"
    r"\b(?:USD|EUR|GBP|PKR|INR|AFN) ?)"
)
# Words that may follow a number and belong to it: "100 meters", "three lakh crore".
_MORE_WORDS = re.compile(r"^[ \u00a0]?(?:[\w°$€£%.()\[\]-]+[ \u00a0]?){1,4}")
_NUMBER_RE = re.compile(
    rf"(?<![\w.,-]){_MONEY_PREFIX}?\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?{_SCALE}?{_UNIT}?"
    rf"|(?<![\w.,-]){_MONEY_PREFIX}?\d+(?:\.\d+)?(?![\d,.]?\d){_SCALE}?{_UNIT}?"
    r"|\b[Mm]agnitude[ -]\d+(?:\.\d+)?"
)
_VAGUE_RE = re.compile(
    r"\b(?:[Tt]ens|[Hh]undreds) of (?:thousands|millions|billions)\b"
    r"|\b(?:[Ss]everal|[Aa] few) (?:dozen|hundred|thousand|million|billion)\b"
    r"|\b(?:[Dd]ozens|[Ss]cores|[Hh]undreds|[Tt]housands|[Mm]illions|[Bb]illions)\b"
    r"|\b[Aa] handful\b(?= of)"
    r"|\b(?:[Dd]oubled|[Tt]ripled|[Tt]rebled|[Qq]uadrupled|[Hh]alved)\b"
    r"|\b\w+-?fold\b"
)
_QUALIFIER_BEFORE = re.compile(
    r"(?:\b|^)("
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
_PREFIX_BEFORE = re.compile(
    r"(?:\b(?:minus|negative) |(?:\b(?:US|us|C|c|HK|hk|u\.s\.?) ?)?\$ ?|[€£¥₹] ?|\bRs\.? ?)$"
)
_SUFFIX_AFTER = re.compile(r"^(?:\s?-?\s?plus\b|\+|\s(?:or more|or so)\b)")
_RANGE_AFTER = re.compile(r"^\s*(?:-|–|to)\s*(?=\d)")
_TIME_UNIT = re.compile(
    r"^[\s-]*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|"
    r"yrs?|hrs?|a\.m\.|p\.m\.|am|pm|GMT|o'clock|BC|AD|time)(?!\w)",
    re.IGNORECASE,
)
_QUAKE = re.compile(r"\b(?:magnitude|earthquake|quake|tremor|temblor|Richter)\b", re.IGNORECASE)
_STREET = re.compile(
    r"^\s+(?:[A-Z][\w'.]+\s+){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Way|"
    r"Boulevard|Blvd\.|Lane|Drive|Place|Square)(?!\w)"
)
_OF_TIME = re.compile(r"^\s+of\s+(?:years|months|weeks|days|hours|decades)\b", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*[(\[]\s*")
_LABEL_WORDS = {
    "section",
    "article",
    "paragraph",
    "chapter",
    "clause",
    "rule",
    "resolution",
    "no",
    "no.",
    "number",
    "page",
    "line",
    "item",
    "room",
    "route",
    "highway",
    "gate",
    "platform",
    "flight",
    "bus",
    "channel",
    "episode",
    "season",
    "stage",
    "phase",
    "level",
    "category",
    "grade",
    "class",
    "version",
    "model",
    "squad",
    "#",
    "act",
    "bill",
    "order",
    "ward",
    "sector",
    "block",
    "unit",
    "apartment",
    "suite",
    "floor",
    "lane",
    "street",
    "road",
    "division",
    "district",
    "zone",
    "precinct",
    "file",
    "case",
    "code",
    "verse",
    "psalm",
    "vol",
    "vol.",
    "volume",
    "track",
    "term",
    "batch",
    "lot",
    "tier",
    "size",
    "aged",
    "age",
    "ages",
    "born",
    "year",
    "circa",
    "c.",
    "ca.",
    "turn",
    "turns",
    "turned",
    "turning",
    "am",
    "fm",
    "ext",
    "round",
    "juror",
    "jersey",
    "shirt",
    "seed",
    "ranked",
    "rank",
    "pick",
}
_SMALL_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both"}
# Nouns a text names a pair or group of before calling them "the two ...".
_RELATIONAL = {
    "country",
    "side",
    "nation",
    "neighbour",
    "neighbor",
    "entity",
    "party",
    "government",
    "leader",
    "state",
    "power",
    "ally",
    "rival",
    "camp",
    "capital",
    "sister",
    "brother",
    "company",
    "administration",
    "army",
    "team",
    "organisation",
    "organization",
    "body",
    "institution",
    "city",
    "neighbourhood",
}
_DEFINITE = {"its", "their", "his", "her", "our", "my", "your", "whose"}
_SCORE_WORDS = {
    "win",
    "victory",
    "defeat",
    "lead",
    "loss",
    "draw",
    "record",
    "score",
    "scoreline",
    "vote",
    "margin",
    "beat",
    "won",
    "lost",
    "led",
    "scored",
    "trail",
    "trailed",
}
# "one" is a count only of people ("one person was killed"); elsewhere mostly a determiner.
_PEOPLE = {
    "person",
    "people",
    "man",
    "woman",
    "child",
    "boy",
    "girl",
    "soldier",
    "officer",
    "civilian",
    "policeman",
    "student",
    "worker",
    "victim",
    "passenger",
    "patient",
    "resident",
    "migrant",
    "refugee",
    "militant",
    "member",
    "journalist",
    "suspect",
}
_RUPEE_COUNTRIES = (("PKR", "Pakistan"), ("INR", "India"), ("LKR", "Sri Lanka"), ("NPR", "Nepal"))


def extract_figures(
    doc: Doc, article: Article, attributions: Sequence[Attribution] = ()
) -> list[Figure]:
    """The figures of one parsed article, in text order, with ids ``{article.id}:f{n}``."""
    text = article.text
    rupee = _rupee_code(text)
    figures: list[Figure] = []
    antecedent: tuple[int, str | None] = (-1, None)  # (sentence start, noun) of the last figure
    for start, end in _candidate_spans(doc, text):
        found = _read(text, start, end, rupee)
        if found is None:
            continue
        start, end, amount = found
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not _is_figure(doc, span, text, start, end, amount):
            continue
        sent = span.sent
        amount = _magnitude_in_context(amount, text[start:end], sent.text)
        borrowed = antecedent[1] if antecedent[0] == sent.start_char else None
        counted = read_counted(span, amount, borrowed)
        antecedent = (sent.start_char, counted.noun or borrowed)
        if figures and _PARENTHESIS.fullmatch(text[figures[-1].end : start]):
            # "58km (36 miles)", "110 billion euros ($143 billion)": one quantity, two units
            counted = replace(counted, phrase=figures[-1].counted or counted.phrase)
        figures.append(
            Figure(
                id=f"{article.id}:f{len(figures) + 1}",
                doc_id=article.id,
                start=start,
                end=end,
                text=text[start:end],
                amount=amount,
                counted=counted.phrase,
                change=counted.change,
                attributed_to=_speaker(attributions, article.id, start, sent.start_char),
                as_of=_as_of(sent, start, article.published),
                sentence_start=sent.start_char,
                sentence_end=sent.end_char,
            )
        )
    return figures


def _magnitude_in_context(amount: Amount, surface: str, sentence: str) -> Amount:
    """ "put the magnitude at 6.1", "a 6.7-strength quake": a decimal under 10 in a sentence
    about an earthquake is its magnitude."""
    if (
        amount.unit is None
        and amount.value is not None
        and 1 <= amount.value < 10
        and ("." in surface and _QUAKE.search(sentence))
    ):
        return replace(amount, unit="magnitude")
    return amount


def _candidate_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Entity spans and pattern matches, overlapping ones merged, in text order."""
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _LABELS]
    spans += [m.span() for m in _NUMBER_RE.finditer(text)]
    spans += [m.span() for m in _VAGUE_RE.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _read(text: str, start: int, end: int, rupee: str) -> tuple[int, int, Amount] | None:
    """The longest readable expression in a candidate, widened to its hedge and range."""
    start, end = _trim(text, start, end)
    amount = parse_amount(text[start:end], rupee=rupee)
    if amount is None:
        narrowed = _narrow(text, start, end, rupee)
        if narrowed is None:
            return None
        start, end, amount = narrowed
    if (m := _RANGE_AFTER.match(text[end:])) and (upper := _NUMBER_RE.match(text, end + m.end())):
        ranged = parse_amount(text[start : upper.end()], rupee=rupee)
        if ranged is not None and ranged.low is not None and ranged.high is not None:
            end, amount = upper.end(), ranged
    end, amount = _extend_right(text, start, end, amount, rupee)
    if (m := _SUFFIX_AFTER.match(text[end:])) and amount.qualifier is None:
        hedged = parse_amount(text[start : end + m.end()], rupee=rupee)
        if hedged is not None:
            end, amount = end + m.end(), hedged
    if amount.qualifier is None and (
        m := _QUALIFIER_BEFORE.search(text[max(0, start - 25) : start])
    ):
        hedged = parse_amount(text[start - len(m.group(0)) : end], rupee=rupee)
        if hedged is not None:
            start, amount = start - len(m.group(0)), hedged
    if (m := _PREFIX_BEFORE.search(text[max(0, start - 12) : start])) and (
        signed := parse_amount(text[start - len(m.group(0)) : end], rupee=rupee)
    ):
        start, amount = start - len(m.group(0)), signed
    if text[max(0, start - 9) : start].lower() == "between " and amount.low is None:
        return None  # "between 10" whose upper end did not parse: leave it out
    return start, end, amount


def _extend_right(
    text: str, start: int, end: int, amount: Amount, rupee: str
) -> tuple[int, Amount]:
    """Take in the words after a number that complete it: a unit ("100 meters", "20 (kg)"),
    a scale ("three lakh crore") or the rest of a spelled-out number ("and thirty one")."""
    m = _MORE_WORDS.match(text[end : end + 40])
    if m is None:
        return end, amount
    words = list(re.finditer(r"\S+", m.group(0)))
    for word in reversed(words):
        new_end = end + word.end()
        longer = parse_amount(text[start:new_end], rupee=rupee)
        if longer is None or longer.multiplier or "\n" in text[end:new_end]:
            continue
        if longer.unit != amount.unit or (
            longer.value is not None and longer.value != amount.value
        ):
            return new_end, longer
    return end, amount


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles/determiners and edge punctuation that spaCy leaves in entities."""
    piece = text[start:end]
    lead = re.match(
        r"^(?:(?:the|a|an|about the|only|just|all|some of the)\s+)(?=[\d$€£])", piece, re.IGNORECASE
    )
    if lead:
        start += lead.end()
    while end > start and text[end - 1] in " ,.;:)\"'’”":
        end -= 1
    while start < end and text[start] in " (\"'‘“":
        start += 1
    return start, end


def _narrow(text: str, start: int, end: int, rupee: str) -> tuple[int, int, Amount] | None:
    """When a merged candidate does not read as one number, keep its first readable part."""
    matches = [*_NUMBER_RE.finditer(text, start, end), *_VAGUE_RE.finditer(text, start, end)]
    for m in matches:
        amount = parse_amount(m.group(0), rupee=rupee)
        if amount is not None:
            return m.start(), m.end(), amount
    words = list(re.finditer(r"\S+", text[start:end]))
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            s, e = start + words[i].start(), start + words[j - 1].end()
            amount = parse_amount(text[s:e], rupee=rupee)
            if amount is not None:
                return s, e, amount
    return None


def _is_figure(doc: Doc, span: Span, text: str, start: int, end: int, amount: Amount) -> bool:
    """False for the numbers that count nothing a ledger wants (see module docstring)."""
    surface = text[start:end]
    bare = amount.unit is None and amount.qualifier is None and not amount.multiplier
    if _is_time_or_code(text, start, end):
        return False
    if re.search(r"\d\s?-\s?\d", surface) and _is_score(span):
        return False
    if re.fullmatch(r"[Oo]ne|[Aa]n?", surface) and not _one_counts(span[0]):
        return False
    if amount.unit == "%" and _is_intensifier(span, amount):
        return False
    return not bare or (
        _bare_number_counts(doc, span, surface) and not _is_reference(span) and not _is_age(span)
    )


def _is_reference(span: Span) -> bool:
    """ "the two countries", "both sides", "the two": a pair named before, not a count.
    A spelled-out small number after "the" heading a relational noun, or standing alone."""
    first = span[0]
    if first.lower_ not in _SMALL_WORDS or first.i == 0:
        return False
    if span.doc[first.i - 1].lower_ not in {"the", "these", "those"}:
        return False
    head = span.root.head
    if head.i > span.root.i and head.pos_ == "NOUN":
        return head.lemma_.lower() in _RELATIONAL
    return span.root.dep_ in {"nsubj", "dobj", "pobj"}  # "the two directed American Pie"


def _is_age(span: Span) -> bool:
    """ "She was 85.", "dies at 91", "Julien Jarmoune, 34.": a person's age."""
    doc, root = span.doc, span.root
    after = doc[span.end] if span.end < len(doc) else None
    ends = after is None or after.is_punct or after.is_space
    if not ends:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "at" and before.head.lemma_.lower() == "die":
        return True
    head = root.head
    if root.dep_ in {"attr", "acomp"} and head.lemma_.lower() == "be":
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return subject is not None and (
            subject.lower_ in {"he", "she"} or subject.ent_type_ == "PERSON"
        )
    return (
        before is not None
        and before.text == ","
        and span.start > 1
        and doc[span.start - 2].ent_type_ == "PERSON"
        and (after is None or after.text != "%")
    )


def _is_intensifier(span: Span, amount: Amount) -> bool:
    """ "was 100 percent professional", "not 100 percent on the coach": emphasis, no share."""
    if amount.value is None or amount.value < 100:
        return False
    root = span.root
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return root.head.pos_ in {"ADJ", "ADV"} or (
        following is not None and following.lower_ in {"on", "sure", "certain", "behind"}
    )


def _is_time_or_code(text: str, start: int, end: int) -> bool:
    """Durations, ages, times, ordinals, list numbers, and digits glued to names or codes."""
    before, after = text[max(0, start - 30) : start], text[end : end + 30]
    if _TIME_UNIT.match(after) or _OF_TIME.match(after):
        return True  # "40 years", "a 61-year-old", "10 a.m.", "hundreds of years"
    if re.search(r"\d[:/]\d", text[start:end]) or re.match(r"^(?:st|nd|rd|th)\b", after):
        return True
    if re.search(
        r"[A-Za-z][-/]\Z|[+#=_]\Z|\d[-/.]\Z|:\Z|(?:https?:|www\.|/)\S*\Z|\(\s?\.\s?\Z", before
    ):
        return True  # Covid-19, F-16, 192.168.1.2, +1-222, 1/2, 10:30, digits in a URL
    if re.match(r"^[-/:]\d|^\d|^[A-Za-z]|^-(?!magnitude|strength)[A-Za-z]", after):
        return True  # 5/17, 555-1234, digits glued to letters, "a 10-juror majority"
    if re.fullmatch(
        r"\d+(?:\.\d+)?[BbKkTt]|911|(?:19|20)\d\d (?:dollars|euros|pounds)", text[start:end]
    ) or _STREET.match(after):
        return True  # "1B Mark Teixeira", "5K run", "4 Yawkey Way", "in 2006 dollars"
    return bool(re.match(r"^\s*[.)]\s", after) and re.search(r"(?:^|\n)\s*$", before))


def _bare_number_counts(doc: Doc, span: Span, surface: str) -> bool:
    """Whether a plain number (no unit, no hedge) is a count and not a year, date or label."""
    first, last = span[0], span[-1]
    previous = doc[first.i - 1] if first.i > 0 else None
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    # spaCy sometimes labels a lone count DATE ("injuring 80."): a name needs more than it
    inside_name = any(
        e.label_ in _NAME_LABELS
        and e.start_char <= span.start_char
        and span.end_char <= e.end_char
        and not (e.text == surface and re.fullmatch(r"\d{1,3}", surface))
        for e in doc.ents
    )
    if inside_name:
        return False  # inside a DATE, TIME, PRODUCT, LAW ... entity
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", surface) and not _counts_plural(following):
        return False  # a year
    if following is not None and following.lower_ in MONTH_WORDS:
        return False  # "8 November"
    if previous is None:
        return True
    if (
        previous.text == ","
        and following is not None
        and following.text in {",", ";"}
        and (first.i > 1 and doc[first.i - 2].pos_ in {"PROPN", "NOUN"})
    ):
        return False  # "The actress, 26, checked in": an age
    if previous.lower_ in MONTH_WORDS or previous.lower_ in _LABEL_WORDS:
        return False  # "November 8", "Section 144", "aged 40"
    if previous.text == "." and first.i > 1 and doc[first.i - 2].lower_ in {"no", "nos", "vol"}:
        return False  # "Juror No. 12", with the abbreviation split
    if (
        following is not None
        and following.lower_ == "block"
        and last.i + 2 < len(doc)
        and (doc[last.i + 2].lower_ == "of")
    ):
        return False  # "the 2500 block of Oregon 214": a street number
    if previous.tag_ == "NNP" and not _counts_plural(following):
        return False  # Boeing 737, Apollo 11, Windows 10
    return previous.lower_ not in _DEFINITE  # "their two children": a reference, not a count


def _counts_plural(token: object) -> bool:
    tag = getattr(token, "tag_", "")
    return tag in {"NNS", "NNPS"}


def _is_score(span: Span) -> bool:
    window = span.doc[max(0, span.start - 3) : min(len(span.doc), span.end + 3)]
    return any(t.lemma_.lower() in _SCORE_WORDS or t.lower_ in _SCORE_WORDS for t in window)


def _one_counts(token: Token) -> bool:
    """ "one person was killed" counts; "one of the worst", "no one", "one place" do not."""
    head = token.head
    return (
        token.dep_ == "nummod"
        and _lemma(head) in _PEOPLE
        and not any(c.tag_ == "POS" for c in head.children)
    )


def _speaker(
    attributions: Sequence[Attribution], doc_id: str, start: int, sentence_start: int
) -> str | None:
    """The speaker of the attribution that covers the figure's sentence (nearest mention)."""
    covering = [
        a for a in attributions if a.doc_id == doc_id and a.sentence_start <= start < a.sentence_end
    ]
    if not covering:
        covering = [
            a for a in attributions if a.doc_id == doc_id and a.sentence_start == sentence_start
        ]
    if not covering:
        return None
    return min(covering, key=lambda a: abs(a.start - start)).speaker


def _rupee_code(text: str) -> str:
    """The rupee a bare "Rs" means here: the country of rupees the article names most."""
    counts = [(len(re.findall(rf"\b{name}", text)), code) for code, name in _RUPEE_COUNTRIES]
    best = max(counts)
    return best[1] if best[0] else "INR"


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


_AS_OF_CUE = re.compile(r"\b(?:as of|as at|as on|by|until|till|up to)\s+$", re.IGNORECASE)
_PERIOD = re.compile(
    r"\bin (?:the )?(?:(first|second) half|(first|second|third|fourth) quarter) of ((?:19|20)\d\d)",
    re.IGNORECASE,
)


def _as_of(sent: Span, start: int, published: dt.date | None) -> dt.date | None:
    """The date the figure describes: an explicit "as of" date in its sentence, else the
    document's date.

    A period ("in the first half of 2023") gives its last day, since the count describes the
    state at the period's end; "since November 1" starts a running count, so it does not move
    the date. A date after the document's own date is taken as a deadline, not an as-of date.
    """
    text = sent.text
    offset = sent.start_char
    if m := _PERIOD.search(text):
        year = int(m.group(3))
        if m.group(1):
            month = 6 if m.group(1).lower() == "first" else 12
        else:
            month = 3 * (["first", "second", "third", "fourth"].index(m.group(2).lower()) + 1)
        return _not_after(dt.date(year, month, calendar.monthrange(year, month)[1]), published)
    for ent in sent.ents:
        if ent.label_ != "DATE" or not _AS_OF_CUE.search(text[: ent.start_char - offset]):
            continue
        resolved = resolve_date(ent.text, published)
        if resolved is None:
            continue
        day = resolved.as_date()
        if resolved.precision == "month":
            day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        elif resolved.precision == "year":
            day = dt.date(day.year, 12, 31)
        if published is None or day <= published:
            return day
    return published


def _not_after(day: dt.date, published: dt.date | None) -> dt.date:
    return min(day, published) if published is not None else day
