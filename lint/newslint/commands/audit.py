"""``newslint audit ARCHIVE...``: a whole archive linted on Dask, written as a dataset.

The work is the audit package's (``newslint.audit.command``); this is its
place in the command table.
"""

from __future__ import annotations

from newslint.audit.command import main

__all__ = ["main"]
