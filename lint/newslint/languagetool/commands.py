"""``newslint server start|stop|status``: one function per sub-command.

Each returns ``(exit_code, lines)`` and prints nothing; the CLI prints.
Exit codes: 0 done (or running, for status); 2 LanguageTool cannot be run
here (no java, no jars, failed start); 3 status found no answering server,
as LSB init scripts say "not running".
"""

from __future__ import annotations

import time

from newslint.exitcodes import CLEAN, USAGE_OR_CONFIG
from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.server import (
    ServerSettings,
    ensure_server,
    server_status,
    stop_server,
)

NOT_RUNNING = 3

CommandResult = tuple[int, list[str]]


def start_command(settings: ServerSettings | None = None) -> CommandResult:
    """Start the server, or confirm the one already running."""
    try:
        handle = ensure_server(settings)
    except LanguageToolUnavailable as exc:
        return USAGE_OR_CONFIG, [f"error: {exc.reason}"]
    return CLEAN, [f"LanguageTool {handle.version} running at {handle.url} (pid {handle.pid})"]


def stop_command(settings: ServerSettings | None = None) -> CommandResult:
    try:
        stopped = stop_server(settings)
    except LanguageToolUnavailable as exc:
        return USAGE_OR_CONFIG, [f"error: {exc.reason}"]
    if stopped is None:
        return CLEAN, ["LanguageTool server was not running"]
    return CLEAN, [f"LanguageTool server stopped (pid {stopped.pid})"]


def status_command(settings: ServerSettings | None = None) -> CommandResult:
    status = server_status(settings)
    lines = [status.detail]
    if status.pid is not None:
        lines.append(f"pid: {status.pid}")
    if status.started_at is not None:
        started = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(status.started_at))
        lines.append(f"started: {started}")
    if status.idle_s is not None:
        lines.append(f"idle: {status.idle_s / 60:.1f} min")
    if status.rss_kib is not None:
        lines.append(f"memory: {status.rss_kib / 1024:.0f} MiB resident")
    return (CLEAN if status.running else NOT_RUNNING), lines
