"""Pairing quote marks: where each direct quote opens and closes in a text.

A scanner, not a regular expression over the whole text, so an unbalanced mark cannot swallow
the rest of the article (textacy's ``direct_quotations`` fails that way): a quote never runs
past ``MAX_QUOTE_CHARS``, a blank line or a few line breaks (text that keeps one sentence a
line), and an opening mark that is never closed yields nothing, unless the article was cut off
inside its last quote. A quote over several paragraphs (the newspaper convention: each
paragraph reopens the quote and only the last closes it) is one quote per paragraph. Marks
typed wrongly are read as meant: an opening curly mark where the closing one belongs ('“We were
respectful, “said Juror No. 8'), straight and curly marks mixed, an apostrophe typed as an
opening mark ("Simon Beaufoy ‘s script").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MAX_QUOTE_CHARS", "WORD", "Mark", "scan"]

MAX_QUOTE_CHARS = 2000
_MAX_LINES = 2  # line breaks a quote may cross without being reopened
# Curly marks say which end they are, so a quote between them may run over more lines of text
# kept one sentence a line: any opening mark met before the closer still ends the search.
_MAX_LINES_CURLY = 8
_PAIRS = {"“": "”", "‘": "’", '"': '"', "«": "»", "„": "“"}
_DOUBLE_MARKS = '"“”«»„'
# Scraped text mixes straight and curly marks: '"I heard the gunfire, and I ran,” he told'.
_ALSO_CLOSES = {'"': "”", "“": '"'}
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Punctuation that belongs to the sentence around the quote, not to the quoted words.
_TRAILING = ",;: \t\n"
# What precedes an opening mark typed for a closing one: the quote's own end punctuation.
_MISTYPED_CLOSE = frozenset({", ", ". ", "! ", "? "})
_LEADING = " \t\n"
# What follows an apostrophe typed as an opening mark: "Simon Beaufoy ‘s script", "don ‘t".
_CONTRACTION = re.compile(r"(?:s|t|d|m|ll|re|ve)(?![^\W_])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mark:
    """A quote as found by the scanner: the inner words' offsets and those of its marks."""

    start: int
    end: int
    open_at: int
    close_at: int


def scan(text: str) -> list[Mark]:
    """The quotes of ``text``, in order: opening and closing marks paired paragraph by paragraph."""
    marks: list[Mark] = []
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
    if text[i] in "‘'":  # an apostrophe ("Afghans’", "o‘clock", "Beaufoy ‘s") is no opener
        return not before.isalnum() and not _CONTRACTION.match(text, i + 1)
    return not before.isalnum() or text[i] in "“«„"


def _can_close(text: str, i: int, closer: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    if closer == "’":  # "Afghans’ homes", "don’t": apostrophes inside and after words
        return not after.isalnum()
    return True


def _close(text: str, open_at: int, closer: str) -> Mark | None:
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
            if rest.startswith(("\n\n", "\n \n", "\n\r\n")):
                return None
            if lines > max_lines:
                return _cut_off(text, open_at)
        if (
            ch in (opener, _ALSO_CLOSES.get(opener))
            and ch != closer
            and text[j - 2 : j] in _MISTYPED_CLOSE
        ):  # '“We were respectful, “said Juror No. 8', '“They drive reckless, "a bystander'
            return _trim(text, open_at, j)
        if ch == text[open_at] and _can_open(text, j) and not _can_close(text, j, closer):
            return None  # a second opener before any closer: the first was unbalanced
        j += 1
    return _cut_off(text, open_at) if j == len(text) else None


def _cut_off(text: str, open_at: int) -> Mark | None:
    """A quote the article was cut off inside: it runs to the end of the text, when it opens a
    paragraph or follows a colon or comma ('tweeted Thursday: "My stepmom ...') and what is
    left is one paragraph of a few lines without another double quote mark to swallow."""
    end = len(text.rstrip())
    rest = text[open_at + 1 : end]
    lead = text[text.rfind("\n", 0, open_at) + 1 : open_at].rstrip()
    if (
        text[open_at] not in _DOUBLE_MARKS
        or lead[-1:] not in {"", ":", ","}
        or end - open_at > MAX_QUOTE_CHARS
        or rest.count("\n") > _MAX_LINES_CURLY
        or "\n\n" in rest
        or any(mark in rest for mark in _DOUBLE_MARKS)
    ):
        return None
    return _trim(text, open_at, end)


def _trim(text: str, open_at: int, close_at: int) -> Mark | None:
    start, end = open_at + 1, close_at
    while start < end and text[start] in _LEADING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    if not WORD.search(text, start, end):
        return None
    return Mark(start, end, open_at, close_at)
