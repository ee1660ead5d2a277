"""The corpus store: articles, stories and cached dossiers in one embedded DuckDB file.

>>> report = ingest(["articles.jsonl"], "news.duckdb")          # doctest: +SKIP
>>> [s.title for s in list_stories("news.duckdb")]             # doctest: +SKIP
"""

from triangulate.store.ingest import IngestReport, content_hash, ingest
from triangulate.store.store import DEFAULT_DB, open_store, transaction
from triangulate.store.stories import StoryInfo, build_story_dossier, export_parquet, list_stories

__all__ = [
    "DEFAULT_DB",
    "IngestReport",
    "StoryInfo",
    "build_story_dossier",
    "content_hash",
    "export_parquet",
    "ingest",
    "list_stories",
    "open_store",
    "transaction",
]
