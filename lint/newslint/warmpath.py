"""Where the warm process listens; light enough for every run to import.

The socket carries a run's arguments, environment and standard streams, so
its folder must be this user's alone. Folders are tried in order
(``$NEWSLINT_RUNTIME_DIR`` alone when set; else ``$XDG_RUNTIME_DIR/newslint``,
``/tmp/newslint-UID``, a few numbered alternatives and the private cache
folder), each created 0700 without following a symlink and then checked to
be a folder owned by the user (``cachedir.private_dir``). One that another
user pre-created is skipped, and the run says so, rather than silently
going without the warm process.
"""

from __future__ import annotations

import os
import socket
import struct
import sys
import zlib

from newslint.cachedir import cache_dir, private_cache_dir, private_folder
from newslint.cachedir import check as cache_problem
from newslint.codestamp import code_stamp

# Every warm run's thin client imports this module: no dataclasses, pathlib
# or typing at run time (together ~40 ms of CPU on a busy 2-core machine).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

_ALTERNATIVES = 3  # /tmp/newslint-UID-1 … -3
_MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux


class Location:
    """The socket's path, and a note for the user when a folder was refused.

    A plain class, not a dataclass: importing dataclasses costs the client
    more than the whole request.
    """

    __slots__ = ("note", "socket")

    def __init__(self, socket: str, note: str | None = None) -> None:
        self.socket = socket
        self.note = note

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Location) and (self.socket, self.note) == (
            other.socket,
            other.note,
        )

    def __repr__(self) -> str:
        return f"Location(socket={self.socket!r}, note={self.note!r})"


def _candidates() -> Iterator[str]:
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and os.path.isabs(xdg):
        yield os.path.join(xdg, "newslint")
    base = f"/tmp/newslint-{os.getuid()}"
    yield base
    for number in range(1, _ALTERNATIVES + 1):
        yield f"{base}-{number}"
    yield os.path.join(cache_dir(), "run")


def _socket_name() -> str:
    """A name for this Python environment, cache folder and code."""
    # The environment (sys.prefix) and its interpreter, not the name it was
    # started by: python, python3 and python3.11 are one interpreter.
    interpreter = (sys.prefix, os.path.realpath(sys.executable))
    key = "\0".join((*interpreter, cache_dir(), code_stamp())).encode()
    # A short name: Unix socket paths are limited to about 100 bytes.
    return f"warm-{zlib.crc32(key):08x}.sock"


def locate() -> Location:
    """The socket in the first private folder; OSError when there is none."""
    name = _socket_name()
    explicit = os.environ.get("NEWSLINT_RUNTIME_DIR")
    if explicit:
        return Location(os.path.join(private_folder(explicit), name))
    refused: list[str] = []
    for folder in _candidates():
        path = os.path.join(folder, name)
        if len(path.encode()) > _MAX_SOCKET_PATH:
            continue
        try:
            private_folder(folder)
        except OSError as exc:
            refused.append(str(exc))
            continue
        note = f"{refused[0]}; the warm process uses {folder} instead" if refused else None
        return Location(path, note)
    raise OSError(f"no private folder for the warm process ({'; '.join(refused)})")


def socket_path() -> str:
    return locate().socket


def peer_uid(conn: socket.socket) -> int:
    """The uid of the process at the other end of a Unix socket (SO_PEERCRED)."""
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return int(struct.unpack("3i", creds)[1])


def state_dir() -> Path:
    """A private folder for state that runs share (LanguageTool's server):
    the cache folder, or the runtime folder when the cache cannot be used."""
    from pathlib import Path

    # A full cache folder is private, yet the server could write no state in
    # it and never started ("could not start: OSError(28, ...)"): probe it.
    folder = private_cache_dir()
    return (
        folder if folder is not None and cache_problem() is None else Path(locate().socket).parent
    )
