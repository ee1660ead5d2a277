"""Cell texts the Markdown and HTML reports share."""

from __future__ import annotations

from triangulate.types import Figure

__all__ = ["counted_with_holder"]


def counted_with_holder(figure: Figure) -> str:
    """What a figure counts, and whose it is where a name owns it: "bid (Nationals)"."""
    counted = figure.counted or ""
    return f"{counted} ({figure.holder})".strip() if figure.holder else counted
