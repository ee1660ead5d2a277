"""Build Figure and Article records from short phrases, for the alignment and verdict tests.

Each row becomes a sentence "<figure text> <counted>." of its document (or joins the previous
sentence), so spans and sentence bounds are real: ``article.text[start:end] == figure.text``.
Amounts come from the real normaliser, so a row reads like the news it stands for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from triangulate.normalise.numbers import parse_amount
from triangulate.types import Article, Figure, InputKind


@dataclass(frozen=True)
class Row:
    """One figure as a test table writes it."""

    doc: str
    text: str
    counted: str | None
    as_of: dt.date | None = None
    by: str | None = None
    change: str | None = None
    joins_previous: bool = False  # same sentence as the previous row of this document
    after: str = ""  # more words of the sentence, after the counted phrase
    holder: str | None = None  # the name the figure belongs to ("the Nationals bid ...")


def build(
    rows: Sequence[Row], outlets: dict[str, str] | None = None
) -> tuple[list[Figure], list[Article]]:
    """Figures (ids f1, f2, … in row order) and their articles, with exact spans."""
    texts: dict[str, str] = {}
    figures: list[Figure] = []
    for number, row in enumerate(rows, start=1):
        amount = parse_amount(row.text)
        assert amount is not None, row.text
        text = texts.get(row.doc, "")
        if row.joins_previous and text:
            text, sentence_start = text[:-1] + " and ", figures[-1].sentence_start
        else:
            text += " " if text else ""
            sentence_start = len(text)
        start = len(text)
        text += " ".join(w for w in (row.text, row.counted, row.after) if w) + "."
        texts[row.doc] = text
        figures.append(
            Figure(
                id=f"f{number}",
                doc_id=row.doc,
                start=start,
                end=start + len(row.text),
                text=row.text,
                amount=amount,
                counted=row.counted,
                change=row.change,
                attributed_to=row.by,
                as_of=row.as_of,
                sentence_start=sentence_start,
                holder=row.holder,
            )
        )
    # Sentences end at the first full stop after the figure (the table's words have none).
    figures = [
        dataclasses.replace(f, sentence_end=texts[f.doc_id].index(".", f.end) + 1) for f in figures
    ]
    outlets = outlets or {}
    articles = [
        Article(id=doc, text=text, kind=InputKind.TEXT, outlet=outlets.get(doc))
        for doc, text in texts.items()
    ]
    return figures, articles
