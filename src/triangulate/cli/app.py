"""The Typer application, global options and the error-to-exit-code policy.

Exit codes: 0 success; 1 internal error; 2 bad usage or no usable input.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console

from triangulate.errors import (
    InputError,
    NoUsableInputError,
    SettingsError,
    StoryNotFoundError,
    TriangulateError,
)
from triangulate.settings import Settings, load_settings

__all__ = ["app", "console", "err_console", "handle_errors", "main", "state"]

app = typer.Typer(
    name="triangulate",
    help="Reconcile news coverage across sources: group articles into stories and build, for "
    "each, a cited dossier (sources, figure ledger with verdicts, quotes, timeline, entities, "
    "brief).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)


class _State:
    """Global options, and the settings they lead to (loaded once, on first use)."""

    def __init__(self) -> None:
        self.quiet = False
        self.verbose = False
        self.config: Path | None = None
        self._settings: Settings | None = None

    def configure(self, *, quiet: bool, verbose: bool, config: Path | None) -> None:
        """Take this run's global options; settings load again on next use."""
        self.quiet, self.verbose, self.config = quiet, verbose, config
        self._settings = None

    def settings(self) -> Settings:
        """Defaults, the --config file (or $TRIANGULATE_CONFIG), then the environment."""
        if self._settings is None:
            self._settings = load_settings(self.config)
        return self._settings


state = _State()

P = ParamSpec("P")
R = TypeVar("R")


@app.callback()
def _global_options(
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only results and errors.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log each stage; show tracebacks.")
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="TOML settings file over the defaults (else $TRIANGULATE_CONFIG, else "
            "./triangulate.toml when present); TRIANGULATE_<SECTION>_<KEY> variables win.",
        ),
    ] = None,
) -> None:
    """Reconcile news coverage across sources."""
    state.configure(quiet=quiet, verbose=verbose, config=config)
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into a clear message and the documented exit code."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (NoUsableInputError, InputError, StoryNotFoundError, SettingsError) as exc:
            err_console.print(f"[red]error[/red] [{exc.code}]: {exc}", highlight=False)
            raise typer.Exit(2) from exc
        except TriangulateError as exc:
            err_console.print(f"[red]error[/red] [{exc.code}]: {exc}", highlight=False)
            raise typer.Exit(1) from exc
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except Exception as exc:
            if state.verbose:
                raise
            err_console.print(
                f"[red]internal error[/red]: {type(exc).__name__}: {exc} "
                "(run with --verbose for the traceback, and please report it)",
                highlight=False,
            )
            raise typer.Exit(1) from exc

    return wrapper


def main() -> None:
    """Entry point of the ``triangulate`` command."""
    import triangulate.cli  # noqa: F401  (registers every command on app)

    app()
