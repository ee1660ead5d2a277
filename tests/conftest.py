"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TRIANGULATE_SHARED", REPO.parent / "shared"))
EXAMPLE_STORY = SHARED / "corpus" / "pakistan-afghans-2023"
RESOURCES = Path(__file__).resolve().parent / "resources"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The English pipeline, loaded once for the whole run."""
    from triangulate.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def example_story() -> Path:
    """The example story folder in ../shared (five articles from five outlets)."""
    if not EXAMPLE_STORY.is_dir():
        pytest.skip(f"{EXAMPLE_STORY} is missing: clone the project with ../shared beside it")
    return EXAMPLE_STORY


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (corpus, data sets)."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is missing")
    return SHARED
