"""Shared helpers: lint Markdown text in-process, or run the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint.findings import Finding
from newslint.linter import Linter, Options
from newslint.reading import SourceText

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "soleimani.md"
# The starter house list of names a newsroom may copy (names.house_list).
STARTER_HOUSE_LIST = ROOT / "examples" / "names.yml"


def house_config(folder: Path, extra: str = "") -> str:
    """A .newslint.yml in ``folder`` whose house list of names is the starter list."""
    config = folder / ".newslint.yml"
    config.write_text(f"names:\n  house_list: {STARTER_HOUSE_LIST}\n{extra}", encoding="utf-8")
    return str(config)


@pytest.fixture(autouse=True, scope="session")
def _stop_session_languagetool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Stop the LanguageTool server this session's rules may have started."""
    yield
    state = tmp_path_factory.getbasetemp() / "cache"
    if (state / "server.json").exists():
        from newslint.languagetool.server import ServerSettings, stop_server

        stop_server(ServerSettings(state_dir=state))


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep each test session's caches away from the user's, but share them within it."""
    # Each test runs newslint cold unless it starts a warm process itself.
    monkeypatch.setenv("NEWSLINT_DAEMON", "0")
    # No test fetches LanguageTool's jars by accident (one does, on purpose).
    monkeypatch.setenv("NEWSLINT_OFFLINE", "1")
    if "NEWSLINT_CACHE_DIR" not in os.environ:
        monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def house(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A config naming the starter house list of names, for tests of the house list."""
    return house_config(tmp_path_factory.mktemp("house"))


def lint_text(
    text: str,
    path: str = "draft.md",
    select: tuple[str, ...] = (),
    config: str | None = None,
) -> list[Finding]:
    """Findings for ``text`` as if it were a draft at ``path`` (LanguageTool off)."""
    linter = Linter(
        Options(
            config_path=config,
            select=select,
            ignore=("spelling", "grammar", "typography", "style.languagetool"),
        )
    )
    setup = linter.setup_for(path)
    result = linter.lint_source(SourceText(path, text, "\n"), setup)
    assert not result.problems, result.problems
    return result.findings


def run_cli(
    *args: str,
    cwd: Path | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m newslint`` for real and capture its output."""
    env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
