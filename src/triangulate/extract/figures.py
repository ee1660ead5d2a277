"""Find the figures of a parsed article: numbers that count something, normalised and dated.

Candidates are found and widened to their hedge ("over 200,000", "an estimated 1.7 million")
by :mod:`triangulate.extract._figure_spans`, and dropped when they count nothing (years, ages,
names with digits, scores ...) by :mod:`triangulate.extract._figure_filters`. This module
assembles the records: it reads a magnitude from its sentence, what the figure counts and which
way it changed (:mod:`triangulate.extract.counted`), who stated it, and the date it describes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from triangulate.extract._figure_filters import is_figure
from triangulate.extract._figure_holders import holder_of
from triangulate.extract._figure_spans import candidate_spans, read_candidate
from triangulate.extract._figure_tallies import tally_sides
from triangulate.extract.counted import read_counted
from triangulate.normalise.dates import resolve_date
from triangulate.types import Amount, Article, Attribution, Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["extract_figures"]

_QUAKE = re.compile(r"\b(?:magnitude|earthquake|quake|tremor|temblor|Richter)\b", re.IGNORECASE)
_FRACTION = re.compile(
    r"\b(?:half|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)\b", re.IGNORECASE
)
_PARENTHESIS = re.compile(r"\s*[(\[]\s*")
# What follows a fraction that is a share: "half of the candidates", "more than half are ...".
_SHARE_AFTER = re.compile(
    r"\s*(?:of|the|its|his|her|their|are|were|is|was|have|had|will|would)\b|\s*[,.;:]"
)
_RUPEE_COUNTRIES = (("PKR", "Pakistan"), ("INR", "India"), ("LKR", "Sri Lanka"), ("NPR", "Nepal"))


def extract_figures(
    doc: Doc, article: Article, attributions: Sequence[Attribution] = ()
) -> list[Figure]:
    """The figures of one parsed article, in text order, with ids ``{article.id}:f{n}``."""
    text = article.text
    rupee = _rupee_code(text)
    # ``doc.ents`` walks the whole document on each access: read the entities once.
    entities = tuple(doc.ents)
    dates = tuple(e for e in entities if e.label_ == "DATE")
    figures: list[Figure] = []
    antecedent: tuple[int, str | None] = (-1, None)  # (sentence start, noun) of the last figure
    taken = 0  # where the last figure ended: a range read on ("two or three") takes its end
    for start, end in candidate_spans(doc, text):
        if start < taken:
            continue
        sides = tally_sides(doc, text, start)
        first = doc.char_span(*sides[0], alignment_mode="expand") if sides else None
        if sides and first is not None:  # "slumping at 9-14": two figures, wins and losses
            taken = sides[-1][1]
            figures += [
                _tally_side(article, len(figures) + k, first.sent, side, attributions, dates)
                for k, side in enumerate(sides, start=1)
            ]
            continue
        found = read_candidate(text, start, end, rupee)
        if found is None:
            continue
        start, end, amount = found
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not is_figure(span, text, start, end, amount, entities):
            continue
        taken = end
        sent = span.sent
        amount = _magnitude_in_context(amount, text[start:end], sent.text)
        amount = _share(amount, text[start:end], text[end : end + 8])
        if _bare_fraction(amount, text[start:end]):
            continue  # "a third suspect", "for a fourth time": an ordinal's words, no share
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
                attributed_to=_speaker(attributions, article.id, start),
                as_of=_as_of(sent, start, article.published, dates),
                sentence_start=sent.start_char,
                sentence_end=sent.end_char,
                holder=holder_of(span),
            )
        )
    return figures


def _tally_side(
    article: Article,
    number: int,
    sent: Span,
    side: tuple[int, int],
    attributions: Sequence[Attribution],
    dates: Sequence[Span],
) -> Figure:
    """One side of an "N-M" tally as a figure: the "9" of "a 9-14 record"."""
    start, end = side
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    return Figure(
        id=f"{article.id}:f{number}",
        doc_id=article.id,
        start=start,
        end=end,
        text=article.text[start:end],
        amount=Amount(float(article.text[start:end])),
        attributed_to=_speaker(attributions, article.id, start),
        as_of=_as_of(sent, start, article.published, dates),
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        holder=holder_of(span) if span is not None else None,
    )


def _share(amount: Amount, surface: str, after: str) -> Amount:
    """ "more than half of the candidates", "half the roof", "about half were destroyed": a
    share, in percent, so it meets "50 percent" and "33%" of other reports."""
    ends = [x for x in (amount.value, amount.low, amount.high) if x is not None]
    if (
        amount.unit is None
        and not amount.multiplier
        and ends
        and all(0 < x < 1 for x in ends)
        and _FRACTION.search(surface)
        and _SHARE_AFTER.match(after)
    ):
        return replace(
            amount,
            value=_percent(amount.value),
            low=_percent(amount.low),
            high=_percent(amount.high),
            unit="%",
        )
    return amount


def _bare_fraction(amount: Amount, surface: str) -> bool:
    """A fraction that did not read as a share of something."""
    return (
        amount.unit is None
        and amount.value is not None
        and 0 < amount.value < 1
        and _FRACTION.search(surface) is not None
        and not re.search(r"\bhalf\b", surface, re.I)
    )


def _percent(fraction: float | None) -> float | None:
    return None if fraction is None else round(fraction * 100, 4)


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


def _speaker(attributions: Sequence[Attribution], doc_id: str, start: int) -> str | None:
    """The speaker of the attribution that covers the figure (nearest mention).

    Only what a cue vouches for counts: not "Investigators didn't say why Hiller, a 15-year
    employee, was suspended", nor a sentence that only introduces a quote.
    """
    covering = [
        a for a in attributions if a.doc_id == doc_id and a.sentence_start <= start < a.sentence_end
    ]
    if not covering:
        return None
    return min(covering, key=lambda a: abs(a.start - start)).speaker


def _rupee_code(text: str) -> str:
    """The rupee a bare "Rs" means here: the country of rupees the article names most."""
    counts = [(len(re.findall(rf"\b{name}", text)), code) for code, name in _RUPEE_COUNTRIES]
    best = max(counts)
    return best[1] if best[0] else "INR"


_AS_OF_CUE = re.compile(r"\b(?:as of|as at|as on|by|until|till|up to)\s+$", re.IGNORECASE)
_PERIOD = re.compile(
    r"\bin (?:the )?(?:(first|second) half|(first|second|third|fourth) quarter) of ((?:19|20)\d\d)",
    re.IGNORECASE,
)


def _as_of(
    sent: Span, start: int, published: dt.date | None, dates: Sequence[Span]
) -> dt.date | None:
    """The date the figure describes: an explicit "as of" date in its sentence, else the
    document's date.

    A period ("in the first half of 2023") gives its last day, since the count describes the
    state at the period's end; "since November 1" starts a running count, so it does not move
    the date. A date after the document's own date is taken as a deadline, not an as-of date.
    ``dates`` are the document's DATE entities.
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
    for ent in dates:
        if not (sent.start_char <= ent.start_char and ent.end_char <= sent.end_char):
            continue
        if not _AS_OF_CUE.search(text[: ent.start_char - offset]):
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
