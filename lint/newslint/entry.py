"""The ``newslint`` command: through the warm process when there is one.

Kept light on purpose: this is all a run imports before it knows whether a
warm process (``newslint.warm``) can do the work. The request is a marshal
of plain data (the warm process runs the same interpreter, which the
socket's name ensures) and the caller's standard streams go along as file
descriptors.
"""

from __future__ import annotations

import os
import sys

# No typing or contextlib at run time: with re, enum and collections behind
# them they cost the thin client more than its request.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import socket

# Runs that hold the terminal for long, or manage processes, stay here.
_LOCAL = ("lsp", "server", "setup", "audit")
_HEADER = 8


def _mode() -> str:
    """``NEWSLINT_DAEMON``: on (the default), off, or require (for tests)."""
    value = os.environ.get("NEWSLINT_DAEMON", "on").strip().lower()
    return "off" if value in ("0", "off", "no", "false") else value


# Signals the caller passes on to its run, as a terminal or a parent would
# send them to a cold one.
_FORWARDED = ("SIGINT", "SIGTERM", "SIGHUP")
# The limits ``ulimit`` sets, which the run takes over.
_LIMITS = (
    "RLIMIT_CPU",
    "RLIMIT_FSIZE",
    "RLIMIT_DATA",
    "RLIMIT_STACK",
    "RLIMIT_CORE",
    "RLIMIT_NOFILE",
    "RLIMIT_AS",
    "RLIMIT_NPROC",
)


def _request(argv: list[str]) -> bytes:
    import marshal
    import resource

    umask = os.umask(0)
    os.umask(umask)
    limits = {
        name: resource.getrlimit(getattr(resource, name))
        for name in _LIMITS
        if hasattr(resource, name)
    }
    env = dict(os.environ)
    return marshal.dumps(
        {"argv": argv, "cwd": os.getcwd(), "env": env, "umask": umask, "limits": limits}
    )


def run_warm(argv: list[str]) -> int | None:
    """Run ``argv`` in the warm process; None when there is none to ask."""
    import socket

    from newslint.warmpath import locate, peer_uid

    try:
        location = locate()
    except OSError as exc:
        print(f"newslint: note: {exc}; running without the warm process", file=sys.stderr)
        return None
    if location.note:
        print(f"newslint: note: {location.note}", file=sys.stderr)
    try:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.connect(location.socket)
        if peer_uid(client) != os.getuid():
            # Not ours: tell it nothing (no arguments, environment or streams).
            print(
                f"newslint: note: {location.socket} is served by another user; "
                "running without the warm process",
                file=sys.stderr,
            )
            client.close()
            return None
    except OSError:
        return None
    with client:
        payload = _request(argv)
        try:
            socket.send_fds(client, [len(payload).to_bytes(_HEADER, "big") + payload], [0, 1, 2])
        except OSError:
            return None  # a closed standard stream, say: run here instead
        return _await(client)


def _await(client: socket.socket) -> int | None:
    """The run's exit code, passing on the signals this process gets meanwhile."""
    import signal

    received: list[int] = []

    def forward(signum: int, _frame: object) -> None:
        received.append(signum)
        try:  # noqa: SIM105  (contextlib stays out of the thin client's imports)
            client.sendall(f"{signum}\n".encode())
        except OSError:
            pass  # the run has ended: nothing left to signal

    previous = {name: signal.signal(getattr(signal, name), forward) for name in _FORWARDED}
    try:
        return _read_code(client, received)
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


def _read_code(client: socket.socket, received: list[int]) -> int | None:
    import signal

    answer = b""
    while not answer.endswith(b"\n"):
        chunk = client.recv(64)
        if not chunk:
            if received:  # the run died of the signal we passed on: so do we
                signal.signal(received[-1], signal.SIG_DFL)
                os.kill(os.getpid(), received[-1])
            print(
                "newslint: error: the warm newslint process stopped during the run; "
                "set NEWSLINT_DAEMON=0 to run without it",
                file=sys.stderr,
            )
            return 2
        answer += chunk
    if answer.strip() == b"cold":
        return None
    return int(answer)


# The youngest generation is collected after this many new objects rather than
# 700: loading the packs and linting a draft made some 45 collections that
# found almost nothing (195 objects) in ~8 ms of the seed's cold run.
GC_THRESHOLD = (20_000, 10, 10)


def _import_command(argv: list[str]) -> None:
    """Import the command's modules with the cyclic collector off, then freeze them.

    A cold run's imports make some hundred thousand objects that live as long
    as the process, and the collector scanned them again and again while they
    were made; after ``gc.freeze`` later collections skip them too. On the
    seed's cold run: 545 -> 495 ms CPU median (10 alternating runs, load ~15).
    An import that fails is left for ``cli.main`` to report.
    """
    import gc

    gc.disable()
    try:
        from newslint import codecache, startcache

        codecache.install()  # before the imports it serves
        startcache.install()  # before the imports: they compile most of its patterns
        from newslint.commands import COMMANDS, command

        command(argv[0] if argv and argv[0] in COMMANDS else "lint")
    except Exception:
        pass  # cli.main imports it again and reports the failure
    finally:
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLD)
        gc.enable()


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
    try:
        _import_command(argv)
    except KeyboardInterrupt:
        return 130  # as cli.main answers Ctrl-C
    from newslint.cli import main as run

    try:
        code = run(argv)
    finally:
        from newslint import codecache, startcache

        startcache.save()
        codecache.save()
        # For the next run (this one has paid its start-up), except on CI,
        # where a run is the only one and a process left behind outlives the job.
        if warm and not os.environ.get("CI"):
            from newslint.warmctl import spawn

            spawn()
    if _called_as_command():
        _exit_now(code)
    return code


def _called_as_command() -> bool:
    """Whether ``main`` was called by the ``newslint`` script or ``python -m newslint``
    (whose module is ``__main__``), not by code that goes on after it returns."""
    caller = sys._getframe(2).f_globals.get("__name__")
    return caller == "__main__"


def _exit_now(code: int) -> None:
    """End the process without the interpreter's finalisation, when nothing needs it.

    Tearing down a cold run's modules and objects one by one was 2.6% of its
    instructions (20 of 780 million on the seed) and gave nothing back: the
    operating system frees the memory at once. What finalisation would do that
    matters is done here (exit handlers, the standard streams); when another
    thread still runs, or a stream cannot be flushed (a closed pipe: Python's
    own exit reports that), the ordinary exit happens instead.
    """
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return  # python -m cProfile (or a debugger) reports once main has returned
    threading = sys.modules.get("threading")
    if threading is not None and (
        threading.active_count() > 1 or getattr(threading, "_threading_atexits", True)
    ):
        return
    import atexit

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # closed, detached or missing
        return
    os._exit(code)
