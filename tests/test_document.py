"""The document model: prose only, with exact positions back into the source."""

from __future__ import annotations

import pytest

from newslint.document import HEADING, QUOTE, VOICE
from newslint.markdown import make_parser
from newslint.parse import parse_document


def parse(text: str):
    return parse_document("d.md", text, make_parser())


def position_of(doc, word: str) -> tuple[int, int]:
    """Line and column, via the model, of the first prose occurrence of ``word``."""
    for block in doc.blocks:
        at = block.text.find(word)
        if at != -1:
            return doc.lines.line_col(block.source_offset(at))
    raise AssertionError(f"{word!r} is not in any prose block")


SOURCE = """---
title: The strike
tags: [iran]
---
# US *kills* Soleimani

The [storied **general**](https://example.com/storied) died at 1:05 a.m.
Second line with `storied code` and an &amp; entity and \\*stars\\*.

- item one
  - nested *legendary* item

> “Quoted words,” he said.

| Name | Role |
|------|------|
| Qassim | iconic commander |

```
fenced storied code
```

    indented storied code

A bare URL https://example.com/mythical/page stays out. <span>html</span> mythical
"""


@pytest.mark.parametrize(
    ("word", "line", "column"),
    [
        ("kills", 5, 7),
        ("storied", 7, 6),
        ("general", 7, 16),
        ("died", 7, 56),
        ("Second", 8, 1),
        ("entity", 8, 46),
        ("stars", 8, 59),
        ("item one", 10, 3),
        ("legendary", 11, 13),
        ("Quoted", 13, 4),
        ("Qassim", 17, 3),
        ("iconic", 17, 12),
        ("mythical", 25, 75),
    ],
)
def test_words_map_back_to_their_line_and_column(word: str, line: int, column: int) -> None:
    assert position_of(parse(SOURCE), word) == (line, column)


@pytest.mark.parametrize(
    "hidden",
    [
        "title",
        "iran",
        "example.com",
        "storied code",
        "fenced",
        "indented",
        "mythical/page",
        "<span>",
    ],
)
def test_code_urls_html_and_front_matter_are_not_prose(hidden: str) -> None:
    prose = "\n".join(block.text for block in parse(SOURCE).blocks)
    assert hidden not in prose


def test_block_kinds_and_scopes() -> None:
    doc = parse(SOURCE)
    heading = doc.blocks[0]
    assert heading.kind == "heading" and heading.scope_at(0, 2) == HEADING
    quote = next(b for b in doc.blocks if b.in_blockquote)
    assert quote.scope_at(0, 3) == QUOTE
    cell = next(b for b in doc.blocks if b.kind == "table_cell" and b.text == "Qassim")
    assert cell.scope_at(0, 6) == VOICE


def test_crlf_source_keeps_columns() -> None:
    from newslint.reading import decode

    source = decode("d.md", b"# Head\r\n\r\nA storied career.\r\n")
    assert source.newline == "\r\n"
    assert position_of(parse(source.text), "storied") == (3, 3)


def test_astral_characters_count_as_one_column() -> None:
    assert position_of(parse("🙂 A storied career.\n"), "storied") == (1, 5)


def test_front_matter_options_are_read() -> None:
    doc = parse("---\nnewslint:\n  rules:\n    loaded: off\n---\nText.\n")
    assert doc.front_matter == {"rules": {"loaded": False}}


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("Plain words here.\n", "Plain words here."),
        ("Two\nlines, soft break.\n", "Two lines, soft break."),
        ("Hard  \n   break here.\n", "Hard break here."),
        ("Some `code span` in it.\n", "Some \ufffc in it."),
        ("An <!-- note --> comment.\n", "An  comment."),
        ("*em* **strong** ~~gone~~ words.\n", "em strong ~~gone~~ words."),
        (
            'A [link](https://x.org "t") and [ref][r] end.\n\n[r]: https://y.org\n',
            "A link and ref end.",
        ),
        ("An autolink <https://x.org/a> ends.\n", "An autolink  ends."),
        ("An image ![alt text](pic.png) ends.\n", "An image  ends."),
        ("Tom &amp; Jerry \\*starred\\*.\n", "Tom & Jerry *starred*."),
    ],
    ids=[
        "text",
        "softbreak",
        "hardbreak",
        "code",
        "html",
        "emphasis",
        "links",
        "autolink",
        "image",
        "entities-escapes",
    ],
)
def test_each_inline_token_keeps_every_character_at_its_source(source: str, text: str) -> None:
    """The prose a block keeps, and each of its characters' place in the source."""
    block = parse(source).blocks[0]
    assert block.text == text
    for pos, char in enumerate(block.text):
        at = block.source_offset(pos)
        if char == " " and source[at] == "\n":
            continue  # a line break stands for a space
        if char == "\ufffc":
            assert source[at] == "`"  # the placeholder sits on the code span
        elif char == "&":
            assert source[at : at + 5] == "&amp;"
        else:
            assert source[at] == char, (pos, char, at)
