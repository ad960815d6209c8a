"""Finding direct quotations in block text.

Curly and straight double quotes, nested single quotes, and quotations that
run over several paragraphs (news style opens each paragraph with a quotation
mark and closes only the last). Blockquotes are quoted as a whole by
``Block.in_blockquote``; this module handles quotation marks.
"""

from __future__ import annotations

import re

from newslint.document import Block, Quotation

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_OPEN_SINGLE = "‘"
_CLOSE_SINGLE = "’"
# Only quotation marks matter; the rest of the text is passed over.
_MARKS = re.compile("[“„«”»\"‘’']")


def find_quotations(text: str) -> tuple[Quotation, ...]:
    """Top-level and nested quotation spans of one block, marks included."""
    spans: list[Quotation] = []
    stack: list[tuple[str, int]] = []  # (kind, start)
    n = len(text)
    for mark in _MARKS.finditer(text):
        i, ch = mark.start(), mark.group(0)
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        kind = _mark_kind(ch, before, after, stack)
        if kind == "open-double" or kind == "open-single":
            stack.append((kind, i))
        elif kind == "close-single" and stack and stack[-1][0] == "open-single":
            spans.append(Quotation(stack.pop()[1], i + 1))
        elif kind == "close-double" and any(k == "open-double" for k, _ in stack):
            # Close the double quotation, and any single one left open in it.
            while stack:
                k, start = stack.pop()
                if k == "open-double":
                    spans.append(Quotation(start, i + 1))
                    break
    # A quotation still open at the end of the paragraph runs to its end.
    for kind, start in stack:
        if kind == "open-double":
            spans.append(Quotation(start, n, open_end=True))
    return tuple(sorted(spans, key=lambda q: (q.start, -q.end)))


def _mark_kind(ch: str, before: str, after: str, stack: list[tuple[str, int]]) -> str | None:
    open_double = any(k == "open-double" for k, _ in stack)
    if ch in _OPEN_DOUBLE or ch in _CLOSE_DOUBLE or ch == '"':
        return _double_kind(ch, before, after, open_double)
    if ch == _OPEN_SINGLE:
        return "open-single"
    if ch == _CLOSE_SINGLE or ch == "'":
        return _single_kind(ch, before, after, stack, open_double)
    return None


def _double_kind(ch: str, before: str, after: str, open_double: bool) -> str | None:
    if ch in _OPEN_DOUBLE:
        # “Shadow Commander“: an opening mark glued to a word and followed by a
        # space closes an open quotation (a common typing slip).
        if open_double and not before.isspace() and (after.isspace() or after in ",.;:!?"):
            return "close-double"
        return "open-double"
    if ch in _CLOSE_DOUBLE:
        return "close-double"
    if open_double and not (before.isspace() and after.isalnum()):
        return "close-double"
    return "open-double" if not after.isspace() else None


def _single_kind(
    ch: str, before: str, after: str, stack: list[tuple[str, int]], open_double: bool
) -> str | None:
    single_open = bool(stack) and stack[-1][0] == "open-single"
    # An apostrophe (Iran’s, don’t) has a letter after it.
    if single_open and not after.isalpha():
        return "close-single"
    if ch == "'" and open_double and before.isspace() and after.isalpha():
        return "open-single"
    return None


def mark_continued(blocks: list[Block]) -> None:
    """Flag paragraphs that continue a quotation left open by the one before."""
    previous_open = False
    for block in blocks:
        quotations = block.quotations
        if previous_open and quotations and quotations[0].start == 0:
            first = quotations[0]
            block.quotations = (
                Quotation(first.start, first.end, first.open_end, continued=True),
                *quotations[1:],
            )
        previous_open = any(q.open_end for q in block.quotations)
