"""A cold run's submodules served from one file of bytecode, not one ``.pyc`` each.

A cold run imports some 170 submodules (newslint's own, markdown-it's and the
standard library's packages). For each, the import system walks its finder
and loader in Python: stat the package folder, build a spec, find, stat,
open, read and check the ``.pyc``. That overhead, not the bytecode, was some
20 million of the seed's 745 million instructions. This module keeps every
submodule's bytecode in one marshal file in the private cache folder, and a
finder placed first on ``sys.meta_path`` serves a submodule from it when the
entry still describes the file the import system would load:

- only submodules (``package.module``), from the one folder of their already
  imported parent: the parent decides where a submodule comes from, so no
  other folder on ``sys.path`` can shadow it; top-level modules are found
  the ordinary way;
- the source's modification time and size must be the ones the bytecode was
  made from (the check the ``.pyc`` itself carries);
- the module gets an ordinary ``SourceFileLoader`` (its ``__file__``,
  ``__spec__``, resources), which only hands over the kept bytecode.

The file is an index (each module's source, its time and size, and where its
bytecode lies) and then the bytecode; a run reads the index and, for each
module it imports, that module's bytes alone (a whole-file read held 2.3 MB
twice over: 1,340 page faults). Like the start-up cache it is the
interpreter's own bytecode, so the file is named by the interpreter's exact
version and holds the bytecode's magic number; it is trusted only from the
user's private folder, written atomically, and anything unusable is a miss
(a module whose bytes cannot be read is compiled the ordinary way). ``NEWSLINT_STARTCACHE=0`` turns
it off with the start-up cache. A run that imported a submodule the file
lacks (or whose source changed) writes it again (:func:`save`).
"""

from __future__ import annotations

import _imp
import marshal
import os
import sys
import zlib
from importlib.machinery import ModuleSpec, SourceFileLoader
from importlib.util import MAGIC_NUMBER, find_spec

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import CodeType, ModuleType

_FORMAT = 2
_HEADER = 8  # the index's length, then the index, then the bytecode
# name -> (source path, its mtime_ns, its size, offset and length of its
# marshalled code after the index): a run reads only what it imports.
_Entry = tuple[str, int, int, int, int]
_entries: dict[str, _Entry] = {}
# Modules imported before the finder was placed: never served, never missing.
_before: set[str] = set()
# Submodules to keep though this process does not import them (``keep``).
_wanted: set[str] = set()


class _State:
    path = ""  # the file, once install() placed the finder
    fd = -1  # the file as read at install: a later rewrite replaces, never changes it
    data = 0  # where its bytecode starts
    served = 0  # submodules this run took from the file


_state = _State()


def _file_name() -> str:
    # One file per installed copy of newslint: a pre-commit environment and
    # an editor's install share the cache folder, and one file would be
    # rewritten by each in turn, its other copy's modules never served.
    home = zlib.crc32(os.fsencode(os.path.dirname(os.path.abspath(__file__))))
    return f"modules-{sys.implementation.cache_tag}-{sys.hexversion:x}-{home:08x}.marshal"


def _kept_code(entry: _Entry) -> bytes:
    """A module's marshalled code from the file; OSError when it cannot be read whole."""
    offset, length = entry[3], entry[4]
    code = os.pread(_state.fd, length, _state.data + offset)
    if len(code) != length:
        raise OSError("short read")
    return code


class _Loader(SourceFileLoader):
    """An ordinary source loader that hands over the kept bytecode."""

    def __init__(self, fullname: str, path: str, entry: _Entry) -> None:
        super().__init__(fullname, path)
        self._entry = entry

    def get_code(self, fullname: str) -> CodeType:
        try:
            code: CodeType = marshal.loads(_kept_code(self._entry))
            # As SourceLoader does for a .pyc: the code names the file it is served for.
            _imp._fix_co_filename(code, self.path)  # type: ignore[attr-defined]  # no stub
            return code
        except Exception:  # unreadable or garbled: the .pyc or the source, as usual
            return super().get_code(fullname)  # type: ignore[return-value]  # never None here


class _Finder:
    """Submodules from the kept file, when it holds what the import would load."""

    @staticmethod
    def find_spec(
        name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        entry = _entries.get(name)
        if entry is None or not path:
            return None
        origin, mtime_ns, size = entry[:3]
        home = os.path.dirname(origin)
        if os.path.basename(origin) == "__init__.py":
            home = os.path.dirname(home)
        if home != next(iter(path)):
            return None
        try:
            info = os.stat(origin)
        except OSError:
            return None
        if info.st_mtime_ns != mtime_ns or info.st_size != size:
            return None
        _state.served += 1
        package = home != os.path.dirname(origin)
        # What spec_from_file_location makes of a source file, without its search.
        spec = ModuleSpec(name, _Loader(name, origin, entry), origin=origin, is_package=package)
        spec.has_location = True  # __file__ and __cached__ set, as for any source module
        if package:
            spec.submodule_search_locations = [os.path.dirname(origin)]
        return spec


def install() -> None:
    """Load the kept file and place the finder; a no-op when turned off, when
    the cache folder cannot be used, on another interpreter, or if called twice."""
    if _state.path:
        return
    from newslint.cachedir import startup_file

    path = startup_file(_file_name())
    if path is None:
        return  # import the ordinary way
    _open(path)
    _before.update(sys.modules)
    sys.meta_path.insert(0, _Finder)
    _state.path = path


def _open(path: str) -> None:
    """Read the index of the file at ``path``, keeping it open; a miss leaves none."""
    from newslint.cachedir import _check_owned

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return  # none yet
    try:
        _check_owned(os.fstat(fd), path)
        size = int.from_bytes(os.pread(fd, _HEADER, 0), "big")
        form, magic, version, entries = marshal.loads(os.pread(fd, size, _HEADER))
        if (form, magic, version) != (_FORMAT, MAGIC_NUMBER, sys.hexversion):
            raise ValueError("another format or interpreter")
    except Exception:  # not ours, truncated or garbled: a miss
        os.close(fd)
        return
    _entries.update(entries)
    _state.fd, _state.data = fd, _HEADER + size


def _servable(name: str, module: object) -> str | None:
    """The source of a submodule the finder could serve, or None."""
    spec = getattr(module, "__spec__", None)
    if "." not in name or not isinstance(getattr(spec, "loader", None), SourceFileLoader):
        return None
    origin = getattr(spec, "origin", None)
    parent = sys.modules.get(name.rpartition(".")[0])
    where = getattr(parent, "__path__", None)
    if not origin or not origin.endswith(".py") or not where:
        return None
    home = os.path.dirname(origin)
    if os.path.basename(origin) == "__init__.py":
        home = os.path.dirname(home)
    return origin if home == next(iter(where)) else None


def _missing() -> dict[str, tuple[str, SourceFileLoader]]:
    """Submodules imported here the ordinary way that the finder could have served."""
    found = {}
    for name, module in list(sys.modules.items()):
        loader = getattr(getattr(module, "__spec__", None), "loader", None)
        if name in _before or isinstance(loader, _Loader):
            continue
        origin = _servable(name, module)
        if origin is not None and isinstance(loader, SourceFileLoader):
            found[name] = (origin, loader)
    return found


def keep(*names: str) -> None:
    """Have :func:`save` keep these submodules too, though this process never
    imports them (set-up, for modules a run imports that it must not)."""
    _wanted.update(names)


def save() -> None:
    """Write the file again when this run imported a submodule it lacked, or one
    whose source changed; never fails."""
    path = _state.path
    if not path:
        return
    missing = _missing()
    for name in sorted(_wanted - set(missing)):
        try:
            spec = find_spec(name)
        except Exception:  # no such module here: nothing to keep
            continue
        loader = getattr(spec, "loader", None)
        origin = getattr(spec, "origin", None)
        if type(loader) is SourceFileLoader and origin and origin.endswith(".py"):
            missing[name] = (origin, loader)  # not served: the kept entry is stale or absent
    if not missing:
        return
    from newslint.cachedir import _mkstemp

    tmp = ""
    try:
        codes: dict[str, bytes] = {}
        for name, entry in _entries.items():
            if name not in missing:
                try:
                    codes[name] = _kept_code(entry)
                except OSError:
                    continue  # dropped: imported the ordinary way next time
        sources: dict[str, tuple[str, int, int]] = {}
        for name, (origin, loader) in missing.items():
            # The stat before the read: a source edited meanwhile is kept
            # with its older time and size, so it looks stale next run, never
            # fresh with the older bytecode.
            info = os.stat(origin)
            sources[name] = (origin, info.st_mtime_ns, info.st_size)
            codes[name] = marshal.dumps(loader.get_code(name))
        index: dict[str, _Entry] = {}
        offset = 0
        for name, code in codes.items():
            source = sources[name] if name in missing else _entries[name][:3]
            index[name] = (*source, offset, len(code))
            offset += len(code)
        head = marshal.dumps((_FORMAT, MAGIC_NUMBER, sys.hexversion, index))
        fd, tmp = _mkstemp(os.path.dirname(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(len(head).to_bytes(_HEADER, "big"))
            handle.write(head)
            for code in codes.values():
                handle.write(code)
        os.replace(tmp, path)
    except Exception:  # a source gone, a full disk: costs speed only
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
