"""The archive's drafts, each with the hash of its content.

The hash is what resuming keys on: a draft whose bytes have not changed since
it was audited is skipped, an edited one is audited again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newslint.discover import discover
from newslint.reading import missing


@dataclass(frozen=True)
class Draft:
    """One draft: the path shown in results, where workers read it, its hash."""

    path: str
    location: str  # absolute, so a worker started in another folder finds it
    digest: str  # sha256 of the bytes, or "" when they could not be read
    problem: str | None = None  # why it could not be read
    unlisted: bool = False  # a folder that could not be listed, not a draft
    notice: str | None = None  # not a draft, skipped on purpose (a FIFO, an empty folder)


def content_digest(path: str) -> str:
    """sha256 of a file's bytes (read in blocks: archives hold large files too)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def find_drafts(archives: Iterable[str]) -> Iterator[Draft]:
    """Every draft under ``archives``, in the order ``newslint`` would lint them."""
    for target in discover(list(archives)):
        if target.path == "-":
            yield Draft("-", "-", "", "an audit reads files, not standard input")
            continue
        location = os.path.abspath(target.path)
        if target.notice is not None:  # opening a FIFO to hash it waited forever
            yield Draft(target.path, location, "", notice=target.notice)
            continue
        if target.problem is not None:
            yield Draft(target.path, location, "", target.problem, target.unlisted)
            continue
        try:
            yield Draft(target.path, location, content_digest(target.path))
        except FileNotFoundError:  # gone, or a symbolic link to nothing: as newslint says it
            yield Draft(target.path, location, "", missing(target.path))
        except OSError as exc:
            yield Draft(target.path, location, "", f"cannot read: {exc.strerror or exc}")
