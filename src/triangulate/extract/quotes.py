"""Direct quotes: the words inside quote marks, with the speaker each is credited to.

Quote marks are paired by a scanner, not a regular expression over the whole text, so an
unbalanced mark cannot swallow the rest of the article (textacy's ``direct_quotations`` fails
that way): a quote never runs past ``MAX_QUOTE_CHARS``, a blank line or a few line breaks
(text that keeps one sentence a line), and an opening mark that is never closed yields nothing.
A quote over several paragraphs (the newspaper convention: each paragraph reopens the quote and
only the last closes it) is one quote per paragraph, each with the same speaker. An opening
curly mark typed where the closing one belongs ('“We were respectful, “said Juror No. 8')
closes the quote.

Speakers come from the one resolver in :mod:`triangulate.extract.speakers`: the attribution in
the quote's own sentence(s) nearest to the quote, else, for a quote that is a sentence on its
own (or has no verb outside its marks: 'Later in the afternoon, “I went back ...”'), the
speaker of the sentence before (or after) it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from triangulate.extract._speaker_words import (
    INTRO_CUES,
    SECONDARY_CUES,
    SPEECH_VERBS,
    sentences,
    title_before,
)
from triangulate.normalise.names import TITLE_WORDS
from triangulate.types import Article, Attribution, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MAX_QUOTE_CHARS", "extract_quotes", "find_quote_spans"]

MAX_QUOTE_CHARS = 2000
_MAX_LINES = 2  # line breaks a quote may cross without being reopened
# Curly marks say which end they are, so a quote between them may run over more lines of text
# kept one sentence a line: any opening mark met before the closer still ends the search.
_MAX_LINES_CURLY = 8
_CARRY_SENTENCES = 3  # a quote's speaker goes on over this many sentences of narrative
_SHORT_WORDS = 3  # "scare quotes" of up to this many words need a speaker in their sentence
_PAIRS = {"“": "”", "‘": "’", '"': '"', "«": "»", "„": "“"}
# Scraped text mixes straight and curly marks: '"I heard the gunfire, and I ran,” he told'.
_ALSO_CLOSES = {'"': "”", "“": '"'}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Punctuation that belongs to the sentence around the quote, not to the quoted words.
_TRAILING = ",;: \t\n"
# What precedes an opening mark typed for a closing one: the quote's own end punctuation.
_MISTYPED_CLOSE = frozenset({", ", ". ", "! ", "? "})
_LEADING = " \t\n"


@dataclass(frozen=True, slots=True)
class _Mark:
    """A quote as found by the scanner: character offsets of the inner words."""

    start: int
    end: int
    open_at: int
    close_at: int


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words inside balanced quote marks, in text order."""
    return [(m.start, m.end) for m in _scan(text)]


def extract_quotes(doc: Doc, article: Article, attributions: Sequence[Attribution]) -> list[Quote]:
    """The direct quotes of ``article`` with speakers taken from ``attributions``."""
    text = article.text
    spans = [(s.start_char, s.end_char) for s in sentences(doc, article.text)]
    quotes: list[Quote] = []
    previous: Attribution | None = None
    previous_end = -1
    for mark in _scan(text):
        frame = _frame(spans, mark, text)
        credit = _credit_in_frame(text, attributions, mark, frame)
        alone = _stands_alone(doc, mark, frame)
        if credit is None and alone:
            credit = _credit_nearby(attributions, spans, frame, previous, previous_end)
        if _is_scare_quote(text, mark, credit, alone=alone):
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


def _scan(text: str) -> list[_Mark]:
    """Pair opening and closing marks paragraph by paragraph."""
    marks: list[_Mark] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _PAIRS and _can_open(text, i):
            mark = _close(text, i, _PAIRS[ch])
            if mark is not None:
                marks.append(mark)
                i = mark.close_at + 1
                continue
        i += 1
    return marks


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() or not after.strip():
        return False
    if text[i] in "‘'":  # an apostrophe ("Afghans’", "o‘clock") is not an opening mark
        return not before.isalnum()
    return not before.isalnum() or text[i] in "“«„"


def _can_close(text: str, i: int, closer: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    if closer == "’":  # "Afghans’ homes", "don’t": apostrophes inside and after words
        return not after.isalnum()
    return True


def _close(text: str, open_at: int, closer: str) -> _Mark | None:
    """The quote opened at ``open_at``, or None when it is not closed within bounds."""
    limit = min(len(text), open_at + MAX_QUOTE_CHARS)
    opener = text[open_at]
    max_lines = _MAX_LINES if opener == closer else _MAX_LINES_CURLY
    j = open_at + 1
    lines = 0
    while j < limit:
        ch = text[j]
        if (ch == closer or ch == _ALSO_CLOSES.get(opener)) and _can_close(text, j, ch):
            return _trim(text, open_at, j)
        if ch == "\n":
            rest = text[j:limit]
            stripped = rest.lstrip()
            if stripped.startswith(text[open_at]):
                # A quote over several paragraphs reopens each one: each paragraph's words are
                # a quote of their own (the words inside marks), credited to the same speaker.
                return _trim(text, open_at, j)
            lines += 1
            # A blank line ends a paragraph; text with one sentence a line may run on for a
            # few lines, but never far: an unclosed mark must not swallow the article.
            if rest.startswith(("\n\n", "\n \n", "\n\r\n")) or lines > max_lines:
                return None
        if ch == text[open_at] and ch != closer and text[j - 2 : j] in _MISTYPED_CLOSE:
            return _trim(text, open_at, j)  # '“We were respectful, “said Juror No. 8'
        if ch == text[open_at] and _can_open(text, j) and not _can_close(text, j, closer):
            return None  # a second opener before any closer: the first was unbalanced
        j += 1
    return None


def _trim(text: str, open_at: int, close_at: int) -> _Mark | None:
    start, end = open_at + 1, close_at
    while start < end and text[start] in _LEADING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    if not _WORD.search(text, start, end):
        return None
    return _Mark(start, end, open_at, close_at)


def _frame(sentences: list[tuple[int, int]], mark: _Mark, text: str) -> tuple[int, int]:
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
    return start, max(end, mark.close_at + 1)


def _credit_in_frame(
    text: str, attributions: Sequence[Attribution], mark: _Mark, frame: tuple[int, int]
) -> Attribution | None:
    """The nearest attribution in the quote's sentences, outside its marks and paragraph breaks."""
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

    def distance(a: Attribution) -> int:
        # A relayed source ("reported The Express Tribune") loses to a direct speaker.
        return _gap(a, mark) + (10_000 if a.cue in SECONDARY_CUES else 0)

    return min(inside, key=distance)


def _same_line(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    return "\n" not in gap or all(
        title_before(text, start + i) for i, ch in enumerate(gap) if ch == "\n"
    )


def _stands_alone(doc: Doc, mark: _Mark, frame: tuple[int, int]) -> bool:
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
    before_start = max((s for s, _ in sentences if s < frame[0]), default=None)
    if before_start is not None:
        if previous is not None and previous_end >= before_start:
            return previous  # the speaker of the quote just before carries on
        in_before = [a for a in attributions if before_start <= a.start < frame[0]]
        if in_before:
            return in_before[-1]
    after = next(((s, e) for s, e in sentences if s >= frame[1]), None)
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


def _is_scare_quote(text: str, mark: _Mark, credit: Attribution | None, *, alone: bool) -> bool:
    """A few words in marks that are not reported speech: a term, a nickname, a title."""
    words = _WORD.findall(text[mark.start : mark.end])
    if len(words) > _SHORT_WORDS:
        return False
    if credit is None:
        return True
    if credit.cue in SPEECH_VERBS and _beside(text, credit, mark):
        return False  # 'he responded "Yes."': words said, right beside the verb
    # “American Pie”, “Scrubs”: capitalised words inside a sentence name a work, not speech.
    return not alone and all(w[:1].isupper() for w in words)


def _beside(text: str, credit: Attribution, mark: _Mark) -> bool:
    """'he responded "Yes."' or '"Yes," he said': nothing but the verb between the two."""
    if credit.end <= mark.open_at:
        return len(_WORD.findall(text, credit.end, mark.open_at)) <= 1
    return not _WORD.search(text, mark.close_at, credit.start)


def _gap(credit: Attribution, mark: _Mark) -> int:
    return mark.open_at - credit.end if credit.end <= mark.open_at else credit.start - mark.close_at
