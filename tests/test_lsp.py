"""``newslint lsp`` driven over stdio with real JSON-RPC messages, as an editor would."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from newslint.lsp_positions import PositionMap, code_units

TIMEOUT = 30.0  # seconds for any one reply; generous for a cold start on slow CI
DRAFT = "The minister claimed the strike was legal. 🙂 His furious aide left.\n"
# Only the loaded-language rules: fast, and no LanguageTool to start.
SERVER_ARGS = ("lsp", "--select", "loaded")

Message = dict[str, Any]


class LspClient:
    """Just enough of an LSP client: framing, requests, and waiting with timeouts."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdin is not None and process.stdout is not None
        self.process = process
        self._stdin = process.stdin
        self._inbox: queue.Queue[Message | None] = queue.Queue()
        self._backlog: list[Message] = []
        self._next_id = 0
        reader = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        reader.start()

    def _read(self, stream: BinaryIO) -> None:
        # A reader thread, so that every wait can time out instead of blocking.
        try:
            while True:
                headers: dict[str, str] = {}
                while True:
                    line = stream.readline()
                    if not line:
                        return
                    if line in (b"\r\n", b"\n"):
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = stream.read(int(headers["content-length"]))
                self._inbox.put(json.loads(body))
        finally:
            self._inbox.put(None)

    def send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self._stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self._stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        msg_id = self._next_id
        self.send({"id": msg_id, "method": method, "params": params})
        reply = self.wait_for(lambda m: m.get("id") == msg_id and "method" not in m)
        assert "error" not in reply, reply["error"]
        return reply.get("result")

    def wait_for(self, wanted: Callable[[Message], bool], timeout: float = TIMEOUT) -> Message:
        """The first message (already received or coming) that ``wanted`` accepts."""
        for i, message in enumerate(self._backlog):
            if wanted(message):
                return self._backlog.pop(i)
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = self._inbox.get(timeout=left)
            except queue.Empty:
                break
            if message is None:
                pytest.fail("the server closed its output before the awaited message")
            if wanted(message):
                return message
            self._backlog.append(message)
        pytest.fail(f"no awaited message within {timeout} s; got {self._backlog!r}")

    def diagnostics(self, uri: str, version: int | None) -> list[Message]:
        message = self.wait_for(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"].get("version") == version
            )
        )
        return message["params"]["diagnostics"]


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator[Callable[..., LspClient]]:
    processes: list[subprocess.Popen[bytes]] = []
    stderr_path = tmp_path / "server-stderr.txt"

    def start(*extra: str) -> LspClient:
        with stderr_path.open("wb") as stderr:
            process = subprocess.Popen(
                [sys.executable, "-m", "newslint", *SERVER_ARGS, *extra],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                cwd=tmp_path,
            )
        processes.append(process)
        return LspClient(process)

    try:
        yield start
    finally:
        # Whatever happened, no server outlives its test.
        for process in processes:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)
        if stderr_path.exists():
            sys.stderr.write(stderr_path.read_text(errors="replace"))


def initialize(client: LspClient, root: Path, capabilities: Message) -> Message:
    result = client.request(
        "initialize",
        {"processId": None, "rootUri": root.as_uri(), "capabilities": capabilities},
    )
    client.notify("initialized", {})
    return result


def open_draft(client: LspClient, uri: str, text: str) -> None:
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )


def by_rule(diagnostics: list[Message]) -> dict[str, Message]:
    return {d["code"]: d for d in diagnostics}


def span(diagnostic: Message) -> tuple[int, int, int, int]:
    start, end = diagnostic["range"]["start"], diagnostic["range"]["end"]
    return start["line"], start["character"], end["line"], end["character"]


def shut_down(client: LspClient) -> None:
    assert client.request("shutdown", None) is None
    client.notify("exit", None)
    assert client.process.wait(timeout=TIMEOUT) == 0


def test_diagnostics_quick_fix_change_close_and_exit(
    start_server: Callable[..., LspClient], tmp_path: Path
) -> None:
    client = start_server()
    # No positionEncodings, as VS Code sends: UTF-16 it must be.
    result = initialize(client, tmp_path, {})
    capabilities = result["capabilities"]
    assert capabilities["positionEncoding"] == "utf-16"
    assert capabilities["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    assert result["serverInfo"]["name"] == "newslint"

    uri = (tmp_path / "draft.md").as_uri()
    open_draft(client, uri, DRAFT)
    found = by_rule(client.diagnostics(uri, 1))
    assert set(found) == {"loaded.said", "loaded.emotive"}

    said = found["loaded.said"]
    assert span(said) == (0, 13, 0, 20)
    assert said["severity"] == 2  # Warning
    assert said["source"] == "newslint"
    assert "claimed" in said["message"]
    # “furious” is code points 49..56 but UTF-16 units 50..57: the emoji is two.
    assert span(found["loaded.emotive"]) == (0, 50, 0, 57)

    cursor = {"line": 0, "character": 15}
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {"start": cursor, "end": cursor},
            "context": {"diagnostics": [said]},
        },
    )
    assert len(actions) == 1
    fix = actions[0]
    assert fix["title"] == "Replace “claimed” with “said”"
    assert fix["kind"] == "quickfix"
    assert fix["diagnostics"][0]["code"] == "loaded.said"
    edits = fix["edit"]["changes"][uri]
    assert edits == [{"range": said["range"], "newText": "said"}]

    # A word without a suggestion offers nothing.
    emotive_range = found["loaded.emotive"]["range"]
    no_fix = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": emotive_range, "context": {"diagnostics": []}},
    )
    assert no_fix == []

    # Apply the fix as the editor would: an incremental change.
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": edits[0]["range"], "text": "said"}],
        },
    )
    after = by_rule(client.diagnostics(uri, 2))
    assert set(after) == {"loaded.emotive"}
    assert span(after["loaded.emotive"]) == (0, 47, 0, 54)

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri, None) == []

    shut_down(client)


def test_typing_burst_publishes_the_latest_text(
    start_server: Callable[..., LspClient], tmp_path: Path
) -> None:
    client = start_server()
    initialize(client, tmp_path, {})
    uri = (tmp_path / "burst.md").as_uri()
    open_draft(client, uri, "Quiet copy.\n")
    assert client.diagnostics(uri, 1) == []
    # Whole-text changes in quick succession, as a fast typist makes them.
    # ("claimed it was", since "claimed it" alone may be a taking, not speech.)
    texts = ["Quiet copy. He", "Quiet copy. He claimed", "Quiet copy. He claimed it was.\n"]
    for version, text in enumerate(texts, start=2):
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )
    final = client.diagnostics(uri, 4)
    assert [d["code"] for d in final] == ["loaded.said"]
    shut_down(client)


def test_utf8_positions_and_versioned_edits_when_the_client_asks(
    start_server: Callable[..., LspClient], tmp_path: Path
) -> None:
    client = start_server()
    # Neovim's order: it prefers UTF-8, and pygls agrees to the first it knows.
    capabilities = {
        "general": {"positionEncodings": ["utf-8", "utf-16"]},
        "workspace": {"workspaceEdit": {"documentChanges": True}},
    }
    result = initialize(client, tmp_path, capabilities)
    assert result["capabilities"]["positionEncoding"] == "utf-8"

    uri = (tmp_path / "draft.md").as_uri()
    open_draft(client, uri, DRAFT)
    found = by_rule(client.diagnostics(uri, 1))
    # The emoji is four UTF-8 bytes.
    assert span(found["loaded.emotive"]) == (0, 52, 0, 59)

    said = found["loaded.said"]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": said["range"], "context": {"diagnostics": []}},
    )
    [change] = actions[0]["edit"]["documentChanges"]
    assert change["textDocument"] == {"uri": uri, "version": 1}
    assert change["edits"] == [{"range": said["range"], "newText": "said"}]
    shut_down(client)


def test_a_broken_config_is_shown_on_the_draft(
    start_server: Callable[..., LspClient], tmp_path: Path
) -> None:
    (tmp_path / ".newslint.yml").write_text("no_such_key: 1\n", encoding="utf-8")
    client = start_server()
    initialize(client, tmp_path, {})
    uri = (tmp_path / "draft.md").as_uri()
    open_draft(client, uri, DRAFT)
    [problem] = client.diagnostics(uri, 1)
    assert problem["severity"] == 1  # Error
    assert ".newslint.yml" in problem["message"]
    assert span(problem)[0] == 0
    shut_down(client)


def test_plain_linting_does_not_import_pygls(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    code = (
        "import sys\n"
        "from newslint.cli import main\n"
        f"main([{str(draft)!r}, '--select', 'loaded'])\n"
        "sys.exit(3 if 'pygls' in sys.modules else 0)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=120, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize(
    ("encoding", "units"),
    [("utf-16", [0, 1, 3, 4]), ("utf-8", [0, 1, 5, 6]), ("utf-32", [0, 1, 2, 3])],
)
def test_columns_after_an_astral_character(encoding: str, units: list[int]) -> None:
    positions = PositionMap.of("a🙂b\nxyz", encoding)
    assert [positions.position(1, column)[1] for column in (1, 2, 3, 4)] == units
    # A finding on "b" (column 3, inclusive end 3), and a zero-width one there.
    assert positions.span(1, 3, 1, 3) == ((0, units[2]), (0, units[3]))
    assert positions.span(1, 3, 1, 3, empty=True) == ((0, units[2]), (0, units[2]))
    assert positions.position(2, 1) == (1, 0)


def test_out_of_range_positions_are_clamped() -> None:
    positions = PositionMap.of("one\ntwo")
    assert positions.position(9, 1) == (1, 0)
    assert positions.position(1, 99) == (0, 3)
    assert positions.line_span(2) == ((1, 0), (1, 3))
    assert code_units("é🙂") == 3
