"""Property tests (Hypothesis) over random Markdown: positions, --fix and determinism.

Drafts are built from pieces that broke positions before (tabs, NBSP, VT/FF,
entities, escapes, nested containers, CRLF) around words that the shipped
rules flag, and random Unicode. The example count is bounded for CI; set
``NEWSLINT_PROPERTY_EXAMPLES`` for a longer run (the README gives one).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import fixes
from newslint.document import PLACEHOLDER
from newslint.linter import Linter, Options
from newslint.markdown import make_parser
from newslint.parse import parse_document
from newslint.positions import LineIndex
from newslint.reading import SourceText
from newslint.reporters import ReportContext
from newslint.reporters.text import report as text_report

EXAMPLES = int(os.environ.get("NEWSLINT_PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
NO_LT = ("spelling", "grammar", "typography", "style.languagetool")

WORDS = [
    "Suleimani", "Sulaimani", "Hamedan", "terrorist", "storied", "perished", "in order to",
    "the the", "police said", "officials", "met", "Baghdad", "U.S.", "Gen.", "said", "“quote”",
    "\"quoted\"", "AT&T", "2,000", "3.5%", "—", "…", "don’t",
]  # fmt: skip
SPACE = [" ", "  ", "\t", "\u00a0", "\u000b", "\u000c", " \t"]
INLINE = [
    "&amp;", "&nbsp;", "&#169;", "&NotEqualTilde;", "&foo;", "\\*", "\\\\", "\\[", "*", "_",
    "`code`", "**", "<b>", "<!-- c -->", "[", "]", "(t)", "![i](x)", "<https://x.org>",
    "https://example.com/a", "a@b.org",
]  # fmt: skip
PREFIX = ["", "- ", "> ", "1. ", "  ", "\t", "# ", "> - ", "- > ", "    ", "| a | ", "\u00a0"]
NEWLINE = ["\n", "\n", "\n\n", "\r\n"]


def _inline() -> st.SearchStrategy[str]:
    unicode_text = st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\0\r"), max_size=6
    )
    piece = st.one_of(
        st.sampled_from(WORDS), st.sampled_from(SPACE), st.sampled_from(INLINE), unicode_text
    )
    linked = st.builds(lambda a, b: f"[{a}](u){b}", st.sampled_from(INLINE + WORDS), piece)
    emphasised = st.builds(lambda a: f"*{a}*", st.sampled_from(WORDS))
    return st.lists(st.one_of(piece, linked, emphasised), max_size=10).map("".join)


LINE = st.builds(lambda p, body: p + body, st.sampled_from(PREFIX), _inline())
DOCUMENT = st.lists(st.tuples(LINE, st.sampled_from(NEWLINE)), max_size=12).map(
    lambda parts: "".join(line + end for line, end in parts)
)


def _plain(raw: str) -> str:
    return raw.replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture(scope="module")
def linter(house: str) -> Linter:
    # With a house list of names, so that names.house-list fixes are exercised too.
    return Linter(Options(config_path=house, ignore=NO_LT))


@pytest.fixture(scope="module")
def other_linter(house: str) -> Linter:
    """A second, independent linter: its own config, packs and parser."""
    return Linter(Options(config_path=house, ignore=NO_LT))


def _lint(linter: Linter, text: str, path: str = "draft.md") -> list:
    result = linter.lint_source(SourceText(path, text, "\n"), linter.setup_for(path))
    assert not result.internal_error, result.problems
    return result.findings if not result.problems else []


def _corresponds(block_char: str, source_char: str) -> bool:
    """A block character stands for the source character at its offset."""
    return (
        block_char == source_char
        or block_char == PLACEHOLDER  # inline code, a masked URL
        or (block_char.isspace() and source_char.isspace())  # line breaks, tabs
        or source_char == "&"  # an entity, mapped to its first character
    )


@PROPERTY
@given(raw=DOCUMENT)
def test_every_block_character_maps_onto_its_source(raw: str) -> None:
    _assert_block_characters_map_onto(_plain(raw))


# Documents the long run (bench/properties) found, kept so they never return.
FOUND_BY_THE_LONG_RUN = {
    # a blockquote line of only NBSP was placed on the line's ">" marker
    "NBSP-only blockquote line": "> Suleimani\n> \xa0\nSuleimani\n",
}


@pytest.mark.parametrize("text", FOUND_BY_THE_LONG_RUN.values(), ids=FOUND_BY_THE_LONG_RUN.keys())
def test_documents_found_by_the_long_run_map_onto_their_source(text: str) -> None:
    _assert_block_characters_map_onto(text)


def _assert_block_characters_map_onto(text: str) -> None:
    doc = parse_document("d.md", text, make_parser())
    for block in doc.blocks:
        previous = -1
        for i, ch in enumerate(block.text):
            offset = block.offsets[i]
            assert 0 <= offset < len(text), (block.text, i)
            assert _corresponds(ch, text[offset]), (block.text, i, text[offset])
            assert offset >= previous, (block.text, i)
            previous = offset


@PROPERTY
@given(raw=DOCUMENT)
def test_every_finding_lies_in_the_file_and_holds_what_it_matched(linter: Linter, raw: str) -> None:
    text = _plain(raw)
    lines = LineIndex(text)
    for finding in _lint(linter, text):
        assert 0 <= finding.start <= finding.end <= len(text), finding
        assert (finding.line, finding.column) == lines.line_col(finding.start)
        span = text[finding.start : finding.end]
        if finding.matched:
            assert _corresponds(finding.matched[0], span[0]), (finding, span)
            assert _corresponds(finding.matched[-1], span[-1]), (finding, span)
        if not re.search(r"[*_`\[\]<>\\|#~&\ufffc]", span) and PLACEHOLDER not in finding.matched:
            # Plain words: the source holds exactly the words the rule matched.
            assert span.split() == finding.matched.split(), (finding, span)
        quoted = re.match(r"“([^”]+)”", finding.message)
        if quoted and finding.rule.startswith(("names.", "loaded.", "style.wordy")):
            # The message names the very words the finding covers.
            assert quoted.group(1).lower() == " ".join(finding.matched.split()).lower()


@PROPERTY
@given(raw=DOCUMENT)
def test_fix_changes_only_the_spans_it_reports(
    linter: Linter, raw: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fixes, "MAX_PASSES", 1)  # one pass: edits in the original's offsets
    path = tmp_path / "d.md"
    path.write_bytes(raw.encode("utf-8"))
    fix = fixes.fix_file(linter, str(path))
    original, fixed = _plain(fix.original), _plain(fix.fixed)
    lines = LineIndex(original)
    crlf = fixes._Text.of(fix.original).crlf  # where the file's CRLF newlines are
    rebuilt, cursor, crlf_replaced = [], 0, 0
    for applied in sorted(fix.applied, key=lambda a: (a.line, a.column)):
        start = lines.line_start(applied.line) + applied.column - 1
        end = start + len(applied.before)
        assert original[start:end] == applied.before, applied
        rebuilt.append(original[cursor:start] + applied.after)
        cursor = end
        crlf_replaced += sum(1 for at in crlf if start <= at < end)
    rebuilt.append(original[cursor:])
    assert "".join(rebuilt) == fixed
    # Line endings outside the fixed spans stay as the file had them.
    assert fix.fixed.count("\r\n") == fix.original.count("\r\n") - crlf_replaced


@PROPERTY
@given(raw=DOCUMENT)
def test_output_is_deterministic(linter: Linter, other_linter: Linter, raw: str) -> None:
    text = _plain(raw)
    first = _lint(linter, text)
    again = _lint(other_linter, text)
    assert [(f.start, f.end, f.rule, f.message) for f in first] == [
        (f.start, f.end, f.rule, f.message) for f in again
    ]
    context = ReportContext(files=1)
    assert text_report(first, context) == text_report(again, context)
