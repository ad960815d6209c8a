"""Output formats, one module each, chosen from this literal table.

A reporter is a pure function of the findings; it returns text and never
prints. Problems (files that could not be linted) go to stderr separately.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from newslint.findings import Finding
from newslint.rule import Rule


@dataclass(frozen=True)
class ReportContext:
    """What a reporter may need besides the findings."""

    files: int
    color: bool = False
    rules: Mapping[str, Rule] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)  # path → text, for excerpts


Reporter = Callable[[list[Finding], ReportContext], str]


def reporters() -> dict[str, Reporter]:
    """The formats by name; imported here so that each loads only when chosen."""
    from newslint.reporters import json_format, text

    return {
        "text": text.report,
        "json": json_format.report,
    }
