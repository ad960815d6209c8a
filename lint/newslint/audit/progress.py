"""A progress bar on stderr: drafts done, drafts per second, time left."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import ProgressColumn, Task
from rich.text import Text


class RateColumn(ProgressColumn):
    """Drafts per second, as rich measures it over the last half minute."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-- drafts/s" if speed is None else f"{speed:.1f} drafts/s")


@contextmanager
def progress(total: int, enabled: bool, color: bool) -> Iterator[Callable[[int], None]]:
    """Yields ``advance(n)``; a do-nothing callable when disabled."""
    if not enabled:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True, no_color=True if not color else None)
    columns = (
        TextColumn("auditing"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, speed_estimate_period=30) as bar:
        task = bar.add_task("auditing", total=total)
        yield lambda n: bar.advance(task, n)
