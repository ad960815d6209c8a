"""The ``newslint`` command: through the warm process when there is one.

Kept light on purpose: this is all a run imports before it knows whether a
warm process (``newslint.warm``) can do the work. The request is a marshal
of plain strings (the warm process runs the same interpreter, which the
socket's name ensures) and the caller's standard streams go along as file
descriptors.
"""

from __future__ import annotations

import os
import sys

# Runs that hold the terminal for long, or manage processes, stay here.
_LOCAL = ("lsp", "server", "audit")
_HEADER = 8


def _mode() -> str:
    """``NEWSLINT_DAEMON``: on (the default), off, or require (for tests)."""
    value = os.environ.get("NEWSLINT_DAEMON", "on").strip().lower()
    return "off" if value in ("0", "off", "no", "false") else value


def run_warm(argv: list[str]) -> int | None:
    """Run ``argv`` in the warm process; None when there is none to ask."""
    import marshal
    import socket

    from newslint.warmpath import socket_path

    try:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.connect(socket_path())
    except OSError:
        return None
    with client:
        payload = marshal.dumps({"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)})
        try:
            socket.send_fds(client, [len(payload).to_bytes(_HEADER, "big") + payload], [0, 1, 2])
        except OSError:
            return None  # a closed standard stream, say: run here instead
        answer = b""
        while not answer.endswith(b"\n"):
            chunk = client.recv(64)
            if not chunk:
                print(
                    "newslint: error: the warm newslint process stopped during the run; "
                    "set NEWSLINT_DAEMON=0 to run without it",
                    file=sys.stderr,
                )
                return 2
            answer += chunk
    return int(answer)


def main() -> int:
    argv = sys.argv[1:]
    mode = _mode()
    warm = mode != "off" and not (argv and argv[0] in _LOCAL)
    if warm:
        code = run_warm(argv)
        if code is not None:
            return code
        if mode == "require":
            print("newslint: error: no warm newslint process is running", file=sys.stderr)
            return 2
    from newslint.cli import main as run

    try:
        return run(argv)
    finally:
        # For the next run (this one has paid its start-up), except on CI,
        # where a run is the only one and a process left behind outlives the job.
        if warm and not os.environ.get("CI"):
            from newslint.warm import spawn

            spawn()
