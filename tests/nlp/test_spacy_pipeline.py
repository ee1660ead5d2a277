"""The spaCy pipeline as triangulate loads it: line breaks end sentences, titles stay whole."""

from __future__ import annotations

import pytest
from spacy.language import Language


def test_a_line_break_ends_a_sentence(nlp: Language) -> None:
    doc = nlp("Three dead after fire-bomb hits bank\nThe fire started on Wednesday.")
    assert [s.text.strip() for s in doc.sents] == [
        "Three dead after fire-bomb hits bank",
        "The fire started on Wednesday.",
    ]


@pytest.mark.parametrize("title", ["Lt.", "Sgt.", "Det.", "Capt.", "Dist.", "Atty."])
def test_a_title_keeps_its_full_stop_and_the_sentence(nlp: Language, title: str) -> None:
    doc = nlp(f"Troy police {title} Gerry Scherlinck said the man fled. He was caught.")
    assert title in [t.text for t in doc]
    assert len(list(doc.sents)) == 2
    assert any("Gerry Scherlinck" in e.text for e in doc.ents if e.label_ == "PERSON")
