"""Reading a draft from disk or stdin into text, or a one-line reason why not."""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass

from newslint.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class SourceText:
    """A draft's text with line endings made ``\\n`` (columns are unchanged)."""

    path: str
    text: str
    newline: str  # the file's own line ending, for writing fixes back
    encoding: str = "utf-8"  # or "utf-16" (read with its BOM; --fix leaves it alone)


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read and decode one file, raising InputError with a one-line reason."""
    try:
        # O_NONBLOCK: opening a FIFO named *.md must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(missing(path), path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a draft", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        kind = not_regular(info.st_mode)
        if kind:
            raise InputError(f"is {kind}, not a regular file; skipped", path)
        size = info.st_size
        if size > max_bytes:
            raise InputError(
                f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.3g} MB "
                "limit (set max_file_mb in .newslint.yml to lint it)",
                path,
            )
        try:
            data = handle.read(min(size, max_bytes) + 1)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path) from None
    if len(data) > max_bytes:
        raise InputError("file grew past the size limit while being read; not linted", path)
    return decode(path, data)


def missing(path: str) -> str:
    """Why ``path`` cannot be opened when it is not there: a symlink to nothing says so.

    ``ls`` lists a dangling link like a draft, so "no such file (it may have
    been removed while linting)" sent editors looking for a deletion.
    """
    try:
        target = os.readlink(path)
    except OSError:
        return "no such file (it may have been removed while linting)"
    return f"is a symbolic link to {target!r}, which does not exist"


def not_regular(mode: int) -> str | None:
    """What a non-regular file is ("a FIFO", "a socket"...), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def decode(path: str, data: bytes) -> SourceText:
    """Decode UTF-8 (with or without BOM) or UTF-16 with a BOM, refusing binary data."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(path, data)
    nul = data.find(b"\0")
    if nul != -1 and _looks_utf16(data):
        raise InputError(
            "looks like UTF-16 without a byte-order mark; save the file as UTF-8", path
        )
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(
            "looks like a binary file (contains NUL bytes); not linted"
            + ("" if nul < 8192 else f" (first NUL at byte {nul:,})"),
            path,
            line if nul >= 8192 else None,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(*not_utf8(path, data, exc)) from None
    return _normalised(path, text, "utf-8")


def not_utf8(path: str, data: bytes, exc: UnicodeDecodeError) -> tuple[str, str, int]:
    """Message, path and line of the first bytes of ``data`` that are not UTF-8."""
    line = data.count(b"\n", 0, exc.start) + 1
    # In characters, as every other column newslint gives (the line is UTF-8 up to here).
    column = len(data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8")) + 1
    byte = data[exc.start]
    # The character it is in Windows-1252 (Word's and many older editors' "ANSI"),
    # which tells an editor where "byte 0x93" is: a curly quote, an accented letter.
    guess = bytes([byte]).decode("cp1252", "replace")
    seen = f": '{guess}' in Windows-1252" if guess.isprintable() and guess != "\ufffd" else ""
    message = f"not valid UTF-8 (byte 0x{byte:02x} at column {column}{seen})"
    return f"{message}; save the file as UTF-8", path, line


def _decode_utf16(path: str, data: bytes) -> SourceText:
    try:
        text = data.decode("utf-16")  # the BOM says which byte order, and is dropped
    except UnicodeDecodeError:
        raise InputError("starts like UTF-16 but does not decode; save it as UTF-8", path) from None
    if "\0" in text:
        raise InputError("looks like a binary file (contains NUL characters); not linted", path)
    return _normalised(path, text, "utf-16")


def _looks_utf16(data: bytes) -> bool:
    """Whether NUL-bearing ``data`` reads as UTF-16 text in either byte order.

    Latin text in UTF-16 has a NUL in every other byte, the odd ones in
    little-endian order, the even ones in big-endian. A binary file (a
    program, an image) has NULs in both and pairs of them: decoded, it holds
    U+0000 or control characters, which no draft does.
    """
    sample = data[: 512 - len(data[:512]) % 2]
    if len(sample) < 4:
        return False
    for zeros, codec in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        if zeros.count(0) > len(zeros) // 2:
            text = sample.decode(codec, errors="replace")
            odd = sum(1 for c in text if not (c.isprintable() or c in "\n\r\t"))
            return odd <= len(text) // 50  # a torn surrogate at the cut, a stray control
    return False


def _normalised(path: str, text: str, encoding: str) -> SourceText:
    newline = "\r\n" if "\r\n" in text else "\n"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(path, text, newline, encoding)
