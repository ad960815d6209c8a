"""Set-up's preparation fills the caches, so a first run builds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.prepare import prepare


def test_prepare_builds_the_cmudict_index_and_the_pack_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache))
    prepare(str(tmp_path))
    names = sorted(path.name.split("-")[0] for path in cache.iterdir())
    assert "cmudict" in names
    assert "packs" in names
    assert not (tmp_path / "prepare.md").exists()  # the draft is linted in memory only
