"""What a news editor wants newslint to mark in the seed article (tests/fixtures/soleimani.md)."""

from __future__ import annotations

import pytest

from newslint.severity import Severity
from tests.conftest import SEED, lint_text

ENGINE_FAMILIES = ("loaded", "names", "readability", "style")


@pytest.fixture(scope="module")
def findings():
    return lint_text(SEED.read_text(encoding="utf-8"), path="soleimani.md", select=ENGINE_FAMILIES)


def at(findings, rule: str, line: int, column: int):
    matches = [f for f in findings if f.rule == rule and (f.line, f.column) == (line, column)]
    assert matches, f"no {rule} at {line}:{column}"
    return matches[0]


@pytest.mark.parametrize(
    ("rule", "line", "column", "word"),
    [
        ("loaded.emotive", 13, 80, "celebratory"),
        ("loaded.label", 31, 159, "hawkish"),
        ("loaded.puffery", 29, 54, "storied"),
        ("loaded.puffery", 29, 195, "mythical"),
        ("loaded.editorializing", 49, 164, "famously"),
        ("loaded.emotive", 25, 39, "furious"),
        ("loaded.label", 25, 262, "extremists"),
        ("loaded.idiom", 23, 252, "Tom and Jerry"),
        ("loaded.editorializing", 35, 31, "cannot be overstated"),
        ("loaded.puffery", 41, 142, "larger-than-life"),
    ],
)
def test_loaded_words_in_the_writers_voice(findings, rule, line, column, word) -> None:
    finding = at(findings, rule, line, column)
    assert f"“{word}”" in finding.message
    assert finding.end_column == column + len(word) - 1
    assert finding.severity == Severity.WARNING or rule == "loaded.idiom"


def test_no_loaded_language_inside_quotations_or_blockquotes(findings) -> None:
    source = SEED.read_text(encoding="utf-8").splitlines()
    loaded = [f for f in findings if f.rule.startswith("loaded.")]
    words = {
        source[f.line - 1][f.column - 1 : f.end_column] for f in loaded if f.line == f.end_line
    }
    # Zarif's “an act on international terrorism”, the New Yorker's “Assad
    # regime”, Dubowitz's “irreplaceable”, the readers' “regime” and “claims”.
    assert "terrorism" not in words
    assert "regime" not in words
    assert "claims" not in words
    blockquote_lines = {n + 1 for n, text in enumerate(source) if text.startswith(">")}
    assert not [f for f in loaded if f.line in blockquote_lines]


def test_name_variants_found_on_their_own_without_a_house_list(findings) -> None:
    # No stylebook is shipped: the draft's own majority spelling is suggested.
    assert not [f for f in findings if f.rule == "names.house-list"]
    suleimani = at(findings, "names.variant-spelling", 37, 3)
    assert suleimani.suggestion == "Soleimani"
    assert "“Suleimani” is spelt “Soleimani” 27 times in this draft" in suleimani.message
    # The New Yorker's spelling is the source's: a note, not an error.
    assert suleimani.severity == Severity.SUGGESTION and "[sic]" in suleimani.message
    qassim = at(findings, "names.variant-spelling", 124, 20)
    assert qassim.suggestion == "Qassem"
    assert len([f for f in findings if "“Suleimani”" in f.message]) == 5


def test_long_sentences(findings) -> None:
    too_long = {
        (f.line, f.column): f.message for f in findings if f.rule == "readability.sentence-too-long"
    }
    assert too_long[(19, 1)] == "sentence of 46 words (over 40): split it"
    assert (23, 1) in too_long and (31, 1) in too_long
    long = [f for f in findings if f.rule == "readability.sentence-long"]
    assert any(f.line == 17 and "31 words" in f.message for f in long)


def test_wordy_phrase_with_a_fix(findings) -> None:
    wordy = at(findings, "style.wordy", 33, 137)
    assert wordy.suggestion == "all" and wordy.fixable
