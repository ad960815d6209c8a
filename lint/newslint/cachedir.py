"""Where newslint keeps its caches: $NEWSLINT_CACHE_DIR, else the XDG cache."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> str:
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newslint")


def load_pickle(path: Path) -> object | None:
    """A pickle this cache wrote, or None if it is missing or unreadable."""
    import pickle

    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def store_pickle(path: Path, value: object) -> bool:
    """Write atomically, so a concurrent run never reads half a file.

    A cache that cannot be written only costs speed: False, never an error.
    """
    import pickle
    import tempfile

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        return False
