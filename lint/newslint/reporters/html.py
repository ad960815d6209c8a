"""``--format html``: one self-contained page for the desk.

Each draft as an editor reads it, flagged spans highlighted by family (and
marked by a symbol and an underline style, not by colour alone); clicking or
focusing a span shows its message, rule and suggestion. Beside the draft is
the fact-check sheet, whose verdict, checked-by and source fields can be
filled in and downloaded as CSV or JSON; above it, counts by family and
severity and a per-paragraph chart. Many drafts give one page with an index.

Everything (styles, script, chart) is inline: the page makes no network
request. The templates live in ``templates/`` beside this module.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from newslint.findings import Finding
from newslint.layout import Layout
from newslint.reporters.checklist import ATTRIBUTED_RULE, RULES, UNATTRIBUTED_RULE, Claim
from newslint.reporters.htmlview import SEVERITY, DraftText, draft_text
from newslint.reporters.prosechart import Chart, ParagraphStats, chart, paragraph_stats
from newslint.severity import Severity

if TYPE_CHECKING:
    from jinja2 import Environment

    from newslint.reporters import ReportContext

TEMPLATES = Path(__file__).parent / "templates"
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
# What the sheet's rule needs switched on beside every other rule (read by the CLI).
SHEET_RULE = ATTRIBUTED_RULE


class SheetRow(NamedTuple):
    """One claim on the fact-check sheet, with what the desk fills in.

    A NamedTuple: the template unpacks it, in this order, in its loop.
    """

    line: int
    claim: str
    source: str  # the source the draft names, if any
    attributed: bool
    names: str
    numbers: str
    dates: str


def sheet_rows(findings: Sequence[Finding]) -> list[SheetRow]:
    """The adapter onto the checklist's claims: the one place the sheet's data is read."""
    rows = []
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.rule not in RULES:
            continue
        claim = Claim.of(finding)
        rows.append(
            SheetRow(
                line=claim.line,
                claim=" ".join(claim.text.split()),
                source=claim.source,
                attributed=finding.rule == ATTRIBUTED_RULE,
                names=claim.names,
                numbers=claim.numbers,
                dates=claim.dates,
            )
        )
    return rows


@dataclass(frozen=True)
class DraftView:
    """Everything the template shows of one draft."""

    number: int
    path: str
    findings: tuple[Finding, ...]  # the highlighted ones; indexes are their ids
    text: DraftText | None  # None when the linter kept no layout (it could not parse it)
    sheet: tuple[SheetRow, ...]
    stats: tuple[ParagraphStats, ...]
    chart: Chart | None
    counts: dict[str, int]

    @property
    def anchor(self) -> str:
        return f"draft-{self.number}"


def family(rule: str) -> str:
    return rule.split(".", 1)[0]


def report(findings: list[Finding], context: ReportContext) -> str:
    # Every linted draft, clean ones too (the index lists them all).
    by_path: dict[str, list[Finding]] = {path: [] for path in context.layouts}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    drafts = [
        draft_view(number, path, by_path[path], context.layouts.get(path))
        for number, path in enumerate(by_path, 1)
    ]
    shown = [f for draft in drafts for f in draft.findings]
    families = sorted({family(f.rule) for f in shown})
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            drafts=drafts,
            families=families,
            severities=[str(s) for s in SEVERITIES],
            table=summary_table(shown, families),
            totals=Counter(SEVERITY[f.severity] for f in shown),
            files=context.files,
            unreadable=context.problems,
            family=family,
            finding_data=lambda draft: [_finding_data(f) for f in draft.findings],
        )
    )


def draft_view(number: int, path: str, found: list[Finding], layout: Layout | None) -> DraftView:
    # The sheet's attributed claims are not problems: they go to the sheet only.
    marked = tuple(f for f in found if f.rule != ATTRIBUTED_RULE)
    sheet = tuple(sheet_rows([f for f in found if f.rule in (UNATTRIBUTED_RULE, ATTRIBUTED_RULE)]))
    # Without a layout the findings are listed beside, with no prose to place them in.
    text = draft_text(layout, marked) if layout is not None else None
    stats = paragraph_stats(text.paragraphs) if text is not None else []
    counts = Counter(SEVERITY[f.severity] for f in marked)
    return DraftView(number, path, marked, text, sheet, tuple(stats), chart(stats), dict(counts))


def summary_table(findings: Sequence[Finding], families: Sequence[str]) -> list[list[int]]:
    """Counts by family (rows) and severity (columns, worst first)."""
    counts = Counter((family(f.rule), f.severity) for f in findings)
    return [[counts[name, severity] for severity in SEVERITIES] for name in families]


def _finding_data(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": SEVERITY[finding.severity],
        "message": finding.message,
        "suggestion": finding.suggestion or "",
        "line": finding.line,
        "column": finding.column,
    }


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # The draft's own characters, not \u escapes: smaller, and searchable.
    # tojson still escapes < > & ' so the data cannot end its <script>.
    environment.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    return environment
