"""Loaded rule packs kept between runs, so a pre-commit hook skips the YAML.

The key is newslint's version, the modification times of its own modules,
and each pack file's path, size and modification time; an edited pack, or
changed newslint code, makes a new entry.
Only packs that loaded without errors are kept, so errors are always
reported afresh.
"""

from __future__ import annotations

import contextlib
import zlib
from pathlib import Path

from newslint.cachedir import load_pickle, store_pickle
from newslint.codestamp import code_stamp
from newslint.packs import LoadedPacks, load_packs


def _key(
    files: list[Path], only: set[str] | frozenset[str] | None, house_list: Path | None = None
) -> str:
    parts = [code_stamp()]
    # The newsroom's house list of names is compiled into the names pack.
    for file in (*files, *([house_list] if house_list is not None else [])):
        stat = file.stat()
        parts.append(f"{file.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}")
    parts.append(repr(sorted(only) if only is not None else None))
    # CRC32 is enough to name a cache file, and avoids hashlib's OpenSSL start-up.
    blob = "\n".join(parts).encode()
    return f"{zlib.crc32(blob):08x}{len(blob):x}"


# Packs already loaded in this process, by cache key. Loaded packs are never
# changed after loading; the warm process fills this before it forks, so its
# runs skip even the pickle.
_IN_MEMORY: dict[str, LoadedPacks] = {}


def load_packs_cached(
    files: list[Path],
    only: set[str] | frozenset[str] | None,
    cache_dir: str,
    house_list: Path | None = None,
) -> LoadedPacks:
    """``load_packs`` through a pickle in ``cache_dir``."""
    selected = set(only) if only is not None else None
    try:
        key = _key(files, only, house_list)
    except OSError:  # a pack vanished: let the loader report it
        return load_packs(files, selected, house_list)
    if key in _IN_MEMORY:
        return _IN_MEMORY[key]
    path = Path(cache_dir) / f"packs-{key}.pickle"
    loaded = _load_frozen(path)
    if isinstance(loaded, LoadedPacks):
        _IN_MEMORY[key] = loaded
        return loaded
    loaded = load_packs(files, selected, house_list)
    if not loaded.errors:
        # Kept in memory too: the warm process builds them after an upgrade,
        # and its runs should not each read back the pickle it just wrote.
        _IN_MEMORY[key] = loaded
        if store_pickle(path, loaded):
            _prune(path.parent, keep=path)
    return loaded


def _load_frozen(path: Path) -> object | None:
    """``load_pickle``; in a process that froze its start-up objects (a cold
    command, the warm process), the packs are frozen with them.

    Loaded packs live as long as the process (``_IN_MEMORY``), yet their some
    40,000 objects were scanned by the collector: the seed's cold run made its
    one collection inside this load (6.6 ms; 759.5 -> 750.6 million
    instructions without it). A process that froze nothing (tests, a library
    caller) freezes nothing here: freezing also keeps whatever garbage the
    collector has not yet found. The language server, started as a command,
    does freeze each configuration's packs, which ``_IN_MEMORY`` keeps anyway.
    """
    import gc

    if not gc.get_freeze_count():
        return load_pickle(path)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return load_pickle(path)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _prune(folder: Path, keep: Path, most: int = 8) -> None:
    """Drop all but the newest few pack pickles: each code or pack edit makes one."""
    old = sorted(folder.glob("packs-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in old[most:]:
        if stale != keep:
            with contextlib.suppress(OSError):
                stale.unlink()
