"""Where newslint keeps its caches: $NEWSLINT_CACHE_DIR, else the XDG cache."""

from __future__ import annotations

import os


def cache_dir() -> str:
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newslint")
