"""Where the warm process listens; light enough for every run to import."""

from __future__ import annotations

import os
import sys
import zlib

from newslint.cachedir import cache_dir
from newslint.codestamp import code_stamp


def runtime_dir() -> str:
    """A folder only this user can enter (the socket must not be shared)."""
    explicit = os.environ.get("NEWSLINT_RUNTIME_DIR")
    if explicit:
        folder = explicit
    elif os.environ.get("XDG_RUNTIME_DIR"):
        folder = os.path.join(os.environ["XDG_RUNTIME_DIR"], "newslint")
    else:
        folder = f"/tmp/newslint-{os.getuid()}"
    os.makedirs(folder, mode=0o700, exist_ok=True)
    info = os.stat(folder)
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise OSError(f"{folder} is not private to this user")
    return folder


def socket_path() -> str:
    """The socket for this Python environment, cache folder and code."""
    # The environment (sys.prefix) and its interpreter, not the name it was
    # started by: python, python3 and python3.11 are one interpreter.
    interpreter = (sys.prefix, os.path.realpath(sys.executable))
    key = "\0".join((*interpreter, cache_dir(), code_stamp())).encode()
    # A short name: Unix socket paths are limited to about 100 bytes.
    return os.path.join(runtime_dir(), f"warm-{zlib.crc32(key):08x}.sock")
