"""Expanding the command line's paths into the drafts to lint."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.reading import missing, not_regular

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}


@dataclass(frozen=True)
class Target:
    """A file to lint, or a path that cannot be (with the reason)."""

    path: str
    problem: str | None = None  # cannot be linted: an error, and the run fails
    notice: str | None = None  # skipped on purpose: said once, the run goes on
    unlisted: bool = False  # a folder that could not be listed, not a draft


def discover(paths: list[str]) -> Iterator[Target]:
    """Files named directly are linted whatever their suffix; folders give their Markdown.

    Only regular files are read: a FIFO, socket or device named ``*.md``
    would block the run or never end, so it is skipped with a notice.
    """
    for path in paths:
        if path == "-":
            yield Target(path)
        elif os.path.isdir(path):
            yield from _folder(path)
        elif os.path.exists(path):
            yield _file(path)
        elif os.path.islink(path):
            yield Target(path, missing(path))
        elif not path:
            yield Target(path, "an empty file name (an unset variable?); name a file or folder")
        else:
            yield Target(path, "no such file or directory")


def _file(path: str) -> Target:
    try:
        kind = not_regular(os.stat(path).st_mode)
    except OSError:
        return Target(path)  # reading it will say why
    return Target(path, notice=f"is {kind}, not a regular file; skipped") if kind else Target(path)


def _folder(folder: str) -> Iterator[Target]:
    found = False
    for target in _walk(folder):
        found = True
        yield target
    if found:
        return
    # A folder with no drafts is nothing to lint, whatever its name: an error here
    # was counted as "1 file could not be linted", and sent editors looking for one.
    if folder.lower().rstrip("/").endswith(MARKDOWN_SUFFIXES):
        yield Target(
            folder, notice="is a folder, not a draft, and holds no Markdown files; none linted"
        )
    else:
        yield Target(folder, notice="folder holds no Markdown files (.md, .markdown); none linted")


def _walk(folder: str) -> Iterator[Target]:
    # os.walk passes over a folder it cannot list without a word: its drafts
    # went unlinted and the run still said "No findings".
    unlisted: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unlisted.append):
        yield from _unlisted(unlisted)
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(MARKDOWN_SUFFIXES):
                yield _file(os.path.normpath(os.path.join(root, name)))
    yield from _unlisted(unlisted)


def _unlisted(errors: list[OSError]) -> Iterator[Target]:
    while errors:
        exc = errors.pop(0)
        why = exc.strerror or str(exc)
        yield Target(
            str(exc.filename),
            f"folder cannot be read ({why}); its drafts are not linted",
            unlisted=True,
        )
