"""The audit's summary: counts by family, rule, year and desk; worst drafts; name variants."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from newslint.audit.names import Variant, variant_groups
from newslint.audit.state import DoneDraft

SUMMARY_COLUMNS = ("path", "digest", "rule", "severity", "date", "desk")
TOP = 10


@dataclass
class Summary:
    drafts: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, error)
    # Folders that could not be listed: not drafts, so neither audited nor failed.
    unlisted: list[tuple[str, str]] = field(default_factory=list)  # (path, error)
    failing: int = 0  # drafts with a finding at or above their failing level
    findings: int = 0
    by_family: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    by_year: Counter[str] = field(default_factory=Counter)
    by_desk: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)  # path → warnings
    variants: list[Variant] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def summarise(
    rows: Iterable[tuple[str, str, str | None, str | None, str | None, str | None]],
    drafts: Sequence[DoneDraft],
    current: set[tuple[str, str]],
    notices: Sequence[str] = (),
    unlisted: Collection[str] = (),
) -> Summary:
    """Rows in SUMMARY_COLUMNS order; only the current version of each draft counts.

    ``unlisted`` are the paths of folders that could not be listed: told apart,
    as the lint summary does, so an editor does not look for a draft by that name.
    """
    summary = Summary(notices=list(notices))
    summary.unlisted = sorted((d.path, d.error) for d in drafts if d.path in unlisted and d.error)
    drafts = [d for d in drafts if d.path not in unlisted]
    summary.drafts = len(drafts)
    summary.failed = sorted((d.path, d.error) for d in drafts if d.error is not None)
    summary.failing = sum(1 for d in drafts if d.failing)
    for path, digest, rule, severity, date, desk in rows:
        if rule is None or (path, digest) not in current:
            continue
        summary.findings += 1
        summary.by_family[rule.split(".", 1)[0]] += 1
        summary.by_rule[rule] += 1
        year = (date or "")[:4]
        summary.by_year[year if year.isdigit() else "(no date)"] += 1
        summary.by_desk[desk or "(no desk)"] += 1
        if severity == "warning":
            summary.warnings[path] += 1
    summary.variants = variant_groups(d.names for d in drafts)
    return summary


def format_summary(summary: Summary) -> str:
    lines = [f"Audited {headline(summary)}."]
    lines += _table("By family", summary.by_family.most_common())
    lines += _table("By rule", summary.by_rule.most_common(TOP * 2))
    lines += _table("By year", sorted(summary.by_year.items()))
    lines += _table("By desk", summary.by_desk.most_common(TOP * 2))
    lines += _table("Drafts with the most warnings", summary.warnings.most_common(TOP))
    if summary.variants:
        lines += ["", "Name variants across the archive (spelling: drafts):"]
        ranked = sorted(summary.variants, key=lambda v: -sum(n for _, n in v.spellings))
        for variant in ranked[: TOP * 2]:
            spelled = ", ".join(f"{form}: {n}" for form, n in variant.spellings)
            lines.append(f"  {variant.canonical} — {spelled}")
    if summary.failed:
        lines += ["", "Drafts that failed:"]
        lines += [f"  {path}: {error}" for path, error in summary.failed[: TOP * 2]]
    if summary.unlisted:
        lines += ["", "Folders that could not be read:"]
        lines += [f"  {path}: {error}" for path, error in summary.unlisted[: TOP * 2]]
    lines += [f"note: {notice}" for notice in summary.notices]
    return "\n".join(lines) + "\n"


def headline(summary: Summary) -> str:
    """'10 drafts: 42 findings, 1 draft failed; 1 folder could not be read' (as lint words it)."""
    failed = len(summary.failed)
    text = (
        f"{plural(summary.drafts, 'draft')}: {plural(summary.findings, 'finding')}, "
        f"{plural(failed, 'draft')} failed"
    )
    if summary.unlisted:
        text += f"; {plural(len(summary.unlisted), 'folder')} could not be read"
    return text


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _table(title: str, items: Sequence[tuple[str, int]]) -> list[str]:
    if not items:
        return []
    width = max(len(name) for name, _ in items)
    return ["", f"{title}:"] + [f"  {name:<{width}}  {count:>7}" for name, count in items]
