"""Issue 9 items 2 and 3: --fix never loses an editor's save, a read-only file or a hard link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint import fixes
from newslint.fixes import fix_all
from newslint.linter import Linter, Options
from tests.conftest import house_config, run_cli

OFF = {"NEWSLINT_LANGUAGETOOL": "off"}
DRAFT = "Suleimani met officials in Baghdad, police said.\n"
FIXED = "Soleimani met officials in Baghdad, police said.\n"


@pytest.fixture(autouse=True)
def _house_list(tmp_path: Path) -> None:
    """The newsroom here keeps the starter house list of names (Suleimani → Soleimani)."""
    house_config(tmp_path)


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_a_save_during_fix_is_kept_and_the_file_skipped(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fix_file = fixes.fix_file

    def fix_while_an_editor_saves(linter: Linter, path: str, lines: object = None) -> object:
        fix = real_fix_file(linter, path, None)
        with open(path, "a", encoding="utf-8") as handle:  # the editor's save
            handle.write("A new paragraph the editor typed.\n")
        return fix

    monkeypatch.setattr(fixes, "fix_file", fix_while_an_editor_saves)
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL", "off")
    linter = Linter(Options(select=("names",)))
    result = linter.lint_path(str(draft))
    results, done = fix_all(linter, [result], {}, write=True)
    assert draft.read_text(encoding="utf-8") == DRAFT + "A new paragraph the editor typed.\n"
    (problem,) = results[0].problems
    assert "changed since newslint read it" in problem.message
    assert "not fixed" in problem.message
    assert done == []


def test_an_unchanged_file_is_fixed(draft: Path) -> None:
    done = run_cli("--fix", "--select", "names", "draft.md", cwd=draft.parent, env=OFF)
    assert "fixed: “Suleimani” → “Soleimani”" in done.stdout
    assert draft.read_text(encoding="utf-8") == FIXED


def test_read_only_file_is_refused_with_a_message(draft: Path) -> None:
    draft.chmod(0o444)
    done = run_cli("--fix", "--select", "names", "draft.md", cwd=draft.parent, env=OFF)
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert "draft.md: error: could not fix: is read-only; not fixed" in done.stderr
    assert "fixed:" not in done.stdout
    assert done.returncode == 2
    assert oct(draft.stat().st_mode & 0o777) == oct(0o444)


def test_hard_linked_file_is_fixed_in_place_under_every_name(draft: Path) -> None:
    other = draft.parent / "linked.md"
    os.link(draft, other)
    inode = draft.stat().st_ino
    done = run_cli("--fix", "--select", "names", "draft.md", cwd=draft.parent, env=OFF)
    assert done.returncode == 0, done.stderr
    assert draft.stat().st_ino == inode
    assert draft.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == FIXED
    assert draft.read_text(encoding="utf-8") == FIXED
