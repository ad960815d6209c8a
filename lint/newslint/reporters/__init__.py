"""Output formats, one module each, chosen from this literal table.

A reporter is a pure function of the findings; it returns text and never
prints. Problems (files that could not be linted) go to stderr separately.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from newslint.findings import Finding
from newslint.rule import Rule


@dataclass(frozen=True)
class ReportContext:
    """What a reporter may need besides the findings."""

    files: int
    color: bool = False
    rules: Mapping[str, Rule] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)  # path → text, for excerpts
    quiet: bool = False  # findings only: no summary line or table


Reporter = Callable[[list[Finding], ReportContext], str]


def reporters() -> dict[str, Reporter]:
    """The formats by name; imported here so that each loads only when chosen."""
    from newslint.reporters import github, json_format, pretty, rdjson, sarif

    return {
        "text": _text,
        "pretty": pretty.report,
        "json": json_format.report,
        "checklist": _checklist,
        "github": github.report,
        "sarif": sarif.report,
        "rdjson": rdjson.report,
    }


def _text(findings: list[Finding], context: ReportContext) -> str:
    from newslint.reporters import text

    if context.quiet:  # editors and scripts that want the finding lines alone
        return "".join(text.line_for(f, context.color) + "\n" for f in findings)
    return text.report(findings, context)


def _checklist(findings: list[Finding], context: ReportContext) -> str:
    from newslint.reporters import checklist  # the fact-check sheet: loaded only when chosen

    return checklist.report(findings, context)
