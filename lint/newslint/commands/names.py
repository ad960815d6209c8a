"""``newslint names PATH...``: every name a set of drafts spells more than one way.

The work is the names package's (``newslint.names.command``); this is its
place in the command table.
"""

from __future__ import annotations

from newslint.names.command import main

__all__ = ["main"]
