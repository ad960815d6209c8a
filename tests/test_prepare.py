"""Set-up's preparation fills the caches, so a first run builds nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_prepare_builds_the_cmudict_index_and_the_pack_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    # In a fresh process, as set-up runs it: this one may hold packs loaded by other tests.
    subprocess.run(
        [sys.executable, "-m", "newslint.prepare"],
        cwd=tmp_path,
        env={**os.environ, "NEWSLINT_CACHE_DIR": str(cache)},
        check=True,
        timeout=300,
    )
    names = sorted(path.name.split("-")[0] for path in cache.iterdir())
    assert "cmudict" in names
    assert "packs" in names
    assert not (tmp_path / "prepare.md").exists()  # the draft is linted in memory only
