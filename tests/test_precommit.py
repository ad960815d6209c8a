"""The pre-commit hook, run for real with ``pre-commit try-repo`` on a throwaway repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, STARTER_HOUSE_LIST, house_config

PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def pre_commit(
    repo: Path, tmp_path: Path, *args: str, verbose: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run pre-commit for real in ``repo``, with its environments kept under ``tmp_path``."""
    home = os.environ.get("NEWSLINT_PRE_COMMIT_HOME", str(tmp_path / "pc"))
    return subprocess.run(
        [PRE_COMMIT, *args, *(["--verbose"] if verbose else [])],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "PRE_COMMIT_HOME": home, "NO_COLOR": "1"},
        timeout=900,
    )


@pytest.mark.skipif(not Path(PRE_COMMIT).exists(), reason="pre-commit is not installed")
def test_hook_runs_from_another_repository(tmp_path: Path) -> None:
    newsroom = tmp_path / "newsroom"
    newsroom.mkdir()
    git(newsroom, "init", "-q")
    git(newsroom, "config", "user.email", "desk@example.com")
    git(newsroom, "config", "user.name", "Desk")
    (newsroom / "draft.md").write_text(
        "# Strike\n\nQaddafi's storied career ended.\n", encoding="utf-8"
    )
    (newsroom / "notes.txt").write_text("Qaddafi storied\n", encoding="utf-8")
    house_config(newsroom)  # the newsroom's house list of names: Qaddafi → Gaddafi
    git(newsroom, "add", ".")
    done = pre_commit(newsroom, tmp_path, "try-repo", str(ROOT), "newslint", "--all-files")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert (
        "draft.md:3:1: error: “Qaddafi” is not the house spelling; use “Gaddafi” [names.house-list]"
        in output
    )
    assert "draft.md:3:11: warning: “storied” is puffery" in output
    assert "notes.txt" not in output  # the hook only sees Markdown
    assert "Traceback" not in output


@pytest.mark.skipif(not Path(PRE_COMMIT).exists(), reason="pre-commit is not installed")
def test_hook_with_a_pinned_rev_and_a_config(tmp_path: Path) -> None:
    """A newsroom's .pre-commit-config.yaml pinning a commit and passing --config."""
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    newsroom = tmp_path / "newsroom"
    newsroom.mkdir()
    git(newsroom, "init", "-q")
    (newsroom / "house.yml").write_text(
        f"rules: {{loaded: off}}\nnames: {{house_list: {STARTER_HOUSE_LIST}}}\n", encoding="utf-8"
    )
    (newsroom / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: newslint\n"
        "        args: [--config, house.yml]\n",
        encoding="utf-8",
    )
    (newsroom / "draft.md").write_text("Qaddafi's storied career ended.\n", encoding="utf-8")
    git(newsroom, "add", ".")
    done = pre_commit(newsroom, tmp_path, "run", "--all-files")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "draft.md:1:1: error: “Qaddafi” is not the house spelling" in output
    assert "storied" not in output  # house.yml turned the loaded pack off


@pytest.mark.skipif(not Path(PRE_COMMIT).exists(), reason="pre-commit is not installed")
def test_a_passing_hook_still_shows_its_warnings(tmp_path: Path) -> None:
    """fail_on: error lets warnings through; the reporter must still see them (no --verbose)."""
    newsroom = tmp_path / "newsroom"
    newsroom.mkdir()
    git(newsroom, "init", "-q")
    (newsroom / "draft.md").write_text(
        "# Vote\n\nThe mayor gave a furious speech, the council said.\n", encoding="utf-8"
    )
    git(newsroom, "add", ".")
    done = pre_commit(
        newsroom, tmp_path, "try-repo", str(ROOT), "newslint", "--all-files", verbose=False
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "draft.md:3:18: warning: “furious” is emotive" in output
