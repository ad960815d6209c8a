"""Reading a draft from disk or stdin into text, or a one-line reason why not."""

from __future__ import annotations

import os
from dataclasses import dataclass

from newslint.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class SourceText:
    """A draft's text with line endings made ``\\n`` (columns are unchanged)."""

    path: str
    text: str
    newline: str  # the file's own line ending, for writing fixes back


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read and decode one file, raising InputError with a one-line reason."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise InputError(
                f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB "
                "limit (set max_file_mb in .newslint.yml to lint it)",
                path,
            )
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file (it may have been removed while linting)", path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from None
    return decode(path, data)


def decode(path: str, data: bytes) -> SourceText:
    """Decode UTF-8 (with or without BOM), refusing binary data."""
    if b"\0" in data[:8192]:
        raise InputError("looks like a binary file (contains NUL bytes); not linted", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {column}); "
            "save the file as UTF-8",
            path,
            line,
        ) from None
    newline = "\r\n" if "\r\n" in text else "\n"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(path, text, newline)
