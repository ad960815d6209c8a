"""Shared helpers: lint Markdown text in-process, or run the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.findings import Finding
from newslint.linter import Linter, Options
from newslint.reading import SourceText
from tests import isolation

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "soleimani.md"
# The starter house list of names a newsroom may copy (names.house_list).
STARTER_HOUSE_LIST = ROOT / "examples" / "names.yml"
SESSION = pytest.StashKey[isolation.Session]()


def house_config(folder: Path, extra: str = "") -> str:
    """A .newslint.yml in ``folder`` whose house list of names is the starter list."""
    config = folder / ".newslint.yml"
    config.write_text(f"names:\n  house_list: {STARTER_HOUSE_LIST}\n{extra}", encoding="utf-8")
    return str(config)


def pytest_configure(config: pytest.Config) -> None:
    """The session's own caches and runtime folder, before any module or fixture runs."""
    config.stash[SESSION] = isolation.isolate()
    config.addinivalue_line("markers", "last: run after every other test of the session")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Stop what the suite started (its warm processes, LanguageTool servers) and tidy up."""
    session = config.stash.get(SESSION, None)
    if session is not None:
        isolation.finish(session, [session.root, *_basetemp(config)])


def _basetemp(config: pytest.Config) -> list[Path]:
    factory = getattr(config, "_tmp_path_factory", None)
    try:
        return [factory.getbasetemp()] if factory is not None else []
    except (OSError, ValueError):
        return []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``last`` (the no-trace check) go after all the others."""
    items.sort(key=lambda item: item.get_closest_marker("last") is not None)


@pytest.fixture(scope="session")
def isolation_session(request: pytest.FixtureRequest) -> isolation.Session:
    return request.config.stash[SESSION]


@pytest.fixture(scope="session")
def session_folders(request: pytest.FixtureRequest) -> list[Path]:
    """Where the session's servers keep their state: its own folder and pytest's temp."""
    return [request.config.stash[SESSION].root, *_basetemp(request.config)]


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


def refuse_listing(monkeypatch: pytest.MonkeyPatch, folder_name: str = "locked") -> None:
    """Make listing any folder called ``folder_name`` fail as another user's
    would: root (which runs the tests) reads every folder."""
    scandir = os.scandir

    def refuse(path: object = ".") -> object:
        if str(path).endswith(folder_name):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", refuse)
