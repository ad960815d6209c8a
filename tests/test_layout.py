"""The prose layout the linter keeps for the HTML report, in place of a second parse."""

from __future__ import annotations

import pickle
from bisect import bisect_left
from pathlib import Path

import pytest

from newslint.layout import layout_of
from newslint.linter import Linter, Options
from newslint.markdown import make_parser
from newslint.parse import parse_document
from newslint.reading import SourceText
from tests.conftest import ROOT, SEED, run_cli

NO_LANGUAGETOOL = "spelling,grammar,typography,style.languagetool"
# Markup between and inside words, a list, a table, a blockquote, a link and
# inline code: every way the block text's offsets jump over the source.
MARKED_UP = """\
---
title: Budget
---
# The *storied* bridge

The **mayor**, in a [furious](https://example.com) speech,
  said the `bridge` will cost $4 million.

- One item with _emphasis_
- Two

| Who | What |
|---|---|
| The council | voted **no** |

> “It was a *historic* day,” she said.
"""
DRAFTS = (
    SEED,
    *sorted((ROOT / "tests" / "devset" / "articles").glob("*.md")),
)


@pytest.mark.parametrize("text", [MARKED_UP, *(p.read_text(encoding="utf-8") for p in DRAFTS)])
def test_every_source_offset_lands_where_the_parse_puts_it(text: str) -> None:
    doc = parse_document("draft.md", text, make_parser())
    layout = layout_of(doc)
    assert [b.text for b in layout.blocks] == [b.text for b in doc.blocks]
    for laid, block in zip(layout.blocks, doc.blocks, strict=True):
        offsets = block.offsets
        assert (laid.first, laid.last) == (offsets[0], offsets[-1])
        assert laid.line == doc.lines.line_col(offsets[0])[0]
        # Every offset in and around the block, as the report maps a finding's ends.
        for offset in range(offsets[0] - 2, offsets[-1] + 3):
            assert laid.position(offset) == bisect_left(offsets, offset), (block.text, offset)


def test_the_layout_stores_jumps_not_characters() -> None:
    doc = parse_document("draft.md", MARKED_UP, make_parser())
    layout = layout_of(doc)
    heading, paragraph = layout.blocks[0], layout.blocks[1]
    assert heading.text == "The storied bridge" and heading.level == 1
    # "The " then "storied" (after the '*') then " bridge" (after the '*').
    assert heading.starts == (0, 4, 11)
    assert len(paragraph.starts) < len(paragraph.text) // 5
    # The writer's paragraphs, list items included, are counted for the chart.
    assert [b.text[:8] for b in layout.blocks if b.body] == ["The mayo", "One item", "Two"]
    # The, mayor, in, a, furious, speech, said, the, will, cost, 4, million
    # (inline code is not prose).
    assert paragraph.words == 12 and paragraph.syllables == 16
    assert next(b for b in layout.blocks if b.in_list).text == "One item with emphasis"
    assert next(b for b in layout.blocks if b.in_blockquote).words == 0  # not the writer's


def test_the_linter_keeps_the_layout_only_when_asked(tmp_path: Path) -> None:
    source = SourceText("draft.md", MARKED_UP, "\n")
    kept = Linter(Options(ignore=tuple(NO_LANGUAGETOOL.split(",")), layout=True))
    plain = Linter(Options(ignore=tuple(NO_LANGUAGETOOL.split(","))))
    with_layout = kept.lint_source(source, kept.setup_for(str(tmp_path)))
    without = plain.lint_source(source, plain.setup_for(str(tmp_path)))
    assert without.layout is None
    assert with_layout.layout is not None and with_layout.findings == without.findings
    # It crosses to and from worker processes as plain data.
    assert pickle.loads(pickle.dumps(with_layout.layout)) == with_layout.layout


def test_the_page_is_the_same_from_worker_processes(tmp_path: Path) -> None:
    for number in range(10):  # --jobs uses processes from 8 drafts on
        (tmp_path / f"draft-{number}.md").write_text(MARKED_UP, encoding="utf-8")
    pages = [
        run_cli("--format", "html", "--ignore", NO_LANGUAGETOOL, "--jobs", jobs, str(tmp_path))
        for jobs in ("1", "2")
    ]
    assert [page.returncode for page in pages] == [0, 0], pages[1].stderr
    assert pages[0].stdout == pages[1].stdout
    assert pages[0].stdout.count('<mark class="f fam-loaded') == 10 * 2  # storied, furious
