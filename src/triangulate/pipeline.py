"""The pipeline, end to end: ingest, normalise, annotate, extract, link, verdicts, brief.

This module only sequences the stages; each stage lives in its own subpackage and passes the
frozen records of :mod:`triangulate.types` to the next.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from triangulate.brief.select import write_brief
from triangulate.errors import NoUsableInputError
from triangulate.extract.dates import extract_dates
from triangulate.extract.entities import extract_entities
from triangulate.extract.figures import extract_figures
from triangulate.extract.quotes import extract_quotes
from triangulate.extract.speakers import find_attributions
from triangulate.ingest import IngestResult, read_inputs
from triangulate.link.aliases import AliasTable, load_alias_table, merge_entities
from triangulate.link.coverage import coverage
from triangulate.link.derivatives import find_derivatives
from triangulate.link.events import build_events
from triangulate.link.figures import align_figures
from triangulate.link.quotes import cluster_quotes
from triangulate.link.speakers import canonical_with, speaker_index
from triangulate.nlp.pipeline import BATCH_SIZE, load_nlp, parse
from triangulate.normalise.metadata import date_undated, settle_metadata
from triangulate.settings import Settings, load_settings
from triangulate.types import (
    Article,
    DateMention,
    Dossier,
    Extraction,
    Figure,
    Measure,
    Problem,
    Quote,
    Sentence,
)
from triangulate.verdicts.figures import judge

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "Progress",
    "annotate",
    "build_dossier",
    "dossier_from_paths",
    "extract_document",
    "link",
]

Progress = Callable[[int], None]
"""Called with the number of documents just finished, for progress bars."""


def dossier_from_paths(
    paths: Sequence[str | Path],
    *,
    stdin: TextIO | None = None,
    alias_file: Path | None = None,
    progress: Progress | None = None,
    settings: Settings | None = None,
) -> tuple[Dossier, IngestResult]:
    """Read inputs and build the dossier of the story they form; raise if none is usable.

    ``settings`` (default: :func:`~triangulate.settings.load_settings`) give the file size
    limit, the spaCy model and its batch size, and the alias file used when ``alias_file`` is
    not given."""
    settings = settings or load_settings()
    ingested = read_inputs(paths, stdin, max_file_bytes=settings.ingest.max_file_bytes)
    if not ingested.articles:
        raise NoUsableInputError(
            "no input could be used: " + "; ".join(str(p) for p in ingested.problems[:5])
        )
    articles = [settle_metadata(raw) for raw in ingested.articles]
    alias_file = alias_file or settings.dossier.aliases
    aliases = load_alias_table(alias_file) if alias_file else None
    dossier = build_dossier(
        articles,
        nlp=load_nlp(settings.nlp.model),
        aliases=aliases,
        progress=progress,
        batch_size=settings.nlp.batch_size,
    )
    return dataclasses.replace(dossier, problems=tuple(ingested.problems)), ingested


def build_dossier(
    articles: Sequence[Article],
    *,
    nlp: Language | None = None,
    aliases: AliasTable | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> Dossier:
    """Build the dossier of one story from its articles.

    >>> from triangulate.types import Article, InputKind
    >>> text = "Officials said over 200 people were evacuated on Monday."
    >>> article = Article(id="a", text=text, kind=InputKind.TEXT)
    >>> [f.text for f in build_dossier([article]).figures]
    ['over 200']
    """
    extractions = annotate(
        date_undated(articles), nlp=nlp, progress=progress, batch_size=batch_size
    )
    return link(extractions, aliases=aliases)


def annotate(
    articles: Sequence[Article],
    *,
    nlp: Language | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> list[Extraction]:
    """Parse every article once (``nlp.pipe``) and run the extractors on each parse."""
    results = []
    docs = parse((a.text for a in articles), nlp or load_nlp(), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        results.append(extract_document(doc, article))
        if progress is not None:
            progress(1)
    return results


def extract_document(doc: Doc, article: Article) -> Extraction:
    """Run every extractor over one parsed article."""
    attributions = find_attributions(doc, article)
    quotes = extract_quotes(doc, article, attributions)
    return Extraction(
        article=article,
        sentences=tuple(
            Sentence(article.id, s.start_char, s.end_char, s.text)
            for s in doc.sents
            if s.text.strip()
        ),
        figures=tuple(_quoted_figures(extract_figures(doc, article, attributions), quotes)),
        quotes=tuple(quotes),
        dates=tuple(extract_dates(doc, article)),
        entities=tuple(extract_entities(doc, article)),
        attributions=tuple(attributions),
    )


def _quoted_figures(figures: Sequence[Figure], quotes: Sequence[Quote]) -> list[Figure]:
    """A figure said inside a quote, credited to no one, is the quote's speaker's figure."""
    credited = []
    for figure in figures:
        if figure.attributed_to is None:
            speaker = next(
                (q.speaker for q in quotes if q.speaker and q.start <= figure.start < q.end), None
            )
            figure = dataclasses.replace(figure, attributed_to=speaker)
        credited.append(figure)
    return credited


def link(extractions: Sequence[Extraction], *, aliases: AliasTable | None = None) -> Dossier:
    """Link what the extractors found across documents; no spaCy from here on."""
    articles = [e.article for e in extractions]
    entities = merge_entities([m for e in extractions for m in e.entities], aliases)
    names = speaker_index(entities)
    figures = [
        dataclasses.replace(f, attributed_to=_canonical(f.attributed_to, names))
        for e in extractions
        for f in e.figures
    ]
    quotes = cluster_quotes(
        [
            dataclasses.replace(q, speaker=_canonical(q.speaker, names))
            for e in extractions
            for q in e.quotes
        ],
        articles,
    )
    derived_from = find_derivatives(articles)
    measures = _measures(figures, articles, derived_from)
    sentences = [s for e in extractions for s in e.sentences]
    events = build_events([d for e in extractions for d in _story_dates(e)], sentences)
    return Dossier(
        documents=tuple(articles),
        figures=tuple(figures),
        measures=tuple(measures),
        quotes=tuple(quotes),
        events=tuple(events),
        entities=tuple(entities),
        brief=tuple(write_brief(sentences, articles, measures, figures, derived_from)),
        derived_from=dict(derived_from),
        coverage=coverage(articles, measures, figures, quotes, events, derived_from),
    )


def _canonical(name: str | None, index: dict[str, str]) -> str | None:
    """The story's canonical full name for a speaker ("Kakar" -> "Anwar ul Haq Kakar")."""
    return None if name is None else canonical_with(name, index)


_HEADER_METHODS = ("header", "date near the top")


def _story_dates(extraction: Extraction) -> list[DateMention]:
    """Dates the story tells, without the header or dateline that dates the article itself."""
    header = [
        (e.start, e.end)
        for e in extraction.article.evidence
        if e.start is not None
        and e.end is not None
        and (e.field == "dateline" or (e.field == "published" and e.method in _HEADER_METHODS))
    ]
    return [
        d
        for d in extraction.dates
        if not any(d.start < end and start < d.end for start, end in header)
    ]


def _measures(
    figures: Sequence[Figure], articles: Sequence[Article], derived_from: dict[str, str]
) -> list[Measure]:
    by_id = {a.id: a for a in articles}
    measures = []
    for number, group in enumerate(align_figures(figures, articles), start=1):
        measure = judge(group, by_id, derived_from)
        measures.append(dataclasses.replace(measure, id=f"m{number}"))
    return measures


def problems_summary(problems: Sequence[Problem]) -> list[str]:
    """Problems as printable lines."""
    return [str(p) for p in problems]
