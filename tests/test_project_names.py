"""names.house-spelling: a draft against the spellings of the rest of its repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.names.index import NameIndex
from newslint.names.repository import repository_files
from newslint.severity import Severity
from tests.conftest import lint_text, run_cli

RULE = "names.house-spelling"
LT_OFF = ("--ignore", "spelling,grammar,typography,style.languagetool")
USUAL = "# Talks {n}\n\nForeign minister Ali Rahimi met Javad Zarif. Rahimi smiled.\n"
ODD = "# Odd one\n\nThe envoy met Rahimy in Geneva.\n\n> “Rahimy is late,” an aide said.\n"


def newsroom(tmp_path: Path, config: str | None = "names:\n  project: true\n") -> Path:
    root = tmp_path / "newsroom"
    (root / "desk").mkdir(parents=True)
    if config is not None:
        (root / ".newslint.yml").write_text(config, encoding="utf-8")
    for n in range(3):
        (root / "desk" / f"usual{n}.md").write_text(USUAL.format(n=n), encoding="utf-8")
    (root / "desk" / "odd.md").write_text(ODD, encoding="utf-8")
    return root


def house_spelling(root: Path, name: str, *args: str) -> list[str]:
    done = run_cli(*LT_OFF, *args, str(root / "desk" / name), cwd=root)
    assert done.returncode in (0, 1), done.stderr
    return [line for line in done.stdout.splitlines() if f"[{RULE}]" in line]


def test_the_odd_draft_out_is_flagged_when_the_config_says_so(tmp_path: Path) -> None:
    root = newsroom(tmp_path)
    path = root / "desk" / "odd.md"
    findings = [f for f in lint_text(ODD, path=str(path), select=(RULE,)) if f.rule == RULE]
    assert [(f.line, f.column, f.end_column, f.suggestion) for f in findings] == [
        (3, 15, 20, "Rahimi"),
        (5, 4, 9, "Rahimi"),
    ]
    assert findings[0].message == "“Rahimy” is spelt “Rahimi” in 3 other drafts of this repository"
    assert findings[0].severity == Severity.WARNING
    # In a quotation it is the source's spelling: a note.
    assert findings[1].severity == Severity.SUGGESTION
    assert findings[1].message.endswith(
        "(inside a quotation: the source's spelling; keep it, add [sic] or note it)"
    )


def test_drafts_that_agree_with_the_repository_are_not_flagged(tmp_path: Path) -> None:
    root = newsroom(tmp_path)
    assert house_spelling(root, "usual0.md") == []
    assert len(house_spelling(root, "odd.md")) == 2


def test_project_flag_turns_it_on_without_the_config(tmp_path: Path) -> None:
    root = newsroom(tmp_path, config=None)
    assert house_spelling(root, "odd.md") == []
    flagged = house_spelling(root, "odd.md", "--project")
    assert flagged[0].endswith(
        "odd.md:3:15: warning: “Rahimy” is spelt “Rahimi” in 3 other drafts of this "
        f"repository [{RULE}]"
    )
    # --select keeps working beside it, and --ignore names leaves it out.
    assert len(house_spelling(root, "odd.md", "--project", "--select", "loaded")) == 2
    assert house_spelling(root, "odd.md", "--project", "--ignore", "names") == []


def test_the_config_can_still_turn_it_off(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "names:\n  project: true\nrules:\n  names.house-spelling: off\n")
    assert house_spelling(root, "odd.md") == []


def test_a_spelling_few_drafts_use_is_not_the_house_spelling(tmp_path: Path) -> None:
    root = newsroom(tmp_path)
    for n in (1, 2):
        (root / "desk" / f"usual{n}.md").unlink()
    # One other draft says Rahimi: not enough to call it the house spelling.
    assert house_spelling(root, "odd.md") == []


def test_every_draft_sees_the_same_majority(tmp_path: Path) -> None:
    root = newsroom(tmp_path)
    (root / "desk" / "usual2.md").unlink()
    (root / "desk" / "odd2.md").write_text("Rahimy spoke again.\n", encoding="utf-8")
    (root / "desk" / "odd3.md").write_text("Rahimy left.\n", encoding="utf-8")
    # Two drafts say Rahimi, three say Rahimy (odd, odd2, odd3): every draft
    # sees the same totals, so only the Rahimi drafts are told to change.
    assert house_spelling(root, "odd.md") == []
    flagged = house_spelling(root, "usual0.md")
    assert len(flagged) == 2
    assert "“Rahimi” is spelt “Rahimy” in 3 other drafts of this repository" in flagged[0]


def test_different_people_are_not_flagged(tmp_path: Path) -> None:
    root = newsroom(tmp_path)
    (root / "desk" / "odd.md").write_text("Sara Rahimy, a poet, read.\n", encoding="utf-8")
    assert house_spelling(root, "odd.md") == []


def test_unknown_config_keys_under_names_are_errors(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "names:\n  projet: true\n")
    done = run_cli(*LT_OFF, str(root / "desk" / "odd.md"), cwd=root)
    assert done.returncode == 2
    assert "unknown key 'projet'; did you mean 'project'?" in done.stderr


def test_the_index_is_reused_and_refreshed_when_a_draft_changes(tmp_path: Path) -> None:
    root = newsroom(tmp_path)
    index = NameIndex.open(str(root))
    first = index.refresh(repository_files(str(root)))
    assert sorted(first.read) == [
        "desk/odd.md",
        "desk/usual0.md",
        "desk/usual1.md",
        "desk/usual2.md",
    ]
    again = index.refresh(repository_files(str(root)))
    assert (again.read, again.unchanged, again.removed) == ((), 4, 0)

    odd = root / "desk" / "odd.md"
    odd.write_text("# Odd one\n\nThe envoy met Rahimi at last.\n", encoding="utf-8")
    os.utime(odd, ns=(odd.stat().st_atime_ns, odd.stat().st_mtime_ns + 1_000_000))
    (root / "desk" / "usual2.md").unlink()
    changed = index.refresh(repository_files(str(root)))
    assert (changed.read, changed.unchanged, changed.removed) == (("desk/odd.md",), 2, 1)
    index.close()


def test_a_lint_run_reads_only_the_drafts_that_changed(tmp_path: Path) -> None:
    root = newsroom(tmp_path)
    assert len(house_spelling(root, "odd.md")) == 2
    index = NameIndex.open(str(root))
    before = index.stored()
    assert sorted(before) == ["desk/odd.md", "desk/usual0.md", "desk/usual1.md", "desk/usual2.md"]

    # A pre-commit run on one edited draft: only that draft is read again.
    odd = root / "desk" / "odd.md"
    odd.write_text("# Odd one\n\nThe envoy met Rahimy. Rahimy left.\n", encoding="utf-8")
    assert len(house_spelling(root, "odd.md")) == 2
    after = index.stored()
    assert after["desk/odd.md"].generation > before["desk/odd.md"].generation
    for name in ("usual0", "usual1", "usual2"):
        assert after[f"desk/{name}.md"] == before[f"desk/{name}.md"]
    index.close()


def test_git_ignored_drafts_are_not_part_of_the_repository(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = newsroom(tmp_path)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_text("export/\n", encoding="utf-8")
    (root / "export").mkdir()
    for n in range(5):
        (root / "export" / f"copy{n}.md").write_text("Rahimy again.\n", encoding="utf-8")
    files = [os.path.relpath(p, root) for p in repository_files(str(root))]
    assert files == ["desk/odd.md", "desk/usual0.md", "desk/usual1.md", "desk/usual2.md"]
    assert len(house_spelling(root, "odd.md")) == 2


def test_drafts_over_max_file_mb_do_not_vote_on_the_house_spelling(tmp_path: Path) -> None:
    # The repository's drafts obey the limit the newsroom set for linting: a
    # draft too big to lint is not read into the name index either.
    root = newsroom(tmp_path, "names:\n  project: true\nmax_file_mb: 0.001\n")
    filler = "The talks went on through the night in the old palace. " * 25
    for n in range(3):
        draft = root / "desk" / f"usual{n}.md"
        draft.write_text(USUAL.format(n=n) + "\n" + filler + "\n", encoding="utf-8")
    assert os.path.getsize(root / "desk" / "usual0.md") > 1024 * 1024 * 0.001
    assert house_spelling(root, "odd.md") == []
    (root / ".newslint.yml").write_text("names:\n  project: true\n", encoding="utf-8")
    assert len(house_spelling(root, "odd.md")) == 2


def test_drafts_indexed_before_max_file_mb_was_lowered_do_not_vote(tmp_path: Path) -> None:
    # The index keeps a draft read under a larger limit; once the newsroom
    # lowers the limit, that draft is as unreadable as one never indexed.
    root = newsroom(tmp_path)
    filler = "The talks went on through the night in the old palace. " * 25
    for n in range(3):
        draft = root / "desk" / f"usual{n}.md"
        draft.write_text(USUAL.format(n=n) + "\n" + filler + "\n", encoding="utf-8")
    assert len(house_spelling(root, "odd.md")) == 2  # indexed under the 10 MB default
    (root / ".newslint.yml").write_text(
        "names:\n  project: true\nmax_file_mb: 0.001\n", encoding="utf-8"
    )
    assert house_spelling(root, "odd.md") == []
