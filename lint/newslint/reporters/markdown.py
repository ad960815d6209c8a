"""``--format markdown``: a summary for a pull request (``$GITHUB_STEP_SUMMARY``, a comment).

A heading with the totals, a table of findings by family and severity, then
each draft's findings in a collapsed section (open when there is only one
draft). The draft's words stay literal: table pipes, emphasis marks and HTML
are escaped. GitHub caps a step summary at 1 MiB, so at most ``LIMIT``
findings are listed, and the rest are counted.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from newslint.findings import Finding
from newslint.reporters.text import summary
from newslint.severity import Severity

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

LIMIT = 1000
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
SYMBOLS = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.SUGGESTION: "◆"}
_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def report(findings: list[Finding], context: ReportContext) -> str:
    title = f"## newslint: {summary(findings, context.files, context.unlinted, context.unlisted)}"
    # A draft that could not be linted is named on the pull request, not
    # only in the job's log that the summary's reader never opens.
    lines = [title, "", *unlinted_list(context), *(family_table(findings) if findings else ())]
    if not findings:
        return "\n".join(lines).rstrip("\n") + "\n"
    lines.append("")
    by_path: dict[str, list[Finding]] = {}
    for finding in findings[:LIMIT]:
        by_path.setdefault(finding.path, []).append(finding)
    for path, found in by_path.items():
        lines += draft_section(path, found, is_open=len(by_path) == 1)
    if len(findings) > LIMIT:
        rest = len(findings) - LIMIT
        lines.append(f"… and {rest} more finding{'s' if rest != 1 else ''}; see the full report.")
        lines.append("")
    return "\n".join(lines)


def unlinted_list(context: ReportContext) -> list[str]:
    if not context.problems:
        return []
    lines = ["Could not be linted:", ""]
    lines += [f"- {_cell(str(problem))}" for problem in context.problems]
    return [*lines, ""]


def family_table(findings: list[Finding]) -> list[str]:
    counts = Counter((f.rule.split(".", 1)[0], f.severity) for f in findings)
    families = sorted({family for family, _ in counts})
    header = " | ".join(f"{SYMBOLS[s]} {s}s" for s in SEVERITIES)
    lines = [f"| Family | {header} |", "|---|" + "--:|" * len(SEVERITIES)]
    for family in families:
        cells = " | ".join(str(counts[family, s]) for s in SEVERITIES)
        lines.append(f"| {family} | {cells} |")
    return lines


def draft_section(path: str, findings: list[Finding], is_open: bool) -> list[str]:
    counts = Counter(f.severity for f in findings)
    told = ", ".join(_count(counts[s], str(s)) for s in SEVERITIES if counts[s])
    details = "<details open>" if is_open else "<details>"
    lines = [
        f"{details}<summary><code>{_html(path)}</code>: {told}</summary>",
        "",
        "| Where | Level | Finding | Rule |",
        "|--:|---|---|---|",
    ]
    for finding in findings:
        message = _cell(finding.message)
        if finding.suggestion:
            message += f" → *{_cell(finding.suggestion)}*"
        where = f"{finding.line}:{finding.column}"
        level = f"{SYMBOLS[finding.severity]} {finding.severity}"
        lines.append(f"| {where} | {level} | {message} | `{finding.rule}` |")
    return [*lines, "", "</details>", ""]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _cell(text: str) -> str:
    """One table cell of the draft's words: one line, nothing read as markup."""
    return _SPECIAL.sub(r"\\\1", _html(" ".join(text.split())))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
