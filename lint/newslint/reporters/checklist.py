"""``--format checklist``: the verification desk's fact-check worksheet, in Markdown.

The rows come from the attribution rules' findings and their ``data``:
``attribution.unattributed-claim`` (claims with no source, high tier as
warnings, background as suggestions), ``attribution.claim`` (attributed
claims) and ``attribution.quote`` (every direct quotation with its
speaker). The last two ship off, so they never show in other formats; the
command line turns them on for the sheet formats. Other findings are left
out.

:func:`sheet_rows` gives the rows as dataclasses, in the sheet's order, for
any format that shows the sheet (``checklist-csv``, ``checklist-json``,
the HTML report). Each row has empty verdict, checked-by and source-link
fields for the desk to fill in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.findings import Finding

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

UNATTRIBUTED_RULE = "attribution.unattributed-claim"
ATTRIBUTED_RULE = "attribution.claim"
QUOTE_RULE = "attribution.quote"
# Families listed first, before the claims: facts that disagree within the draft.
FIRST = ("facts.",)
# What the sheet formats need switched on (read by the command line).
RULES = (UNATTRIBUTED_RULE, ATTRIBUTED_RULE, QUOTE_RULE, "facts")

# The sheet's sections, in the order a desk works through them.
DISAGREEMENT = "facts that disagree"
CHECK_FIRST = "check first"
QUOTATION = "quotation"
BACKGROUND = "background"
SECTIONS = (DISAGREEMENT, CHECK_FIRST, QUOTATION, BACKGROUND)
NO_SOURCE = "no source"
NO_SPEAKER = "no speaker"
# How a vague or anonymous source is written by the attribution rules.
_UNNAMED = ("anonymous", "unnamed")

_MARKDOWN = re.compile(r"([\\`*_\[\]<])")


@dataclass(frozen=True)
class SheetRow:
    """One line of the worksheet: a claim or a quotation to check."""

    path: str
    section: str  # facts that disagree | check first | quotation | background
    kind: str  # disagreement | claim | quotation
    line: int
    column: int
    text: str
    source: str  # who the draft says it comes from; "no source" / "no speaker"
    anonymous: bool  # the source is unnamed or anonymous
    what: str  # why it is on the sheet: "a figure", "a casualty count", "a quotation"…
    # What the fact flags extracted; empty for quotations and disagreements.
    names: str = ""
    numbers: str = ""
    dates: str = ""
    verdict: str = ""
    checked_by: str = ""
    source_link: str = ""

    @property
    def unsourced(self) -> bool:
        return self.source in (NO_SOURCE, NO_SPEAKER)


@dataclass(frozen=True)
class Claim:
    """One claim finding's sheet data, as the HTML report reads it (``Claim.of``)."""

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


FIELDS = (
    "path",
    "section",
    "kind",
    "line",
    "column",
    "text",
    "source",
    "anonymous",
    "what",
    "names",
    "numbers",
    "dates",
    "verdict",
    "checked_by",
    "source_link",
)


def sheet_rows(findings: Iterable[Finding]) -> list[SheetRow]:
    """The worksheet rows of every draft, in order: by file, section, then line."""
    rows = [row for f in findings if (row := _row(f)) is not None]
    order = {path: i for i, path in enumerate(dict.fromkeys(r.path for r in rows))}
    return sorted(rows, key=lambda r: (order[r.path], SECTIONS.index(r.section), r.line, r.column))


def _row(finding: Finding) -> SheetRow | None:
    data = dict(finding.data)
    if finding.rule.startswith(FIRST):
        return SheetRow(
            path=finding.path,
            section=DISAGREEMENT,
            kind="disagreement",
            line=finding.line,
            column=finding.column,
            text=finding.message,
            source=finding.rule,
            anonymous=False,
            what="facts that disagree",
        )
    if finding.rule == QUOTE_RULE:
        speaker = data.get("speaker", "")
        return SheetRow(
            path=finding.path,
            section=QUOTATION,
            kind="quotation",
            line=finding.line,
            column=finding.column,
            text=data.get("text", ""),
            source=speaker or NO_SPEAKER,
            anonymous=speaker.startswith(_UNNAMED),
            what="a quotation",
        )
    if finding.rule not in (UNATTRIBUTED_RULE, ATTRIBUTED_RULE):
        return None
    source = data.get("source", "")
    if finding.rule == UNATTRIBUTED_RULE and not source.startswith(_UNNAMED):
        source = ""  # a claim with no source, unless the sentence gives an unnamed one
    high = data.get("tier", "high") == "high"
    return SheetRow(
        path=finding.path,
        section=CHECK_FIRST if high else BACKGROUND,
        kind="claim",
        line=finding.line,
        column=finding.column,
        text=data.get("text", ""),
        source=source or NO_SOURCE,
        anonymous=source.startswith(_UNNAMED),
        what=data.get("what", ""),
        names=data.get("names", ""),
        numbers=data.get("numbers", ""),
        dates=data.get("dates", ""),
    )


def report(findings: list[Finding], context: ReportContext) -> str:
    rows = sheet_rows(findings)
    # A draft never read is named, not left to read as one with nothing to check.
    unread = "".join(f"- {problem}\n" for problem in context.problems)
    if unread:
        unread = f"\nNot on this sheet (could not be linted):\n\n{unread}"
    if not rows:
        files = context.files
        found = f"No checkable claims found in {files} file{'s' if files != 1 else ''}.\n"
        return found + unread
    by_path: dict[str, list[SheetRow]] = {}
    for row in rows:
        by_path.setdefault(row.path, []).append(row)
    return "\n".join(sheet(path, path_rows) for path, path_rows in by_path.items()) + unread


_HEADINGS = {
    DISAGREEMENT: "Facts that disagree within the draft",
    CHECK_FIRST: "Check first: figures, records, causes, accusations, casualties, predictions",
    QUOTATION: "Direct quotations",
    BACKGROUND: "Background",
}


def sheet(path: str, rows: Sequence[SheetRow]) -> str:
    """The worksheet of one draft."""
    claims = [r for r in rows if r.kind == "claim"]
    quotes = [r for r in rows if r.kind == "quotation"]
    unsourced = sum(1 for r in claims if r.unsourced)
    anonymous = sum(1 for r in rows if r.anonymous)
    lines = [
        f"# Fact-check sheet: {path}",
        "",
        f"{len(claims)} claim{'s' if len(claims) != 1 else ''} to check "
        f"({unsourced} with no source, {anonymous} from unnamed sources), "
        f"{len(quotes)} quotation{'s' if len(quotes) != 1 else ''}.",
        "Tick each item when checked; note the verdict, who checked it and a source link.",
    ]
    for section in SECTIONS:
        items = [r for r in rows if r.section == section]
        if items:
            lines += ["", f"## {_HEADINGS[section]}", "", *_items(items)]
    return "\n".join(lines) + "\n"


def _items(rows: Iterable[SheetRow]) -> list[str]:
    lines = []
    for row in rows:
        if row.kind == "disagreement":
            lines.append(f"- [ ] **Line {row.line}:** {_escape(row.text)} ({row.source})")
            lines.append("  - Verdict: ___ · Checked by: ___ · Source link: ___")
            continue
        what = f" ({row.what})" if row.section == CHECK_FIRST and row.what else ""
        lines.append(f"- [ ] **Line {row.line}:** {_escape(row.text)}")
        label = "Speaker" if row.kind == "quotation" else "Source"
        mark = " — **unnamed source**" if row.anonymous else ""
        lines.append(f"  - {label}: {_escape(row.source)}{mark}{what}")
        facts = (("Names", row.names), ("Numbers", row.numbers), ("Dates", row.dates))
        lines += [f"  - {label}: {_escape(value)}" for label, value in facts if value]
        lines.append("  - Verdict: ___ · Checked by: ___ · Source link: ___")
    return lines


def _first_items(findings: Iterable[Finding]) -> list[str]:
    """One line per disagreement: where, what, and the other line it names."""
    return [f"- [ ] **Line {f.line}:** {_escape(f.message)} ({f.rule})" for f in findings]


def _escape(text: str) -> str:
    """Keep the draft's words literal: no stray emphasis, links or HTML."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))
