"""The command line as scripts drive it: the contract's forms, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from triangulate.cli import app
from triangulate.render.json import validate

runner = CliRunner()


def _invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


def test_every_command_and_option_explains_itself() -> None:
    result = _invoke("--help")
    assert result.exit_code == 0
    assert "Reconcile news coverage" in result.output
    import typer.main

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert {"dossier", "ingest", "stories", "export"} <= set(commands)
    for name, command in commands.items():
        assert command.help, f"command {name} has no help"
        assert _invoke(name, "--help").exit_code == 0
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.opts} has no help"


def test_dossier_of_the_example_story_follows_the_contract(
    example_story: Path, shared: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dossier.json"
    result = _invoke("dossier", str(example_story), "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    validate(data)
    assert len(data["documents"]) == 5
    checker = subprocess.run(
        [sys.executable, str(shared / "tools" / "check_contract.py"), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checker.returncode == 0, checker.stdout + checker.stderr


def test_one_run_writes_several_formats(example_story: Path, tmp_path: Path) -> None:
    files = [tmp_path / "d.json", tmp_path / "d.md", tmp_path / "d.html"]
    args = ["dossier", str(example_story)]
    for f in files:
        args += ["-o", str(f)]
    result = _invoke(*args)
    assert result.exit_code == 0, result.output
    assert json.loads(files[0].read_text())["schema_version"] == "1"
    assert files[1].read_text().startswith("# Dossier")
    assert "## Figure ledger" in files[1].read_text()
    assert files[2].read_text().startswith("<!DOCTYPE html>")


def test_skipped_inputs_are_reported_and_the_rest_used(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text(
        "Police said 12 people were arrested on Monday.", encoding="utf-8"
    )
    result = _invoke("dossier", str(tmp_path), "--format", "json")
    assert result.exit_code == 0
    assert "empty.txt" in result.stderr
    assert "1 article(s) used, 1 input(s) skipped" in result.stderr
    data = json.loads(result.stdout)
    assert [d["id"] for d in data["documents"]] == ["ok"]


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary"])
def test_no_usable_input_exits_2_naming_the_file(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = _invoke("dossier", str(bad))
    assert result.exit_code == 2
    assert "bad.txt" in result.stderr


def test_bad_usage_exits_2() -> None:
    assert _invoke("dossier").exit_code == 2
    assert _invoke("dossier", "x.txt", "--format", "pdf").exit_code == 2


def test_stdin_input(tmp_path: Path) -> None:
    result = _invoke(
        "dossier", "-", "--format", "markdown", stdin="Rescuers said over 40 people were missing."
    )
    assert result.exit_code == 0, result.output
    assert "over 40" in result.stdout


def test_corpus_mode_contract_forms(example_story: Path, shared: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "news.duckdb")
    assert _invoke("ingest", str(example_story), "--db", db).exit_code == 0
    again = _invoke("ingest", str(example_story), "--db", db)
    assert again.exit_code == 0
    assert "0 article(s) used" in again.stderr + again.stdout
    listed = _invoke("stories", "--db", db, "--format", "json")
    assert listed.exit_code == 0, listed.output
    stories = json.loads(listed.stdout)
    members = sorted(doc for story in stories for doc in story["documents"])
    assert members == sorted(p.stem for p in example_story.glob("*.txt"))
    assert all({"id", "title", "documents"} <= set(story) for story in stories)
    biggest = max(stories, key=lambda s: len(s["documents"]))
    out = tmp_path / "story.json"
    built = _invoke(
        "dossier", "--story", biggest["id"], "--db", db, "--format", "json", "-o", str(out)
    )
    assert built.exit_code == 0, built.output
    data = json.loads(out.read_text(encoding="utf-8"))
    validate(data)
    assert sorted(d["id"] for d in data["documents"]) == sorted(biggest["documents"])
    checker = subprocess.run(
        [sys.executable, str(shared / "tools" / "check_contract.py"), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checker.returncode == 0, checker.stdout
    assert _invoke("dossier", "--story", "nope", "--db", db).exit_code == 2


def test_python_dash_m_runs_the_same_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "triangulate", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "dossier" in result.stdout and "ingest" in result.stdout
