"""reviewdog's Diagnostic Format (rdjson): ``reviewdog -f=rdjson``.

reviewdog counts columns in UTF-8 *bytes* and its range end is exclusive, so
a curly quote before a finding moves its column by two. The draft's text
(``ReportContext.sources``) gives the bytes; without it the code-point columns
are used, which is right for ASCII lines. Fixable findings carry their
replacement as ``suggestions``, which reviewdog posts as suggested changes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from newslint.findings import Finding
from newslint.positions import LineIndex
from newslint.rule import Rule
from newslint.severity import Severity

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

SEVERITIES = {
    Severity.ERROR: "ERROR",
    Severity.WARNING: "WARNING",
    Severity.SUGGESTION: "INFO",
}


class _Lines:
    """One draft's lines, for turning code-point columns into byte columns."""

    def __init__(self, text: str | None) -> None:
        self._text = text
        self._index = LineIndex(text) if text is not None else None

    def byte_column(self, line: int, column: int) -> int:
        if self._text is None or self._index is None:
            return column
        start = self._index.line_start(line)
        return len(self._text[start : start + column - 1].encode("utf-8")) + 1


def _range(finding: Finding, lines: _Lines) -> dict[str, Any]:
    # finding.end_column is inclusive; one past it is reviewdog's exclusive end.
    end_column = finding.column if finding.end <= finding.start else finding.end_column + 1
    start = lines.byte_column(finding.line, finding.column)
    end = lines.byte_column(finding.end_line, end_column)
    return {
        "start": {"line": finding.line, "column": start},
        "end": {"line": finding.end_line, "column": end},
    }


def diagnostic(finding: Finding, lines: _Lines, rule: Rule | None) -> dict[str, Any]:
    code: dict[str, str] = {"value": finding.rule}
    if rule is not None and rule.link:
        code["url"] = rule.link
    span = _range(finding, lines)
    item: dict[str, Any] = {
        "message": finding.message,
        "location": {"path": finding.path, "range": span},
        "severity": SEVERITIES[finding.severity],
        "code": code,
    }
    if finding.fixable and finding.suggestion is not None:
        item["suggestions"] = [{"range": span, "text": finding.suggestion}]
    return item


def result(
    findings: list[Finding], sources: Mapping[str, str], rules: Mapping[str, Rule]
) -> dict[str, Any]:
    cache: dict[str, _Lines] = {}
    diagnostics = []
    for finding in findings:
        if finding.path not in cache:
            cache[finding.path] = _Lines(sources.get(finding.path))
        diagnostics.append(diagnostic(finding, cache[finding.path], rules.get(finding.rule)))
    return {"source": {"name": "newslint"}, "diagnostics": diagnostics}


def report(findings: list[Finding], context: ReportContext) -> str:
    doc = result(findings, context.sources, context.rules)
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
