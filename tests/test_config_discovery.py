"""Which .newslint.yml applies: the search stops at the repository root or home,
and passes over files that belong to another user."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint.linter import Linter, Options
from newslint.lsp import lint_text as lsp_lint_text
from tests.conftest import run_cli

LT_OFF = ("--ignore", "spelling,grammar,typography,style.languagetool")
DRAFT = "A storied career.\n"
NOBODY = 65534


def _layout(tmp_path: Path) -> tuple[Path, Path]:
    """outer/.newslint.yml (loaded rules off) above outer/repo (a repository)."""
    outer = tmp_path / "outer"
    repo = outer / "repo"
    (repo / ".git").mkdir(parents=True)
    (outer / ".newslint.yml").write_text("rules: {loaded: off}\n", encoding="utf-8")
    (repo / "desk").mkdir()
    (repo / "desk" / "d.md").write_text(DRAFT, encoding="utf-8")
    return outer, repo


def test_the_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    _, repo = _layout(tmp_path)
    done = run_cli("desk/d.md", *LT_OFF, cwd=repo)
    assert "loaded.puffery" in done.stdout


def test_a_config_at_the_repository_root_applies(tmp_path: Path) -> None:
    _, repo = _layout(tmp_path)
    (repo / ".newslint.yml").write_text("rules: {loaded: off}\n", encoding="utf-8")
    done = run_cli("desk/d.md", *LT_OFF, cwd=repo)
    assert done.stdout == "No findings in 1 file.\n"


def test_the_search_stops_at_home(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    home = outer / "home"
    home.mkdir(parents=True)
    (outer / ".newslint.yml").write_text("rules: {loaded: off}\n", encoding="utf-8")
    (home / "d.md").write_text(DRAFT, encoding="utf-8")
    done = run_cli("d.md", *LT_OFF, cwd=home, env={"HOME": str(home)})
    assert "loaded.puffery" in done.stdout


@pytest.mark.skipif(os.getuid() != 0, reason="giving a file to another user needs root")
def test_another_users_config_is_ignored_with_a_note(tmp_path: Path) -> None:
    _, repo = _layout(tmp_path)
    planted = repo / ".newslint.yml"
    planted.write_text("rules: {loaded: off}\n", encoding="utf-8")
    os.chown(planted, NOBODY, NOBODY)
    done = run_cli("desk/d.md", *LT_OFF, cwd=repo)
    assert "loaded.puffery" in done.stdout
    assert done.stderr == (
        f"newslint: note: {planted} belongs to another user (uid {NOBODY}) and is ignored; "
        "name it with --config to use it\n"
    )
    named = run_cli("desk/d.md", *LT_OFF, "--config", str(planted), cwd=repo)
    assert named.stdout == "No findings in 1 file.\n" and named.stderr == ""


@pytest.mark.skipif(os.getuid() != 0, reason="giving a file to another user needs root")
def test_the_language_server_ignores_another_users_config(tmp_path: Path) -> None:
    _, repo = _layout(tmp_path)
    planted = repo / ".newslint.yml"
    planted.write_text("rules: {loaded: off}\n", encoding="utf-8")
    os.chown(planted, NOBODY, NOBODY)
    linter = Linter(Options(select=("loaded",)))
    uri = (repo / "desk" / "d.md").as_uri()
    linted = lsp_lint_text(linter, uri, DRAFT, 1, "utf-16")
    codes = [d.code for d in linted.diagnostics]
    assert "loaded.puffery" in codes
    assert any("belongs to another user" in d.message for d in linted.diagnostics)
    # And the search above the repository stops at its root there too.
    os.unlink(planted)
    linted = lsp_lint_text(Linter(Options(select=("loaded",))), uri, DRAFT, 2, "utf-16")
    assert [d.code for d in linted.diagnostics] == ["loaded.puffery"]


def test_a_draft_named_but_ignored_says_so(tmp_path: Path) -> None:
    # It was "No findings in 0 files." and exit 0: a reporter took it for a pass.
    (tmp_path / ".git").mkdir()
    (tmp_path / ".newslint.yml").write_text('ignore: ["archive/**"]\n', encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "x.md").write_text("A storied career.\n", encoding="utf-8")
    done = run_cli("archive/x.md", "--select", "loaded", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == "No findings in 0 files.\n"
    assert done.stderr == (
        f"newslint: note: archive/x.md: matches ignore: in {tmp_path / '.newslint.yml'}; "
        "not linted\n"
    )
    # Found in a folder, it is left out without a word, as the list means.
    done = run_cli(".", "--select", "loaded", cwd=tmp_path)
    assert done.stderr == "" and done.stdout == "No findings in 0 files.\n"
