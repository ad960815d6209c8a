"""--diff REF: whole drafts are linted, only findings on changed lines are reported."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from newslint.changes import hunk_lines
from tests.conftest import run_cli

SELECT = ("--select", "loaded,style,names")
BEFORE = (
    "# Budget\n"
    "\n"
    "The minister said the plan would pass.\n"
    "\n"
    "Critics said it was a historic mistake.\n"
    "\n"
    "The vote is due on Tuesday.\n"
)


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "budget.md").write_text(BEFORE, encoding="utf-8")
    git(tmp_path, "add", "budget.md")
    git(tmp_path, "commit", "-q", "-m", "first draft")
    return tmp_path


def test_only_findings_on_changed_lines(repo: Path) -> None:
    # Line 5's "historic" was there before; line 3 and line 7 are edited.
    edited = BEFORE.replace("said the plan", "said the plan, sadly,").replace(
        "due on Tuesday", "due on Tuesday in order to pass it"
    )
    (repo / "budget.md").write_text(edited, encoding="utf-8")
    done = run_cli("--diff", "main", *SELECT, "budget.md", cwd=repo)
    assert done.stdout.splitlines() == [
        "budget.md:3:29: warning: “sadly” editorializes: cut it or say who holds the view "
        "[loaded.editorializing]",
        "budget.md:7:28: suggestion: “in order to” is wordy; “to” says the same [style.wordy]",
        "2 findings (1 warning, 1 suggestion) in 1 of 1 file.",
    ]
    # Without --diff the old finding is there too.
    everything = run_cli(*SELECT, "budget.md", cwd=repo).stdout
    assert "“historic” is puffery" in everything


def test_untracked_and_new_files_count_as_wholly_changed(repo: Path) -> None:
    (repo / "new.md").write_text("A historic day.\n", encoding="utf-8")
    (repo / "staged.md").write_text("The storied general.\n", encoding="utf-8")
    git(repo, "add", "staged.md")
    done = run_cli("--diff", "main", *SELECT, "--quiet", ".", cwd=repo)
    assert done.stdout.splitlines() == [
        "new.md:1:3: warning: “historic” is puffery: show what earned it, or attribute it "
        "[loaded.puffery]",
        "staged.md:1:5: warning: “storied” is puffery: show what earned it, or attribute it "
        "[loaded.puffery]",
    ]


def test_unchanged_file_reports_nothing_and_passes(repo: Path) -> None:
    done = run_cli("--diff", "HEAD", *SELECT, "budget.md", cwd=repo)
    assert done.returncode == 0
    assert done.stdout == "No findings in 1 file.\n"


def test_committed_changes_since_a_branch_point_count(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "story")
    (repo / "budget.md").write_text(BEFORE + "\nIt was a storied vote.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "add a line")
    done = run_cli(
        "--diff", "main", "--format", "github", "--quiet", *SELECT, "budget.md", cwd=repo
    )
    assert done.stdout.splitlines() == [
        "::warning file=budget.md,line=9,col=10,endLine=9,endColumn=16,title=loaded.puffery"
        "::“storied” is puffery: show what earned it, or attribute it"
    ]


def test_standard_input_says_once_it_has_no_history(repo: Path) -> None:
    done = run_cli("--diff", "main", *SELECT, "-", cwd=repo, stdin=BEFORE.encode())
    notes = [line for line in done.stderr.splitlines() if "no git history" in line]
    assert notes == [
        "newslint: note: --diff main: standard input (stdin.md) has no git history to "
        "compare against; all its findings are reported"
    ]
    assert "“historic” is puffery" in done.stdout  # the whole draft, as said
    # A draft on disk beside it gets no such note.
    alone = run_cli("--diff", "main", *SELECT, "budget.md", cwd=repo)
    assert "no git history" not in alone.stderr


def test_unknown_revision_is_a_usage_error(repo: Path) -> None:
    done = run_cli("--diff", "origin/nope", "budget.md", cwd=repo)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        f"newslint: error: --diff: unknown git revision 'origin/nope' in {repo.resolve()} "
        "(fetch it first; in GitHub Actions use actions/checkout with fetch-depth: 0)"
    )
    assert done.stdout == ""


def test_outside_a_repository_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text("A day.\n", encoding="utf-8")
    done = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], cwd=tmp_path, capture_output=True, check=False
    )
    if done.returncode == 0:
        pytest.skip("the temporary folder is inside a git repository")
    result = run_cli("--diff", "HEAD", "draft.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "newslint: error: --diff: draft.md is not inside a git repository"
    )


def test_hunk_lines_reads_new_side_ranges() -> None:
    diff = (
        "@@ -3 +3 @@\n-a\n+b\n"
        "@@ -10,0 +11,2 @@\n+c\n+d\n"
        "@@ -20,3 +22,0 @@\n-e\n-f\n-g\n"  # a pure deletion touches no new line
    )
    assert hunk_lines(diff) == frozenset({3, 11, 12})
