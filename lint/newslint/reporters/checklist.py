"""``--format checklist``: a Markdown fact-check sheet for the verification desk.

Every checkable claim of each draft, in order, as a task list: first the
claims with no source, then the attributed ones, each with its line, its
source and the names, numbers and dates to check. The claims come from the
attribution rules' findings and the facts from their ``data``:
``attribution.unattributed-claim`` for claims with no source, and
``attribution.claim`` (off by default, so it never shows in other formats;
the command line turns it on for this format) for attributed ones. Other
findings are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.findings import Finding

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

UNATTRIBUTED_RULE = "attribution.unattributed-claim"
ATTRIBUTED_RULE = "attribution.claim"
# Families listed first, before the claims: facts that disagree within the draft.
FIRST = ("facts.",)
# What this format needs switched on (read by the command line).
RULES = (UNATTRIBUTED_RULE, ATTRIBUTED_RULE, "facts")

_MARKDOWN = re.compile(r"([\\`*_\[\]<])")


@dataclass(frozen=True)
class Claim:
    """One line of the sheet."""

    line: int
    start: int
    text: str
    source: str
    names: str
    numbers: str
    dates: str

    @classmethod
    def of(cls, finding: Finding) -> Claim:
        data = dict(finding.data)
        return cls(
            line=finding.line,
            start=finding.start,
            text=data.get("text", ""),
            source=data.get("source", ""),
            names=data.get("names", ""),
            numbers=data.get("numbers", ""),
            dates=data.get("dates", ""),
        )


def report(findings: list[Finding], context: ReportContext) -> str:
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.rule in RULES or finding.rule.startswith(FIRST):
            by_path.setdefault(finding.path, []).append(finding)
    if not by_path:
        files = context.files
        return f"No checkable claims found in {files} file{'s' if files != 1 else ''}.\n"
    return "\n".join(sheet(path, claims) for path, claims in by_path.items())


def sheet(path: str, findings: list[Finding]) -> str:
    """The fact-check sheet of one draft."""
    ordered = sorted(findings, key=lambda f: f.start)
    unattributed = [Claim.of(f) for f in ordered if f.rule == UNATTRIBUTED_RULE]
    attributed = [Claim.of(f) for f in ordered if f.rule == ATTRIBUTED_RULE]
    total = len(unattributed) + len(attributed)
    lines = [
        f"# Fact-check sheet: {path}",
        "",
        f"{total} claim{'s' if total != 1 else ''} to check: "
        f"{len(unattributed)} with no source, {len(attributed)} attributed.",
    ]
    first = [f for f in ordered if f.rule.startswith(FIRST)]
    if first:
        lines += ["", "## Facts that disagree", "", *_first_items(first)]
    if unattributed:
        lines += ["", "## No source given", "", *_items(unattributed, with_source=False)]
    if attributed:
        lines += ["", "## Attributed", "", *_items(attributed, with_source=True)]
    return "\n".join(lines) + "\n"


def _items(claims: Iterable[Claim], with_source: bool) -> list[str]:
    lines = []
    for claim in claims:
        lines.append(f"- [ ] **Line {claim.line}:** {_escape(claim.text)}")
        if with_source:
            lines.append(f"  - Source: {_escape(claim.source or 'not named')}")
        facts = (("Names", claim.names), ("Numbers", claim.numbers), ("Dates", claim.dates))
        lines += [f"  - {label}: {_escape(value)}" for label, value in facts if value]
    return lines


def _first_items(findings: Iterable[Finding]) -> list[str]:
    """One line per disagreement: where, what, and the other line it names."""
    return [f"- [ ] **Line {f.line}:** {_escape(f.message)} ({f.rule})" for f in findings]


def _escape(text: str) -> str:
    """Keep the draft's words literal: no stray emphasis, links or HTML."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))
