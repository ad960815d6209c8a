"""The attribution rule's cue patterns, kept by the pack cache as their compiled program.

Unpickling an ``re.Pattern`` compiles it again from its source, which took a
cold run on the seed some 29 ms for the shipped cue lists; rebuilding from
the program (:func:`program`, :func:`restore`) takes 0.35 ms. The package's
own patterns are :class:`newslint.lazyregex.Lazy`, compiled on first use.

The program is the standard library's own (``re._parser`` and
``re._compiler``, which CPython keeps private), so it is kept with the
Python version and ``_sre.MAGIC`` it was made by, and compiled afresh from
its source under any other, or if anything about it fails.
"""

from __future__ import annotations

import re
import sys
from array import array
from typing import Any

# What a program is valid for: _sre checks the code it is given, but only a
# matching engine reads it the same way.
_ENGINE = (sys.implementation.name, sys.version_info[:2], array("I").itemsize)

Program = tuple[Any, ...]


def program(pattern: re.Pattern[str]) -> Program | None:
    """The compiled program of ``pattern``, to store; None where it cannot be had."""
    return program_of(pattern.pattern, pattern.flags)


def program_of(source: str, flags: int) -> Program | None:
    """The compiled program of ``source`` with ``flags``, made without compiling
    a pattern object (so nothing is added to the start-up cache)."""
    try:
        import _sre  # type: ignore[import-not-found]  # CPython's C core: no stubs
        from re import _compiler, _parser  # type: ignore[attr-defined]  # private to re

        parsed = _parser.parse(source, flags)
        # As machine words: a list of some 90,000 ints was most of the pack
        # pickle's load (4.2 -> 1.9 ms without them).
        code = array("I", _compiler._code(parsed, flags)).tobytes()
        groups = dict(parsed.state.groupdict)
        names: list[str | None] = [None] * parsed.state.groups
        for name, index in groups.items():
            names[index] = name
        flags = int(flags | parsed.state.flags)
        state = (code, parsed.state.groups - 1, groups, tuple(names))
        return (_ENGINE, _sre.MAGIC, flags, *state)
    except Exception:  # another Python's internals: store the source alone
        return None


def restore(source: str, flags: int, stored: Program | None) -> re.Pattern[str]:
    """``source`` compiled: from its stored program when this engine made it."""
    if stored is not None:
        try:
            import _sre

            engine, magic, program_flags, code, groups, groupindex, indexgroup = stored
            if engine == _ENGINE and magic == _sre.MAGIC:
                compiled: re.Pattern[str] = _sre.compile(
                    source, program_flags, array("I", code).tolist(), groups, groupindex, indexgroup
                )
                return compiled
        except Exception:  # a program this engine rejects: compile from the source
            pass
    return re.compile(source, flags)
