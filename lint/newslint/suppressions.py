"""Inline suppression comments.

``<!-- newslint-disable RULE... -->`` until ``<!-- newslint-enable [RULE...] -->``,
and ``<!-- newslint-disable-next-line RULE... -->``; naming no rule means all.
Rules may be named by id or by prefix (``loaded``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass

from newslint.document import Document
from newslint.findings import FileProblem, Finding
from newslint.selection import matches, unknown_rule

# Any ``newslint-word`` comment: one that is none of ACTIONS is a misspelt
# directive (``newslint-disabel``, ESLint's ``disable-line``), an error, never
# an ordinary comment that leaves the findings it was meant to hide.
# A colon after the action ("newslint-disable: loaded", as a YAML-minded editor
# writes it) is taken as the space it stands for, not read as a rule named ":".
_DIRECTIVE = re.compile(r"^\s*newslint-([A-Za-z][A-Za-z-]*):?(.*)$", re.S)
ACTIONS = ("disable-next-line", "disable", "enable")
ALL = "*"


@dataclass(frozen=True)
class Suppression:
    """Rules off from ``first_line`` to ``last_line`` (inclusive)."""

    first_line: int
    last_line: int
    rules: tuple[str, ...]

    def covers(self, finding: Finding) -> bool:
        if not self.first_line <= finding.line <= self.last_line:
            return False
        return ALL in self.rules or any(matches(finding.rule, r) for r in self.rules)


@dataclass(frozen=True)
class Directive:
    """One ``newslint-…`` comment: its action, the rules it names, where it is."""

    action: str  # disable-next-line, disable or enable
    rules: tuple[str, ...]  # (ALL,) when it names none
    line: int
    end_line: int  # the comment's last line


def directives(doc: Document, *, misspelt: bool = False) -> Iterator[Directive]:
    """The draft's directives; with ``misspelt``, those whose action is none of ACTIONS."""
    for comment in doc.comments:
        found = _DIRECTIVE.match(comment.text)
        if not found or (found.group(1) in ACTIONS) == misspelt:
            continue
        rules = tuple(r for r in re.split(r"[\s,]+", found.group(2)) if r) or (ALL,)
        line = doc.lines.line_col(comment.offset)[0]
        end_line = doc.lines.line_col(comment.offset + len(comment.text) + 7)[0]
        yield Directive(found.group(1), rules, line, end_line)


def unknown_names(
    doc: Document, known: Collection[str], packs: Mapping[str, Collection[str]] | None = None
) -> list[FileProblem]:
    """A file:line error for each misspelt directive and each rule named that does not exist."""
    from newslint.schema import did_you_mean

    problems = [
        FileProblem(
            doc.path,
            f"unknown directive 'newslint-{d.action}'"
            + (did_you_mean(f"newslint-{d.action}", [f"newslint-{a}" for a in ACTIONS]) or "")
            + "; use newslint-disable, newslint-enable or newslint-disable-next-line",
            d.line,
        )
        for d in directives(doc, misspelt=True)
    ]
    for directive in directives(doc):
        for name in directive.rules:
            why = None if name == ALL else unknown_rule(name, known, packs)
            if why:
                message = f"newslint-{directive.action}: {why}"
                problems.append(FileProblem(doc.path, message, directive.line))
    # In the draft's order: misspelt directives were collected first, wherever they stood.
    return sorted(problems, key=lambda p: p.line or 0)


def suppressions(doc: Document) -> list[Suppression]:
    """The suppressed ranges that the document's comments declare."""
    result: list[Suppression] = []
    open_ranges: dict[str, int] = {}
    last = doc.lines.line_count
    for directive in directives(doc):
        rules, line = directive.rules, directive.line
        if directive.action == "disable-next-line":
            result.append(Suppression(directive.end_line + 1, directive.end_line + 1, rules))
        elif directive.action == "disable":
            for rule in rules:
                open_ranges.setdefault(rule, line)
        else:
            closing = rules if rules != (ALL,) else tuple(open_ranges)
            for rule in closing:
                if rule in open_ranges:
                    result.append(Suppression(open_ranges.pop(rule), line, (rule,)))
    result.extend(Suppression(start, last, (rule,)) for rule, start in open_ranges.items())
    return result


def apply(findings: list[Finding], ranges: list[Suppression]) -> list[Finding]:
    if not ranges:
        return findings
    return [f for f in findings if not any(r.covers(f) for r in ranges)]
