"""``python -m triangulate``: the same command line as the ``triangulate`` script."""

from __future__ import annotations

from triangulate.cli import main

if __name__ == "__main__":
    main()
