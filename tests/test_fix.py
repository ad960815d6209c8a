"""newslint --fix: safe suggestions applied in place; quotations never touched."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import SEED, house_config, run_cli

SELECT = ("--select", "names,style,loaded")
DRAFT = (
    "# Notes from Hamedan\n"
    "\n"
    "The minister said the the plan was in order to win, and he perished.\n"
    "\n"
    "“We met in Hamedan in order to talk, the the talks,” he said.\n"
    "\n"
    "> The the army stayed any and all week in Hamedan.\n"
)
FIXED = (
    "# Notes from Hamadan\n"
    "\n"
    "The minister said the plan was to win, and he died.\n"
    "\n"
    "“We met in Hamedan in order to talk, the the talks,” he said.\n"
    "\n"
    "> The the army stayed any and all week in Hamedan.\n"
)


@pytest.fixture(autouse=True)
def _house_list(tmp_path: Path) -> None:
    """The newsroom here keeps the starter house list of names (Hamedan → Hamadan)."""
    house_config(tmp_path)


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_fix_rewrites_and_says_what_it_changed(draft: Path) -> None:
    done = run_cli("--fix", *SELECT, "draft.md", cwd=draft.parent)
    assert draft.read_text(encoding="utf-8") == FIXED
    assert done.stdout.splitlines() == [
        "draft.md:1:14: fixed: “Hamedan” → “Hamadan” [names.house-list]",
        "draft.md:3:22: fixed: deleted “the” [style.repeated-word]",
        "draft.md:3:36: fixed: “in order to” → “to” [style.wordy]",
        "draft.md:3:60: fixed: “perished” → “died” [loaded.euphemism]",
        # What is left is inside quotations, for the writer to decide.
        "draft.md:5:12: suggestion: “Hamedan” is not the house spelling; use “Hamadan” "
        "(inside a quotation: the source's spelling; keep it, add [sic] or note it) "
        "[names.house-list]",
        # The house spelling is now the minority here: the draft is told it mixes two.
        "draft.md:5:12: suggestion: “Hamedan” is spelt “Hamadan” in the house list, and this "
        "draft spells it 2 ways; use one spelling (inside a quotation: the source's spelling; "
        "keep it, add [sic] or note it) [names.variant-spelling]",
        "draft.md:5:41: error: “the” is repeated [style.repeated-word]",
        "draft.md:7:6: error: “The” is repeated [style.repeated-word]",
        "draft.md:7:43: suggestion: “Hamedan” is not the house spelling; use “Hamadan” "
        "(inside a quotation: the source's spelling; keep it, add [sic] or note it) "
        "[names.house-list]",
        "5 findings (2 errors, 3 suggestions) in 1 of 1 file.",
    ]
    assert done.returncode == 1


@pytest.mark.parametrize(
    ("head", "line"),
    [
        ("<!-- newslint-disable-next-line loaded.pufery -->\n", 1),
        ("---\nnewslint:\n  rules: {lodaed: off}\n---\n", 3),
    ],
)
def test_a_draft_with_an_error_says_it_was_not_fixed(tmp_path: Path, head: str, line: int) -> None:
    # Only the error at its line was printed, and the fixable findings stayed
    # findings: nothing told the editor that --fix had left the draft alone, or why.
    draft = tmp_path / "draft.md"
    draft.write_text(head + DRAFT, encoding="utf-8")
    done = run_cli("--fix", *SELECT, "draft.md", cwd=tmp_path)
    assert draft.read_text(encoding="utf-8") == head + DRAFT
    assert done.returncode == 2
    assert "fixed:" not in done.stdout
    errors = done.stderr.splitlines()
    assert errors[0].startswith(f"draft.md:{line}: error: ")
    assert errors[1] == (
        f"draft.md: error: could not fix: line {line} has an error; "
        "not fixed until that is corrected"
    )


def test_fix_twice_is_fix_once(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    shutil.copy(SEED, story)
    first = run_cli("--fix", *SELECT, "story.md", cwd=tmp_path)
    assert ": fixed: " in first.stdout
    once = story.read_bytes()
    second = run_cli("--fix", *SELECT, "story.md", cwd=tmp_path)
    assert ": fixed: " not in second.stdout
    assert story.read_bytes() == once
    # What the second run reports is what the first run said was left.
    left = [line for line in first.stdout.splitlines() if ": fixed: " not in line]
    assert second.stdout.splitlines() == left


def test_quotations_stay_byte_identical(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    shutil.copy(SEED, story)
    before = story.read_bytes().splitlines(keepends=True)
    run_cli("--fix", *SELECT, "story.md", cwd=tmp_path)
    after = story.read_bytes().splitlines(keepends=True)
    assert len(before) == len(after)
    changed = [n for n, (a, b) in enumerate(zip(before, after, strict=True), 1) if a != b]
    assert changed == [7, 29, 33, 51]
    for number in changed:
        # Every edited line keeps each of its quotations exactly.
        old, new = before[number - 1].decode(), after[number - 1].decode()
        assert _quotations(old) == _quotations(new)
    # The blockquote (line 124) and quoted misspellings (line 61) are untouched.
    assert after[60] == before[60] and b"Hamedan" in after[60]
    assert after[123] == before[123] and b"Qassim" in after[123]


def _quotations(line: str) -> list[str]:
    quotes = []
    start = line.find("“")
    while start != -1:
        end = line.find("”", start)
        quotes.append(line[start : end + 1 if end != -1 else len(line)])
        start = line.find("“", start + 1)
    return quotes


def test_dry_run_prints_a_diff_and_writes_nothing(draft: Path) -> None:
    before = draft.stat()
    done = run_cli("--fix", "--dry-run", *SELECT, "draft.md", cwd=draft.parent)
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert draft.stat().st_mtime_ns == before.st_mtime_ns
    assert done.returncode == 1  # it would change something
    assert done.stdout.splitlines() == [
        "--- a/draft.md",
        "+++ b/draft.md",
        "@@ -1,6 +1,6 @@",
        "-# Notes from Hamedan",
        "+# Notes from Hamadan",
        " ",
        "-The minister said the the plan was in order to win, and he perished.",
        "+The minister said the plan was to win, and he died.",
        " ",
        " “We met in Hamedan in order to talk, the the talks,” he said.",
        " ",
    ]
    assert done.stderr == "--dry-run: would fix 4 findings in 1 file; nothing written.\n"


def test_dry_run_diff_applies_with_patch(draft: Path) -> None:
    if shutil.which("patch") is None:
        pytest.skip("no patch program")
    import subprocess

    diff = run_cli("--fix", "--dry-run", *SELECT, "draft.md", cwd=draft.parent).stdout
    subprocess.run(["patch", "-s", "-p1"], input=diff, text=True, cwd=draft.parent, check=True)
    assert draft.read_text(encoding="utf-8") == FIXED


def test_crlf_file_stays_crlf(tmp_path: Path) -> None:
    path = tmp_path / "windows.md"
    path.write_bytes(DRAFT.replace("\n", "\r\n").encode("utf-8"))
    run_cli("--fix", *SELECT, "windows.md", cwd=tmp_path)
    data = path.read_bytes()
    assert data == FIXED.replace("\n", "\r\n").encode("utf-8")


def test_mixed_endings_and_bom_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "mixed.md"
    original = "\ufeffA plan in order to win.\r\nIt passed.\nThe end.\r\n"
    path.write_bytes(original.encode("utf-8"))
    run_cli("--fix", *SELECT, "mixed.md", cwd=tmp_path)
    assert path.read_bytes() == original.replace("in order to", "to").encode("utf-8")


def test_nothing_to_fix_leaves_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "clean.md"
    path.write_text("“The the plan,” he said, “is in order to win.”\n", encoding="utf-8")
    before = path.stat()
    done = run_cli("--fix", *SELECT, "clean.md", cwd=tmp_path)
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert ": fixed: " not in done.stdout


def test_fix_keeps_the_files_permissions(draft: Path) -> None:
    os.chmod(draft, 0o640)
    run_cli("--fix", *SELECT, "draft.md", cwd=draft.parent)
    assert draft.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    # No temporary left beside the draft and the newsroom's config.
    assert sorted(p.name for p in draft.parent.iterdir()) == [".newslint.yml", "draft.md"]


def test_fix_writes_through_a_symlink(draft: Path) -> None:
    link = draft.parent / "link.md"
    link.symlink_to(draft.name)
    run_cli("--fix", *SELECT, "link.md", cwd=draft.parent)
    assert link.is_symlink()
    assert draft.read_text(encoding="utf-8") == FIXED


def test_fix_with_diff_only_fixes_changed_lines(tmp_path: Path) -> None:
    import subprocess

    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "d@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "d@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "draft"]):
        if args[0] == "add":
            (tmp_path / "draft.md").write_text("A plan in order to win.\n", encoding="utf-8")
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True)
    path = tmp_path / "draft.md"
    path.write_text("A plan in order to win.\n\nHe perished.\n", encoding="utf-8")
    done = run_cli("--fix", "--diff", "HEAD", *SELECT, "draft.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == "A plan in order to win.\n\nHe died.\n"
    assert done.stdout.splitlines() == [
        "draft.md:3:4: fixed: “perished” → “died” [loaded.euphemism]",
        "No findings in 1 file.",
    ]


def test_fix_refuses_standard_input() -> None:
    done = run_cli("--fix", "-", stdin=b"A plan in order to win.\n")
    assert done.returncode == 2
    assert done.stderr == (
        "newslint: error: --fix cannot rewrite standard input; give the draft's path instead\n"
    )


def test_dry_run_needs_fix(draft: Path) -> None:
    done = run_cli("--dry-run", "draft.md", cwd=draft.parent)
    assert done.returncode == 2
    assert "--dry-run goes with --fix" in done.stderr
