"""The test session's own cache and runtime folders, and what it leaves behind.

``pytest_configure`` (in conftest) calls ``isolate`` before any test module
is imported or any fixture runs, module- and session-scoped ones included,
so no test ever uses the user's ``~/.cache/newslint``. Every process a test
starts inherits ``NEWSLINT_TEST_SESSION``; that is how the end of the
session finds the warm processes and LanguageTool servers (and watchdogs)
the suite started, and only those, to stop them and to check none is left.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psutil

MARKER = "NEWSLINT_TEST_SESSION"


@dataclass(frozen=True)
class Session:
    root: Path  # the session's temporary folder, removed at the end
    user_cache: Path  # the user's ~/.cache/newslint, which must stay as it was
    before: dict[str, tuple[int, int]]  # its files' sizes and times at the start


def user_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newslint"


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder``: its size and modification time."""
    found: dict[str, tuple[int, int]] = {}
    for path in folder.rglob("*") if folder.is_dir() else ():
        try:
            info = path.lstat()
        except OSError:  # vanished while listed
            continue
        found[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns)
    return found


def isolate() -> Session:
    """Point every newslint cache and runtime folder of this process and its children away."""
    from newslint.languagetool.install import default_lt_home

    root = Path(tempfile.mkdtemp(prefix="newslint-tests-"))
    cache = user_cache()
    session = Session(root, cache, snapshot(cache))
    # LanguageTool's jars are read where scripts/setup fetched them (never written).
    os.environ.setdefault("NEWSLINT_LT_HOME", str(default_lt_home()))
    os.environ["XDG_CACHE_HOME"] = str(root / "xdg-cache")
    os.environ["NEWSLINT_CACHE_DIR"] = str(root / "cache")
    os.environ["NEWSLINT_RUNTIME_DIR"] = str(root / "run")
    os.environ["NEWSLINT_DAEMON"] = "0"  # cold runs unless a test starts a warm process
    # Each test's server runs in a fresh cache with no class-data archive, so with
    # AppCDS on it would write one as it stops (~10 s each); the CDS tests turn it on.
    os.environ["NEWSLINT_LT_CDS"] = "0"
    os.environ["NEWSLINT_OFFLINE"] = "1"  # no test fetches jars by accident (one does, on purpose)
    os.environ[MARKER] = str(root)
    return session


def started_processes(session: Session) -> list[psutil.Process]:
    """Live processes that carry this session's marker, other than this one and its parents."""
    mine = {os.getpid(), *(p.pid for p in psutil.Process().parents())}
    found = []
    for proc in psutil.process_iter():
        if proc.pid in mine:
            continue
        try:
            if proc.environ().get(MARKER) == str(session.root) and proc.status() != "zombie":
                found.append(proc)
        except (psutil.Error, OSError):  # gone, or not ours to read
            continue
    return found


def describe(procs: list[psutil.Process]) -> list[str]:
    said = []
    for proc in procs:
        try:
            said.append(f"{proc.pid}: {' '.join(proc.cmdline())[:160]}")
        except psutil.Error:
            said.append(f"{proc.pid}: (gone)")
    return said


def stop_started(session: Session, folders: list[Path]) -> list[str]:
    """Stop the suite's servers as ``newslint server stop`` would; kill and name what is left.

    ``folders`` are where the suite's runs kept server state (the session's
    folder, pytest's temporary folders).
    """
    from newslint.languagetool.server import ServerSettings, stop_server

    for folder in folders:
        for state in folder.rglob("server.json"):
            stop_server(ServerSettings(state_dir=state.parent))
    for pidfile in (p for folder in folders for p in folder.rglob("warm-*.sock.pid")):
        try:
            proc = psutil.Process(int(pidfile.read_text()))
            if proc.environ().get(MARKER) == str(session.root):  # a pid file may be stale
                proc.terminate()
        except (OSError, ValueError, psutil.Error):
            continue
    psutil.wait_procs(started_processes(session), timeout=10)
    left = started_processes(session)
    for proc in left:  # the safety net: ours by the marker, ended by pid
        try:
            proc.kill()
        except psutil.Error:
            continue
    psutil.wait_procs(left, timeout=5)
    return describe(left)


def changes(session: Session, checkout: Path) -> list[str]:
    """Files of the user's cache made, changed or removed since the session began.

    On a machine shared with other checkouts of newslint their runs write the
    same cache; a changed file that names another checkout's rules and not
    this one (a pack cache) is theirs and left out, and so are pruned pack
    caches. Any other change counts.
    """
    now = snapshot(session.user_cache)
    # Every run prunes the pack cache to its newest entries, so another
    # checkout's run removes pack files too; this session could only do so by
    # writing one there, which the loop below reports.
    gone = sorted(session.before.keys() - now.keys())
    said = [f"removed: {name}" for name in gone if not name.startswith("packs-")]
    for name in sorted(now):
        if session.before.get(name) == now[name]:
            continue
        if not _someone_elses(session.user_cache / name, checkout):
            said.append(f"{'changed' if name in session.before else 'new'}: {name}")
    return said


def _someone_elses(path: Path, checkout: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return False
    return str(checkout).encode() not in head and b"/rules/" in head


def finish(session: Session, folders: list[Path]) -> None:
    stop_started(session, folders)
    shutil.rmtree(session.root, ignore_errors=True)
