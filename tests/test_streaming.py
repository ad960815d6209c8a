"""Findings are written draft by draft (text, github, json-lines), not held to the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.linter import Linter, Options
from newslint.parallel import iter_lint_paths
from tests.conftest import house_config, run_cli

OFF = {"NEWSLINT_LANGUAGETOOL": "off"}


@pytest.fixture(autouse=True)
def _house_list(tmp_path: Path) -> None:
    """The newsroom here keeps the starter house list of names (Suleimani → Soleimani)."""
    house_config(tmp_path)


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text("Suleimani met officials.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Plain words only.\n", encoding="utf-8")
    (tmp_path / "c.md").write_bytes(b"\0binary")
    (tmp_path / "d.md").write_text("The storied general met Sulaimani.\n", encoding="utf-8")
    return tmp_path


def test_results_come_one_at_a_time(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    linter = Linter(Options(select=("names",)))
    linted: list[str] = []
    real = linter.lint_path

    def counting(path: str, display: str | None = None) -> object:
        linted.append(path)
        return real(path, display)

    monkeypatch.setattr(linter, "lint_path", counting)
    results = iter_lint_paths(linter, [str(drafts / n) for n in ("a.md", "b.md", "d.md")], 1)
    first = next(results)
    assert linted == [str(drafts / "a.md")]  # the rest not yet linted
    assert [f.rule for f in first.findings] == ["names.house-list"]
    assert [r.path for r in results] == [str(drafts / "b.md"), str(drafts / "d.md")]


def test_json_lines_holds_the_json_objects(drafts: Path) -> None:
    args = ("--select", "names,loaded", "a.md", "b.md", "d.md")
    lines = run_cli("--format", "json-lines", *args, cwd=drafts, env=OFF)
    whole = run_cli("--format", "json", *args, cwd=drafts, env=OFF)
    assert [json.loads(line) for line in lines.stdout.splitlines()] == json.loads(whole.stdout)
    assert len(lines.stdout.splitlines()) == 3
    assert lines.returncode == whole.returncode == 1


def test_streamed_text_report_and_exit_code(drafts: Path) -> None:
    done = run_cli("--select", "names,loaded", "a.md", "b.md", "c.md", "d.md", cwd=drafts, env=OFF)
    assert done.stdout.splitlines() == [
        "a.md:1:1: error: “Suleimani” is not the house spelling; use “Soleimani” "
        "[names.house-list]",
        "d.md:1:5: warning: “storied” is puffery: show what earned it, or attribute it "
        "[loaded.puffery]",
        "d.md:1:25: error: “Sulaimani” is not the house spelling; use “Soleimani” "
        "[names.house-list]",
        # c.md could not be linted: three files, not four.
        "3 findings (2 errors, 1 warning) in 2 of 3 files; 1 file could not be linted.",
    ]
    assert "c.md: error: looks like a binary file" in done.stderr
    assert done.returncode == 2


def test_streamed_github_commands(drafts: Path) -> None:
    done = run_cli("--format", "github", "--select", "names", "a.md", "b.md", cwd=drafts, env=OFF)
    assert done.stdout.splitlines()[0].startswith(
        "::error file=a.md,line=1,col=1,endLine=1,endColumn=9,title=names.house-list::"
    )
    assert done.stdout.splitlines()[-1] == "1 finding (1 error) in 1 of 2 files."
    assert done.returncode == 1
