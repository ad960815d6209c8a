"""The sub-commands of ``newslint``, one module each, listed here and nowhere else.

Each module has ``main(args) -> int`` (an exit code from ``exitcodes``). The
table names modules rather than importing them, so a run imports only the
command it runs: ``newslint draft.md`` never pays for pygls or jsonschema.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

COMMANDS: dict[str, str] = {
    "lint": "newslint.commands.lint",  # the default: newslint PATH...
    "rules": "newslint.commands.rules",
    "explain": "newslint.commands.explain",
    "names": "newslint.commands.names",
    "server": "newslint.commands.server",
    "setup": "newslint.commands.setup",
    "lsp": "newslint.commands.lsp",
    "check-rules": "newslint.commands.check_rules",
    "audit": "newslint.commands.audit",
}


def command(name: str) -> Callable[[list[str]], int]:
    """The ``main`` of the command called ``name`` (a key of COMMANDS)."""
    module = importlib.import_module(COMMANDS[name])
    entry: Callable[[list[str]], int] = module.main
    return entry
