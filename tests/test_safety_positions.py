"""Issue 9 item 1: positions never shift, and --fix writes only over the words it means."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newslint.fixes import is_safe
from tests.conftest import house_config, lint_text, run_cli

OFF = {"NEWSLINT_LANGUAGETOOL": "off"}

# Each draft holds one house-list misspelling after whitespace that used to
# shift every later position (the repros of issue 9).
SHIFTERS = {
    "tab continuation in a list item": "- The talks ended.\n\tSuleimani met officials.\n",
    "two tabs in a list item": "- The talks ended.\n\t\tSuleimani met officials.\n",
    "NBSP-only line": "\u00a0\nSulaimani met officials in Baghdad.\n",
    "vertical-tab line": "\u000b\nSulaimani met officials in Baghdad.\n",
    "form-feed line": "\u000c\nSulaimani met officials in Baghdad.\n",
    "NBSP and spaces": " \u00a0 \n\u00a0\nSulaimani met officials.\n",
    "tab in a blockquote": ">\tThe talks ended.\n>\tSuleimani met officials.\n",
    "entity at the start of link text": "[&amp;](t)Suleimani met officials.\n",
    "escape at the start of link text": "[\\*](t)Suleimani met officials.\n",
    "tab in a nested list": "1. a\n   - b\n     \tSuleimani met.\n",
}


@pytest.fixture(autouse=True)
def _house_list(tmp_path: Path) -> None:
    """The newsroom here keeps the starter house list of names (Suleimani → Soleimani)."""
    house_config(tmp_path)


@pytest.mark.parametrize("text", SHIFTERS.values(), ids=SHIFTERS.keys())
def test_finding_covers_exactly_the_name(text: str, house: str) -> None:
    findings = lint_text(text, select=("names.house-list",), config=house)
    assert [text[f.start : f.end] for f in findings] in (["Suleimani"], ["Sulaimani"])
    (finding,) = findings
    line_start = text.rfind("\n", 0, finding.start) + 1
    assert finding.column == finding.start - line_start + 1


def test_entity_at_link_start_does_not_shift_the_word_after_it() -> None:
    text = "[&amp;](t)terrorist attack\n"
    (finding,) = lint_text(text, select=("loaded.label",))
    assert text[finding.start : finding.end] == "terrorist"
    assert finding.column == 11


@pytest.mark.parametrize(
    "name,text",
    [
        ("tab.md", "- The talks ended.\n\tSuleimani met officials, police said.\n"),
        ("nbsp.md", "\u00a0\nSulaimani met officials in Baghdad, police said.\n"),
    ],
)
def test_fix_after_tab_or_nbsp_replaces_only_the_name(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    done = run_cli("--fix", "--select", "names", name, cwd=tmp_path, env=OFF)
    assert "fixed: “S" in done.stdout
    wrong = "Suleimani" if "Suleimani" in text else "Sulaimani"
    assert path.read_text(encoding="utf-8") == text.replace(wrong, "Soleimani")


def test_fix_refuses_a_span_that_does_not_hold_the_matched_words(house: str) -> None:
    text = "Suleimani met officials.\n"
    (finding,) = lint_text(text, select=("names.house-list",), config=house)
    assert is_safe(finding, text, [])
    # The same finding pointing one character off must not be applied.
    moved = replace(finding, start=finding.start + 1, end=finding.end + 1)
    assert not is_safe(moved, text, [])
    assert not is_safe(replace(finding, matched="Sulaimani"), text, [])
