"""The server's state folder: ``server.json``, the lock and the idle clock.

Every decision to reuse, start or stop a server is taken while holding the
lock (``filelock``, always with a timeout), so two hooks starting at once make
one server. The folder holds draft sentences (the result cache) and the
server's log, so it is kept private: 0700, and 0600 for the files written
here (issue 9.7).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from newslint.cachedir import cache_dir
from newslint.languagetool.errors import LanguageToolUnavailable

# How long a stopping server may take to write its class-data archive (a
# busy 2-core machine took 14 s) before it is killed.
DUMP_GRACE_S = 60.0


@dataclass(frozen=True)
class ServerState:
    """The JSON kept in ``server.json``."""

    pid: int
    port: int
    version: str
    started_at: float
    watchdog_pid: int | None = None
    # Started with -XX:ArchiveClassesAtExit: it writes the class-data
    # archive when it stops, which takes seconds (see cds).
    archiving: bool = False

    @property
    def stop_grace_s(self) -> float:
        """How long to wait after SIGTERM before SIGKILL."""
        return DUMP_GRACE_S if self.archiving else 3.0

    @classmethod
    def load(cls, path: Path) -> ServerState | None:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                pid=int(raw["pid"]),
                port=int(raw["port"]),
                version=str(raw["version"]),
                started_at=float(raw["started_at"]),
                watchdog_pid=int(raw["watchdog_pid"]) if raw.get("watchdog_pid") else None,
                archiving=bool(raw.get("archiving", False)),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # Missing or garbled: no server known from the file (the caller
            # still looks for a server by its command line, see processes).
            return None

    def save(self, path: Path) -> None:
        write_private(path, json.dumps(asdict(self)))


@dataclass(frozen=True)
class StatePaths:
    """The files in the state folder."""

    root: Path

    @property
    def state(self) -> Path:
        return self.root / "server.json"

    @property
    def lock(self) -> Path:
        return self.root / "server.lock"

    @property
    def activity(self) -> Path:
        return self.root / "server.activity"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    @property
    def config(self) -> Path:
        return self.root / "server.properties"

    @property
    def logging_config(self) -> Path:
        return self.root / "server-logback.xml"


def user_cache_dir() -> Path:
    """newslint's cache folder (see newslint.cachedir)."""
    return Path(cache_dir())


def private_folder(path: Path) -> Path:
    """``path``, made if missing, and this user's alone (see newslint.cachedir)."""
    from newslint.cachedir import private_dir

    return private_dir(path)


def state_paths(root: Path | None = None) -> StatePaths:
    if root is not None:
        return StatePaths(private_folder(root))
    from newslint.warmpath import state_dir

    # The cache folder, or the private runtime folder when the cache cannot be used.
    return StatePaths(state_dir())


def write_private(path: Path, text: str) -> None:
    """Write ``text`` atomically into a 0600 file: readers never see half."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")  # 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def locked(path: Path, timeout_s: float) -> Iterator[None]:
    """Hold the lock file ``path`` exclusively, waiting at most ``timeout_s``."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(path), timeout=timeout_s, mode=0o600)
    try:
        lock.acquire()
    except Timeout as exc:
        raise LanguageToolUnavailable(
            f"another newslint held the LanguageTool server lock {path} for over {timeout_s:.0f} s"
        ) from exc
    try:
        yield
    finally:
        lock.release()


def touch(path: Path) -> None:
    """Set ``path``'s mtime to now (creating it 0600): the idle clock."""
    with contextlib.suppress(OSError):
        path.touch(mode=0o600)


def idle_seconds(activity: Path) -> float | None:
    try:
        return max(0.0, time.time() - activity.stat().st_mtime)
    except OSError:
        return None


def first_time_told(reason: str) -> bool:
    """Whether this is the first run to meet the setup problem ``reason``.

    The first run fails with the command to fix it; later runs say it once
    and run every other check (the user has been told, and may have chosen to
    commit without spelling). A new reason fails again. Without a usable
    private cache folder every run counts as the first: never silent.
    """
    from newslint.cachedir import private_cache_dir

    folder = private_cache_dir()
    if folder is None:
        return True
    marker = folder / "languagetool-setup-told"
    try:
        if marker.read_text(encoding="utf-8") == reason:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    with contextlib.suppress(OSError):  # unwritable: the next run fails again
        write_private(marker, reason)
    return True
