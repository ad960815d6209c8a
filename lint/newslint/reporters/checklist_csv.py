"""``--format checklist-csv``: the fact-check worksheet as CSV, one row per claim or quotation.

The columns are :data:`newslint.reporters.checklist.FIELDS`; verdict,
checked_by and source_link are empty, for the desk to fill in a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from typing import TYPE_CHECKING

from newslint.findings import Finding
from newslint.reporters.checklist import FIELDS, sheet_rows

if TYPE_CHECKING:
    from newslint.reporters import ReportContext


def report(findings: list[Finding], context: ReportContext) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in sheet_rows(findings):
        values = asdict(row)
        values["anonymous"] = "yes" if row.anonymous else ""
        writer.writerow(values)
    return out.getvalue()
