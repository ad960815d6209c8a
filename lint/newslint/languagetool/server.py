"""One local LanguageTool HTTP server per user, shared by successive newslint runs.

Why a shared server: the JVM and LanguageTool's English model take seconds to
load, far longer than newslint checks an article, so a pre-commit hook that
started its own server each time would be slow. Instead the first run starts a
server detached from itself (new session) and later runs reuse it.

Design
------
* State: ``<cache>/server.json`` names the server's pid, port, version, start
  time and watchdog pid. ``<cache>`` is ``$NEWSLINT_CACHE_DIR``, else
  ``${XDG_CACHE_HOME:-~/.cache}/newslint``. Every decision to reuse, start or
  stop is taken while holding ``fcntl.flock`` on ``<cache>/server.lock``, so two
  hooks starting at once make one server: the second waits and then reuses.
* Reuse: the state is trusted only if its pid is still a LanguageTool server on
  that port (checked against the process's command line, so a recycled pid is
  never mistaken for ours) and ``GET /v2/languages`` answers quickly. Anything
  else (dead pid, closed port, a hung or stopped JVM) is killed and replaced.
* Safety: the server listens on 127.0.0.1 only (no ``--public``), and without
  ``--allow-origin``: newslint is no browser, and a wildcard origin would let
  any web page the user visits read the server's answers.
* Idle stop: a small watchdog process (``python -m
  newslint.languagetool.watchdog``), started detached beside the server, polls
  the mtime of ``<cache>/server.activity``, which every use touches. When the
  server has been idle for ``idle_timeout_s`` it takes the lock, checks again,
  stops the server and removes the state; when the server dies on its own the
  watchdog just exits. A watchdog rather than a timer inside the JVM because
  LanguageTool has no idle option, and rather than a cron job because it needs
  no set-up and dies with the server it watches.
* Jars: ``$NEWSLINT_LT_HOME`` (or the fetch script's default folder) holding
  ``lib/*.jar`` and a ``COMPLETE`` marker, made by ``scripts/fetch-languagetool``;
  failing that, a LanguageTool that language-tool-python downloaded
  (``$LTP_JAR_DIR_PATH`` or ``${LTP_PATH:-~/.cache/language_tool_python}/
  LanguageTool-*``).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from newslint.cachedir import cache_dir

LT_VERSION = "6.8"
SERVER_CLASS = "org.languagetool.server.HTTPServer"
WATCHDOG_MODULE = "newslint.languagetool.watchdog"
HOST = "127.0.0.1"
# Reusing LanguageTool's per-request rule pipelines cut a 54-paragraph
# article from ~2.3 s to ~0.8 s and a one-line check from ~20 ms to ~6 ms.
SERVER_PROPERTIES = {
    "pipelineCaching": "true",
    "maxPipelinePoolSize": "50",
    "pipelineExpireTimeInSeconds": "3600",
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
FETCH_HINT = "run scripts/fetch-languagetool"


class LanguageToolUnavailable(Exception):
    """LanguageTool cannot be used right now; ``reason`` says why in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ServerSettings:
    """How to run the server. ``None`` paths are resolved from the environment
    at call time, so tests and users can redirect them with variables."""

    # 512 MB: the English model's live heap is ~140 MB after a long article;
    # the rest is headroom for suggestion generation on long texts.
    memory: str = "512m"
    idle_timeout_s: float | None = 30 * 60
    start_timeout_s: float = 60.0
    # How long a running server may take to answer the liveness probe before
    # it is judged hung and replaced.
    probe_timeout_s: float = 3.0
    lt_home: Path | None = None
    state_dir: Path | None = None


@dataclass(frozen=True)
class ServerHandle:
    """A running server: ``url`` is its root (``http://127.0.0.1:PORT/``)."""

    url: str
    version: str
    pid: int
    activity_path: Path

    def touch(self) -> None:
        """Record a use, postponing the idle stop."""
        touch(self.activity_path)


@dataclass(frozen=True)
class Status:
    """What ``newslint server status`` reports; ``detail`` is one line."""

    running: bool
    detail: str
    pid: int | None = None
    port: int | None = None
    version: str | None = None
    started_at: float | None = None
    idle_s: float | None = None
    rss_kib: int | None = None

    @property
    def url(self) -> str | None:
        return f"http://{HOST}:{self.port}/" if self.port else None


@dataclass(frozen=True)
class Installation:
    """LanguageTool jars found on disk, as a java class path."""

    classpath: str
    version: str
    where: Path


@dataclass(frozen=True)
class ServerState:
    """The JSON kept in ``server.json``."""

    pid: int
    port: int
    version: str
    started_at: float
    watchdog_pid: int | None = None

    @classmethod
    def load(cls, path: Path) -> ServerState | None:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                pid=int(raw["pid"]),
                port=int(raw["port"]),
                version=str(raw["version"]),
                started_at=float(raw["started_at"]),
                watchdog_pid=int(raw["watchdog_pid"]) if raw.get("watchdog_pid") else None,
            )
        except (OSError, ValueError, KeyError, TypeError):
            # Missing or garbled state is simply "no server known".
            return None

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self)), encoding="utf-8")
        os.replace(tmp, path)  # readers never see a half-written file


@dataclass(frozen=True)
class StatePaths:
    """The files in the state folder."""

    root: Path

    @property
    def state(self) -> Path:
        return self.root / "server.json"

    @property
    def lock(self) -> Path:
        return self.root / "server.lock"

    @property
    def activity(self) -> Path:
        return self.root / "server.activity"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    @property
    def config(self) -> Path:
        return self.root / "server.properties"

    @property
    def logging_config(self) -> Path:
        return self.root / "server-logback.xml"


# ---------------------------------------------------------------- locations


def user_cache_dir() -> Path:
    """newslint's cache folder (see newslint.cachedir)."""
    return Path(cache_dir())


def default_lt_home() -> Path:
    """Where scripts/fetch-languagetool puts the jars (same formula)."""
    explicit = os.environ.get("NEWSLINT_LT_HOME")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newslint" / f"languagetool-{LT_VERSION}"


def state_paths(settings: ServerSettings) -> StatePaths:
    from newslint.warmpath import state_dir

    root = settings.state_dir or state_dir()  # private, and usable when the cache is not
    root.mkdir(parents=True, exist_ok=True)
    return StatePaths(root)


def find_installation(settings: ServerSettings) -> Installation:
    """The jars to run, or LanguageToolUnavailable saying how to get them."""
    home = settings.lt_home or default_lt_home()
    found = _fetched_jars(home)
    if found:
        return found
    found = _ltp_download()
    if found:
        return found
    if (home / "lib").is_dir() and not (home / "COMPLETE").exists():
        raise LanguageToolUnavailable(
            f"LanguageTool jars in {home} are incomplete; {FETCH_HINT} again"
        )
    raise LanguageToolUnavailable(f"LanguageTool jars not found in {home}; {FETCH_HINT}")


def _fetched_jars(home: Path) -> Installation | None:
    if not (home / "COMPLETE").exists():
        return None
    servers = sorted((home / "lib").glob("languagetool-server-*.jar"))
    if not servers:
        return None
    version = servers[-1].name.removeprefix("languagetool-server-").removesuffix(".jar")
    return Installation(classpath=str(home / "lib" / "*"), version=version, where=home)


def _ltp_download() -> Installation | None:
    """A LanguageTool unpacked by language-tool-python, located as it does."""
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
    if jar_dir:
        candidates = [Path(jar_dir)]
    else:
        base = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
        candidates = sorted(base.glob("LanguageTool-*"), key=_version_key, reverse=True)
    for folder in candidates:
        jar = folder / "languagetool-server.jar"
        if jar.is_file():
            # The jar's manifest names its libs/, so it alone is the class path.
            version = folder.name.removeprefix("LanguageTool-") or "unknown"
            return Installation(classpath=str(jar), version=version, where=folder)
    return None


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path.name))


def find_java() -> str:
    """``java`` on PATH, else ``$JAVA_HOME/bin/java``."""
    on_path = shutil.which("java")
    if on_path:
        return on_path
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if os.access(candidate, os.X_OK):
            return str(candidate)
    raise LanguageToolUnavailable(
        "java not found on PATH or in JAVA_HOME; install Java 17+ to check spelling and grammar"
    )


# ------------------------------------------------------------------ public API


def ensure_server(settings: ServerSettings | None = None) -> ServerHandle:
    """Reuse the running server or start one; raises LanguageToolUnavailable."""
    settings = settings or ServerSettings()
    paths = state_paths(settings)
    with locked(paths.lock, settings.start_timeout_s + 10):
        state = ServerState.load(paths.state)
        if state and _answers(state, settings.probe_timeout_s):
            touch(paths.activity)
            return _handle(state, paths)
        if state:
            _stop(state)
            paths.state.unlink(missing_ok=True)
        state = _start(settings, paths)
        state.save(paths.state)
        touch(paths.activity)
        return _handle(state, paths)


def stop_server(settings: ServerSettings | None = None) -> ServerState | None:
    """Stop the server if one is known; returns the state it had."""
    settings = settings or ServerSettings()
    paths = state_paths(settings)
    with locked(paths.lock, settings.start_timeout_s + 10):
        state = ServerState.load(paths.state)
        if state:
            _stop(state)
            paths.state.unlink(missing_ok=True)
        return state


def server_status(settings: ServerSettings | None = None) -> Status:
    """Report on the server without starting or stopping anything."""
    settings = settings or ServerSettings()
    paths = state_paths(settings)
    state = ServerState.load(paths.state)
    if state is None:
        return Status(running=False, detail="not running")
    facts = {
        "pid": state.pid,
        "port": state.port,
        "version": state.version,
        "started_at": state.started_at,
    }
    if not is_server_process(state.pid, state.port):
        return Status(False, f"not running (stale state: pid {state.pid} is gone)", **facts)
    idle = idle_seconds(paths.activity)
    rss = rss_kib(state.pid)
    if not probe(state.port, settings.probe_timeout_s):
        detail = f"hung: pid {state.pid} does not answer on port {state.port}"
        return Status(False, detail, idle_s=idle, rss_kib=rss, **facts)
    detail = f"running: LanguageTool {state.version} at http://{HOST}:{state.port}/"
    return Status(True, detail, idle_s=idle, rss_kib=rss, **facts)


# ------------------------------------------------------------------ processes


def probe(port: int, timeout: float) -> bool:
    """Whether ``GET /v2/languages`` answers 200 within ``timeout``.

    http.client rather than urllib: urllib would honour ``http_proxy`` and
    send a loopback request to the newsroom's proxy.
    """
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", "/v2/languages")
        response = conn.getresponse()
        response.read()
        return response.status == 200
    except (OSError, http.client.HTTPException):
        return False
    finally:
        conn.close()


def is_server_process(pid: int, port: int) -> bool:
    """Whether ``pid`` is a live LanguageTool server on ``port``."""
    cmdline = process_cmdline(pid)
    return cmdline is not None and SERVER_CLASS in cmdline and str(port) in cmdline


def is_watchdog_process(pid: int) -> bool:
    cmdline = process_cmdline(pid)
    return cmdline is not None and WATCHDOG_MODULE in cmdline


def process_cmdline(pid: int) -> list[str] | None:
    """The argv of a live (non-zombie) process, or None."""
    proc = Path(f"/proc/{pid}")
    if Path("/proc/self").exists():
        try:
            stat = (proc / "stat").read_text()
            if stat[stat.rindex(")") + 2] == "Z":
                return None
            raw = (proc / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            return None
        return raw.rstrip(b"\0").decode(errors="replace").split("\0") if raw else None
    return _ps_cmdline(pid)


def _ps_cmdline(pid: int) -> list[str] | None:
    """Fallback for systems without /proc (macOS); word-split, good enough
    for the substring checks made on it."""
    result = subprocess.run(
        ["ps", "-o", "stat=,command=", "-p", str(pid)],
        capture_output=True,
        text=True,
        check=False,
    )
    fields = result.stdout.split()
    if result.returncode != 0 or not fields or fields[0].startswith("Z"):
        return None
    return fields[1:]


def rss_kib(pid: int) -> int | None:
    """Resident memory of a process in KiB, where /proc tells it."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def terminate(pid: int, still_ours: Callable[[], bool], grace_s: float = 3.0) -> None:
    """SIGTERM, then SIGKILL after ``grace_s``; ``still_ours`` guards every signal."""
    for sig, wait_s in ((signal.SIGTERM, grace_s), (signal.SIGKILL, 2.0)):
        if not still_ours():
            return
        _signal(pid, sig)
        # A SIGSTOPped JVM keeps SIGTERM pending until continued.
        _signal(pid, signal.SIGCONT)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            _reap(pid)
            if not still_ours():
                return
            time.sleep(0.05)


def _signal(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, sig)


def _reap(pid: int) -> None:
    """Collect a child that we started ourselves, so it leaves no zombie."""
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)


def _stop(state: ServerState) -> None:
    terminate(state.pid, lambda: is_server_process(state.pid, state.port))
    if state.watchdog_pid:
        wd = state.watchdog_pid
        terminate(wd, lambda: is_watchdog_process(wd), grace_s=1.0)


def _answers(state: ServerState, timeout: float) -> bool:
    return is_server_process(state.pid, state.port) and probe(state.port, timeout)


def _handle(state: ServerState, paths: StatePaths) -> ServerHandle:
    return ServerHandle(
        url=f"http://{HOST}:{state.port}/",
        version=state.version,
        pid=state.pid,
        activity_path=paths.activity,
    )


# ------------------------------------------------------------------- starting


def server_command(
    java: str, install: Installation, settings: ServerSettings, port: int, paths: StatePaths
) -> list[str]:
    return [
        java,
        f"-Xmx{settings.memory}",
        # A small start heap and the serial collector keep the resident size
        # near the live set: this shares a 2-core laptop with an editor.
        "-Xms64m",
        "-XX:+UseSerialGC",
        # Better to die and be restarted by the next run than limp on.
        "-XX:+ExitOnOutOfMemoryError",
        "-Djava.awt.headless=true",
        f"-Dlogback.configurationFile={paths.logging_config}",
        "-cp",
        install.classpath,
        SERVER_CLASS,
        "--port",
        str(port),
        "--config",
        str(paths.config),
    ]


def _start(settings: ServerSettings, paths: StatePaths) -> ServerState:
    java = find_java()
    install = find_installation(settings)
    deadline = time.monotonic() + settings.start_timeout_s
    _write_server_config(paths)
    for _attempt in range(3):
        port = _free_port()
        proc = _spawn(server_command(java, install, settings, port, paths), paths)
        try:
            version = _wait_ready(proc, port, deadline, paths.log)
        except _PortTaken:
            continue
        except BaseException:
            terminate(proc.pid, lambda p=proc: p.poll() is None)
            raise
        watchdog = _spawn_watchdog(settings, paths, proc.pid, port)
        return ServerState(
            pid=proc.pid,
            port=port,
            version=version or install.version,
            started_at=time.time(),
            watchdog_pid=watchdog,
        )
    raise LanguageToolUnavailable(f"LanguageTool server found no free port; see {paths.log}")


def _write_server_config(paths: StatePaths) -> None:
    paths.config.write_text("".join(f"{k}={v}\n" for k, v in SERVER_PROPERTIES.items()))
    paths.logging_config.write_text(LOGBACK_XML)


class _PortTaken(Exception):
    """The port chosen was grabbed by someone else before the JVM bound it."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _spawn(cmd: list[str], paths: StatePaths) -> subprocess.Popen[bytes]:
    # Truncated at each start: the log serves to explain the last start only.
    try:
        with paths.log.open("wb") as log:
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


def _wait_ready(proc: subprocess.Popen[bytes], port: int, deadline: float, log: Path) -> str | None:
    """Poll until the server answers, then warm the English model up.

    The warm-up check loads the model now, within the start deadline, so the
    first real check does not spend its own timeout on it. Returns the
    version the server reports.
    """
    while not probe(port, min(2.0, max(0.1, deadline - time.monotonic()))):
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
    return _warm_up(port, deadline, log)


def _warm_up(port: int, deadline: float, log: Path) -> str | None:
    body = "language=en-US&text=newslint+warms+the+spelling+model+up."
    conn = http.client.HTTPConnection(HOST, port, timeout=max(1.0, deadline - time.monotonic()))
    try:
        conn.request(
            "POST",
            "/v2/check",
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        response = conn.getresponse()
        payload = response.read()
    except (OSError, http.client.HTTPException) as exc:
        raise LanguageToolUnavailable(
            f"LanguageTool server did not finish loading English within the start timeout "
            f"({exc.__class__.__name__}); see {log}"
        ) from exc
    finally:
        conn.close()
    if response.status != 200:
        raise LanguageToolUnavailable(
            f"LanguageTool server failed its first check (HTTP {response.status}); see {log}"
        )
    try:
        return str(json.loads(payload)["software"]["version"])
    except (ValueError, KeyError, TypeError):
        return None


def _log_tail(log: Path) -> str:
    """The most telling line of the server log: the last exception or error."""
    try:
        lines = [ln.strip() for ln in log.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        return ""
    telling = [ln for ln in lines if "Exception" in ln or "Error" in ln or "error" in ln]
    return (telling or lines or [""])[-1][:300]


def _spawn_watchdog(settings: ServerSettings, paths: StatePaths, pid: int, port: int) -> int | None:
    if not settings.idle_timeout_s:
        return None
    # The watchdog imports newslint by module name: point it at the package
    # this process loaded, whether installed or run from a source tree.
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    cmd = [
        sys.executable,
        "-m",
        WATCHDOG_MODULE,
        "--state-dir",
        str(paths.root),
        "--pid",
        str(pid),
        "--port",
        str(port),
        "--idle",
        str(settings.idle_timeout_s),
    ]
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


# ---------------------------------------------------------------- lock, clock


@contextlib.contextmanager
def locked(path: Path, timeout_s: float) -> Iterator[None]:
    """Hold an exclusive flock on ``path``, waiting at most ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    with path.open("a") as handle:
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise LanguageToolUnavailable(
                        f"another newslint held the LanguageTool server lock {path} "
                        f"for over {timeout_s:.0f} s"
                    ) from exc
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def touch(path: Path) -> None:
    """Set ``path``'s mtime to now (creating it): the idle clock."""
    with contextlib.suppress(OSError):
        path.touch()


def idle_seconds(activity: Path) -> float | None:
    try:
        return max(0.0, time.time() - activity.stat().st_mtime)
    except OSError:
        return None
