"""The command line: ``newslint [COMMAND] ...``, handed to its command module.

One handler at the top turns every NewslintError into one line per problem
and an exit code; nothing below prints a traceback for bad input. Only the
chosen command's module is imported (``commands.COMMANDS``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from newslint import exitcodes
from newslint.commands import COMMANDS, command
from newslint.errors import NewslintError, each_error


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS and args[0] != "lint":
            return command(args[0])(args[1:])
        hint = _misspelt_command(args)
        if hint:
            print(f"newslint: error: {hint}", file=sys.stderr)
            return exitcodes.USAGE_OR_CONFIG
        return command("lint")(args)
    except NewslintError as exc:
        for error in each_error(exc):
            print(f"newslint: {error}", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return exitcodes.CLEAN
    except Exception as exc:  # a bug: one line, not a traceback, and exit 2
        print(f"newslint: internal error: {exc!r} (please report it)", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG


def _misspelt_command(args: list[str]) -> str | None:
    """Why ``newslint nmaes desk/`` is not a lint of two paths, or None.

    A first word that is no file, has no dot or slash and is close to a
    command's name was meant as that command; linting it (and the command's
    arguments) as drafts would only say "no such file" of each.
    """
    import os

    first = args[0] if args else ""
    if not first or first.startswith("-") or "." in first or os.sep in first:
        return None
    if os.path.exists(first):
        return None
    from newslint.schema import did_you_mean

    hint = did_you_mean(first, [c for c in COMMANDS if c != "lint"])
    if not hint:
        return None
    command_hint = hint.replace("did you mean '", "did you mean 'newslint ")
    return f"{first!r} is neither a file nor a command{command_hint}"
