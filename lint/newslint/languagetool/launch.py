"""Launching the LanguageTool JVM (and its idle watchdog) for ``server``.

* The server listens on 127.0.0.1 only (no ``--public``), and without
  ``--allow-origin``: newslint is no browser, and a wildcard origin would let
  any web page the user visits read the server's answers. LanguageTool cannot
  listen on a Unix socket, so any local user can reach the port (README,
  Security).
* Start-up options: C1 compilation only (``-XX:TieredStopAtLevel=1``), which
  more than halved the start on a busy 2-core machine. Java's own class-data
  archive of the JDK is on by default and is kept, and an AppCDS archive of
  LanguageTool's classes is used when there is a sound one (``cds``).
  Measured gains are in the README (LanguageTool, Speed).
* Idle stop: a small watchdog (``python -m newslint.languagetool.watchdog``),
  started detached beside the server, stops it after ``idle_timeout_s`` without
  use. LanguageTool has no idle option, and a watchdog needs no set-up and
  dies with the server it watches.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newslint.languagetool import cds, client
from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.install import Installation, find_java
from newslint.languagetool.matches import CheckOptions
from newslint.languagetool.processes import SERVER_CLASS, WATCHDOG_MODULE, terminate
from newslint.languagetool.state import ServerState, StatePaths, write_private

HOST = "127.0.0.1"
# How long a start takes is machine-specific: the note gives the last start's
# time on this machine (kept in the state folder), else an idle machine's.
STARTING_NOTE = "newslint: starting LanguageTool (first run: about {seconds} s)…"
TYPICAL_START_S = 5
# Reusing LanguageTool's per-request rule pipelines cut a 54-paragraph
# article from ~2.3 s to ~0.8 s and a one-line check from ~20 ms to ~6 ms.
SERVER_PROPERTIES = {
    "pipelineCaching": "true",
    "maxPipelinePoolSize": "50",
    "pipelineExpireTimeInSeconds": "3600",
    # LanguageTool's own cache of sentence results: newslint's cache is per
    # paragraph, so an edit to one sentence of a paragraph re-sent the rest,
    # and the speller's suggestions for a paragraph's unknown names cost
    # tens of ms each. An edit to the last sentence of the seed's longest
    # paragraph took the server 70 → 22 ms of CPU (README, Speed). 2,000 sentences are
    # about 30 MB of heap (the 101-draft corpus, ~4,000 sentences, added
    # 60 MB of resident size); an hour, as the pipelines.
    "cacheSize": "2000",
    "cacheTTLSeconds": "3600",
}
# LanguageTool logs three INFO lines per request; warnings and errors are
# what explain a failed start, and the log then stays small all day.
LOGBACK_XML = """<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d %level %logger{0} %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="OUT"/></root>
</configuration>
"""


@dataclass(frozen=True)
class LaunchSettings:
    """How to run the server."""

    # 512 MB: the English model's live heap is ~140 MB after a long article;
    # the rest is headroom for suggestion generation on long texts.
    memory: str = "512m"
    idle_timeout_s: float | None = 30 * 60
    start_timeout_s: float = 120.0


def jvm_options(memory: str) -> list[str]:
    return [
        f"-Xmx{memory}",
        # A small start heap and the serial collector keep the resident size
        # near the live set: this shares a 2-core laptop with an editor.
        "-Xms64m",
        "-XX:+UseSerialGC",
        # C1 only: the C2 compiler's threads fight the start (and everything
        # else) for a 2-core laptop's CPU. Measured under load: the server
        # answered in 7-9 s instead of 26-28 s, checked its first sentence in
        # 39-47 s instead of 101-123 s, and warm checks were no slower.
        "-XX:TieredStopAtLevel=1",
        # Better to die and be restarted by the next run than limp on.
        "-XX:+ExitOnOutOfMemoryError",
        "-Djava.awt.headless=true",
    ]


def server_command(
    java: str, plan: cds.Plan, settings: LaunchSettings, port: int, paths: StatePaths
) -> list[str]:
    return [
        java,
        *jvm_options(settings.memory),
        *plan.options,
        f"-Dlogback.configurationFile={paths.logging_config}",
        "-cp",
        plan.classpath,
        SERVER_CLASS,
        "--port",
        str(port),
        "--config",
        str(paths.config),
    ]


def start(settings: LaunchSettings, paths: StatePaths, install: Installation) -> ServerState:
    """Start a server and wait until it has checked a sentence; say so on stderr."""
    java = find_java()
    deadline = time.monotonic() + settings.start_timeout_s
    write_private(paths.config, "".join(f"{k}={v}\n" for k, v in SERVER_PROPERTIES.items()))
    write_private(paths.logging_config, LOGBACK_XML)
    print(STARTING_NOTE.format(seconds=_last_start_s(paths)), file=sys.stderr, flush=True)
    began = time.monotonic()
    plan = cds.plan(java, install, cds.ArchivePaths(paths.root))
    for _attempt in range(3):
        port = free_port()
        proc = _spawn(server_command(java, plan, settings, port, paths), paths)
        try:
            _wait_ready(proc, port, deadline, paths.log)
        except _PortTaken:
            continue
        except LanguageToolUnavailable:
            if not plan.options or proc.poll() is None:
                terminate(proc.pid, _running(proc))
                raise
            # Java rejected the archive in a way that stopped it: once more
            # without (the reason is in the log), and the archive goes.
            cds.warn(f"LanguageTool did not start with its class-data archive; see {paths.log}")
            cds.discard(cds.ArchivePaths(paths.root))
            plan = cds.Plan(install.classpath)
            continue
        except BaseException:
            terminate(proc.pid, _running(proc))
            raise
        with contextlib.suppress(OSError):
            write_private(paths.root / "server.start-seconds", f"{time.monotonic() - began:.1f}")
        return ServerState(
            pid=proc.pid,
            port=port,
            version=install.version,
            started_at=time.time(),
            watchdog_pid=_spawn_watchdog(settings, paths, proc.pid, port),
            archiving=plan.archiving,
        )
    raise LanguageToolUnavailable(f"LanguageTool server found no free port; see {paths.log}")


def _last_start_s(paths: StatePaths) -> int:
    try:
        took = float((paths.root / "server.start-seconds").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return TYPICAL_START_S
    return max(1, round(took))


class _PortTaken(Exception):
    """The port chosen was grabbed by someone else before the JVM bound it."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def url_of(port: int) -> str:
    return f"http://{HOST}:{port}/"


def _spawn(cmd: list[str], paths: StatePaths) -> subprocess.Popen[bytes]:
    # Truncated at each start: the log serves to explain the last start only.
    try:
        fd = os.open(paths.log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as log:
            return subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=paths.root,
                start_new_session=True,  # outlive this run and its terminal
            )
    except OSError as exc:
        raise LanguageToolUnavailable(f"could not run {cmd[0]}: {exc.strerror or exc}") from exc


def _wait_ready(proc: subprocess.Popen[bytes], port: int, deadline: float, log: Path) -> None:
    """Poll until the server answers, then warm the English model up.

    The warm-up check loads the model now, within the start deadline, so the
    first real check does not spend its own timeout on it.
    """
    while not client.probe(url_of(port), min(2.0, max(0.1, deadline - time.monotonic()))):
        code = proc.poll()
        if code is not None:
            tail = _log_tail(log)
            if "Address already in use" in tail or "BindException" in tail:
                raise _PortTaken
            raise LanguageToolUnavailable(
                f"LanguageTool server exited at start (code {code}): {tail or 'no output'}; "
                f"see {log}"
            )
        if time.monotonic() >= deadline:
            raise LanguageToolUnavailable(
                f"LanguageTool server did not answer within the start timeout; see {log}"
            )
        time.sleep(0.1)
    warm_up(port, max(1.0, deadline - time.monotonic()))


def warm_up(port: int, timeout_s: float) -> None:
    """One short check, which loads the English model (bench/languagetool times it)."""
    tool = client.connect(url_of(port), CheckOptions(), timeout_s)
    client.check(tool, "newslint warms the spelling model up.", timeout_s)


def _log_tail(log: Path) -> str:
    """The most telling line of the server log: the last exception or error."""
    try:
        lines = [ln.strip() for ln in log.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        return ""
    telling = [ln for ln in lines if "Exception" in ln or "Error" in ln or "error" in ln]
    return (telling or lines or [""])[-1][:300]


def _spawn_watchdog(settings: LaunchSettings, paths: StatePaths, pid: int, port: int) -> int | None:
    if not settings.idle_timeout_s:
        return None
    # The watchdog imports newslint by module name: point it at the package
    # this process loaded, whether installed or run from a source tree.
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-m", WATCHDOG_MODULE, "--state-dir", str(paths.root)]
    cmd += ["--pid", str(pid), "--port", str(port), "--idle", str(settings.idle_timeout_s)]
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=paths.root,
            env=env,
            start_new_session=True,
        )
    except OSError:
        return None  # the server still works; it just will not stop by itself
    return proc.pid


def _running(proc: subprocess.Popen[bytes]) -> Callable[[], bool]:
    """Whether the JVM we started is still running (asked before each signal)."""
    return lambda: proc.poll() is None
