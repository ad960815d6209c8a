"""A warm run is a cold run: signals, limits, umask, its caller's death; and only for its user."""

from __future__ import annotations

import marshal
import os
import resource
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint import warmpath
from tests.conftest import house_config
from tests.test_warm import NEWSLINT, warm_env  # noqa: F401  (a fixture)

NOBODY = 65534


def _children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def _server_pid(env: dict[str, str]) -> int:
    return int(next(Path(env["NEWSLINT_RUNTIME_DIR"]).glob("*.sock.pid")).read_text())


def _wait_for(condition: object, what: str) -> None:
    """Poll until ``condition()`` holds; a generous bound, not a timing assertion."""
    deadline = time.monotonic() + 60
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


@pytest.fixture
def reading_stdin(warm_env: dict[str, str], tmp_path: Path) -> Iterator[subprocess.Popen[str]]:  # noqa: F811
    """A warm ``newslint -`` blocked reading its standard input, under umask 027
    and a lowered open-files limit."""

    def limits() -> None:
        os.umask(0o027)
        resource.setrlimit(resource.RLIMIT_NOFILE, (200, 300))

    client = subprocess.Popen(
        [str(NEWSLINT), "--select", "loaded", "-"],
        cwd=tmp_path,
        env={**warm_env, "NEWSLINT_DAEMON": "require"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=limits,
    )
    server = _server_pid(warm_env)
    _wait_for(lambda: _children(server), "the warm process did not fork a run")
    try:
        yield client
    finally:
        if client.poll() is None:
            client.kill()
        client.wait(timeout=30)


def test_the_run_takes_the_callers_umask_and_limits(
    reading_stdin: subprocess.Popen[str],
    warm_env: dict[str, str],  # noqa: F811
) -> None:
    (child,) = _children(_server_pid(warm_env))
    # The run is forked on connect and takes the umask once it has read the
    # request: wait for that (a busy machine can show the fork in between).
    status = Path(f"/proc/{child}/status")
    _wait_for(lambda: "Umask:\t0027" in status.read_text(), "the run kept the server's umask")
    limits = Path(f"/proc/{child}/limits").read_text()
    nofile = next(line for line in limits.splitlines() if line.startswith("Max open files"))
    assert nofile.split()[3:5] == ["200", "300"]
    out, _ = reading_stdin.communicate("A storied career.\n", timeout=60)
    assert reading_stdin.returncode == 0 and "loaded.puffery" in out


def test_ctrl_c_stops_the_run_like_a_cold_one(
    reading_stdin: subprocess.Popen[str],
    warm_env: dict[str, str],  # noqa: F811
) -> None:
    server = _server_pid(warm_env)
    reading_stdin.send_signal(signal.SIGINT)
    # Standard input stays open (communicate() would close it, and a run that
    # reads its end first finishes cleanly): only the Ctrl-C can end this run.
    reading_stdin.wait(timeout=60)
    assert reading_stdin.stderr is not None
    err = reading_stdin.stderr.read()
    assert reading_stdin.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    _wait_for(lambda: not _children(server), "the forked run outlived Ctrl-C")


def test_a_killed_caller_ends_its_run(
    reading_stdin: subprocess.Popen[str],
    warm_env: dict[str, str],  # noqa: F811
) -> None:
    server = _server_pid(warm_env)
    reading_stdin.kill()
    reading_stdin.wait(timeout=30)
    _wait_for(lambda: not _children(server), "the forked run outlived its SIGKILLed caller")


def _as_nobody(work: object) -> bytes:
    """Run ``work(write)`` in a child that has dropped to uid 65534; what it wrote."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            os.close(read_end)
            work(write_end)  # type: ignore[operator]
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        written = reader.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return written


@pytest.mark.skipif(os.getuid() != 0, reason="dropping to another uid needs root")
def test_the_warm_process_refuses_another_users_request(
    warm_env: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    runtime = Path(warm_env["NEWSLINT_RUNTIME_DIR"])
    sock = next(runtime.glob("*.sock"))
    # As if the folder's protection had failed (the probe's symlink swap).
    os.chmod(runtime, 0o711)
    os.chmod(sock, 0o666)
    draft = tmp_path / "d.md"
    draft.write_text("A storied career.\n", encoding="utf-8")

    def intrude(report: int) -> None:
        # pytest's own folders above are 0700: reach the socket through an fd.
        folder = os.open(runtime, os.O_PATH)
        os.setgid(NOBODY)
        os.setuid(NOBODY)
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.connect(f"/proc/self/fd/{folder}/{sock.name}")
        body = marshal.dumps(
            {
                "argv": ["--version"],
                "cwd": "/",
                "env": {},
                "umask": 0o022,
                "limits": {},
            }
        )
        with client:
            try:
                socket.send_fds(client, [len(body).to_bytes(8, "big") + body], [0, 1, 2])
                answer = client.recv(64)
            except OSError:
                answer = b""
        os.write(report, b"answer:" + answer)

    assert _as_nobody(intrude) == b"answer:"
    os.chmod(runtime, 0o700)
    own = subprocess.run(
        [str(NEWSLINT), "--version"],
        env={**warm_env, "NEWSLINT_DAEMON": "require"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert own.returncode == 0 and own.stdout.startswith("newslint ")


@pytest.mark.skipif(os.getuid() != 0, reason="dropping to another uid needs root")
def test_a_run_never_talks_to_another_users_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "run"
    cache = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache))
    path = warmpath.socket_path()  # the name a run of this interpreter will use
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    os.chmod(path, 0o666)
    ready_r, ready_w = os.pipe()

    def impostor(report: int) -> None:
        os.setgid(NOBODY)
        os.setuid(NOBODY)
        listener.listen(1)  # SO_PEERCRED names whoever called listen()
        os.write(ready_w, b"!")
        # A run that never connects (its socket name changed with the code
        # under it) fails the test below instead of hanging the suite.
        listener.settimeout(150)
        try:
            conn, _ = listener.accept()
        except OSError:
            os.write(report, b"no connection")
            return
        conn.settimeout(30)
        received = b""
        try:
            while chunk := conn.recv(1 << 16):
                received += chunk
        except OSError:
            pass
        os.write(report, received or b"nothing")

    draft = tmp_path / "d.md"
    draft.write_text("A storied career.\n", encoding="utf-8")
    result: list[subprocess.CompletedProcess[str]] = []

    def caller() -> None:
        os.read(ready_r, 1)
        result.append(
            subprocess.run(
                [str(NEWSLINT), "--select", "loaded", str(draft)],
                env={
                    **os.environ,
                    "NEWSLINT_DAEMON": "on",
                    "CI": "1",  # leave no warm process behind
                    "SECRET_TOKEN": "hunter2",
                },
                capture_output=True,
                text=True,
                timeout=120,
            )
        )

    import threading

    thread = threading.Thread(target=caller)
    thread.start()
    received = _as_nobody(impostor)
    thread.join()
    listener.close()
    assert b"hunter2" not in received and b"argv" not in received
    (run,) = result
    assert run.returncode == 0 and "loaded.puffery" in run.stdout  # linted here, cold
    assert "is served by another user" in run.stderr


def test_a_hostile_runtime_folder_is_passed_over_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSLINT_RUNTIME_DIR", raising=False)
    xdg = tmp_path / "xdg"
    xdg.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(xdg))
    (xdg / "newslint").symlink_to(tmp_path)  # planted before our first run
    location = warmpath.locate()
    assert not location.socket.startswith(str(xdg))
    assert location.note is not None and "the warm process uses" in location.note
    folder = Path(location.socket).parent
    assert folder.stat().st_mode & 0o777 == 0o700 and folder.stat().st_uid == os.getuid()


def test_the_runtime_folder_prefers_xdg_runtime_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSLINT_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    location = warmpath.locate()
    assert location == warmpath.Location(location.socket, None)
    assert Path(location.socket).parent == tmp_path / "newslint"
    assert (tmp_path / "newslint").stat().st_mode & 0o777 == 0o700


def test_a_hostile_explicit_runtime_folder_means_a_cold_run_with_a_note(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    draft = tmp_path / "d.md"
    draft.write_text("A storied career.\n", encoding="utf-8")
    result = subprocess.run(
        [str(NEWSLINT), "--select", "loaded", str(draft)],
        env={**os.environ, "NEWSLINT_DAEMON": "on", "CI": "1", "NEWSLINT_RUNTIME_DIR": str(shared)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and "loaded.puffery" in result.stdout
    assert result.stderr.count("newslint: note:") == 1
    assert "can be written by other users; running without the warm process" in result.stderr
    assert not list(shared.iterdir())


def test_fixed_lines_are_said_as_each_file_is_written(tmp_path: Path) -> None:
    """A run stopped half-way has said what it already changed."""
    from newslint.fixes import FileFix, fix_all
    from newslint.linter import Linter, Options

    drafts = [tmp_path / "a.md", tmp_path / "b.md"]
    for path in drafts:
        path.write_text("The general perished in Hamedan.\n", encoding="utf-8")
    linter = Linter(Options(config_path=house_config(tmp_path), select=("names", "loaded")))
    results = [linter.lint_path(str(path)) for path in drafts]
    heard: list[tuple[str, list[bool]]] = []

    def written(fix: FileFix) -> None:
        on_disk = ["Hamadan" in path.read_text(encoding="utf-8") for path in drafts]
        heard.append((Path(fix.path).name, on_disk))

    fix_all(linter, results, {}, write=True, written=written)
    assert heard == [("a.md", [True, False]), ("b.md", [True, True])]
