"""A rich progress bar on standard error that long work reports into."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

__all__ = ["progress_bar"]


@contextmanager
def progress_bar(
    label: str, *, enabled: bool = True, total: int | None = None
) -> Iterator[Callable[[int], None]]:
    """Yield an ``advance(n)`` callback; draws a transient bar on a terminal when enabled."""
    if not enabled:
        yield lambda _n: None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=total, rate="")

        def advance(n: int) -> None:
            progress.advance(task, n)
            elapsed = progress.tasks[0].elapsed or 0.0
            done = progress.tasks[0].completed
            if elapsed > 0:
                progress.update(task, rate=f"{done / elapsed:.1f} articles/s")

        yield advance
