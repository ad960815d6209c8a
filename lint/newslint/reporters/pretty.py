"""For a person at a terminal: findings grouped by file, each under its source
line with a caret under the span, then a table of counts by rule family.

The default when standard output is a terminal. rich is imported only here,
so ``newslint draft.md | …`` and editors never pay for it. Markdown paragraphs
are often one long line, so the excerpt is a window around the span rather
than the whole line, and nothing depends on the terminal's width.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from newslint.findings import Finding
from newslint.positions import LineIndex
from newslint.reporters.text import summary
from newslint.rule import FAMILIES
from newslint.severity import Severity

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from newslint.reporters import ReportContext

WINDOW = 72  # characters of a long source line shown around the span
LEAD = 24  # of which before the span, when the line must be cut
ELLIPSIS = "…"
STYLES = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.SUGGESTION: "cyan",
}
LEVELS = (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)


@dataclass(frozen=True)
class Excerpt:
    """What to show of one source line: the text and where the marker goes."""

    text: str
    marker_start: int  # in characters of ``text``
    marker_width: int


def excerpt(line_text: str, column: int, width: int) -> Excerpt:
    """A window of ``line_text`` around the span [column, column + width) (1-based)."""
    shown = line_text.replace("\t", " ")
    start = min(column - 1, len(shown))
    width = max(1, width)
    if len(shown) <= WINDOW:
        return Excerpt(shown, start, width)
    left = max(0, start - LEAD)
    right = min(len(shown), left + WINDOW)
    left = max(0, right - WINDOW)
    prefix = ELLIPSIS if left > 0 else ""
    suffix = ELLIPSIS if right < len(shown) else ""
    text = prefix + shown[left:right] + suffix
    marker_start = len(prefix) + start - left
    return Excerpt(text, marker_start, max(1, min(width, right - start)))


def _span_width(finding: Finding, line_length: int) -> int:
    if finding.end <= finding.start:
        return 1
    if finding.end_line != finding.line:
        return line_length - finding.column + 1  # to the end of the first line
    return finding.end_column - finding.column + 1


def _excerpt_for(finding: Finding, lines: _Source) -> Excerpt | None:
    line_text = lines.line(finding.line)
    if line_text is None:
        return None
    return excerpt(line_text, finding.column, _span_width(finding, len(line_text)))


class _Source:
    """One draft's text, split into lines on demand."""

    def __init__(self, text: str | None) -> None:
        self._text = text
        self._index = LineIndex(text) if text is not None else None

    def line(self, number: int) -> str | None:
        if self._text is None or self._index is None or number > self._index.line_count:
            return None
        start = self._index.line_start(number)
        end = self._text.find("\n", start)
        return self._text[start : end if end != -1 else len(self._text)]


def _print_finding(console: Console, finding: Finding, source: _Source) -> None:
    from rich.cells import cell_len
    from rich.text import Text

    style = STYLES[finding.severity]
    head = Text("  ")
    head.append(f"{finding.line}:{finding.column}", style="bold")
    head.append("  ")
    head.append(str(finding.severity), style=style)
    head.append(f"  {finding.message}  ")
    head.append(finding.rule, style="dim")
    console.print(head)
    shown = _excerpt_for(finding, source)
    if shown is None:
        return
    console.print(Text.assemble((f"{finding.line:>6} │ ", "dim"), shown.text))
    pad = cell_len(shown.text[: shown.marker_start])
    marks = shown.text[shown.marker_start : shown.marker_start + shown.marker_width]
    # Text.assemble, not Text(..., style=): a base style would tint the whole line.
    marker = Text.assemble((" " * 6 + " │ ", "dim"), " " * pad)
    marker.append("^" * max(1, cell_len(marks)), style=style)
    if finding.fixable and finding.suggestion is not None:  # what --fix would write
        marker.append(f" → {finding.suggestion or '(delete)'}", style="green")
    console.print(marker)


def _families(findings: Iterable[Finding]) -> list[str]:
    present = {f.rule.split(".", 1)[0] for f in findings}
    known = [family for family in FAMILIES if family in present]
    return known + sorted(present - set(FAMILIES))


def table(findings: list[Finding]) -> Table:
    """Counts by rule family and severity, with a total row."""
    from rich import box
    from rich.table import Table

    counts = Counter((f.rule.split(".", 1)[0], f.severity) for f in findings)
    grid = Table(box=box.SIMPLE, show_footer=True, pad_edge=False, show_edge=False)
    grid.add_column("rule family", footer="total")
    for level in LEVELS:
        total = sum(1 for f in findings if f.severity == level)
        grid.add_column(f"{level}s", justify="right", style=STYLES[level], footer=str(total))
    grid.add_column("total", justify="right", footer=str(len(findings)))
    for family in _families(findings):
        row = [counts[(family, level)] for level in LEVELS]
        grid.add_row(family, *(str(n) if n else "·" for n in row), str(sum(row)))
    return grid


def _by_file(findings: list[Finding]) -> Iterator[tuple[str, list[Finding]]]:
    for path, group in groupby(findings, key=lambda f: f.path):
        yield path, list(group)


def report(findings: list[Finding], context: ReportContext) -> str:
    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out,
        width=100,
        force_terminal=context.color,
        no_color=not context.color,
        color_system="standard" if context.color else None,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
    )
    for path, group in _by_file(findings):
        console.print(Text(path, style="bold underline"))
        source = _Source(context.sources.get(path))
        for finding in group:
            _print_finding(console, finding, source)
        console.print()
    if not context.quiet:
        if findings:
            console.print(table(findings))
        console.print(summary(findings, context.files, context.unlinted, context.unlisted))
    # rich pads table cells to the column width; trailing blanks help no one.
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())
