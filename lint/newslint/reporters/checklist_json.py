"""``--format checklist-json``: the fact-check worksheet as JSON.

``{"version": 1, "rows": [{...}]}``, each row with the keys of
:data:`newslint.reporters.checklist.FIELDS` (``anonymous`` a boolean,
``line``/``column`` numbers, the desk's fields empty strings).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from newslint.findings import Finding
from newslint.reporters.checklist import sheet_rows

if TYPE_CHECKING:
    from newslint.reporters import ReportContext


def report(findings: list[Finding], context: ReportContext) -> str:
    rows = [asdict(row) for row in sheet_rows(findings)]
    return json.dumps({"version": 1, "rows": rows}, ensure_ascii=False, indent=2) + "\n"
