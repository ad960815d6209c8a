"""Stop the shared LanguageTool server after it has been idle a while.

Started detached by ``server.ensure_server`` beside each server it starts:
``python -m newslint.languagetool.watchdog --state-dir D --pid P --port N
--idle SECONDS``. It exits as soon as its server is gone, whoever stopped it.
See the design notes in ``newslint.languagetool.launch``.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from dataclasses import dataclass
from pathlib import Path

from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.processes import is_server_process, terminate
from newslint.languagetool.state import ServerState, StatePaths, idle_seconds, locked


@dataclass(frozen=True)
class Watch:
    paths: StatePaths
    pid: int
    port: int
    idle_s: float

    @property
    def poll_s(self) -> float:
        # Idle stop within ~10 % of the timeout, and never a busy loop.
        return min(60.0, max(0.5, self.idle_s / 10))


def parse_args(argv: list[str] | None = None) -> Watch:
    parser = argparse.ArgumentParser(prog="python -m newslint.languagetool.watchdog")
    parser.add_argument("--state-dir", type=Path, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--idle", type=float, required=True)
    args = parser.parse_args(argv)
    return Watch(StatePaths(args.state_dir), args.pid, args.port, args.idle)


def server_alive(watch: Watch) -> bool:
    return is_server_process(watch.pid, watch.port)


def is_idle(watch: Watch) -> bool:
    idle = idle_seconds(watch.paths.activity)
    return idle is None or idle >= watch.idle_s


def stop_if_still_idle(watch: Watch) -> None:
    """Decide again under the lock: a run may have just reused the server."""
    with locked(watch.paths.lock, timeout_s=120):
        if not is_idle(watch):
            return
        state = ServerState.load(watch.paths.state)
        grace = state.stop_grace_s if state and state.pid == watch.pid else 3.0
        terminate(watch.pid, lambda: server_alive(watch), grace)
        if state and state.pid == watch.pid:
            watch.paths.state.unlink(missing_ok=True)


def run(watch: Watch) -> int:
    while server_alive(watch):
        time.sleep(watch.poll_s)
        if server_alive(watch) and is_idle(watch):
            # A lock held too long by a stuck run: try again next round.
            with contextlib.suppress(LanguageToolUnavailable):
                stop_if_still_idle(watch)
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
