"""``newslint setup``: fill the first run's caches and fetch LanguageTool's jars
(``newslint.languagetool.setup``).

The work is the LanguageTool package's; this is its place in the command table.
"""

from __future__ import annotations

from newslint.languagetool.setup import main

__all__ = ["main"]
