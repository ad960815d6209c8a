"""--format markdown: the pull-request summary, as GitHub would render it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.reporters import ReportContext, markdown
from tests.conftest import lint_text, run_cli

DRAFT = "# Council vote\n\nThe mayor gave a furious speech about the storied bridge.\n"
NO_LANGUAGETOOL = "spelling,grammar,typography,style.languagetool"


def test_a_table_by_family_then_the_findings_of_each_draft(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Budget\n\nIt rained, the weather service said.\n")
    done = run_cli(
        "--format", "markdown", "--ignore", NO_LANGUAGETOOL, "a.md", "b.md", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr  # warnings only
    assert done.stdout == (
        "## newslint: 3 findings (2 warnings, 1 suggestion) in 1 of 2 files.\n"
        "\n"
        "| Family | ✖ errors | ▲ warnings | ◆ suggestions |\n"
        "|---|--:|--:|--:|\n"
        "| attribution | 0 | 0 | 1 |\n"
        "| loaded | 0 | 2 | 0 |\n"
        "\n"
        "<details open><summary><code>a.md</code>: 2 warnings, 1 suggestion</summary>\n"
        "\n"
        "| Where | Level | Finding | Rule |\n"
        "|--:|---|---|---|\n"
        "| 3:1 | ◆ suggestion | a background fact with no source (an event): say who says so "
        "(“…, police said”, “according to …”) or how the newsroom knows it "
        "| `attribution.unattributed-claim` |\n"
        "| 3:18 | ▲ warning | “furious” is emotive: describe what happened and let readers "
        "judge | `loaded.emotive` |\n"
        "| 3:43 | ▲ warning | “storied” is puffery: show what earned it, or attribute it "
        "| `loaded.puffery` |\n"
        "\n"
        "</details>\n"
    )


def test_no_findings_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# Budget\n\nIt rained, the weather service said.\n")
    done = run_cli("--format", "markdown", "--ignore", NO_LANGUAGETOOL, "b.md", cwd=tmp_path)
    assert done.stdout == "## newslint: No findings in 1 file.\n"


def test_a_draft_that_could_not_be_linted_is_named_in_the_summary(tmp_path: Path) -> None:
    # The step summary said "No findings in 0 files." for a binary draft, and
    # named it only in the job's log, which the summary's reader never opens.
    (tmp_path / "bin.md").write_bytes(b"\0\1\2")
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    done = run_cli("--format", "markdown", "--select", "loaded", "bin.md", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == (
        "## newslint: No findings in 0 files; 1 file could not be linted.\n"
        "\n"
        "Could not be linted:\n"
        "\n"
        "- bin.md: error: looks like a binary file (contains NUL bytes); not linted\n"
    )
    done = run_cli("--format", "markdown", "--select", "loaded", "bin.md", "a.md", cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "## newslint: 2 findings (2 warnings) in 1 of 1 file; 1 file could not be linted."
    )
    assert lines[2:6] == [
        "Could not be linted:",
        "",
        "- bin.md: error: looks like a binary file (contains NUL bytes); not linted",
        "",
    ]
    assert lines[6].startswith("| Family |")


def test_the_drafts_words_cannot_break_the_table() -> None:
    assert markdown._cell("a | b *c* <script>\n[x](y)") == (r"a \| b \*c\* &lt;script&gt; \[x\](y)")


def test_a_long_report_lists_the_first_findings_and_counts_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    findings = lint_text(DRAFT, select=("loaded",))
    monkeypatch.setattr(markdown, "LIMIT", 1)
    text = markdown.report(findings, ReportContext(files=1))
    assert "“furious”" in text and "“storied”" not in text
    assert text.endswith("… and 1 more finding; see the full report.\n")


def test_the_fact_check_sheet_names_a_draft_it_could_not_read(tmp_path: Path) -> None:
    # It said "No checkable claims found in 0 files." and nothing else: the
    # fact-checker read a binary draft as one with nothing to check.
    (tmp_path / "bin.md").write_bytes(b"\0\1\2")
    done = run_cli("--format", "checklist", "bin.md", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == (
        "No checkable claims found in 0 files.\n"
        "\n"
        "Not on this sheet (could not be linted):\n"
        "\n"
        "- bin.md: error: looks like a binary file (contains NUL bytes); not linted\n"
    )
