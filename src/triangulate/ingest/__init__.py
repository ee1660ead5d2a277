"""Ingest: files, folders, JSONL, feeds and stdin become RawArticles (or reported Problems)."""

from triangulate.ingest.read import IngestResult, iter_inputs, read_inputs, register_reader

__all__ = ["IngestResult", "iter_inputs", "read_inputs", "register_reader"]
