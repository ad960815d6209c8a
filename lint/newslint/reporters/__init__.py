"""Output formats, one module each, chosen from this literal table.

A reporter is a pure function of the findings; it returns text and never
prints. Problems (files that could not be linted) go to stderr separately.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING

from newslint.findings import FileProblem, Finding
from newslint.rule import Rule

if TYPE_CHECKING:
    from newslint.layout import Layout  # only --format html imports it


@dataclass(frozen=True)
class ReportContext:
    """What a reporter may need besides the findings."""

    files: int
    color: bool = False
    rules: Mapping[str, Rule] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)  # path → text, for excerpts
    quiet: bool = False  # findings only: no summary line or table
    # path → the draft's prose as the linter parsed it, every linted draft
    # (clean ones too), for the HTML report (Options.layout).
    layouts: Mapping[str, Layout] = field(default_factory=dict)
    # Drafts that could not be read or parsed (also one line each on stderr),
    # for the formats that are a whole report: SARIF, HTML.
    problems: Sequence[FileProblem] = ()
    # Drafts not linted (unreadable, or under a broken config): the summary
    # counts them, so "No findings" is never all a run that linted nothing says.
    unlinted: int = 0
    unlisted: int = 0  # folders that could not be listed, counted apart from drafts


Reporter = Callable[[list[Finding], ReportContext], str]


# Format name → the module that writes it; a module is imported only when its
# format is chosen, so the default run pays for one reporter.
FORMATS = {
    "text": "text",
    "pretty": "pretty",
    "json": "json_format",
    "json-lines": "json_lines",
    "checklist": "checklist",
    "checklist-csv": "checklist_csv",
    "checklist-json": "checklist_json",
    "github": "github",
    "sarif": "sarif",
    "rdjson": "rdjson",
    "markdown": "markdown",
    "html": "html",
}


def reporters() -> dict[str, Reporter]:
    """The formats by name."""
    return {name: _loader(module) for name, module in FORMATS.items()}


def _loader(module: str) -> Reporter:
    def report(findings: list[Finding], context: ReportContext) -> str:
        if module == "text" and context.quiet:
            # Editors and scripts that want the finding lines alone.
            from newslint.reporters import text

            return "".join(text.line_for(f, context.color) + "\n" for f in findings)
        reporter = import_module(f"newslint.reporters.{module}")
        return str(reporter.report(findings, context))

    return report
