"""Managing the warm process from outside it: start one, stop it, say how it is.

Apart from ``newslint.warm`` (the process itself, which runs ``cli``), so
that ``newslint server`` and ``entry`` reach it without importing the code
that imports them: no import circle.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from pathlib import Path

from newslint.warmpath import socket_path


def spawn() -> None:
    """Start a warm process in the background, detached from this run."""
    import subprocess

    subprocess.Popen(
        [sys.executable, "-m", "newslint.warm", "serve"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
    )


def stop() -> int | None:
    """Stop the warm process if one runs; returns its pid."""
    with contextlib.suppress(OSError, ValueError):
        pid = int(Path(f"{socket_path()}.pid").read_text())
        os.kill(pid, signal.SIGTERM)
        return pid
    return None


def status() -> str:
    try:
        path = socket_path()
        pid = Path(f"{path}.pid").read_text().strip()
    except OSError:
        return "warm newslint process: not running"
    return f"warm newslint process: running (pid {pid}, {path})"
