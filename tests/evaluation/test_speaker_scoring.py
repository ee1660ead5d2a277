"""The evaluation's reading of "the same speaker", for quotes and figure attributions."""

from __future__ import annotations

import pytest
from eval.scorers._speakers import speakers_agree


@pytest.mark.parametrize(
    ("gold", "predicted", "agree"),
    [
        ("Anwar ul Haq Kakar", "Kakar", True),
        ("Anthony LaCalamita III", "LaCalamita", True),
        ("Indian Navy spokesman", "a spokesman for the Indian Navy", True),
        ("a police spokeswoman", "a Surrey Police spokeswoman", True),
        ("a police spokesman", "a spokesman for Waitrose", False),
        ("a poll released Sunday", "a poll", True),
        ("Vancouver Police Department", "Vancouver police", True),
        ("protesters", "People", False),
        ("Giannis Panagopoulos", "Alexis Kougias", False),
        (None, None, True),
        ("Kakar", None, False),
    ],
)
def test_speakers_agree(gold: str | None, predicted: str | None, agree: bool) -> None:
    assert speakers_agree(gold, predicted) is agree
