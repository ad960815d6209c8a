"""Linting many drafts: in worker processes, results in the same order as serial.

Each worker builds one Linter (config and compiled packs) when it starts and
keeps it for every file it is given; files go out in chunks so that a worker
is not asked one file at a time. Starting a process costs more than linting a
few drafts, so short lists stay in this process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager

from newslint.engine import LintResult
from newslint.linter import Linter, Options

SERIAL_BELOW = 8  # fewer files than this are linted in process
PROGRESS_FROM = 6  # more files than a glance can wait for

# The Linter of *this worker process*, set once by _start_worker. It lives
# only in pool workers (the main process never sets it) so that each worker
# compiles the packs once rather than once per file.
_worker: list[Linter] = []


def cpu_count() -> int:
    """CPUs this process may use (a container's limit, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _start_worker(options: Options) -> None:
    _worker[:] = [Linter(options)]


def _lint_in_worker(path: str) -> LintResult:
    return _worker[0].lint_path(path)


def lint_paths(
    linter: Linter,
    paths: Sequence[str],
    jobs: int,
    show_progress: bool = False,
    color: bool = True,
) -> list[LintResult]:
    """Lint ``paths`` with up to ``jobs`` processes; the order of ``paths`` is kept."""
    return list(iter_lint_paths(linter, paths, jobs, show_progress, color))


def iter_lint_paths(
    linter: Linter,
    paths: Sequence[str],
    jobs: int,
    show_progress: bool = False,
    color: bool = True,
) -> Generator[LintResult, None, None]:
    """Each result as soon as it (and every one before it) is done, in the order of ``paths``.

    A caller that reports and drops each result holds one draft's findings at
    a time, however many drafts there are.
    """
    workers = min(jobs, len(paths))
    if workers <= 1 or len(paths) < SERIAL_BELOW:
        with progress(len(paths), show_progress, color) as advance:
            for path in paths:
                yield _serial(linter, path, advance)
        return
    from concurrent.futures import ProcessPoolExecutor  # only many files pay for it

    chunk = max(1, min(64, len(paths) // (workers * 4)))
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(linter.options,))
    with pool:
        # map() submits everything at once, so (with fork) every worker
        # starts before the progress bar starts its drawing thread.
        ordered = pool.map(_lint_in_worker, paths, chunksize=chunk)
        with progress(len(paths), show_progress, color) as advance:
            for result in ordered:
                yield _advanced(result, advance)


def _serial(linter: Linter, path: str, advance: Callable[[], None]) -> LintResult:
    return _advanced(linter.lint_path(path), advance)


def _advanced(result: LintResult, advance: Callable[[], None]) -> LintResult:
    advance()
    return result


def wants_progress(count: int, quiet: bool) -> bool:
    return count >= PROGRESS_FROM and not quiet and sys.stderr.isatty()


@contextmanager
def progress(count: int, enabled: bool, color: bool) -> Iterator[Callable[[], None]]:
    """A bar on stderr counting linted files; a do-nothing callable when disabled."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    # Cleared when done (transient), so only the report stays on screen;
    # no_color None lets rich honour NO_COLOR itself.
    console = Console(stderr=True, no_color=True if not color else None)
    columns = (TextColumn("linting"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("linting", total=count)
        yield lambda: bar.advance(task)
