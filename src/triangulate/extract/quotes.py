"""Direct quotes: the words inside quote marks, with the speaker each is credited to.

Quote marks are paired by the scanner of :mod:`triangulate.extract._quote_marks`, which an
unbalanced mark cannot lead to swallow the rest of the article; each paragraph of a quote over
several is a quote of its own, with the same speaker. Words in marks that qualify a noun ('an
“active shooter” situation') or a few capitalised ones (“American Pie”) are terms, not speech;
an outcry is speech however short ('shouting "Thieves!"').

Speakers come from the one resolver in :mod:`triangulate.extract.speakers`: the attribution in
the quote's own sentence(s) whose verb the quote hangs on, else the nearest one; for a quote
that is a sentence on its own (or has no verb outside its marks: 'Later in the afternoon, “I
went back ...”'), the speaker of a sentence pointing back at it ("That's how X put it."), else
of the sentence before (or after) it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from triangulate.extract._quote_marks import MAX_QUOTE_CHARS, WORD, Mark, scan
from triangulate.extract._speaker_subjects import subject_of
from triangulate.extract._speaker_words import (
    INTRO_CUES,
    OUTCRY_VERBS,
    QUOTING_VERBS,
    SECONDARY_CUES,
    SPEECH_VERBS,
    sentences,
    title_before,
)
from triangulate.normalise.names import TITLE_WORDS, word_set
from triangulate.types import Article, Attribution, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["MAX_QUOTE_CHARS", "extract_quotes", "find_quote_spans"]

_CARRY_SENTENCES = 3  # a quote's speaker goes on over this many sentences of narrative
_SHORT_WORDS = 3  # "scare quotes" of up to this many words need a speaker in their sentence
_REPORTING = SPEECH_VERBS | QUOTING_VERBS
_MAX_TITLE_WORDS = 10
# A word of a sentence's own before the marks, or a clause after them about what they name.
_NAMING_BEFORE = re.compile(
    r"\b(?:to|of|in|on|for|from|with|by|the|a|an|its|his|her|their)\s*\Z", re.I
)
_NAMING_AFTER = re.compile(r"[\s,]*(?:which|who|whose|that)\b")
_MINOR_WORDS = word_set("a an the of and or to in on at for from by with as is")


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words inside balanced quote marks, in text order."""
    return [(m.start, m.end) for m in scan(text)]


def extract_quotes(doc: Doc, article: Article, attributions: Sequence[Attribution]) -> list[Quote]:
    """The direct quotes of ``article`` with speakers taken from ``attributions``."""
    text = article.text
    spans = [(s.start_char, s.end_char) for s in sentences(doc, article.text)]
    quotes: list[Quote] = []
    previous: Attribution | None = None
    previous_end = -1
    for mark in scan(text):
        frame = _frame(spans, mark, text)
        credit = _credit_in_frame(doc, text, attributions, mark, frame)
        alone = _stands_alone(doc, mark, frame)
        if credit is None and alone:
            credit = _credit_nearby(attributions, spans, frame, previous, previous_end)
        if _is_scare_quote(doc, text, mark, credit, alone=alone):
            continue
        quotes.append(
            Quote(
                id=f"{article.id}:q{len(quotes) + 1}",
                doc_id=article.id,
                start=mark.start,
                end=mark.end,
                text=text[mark.start : mark.end],
                speaker=credit.speaker if credit else None,
                speaker_span=Span(article.id, credit.start, credit.end) if credit else None,
            )
        )
        previous, previous_end = credit, frame[1]
    return quotes


def _frame(sentences: list[tuple[int, int]], mark: Mark, text: str) -> tuple[int, int]:
    """The quote's sentence(s), from where it opens to where its sentence ends, in its lines.

    A line break bounds the frame even where the parser ran a sentence over it: a speaker on
    another line (paragraph) is never "in the same sentence".
    """
    start = next((s for s, e in sentences if s <= mark.open_at < e), mark.open_at)
    start = max(start, text.rfind("\n", 0, mark.open_at) + 1)
    after = mark.close_at + 1
    while after < len(text) and text[after] in " ,;:-–—":
        after += 1
    # '"...," the official said.' goes on after the mark; '"... a lesson." Addressing' does not,
    # but '"... quite another!" Papandreou thundered' does.
    goes_on = (
        "," in text[mark.end : after]
        or (after < len(text) and text[after].islower())
        or (text[mark.close_at - 1] in "!?" and after == mark.close_at + 2)
    )
    if goes_on and text.find("\n", mark.close_at, after) == -1:
        end = next((e for s, e in sentences if s <= after < e), after)
    else:
        end = next((e for s, e in sentences if s <= mark.close_at < e), mark.close_at + 1)
    line_end = text.find("\n", mark.close_at)
    while line_end != -1 and title_before(text, line_end):
        line_end = text.find("\n", line_end + 1)  # '"...," the Rev.\nLarry Kroon said.'
    if line_end != -1:
        end = min(end, line_end)
    return start, min(max(end, mark.close_at + 1), len(text))  # a cut-off quote ends the text


def _credit_in_frame(
    doc: Doc,
    text: str,
    attributions: Sequence[Attribution],
    mark: Mark,
    frame: tuple[int, int],
) -> Attribution | None:
    """The attribution in the quote's sentences, outside its marks and paragraph breaks, whose
    verb the quote hangs on, else the nearest one (``text``: the doc's)."""
    inside = [
        a
        for a in attributions
        if frame[0] <= a.start
        and a.end <= frame[1]
        and (a.end <= mark.open_at or (a.start > mark.close_at and a.cue not in INTRO_CUES))
        and a.cue != "intro"  # it introduces the next paragraph, not a quote of its own
        and _same_line(text, min(a.end, mark.close_at), max(a.start, mark.open_at))
    ]
    if not inside:
        return None
    linked = _linked_speakers(doc, mark)

    def rank(a: Attribution) -> tuple[bool, bool, int]:
        # A relayed source ("reported The Express Tribune") loses to a direct speaker; the
        # speaker of the verb the quote hangs on wins over a nearer one ('White told The Post
        # ... where Heller said she was “ensconced” ... — “I hear she’s on her way”').
        tied = any(a.start < end and start < a.end for start, end in linked)
        return a.cue in SECONDARY_CUES, not tied, _gap(a, mark)

    return min(inside, key=rank)


def _linked_speakers(doc: Doc, mark: Mark) -> list[tuple[int, int]]:
    """Character spans of the subjects of the verbs a quote hangs on or is introduced by.

    The parser's head of each clause in the marks, and a reporting verb right before the
    opening mark ('an employee who had followed her in and had yelled, "Hide!" Vanore said').
    """
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if span is None:
        return []
    # The verb whose clause the quote is, or a reporting verb it is the object of; not "the
    # family has had "tremendous tragedies"", where "Baca noted" speaks. A quote that starts
    # with its own verb is that verb's subject's ('he "claimed it was necessary"').
    roots = [t for t in span if not span.start <= t.head.i < span.end]
    verbs = [
        t if _subject_outside(t, span) else t.head
        for t in roots
        if _subject_outside(t, span)
        or t.dep_ in {"ccomp", "parataxis"}
        or (t.dep_ in {"dobj", "oprd", "xcomp"} and t.head.lemma_.lower() in _REPORTING)
    ]
    before = span.start - 1
    while before >= 0 and (doc[before].is_punct or doc[before].is_space):
        before -= 1  # past the opening mark and a comma or colon
    if before >= 0 and doc[before].lemma_.lower() in _REPORTING:
        verbs.append(doc[before])
    found = []
    for verb in verbs:
        subject = subject_of(verb) if verb.pos_ in {"VERB", "AUX"} else None
        if subject is not None:
            first, last = subject.left_edge, subject.right_edge
            found.append((first.idx, last.idx + len(last)))
    return found


def _same_line(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    return "\n" not in gap or all(
        title_before(text, start + i) for i, ch in enumerate(gap) if ch == "\n"
    )


def _stands_alone(doc: Doc, mark: Mark, frame: tuple[int, int]) -> bool:
    """Whether the quote is its sentence: nothing outside the marks says who or what does.

    'Later in the afternoon, “I went back ...”' stands alone; '“...,” James Swanson, co-author
    of' does not, though the parser found no verb there.
    """
    span = doc.char_span(frame[0], frame[1], alignment_mode="expand")
    if span is None:
        return False
    outside = [t for t in span if not mark.open_at <= t.idx <= mark.close_at]
    return not any(
        t.pos_ in {"VERB", "AUX", "PROPN", "PRON"}
        or t.ent_type_ == "PERSON"
        or (t.pos_ == "NOUN" and (t.dep_ in {"nsubj", "nsubjpass"} or t.lower_ in TITLE_WORDS))
        for t in outside
    )


def _credit_nearby(
    attributions: Sequence[Attribution],
    sentences: list[tuple[int, int]],
    frame: tuple[int, int],
    previous: Attribution | None,
    previous_end: int,
) -> Attribution | None:
    """A stand-alone quote: the speaker of the sentence before, else of the one after.

    Else the speaker of a quote a sentence or two before, with no one credited in between:
    '"...," a defence spokesperson said. ¶ Six rifles were seized. ¶ "We also found ladders."'
    """
    after = next(((s, e) for s, e in sentences if s >= frame[1]), None)
    if after is not None:  # '"I heard five shots." ¶ That's how Rosa Diaz described it.'
        pointing_back = [a for a in attributions if after[0] <= a.start < after[1]]
        if pointing_back and pointing_back[0].cue == "outro":
            return pointing_back[0]
    before_start = max((s for s, _ in sentences if s < frame[0]), default=None)
    if before_start is not None:
        if previous is not None and previous_end >= before_start:
            return previous  # the speaker of the quote just before carries on
        in_before = [a for a in attributions if before_start <= a.start < frame[0]]
        if in_before:
            return in_before[-1]
    if after is not None:
        # Not a colon introduction: "Hefner was reported as saying: ¶ “...”" is about the next.
        in_after = [
            a for a in attributions if after[0] <= a.start < after[1] and a.cue not in INTRO_CUES
        ]
        if in_after:
            return in_after[0]
    earlier = [s for s, _ in sentences if s < frame[0]][-_CARRY_SENTENCES:]
    if previous is None or not earlier or previous_end < earlier[0]:
        return None
    return None if any(previous_end <= a.start < frame[0] for a in attributions) else previous


def _subject_outside(verb: Token, span: SpacySpan) -> bool:
    return verb.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and not span.start <= c.i < span.end for c in verb.children
    )


def _is_scare_quote(
    doc: Doc, text: str, mark: Mark, credit: Attribution | None, *, alone: bool
) -> bool:
    """A few words in marks that are not reported speech: a term, a nickname, a title."""
    words = WORD.findall(text[mark.start : mark.end])
    beside = credit is not None and _beside(text, credit, mark)
    if not alone and not beside and _names_a_work(words):
        return True  # “The Boy From Oz”, “X-Men Origins: Wolverine”, “Most Likely to Succeed”
    if len(words) > _SHORT_WORDS:
        return False
    if credit is None or _modifies_noun(doc, mark) or (len(words) == 1 and _is_named(text, mark)):
        return True  # 'an “active shooter” situation', 'what's called “active shooter” training'
    if credit.cue in OUTCRY_VERBS or text[mark.end - 1] in "!?":
        return False  # 'shouting "Thieves!"': an outcry
    if credit.cue in SPEECH_VERBS and beside:
        return False  # 'he responded "Yes."': words said, right beside the verb
    if len(words) == 1 and not alone:
        return True  # 'called him an "idiot"', 'the rule is "narrow"': a word borrowed, no quote
    # “American Pie”, “Scrubs”: capitalised words inside a sentence name a work, not speech.
    return not alone and all(w[:1].isupper() for w in words)


def _is_named(text: str, mark: Mark) -> bool:
    """A word in marks that a sentence names rather than reports: 'the sequel to “Twilight,”',
    'said “Moon,” which is expected to...'."""
    before = text[max(0, mark.open_at - 12) : mark.open_at]
    after = text[mark.close_at + 1 : mark.close_at + 12]
    return _NAMING_BEFORE.search(before) is not None or _NAMING_AFTER.match(after) is not None


def _names_a_work(words: Sequence[str]) -> bool:
    """Title Case words: the name of a work, a show or an honour, not a sentence said."""
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    return (
        len(content) > 1 and len(words) <= _MAX_TITLE_WORDS and all(w[0].isupper() for w in content)
    )


def _modifies_noun(doc: Doc, mark: Mark) -> bool:
    """Whether the quoted words qualify the noun right after the closing mark."""
    inner = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    closing = doc.char_span(mark.close_at, mark.close_at + 1, alignment_mode="expand")
    if inner is None or closing is None or closing.end >= len(doc):
        return False
    noun = doc[closing.end]
    return (
        noun.pos_ == "NOUN"
        and not noun.is_sent_start
        and any(t.head.i == noun.i for t in inner if not inner.start <= t.head.i < inner.end)
    )


def _beside(text: str, credit: Attribution, mark: Mark) -> bool:
    """'he responded "Yes."' or '"Yes," he said': nothing but the verb between the two."""
    if credit.end <= mark.open_at:
        return len(WORD.findall(text, credit.end, mark.open_at)) <= 1
    return not WORD.search(text, mark.close_at, credit.start)


def _gap(credit: Attribution, mark: Mark) -> int:
    return mark.open_at - credit.end if credit.end <= mark.open_at else credit.start - mark.close_at
