"""JSON Lines: one finding a line, each the same object as in the JSON format.

A program can read findings as they come, and a run over thousands of drafts
never holds them all: this format is written while linting goes on.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from newslint.findings import Finding
from newslint.reporters.json_format import as_dict

if TYPE_CHECKING:
    from newslint.reporters import ReportContext


def lines(findings: list[Finding]) -> str:
    return "".join(json.dumps(as_dict(f), ensure_ascii=False) + "\n" for f in findings)


def report(findings: list[Finding], context: ReportContext) -> str:
    return lines(findings)
