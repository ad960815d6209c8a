"""Finding direct quotations in block text.

Curly and straight double quotes, nested single quotes, doubled single marks
used as double ones (‘‘ … ’’, LaTeX style), and quotations that run over
several paragraphs (news style opens each paragraph with a quotation mark and
closes only the last); a quotation whose closing mark is missing ends with
its sentence unless the next paragraph or a document named before it
carries it on. Blockquotes are quoted as a whole by
``Block.in_blockquote``; this module handles quotation marks.

The right single mark ’ is also the apostrophe (Iran’s, don’t, the ministers’
decision, ’90s), so a single quotation opens only at a word start and closes
only at a word end, and a plural possessive (veterans’ events) closes one
only when no later mark could.
"""

from __future__ import annotations

import itertools
import re

from newslint.document import Block, Quotation

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_OPEN_SINGLE = "‘"
_CLOSE_SINGLE = "’"
_SINGLES = "‘’'"
# Only quotation marks matter; the rest of the text is passed over. Two single
# marks in a row stand for one double mark.
_MARKS = re.compile("[‘’']{2}|[“„«”»\"‘’']")
# What may stand before an opening mark: a space, a bracket, a dash, a slash
# or another opening mark.
_BEFORE_OPEN = ' \t\n([{—–-/“„«"‘'


def find_quotations(text: str) -> tuple[Quotation, ...]:
    """Top-level and nested quotation spans of one block, marks included."""
    spans: list[Quotation] = []
    stack: list[tuple[str, int]] = []  # (kind, start)
    n = len(text)
    for mark in _MARKS.finditer(text):
        i, j, ch = mark.start(), mark.end(), mark.group(0)
        before = text[i - 1] if i else " "
        after = text[j] if j < n else " "
        if len(ch) == 2:
            kind = _doubled_kind(before, after, stack)
        elif ch in _SINGLES:
            kind = _single_kind(ch, before, after, stack, text, j)
        else:
            kind = _double_kind(ch, before, after, stack, text, j)
        if kind == "open-double" or kind == "open-single":
            stack.append((kind, i))
        elif kind == "close-single" and stack and stack[-1][0] == "open-single":
            spans.append(Quotation(stack.pop()[1], j))
        elif kind == "close-double" and any(k == "open-double" for k, _ in stack):
            # Close the double quotation, and any single one left open in it.
            while stack:
                k, start = stack.pop()
                if k == "open-double":
                    spans.append(Quotation(start, j))
                    break
    # A quotation still open at the end of the paragraph runs to its end.
    for kind, start in stack:
        if kind == "open-double":
            spans.append(Quotation(start, n, open_end=True))
    return tuple(sorted(spans, key=lambda q: (q.start, -q.end)))


def _double_open(stack: list[tuple[str, int]]) -> bool:
    return any(k == "open-double" for k, _ in stack)


def _double_kind(
    ch: str, before: str, after: str, stack: list[tuple[str, int]], text: str, end: int
) -> str | None:
    open_double = _double_open(stack)
    if ch in _OPEN_DOUBLE:
        # “Shadow Commander“: an opening mark glued to a word and followed by a
        # space closes an open quotation (a common typing slip).
        if open_double and not before.isspace() and (after.isspace() or after in ",.;:!?"):
            return "close-double"
        # "… misguided decision. “However the JSC will …": a quotation opened
        # with a straight mark and closed with a curly one is still one
        # quotation (the marks were typed in two programs), when no curly
        # closing mark follows for the curly one to open a quotation of its own.
        if _straight_double_open(stack, text) and not _curly_close_follows(text, end):
            return "close-double"
        return "open-double"
    if ch in _CLOSE_DOUBLE:
        return "close-double"
    # A straight double quote.
    if open_double and not (before.isspace() and after.isalnum()):
        return "close-double"
    return "open-double" if not after.isspace() else None


def _straight_double_open(stack: list[tuple[str, int]], text: str) -> bool:
    """Whether the innermost open double quotation opened with a straight mark."""
    for kind, start in reversed(stack):
        if kind == "open-double":
            return text[start] == '"'
    return False


def _curly_close_follows(text: str, start: int) -> bool:
    """Whether a curly closing double mark follows before the next opening one."""
    for ch in itertools.islice(text, start, None):  # no copy of the rest of the draft
        if ch in _CLOSE_DOUBLE:
            return True
        if ch in _OPEN_DOUBLE:
            return False
    return False


def _doubled_kind(before: str, after: str, stack: list[tuple[str, int]]) -> str | None:
    """‘‘ or ‘’ opens at a word start, ’’ closes at a word end: double marks."""
    if _double_open(stack) and not before.isspace() and not after.isalnum():
        return "close-double"
    if (before.isspace() or before in _BEFORE_OPEN) and not after.isspace():
        return "open-double"
    return None


def _single_kind(
    ch: str, before: str, after: str, stack: list[tuple[str, int]], text: str, end: int
) -> str | None:
    if before.isalnum() and after.isalnum():
        return None  # an apostrophe inside a word: don’t, rock‘n’roll
    single_open = bool(stack) and stack[-1][0] == "open-single"
    at_word_start = (before.isspace() or before in _BEFORE_OPEN) and after.isalnum()
    if ch == _OPEN_SINGLE:
        return "open-single" if at_word_start else None
    at_word_end = not before.isspace() and not after.isalnum()
    if single_open and at_word_end:
        # veterans’ events: a plural possessive, unless nothing later closes.
        if before in "sS" and after.isspace() and _later_single_close(text, end):
            return None
        return "close-single"
    if ch == "'" and _double_open(stack) and at_word_start:
        return "open-single"
    return None  # ’90s, ’em, a stray mark


def _later_single_close(text: str, start: int) -> bool:
    """Whether a single mark at a word end follows before the double closes."""
    for mark in _MARKS.finditer(text, start):
        ch, i, j = mark.group(0), mark.start(), mark.end()
        if ch in _CLOSE_DOUBLE or len(ch) == 2:
            return False
        if ch in "’'":
            before = text[i - 1]
            after = text[j] if j < len(text) else " "
            if not before.isspace() and not after.isalnum():
                return True
    return False


def mark_continued(blocks: list[Block]) -> None:
    """End unclosed quotations, then flag paragraphs that continue one."""
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        runs_on = following is not None and _opens_paragraph(following)
        block.quotations = _end_unclosed(block, runs_on)
    previous_open = False
    for block in blocks:
        quotations = block.quotations
        if previous_open and quotations and quotations[0].start == 0:
            first = quotations[0]
            block.quotations = (
                Quotation(first.start, first.end, first.open_end, continued=True),
                *quotations[1:],
            )
        n = len(block.text.rstrip())
        previous_open = any(q.open_end and q.end >= n for q in block.quotations)


def _end_unclosed(block: Block, runs_on: bool) -> tuple[Quotation, ...]:
    """Quotations whose closing mark is missing, ended where copy ends them.

    A quotation left open at a paragraph's end runs to it when the next
    paragraph opens with a mark and goes on with it (news style), and when a
    document is named right before it ("… Press Release “The bill …"): a
    document pasted in, whose words are its own to the end. Otherwise the
    closing mark was forgotten, and the quotation ends with its sentence, so
    the writer's sentences after it ("… Treaty. A spokesman for X also
    criticized …") are the writer's. Nobody opens a double quotation inside
    another, so an opening double mark before any closing one ends the first
    there, if its sentence has not ended it before.
    """
    text, quotations = block.text, block.quotations
    ended: dict[int, int] = {}
    for q in quotations:
        if not q.open_end:
            continue
        later = [p.start for p in quotations if p.start > q.start and _opens_double(text, p)]
        if not later and (runs_on or _DOCUMENT_BEFORE.search(text, 0, q.start)):
            continue
        end = min([_sentence_end(block, q.start), *later])
        while end > q.start + 1 and text[end - 1].isspace():
            end -= 1
        ended[q.start] = end
    if not ended:
        return quotations
    kept: list[Quotation] = []
    for q in quotations:
        if q.start in ended:
            kept.append(Quotation(q.start, ended[q.start], open_end=True))
        elif not _stranded(text, q, quotations, ended):
            kept.append(q)
    return tuple(kept)


def _opens_paragraph(block: Block) -> bool:
    return bool(block.quotations) and block.quotations[0].start == 0


# A document named right before a quotation ("Committee … Press Release September 21, 2004").
_DOCUMENT_BEFORE = re.compile(
    r"\b(?:press release|news release|statement|transcript|memo|communiqu[eé]|letter|text|excerpt)"
    r"\b[^.!?]{0,40}$",
    re.I,
)


def _opens_double(text: str, quotation: Quotation) -> bool:
    first = text[quotation.start : quotation.start + 2]
    return first[:1] in _OPEN_DOUBLE or first[:1] == '"' or first in ("‘‘", "''")


def _sentence_end(block: Block, pos: int) -> int:
    for sentence in block.sentences:
        if sentence.start <= pos < sentence.end:
            return sentence.end
    return len(block.text)


def _stranded(
    text: str, quotation: Quotation, quotations: tuple[Quotation, ...], ended: dict[int, int]
) -> bool:
    """A straight single quotation that only an unclosed double one made.

    ``'`` opens a quotation only inside a double one; once that double
    quotation is ended before it, it is an apostrophe or a stray mark.
    """
    if text[quotation.start] != "'":
        return False
    return not any(
        q.start < quotation.start and quotation.end <= ended.get(q.start, q.end)
        for q in quotations
        if q is not quotation
    )
