"""What a worker does with a batch: lint each draft, keep its rows and its names.

Everything returned is plain data (dataclasses of strings and numbers), so a
result is cheap to send to the client and the same whichever worker made it:
a batch redone after a worker died gives the same rows.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from newslint.audit.drafts import Draft
from newslint.audit.names import Spelling, draft_names
from newslint.errors import InputError
from newslint.findings import Finding
from newslint.linter import Linter
from newslint.parse import split_front_matter
from newslint.reading import SourceText, read_path
from newslint.severity import Severity

FRONT_MATTER = ("date", "desk", "author")


@dataclass(frozen=True)
class Row:
    """One finding, as the dataset stores it."""

    rule: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    suggestion: str | None


@dataclass(frozen=True)
class DraftResult:
    """A draft's findings, front matter and names; or why it failed."""

    path: str
    digest: str
    rows: tuple[Row, ...] = ()
    front: tuple[tuple[str, str], ...] = ()  # (field, value) for FRONT_MATTER present
    names: tuple[Spelling, ...] = ()
    error: str | None = None
    notices: tuple[str, ...] = ()
    # A finding reaches the draft's failing level (--fail-on, else its
    # config's fail_on), as the lint command's exit 1 decides it.
    failing: bool = False


def audit_batch(drafts: Sequence[Draft]) -> list[DraftResult]:
    """Runs on a worker, with the linter its AuditPlugin made."""
    from distributed import get_worker

    from newslint.audit.plugin import PLUGIN_NAME, AuditPlugin

    plugin = get_worker().plugins[PLUGIN_NAME]
    # Registered by the audit's client, and set up before any task runs.
    assert isinstance(plugin, AuditPlugin) and plugin.linter is not None
    linter = plugin.linter
    return [audit_draft(linter, draft) for draft in drafts]


def audit_draft(linter: Linter, draft: Draft) -> DraftResult:
    """One draft's result; any failure becomes its error, never the batch's."""
    if draft.problem is not None:
        return DraftResult(draft.path, draft.digest, error=draft.problem)
    try:
        return _lint(linter, draft)
    except InputError as exc:
        return DraftResult(draft.path, draft.digest, error=exc.message)
    except Exception as exc:  # a bug on one draft must not stop the archive
        return DraftResult(draft.path, draft.digest, error=f"internal error: {exc!r}")


def _lint(linter: Linter, draft: Draft) -> DraftResult:
    setup = linter.setup_for(draft.location)
    source = read_path(draft.location, setup.config.max_file_bytes)
    result, doc = linter.lint_source_document(
        SourceText(draft.path, source.text, source.newline), setup
    )
    error = "; ".join(p.message for p in result.problems) or None
    fail_on = linter.options.fail_on
    threshold = Severity.parse(fail_on) if fail_on else result.fail_on
    return DraftResult(
        path=draft.path,
        digest=draft.digest,
        rows=tuple(_row(f) for f in result.findings),
        front=front_fields(source.text),
        names=draft_names(doc) if doc is not None and error is None else (),
        error=error,
        notices=tuple(result.notices),
        failing=any(f.severity >= threshold for f in result.findings),
    )


def _row(finding: Finding) -> Row:
    return Row(
        rule=finding.rule,
        severity=str(finding.severity),
        line=finding.line,
        column=finding.column,
        end_line=finding.end_line,
        end_column=finding.end_column,
        message=finding.message,
        suggestion=finding.suggestion,
    )


def front_fields(text: str) -> tuple[tuple[str, str], ...]:
    """The draft's date, desk and author from its YAML front matter, as text.

    Read here rather than by the parser, which keeps only the ``newslint:``
    options; broken front matter gives no fields (linting reports it).
    """
    front_text, _ = split_front_matter(text)
    if front_text is None:
        return ()
    import yaml

    try:
        front_matter = yaml.safe_load(front_text)
    except yaml.YAMLError:
        return ()
    if not isinstance(front_matter, dict):
        return ()
    found = []
    for key in FRONT_MATTER:
        value = front_matter.get(key)
        if isinstance(value, (datetime.date, str, int, float)) and str(value).strip():
            found.append((key, str(value).strip()))
    return tuple(found)
