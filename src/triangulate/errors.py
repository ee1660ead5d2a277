"""One exception hierarchy. Messages say what was wrong, where, and what to do."""

from __future__ import annotations


class TriangulateError(Exception):
    """Base of every error triangulate raises on purpose."""

    code = "T000"


class SettingsError(TriangulateError):
    """A settings file or variable is wrong; the message names it, the key, and the fix."""

    code = "T010"


class InputError(TriangulateError):
    """An input could not be read or used; the message names the file (and line)."""

    code = "T100"

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.reason = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


class NoUsableInputError(TriangulateError):
    """Every input was skipped: there is nothing to build a dossier from."""

    code = "T101"


class ModelNotInstalledError(TriangulateError):
    """A model package is missing from the environment."""

    code = "T200"


class StoreError(TriangulateError):
    """The store could not be opened or written."""

    code = "T300"


class StoreBusyError(StoreError):
    """Another process holds the store."""

    code = "T301"


class StoryNotFoundError(StoreError):
    """No story with the requested id is in the store."""

    code = "T302"
