"""SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).

One run; ``tool.driver.rules`` describes every rule in the loaded packs (id,
description, why and examples as help, link, default level) so a viewer can
explain a result without newslint. Regions use 1-based code-point columns
(``columnKind: unicodeCodePoints``); SARIF's ``endColumn`` is the column *after*
the last character, unlike our own inclusive ``end_column``.

A draft that could not be read is no result (no rule found anything in it)
but a tool execution notification of level "error" on the run's one
invocation, naming the file (and line): SARIF's way of saying the results
are incomplete (§3.20.21, Appendix I).
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping, Sequence
from pathlib import PurePath, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from newslint import __version__
from newslint.findings import FileProblem, Finding
from newslint.rule import Rule
from newslint.severity import Severity

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.SUGGESTION: "note",
}
# Relative paths are relative to where newslint ran: the checkout root in CI.
SOURCE_ROOT = "%SRCROOT%"


def artifact_location(path: str) -> dict[str, str]:
    """A URI reference for ``path``: relative stays relative (with a base id)."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    posix = posixpath.normpath(PurePosixPath(*pure.parts).as_posix())
    return {"uri": quote(posix), "uriBaseId": SOURCE_ROOT}


def region(finding: Finding) -> dict[str, int]:
    # An empty span (an insertion point) ends where it starts.
    end_column = finding.column if finding.end <= finding.start else finding.end_column + 1
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": end_column,
    }


def help_text(rule: Rule) -> tuple[str, str]:
    """The rule's why and examples as plain text and as Markdown."""
    text = [rule.why or rule.description]
    markdown = [rule.why or rule.description]
    for title, examples in (("Flagged", rule.bad_examples), ("Not flagged", rule.good_examples)):
        if examples:
            text.append(f"{title}:\n" + "\n".join(f"  - {e}" for e in examples))
            markdown.append(f"**{title}:**\n\n" + "\n".join(f"- {e}" for e in examples))
    return "\n\n".join(text), "\n\n".join(markdown)


def rule_descriptor(rule_id: str, rule: Rule | None) -> dict[str, Any]:
    if rule is None:  # a finding from a rule the packs do not list
        return {"id": rule_id, "properties": {"tags": [rule_id.split(".", 1)[0]]}}
    text, markdown = help_text(rule)
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": " ".join((rule.why or rule.description).split())},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        # SARIF tags are a set: an "attribution" rule of kind "attribution" has one.
        "properties": {"tags": list(dict.fromkeys((rule.family, rule.kind)))},
    }
    if rule.link.startswith(("http://", "https://")):
        descriptor["helpUri"] = rule.link
    return descriptor


def fixes(finding: Finding) -> list[dict[str, Any]]:
    if not finding.fixable or finding.suggestion is None:
        return []
    return [
        {
            "description": {"text": f"Replace with “{finding.suggestion}”"},
            "artifactChanges": [
                {
                    "artifactLocation": artifact_location(finding.path),
                    "replacements": [
                        {
                            "deletedRegion": region(finding),
                            "insertedContent": {"text": finding.suggestion},
                        }
                    ],
                }
            ],
        }
    ]


def result(finding: Finding, index: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(finding.path),
                    "region": region(finding),
                }
            }
        ],
    }
    found = fixes(finding)
    if found:
        item["fixes"] = found
    return item


def notification(problem: FileProblem) -> dict[str, Any]:
    """A draft newslint could not read, as a toolExecutionNotification on that file."""
    location: dict[str, Any] = {"artifactLocation": artifact_location(problem.path)}
    if problem.line:
        location["region"] = {"startLine": problem.line}
    return {
        "level": "error",
        "message": {"text": problem.message},
        "locations": [{"physicalLocation": location}],
    }


def invocation(problems: Sequence[FileProblem]) -> dict[str, Any]:
    """The run's invocation: it went through every draft; unreadable ones are notifications."""
    item: dict[str, Any] = {"executionSuccessful": True}
    if problems:
        item["toolExecutionNotifications"] = [notification(p) for p in problems]
    return item


def log(
    findings: list[Finding], rules: Mapping[str, Rule], problems: Sequence[FileProblem] = ()
) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    ids = sorted(set(rules) | {f.rule for f in findings})
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    driver = {
        "name": "newslint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [rule_descriptor(rule_id, rules.get(rule_id)) for rule_id in ids],
    }
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation(problems)],
        "results": [result(f, index[f.rule]) for f in findings],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def report(findings: list[Finding], context: ReportContext) -> str:
    sarif = log(findings, context.rules, context.problems)
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
