"""``path:line:col: severity: message [rule.id]``, one finding a line, then a summary.

Editors (Vim's errorformat, VS Code problem matchers, Emacs compilation mode)
and CI parse this line; keep it stable.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newslint.findings import Finding, escape_path
from newslint.severity import Severity

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

_COLORS = {
    Severity.ERROR: "\033[31m",
    Severity.WARNING: "\033[33m",
    Severity.SUGGESTION: "\033[36m",
}
_RESET = "\033[0m"
_DIM = "\033[2m"


def line_for(finding: Finding, color: bool = False) -> str:
    severity = str(finding.severity)
    rule = f"[{finding.rule}]"
    if color:
        severity = f"{_COLORS[finding.severity]}{severity}{_RESET}"
        rule = f"{_DIM}{rule}{_RESET}"
    path = escape_path(finding.path)
    return f"{path}:{finding.line}:{finding.column}: {severity}: {finding.message} {rule}"


def summary(findings: list[Finding], files: int, unlinted: int = 0, unlisted: int = 0) -> str:
    counts = Counter(f.severity for f in findings)
    return summary_of(counts, len({f.path for f in findings}), files, unlinted, unlisted)


def summary_of(
    counts: Counter[Severity], flagged: int, files: int, unlinted: int = 0, unlisted: int = 0
) -> str:
    """The summary line from counts alone, so a streamed report need not keep findings.

    ``unlinted`` drafts are told at the end: "No findings in 0 files." alone,
    for a draft that was never read, looked like a pass in a PR summary.
    """
    total = sum(counts.values())
    not_linted = f"; {_files(unlinted)} could not be linted" if unlinted else ""
    # A folder is not a file: "1 file could not be linted" sent editors
    # looking for a draft when a whole folder went unread.
    if unlisted:
        not_linted += f"; {unlisted} folder{'s' if unlisted != 1 else ''} could not be read"
    if not total:
        return f"No findings in {_files(files)}{not_linted}."
    parts = [
        f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
        if counts[s]
    ]
    return (
        f"{total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) "
        f"in {flagged} of {_files(files)}{not_linted}."
    )


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"


def report(findings: list[Finding], context: ReportContext) -> str:
    lines = [line_for(f, context.color) for f in findings]
    lines.append(summary(findings, context.files, context.unlinted, context.unlisted))
    return "\n".join(lines) + "\n"
