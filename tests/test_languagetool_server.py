"""The LanguageTool layer against a real local LanguageTool server.

Server state goes to a temporary XDG_CACHE_HOME per test; the jars come from
the shared folder scripts/fetch-languagetool fills, so nothing is refetched.
Every server a test starts is found by its state folder (which appears on its
command line) and killed at teardown, whatever the test did.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint.languagetool import client
from newslint.languagetool.cache import ResultCache, cache_key
from newslint.languagetool.commands import (
    NOT_RUNNING,
    start_command,
    status_command,
    stop_command,
)
from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.install import default_lt_home, find_installation
from newslint.languagetool.launch import free_port
from newslint.languagetool.matches import CheckOptions, LTMatch, Utf16Index, from_ltp
from newslint.languagetool.processes import is_server_process, process_cmdline
from newslint.languagetool.server import (
    ServerHandle,
    ServerSettings,
    ensure_server,
    server_status,
    stop_server,
)
from newslint.languagetool.state import DUMP_GRACE_S

# Resolved once, before any test redirects XDG_CACHE_HOME.
JAR_HOME = default_lt_home()
LINT_ROOT = Path(__file__).resolve().parents[1] / "lint"
SENTENCE = "Good run down on Qassim's “assasination”."


def check_text(
    handle: ServerHandle, text: str, options: CheckOptions | None = None, timeout: float = 10.0
) -> list[LTMatch]:
    return client.check_texts(handle.url, [text], options or CheckOptions(), timeout)[0]


def check_texts(handle: ServerHandle, texts: list[str]) -> list[list[LTMatch]]:
    return client.check_texts(handle.url, texts, CheckOptions(), 10.0)


def _jars_present() -> bool:
    try:
        find_installation(JAR_HOME)
    except LanguageToolUnavailable:
        return False
    return True


MUST_RUN = bool(os.environ.get("CI") or os.environ.get("NEWSLINT_REQUIRE_LANGUAGETOOL"))
needs_server = pytest.mark.skipif(
    not MUST_RUN and not _jars_present(),
    reason=f"LanguageTool jars not found in {JAR_HOME}: run scripts/fetch-languagetool "
    "(in CI these tests always run)",
)


# ------------------------------------------------------------------ helpers


def _processes_mentioning(folder: Path) -> list[int]:
    """Pids whose command line names ``folder``: our servers and watchdogs."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        cmdline = process_cmdline(int(entry.name))
        if cmdline and any(str(folder) in arg for arg in cmdline):
            pids.append(int(entry.name))
    return pids


def _kill_everything_under(folder: Path) -> None:
    for pid in _processes_mentioning(folder):
        for sig in (signal.SIGKILL, signal.SIGCONT):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)  # reap the ones this process started


def _wait_until(condition, timeout_s: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def _listen_addresses(port: int) -> list[str]:
    """Local addresses (hex, as /proc/net shows them) listening on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if int(port_hex, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.append(address)
    return found


def _settings(**overrides: object) -> ServerSettings:
    base = {"probe_timeout_s": 1.0, "start_timeout_s": 120.0, "idle_timeout_s": 600.0}
    return ServerSettings(**{**base, **overrides})  # type: ignore[arg-type]


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private XDG_CACHE_HOME with the shared jars; yields the state folder."""
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    monkeypatch.setenv("NEWSLINT_LT_HOME", str(JAR_HOME))
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    try:
        yield xdg / "newslint"
    finally:
        _kill_everything_under(tmp_path)


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One server for the read-only checks, with explicit settings."""
    root = tmp_path_factory.mktemp("lt-shared")
    settings = _settings(lt_home=JAR_HOME, state_dir=root)
    try:
        yield ensure_server(settings)
    finally:
        stop_server(settings)
        _kill_everything_under(root)


# ------------------------------------------------------------ server life


@needs_server
def test_start_status_reuse_and_stop(isolated: Path) -> None:
    settings = _settings()
    started = time.monotonic()
    handle = ensure_server(settings)
    cold_s = time.monotonic() - started
    assert handle.version == "6.8"
    assert handle.url.startswith("http://127.0.0.1:")
    assert (isolated / "server.json").exists()
    state = json.loads((isolated / "server.json").read_text())
    assert state["pid"] == handle.pid

    status = server_status(settings)
    assert status.running, status.detail
    assert status.pid == handle.pid
    assert status.url == handle.url
    assert status.rss_kib and status.rss_kib > 10_000

    again = time.monotonic()
    assert ensure_server(settings).pid == handle.pid
    assert time.monotonic() - again < 1.0, "a reuse must not restart the JVM"
    print(f"cold start with warm-up: {cold_s:.1f} s")

    assert stop_server(settings) is not None
    assert not is_server_process(handle.pid, state["port"])
    assert not server_status(settings).running
    assert not (isolated / "server.json").exists()


@needs_server
def test_listens_on_loopback_only(shared_server) -> None:  # type: ignore[no-untyped-def]
    port = int(shared_server.url.rsplit(":", 1)[1].strip("/"))
    addresses = _listen_addresses(port)
    assert addresses, f"nothing listens on {port}"
    # 127.0.0.1 as /proc/net writes it, plain or IPv4-mapped in tcp6.
    assert all(a.endswith("0100007F") for a in addresses), addresses


@needs_server
def test_commands_report_lifecycle(isolated: Path) -> None:
    code, lines = start_command(_settings())
    assert code == 0 and "LanguageTool 6.8 running at http://127.0.0.1:" in lines[0]
    code, lines = status_command(_settings())
    assert code == 0 and lines[0].startswith("running:")
    assert any(line.startswith("memory:") for line in lines)
    code, lines = stop_command(_settings())
    assert code == 0 and "stopped" in lines[0]
    assert status_command(_settings()) == (NOT_RUNNING, ["not running"])
    assert stop_command(_settings()) == (0, ["LanguageTool server was not running"])


@needs_server
def test_concurrent_starts_make_one_server(isolated: Path) -> None:
    script = (
        "from newslint.languagetool.server import ServerSettings, ensure_server\n"
        "print(ensure_server(ServerSettings(start_timeout_s=120)).pid)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(LINT_ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    pids = {int(p.communicate(timeout=180)[0].strip()) for p in procs}
    assert len(pids) == 1
    servers = [
        pid
        for pid in _processes_mentioning(isolated)
        if "org.languagetool.server.HTTPServer" in (process_cmdline(pid) or [])
    ]
    assert servers == list(pids)


@needs_server
def test_killed_server_is_replaced(isolated: Path) -> None:
    settings = _settings()
    first = ensure_server(settings)
    os.kill(first.pid, signal.SIGKILL)
    _wait_until(lambda: process_cmdline(first.pid) is None, 10)
    assert not server_status(settings).running
    second = ensure_server(settings)
    assert second.pid != first.pid
    assert check_text(second, SENTENCE)


@needs_server
def test_hung_server_times_out_then_is_replaced(isolated: Path) -> None:
    settings = _settings()
    first = ensure_server(settings)
    os.kill(first.pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        with pytest.raises(LanguageToolUnavailable, match=r"did not answer (within 2 s|in time)"):
            check_text(first, SENTENCE, timeout=2.0)
        assert time.monotonic() - started < 4.0
        assert server_status(settings).detail.startswith("hung:")

        second = ensure_server(settings)
        assert second.pid != first.pid
        assert _wait_until(lambda: process_cmdline(first.pid) is None, 5)
        assert check_text(second, SENTENCE)
    finally:
        if process_cmdline(first.pid):
            os.kill(first.pid, signal.SIGCONT)


@needs_server
def test_garbled_state_leaves_no_server_out_of_reach(isolated: Path) -> None:
    """A garbled server.json must not hide the running JVM from ``server stop``
    (nor make the next run start a second one beside it)."""
    settings = _settings()
    handle = ensure_server(settings)
    # The state folder and the files in it hold draft sentences and logs: private.
    assert isolated.stat().st_mode & 0o777 == 0o700
    for name in ("server.json", "server.log", "server.properties", "server.lock"):
        assert (isolated / name).stat().st_mode & 0o777 == 0o600, name
    (isolated / "server.json").write_text('{"pid": "garbled', encoding="utf-8")
    assert server_status(settings).detail.startswith("unknown state: server.json unreadable")
    code, lines = stop_command(settings)
    assert code == 0 and f"pid {handle.pid}" in lines[0]
    assert _wait_until(lambda: not _processes_mentioning(isolated), 10)


@needs_server
def test_idle_server_stops_itself(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSLINT_LT_CDS")  # the suite turns AppCDS off; this test wants it
    settings = _settings(idle_timeout_s=2.0)
    handle = ensure_server(settings)
    state = json.loads((isolated / "server.json").read_text())
    assert state["watchdog_pid"]
    assert _wait_until(lambda: not is_server_process(handle.pid, state["port"]), 20)
    # No class-data archive here, so this server writes one as it exits
    # (seconds; languagetool.cds), and the watchdog waits for that.
    assert state["archiving"]
    exit_s = 5 + DUMP_GRACE_S
    assert _wait_until(lambda: not (isolated / "server.json").exists(), exit_s)
    assert _wait_until(lambda: process_cmdline(state["watchdog_pid"]) is None, 5)
    written = (isolated / "languagetool.jsa.part").read_bytes()[:4]
    assert written == (0xF00BABA8).to_bytes(4, "little"), "the archive was written whole"


def test_missing_java_is_named(isolated: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "no-java"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(LanguageToolUnavailable, match="java not found on PATH or in JAVA_HOME"):
        ensure_server(_settings())


def test_missing_jars_say_how_to_fetch(isolated: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSLINT_LT_HOME", str(tmp_path / "nothing-here"))
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-ltp"))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    with pytest.raises(LanguageToolUnavailable, match="run `newslint setup`"):
        ensure_server(_settings())


# ------------------------------------------------------------------ checks


@needs_server
def test_spelling_error_found_with_code_point_offset(shared_server) -> None:  # type: ignore[no-untyped-def]
    for text in (SENTENCE, "😀 " + SENTENCE, "𝒜𝒷 😀😀 " + SENTENCE):
        matches = check_text(shared_server, text)
        typo = [m for m in matches if m.rule_id == "MORFOLOGIK_RULE_EN_US" and m.length == 12]
        assert len(typo) == 1, matches
        match = typo[0]
        assert match.offset == text.index("assasination")
        assert text[match.offset : match.offset + match.length] == "assasination"
        assert match.category_id == "TYPOS"
        assert match.issue_type == "misspelling"
        assert match.replacements[0] == "assassination"
        assert match.context[match.context_offset :].startswith("assasination")


@needs_server
def test_options_reach_the_server(shared_server) -> None:  # type: ignore[no-untyped-def]
    options = CheckOptions(disabled_rules=frozenset({"MORFOLOGIK_RULE_EN_US"}))
    assert not [m for m in check_text(shared_server, SENTENCE, options) if m.category_id == "TYPOS"]
    assert check_texts(shared_server, [SENTENCE, "", "Fine."])[1:] == [[], []]


@needs_server
def test_the_probes_client_checks_so_a_run_asks_the_language_list_once(
    shared_server, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from newslint.languagetool import _ltp

    made: list[str] = []
    real = _ltp.BoundedLanguageTool.__init__

    def counting(self, url: str, language: str, timeout: float) -> None:  # type: ignore[no-untyped-def]
        made.append(language)
        real(self, url, language, timeout)

    monkeypatch.setattr(_ltp.BoundedLanguageTool, "__init__", counting)
    monkeypatch.setattr(client, "_probed", {})
    options = CheckOptions(disabled_rules=frozenset({"MORFOLOGIK_RULE_EN_US"}))
    assert client.probe(shared_server.url, 10.0)
    tool = client.connect(shared_server.url, options, 10.0)
    assert made == ["en-US"]  # the probe's client, with the check's options
    assert not [m for m in client.check(tool, SENTENCE, 10.0) if m.category_id == "TYPOS"]
    assert client.probe(shared_server.url, 10.0)  # a probe always asks the server
    client.connect(shared_server.url, CheckOptions(language="en-GB"), 10.0)
    assert made == ["en-US", "en-US", "en-GB"]


@needs_server
def test_check_downloads_nothing(shared_server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from language_tool_python import download_lt

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("language_tool_python tried to download LanguageTool")

    monkeypatch.setattr(download_lt.LocalLanguageTool, "download", refuse)
    monkeypatch.setattr(download_lt, "http_get", refuse, raising=False)
    assert check_text(shared_server, SENTENCE)


@needs_server
def test_check_ignores_http_proxy(shared_server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    assert check_text(shared_server, SENTENCE)


def test_stopped_server_is_unavailable(tmp_path: Path) -> None:
    handle = ServerHandle(f"http://127.0.0.1:{free_port()}/", "6.8", 0, tmp_path / "act")
    with pytest.raises(LanguageToolUnavailable, match="is not reachable"):
        check_text(handle, SENTENCE, timeout=2.0)


def test_client_import_is_lazy() -> None:
    code = (
        "import sys, newslint.languagetool.client, newslint.languagetool.cache\n"
        "print('language_tool_python' in sys.modules, 'requests' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(LINT_ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["False", "False"], out.stderr


@needs_server
def test_one_request_splits_back_like_separate_checks(shared_server) -> None:  # type: ignore[no-untyped-def]
    """Paragraphs sent together get the same matches, at the same offsets, as
    each sent alone: the cache's paragraph grain holds."""
    from newslint.languagetool.service import SEPARATOR, split_matches

    paragraphs = [
        "😀 Their was a assasination on Friday.",
        "",
        "He go to the the office, officials said.",
        "𝒜 plain paragraph with no error.",
        "The recieve step failed .",
    ]
    tool = client.connect(shared_server.url, CheckOptions(), 10.0)
    together = split_matches(client.check(tool, SEPARATOR.join(paragraphs), 10.0), paragraphs)
    alone = [client.check(tool, text, 10.0) for text in paragraphs]

    def spans(found: list[list[LTMatch]]) -> list[set[tuple[str, int, int]]]:
        return [{(m.rule_id, m.offset, m.length) for m in matches} for matches in found]

    assert spans(together) == spans(alone)
    assert sum(len(m) for m in together) >= 5
    first = {m.rule_id: m for m in together[0]}["MORFOLOGIK_RULE_EN_US"]
    assert paragraphs[0][first.offset : first.offset + first.length] == "assasination"


def test_ltp_seam_still_holds(tmp_path: Path) -> None:
    """The one private hook into language-tool-python (see _ltp.py): its requests
    honour ``_TIMEOUT``. Fails loudly when an upgrade renames or drops it."""
    import inspect
    import socket

    import requests
    from language_tool_python import LanguageTool
    from language_tool_python.exceptions import LanguageToolError

    from newslint.languagetool._ltp import BoundedLanguageTool

    assert hasattr(LanguageTool, "_TIMEOUT"), "language_tool_python dropped _TIMEOUT"
    assert "timeout=self._TIMEOUT" in inspect.getsource(LanguageTool._query_server)
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        with pytest.raises(LanguageToolError) as info:
            BoundedLanguageTool(url, "en-US", timeout=0.5)
    assert isinstance(info.value.__cause__, requests.Timeout)


def test_result_cache_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)  # as an older newslint left it
    with ResultCache(folder / "lt-cache.sqlite3") as cache:
        cache.put_many({"k": [_match(1)]})
    assert folder.stat().st_mode & 0o777 == 0o700
    for made in folder.iterdir():
        assert made.stat().st_mode & 0o777 == 0o600, made.name


# ------------------------------------------------------- offsets, no server


def test_utf16_offsets_become_code_points() -> None:
    text = "a😀b 𝒜c"
    index = Utf16Index(text)
    # UTF-16: a=0, 😀=1-2, b=3, space=4, 𝒜=5-6, c=7
    assert [index.code_point(u) for u in (0, 1, 3, 4, 5, 7, 8)] == [0, 1, 2, 3, 4, 5, 6]
    from language_tool_python import Match

    raw = {
        "offset": 1,
        "length": 3,  # 😀b in UTF-16 units
        "message": "m",
        "replacements": [{"value": str(n)} for n in range(9)],
        "context": {"text": text, "offset": 1, "length": 3},
        "sentence": text,
        "rule": {"id": "R", "issueType": "t", "category": {"id": "C"}},
    }
    match = from_ltp(Match(raw, text), index)
    assert (match.offset, match.length, match.context_offset) == (1, 2, 1)
    assert text[match.offset : match.offset + match.length] == "😀b"
    assert len(match.replacements) == 5


# -------------------------------------------------------------------- cache


def _match(n: int) -> LTMatch:
    return LTMatch(n, 2, "R", "C", "t", "msg", ("x", "y"), "s", "ctx", 0)


def test_cache_round_trip_and_misses(tmp_path: Path) -> None:
    path = tmp_path / "lt-cache.sqlite3"
    key = cache_key("Some paragraph.", "6.8", CheckOptions().fingerprint())
    other = cache_key("Some paragraph.", "6.9", CheckOptions().fingerprint())
    assert key != other
    with ResultCache(path) as cache:
        assert cache.get_many([key]) == {}
        cache.put_many({key: [_match(1), _match(2)], other: []})
    with ResultCache(path) as cache:
        assert cache.get_many([key, other, "absent"]) == {key: [_match(1), _match(2)], other: []}


def test_cache_fingerprint_follows_options() -> None:
    plain = CheckOptions().fingerprint()
    assert plain == CheckOptions().fingerprint()
    assert plain != CheckOptions(disabled_rules=frozenset({"X"})).fingerprint()
    a = CheckOptions(disabled_rules=frozenset({"A", "B"})).fingerprint()
    assert a == CheckOptions(disabled_rules=frozenset({"B", "A"})).fingerprint()


def test_cache_prunes_least_recently_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hours = iter(range(0, 10**6, 3600))  # each call an hour on: every use is noted
    monkeypatch.setattr("newslint.languagetool.cache.time.time", lambda: float(next(hours)))
    with ResultCache(tmp_path / "c.sqlite3", max_entries=20) as cache:
        cache.put_many({"keep": [_match(0)]})
        for n in range(30):
            cache.get_many(["keep"])  # used, so it survives pruning
            cache.put_many({f"k{n}": [_match(n)]})
        assert len(cache) <= 20
        assert "keep" in cache.get_many(["keep"])
        assert "k0" not in cache.get_many(["k0"])


def test_a_use_within_the_hour_writes_nothing(tmp_path: Path) -> None:
    """An all-cached run reads without a write (no WAL commit, no checkpoint on close)."""
    path = tmp_path / "c.sqlite3"
    with ResultCache(path) as cache:
        cache.put_many({"k": [_match(1)]})
    with ResultCache(path) as cache:
        changes = cache._conn.total_changes  # type: ignore[union-attr]
        assert cache.get_many(["k"]) == {"k": [_match(1)]}
        assert cache._conn.total_changes == changes  # type: ignore[union-attr]


def test_cache_shared_between_connections(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with ResultCache(path) as writer, ResultCache(path) as reader:
        writer.put_many({"k": [_match(1)]})
        assert reader.get_many(["k"]) == {"k": [_match(1)]}


def test_corrupt_cache_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with ResultCache(path) as cache:
        cache.put_many({"k": [_match(1)]})
        assert cache.get_many(["k"]) == {"k": [_match(1)]}
