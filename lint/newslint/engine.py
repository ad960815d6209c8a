"""Running compiled rules over one document and turning marks into findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint import postprocess
from newslint.document import Document
from newslint.errors import NewslintError, ServiceUnavailable
from newslint.findings import FileProblem, Finding
from newslint.kinds.base import Mark
from newslint.packs import Pack
from newslint.patterns import PatternTimeout
from newslint.rule import Rule
from newslint.runcontext import RunContext
from newslint.selection import Selection
from newslint.severity import Severity

if TYPE_CHECKING:
    from newslint.layout import Layout  # only --format html imports it


@dataclass
class LintResult:
    """What linting one draft gave: findings, problems and notices."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    internal_error: bool = False
    fail_on: Severity = Severity.ERROR
    notices: list[str] = field(default_factory=list)  # said once per run, not per file
    notices_are_errors: bool = False  # config ``languagetool: {required: true}``
    layout: Layout | None = None  # the prose, when the run's reporter shows it (Options.layout)
    # The rules ran (perhaps beside problems, such as a misspelt disable
    # comment); a result with problems and no run is a draft not linted.
    linted: bool = False
    # A folder that could not be listed: the summary counts it as a folder
    # ("1 folder could not be read"), not as a file.
    unlisted: bool = False

    @property
    def counted(self) -> bool:
        """Whether the draft counts as linted in the summary ("in N files")."""
        return self.linted or not self.problems


def run_rules(
    doc: Document,
    packs: Iterable[Pack],
    selection: Selection,
    vocabulary: frozenset[str],
    context: RunContext,
) -> LintResult:
    """All findings of the active rules on ``doc``, post-processed and sorted.

    ``context`` is this draft's alone: its memo must not outlive the draft.
    """
    result = LintResult(doc.path, linted=True)
    for pack in packs:
        active = [c for c in pack.checks if selection.is_active(c.rule)]
        if not active:
            continue
        hits = pack.phrases.scan(doc) if pack.phrases else {}
        for check in active:
            rule = check.rule
            rule_hits = [
                h for h in hits.get(rule.id, ()) if rule.covers(h.block.scope_at(h.start, h.end))
            ]
            try:
                for mark in check.run(doc, rule_hits, context):
                    result.findings.append(to_finding(doc, rule, mark))
            except ServiceUnavailable as exc:
                if exc.message not in result.notices:
                    result.notices.append(exc.message)
            except PatternTimeout as exc:
                # A pattern out of time on one huge draft is a rule's limit,
                # not a broken input: say so once and keep the other findings.
                result.notices.append(f"{doc.path}: rule {rule.id} stopped: {exc.message}")
            except NewslintError as exc:
                result.problems.append(FileProblem(doc.path, f"{rule.id}: {exc.message}"))
            except Exception as exc:  # a bug in one rule must not hide the others
                result.internal_error = True
                result.problems.append(
                    FileProblem(doc.path, f"internal error in rule {rule.id}: {exc!r}")
                )
    result.findings = postprocess.run(result.findings, doc, selection, vocabulary)
    return result


def to_finding(doc: Document, rule: Rule, mark: Mark) -> Finding:
    start, end = mark.block.source_span(mark.start, mark.end)
    line, column = doc.lines.line_col(start)
    end_line, end_column = doc.lines.line_col(max(start, end - 1))
    return Finding(
        path=doc.path,
        rule=rule.id,
        severity=mark.severity or rule.severity,
        message=mark.message,
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        suggestion=mark.suggestion,
        fixable=mark.fixable,
        data=mark.data,
        matched=mark.block.text[mark.start : mark.end],
    )
