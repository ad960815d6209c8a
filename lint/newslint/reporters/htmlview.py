"""The HTML report's view of one draft: its prose cut into plain and flagged runs.

The prose comes from the layout the linter kept when it parsed the draft
(``newslint.layout``), so each block knows the source offset of every
character; a finding's ``start``/``end`` (source offsets) are mapped onto
those characters, never searched for. Findings that cover no prose character
(front matter, whole-draft notes) are listed apart.

Each block's inner HTML is joined here, once, from escaped text and one
fixed ``<mark>`` fragment: a 500-draft report has tens of thousands of
flagged runs, and a template call for each would cost seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup

from newslint.document import PLACEHOLDER
from newslint.findings import Finding
from newslint.layout import LaidBlock, Layout
from newslint.severity import Severity

SYMBOLS = {"error": "✖", "warning": "▲", "suggestion": "◆"}
# A flagged run: family and severity as classes (an underline style and a
# colour), the finding numbers the page's script reads, a symbol where a
# finding ends, and what a screen reader says after the passage.
MARK = (
    '<mark class="f fam-{family} sev-{severity}" tabindex="0" role="button" data-f="{ids}">'
    '{text}{symbol}<span class="sr"> ({severity}: {rule})</span></mark>'
)
SYMBOL = '<sup aria-hidden="true">{}</sup>'
SEVERITY = {severity: str(severity) for severity in Severity}


@dataclass(frozen=True)
class ProseBlock:
    """A block as the editor reads it: the HTML element and its inner HTML."""

    tag: str  # h3…h6, p, blockquote
    html: Markup  # the text, escaped, with its flagged runs marked
    css: str = ""  # "item" for a list item, "cell" for a table cell


@dataclass(frozen=True)
class DraftText:
    """The rendered prose of a draft, and the findings that fell outside it."""

    blocks: tuple[ProseBlock, ...]
    outside: tuple[int, ...]
    paragraphs: tuple[LaidBlock, ...]  # body paragraphs, for the chart


def draft_text(layout: Layout, findings: Sequence[Finding]) -> DraftText:
    """Cut the draft's prose into runs; ``findings`` are referred to by index."""
    placed: set[int] = set()
    blocks = []
    for block, near in zip(layout.blocks, _nearby(layout.blocks, findings), strict=True):
        html = block_html(block, findings, near, placed)
        blocks.append(ProseBlock(_tag(block), html, _css(block)))
    outside = tuple(i for i in range(len(findings)) if i not in placed)
    paragraphs = tuple(block for block in layout.blocks if block.body)
    return DraftText(tuple(blocks), outside, paragraphs)


def _nearby(blocks: Sequence[LaidBlock], findings: Sequence[Finding]) -> list[list[int]]:
    """For each block, the findings whose source span meets the block's.

    One pass over findings sorted by start, keeping those still open, rather
    than every finding for every block (a long draft has hundreds of each).
    """
    order = sorted(range(len(findings)), key=lambda i: findings[i].start)
    nearby: list[list[int]] = []
    open_: list[int] = []
    taken, previous = 0, -1
    for block in blocks:
        if not block.text:
            nearby.append([])
            continue
        first, last = block.first, block.last
        if first < previous:  # a block out of source order: start the pass again
            open_, taken = [], 0
        previous = first
        while taken < len(order) and findings[order[taken]].start <= last:
            open_.append(order[taken])
            taken += 1
        open_ = [i for i in open_ if findings[i].end > first]
        nearby.append(open_)
    return nearby


def block_html(
    block: LaidBlock, findings: Sequence[Finding], near: Sequence[int], placed: set[int]
) -> Markup:
    """The block's text as HTML, each run marked with the findings covering all of it."""
    spans: dict[int, tuple[int, int]] = {}  # finding → its block-text span
    for number in near:
        finding = findings[number]
        low, high = block.position(finding.start), block.position(finding.end)
        if low < high:
            spans[number] = (low, high)
            placed.add(number)
    if not spans:
        return Markup(_shown(block.text))
    cuts = sorted({0, len(block.text), *(p for span in spans.values() for p in span)})
    pieces = []
    for start, end in pairwise(cuts):
        marks = [n for n, (low, high) in spans.items() if low <= start and end <= high]
        text = _shown(block.text[start:end])
        pieces.append(_marked(text, end, marks, findings, spans) if marks else text)
    return Markup("".join(pieces))


def _marked(
    text: str,
    end: int,
    marks: list[int],
    findings: Sequence[Finding],
    spans: dict[int, tuple[int, int]],
) -> str:
    """A flagged run, with a symbol where a finding ends (the worst of those ending)."""
    # The narrowest finding first: a flagged word inside a flagged sentence
    # shows as the word's family, and its message comes first.
    marks.sort(key=lambda i: findings[i].end - findings[i].start)
    worst = max(findings[i].severity for i in marks)
    ending = [findings[i].severity for i in marks if spans[i][1] == end]
    # Rule ids are [a-z0-9.-] (the pack schema's pattern): nothing to escape.
    rule = findings[marks[0]].rule
    return MARK.format(
        family=rule.split(".", 1)[0],
        severity=SEVERITY[worst],
        ids=" ".join(map(str, marks)),
        text=text,
        symbol=SYMBOL.format(SYMBOLS[SEVERITY[max(ending)]]) if ending else "",
        rule=rule,
    )


def _shown(text: str) -> str:
    """The text escaped for HTML, as markupsafe escapes it (plain ``str.replace``s
    are several times faster than a Markup per run)."""
    # Inline code and bare links stand in the block text as one placeholder.
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
        .replace(PLACEHOLDER, "…")
    )


def _tag(block: LaidBlock) -> str:
    if block.kind == "heading":
        return f"h{min(max(block.level, 1) + 2, 6)}"  # the page's own h1/h2 come first
    return "blockquote" if block.in_blockquote else "p"


def _css(block: LaidBlock) -> str:
    if block.kind == "table_cell":
        return "cell"
    return "item" if block.in_list else ""
