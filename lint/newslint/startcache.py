"""Start-up's compiled code kept between cold runs: regex programs, dataclass methods.

A cold run on the seed compiled some 190 regular expressions (newslint's,
markdown-it's and the standard library's) and created some 75 dataclasses,
whose methods the standard library writes as source text and compiles: about
a third of the run's CPU, and the same work, to the same result, every run.
This module keeps both results in one marshal file in the private cache
folder and hooks the two compilers to use it (:func:`install`):

- ``re``: a pattern's program (what ``re._compiler.compile`` hands to
  ``_sre.compile``), keyed by its source and flags;
- ``dataclasses``: the code object of each generated method's source text,
  compiled as ``exec`` would compile it (no inherited ``__future__`` flags);
- ``collections.namedtuple``: likewise its ``__new__``, compiled as ``eval`` would.

The programs and the bytecode are the interpreter's own, so the file is named
by the interpreter's exact version and holds ``_sre.MAGIC``; another
interpreter never reads it. Like the pack pickles, it is trusted only from the
user's own private folder (loading bytecode runs it); it is written atomically
(0600, a fresh name, then renamed), and a file that fails any check, or any
entry ``_sre`` refuses, is compiled afresh. ``newslint setup`` fills it; a run
adds what it compiled that was missing (:func:`save`: at once when that is
ten entries or more, else at most once an hour).
"""

from __future__ import annotations

import marshal
import os
import sys
import time

# Not typing: the thin client imports this module's importer.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

# 2: a program's code as machine words (bytes), turned into the list _sre
# takes only for the patterns a run compiles (2.0 -> 0.2 ms to load 371 programs).
# 3: str patterns keyed with re.UNICODE always set.
_FORMAT = 3
# Entries kept at most; past this (code edited many times, many drafts' lazy
# patterns), the file keeps only what this run used.
_MOST = 6000
# A run that compiled only a few missing entries writes the file only if it
# is an hour old: markdown-it builds one pattern from a set, in an order that
# hash randomisation changes every run, and rewriting ~1 MB for it cost every
# run ~8 million instructions (and grew the file by an entry a run).
_SAVE_AT = 10
_STALE_SECONDS = 3600

_regexes: dict[tuple[str | bytes, int], tuple[Any, ...]] = {}
_codes: dict[str, Any] = {}
_used_regexes: set[tuple[str | bytes, int]] = set()
_used_codes: set[str] = set()


class _State:
    path = ""  # the file, once install() hooked the compilers
    new = 0  # entries compiled this run that the file lacks


_state = _State()


def _file_name() -> str:
    return f"startup-{sys.implementation.cache_tag}-{sys.hexversion:x}.marshal"


def _magic() -> int:
    import _sre  # type: ignore[import-not-found]  # CPython's C core: no stubs

    return int(_sre.MAGIC)


def install() -> None:
    """Load the kept programs and hook the compilers; a no-op when the cache
    folder cannot be used, when the interpreter is not CPython, or if called twice.

    ``NEWSLINT_STARTCACHE=0`` turns it off: the hooks rest on CPython's internals,
    so a user meeting an interpreter they misjudge can run without them.
    """
    if _state.path:
        return
    from newslint.cachedir import startup_file

    path = startup_file(_file_name())
    if path is None:
        return
    try:
        _load(path)  # first: importing dataclasses compiles inspect's patterns
        _hook_re()
        _hook_dataclasses()
        _hook_namedtuple()
    except Exception:  # an unusable folder, another Python's internals: run uncached
        return
    _state.path = path


def _load(path: str) -> None:
    from newslint.cachedir import read_private

    try:
        stored = marshal.loads(read_private(path))
        form, magic, version, regexes, codes = stored
        if (form, magic, version) == (_FORMAT, _magic(), sys.hexversion):
            _regexes.update(regexes)
            _codes.update(codes)
    except Exception:  # missing, not ours, truncated or garbled: a miss
        pass


def _hook_re() -> None:
    import _sre
    import re
    from array import array

    compiler: Any = getattr(re, "_compiler", None)
    parser: Any = getattr(re, "_parser", None)
    if compiler is None or parser is None:  # Python 3.10: sre_compile, left alone
        return
    original: Callable[..., Any] = compiler.compile
    debug = int(re.DEBUG)
    unicode, narrow = int(re.UNICODE), int(re.ASCII | re.LOCALE)

    def compile(p: Any, flags: int = 0) -> Any:
        # Only what marshal keeps exactly: a str or bytes, and flags as a plain int.
        if type(p) not in (str, bytes) or type(flags) is not int or flags & debug:
            return original(p, flags)
        # A str pattern is Unicode whether or not the flag says so: one entry for
        # both (the pack cache's patterns come back with it, set-up's without).
        if type(p) is str and not flags & narrow:
            flags |= unicode
        key = (p, flags)
        stored = _regexes.get(key)
        if stored is not None:
            try:
                code_words = array("I", stored[1]).tolist()
                compiled = _sre.compile(p, stored[0], code_words, *stored[2:])
                _used_regexes.add(key)
                return compiled
            except Exception:  # a program this engine refuses: made afresh below
                del _regexes[key]
        # What re._compiler.compile does (the same in 3.11 to 3.13), keeping the program.
        parsed = parser.parse(p, flags)
        code = [int(op) for op in compiler._code(parsed, flags)]
        words = array("I", code).tobytes()
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        rest = (parsed.state.groups - 1, groupindex, tuple(indexgroup))
        program_flags = flags | parsed.state.flags
        compiled = _sre.compile(p, program_flags, code, *rest)
        _regexes[key] = (program_flags, words, *rest)
        _used_regexes.add(key)
        _state.new += 1
        return compiled

    compiler.compile = compile


def _hook_dataclasses() -> None:
    import builtins
    import dataclasses

    real_exec = builtins.exec
    module_globals = vars(dataclasses)

    def exec_(source: Any, globals: Any = None, locals: Any = None, /) -> None:
        if type(source) is str:
            code = _codes.get(source)
            if code is None:
                # As exec compiles a string for dataclasses: no inherited futures.
                code = compile(source, "<string>", "exec", dont_inherit=True)
                _codes[source] = code
                _state.new += 1
            _used_codes.add(source)
            source = code
        # dataclasses always passes both; None would mean its own globals.
        real_exec(source, module_globals if globals is None else globals, locals)

    # A module global shadows the builtin for dataclasses' own calls only.
    dataclasses.exec = exec_  # type: ignore[attr-defined]  # not an attribute it declares


# Key prefix of an ``eval`` code object: the dataclass entries are ``exec`` code
# keyed by their source alone, and the two modes compile differently.
_EVAL = "eval\0"


def _hook_namedtuple() -> None:
    """``collections.namedtuple`` compiles a one-line ``lambda`` (its ``__new__``)
    for every class: the seed's cold run compiled the same 22 each time (4.0
    million instructions of its 750 million, net, saved by keeping them)."""
    import builtins
    import collections

    real_eval = builtins.eval

    def eval_(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
        if globals is None:  # the caller's namespace, as eval would take it
            frame = sys._getframe(1)
            globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
        if type(source) is str:
            key = _EVAL + source
            code = _codes.get(key)
            if code is None:
                # As eval compiles a string in collections: no futures to inherit.
                code = compile(source, "<string>", "eval", dont_inherit=True)
                _codes[key] = code
                _state.new += 1
            _used_codes.add(key)
            source = code
        return real_eval(source, globals, locals)

    # As for dataclasses: a module global shadows the builtin for collections alone.
    collections.eval = eval_  # type: ignore[attr-defined]  # not an attribute it declares


def save() -> None:
    """Write the file again when this run compiled something it lacked; never fails."""
    path = _state.path
    if not path or not _state.new:
        return
    if _state.new < _SAVE_AT:
        try:
            if time.time() - os.stat(path).st_mtime < _STALE_SECONDS:
                return
        except OSError:
            pass  # no file yet: write it
    from newslint.cachedir import _mkstemp

    regexes, codes = _regexes, _codes
    if len(regexes) + len(codes) > _MOST:
        regexes = {k: v for k, v in regexes.items() if k in _used_regexes}
        codes = {k: v for k, v in codes.items() if k in _used_codes}
    tmp = ""
    try:
        blob = marshal.dumps((_FORMAT, _magic(), sys.hexversion, regexes, codes))
        fd, tmp = _mkstemp(os.path.dirname(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
        os.replace(tmp, path)
        _state.new = 0
    except Exception:  # a full disk or an unmarshallable entry costs speed only
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
