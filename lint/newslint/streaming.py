"""Writing findings while linting goes on, for formats read line by line.

``text``, ``github`` and ``json-lines`` say each finding on its own line, so
each draft's findings are written as soon as it is linted and then dropped:
a run over 20,000 drafts holds one draft's findings at a time, and a person
watching sees the first findings at once. What the summary and the exit code
need is kept as counts (``Tally``). Formats that are one document (JSON,
SARIF), that show excerpts (pretty) or that need every result first
(``--fix``, ``--diff``) take the ordinary path in ``commands/lint``.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint import exitcodes
from newslint.engine import LintResult
from newslint.findings import Finding
from newslint.severity import Severity

if TYPE_CHECKING:
    import argparse

    from newslint.commands.lint import Plan
    from newslint.reporters import ReportContext, Reporter

STREAMED = frozenset({"text", "github", "json-lines"})


def can_stream(ns: argparse.Namespace) -> bool:
    # On a terminal the progress bar and the lines would share the screen.
    # Byte columns need each draft's text, which the ordinary path reads.
    return (
        ns.format in STREAMED
        and not ns.fix
        and not ns.diff
        and ns.columns != "bytes"
        and not sys.stdout.isatty()
    )


@dataclass
class Tally:
    """What a streamed run remembers: counts, not findings."""

    fail_on: str | None
    files: int = 0
    flagged: int = 0
    unlinted: int = 0
    unlisted: int = 0  # folders that could not be listed
    counts: Counter[Severity] = field(default_factory=Counter)
    failing: bool = False
    problems: bool = False
    internal_error: bool = False
    notices: dict[str, LintResult] = field(default_factory=dict)  # one result per notice

    def add(self, result: LintResult) -> None:
        if result.unlisted:
            self.unlisted += 1
        elif result.counted:
            self.files += 1  # a file that could not be linted is not "clean"
        else:
            self.unlinted += 1
        if result.findings:
            self.flagged += 1
        self.counts.update(f.severity for f in result.findings)
        threshold = Severity.parse(self.fail_on) if self.fail_on else result.fail_on
        self.failing |= any(f.severity >= threshold for f in result.findings)
        self.problems |= bool(result.problems)
        self.internal_error |= result.internal_error
        for notice in result.notices:
            self.notices.setdefault(
                notice,
                LintResult("", notices=[notice], notices_are_errors=result.notices_are_errors),
            )

    def exit_code(self, broken_config: bool) -> int:
        if broken_config or self.internal_error or self.problems:
            return exitcodes.USAGE_OR_CONFIG
        return exitcodes.FINDINGS if self.failing else exitcodes.CLEAN


def run(plan: Plan, reporter: Reporter, color: bool, quiet: bool) -> int:
    """Lint and report draft by draft; the exit code as ``commands.lint.exit_code`` gives it."""
    from newslint.reporters import ReportContext

    fmt = plan.ns.format
    tally = Tally(plan.ns.fail_on, unlinted=plan.unlinted)
    findings_only = ReportContext(files=0, color=color, quiet=True)
    for result in plan.results():
        for problem in result.problems:
            print(str(problem), file=sys.stderr)
        if result.problems and fmt == "github":
            from newslint.reporters.github import problem_command

            sys.stdout.write("".join(problem_command(p) + "\n" for p in result.problems))
        if result.findings:
            sys.stdout.write(_lines(fmt, reporter, result.findings, findings_only))
            sys.stdout.flush()
        tally.add(result)
    broken = say_notices(list(tally.notices.values())) or plan.broken_config
    if not quiet and fmt != "json-lines":
        from newslint.reporters.text import summary_of

        line = summary_of(tally.counts, tally.flagged, tally.files, tally.unlinted, tally.unlisted)
        sys.stdout.write(line + "\n")
    return tally.exit_code(broken)


def _lines(fmt: str, reporter: Reporter, findings: list[Finding], context: ReportContext) -> str:
    if fmt == "github":
        from newslint.reporters.github import command_for

        return "".join(command_for(f) + "\n" for f in findings)
    return reporter(findings, context)


def say_notices(results: list[LintResult]) -> bool:
    """Print each service notice once; true if one of them is an error."""
    said: set[str] = set()
    failed = False
    for result in results:
        for notice in result.notices:
            if notice in said:
                continue
            said.add(notice)
            if result.notices_are_errors:
                failed = True
                print(f"newslint: error: {notice} (LanguageTool is required)", file=sys.stderr)
            else:
                print(f"newslint: note: {notice}; the other checks ran", file=sys.stderr)
    return failed
