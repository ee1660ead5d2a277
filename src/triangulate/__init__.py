"""triangulate: reconcile news coverage across sources.

>>> import triangulate
>>> triangulate.render  # doctest: +ELLIPSIS
<function render at ...>

The pipeline entry points (``dossier_from_paths``, ``build_dossier``) load spaCy, so they are
imported on first use; ``import triangulate`` itself stays light for the command line.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from triangulate.errors import (
    InputError,
    ModelNotInstalledError,
    NoUsableInputError,
    SettingsError,
    StoreBusyError,
    StoreError,
    StoryNotFoundError,
    TriangulateError,
)
from triangulate.ingest import IngestResult, read_inputs
from triangulate.normalise.metadata import settle_metadata
from triangulate.render import render
from triangulate.render.json import dossier_to_dict, validate
from triangulate.settings import Settings, load_settings
from triangulate.types import (
    Amount,
    Article,
    BriefSentence,
    Dossier,
    Entity,
    Event,
    Figure,
    Measure,
    Problem,
    Quote,
    RawArticle,
    Span,
)

if TYPE_CHECKING:
    from triangulate.pipeline import build_dossier, dossier_from_paths

__all__ = [
    "Amount",
    "Article",
    "BriefSentence",
    "Dossier",
    "Entity",
    "Event",
    "Figure",
    "IngestResult",
    "InputError",
    "Measure",
    "ModelNotInstalledError",
    "NoUsableInputError",
    "Problem",
    "Quote",
    "RawArticle",
    "Settings",
    "SettingsError",
    "Span",
    "StoreBusyError",
    "StoreError",
    "StoryNotFoundError",
    "TriangulateError",
    "build_dossier",
    "dossier_from_paths",
    "dossier_to_dict",
    "load_settings",
    "read_inputs",
    "render",
    "settle_metadata",
    "validate",
]

_LAZY = {"build_dossier": "triangulate.pipeline", "dossier_from_paths": "triangulate.pipeline"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'triangulate' has no attribute {name!r}")
