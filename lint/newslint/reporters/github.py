"""GitHub Actions workflow commands, so findings appear on the pull request's diff.

``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``, one a
line. Columns are 1-based code points and ``endColumn`` is the last character
(inclusive), as in the JSON format. Suggestions become ``notice`` because
GitHub has no fourth level. GitHub shows only the first few annotations of
each level per step; upload SARIF for the full list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.findings import FileProblem, Finding
from newslint.reporters.text import summary
from newslint.severity import Severity

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

LEVELS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.SUGGESTION: "notice",
}


def escape_data(text: str) -> str:
    """The message part: only these three would end or break the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: ``,`` would start the next property and ``:`` end the list."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command_for(finding: Finding) -> str:
    properties = {
        "file": finding.path,
        "line": str(finding.line),
        "col": str(finding.column),
        "endLine": str(finding.end_line),
        "endColumn": str(finding.end_column),
        "title": finding.rule,
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{LEVELS[finding.severity]} {joined}::{escape_data(finding.message)}"


def problem_command(problem: FileProblem) -> str:
    """A draft that could not be linted, as an error annotation on that file.

    The plain line still goes to stderr; this one puts it on the pull request,
    where a binary or non-UTF-8 draft was otherwise only in the job's log.
    """
    properties = {"file": problem.path, **({"line": str(problem.line)} if problem.line else {})}
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::error {joined},title=newslint::{escape_data(problem.message)}"


def report(findings: list[Finding], context: ReportContext) -> str:
    # Drafts that could not be linted first, on the pull request too, not only in the log.
    lines = [problem_command(p) for p in context.problems]
    lines += [command_for(f) for f in findings]
    if not context.quiet:
        lines.append(summary(findings, context.files, context.unlinted, context.unlisted))
    return "".join(line + "\n" for line in lines)
