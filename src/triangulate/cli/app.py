"""The Typer application, global options and the error-to-exit-code policy.

Exit codes: 0 success; 1 internal error; 2 bad usage or no usable input.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import wraps
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console

from triangulate.errors import InputError, NoUsableInputError, StoryNotFoundError, TriangulateError

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
    quiet = False
    verbose = False


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
) -> None:
    """Reconcile news coverage across sources."""
    state.quiet = quiet
    state.verbose = verbose
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
        except (NoUsableInputError, InputError, StoryNotFoundError) as exc:
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
