"""Typos and grammar on the seed article, through the real LanguageTool server."""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

import pytest

from newslint.linter import Linter, Options
from newslint.reading import SourceText
from newslint.severity import Severity
from tests.conftest import SEED, run_cli
from tests.test_languagetool_server import needs_server

LT = ("spelling", "grammar", "typography")


def lint(text: str, path: str = "soleimani.md", select: tuple[str, ...] = LT):
    linter = Linter(Options(select=select))
    result = linter.lint_source(SourceText(path, text, "\n"), linter.setup_for(path))
    assert not result.notices, result.notices
    return result.findings


@pytest.fixture(scope="module")
def seed_findings():
    return lint(SEED.read_text(encoding="utf-8"))


def lt_rule(finding) -> str:
    return dict(finding.data)["languagetool_rule"]


@needs_server
def test_typo_in_a_reader_comment(seed_findings) -> None:
    typo = next(f for f in seed_findings if f.rule == "spelling.typo" and f.line == 124)
    assert (typo.column, typo.end_column) == (30, 41)
    assert typo.message == "“assasination” may be a typo: Possible spelling mistake found"
    assert typo.suggestion == "assassination"
    assert typo.severity == Severity.ERROR  # still reported inside the quoted comment
    assert lt_rule(typo) == "MORFOLOGIK_RULE_EN_US"


@needs_server
def test_grammar_and_typography_found_in_the_reader_comments(seed_findings) -> None:
    found = {(f.line, f.column, f.rule, lt_rule(f)) for f in seed_findings}
    # “trump’s” three times in comment 2, lower-case for a name: one finding
    # at the first, with the count.
    assert (77, 96, "typography.languagetool", "LOWERCASE_NAMES") in found
    trump = next(f for f in seed_findings if (f.line, f.column) == (77, 96))
    assert trump.message.endswith("(×3 in this draft)")
    assert not {(79, 46), (85, 61)} & {(f.line, f.column) for f in seed_findings}
    # Comment 3's “S..t”: two dots in a row.
    assert (89, 103, "typography.languagetool", "DOUBLE_PUNCTUATION") in found
    # Comment 4's “afraid of trump”: a grammar match in quoted material is a
    # suggestion with a note, never silently corrected.
    grammar = next(f for f in seed_findings if lt_rule(f) == "AFRAID_OF_HEIGHT")
    assert (grammar.line, grammar.column, grammar.rule) == (93, 55, "grammar.languagetool")
    assert grammar.severity == Severity.SUGGESTION
    assert grammar.message.endswith(
        "(inside a quotation: quotes are not silently corrected; add [sic] or paraphrase)"
    )


@needs_server
def test_names_are_not_typos(seed_findings) -> None:
    source = SEED.read_text(encoding="utf-8").splitlines()
    flagged = {
        source[f.line - 1][f.column - 1 : f.end_column]
        for f in seed_findings
        if f.rule == "spelling.typo"
    }
    for name in (
        "Soleimani",
        "Muhandis",
        "al-Muhandis",
        "Quds",
        "Hezbollah",
        "Kataib",
        "IRGC",
        "Zarif",
        "Javad",
        "Dubowitz",
        "Esper",
        "Hamedan",
        "Suleimani",
        "Qassim",
        "Assadi",
        "Pompeo",
        "Akismet",
    ):
        assert name not in flagged
    assert flagged == {"khilib", "Grahams", "Heisi", "assasination"}


@needs_server
def test_a_misspelt_common_word_in_the_writers_voice() -> None:
    found = lint("The Pentagon confirmed the strik on Friday.\n")
    assert [(f.rule, f.column, f.suggestion) for f in found] == [("spelling.typo", 28, "strike")]


@needs_server
def test_a_typo_keeps_its_suggestion_when_another_sentence_of_its_paragraph_changes() -> None:
    """The server answers a paragraph's unchanged sentences from its own
    sentence cache: the typo there keeps its suggestion, at its new column."""
    draft = "Officials met in Baghdad. The assasination was on Friday.\n"
    before = lint(draft, select=("spelling",))
    after = lint(draft.replace("Officials met", "Officials later met"), select=("spelling",))
    assert [(f.column, f.suggestion) for f in before] == [(31, "assassination")]
    assert [(f.column, f.suggestion) for f in after] == [(37, "assassination")]


@needs_server
def test_positions_after_astral_characters_and_markup() -> None:
    found = lint("🙂 The [general](https://x.org) made an **erorr** here.\n", select=("spelling",))
    assert [(f.line, f.column, f.end_column) for f in found] == [(1, 42, 46)]


def _count_requests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the run sends to LanguageTool, one entry per request."""
    import newslint.languagetool.service as service

    sent: list[str] = []
    real = service.client.check

    def counting(tool, text, timeout):  # type: ignore[no-untyped-def]
        if not text.startswith("newslint warms"):  # a starting server's own warm-up
            sent.append(text)
        return real(tool, text, timeout)

    monkeypatch.setattr(service.client, "check", counting)
    return sent


@needs_server
def test_one_request_per_draft_and_one_changed_paragraph_sends_one_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent = _count_requests(monkeypatch)
    draft = "First paragraph is fine.\n\nSecond one has a typo: recieve.\n\nThird as well.\n"
    found = lint(draft)
    # Spelling, grammar and typography of one draft: one request, all paragraphs.
    assert len(sent) == 1 and "First paragraph" in sent[0] and "Third as well" in sent[0]
    assert [(f.line, f.rule) for f in found] == [(3, "spelling.typo")]
    edited = lint(draft.replace("Third as well.", "Third as wel."))
    assert sent[1:] == ["Third as wel."]  # only the edited paragraph went to the server
    assert [(f.line, f.column, f.end_column) for f in edited] == [(3, 24, 30), (5, 10, 12)]


@pytest.mark.parametrize("required", [None, False])
def test_missing_java_fails_with_the_command_unless_spelling_may_be_skipped(
    tmp_path: Path, required: bool | None
) -> None:
    import os

    from newslint.languagetool.install import default_lt_home

    for n in range(3):
        (tmp_path / f"d{n}.md").write_text(f"A storied career {n}.\n", encoding="utf-8")
    if required is False:
        (tmp_path / ".newslint.yml").write_text("languagetool: {required: false}\n")
    env = {
        "PATH": "/nonexistent",
        "JAVA_HOME": "",
        "NEWSLINT_LT_HOME": str(default_lt_home()),  # jars present: only Java lacks
        "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"),
        "HOME": os.environ.get("HOME", "/"),
        "NEWSLINT_REQUIRE_LANGUAGETOOL": "",  # CI sets it; this test is about users
    }
    done = run_cli(".", "--select", "spelling,loaded", cwd=tmp_path, env=env)
    notes = [line for line in done.stderr.splitlines() if "LanguageTool" in line]
    assert len(notes) == 1, done.stderr
    assert "java not found" in notes[0] and "sudo apt-get install default-jre-headless" in notes[0]
    assert done.stdout.count("[loaded.puffery]") == 3
    if required is None:  # never dropped silently: the hook fails and says how to fix it
        assert notes[0].startswith("newslint: error: LanguageTool is not available")
        assert done.returncode == 2
        # Told once: the next run says it again, as a note, and the other checks decide.
        again = run_cli(".", "--select", "spelling,loaded", cwd=tmp_path, env=env)
        notes = [line for line in again.stderr.splitlines() if "LanguageTool" in line]
        assert len(notes) == 1 and notes[0].startswith("newslint: note: LanguageTool is not")
        assert "sudo apt-get install default-jre-headless" in notes[0]
        assert again.returncode == 0 and again.stdout.count("[loaded.puffery]") == 3
    else:
        assert notes[0].startswith("newslint: note: LanguageTool is not available")
        assert done.returncode == 0


def test_java_that_never_answers_costs_one_deadline_and_one_notice(tmp_path: Path) -> None:
    """``java`` hangs: the run waits for one start deadline, then every LanguageTool
    rule of every draft reports the same notice and none reports findings."""
    import os

    from newslint.languagetool.install import default_lt_home

    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "java").write_text("#!/bin/sh\nexec sleep 600\n")
    (fake / "java").chmod(0o755)
    (tmp_path / ".newslint.yml").write_text("languagetool: {start_timeout: 3}\n")
    for n in range(3):
        (tmp_path / f"d{n}.md").write_text(f"A storied career {n}, recieve.\n")
    done = run_cli(
        ".",
        "--select",
        "spelling,grammar,typography,loaded",
        cwd=tmp_path,
        env={
            "PATH": f"{fake}:{os.environ['PATH']}",
            "NEWSLINT_LT_HOME": str(default_lt_home()),
            "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"),
            "NEWSLINT_REQUIRE_LANGUAGETOOL": "",
        },
    )
    notes = [line for line in done.stderr.splitlines() if "not available" in line]
    assert len(notes) == 1 and "did not answer within the start timeout" in notes[0], done.stderr
    assert done.stdout.count("[loaded.puffery]") == 3
    assert "spelling" not in done.stdout and "grammar" not in done.stdout
    assert "starting LanguageTool" in done.stderr
    leftovers = subprocess.run(["pgrep", "-f", "sleep 600"], capture_output=True, text=True)
    assert not leftovers.stdout.strip(), "the hung java was left running"


def test_required_languagetool_makes_its_absence_an_error(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yml").write_text("languagetool: {required: true}\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("A storied career.\n", encoding="utf-8")
    done = run_cli(
        "d.md",
        "--select",
        "spelling,loaded",
        cwd=tmp_path,
        env={
            "NEWSLINT_LT_HOME": str(tmp_path / "no-jars"),
            "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"),
        },
    )
    assert "newslint: error: LanguageTool is not available" in done.stderr
    assert "[loaded.puffery]" in done.stdout
    assert done.returncode == 2


@needs_server
def test_a_hung_server_is_replaced_on_the_next_run(tmp_path: Path) -> None:
    import json
    import os
    import signal

    (tmp_path / "d.md").write_text("A storied career and a typo: recieve.\n", encoding="utf-8")
    env = {"NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "NEWSLINT_REQUIRE_LANGUAGETOOL": ""}
    args = ("d.md", "--select", "spelling,loaded")
    first = run_cli(*args, cwd=tmp_path, env=env)
    assert "spelling.typo" in first.stdout, first.stderr
    pid = json.loads((tmp_path / "cache" / "server.json").read_text())["pid"]
    os.kill(pid, signal.SIGSTOP)
    try:
        (tmp_path / "d.md").write_text(
            "A storied career and a new typo: wierd.\n", encoding="utf-8"
        )
        again = run_cli(*args, cwd=tmp_path, env=env)
        assert "“wierd” may be a typo" in again.stdout, again.stderr
        assert json.loads((tmp_path / "cache" / "server.json").read_text())["pid"] != pid
    finally:
        for sig in (signal.SIGCONT, signal.SIGKILL):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        run_cli("server", "stop", cwd=tmp_path, env=env)


@needs_server
def test_a_server_that_hangs_mid_check_costs_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server stops answering after it was found alive: the timeout, one notice,
    and every other check still reports."""
    import os
    import signal

    import newslint.languagetool.service as service

    stopped: list[int] = []
    real_ensure = service.ensure_server

    def ensure_then_hang(settings):  # type: ignore[no-untyped-def]
        handle = real_ensure(settings)
        os.kill(handle.pid, signal.SIGSTOP)  # the real server, frozen mid-run
        stopped.append(handle.pid)
        return handle

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(service, "ensure_server", ensure_then_hang)
    config = tmp_path / ".newslint.yml"
    config.write_text("languagetool: {timeout: 2}\n", encoding="utf-8")
    linter = Linter(Options(select=("spelling", "loaded")))
    path = str(tmp_path / "d.md")
    try:
        result = linter.lint_source(
            SourceText(path, "A storied career and a typo: recieve.\n", "\n"),
            linter.setup_for(path),
        )
    finally:
        for pid in stopped:
            for sig in (signal.SIGCONT, signal.SIGKILL):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, sig)
    assert len(result.notices) == 1
    # The 2 s bound or the request's own timeout, whichever fires first.
    assert "did not answer" in result.notices[0] and "(hung?)" in result.notices[0]
    assert [f.rule for f in result.findings] == ["loaded.puffery"]


@needs_server
def test_the_language_server_starts_languagetool_before_any_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JVM starts in the background as the language server starts, so the
    first draft the editor opens does not wait for all of it."""
    import time

    from newslint.languagetool.server import ServerSettings, server_status, stop_server

    cache = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache))
    monkeypatch.chdir(tmp_path)
    from newslint.lsp import NewslintServer

    NewslintServer(Options(select=("spelling",)))  # no document opened, nothing linted
    deadline = time.monotonic() + 300
    while not server_status(ServerSettings(state_dir=cache)).running:
        assert time.monotonic() < deadline, "no LanguageTool server was started"
        time.sleep(0.5)
    stop_server(ServerSettings(state_dir=cache))


def test_one_http_path_to_languagetool() -> None:
    """Only client.py (and its seam, _ltp.py) talks HTTP to the server."""
    package = Path(__file__).resolve().parents[1] / "lint" / "newslint" / "languagetool"
    talkers = {
        path.name
        for path in package.glob("*.py")
        if any(
            word in path.read_text(encoding="utf-8")
            for word in ("http.client", "import requests", "from language_tool_python", "/v2/")
        )
    }
    assert talkers == {"client.py", "_ltp.py"}


@needs_server
def test_the_language_reaches_the_server_and_keys_the_cache() -> None:
    """The interface the house dialect setting uses: one call, a language, a
    cache per language (en-GB's answer is never served for en-US)."""
    from newslint.languagetool.service import Session

    session = Session()
    text = ["The colour of the harbour was grey."]
    for language, typos in (("en-US", {"colour", "harbour", "grey"}), ("en-GB", set())):
        for _ in range(2):  # the second answer comes from the cache
            (matches,) = session.check_paragraphs(text, language)
            found = {
                text[0][m.offset : m.offset + m.length] for m in matches if m.category_id == "TYPOS"
            }
            assert found == typos, (language, matches)
