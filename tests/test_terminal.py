"""The terminal: --format pretty (the default on a terminal), --quiet, colour, progress."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.reporters import ReportContext
from newslint.reporters.pretty import excerpt, report
from tests.conftest import SEED, house_config, lint_text, run_cli

SELECT = ("--select", "names,style,loaded")
DRAFT = (
    "# Notes from Hamedan\n"
    "\n"
    "The minister said the the plan was in order to win, and he perished.\n"
    "\n"
    "“We met in Hamedan,” he said.\n"
    "\n"
    "A very long paragraph that goes on and on about the budget and the vote and the "
    "committee and the many amendments, until at last it says the result was historic and "
    "the chamber emptied.\n"
)
ANSI = "\x1b["


def pretty(house: str, quiet: bool = False) -> str:
    """DRAFT as the pretty reporter shows it, with the starter house list of names."""
    findings = lint_text(DRAFT, select=("names", "style", "loaded"), config=house)
    context = ReportContext(files=1, color=False, sources={"draft.md": DRAFT}, quiet=quiet)
    return report(findings, context)


def test_pretty_shows_each_finding_under_its_line_then_a_table(house: str) -> None:
    assert pretty(house).splitlines() == [
        "draft.md",
        "  1:14  error  “Hamedan” is not the house spelling; use “Hamadan”  names.house-list",
        "     1 │ # Notes from Hamedan",
        "       │              ^^^^^^^ → Hamadan",
        "  3:22  error  “the” is repeated  style.repeated-word",
        "     3 │ The minister said the the plan was in order to win, and he perished.",
        "       │                      ^^^^ → (delete)",
        "  3:36  suggestion  “in order to” is wordy; “to” says the same  style.wordy",
        "     3 │ The minister said the the plan was in order to win, and he perished.",
        "       │                                    ^^^^^^^^^^^ → to",
        "  3:60  suggestion  “perished” is a euphemism; prefer “died”  loaded.euphemism",
        "     3 │ The minister said the the plan was in order to win, and he perished.",
        "       │                                                            ^^^^^^^^ → died",
        "  5:12  suggestion  “Hamedan” is not the house spelling; use “Hamadan” (inside a "
        "quotation: the source's spelling; keep it, add [sic] or note it)  names.house-list",
        "     5 │ “We met in Hamedan,” he said.",
        "       │            ^^^^^^^",
        "  7:153  warning  “historic” is puffery: show what earned it, or attribute it  "
        "loaded.puffery",
        "     7 │ …, until at last it says the result was historic and the chamber emptied.",
        "       │                                         ^^^^^^^^",
        "",
        "rule family   errors   warnings   suggestions   total",
        "─────────────────────────────────────────────────────",
        "loaded             ·          1             1       2",
        "names              1          ·             1       2",
        "style              1          ·             1       2",
        "─────────────────────────────────────────────────────",
        "total              2          1             3       6",
        "6 findings (2 errors, 1 warning, 3 suggestions) in 1 of 1 file.",
    ]


def test_pretty_quiet_has_no_table_or_summary(house: str) -> None:
    lines = pretty(house, quiet=True).splitlines()
    assert lines[-1] == ""  # the blank line that ends the file's group
    assert not any(line.startswith(("rule family", "total", "6 findings")) for line in lines)
    assert lines[1].startswith("  1:14  error  ")


def test_excerpt_windows_a_long_line_around_the_span() -> None:
    line = "x" * 100 + " historic " + "y" * 100
    shown = excerpt(line, 102, 8)
    assert shown.text == "…" + "x" * 23 + " historic " + "y" * 39 + "…"
    assert shown.text[shown.marker_start : shown.marker_start + shown.marker_width] == "historic"


def test_pretty_with_color_uses_ansi_and_without_never(house: str) -> None:
    findings = lint_text(DRAFT, select=("names",), config=house)
    sources = {"draft.md": DRAFT}
    coloured = report(findings, ReportContext(files=1, color=True, sources=sources))
    plain = report(findings, ReportContext(files=1, color=False, sources=sources))
    assert ANSI in coloured
    assert ANSI not in plain


def test_text_stays_the_default_when_piped() -> None:
    done = run_cli(*SELECT, str(SEED))
    assert done.stdout.splitlines()[0].startswith(f"{SEED}:")
    assert "│" not in done.stdout


def test_quiet_text_is_finding_lines_only(tmp_path: Path) -> None:
    house_config(tmp_path)
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    done = run_cli(*SELECT, "--quiet", "draft.md", cwd=tmp_path)
    assert done.stdout.splitlines()[0] == (
        "draft.md:1:14: error: “Hamedan” is not the house spelling; use “Hamadan” "
        "[names.house-list]"
    )
    assert len(done.stdout.splitlines()) == 6  # no summary line
    clean = tmp_path / "clean.md"
    clean.write_text("The vote is on Tuesday.\n", encoding="utf-8")
    assert run_cli(*SELECT, "--quiet", str(clean)).stdout == ""


def run_in_terminal(*args: str, cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run newslint with stdout and stderr on a pseudo-terminal, as a user would."""
    main, secondary = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update({"TERM": "xterm-256color", "COLUMNS": "120", **env})
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", *args],
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
        cwd=cwd,
        env=environment,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other end closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return process.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    house_config(tmp_path)  # the starter house list of names: Hamedan → Hamadan
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_terminal_gets_pretty_in_colour(drafts: Path) -> None:
    code, out = run_in_terminal(*SELECT, "draft.md", cwd=drafts, env={})
    assert code == 1
    assert ANSI in out
    assert "\x1b[1;31merror\x1b[0m" in out  # errors in bold red
    assert "# Notes from Hamedan" in out
    assert "rule family" in out


@pytest.mark.parametrize("how", ["NO_COLOR", "--no-color"])
def test_no_color_on_a_terminal(drafts: Path, how: str) -> None:
    flag = (how,) if how.startswith("--") else ()
    env = {"NO_COLOR": "1"} if how == "NO_COLOR" else {}
    code, out = run_in_terminal(*SELECT, *flag, "draft.md", cwd=drafts, env=env)
    assert code == 1
    assert ANSI not in out
    lines = out.replace("\r\n", "\n").splitlines()
    assert lines[:4] == [
        "draft.md",
        "  1:14  error  “Hamedan” is not the house spelling; use “Hamadan”  names.house-list",
        "     1 │ # Notes from Hamedan",
        "       │              ^^^^^^^ → Hamadan",
    ]


def test_progress_bar_on_a_terminal_for_many_files(tmp_path: Path) -> None:
    for n in range(8):
        shutil.copy(SEED, tmp_path / f"draft{n}.md")
    _, shown = run_in_terminal(*SELECT, "--no-color", "--jobs", "1", ".", cwd=tmp_path, env={})
    assert "linting" in shown
    assert "/8" in shown  # the count of files done, out of eight
    _, quiet = run_in_terminal(
        *SELECT, "--no-color", "--quiet", "--jobs", "1", ".", cwd=tmp_path, env={}
    )
    assert "linting" not in quiet
    assert "/8" not in quiet
