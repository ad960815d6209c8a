"""Writing a fixed draft back: only if nobody changed it meanwhile, and only if we may.

``--fix`` reads a draft, lints it (perhaps several passes) and writes it
back. An editor may save the draft in between; a read-only file means its
owner does not want it rewritten; a hard-linked file must stay one file under
all its names. Each of these is a refusal with a message, or a write in place.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from contextlib import suppress
from dataclasses import dataclass

from newslint.errors import InputError


@dataclass(frozen=True)
class Stamp:
    """What a file was when read: size, modification time and content hash."""

    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of(cls, info: os.stat_result, data: bytes) -> Stamp:
        return cls(info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest())


def read_stamped(path: str) -> tuple[bytes, Stamp]:
    """The file's bytes and its stamp, from one open file."""
    with open(path, "rb") as handle:
        data = handle.read()
        return data, Stamp.of(os.fstat(handle.fileno()), data)


def current_stamp(path: str) -> Stamp:
    return read_stamped(path)[1]


def check_writable(path: str, info: os.stat_result) -> None:
    """Refuse a file with no write permission bit, even for root (who could write it)."""
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
        path, os.W_OK
    ):
        raise InputError("is read-only; not fixed (make it writable to let --fix change it)", path)


def write_back(path: str, data: bytes, read_as: Stamp) -> None:
    """Replace ``path``'s content with ``data`` if it is still as it was read.

    A regular file is replaced atomically (temporary file in the same folder,
    fsync, rename over), keeping its permission bits; a hard-linked file is
    rewritten in place so that its other names see the fix too.
    """
    target = os.path.realpath(path)  # write through a symlink, do not replace it
    info = os.stat(target)
    check_writable(target, info)
    if info.st_nlink > 1:
        _unchanged(path, target, read_as)
        _write_in_place(target, data)
        return
    folder = os.path.dirname(target)
    fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, stat.S_IMODE(info.st_mode))
        with suppress(OSError, AttributeError):  # ownership is kept where we may keep it
            os.chown(temp, info.st_uid, info.st_gid)
        # Checked last, just before the rename, so the window for a lost
        # edit is as small as it can be without locking the editor out.
        _unchanged(path, target, read_as)
        os.replace(temp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def _unchanged(path: str, target: str, read_as: Stamp) -> None:
    if current_stamp(target) != read_as:
        raise InputError(
            "changed since newslint read it (saved by someone else?); not fixed, run --fix again",
            path,
        )


def _write_in_place(target: str, data: bytes) -> None:
    with open(target, "r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _sync_folder(folder: str) -> None:
    # The rename is durable only once the folder is; not every system allows it.
    with suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
