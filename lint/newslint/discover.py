"""Expanding the command line's paths into the drafts to lint."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}


@dataclass(frozen=True)
class Target:
    """A file to lint, or a path that cannot be (with the reason)."""

    path: str
    problem: str | None = None


def discover(paths: list[str]) -> Iterator[Target]:
    """Files named directly are linted whatever their suffix; folders give their Markdown."""
    for path in paths:
        if path == "-":
            yield Target(path)
        elif os.path.isdir(path):
            yield from _walk(path)
        elif os.path.exists(path):
            yield Target(path)
        else:
            yield Target(path, "no such file or directory")


def _walk(folder: str) -> Iterator[Target]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(MARKDOWN_SUFFIXES):
                yield Target(os.path.normpath(os.path.join(root, name)))
