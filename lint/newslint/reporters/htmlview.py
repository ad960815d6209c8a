"""The HTML report's view of one draft: its prose cut into plain and flagged runs.

The draft is parsed again with the linter's own parser, so each prose block
keeps the source offset of every character; a finding's ``start``/``end``
(source offsets) are mapped onto those characters, never searched for.
Findings that cover no prose character (front matter, whole-draft notes)
are listed apart.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markdown_it import MarkdownIt

from newslint.document import PLACEHOLDER, Block
from newslint.findings import Finding
from newslint.parse import parse_document


@dataclass(frozen=True)
class Run:
    """A stretch of block text and the findings (by number) that cover it."""

    text: str
    marks: tuple[int, ...] = ()
    severity: str = ""  # the worst of the covering findings
    rule: str = ""  # the narrowest covering finding's rule
    closes: str = ""  # the worst severity of the findings that end in this run
    start: int = 0  # block-text positions
    end: int = 0

    @property
    def family(self) -> str:
        return self.rule.split(".", 1)[0]

    @property
    def ids(self) -> str:
        """The findings' numbers, as the page's script reads them."""
        return " ".join(map(str, self.marks))

    @property
    def label(self) -> str:
        """What a screen reader says after the passage."""
        return f"{self.severity}: {self.rule}"


@dataclass(frozen=True)
class ProseBlock:
    """A block as the editor reads it: the HTML element and its runs."""

    tag: str  # h3…h6, p, blockquote
    runs: tuple[Run, ...]
    css: str = ""  # "item" for a list item, "cell" for a table cell


@dataclass(frozen=True)
class DraftText:
    """The rendered prose of a draft, and the findings that fell outside it."""

    blocks: tuple[ProseBlock, ...]
    outside: tuple[int, ...]
    paragraphs: tuple[Block, ...]  # body paragraphs, for the chart


def draft_text(
    path: str, source: str, findings: Sequence[Finding], parser: MarkdownIt
) -> DraftText:
    """Cut the draft's prose into runs; ``findings`` are referred to by index.

    Raises InputError when the front matter is broken (the linter said so already).
    """
    doc = parse_document(path, source, parser)
    placed: set[int] = set()
    blocks = []
    for block, near in zip(doc.blocks, _nearby(doc.blocks, findings), strict=True):
        runs = block_runs(block, findings, near, placed)
        blocks.append(ProseBlock(_tag(block), runs, _css(block)))
    outside = tuple(i for i in range(len(findings)) if i not in placed)
    # The writer's paragraphs: blockquotes are someone else's prose.
    paragraphs = tuple(
        b for b in doc.blocks if b.kind == "paragraph" and b.sentences and not b.in_blockquote
    )
    return DraftText(tuple(blocks), outside, paragraphs)


def _nearby(blocks: Sequence[Block], findings: Sequence[Finding]) -> list[list[int]]:
    """For each block, the findings whose source span meets the block's.

    One pass over findings sorted by start, keeping those still open, rather
    than every finding for every block (a long draft has hundreds of each).
    """
    order = sorted(range(len(findings)), key=lambda i: findings[i].start)
    nearby: list[list[int]] = []
    open_: list[int] = []
    taken, previous = 0, -1
    for block in blocks:
        if not block.offsets:
            nearby.append([])
            continue
        first, last = block.offsets[0], block.offsets[-1]
        if first < previous:  # a block out of source order: start the pass again
            open_, taken = [], 0
        previous = first
        while taken < len(order) and findings[order[taken]].start <= last:
            open_.append(order[taken])
            taken += 1
        open_ = [i for i in open_ if findings[i].end > first]
        nearby.append(open_)
    return nearby


def block_runs(
    block: Block, findings: Sequence[Finding], near: Sequence[int], placed: set[int]
) -> tuple[Run, ...]:
    """The block's text as runs, each with the findings covering all its characters."""
    if not block.offsets:
        return ()
    spans: dict[int, tuple[int, int]] = {}  # finding → its block-text span
    for number in near:
        finding = findings[number]
        # Offsets grow along the block, so the finding is one slice of it.
        low = bisect_left(block.offsets, finding.start)
        high = bisect_left(block.offsets, finding.end)
        if low < high:
            spans[number] = (low, high)
            placed.add(number)
    if not spans:
        return (Run(_shown(block.text), start=0, end=len(block.text)),)
    cuts = sorted({0, len(block.text), *(p for span in spans.values() for p in span)})
    runs = []
    for start, end in pairwise(cuts):
        marks = tuple(n for n, (low, high) in spans.items() if low <= start and end <= high)
        runs.append(_flagged(block.text[start:end], start, end, marks, findings, spans))
    return tuple(runs)


def _flagged(
    text: str,
    start: int,
    end: int,
    marks: tuple[int, ...],
    findings: Sequence[Finding],
    spans: dict[int, tuple[int, int]],
) -> Run:
    """A run with its severity, and a symbol where a finding ends (one per finding)."""
    if not marks:
        return Run(_shown(text), start=start, end=end)
    # The narrowest finding first: a flagged word inside a flagged sentence
    # shows as the word's family, and its message comes first.
    marks = tuple(sorted(marks, key=lambda i: findings[i].end - findings[i].start))
    worst = max(findings[i].severity for i in marks)
    ending = [findings[i].severity for i in marks if spans[i][1] == end]
    closes = str(max(ending)) if ending else ""
    return Run(_shown(text), marks, str(worst), findings[marks[0]].rule, closes, start, end)


def _shown(text: str) -> str:
    # Inline code and bare links stand in the block text as one placeholder.
    return text.replace(PLACEHOLDER, "…")


def _tag(block: Block) -> str:
    if block.kind == "heading":
        return f"h{min(max(block.level, 1) + 2, 6)}"  # the page's own h1/h2 come first
    return "blockquote" if block.in_blockquote else "p"


def _css(block: Block) -> str:
    if block.kind == "table_cell":
        return "cell"
    return "item" if block.in_list else ""
