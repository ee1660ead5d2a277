"""Scorers: each module exposes ``score(gold_dir, dossier) -> dict[str, float]``."""
