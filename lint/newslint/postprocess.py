"""After the rules: a chain of small pure steps over the findings.

suppressions → vocabulary → levels → de-duplication → sort.
"""

from __future__ import annotations

from newslint import suppressions
from newslint.document import Document
from newslint.findings import Finding
from newslint.names.forms import strip_possessive
from newslint.phrases import normalise
from newslint.selection import Selection

# Families whose findings are about a word the newsroom may accept.
VOCABULARY_FAMILIES = ("spelling", "names", "loaded", "style")


def run(
    findings: list[Finding], doc: Document, selection: Selection, vocabulary: frozenset[str]
) -> list[Finding]:
    findings = suppressions.apply(findings, suppressions.suppressions(doc))
    findings = accept_vocabulary(findings, doc.source, vocabulary)
    findings = relevel(findings, selection)
    return sort(deduplicate(findings))


def accept_vocabulary(
    findings: list[Finding], source: str, vocabulary: frozenset[str]
) -> list[Finding]:
    """Drop word findings on words the newsroom has accepted."""
    if not vocabulary:
        return findings
    accepted = {normalise(w) for w in vocabulary}
    return [
        f
        for f in findings
        if f.rule.split(".", 1)[0] not in VOCABULARY_FAMILIES
        or normalise(strip_possessive(source[f.start : f.end])) not in accepted
    ]


def relevel(findings: list[Finding], selection: Selection) -> list[Finding]:
    if not selection.overrides:
        return findings
    return [f.with_severity(selection.severity(f.rule, f.severity)) for f in findings]


def deduplicate(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and span (two word lists may list the same word)."""
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for finding in findings:
        key = (finding.rule, finding.start, finding.end)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


def sort(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: f.sort_key)
