"""The warm process: the same output and exit codes as a cold run, faster."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED

NEWSLINT = shutil.which("newslint", path=str(Path(sys.executable).parent))
NO_LT = ("--ignore", "spelling,grammar,typography")


def run(*args: str, env: dict[str, str], cwd: Path, stdin: str | None = None):
    return subprocess.run(
        [str(NEWSLINT), *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def warm_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An environment with its own warm process (stopped afterwards)."""
    runtime = tmp_path / "run"
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"),
        "NEWSLINT_RUNTIME_DIR": str(runtime),
        "NEWSLINT_DAEMON_IDLE": "60",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "newslint.warm", "serve"],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(runtime.glob("*.sock.pid")) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert list(runtime.glob("*.sock.pid")), "the warm process did not start"
        yield env
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)


def test_warm_runs_match_cold_runs(warm_env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_bytes(b"\x00\x01binary")
    (tmp_path / "clean.md").write_text("The general died on Friday.\n", encoding="utf-8")
    shutil.copy(SEED, tmp_path / "seed.md")
    cases = [
        ("seed.md", *NO_LT),
        ("seed.md", "--format", "json", *NO_LT),
        ("clean.md", *NO_LT),
        ("bad.md", "clean.md", *NO_LT),
        ("--select", "loaded", "-"),
        ("--format", "nonsense", "clean.md"),
        ("explain", "loaded.said"),
        ("--version",),
    ]
    for args in cases:
        stdin = "A legendary move.\n" if "-" in args else None
        cold = run(*args, env={**warm_env, "NEWSLINT_DAEMON": "0"}, cwd=tmp_path, stdin=stdin)
        warm = run(*args, env={**warm_env, "NEWSLINT_DAEMON": "require"}, cwd=tmp_path, stdin=stdin)
        assert (warm.returncode, warm.stdout, warm.stderr) == (
            cold.returncode,
            cold.stdout,
            cold.stderr,
        ), args
    assert cold.stdout == "newslint 0.1.0\n"


def test_the_environment_and_folder_are_the_callers(
    warm_env: dict[str, str], tmp_path: Path
) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / ".newslint.yml").write_text("rules: {loaded: off}\n", encoding="utf-8")
    (desk / "d.md").write_text("A storied, furious career.\n", encoding="utf-8")
    warm = run(
        "d.md", "--format", "json", *NO_LT, cwd=desk, env={**warm_env, "NEWSLINT_DAEMON": "require"}
    )
    assert warm.returncode == 0 and warm.stdout == "[]\n"


def test_without_a_warm_process_newslint_runs_cold(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NEWSLINT_RUNTIME_DIR": str(tmp_path / "run"),
        "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"),
    }
    required = run("--version", cwd=tmp_path, env={**env, "NEWSLINT_DAEMON": "require"})
    assert required.returncode == 2
    assert required.stderr == "newslint: error: no warm newslint process is running\n"
    off = run("--version", cwd=tmp_path, env={**env, "NEWSLINT_DAEMON": "0"})
    assert off.returncode == 0 and not list((tmp_path / "run").glob("*.sock"))


def test_a_run_forked_from_the_warm_process_imports_nothing_new(tmp_path: Path) -> None:
    """Everything a plain lint of a draft needs is loaded before the fork."""
    shutil.copy(SEED, tmp_path / "seed.md")
    # A config of its own, not one found above the temporary folder.
    (tmp_path / ".newslint.yml").write_text("fail_on: error\n", encoding="utf-8")
    probe = (
        "import os, sys; from newslint import warm; warm.preload(); import newslint.cli\n"
        "before = set(sys.modules); out, sys.stdout = sys.stdout, open(os.devnull, 'w')\n"
        "code = newslint.cli.main(['--ignore', 'spelling,grammar,typography', 'seed.md'])\n"
        "sys.stdout = out; print(code, sorted(set(sys.modules) - before))\n"
    )
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    code, imported = done.stdout.split(" ", 1)
    assert code in ("0", "1") and imported.strip() == "[]", done.stderr
