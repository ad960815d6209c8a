"""A warm newslint process, so a pre-commit hook does not pay Python's imports.

Most of a cold ``newslint draft.md`` is importing markdown-it, textstat and
the rule kinds and loading the packs. The warm process does that once and
then, for each run, forks: the child is an ordinary newslint run, with the
caller's arguments, working folder, environment and its very standard input,
output and error (passed over a Unix socket), so output, colours and exit
codes are exactly those of a cold run. The caller (``newslint.entry``) only
connects, waits for the exit code and exits with it.

The socket lives in a private folder (``newslint.warmpath``), named after
the interpreter, the cache folder and the code, so a new newslint or a
changed checkout never talks to an old process; the old one stops after it
has been idle a while. Both ends check with SO_PEERCRED that the other is
the same user.

A warm run behaves as a cold one would: the child takes the caller's umask
and resource limits (or asks the caller to run cold when it cannot), the
caller forwards the signals it gets (Ctrl-C gives exit 130, as cold), and
the child watches the connection, so a caller killed outright ends its run.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import io
import marshal
import os
import signal
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from newslint.entry import GC_THRESHOLD
from newslint.warmpath import peer_uid, socket_path

if TYPE_CHECKING:
    from newslint.linter import Linter

IDLE_S = 30 * 60
_FDS = 3  # standard input, output and error
_HEADER = 8  # bytes of the request length


# -- the warm process ------------------------------------------------------------


def preload() -> None:
    """Import and build what every run needs, before any fork."""
    # The whole command with its engine and kinds, the LanguageTool cache and
    # client, and the default reporter.
    import codecs

    import newslint.cli
    import newslint.commands.lint
    import newslint.delivery
    import newslint.discover
    import newslint.languagetool.service
    import newslint.parallel
    import newslint.reporters.text
    import newslint.streaming  # noqa: F401
    from newslint.languagetool.client import preload as preload_languagetool_client
    from newslint.linter import Linter, Options
    from newslint.readability import preload as preload_readability

    codecs.lookup("utf-8-sig")  # reading's decoder, else imported by each run
    preload_readability()
    preload_languagetool_client()
    _compile_lazy_patterns()
    with contextlib.suppress(Exception):  # a broken config is each run's to report
        _rehearse(Linter(Options(ignore=("spelling", "grammar", "typography"))))
    # Move everything loaded so far out of the collector's sight, so that
    # children do not touch (and so copy) the parent's memory pages; and
    # collect young objects as seldom as a cold run does (a forked run on the
    # seed made 10 collections, 0.7 ms, that found next to nothing).
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def _compile_lazy_patterns() -> None:
    """The facts and attribution checks' patterns, compiled on first use in a
    run: compiled here, once, rather than in each forked run (~20 ms of a run
    on the seed for the facts alone)."""
    from newslint import attribution
    from newslint.attribution import carry, clauses, english, paragraphs, quotes, sources, tiers
    from newslint.attribution import facts as claims
    from newslint.facts import ages, arithmetic, counts, dates, numbers, people, story
    from newslint.lazyregex import compile_all

    compile_all((ages, arithmetic, counts, dates, numbers, people, story))
    compile_all((attribution, carry, clauses, claims, english, paragraphs, quotes, sources, tiers))


# A short draft with something for every rule kind to do.
_REHEARSAL = """# Strike kills commander

The storied general died on Friday, officials said. “It was the the end,” one
official, speaking on condition of anonymity, told reporters. Suleimani and
Soleimani met in Baghdad in 2015. The US and the U.S. Army reportedly agreed.
"""


def _rehearse(linter: Linter) -> None:
    """Lint a small draft once, so regexes compile and caches fill before forking."""
    from newslint.reading import SourceText

    path = os.path.join(os.getcwd(), "rehearsal.md")
    linter.lint_source(SourceText(path, _REHEARSAL, "\n"), linter.setup_for(path))


def serve(idle_s: float = IDLE_S) -> int:
    """Listen until idle for ``idle_s`` seconds; each request runs in a fork."""
    path = Path(socket_path())
    preload()
    with _lock(Path(f"{path}.lock")):
        if _answers(path):
            return 0  # another warm process won the race
        path.unlink(missing_ok=True)
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        os.chmod(path, 0o600)
        server.listen(16)
        Path(f"{path}.pid").write_text(str(os.getpid()))
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    signal.signal(signal.SIGTERM, lambda *_: _quit(server, path))
    server.settimeout(idle_s)
    while True:
        try:
            conn, _ = server.accept()
        except TimeoutError:
            break
        if not _same_user(conn):
            conn.close()  # never run, nor even read, another user's request
            continue
        if os.fork() == 0:
            server.close()
            _child(conn)
        conn.close()
    _quit(server, path)
    return 0


def _quit(server: socket.socket, path: Path) -> None:
    server.close()
    with contextlib.suppress(OSError):
        if Path(f"{path}.pid").read_text() == str(os.getpid()):
            path.unlink(missing_ok=True)
            Path(f"{path}.pid").unlink(missing_ok=True)
    os._exit(0)


def _same_user(conn: socket.socket) -> bool:
    try:
        return peer_uid(conn) == os.getuid()
    except OSError:
        return False


def _answers(path: Path) -> bool:
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(str(path))
    except OSError:
        return False
    probe.close()
    return True


@contextlib.contextmanager
def _lock(path: Path) -> Iterator[None]:
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


class Request(TypedDict):
    """What a run sends (``entry.py``): where and how it runs, and its arguments."""

    argv: list[str]
    cwd: str
    env: dict[str, str]
    umask: int
    limits: dict[str, tuple[int, int]]  # resource.RLIMIT_* name → (soft, hard)


def _child(conn: socket.socket) -> None:
    """One newslint run with the caller's streams; never returns."""
    code: int | str = 2
    try:
        request = _receive(conn)
        if not _take_limits(request):
            code = "cold"  # the caller may do what this process may not
            return
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        _adopt_streams()
        _watch(conn)
        from newslint.cli import main

        code = main(request["argv"])
    except SystemExit as exc:  # argparse's --help, --version and usage errors
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    except KeyboardInterrupt:
        code = 130  # as a cold run's Ctrl-C
    except BaseException as exc:  # the caller must get a code, whatever happened
        with contextlib.suppress(Exception):
            print(f"newslint: internal error in the warm process: {exc!r}", file=sys.stderr)
    finally:
        # A Ctrl-C passed on after the run has ended must not cut the code's
        # delivery short: the caller would die of the signal with a traceback.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        with contextlib.suppress(OSError):
            conn.sendall(f"{code}\n".encode())
        os._exit(0)


def _take_limits(request: Request) -> bool:
    """Apply the caller's umask and resource limits; False if one cannot be.

    A limit the caller has and this process cannot set (one above its own
    hard limit) would make the warm run stricter than a cold one.
    """
    import resource

    os.umask(request["umask"])
    for name, (soft, hard) in request["limits"].items():
        which = getattr(resource, str(name), None)
        if which is None:
            continue
        try:
            resource.setrlimit(which, (soft, hard))
        except (OSError, ValueError):
            return False
    return True


def _watch(conn: socket.socket) -> None:
    """Take the signals the caller forwards; end the run if the caller is gone."""
    import threading

    # Signals go to the main thread: one sent to the process may land on this
    # listener, and then a main thread blocked reading standard input never
    # sees it (Python runs handlers only in the main thread, between calls).
    main = threading.main_thread().ident or 0

    def listen() -> None:
        buffer = b""
        while True:
            try:
                chunk = conn.recv(64)
            except OSError:
                chunk = b""
            if not chunk:  # the caller died (SIGKILL): so does its run
                os.kill(os.getpid(), signal.SIGTERM)
                return
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                if line.strip().isdigit():
                    signal.pthread_kill(main, int(line))

    threading.Thread(target=listen, daemon=True, name="newslint-caller").start()


def _receive(conn: socket.socket) -> Request:
    message, fds, _, _ = socket.recv_fds(conn, 1 << 16, _FDS)
    if len(fds) != _FDS:
        raise OSError("the caller did not pass its standard streams")
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    size = int.from_bytes(message[:_HEADER], "big")
    body = message[_HEADER:]
    while len(body) < size:
        chunk = conn.recv(size - len(body))
        if not chunk:
            raise OSError("the request was cut short")
        body += chunk
    request: Request = marshal.loads(body)  # marshal is untyped; entry.py sent a Request
    return request


def _adopt_streams() -> None:
    """Python stream objects over the caller's file descriptors 0, 1 and 2."""
    sys.stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "rb", closefd=False)))
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(io.FileIO(1, "wb", closefd=False)),
        encoding="utf-8",
        line_buffering=os.isatty(1),
    )
    sys.stderr = io.TextIOWrapper(
        io.BufferedWriter(io.FileIO(2, "wb", closefd=False)),
        encoding="utf-8",
        errors="backslashreplace",
        line_buffering=True,
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        raise SystemExit(serve(float(os.environ.get("NEWSLINT_DAEMON_IDLE", IDLE_S))))
    print("usage: python -m newslint.warm serve", file=sys.stderr)
    raise SystemExit(2)
