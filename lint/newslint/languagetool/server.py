"""One local LanguageTool HTTP server per user, shared by successive newslint runs.

Why a shared server: the JVM and LanguageTool's English model take seconds to
load, far longer than newslint checks an article, so a pre-commit hook that
started its own server each time would be slow. The first run starts a server
detached from itself (new session) and later runs reuse it.

The parts, one job each: ``install`` finds Java and the jars; ``state`` keeps
``server.json``, the lock and the idle clock in a private folder
(``$NEWSLINT_CACHE_DIR``, else ``${XDG_CACHE_HOME:-~/.cache}/newslint``);
``processes`` tells our server from a recycled pid; ``launch`` starts the JVM
and its idle watchdog; ``client`` is the one HTTP client. This module decides,
under the lock, whether to reuse, replace, start or stop.

Reuse: the state is trusted only if its pid is still a LanguageTool server on
that port and the server answers quickly. Anything else (dead pid, closed
port, a hung or stopped JVM, a garbled ``server.json``) is stopped, found by
its command line if need be, and replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.languagetool import client
from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.install import find_installation
from newslint.languagetool.launch import HOST, LaunchSettings, start, url_of
from newslint.languagetool.processes import (
    is_server_process,
    is_watchdog_process,
    process_cmdline,
    rss_kib,
    servers_of,
    terminate,
)
from newslint.languagetool.state import (
    ServerState,
    StatePaths,
    idle_seconds,
    locked,
    state_paths,
    touch,
)


@dataclass(frozen=True)
class ServerSettings:
    """How to run the server. ``None`` paths are resolved from the environment
    at call time, so tests and users can redirect them with variables."""

    memory: str = "512m"
    idle_timeout_s: float | None = 30 * 60
    start_timeout_s: float = 120.0
    # How long a running server may take to answer the liveness probe before
    # it is judged hung and replaced.
    probe_timeout_s: float = 3.0
    lt_home: Path | None = None
    state_dir: Path | None = None

    def launch(self) -> LaunchSettings:
        return LaunchSettings(self.memory, self.idle_timeout_s, self.start_timeout_s)


@dataclass(frozen=True)
class ServerHandle:
    """A running server: ``url`` is its root (``http://127.0.0.1:PORT/``)."""

    url: str
    version: str
    pid: int
    activity_path: Path
    # Started by this call: its first real check still loads rules and
    # compiles code, which on a busy machine takes far longer than later ones.
    fresh: bool = False

    def touch(self) -> None:
        """Record a use, postponing the idle stop."""
        touch(self.activity_path)


@dataclass(frozen=True)
class Status:
    """What ``newslint server status`` reports; ``detail`` is one line."""

    running: bool
    detail: str
    pid: int | None = None
    port: int | None = None
    version: str | None = None
    started_at: float | None = None
    idle_s: float | None = None
    rss_kib: int | None = None

    @property
    def url(self) -> str | None:
        return url_of(self.port) if self.port else None


def ensure_server(settings: ServerSettings | None = None) -> ServerHandle:
    """Reuse the running server or start one; raises LanguageToolUnavailable."""
    settings = settings or ServerSettings()
    paths = state_paths(settings.state_dir)
    install = find_installation(settings.lt_home)
    with locked(paths.lock, settings.start_timeout_s + 10):
        state = ServerState.load(paths.state)
        if state and _answers(state, settings.probe_timeout_s):
            touch(paths.activity)
            return _handle(state, paths)
        _stop_all(state, paths)
        state = start(settings.launch(), paths, install)
        state.save(paths.state)
        touch(paths.activity)
        return _handle(state, paths, fresh=True)


def stop_server(settings: ServerSettings | None = None) -> ServerState | None:
    """Stop the server if one is known; returns the state it had."""
    settings = settings or ServerSettings()
    paths = state_paths(settings.state_dir)
    with locked(paths.lock, settings.start_timeout_s + 10):
        state = ServerState.load(paths.state)
        strays = _stop_all(state, paths)
        if state is None and strays:
            # server.json was lost or garbled: report what was found running.
            return ServerState(pid=strays[0], port=0, version="unknown", started_at=0.0)
        return state


def server_status(settings: ServerSettings | None = None) -> Status:
    """Report on the server without starting or stopping anything."""
    settings = settings or ServerSettings()
    paths = state_paths(settings.state_dir)
    state = ServerState.load(paths.state)
    if state is None:
        strays = servers_of(paths.root)
        if strays:
            return Status(False, f"unknown state: server.json unreadable; pids {strays} run")
        return Status(running=False, detail="not running")
    facts: dict[str, Any] = {
        "pid": state.pid,
        "port": state.port,
        "version": state.version,
        "started_at": state.started_at,
    }
    if not is_server_process(state.pid, state.port):
        return Status(False, f"not running (stale state: pid {state.pid} is gone)", **facts)
    idle = idle_seconds(paths.activity)
    rss = rss_kib(state.pid)
    if not client.probe(url_of(state.port), settings.probe_timeout_s):
        detail = f"hung: pid {state.pid} does not answer on port {state.port}"
        return Status(False, detail, idle_s=idle, rss_kib=rss, **facts)
    detail = f"running: LanguageTool {state.version} at {url_of(state.port)}"
    return Status(True, detail, idle_s=idle, rss_kib=rss, **facts)


def _stop_all(state: ServerState | None, paths: StatePaths) -> list[int]:
    """Stop the recorded server and any other started from this state folder
    (one whose ``server.json`` was garbled); returns the strays' pids."""
    if state:
        _stop(state)
    paths.state.unlink(missing_ok=True)
    strays = servers_of(paths.root)
    for pid in strays:
        terminate(pid, _ours(pid, paths.root))
    return strays


def _stop(state: ServerState) -> None:
    terminate(state.pid, lambda: is_server_process(state.pid, state.port), state.stop_grace_s)
    if state.watchdog_pid:
        wd = state.watchdog_pid
        terminate(wd, lambda: is_watchdog_process(wd), grace_s=1.0)


def _answers(state: ServerState, timeout: float) -> bool:
    return is_server_process(state.pid, state.port) and client.probe(url_of(state.port), timeout)


def _handle(state: ServerState, paths: StatePaths, fresh: bool = False) -> ServerHandle:
    return ServerHandle(url_of(state.port), state.version, state.pid, paths.activity, fresh)


__all__ = ["HOST", "LanguageToolUnavailable", "ServerHandle", "ServerSettings", "Status"]


def _ours(pid: int, root: Path) -> Callable[[], bool]:
    """Whether ``pid`` is still a server of this state folder (asked before each signal)."""
    return lambda: str(root) in " ".join(process_cmdline(pid) or [])
