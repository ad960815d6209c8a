"""``newslint lsp``: the language server for editors (``newslint.lsp``, over pygls).

Only this command imports pygls: the table imports a command's module when
that command runs.
"""

from __future__ import annotations

from newslint.lsp import main

__all__ = ["main"]
