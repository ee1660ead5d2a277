"""The orchestration: what the pipeline adds on top of the extractors it runs."""

from __future__ import annotations

from spacy.language import Language

from triangulate.pipeline import extract_document
from triangulate.types import Article, InputKind


def test_a_figure_said_inside_a_quote_is_the_speakers(nlp: Language) -> None:
    text = (
        "The chase ended near Flint.\n"
        '"We found three live shells in the car. The shotgun was loaded too," Sheriff Robert '
        "Pickell said on Tuesday.\n"
    )
    article = Article(id="a", text=text, kind=InputKind.TEXT)
    extraction = extract_document(nlp(text), article)
    figure = next(f for f in extraction.figures if f.text == "three")
    quote = next(q for q in extraction.quotes if q.start <= figure.start < q.end)
    assert quote.speaker is not None
    assert figure.attributed_to == quote.speaker
    assert "Pickell" in quote.speaker
