"""Dated expressions in an article, resolved against the article's own date.

Candidates come from spaCy's DATE entities and from patterns the small model misses (ISO dates
with a clock time, "six months ago", "in recent months"). Each candidate is widened to the
preposition that introduces it ("on November 1", "since August 2021") and resolved by the one
resolver, :func:`triangulate.normalise.dates.resolve_date`; what does not resolve (ages,
durations such as "for 40 years" or "six months", seasons, times of day) is dropped. Without a
document date only dates that name their year are kept. Days told from the story's own last
date ("the next day", "that night", "four days earlier") are counted from the nearest day named
before them in the same paragraph.

A bare weekday or "the weekend" in a clause about the future ("will be held Thursday", "the
measures to be voted on Thursday") is the coming one. Each mention also carries what happened
on that date, read from the dependency parse for the timeline's descriptions (at most 15
words): the event noun the date modifies when it says enough ("the Taliban takeover in 2021",
"last year's devastating floods"), else the governing verb with its subject and object.

The parse is read once per document (``doc.ents`` and ``doc.text`` walk every token on each
access), so the stage costs about 2 % of parsing time.

>>> import datetime as dt
>>> from triangulate.nlp.pipeline import load_nlp
>>> from triangulate.types import Article, InputKind
>>> text = "Pakistan said the expulsions would begin on November 1."
>>> article = Article(id="d", text=text, kind=InputKind.TEXT, published=dt.date(2023, 10, 20))
>>> [(m.text, m.date) for m in extract_dates(load_nlp()(text), article)]
[('on November 1', '2023-11-01')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from triangulate.normalise.dates import resolve_date
from triangulate.normalise.names import word_set
from triangulate.normalise.numbers import parse_amount
from triangulate.types import Article, DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_dates"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_QUANT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several|\d{1,3})"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
_PATTERNS = re.compile(
    "|".join(
        (
            rf"\b{_YEAR}-\d{{2}}-\d{{2}}(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?: ?[AP]M)?"
            r"(?: [A-Z]{2,4}\b)?)?",
            rf"\b(?:(?:last|this|next|this coming|coming) )?{_WEEKDAY}"
            rf"(?:,? (?:{_MONTH} {_DAY}|{_DAY} {_MONTH})(?:,? {_YEAR})?)?\b",
            rf"\b(?:{_MONTH} {_DAY}|{_DAY} {_MONTH})(?:,? {_YEAR})?\b(?!-)",
            rf"\b{_MONTH} \d{{1,2}}[-–]\d{{1,2}}\b(?!-)",  # "October 1-2": from its first day
            r"\b(?:Christmas(?: Eve| Day)?|New Year['’]s (?:Eve|Day)|Halloween)\b",
            rf"\b{_MONTH} {_YEAR}\b",
            r"\b(?:last|this|next) (?:week|weekend|month|year)\b",
            rf"\brecent {_UNIT}\b",
            rf"\b{_QUANT} {_UNIT} ago\b",
            rf"\bthe (?:past|last) (?:{_QUANT} )?{_UNIT}\b",
            rf"\b(?:first|second) half of {_YEAR}\b",
            r"\byesterday\b",
            r"\btonight\b|\blast night\b|\b(?:(?:later|earlier|early) )?today\b",
            r"\btomorrow\b",
            r"\bthis (?:morning|afternoon|evening)\b",
            r"(?:(?<=\bat )|(?<=\bover ))the weekend\b",
            rf"(?<=\b(?:in|by) ){_YEAR}\b(?!-)",
        )
    ),
    re.I,
)
# Days told from the story's last date ("the next day", "that night", "four days earlier").
_ANCHORED = re.compile(
    r"\b(?:(?:later|earlier|early|late) )?that (?:day|night|morning|afternoon|evening)\b"
    r"|\bthe (?:next|following|previous) (?:day|morning|night|afternoon|evening)\b"
    r"|\bthe day (?:before|after)\b(?! (?:the|a|his|her|their)\b)"
    r"|\b(?P<count>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) "
    r"(?P<unit>days?|weeks?) (?P<way>later|earlier)\b"
    r"|\b(?P<same>(?:later |earlier )?(?:in )?(?:that|the same) year)\b"
    r"|\b(?P<years>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) years? "
    r"(?P<yway>later|earlier|after that|before that)\b",
    re.I,
)
# Prepositions kept with the date because they say how the date relates to the event.
_INTRO = re.compile(
    r"\b(?:on|in|since|as of|during|by|until|till|through|throughout|over|before|after|at)\s+$",
    re.I,
)
# A stretch introduced by these is a duration, not a date ("for the last 40 years").
_DURATION_INTRO = re.compile(r"\b(?:for|within|spanning|lasting|about|nearly)\s+$", re.I)
_POSSESSIVE = re.compile(r"['’]s$")
_BARE_MONTH = re.compile(rf"^{_MONTH}$", re.I)
_YEAR_SPAN = re.compile(
    rf"(?:from |between )?({_YEAR}) (?:to|and|through|until) ({_YEAR})", re.IGNORECASE
)
_EITHER = re.compile(r" or ")
_WRAPPED_YEAR = re.compile(rf"(?:the |its |his |her |their )?({_YEAR}) [a-z]+")
_BARE_YEAR_IN = re.compile(rf"\b{_YEAR}\b")  # a year written in a date expression
_BARE_YEAR = re.compile(rf"^{_YEAR}s?$")  # "2013 Toyota", "the 1960s militant"
# A bare weekday or weekend in a clause about the future is the coming one, not the last.
_AHEAD_CANDIDATE = re.compile(rf"^(?:{_WEEKDAY}|the weekend)$", re.I)
_WEEKEND = re.compile(r"^the weekend$", re.I)
# "for next week", "for this weekend": a date ahead, though "for" usually opens a duration.
_FORWARD = re.compile(r"^(?:next|this|coming|this coming)\b", re.I)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll"})
# "said relatives would hold a vigil Thursday": the future of reported speech.
_REPORTING = frozenset({"say", "tell", "announce", "add", "expect", "plan", "hope"})
_FUTURE_VERBS = frozenset({"schedule", "expect", "due", "plan", "prepare"})
_MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "nmod"})
_NOUNS = frozenset({"NOUN", "PROPN"})

_CLAUSE_MAX_WORDS = 15
# Nouns that name a happening, by their shape (takeover, expulsion, agreement, bombing) or
# because news uses them so (the rise to power, the floods, the riots, the vote).
_EVENT_NOUN = re.compile(
    r"(?:tion|sion|ment|ure|over|out|down|ing|al|ance|ence)s?$"
    r"|^(?:rise|fall|attacks?|war|riots?|floods?|quakes?|earthquakes?|storms?|fires?|strikes?"
    r"|protests?|votes?|crisis|violence|deals?|talks|visits?|raids?|crash(?:es)?|blasts?"
    r"|coup|surge|increase|decline|drop|ban|invasion|summit|trial|death|murders?|arrests?"
    r"|return|launch|collapse|victory|defeat|deadline|ceasefire|truce|outbreak|influx"
    r"|rampage|spree|massacre|siege|assault|arson|fight|bout|slaying|killings?)$"
)
# Documents and spells a year dates ("the 1973 law", "its 2005 petition", "the 2008 season");
# events are read by _EVENT_NOUN.
_DATED_NOUNS = word_set(
    """law laws act bill petition petitions report reports rule rules ruling study survey census
    season seasons case verdict sentence plan budget order letter speech ban treaty accord
    agreement amendment policy campaign race poll polls book telecast broadcast show ceremony
    slate film movie documentary album song interview image photo photograph picture"""
)
# Proper names of events a year dates: "the 2007 Oscars", "the 2004 Tony Awards".
_DATED_NAMES = word_set(
    """awards oscars emmys tonys grammys globes olympics games cup championships series open
    summit festival marathon conference convention"""
)
_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "prt", "dobj", "attr"})


def extract_dates(doc: Doc, article: Article) -> list[DateMention]:
    """Every resolvable date expression in ``doc`` (the parse of ``article.text``), in order."""
    _check_parse(doc, article)
    # ``doc.ents`` walks the whole document on every access: read it once.
    ents = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "DATE"]
    hits = sorted(
        {part for start, end in ents for part in _year_ends(article.text, start, end)}
        | {(m.start(), m.end()) for m in _PATTERNS.finditer(article.text)}
    )
    mentions: list[DateMention] = []
    for start, end, parts in _groups(hits):
        found = _resolve_group(doc, article, [(start, end), *parts])
        if found is not None:
            mentions.append(found)
    mentions = _years_told(mentions)
    return sorted([*mentions, *_anchored(doc, article, mentions)], key=lambda m: m.start)


def _anchored(doc: Doc, article: Article, mentions: list[DateMention]) -> list[DateMention]:
    """Days told from the story's own last date: "on March 11 ... the next day", "that
    night", "four days earlier"; years from its last year: "in 1983 ... two years later",
    "the same year". The anchor is the nearest date named before, in the same paragraph (a
    day for a day); without one the expression stays unresolved."""
    text = article.text
    found: list[DateMention] = []
    for match in _ANCHORED.finditer(text):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in mentions):
            continue
        in_years = match.group("same") is not None or match.group("years") is not None
        paragraph = text.rfind("\n\n", 0, start)
        anchor = next(
            (
                m
                for m in sorted([*mentions, *found], key=lambda m: m.start, reverse=True)
                if paragraph < m.start < m.end <= start
                and (m.precision != "span" if in_years else m.precision == "day")
            ),
            None,
        )
        if anchor is not None:
            date, precision = _year_from(match, anchor) if in_years else _day_from(match, anchor)
            found.append(
                replace(_mention(doc, article, start, end, date, precision), anchored=True)
            )
    return found


def _day_from(match: re.Match[str], anchor: DateMention) -> tuple[str, str]:
    """The day (or, counted in weeks, the month) the words give from the anchor's day."""
    words = match.group(0).lower()
    shift, weeks = 0, False
    if count := match.group("count"):
        weeks = match.group("unit").lower().startswith("week")
        shift = _count(count) * (7 if weeks else 1) * _sign(match.group("way"))
    elif any(w in words for w in ("next", "following", "day after")):
        shift = 1
    elif any(w in words for w in ("previous", "day before")):
        shift = -1
    day = dt.date.fromisoformat(anchor.date) + dt.timedelta(days=shift)
    return (day.strftime("%Y-%m"), "month") if weeks else (day.isoformat(), "day")


def _year_from(match: re.Match[str], anchor: DateMention) -> tuple[str, str]:
    """The year the words give from the anchor's year."""
    count = match.group("years")
    shift = _count(count) * _sign(match.group("yway")) if count else 0
    return str(int(anchor.date[:4]) + shift), "year"


def _count(word: str) -> int:
    """ "four", "4", "a" -> 4, 4, 1."""
    amount = parse_amount("one" if word.lower() in {"a", "an"} else word)
    return int(amount.value) if amount is not None and amount.value is not None else 0


def _sign(way: str) -> int:
    return -1 if way.lower().startswith(("earlier", "before")) else 1


def _year_ends(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span of years told in words is its two ends ("from 1943 to 1947": 1943 and 1947),
    each a date of its own, and so are two dates offered as alternatives ("late 2009 or early
    2010"); "the 2005-2006 season" and any other expression stay whole. A year the entity
    wraps in words ("the 2005 season") is also a reading of its own."""
    match = _YEAR_SPAN.fullmatch(text, start, end)
    if match:
        return [match.span(1), match.span(2)]
    if (either := _EITHER.search(text, start, end)) is not None:  # "late 2009 or early 2010"
        return [(start, either.start()), (either.end(), end)]
    inner = _WRAPPED_YEAR.fullmatch(text, start, end)
    return [(start, end), inner.span(1)] if inner else [(start, end)]


def _years_told(mentions: list[DateMention]) -> list[DateMention]:
    """A day or a month written without its year takes the year the article gives that day
    or that month elsewhere: "the June 20, 2005 attempted murder ... the June 20 shooting" is
    2005, and so is "killed on June 24" after "in June 2005", not the year of the article."""
    written = [
        m for m in mentions if m.precision in ("day", "month") and _BARE_YEAR_IN.search(m.text)
    ]
    days = {m.date[5:]: m.date[:4] for m in written if m.precision == "day"}
    months: dict[str, set[str]] = {}
    for m in written:
        months.setdefault(m.date[5:7], set()).add(m.date[:4])

    def year_of(m: DateMention) -> str | None:
        if m.precision not in ("day", "month") or _BARE_YEAR_IN.search(m.text):
            return None
        if m.precision == "day" and m.date[5:] in days:
            return days[m.date[5:]]
        years = months.get(m.date[5:7], set())
        return next(iter(years)) if len(years) == 1 else None

    return [
        replace(m, date=f"{year}{m.date[4:]}") if (year := year_of(m)) is not None else m
        for m in mentions
    ]


def _check_parse(doc: Doc, article: Article) -> None:
    """Refuse a parse of another text; ``doc.text`` would join every token, so compare ends."""
    last = doc[-1] if len(doc) else None
    size = last.idx + len(last.text_with_ws) if last is not None else 0
    if size != len(article.text) or (
        last is not None and not article.text.endswith(last.text_with_ws)
    ):
        raise ValueError(f"{article.id}: the parse does not match the article text")


def _groups(hits: list[tuple[int, int]]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Overlapping hits merged: each group's span, then its parts longest first."""
    groups: list[tuple[int, int, list[tuple[int, int]]]] = []
    for start, end in hits:
        if groups and start < groups[-1][1]:
            first, last, parts = groups[-1]
            groups[-1] = (first, max(last, end), [*parts, (start, end)])
        else:
            groups.append((start, end, [(start, end)]))
    return [
        (start, end, sorted({p for p in parts if p != (start, end)}, key=lambda p: p[0] - p[1]))
        for start, end, parts in groups
    ]


def _resolve_group(
    doc: Doc, article: Article, readings: list[tuple[int, int]]
) -> DateMention | None:
    """The longest resolvable reading of a merged candidate, or None."""
    text = article.text
    for s, e in readings:
        s, e = _trim(text, s, e)
        if e <= s:
            continue
        before = text[max(0, s - 20) : s]
        phrase = text[s:e]
        if _AHEAD_CANDIDATE.match(phrase) and _looks_ahead(doc, s, e):
            # "will vote on Thursday", "talks at the weekend are expected": the coming one.
            phrase = "this weekend" if _WEEKEND.match(phrase) else f"next {phrase}"
        resolved = resolve_date(phrase, article.published)
        if resolved is None:
            continue
        if (
            resolved.precision == "span"
            and _DURATION_INTRO.search(before)
            and not _FORWARD.match(phrase)
        ):
            return None
        intro = _INTRO.search(before)
        addressed = intro is not None and intro.group(0).strip().lower() == "at"
        if (intro is None or addressed) and _is_name_or_label(doc, text[s:e], s, e):
            return None  # "a 2013 Toyota"; "at 2016 Ontario" is an address
        if intro:
            s -= len(intro.group(0))
        return _mention(doc, article, s, e, resolved.date, resolved.precision)
    return None


def _looks_ahead(doc: Doc, start: int, end: int) -> bool:
    """The clause speaks of the future ("will vote", "is expected to", "measures to be voted")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = _governing_verb(span.root) if span is not None else None
    for _ in range(3):
        if verb is None:
            return False
        auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
        if verb.lemma_.lower() in _FUTURE_VERBS or _FUTURE_AUX.intersection(auxiliaries):
            return True
        if verb.lemma_.lower() == "set" and any(c.dep_ == "auxpass" for c in verb.children):
            return True  # "the vote is set for Thursday", not "he set out Friday"
        reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORTING
        if reported and "would" in auxiliaries:
            return True
        # An infinitive hanging from a noun names a plan: "the measures to be voted on Thursday".
        if verb.dep_ in ("acl", "relcl") and "to" in auxiliaries:
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _is_name_or_label(doc: Doc, text: str, start: int, end: int) -> bool:
    """A bare month as a word ("March participants"), a year naming a thing ("2013 Toyota")."""
    if _BARE_MONTH.match(text):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not _BARE_YEAR.match(text):
        return False
    if end < len(text) and text[end] == "-":
        return True  # "a 1950s-style building"
    # A year names a model or a kind ("a gray 2013 Toyota", "the 1960s militant"), but dates
    # an event or a document ("its 2005 petition", "the 1973 law"). The small parser often
    # misses the modifier: a noun right after it is what the year modifies.
    root = span.root
    if root.dep_ in _MODIFIER_DEPS and root.head.i > root.i and root.head.pos_ in _NOUNS:
        return _labels(text, root.head)
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.pos_ in _NOUNS and _labels(text, after)


def _labels(year: str, noun: Token) -> bool:
    """Whether a year before ``noun`` labels it rather than dates it."""
    if year.endswith("s"):
        return True
    if noun.pos_ == "PROPN":  # "a 2013 Toyota", but "the 2007 Oscars", "the 2005 Tony Awards"
        return noun.lower_ not in _DATED_NAMES
    return not (noun.lower_ in _DATED_NOUNS or _EVENT_NOUN.search(noun.lower_))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding punctuation, spaces and a possessive ("last year’s" -> "last year")."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if _POSSESSIVE.search(text[start:end]) and not text[start:end][:-2].endswith("0"):
        end -= 2
    return start, end


def _mention(
    doc: Doc, article: Article, start: int, end: int, date: str, precision: str
) -> DateMention:
    span = doc.char_span(start, end, alignment_mode="expand")
    sentence = span.sent if span is not None else doc[:]
    clause = _clause(span) if span is not None else None
    return DateMention(
        doc_id=article.id,
        start=start,
        end=end,
        text=article.text[start:end],
        date=date,
        precision=precision,
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        clause_start=clause[0] if clause else None,
        clause_end=clause[1] if clause else None,
    )


def _clause(span: Span) -> tuple[int, int] | None:
    """The characters that say what happened on the date: an event noun phrase or the clause."""
    noun = _event_noun(span)
    if noun is not None:
        chunk = _noun_chunk(noun)
        tokens = [*chunk, *span, *_path(span.root, noun)]
        first, last = min(t.i for t in tokens), max(t.i for t in tokens)
        phrase = span.doc[first : last + 1]
        content = [t for t in phrase if t.is_alpha and not t.is_stop and t.ent_type_ != "DATE"]
        # "the Taliban takeover in 2021" says what happened; "riots in 2008" is too thin.
        if len(content) >= 2 and len(phrase.text.split()) <= _CLAUSE_MAX_WORDS:
            return _tidy_bounds(phrase, first, last)
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    keep = {token.i for token in span} | {verb.i}
    keep |= {token.i for token in _path(span.root, verb)}
    core = set(keep)
    anchor = verb
    # A verb with no subject of its own ("scheduled to begin on November 1") borrows the
    # noun or verb it hangs from, so the description reads on its own.
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children):
        if anchor.dep_ in ("acl", "relcl") and anchor.head.pos_ in _NOUNS:
            keep |= {t.i for t in _noun_chunk(anchor.head)} | {anchor.head.i}
            core.add(anchor.head.i)
            break
        if anchor.dep_ not in ("xcomp", "conj", "pcomp") or anchor.head.i == anchor.i:
            break
        keep |= {anchor.head.i} | {t.i for t in _path(anchor, anchor.head)}
        anchor = anchor.head
    for head in (verb, anchor):
        for child in head.children:
            if child.dep_ in _CORE_DEPS:
                keep |= {t.i for t in _noun_chunk(child)} | {child.i}
                if child.dep_.startswith("nsubj"):
                    core.add(child.i)
    sent = span.sent
    first, last = max(min(keep), sent.start), min(max(keep), sent.end - 1)
    first, last = _fit(span, first, last, min(core), max(core))
    return _tidy_bounds(span.doc[first : last + 1], first, last)


def _event_noun(span: Span) -> Token | None:
    """The event noun a date modifies ("the Taliban takeover in 2021", "last year's floods")."""
    root = span.root
    if root.dep_ == "prep":  # the span starts with its preposition: "in 2021"
        root = next((c for c in root.children if c.dep_ == "pobj"), root)
    if root.dep_ in _MODIFIER_DEPS | {"poss"} and root.head.i > root.i:
        noun = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i < root.i:
        noun = root.head.head
    else:
        return None
    # Up a chain of nouns joined by prepositions, to the outermost event noun: "the breakdown
    # of talks between the TTP and the state in 2022", "the rise to power in 2021".
    best = None
    for _ in range(4):
        if noun.pos_ == "NOUN" and _EVENT_NOUN.search(noun.lower_):
            best = noun
        if not (noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in _NOUNS):
            break
        noun = noun.head.head
    return best


def _fit(span: Span, first: int, last: int, core_first: int, core_last: int) -> tuple[int, int]:
    """Cut a token range to the word limit: words past the core go before its subject does,
    and the date itself always stays."""
    doc = span.doc

    def too_long() -> bool:
        return len(doc[first : last + 1].text.split()) > _CLAUSE_MAX_WORDS

    first, last = min(first, span.start), max(last, span.end - 1)
    while too_long() and last > max(core_last, span.end - 1):
        last -= 1
    while too_long() and first < min(core_first, span.start):
        first += 1
    while too_long() and first < span.start:
        first += 1
    while too_long() and last >= span.end:
        last -= 1
    return first, last


def _tidy_bounds(phrase: Span, first: int, last: int) -> tuple[int, int]:
    """Character bounds without a leading conjunction or punctuation at either end."""
    doc = phrase.doc
    while first < last and (doc[first].is_punct or doc[first].dep_ in ("cc", "mark")):
        first += 1
    while last > first and doc[last].is_punct:
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last])


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb above the date in the parse."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def _path(token: Token, ancestor: Token) -> list[Token]:
    """Tokens from ``token`` up to (not including) ``ancestor``."""
    path: list[Token] = []
    current = token
    while current.i != ancestor.i and current.head.i != current.i:
        path.append(current)
        current = current.head
    return path


def _noun_chunk(token: Token) -> list[Token]:
    """A noun with its left modifiers (determiner, compounds, possessive), not its clauses."""
    left = [t for t in token.lefts if t.dep_ in ("det", "compound", "poss", "amod", "nummod")]
    tokens = [token]
    for child in left:
        tokens.extend(child.subtree)
    tokens += [t for t in token.rights if t.dep_ == "case"]
    return tokens
