"""A JSON array of findings: the contract other tools rely on.

Each object: path (as given), line, column, end_line, end_column (1-based,
end inclusive of the last character), rule, severity, message, and
suggestion where there is one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from newslint.findings import Finding

if TYPE_CHECKING:
    from newslint.reporters import ReportContext


def as_dict(finding: Finding) -> dict[str, Any]:
    item: dict[str, Any] = {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "rule": finding.rule,
        "severity": str(finding.severity),
        "message": finding.message,
    }
    if finding.suggestion is not None:
        item["suggestion"] = finding.suggestion
    if finding.data:
        item["data"] = dict(finding.data)
    return item


def report(findings: list[Finding], context: ReportContext) -> str:
    return json.dumps([as_dict(f) for f in findings], indent=2, ensure_ascii=False) + "\n"
