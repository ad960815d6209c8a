"""Which processes are our LanguageTool servers and watchdogs, and stopping them.

A pid from ``server.json`` is trusted only while the process's command line
still names the server class and its port, so a recycled pid is never
signalled. ``servers_of`` finds servers by the state folder on their command
line, so one whose ``server.json`` was lost or garbled can still be stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import psutil

SERVER_CLASS = "org.languagetool.server.HTTPServer"
WATCHDOG_MODULE = "newslint.languagetool.watchdog"


def process_cmdline(pid: int) -> list[str] | None:
    """The argv of a live (non-zombie) process, or None."""
    try:
        proc = psutil.Process(pid)
        if proc.status() == psutil.STATUS_ZOMBIE:
            return None
        return proc.cmdline() or None
    except (psutil.Error, ValueError):
        return None


def is_server_process(pid: int, port: int) -> bool:
    """Whether ``pid`` is a live LanguageTool server on ``port``."""
    cmdline = process_cmdline(pid)
    return cmdline is not None and SERVER_CLASS in cmdline and str(port) in cmdline


def is_watchdog_process(pid: int) -> bool:
    cmdline = process_cmdline(pid)
    return cmdline is not None and WATCHDOG_MODULE in " ".join(cmdline)


def servers_of(state_root: Path) -> list[int]:
    """Pids of servers and watchdogs whose command line names ``state_root``'s files."""
    config, folder = str(state_root / "server.properties"), str(state_root)
    found = []
    for proc in psutil.process_iter(["pid", "cmdline", "status"]):
        cmdline = proc.info.get("cmdline") or []
        if proc.info.get("status") == psutil.STATUS_ZOMBIE:
            continue
        server = SERVER_CLASS in cmdline and config in cmdline
        watchdog = WATCHDOG_MODULE in cmdline and folder in cmdline
        if server or watchdog:
            found.append(int(proc.info["pid"]))
    return found


def rss_kib(pid: int) -> int | None:
    """Resident memory of a process in KiB."""
    try:
        return int(psutil.Process(pid).memory_info().rss // 1024)
    except psutil.Error:
        return None


def terminate(pid: int, still_ours: Callable[[], bool], grace_s: float = 3.0) -> None:
    """SIGTERM, then SIGKILL after ``grace_s``; ``still_ours`` guards every signal."""
    try:
        proc = psutil.Process(pid)
    except psutil.Error:
        return
    for stop, wait_s in ((proc.terminate, grace_s), (proc.kill, 2.0)):
        if not still_ours():
            return
        try:
            stop()
            # A SIGSTOPped JVM keeps SIGTERM pending until continued.
            proc.resume()
            proc.wait(wait_s)  # also reaps a child this process started
            return
        except psutil.TimeoutExpired:
            continue
        except psutil.Error:
            return
    deadline = time.monotonic() + 1.0
    while still_ours() and time.monotonic() < deadline:
        time.sleep(0.05)
