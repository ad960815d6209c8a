"""Config texts that passed their check, kept parsed in the cache.

Importing PyYAML, jsonschema and the schema checks costs a cold run more
than parsing a short ``.newslint.yml``, so a config text that passed is
kept (by its text and newslint's code) as its parsed, line-carrying data,
and later runs read it back without any of them.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

from newslint.cachedir import cache_dir, load_pickle, store_pickle
from newslint.codestamp import code_stamp


def _memo_path(text: str) -> Path:
    blob = f"{code_stamp()}\0{text}".encode()
    return Path(cache_dir()) / "configs-ok" / f"{zlib.crc32(blob):08x}{len(blob):x}.pickle"


def remembered_config(text: str) -> Any | None:
    """The parsed data of a config text that passed before, or None."""
    data = load_pickle(_memo_path(text))
    return data if isinstance(data, dict) else None


def remember_config(text: str, data: Any) -> None:
    """Keep a config that passed (a cache that cannot be written only costs time)."""
    store_pickle(_memo_path(text), data)
