"""``newslint --fix``: apply the suggestions of fixable findings, and nothing else.

Safety first, because these are someone's words:

* only findings marked fixable (the rule says ``fixable: true``) with a
  suggestion; never a span inside a quotation or blockquote, checked here
  again on the parsed draft whatever the rule said; never a span with
  Markdown markup inside it (the source span would not be the words alone);
* edits are made on the file's exact text, so line endings (CRLF, mixed),
  a BOM and every byte outside the edited spans stay as they were;
* overlapping fixes: the earliest wins and the rest wait for the next pass;
  each pass re-lints the new text and applies from the end backwards, until
  nothing is left to fix, so ``--fix`` twice changes nothing the second time;
* a file is written only if its text changed and is still as it was read,
  never if it is read-only (``writeback.py``).
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from newslint.changes import LineSet
from newslint.engine import LintResult
from newslint.errors import ConfigError, InputError
from newslint.findings import FileProblem, Finding
from newslint.linter import Linter
from newslint.markdown import make_parser
from newslint.parse import parse_document
from newslint.positions import LineIndex
from newslint.reading import SourceText, decode
from newslint.writeback import Stamp, read_stamped, write_back

MAX_PASSES = 5
# Inside a span these mean the source is not plain words: emphasis, code,
# links, HTML, escapes, tables, headings.
_MARKUP = re.compile(r"[*_`\[\]<>\\|#~\ufffc]")

Span = tuple[int, int]


@dataclass(frozen=True)
class Applied:
    """One fix made, told as ``path:line:col: fixed: “before” → “after” [rule]``."""

    path: str
    line: int
    column: int
    before: str
    after: str
    rule: str

    def __str__(self) -> str:
        before = self.before.replace("\n", "⏎")
        change = f"“{before}” → “{self.after}”" if self.after else f"deleted “{before.strip()}”"
        return f"{self.path}:{self.line}:{self.column}: fixed: {change} [{self.rule}]"


@dataclass(frozen=True)
class FileFix:
    """What --fix did (or would do) to one file, and what is left to report."""

    path: str
    original: str  # the file's text exactly as read (BOM removed)
    fixed: str
    applied: tuple[Applied, ...]
    result: LintResult  # findings in the fixed text
    bom: bool = False
    read_as: Stamp | None = None  # the file when read, to detect a save meanwhile

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Text:
    """A draft's exact text and the newline-normalised text the linter sees."""

    raw: str
    plain: str
    crlf: tuple[int, ...]  # normalised offsets of the newlines written as CRLF

    @classmethod
    def of(cls, raw: str) -> _Text:
        crlf: list[int] = []
        found = raw.find("\r\n")
        while found != -1:
            crlf.append(found - len(crlf))
            found = raw.find("\r\n", found + 2)
        plain = raw.replace("\r\n", "\n").replace("\r", "\n")
        return cls(raw, plain, tuple(crlf))

    def raw_offset(self, offset: int) -> int:
        return offset + bisect_left(self.crlf, offset)

    def newline(self) -> str:
        return "\r\n" if self.crlf else "\n"

    def apply(self, edits: Sequence[_Edit]) -> _Text:
        """Edits (in normalised offsets, not overlapping) applied from the end backwards."""
        raw = self.raw
        for edit in sorted(edits, key=lambda e: e.start, reverse=True):
            text = edit.text.replace("\n", self.newline())
            raw = raw[: self.raw_offset(edit.start)] + text + raw[self.raw_offset(edit.end) :]
        return _Text.of(raw)


def quotation_spans(path: str, text: str) -> list[Span] | None:
    """Source spans of quotations and blockquotes; None if the draft will not parse."""
    try:
        doc = parse_document(path, text, make_parser())
    except InputError:
        return None
    spans: list[Span] = []
    for block in doc.blocks:
        if block.in_blockquote:
            spans.append(block.source_span(0, len(block.text)))
        spans.extend(block.source_span(q.start, q.end) for q in block.quotations)
    return spans


def _overlaps(start: int, end: int, spans: Iterable[Span]) -> bool:
    # An empty span counts as the character at its position.
    end = max(end, start + 1)
    return any(s < end and start < max(e, s + 1) for s, e in spans)


def _inside(start: int, end: int, zones: Sequence[Span] | None) -> bool:
    return zones is None or _overlaps(start, end, zones)


def is_safe(finding: Finding, text: str, quotes: Sequence[Span]) -> bool:
    """A fix newslint may make on its own: fixable, plain words, outside quotations."""
    if not finding.fixable or finding.suggestion is None:
        return False
    span = text[finding.start : finding.end]
    if span == finding.suggestion or _MARKUP.search(span) or not holds(span, finding.matched):
        return False
    return not _overlaps(finding.start, finding.end, quotes)


def holds(span: str, matched: str) -> bool:
    """Whether the source span is the prose the rule matched (line breaks aside).

    A span that does not hold those words means a position went wrong; a fix
    there would write over other words, so it is refused.
    """
    return span.split() == matched.split()


def choose(findings: Sequence[Finding], text: str, quotes: Sequence[Span]) -> list[Finding]:
    """Safe fixes that do not overlap, the earliest first."""
    chosen: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if not is_safe(finding, text, quotes):
            continue
        if chosen and _overlaps(finding.start, finding.end, [(chosen[-1].start, chosen[-1].end)]):
            continue
        chosen.append(finding)
    return chosen


def line_zones(text: str, lines: LineSet) -> list[Span] | None:
    """The offsets of ``lines`` (1-based) in ``text``; None means everywhere."""
    if lines is None:
        return None
    index = LineIndex(text)
    return [(index.line_start(n), index.line_start(n + 1)) for n in sorted(lines)]


def _shift(pos: int, edits: Sequence[_Edit], at_end: bool) -> int:
    moved = pos
    for edit in edits:
        delta = len(edit.text) - (edit.end - edit.start)
        if pos >= edit.end:
            moved += delta
        elif pos > edit.start:
            moved = moved - (pos - edit.start) + (len(edit.text) if at_end else 0)
    return moved


def shift_zones(zones: list[Span] | None, edits: Sequence[_Edit]) -> list[Span] | None:
    """Changed-line zones after ``edits``, so later passes stay on the same words."""
    if zones is None:
        return None
    return [(_shift(s, edits, False), _shift(e, edits, True)) for s, e in zones]


def _lint(linter: Linter, path: str, text: _Text) -> LintResult:
    setup = linter.setup_for(path)
    return linter.lint_source(SourceText(path, text.plain, text.newline()), setup)


def _applied(path: str, finding: Finding, text: str) -> Applied:
    before, after = text[finding.start : finding.end], finding.suggestion or ""
    return Applied(path, finding.line, finding.column, before, after, finding.rule)


def fix_file(linter: Linter, path: str, lines: LineSet = None) -> FileFix:
    """Apply every safe fix to ``path``'s text (in memory); ``lines`` limits where."""
    data, stamp = read_stamped(path)
    if decode(path, data).encoding != "utf-8":  # the same refusals as linting, and:
        raise InputError("is UTF-16; --fix writes only UTF-8 files, so it was not fixed", path)
    bom = data.startswith(codecs.BOM_UTF8)
    start = current = _Text.of(data.decode("utf-8-sig"))
    zones = line_zones(current.plain, lines)
    applied: list[Applied] = []
    result = _lint(linter, path, current)
    for _ in range(MAX_PASSES):
        quotes = quotation_spans(path, current.plain)
        if result.problems or quotes is None:
            break
        safe = choose(result.findings, current.plain, quotes)
        chosen = [f for f in safe if _inside(f.start, f.end, zones)]
        if not chosen:
            break
        edits = [_Edit(f.start, f.end, f.suggestion or "") for f in chosen]
        applied.extend(_applied(path, f, current.plain) for f in chosen)
        current = current.apply(edits)
        zones = shift_zones(zones, edits)
        result = _lint(linter, path, current)
    return FileFix(path, start.raw, current.raw, tuple(applied), result, bom, stamp)


def encoded(fix: FileFix) -> bytes:
    return (codecs.BOM_UTF8 if fix.bom else b"") + fix.fixed.encode("utf-8")


def unified_diff(fix: FileFix) -> str:
    """``diff -u`` of the fix, ready for ``git apply`` or ``patch -p1``."""
    import difflib  # only --dry-run needs it

    lines = difflib.unified_diff(
        fix.original.splitlines(keepends=True),
        fix.fixed.splitlines(keepends=True),
        fromfile=f"a/{fix.path}",
        tofile=f"b/{fix.path}",
    )
    out = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def not_fixed(problems: Sequence[FileProblem]) -> str:
    """Why a draft with fixable findings was left alone: its own error, by line.

    The error line alone (a disable comment or front matter naming an unknown
    rule) left an editor expecting the fixes that were listed to have been made.
    """
    lines = sorted({p.line for p in problems if p.line})
    where = (
        f"line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))} "
        f"{'have errors' if len(lines) > 1 else 'has an error'}"
        if lines
        else "it has an error"
    )
    return f"could not fix: {where}; not fixed until that is corrected"


def fix_all(
    linter: Linter,
    results: Sequence[LintResult],
    lines_for: dict[str, LineSet],
    write: bool,
    written: Callable[[FileFix], None] | None = None,
) -> tuple[list[LintResult], list[FileFix]]:
    """Fix each linted file that has something fixable; results for the fixed text.

    ``written`` hears of each file as soon as it is written, so a stopped run
    has said what it changed.
    """
    results_out: list[LintResult] = []
    fixes: list[FileFix] = []
    for result in results:
        if not any(f.fixable for f in result.findings):
            results_out.append(result)
            continue
        if result.problems:  # its error is printed; say too that the fixes were held back
            problem = FileProblem(result.path, not_fixed(result.problems))
            results_out.append(replace(result, problems=[*result.problems, problem]))
            continue
        try:
            fix = fix_file(linter, result.path, lines_for.get(result.path))
            if write and fix.changed and fix.read_as is not None:
                write_back(result.path, encoded(fix), fix.read_as)
                if written is not None:
                    written(fix)
        except (OSError, InputError, ConfigError) as exc:
            reason = exc.message if isinstance(exc, InputError | ConfigError) else exc.strerror
            problem = FileProblem(result.path, f"could not fix: {reason or exc}")
            results_out.append(replace(result, problems=[problem]))
            continue
        fixes.append(fix)
        results_out.append(fix.result)
    return results_out, fixes
