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


# A cold run's imports and lint after set-up, saying what it took from the
# module cache and what it imported that the cache lacked.
_RUN = r"""
import io, contextlib, sys
from pathlib import Path
Path("draft.md").write_text("The storied general died on Friday, officials said.\n")
sys.argv = ["newslint", "--ignore", "spelling,grammar,typography", "--jobs", "1", "draft.md"]
from newslint.entry import _import_command
_import_command(sys.argv[1:])
from newslint.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(sys.argv[1:])
from newslint import codecache
print(codecache._state.served, sorted(codecache._missing()))
"""


def test_after_prepare_a_first_run_finds_every_module_kept(tmp_path: Path) -> None:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "NEWSLINT_DAEMON": "0"}
    for script in ("-m", "newslint.prepare"), ("-c", _RUN):
        done = subprocess.run(
            [sys.executable, *script],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
    served, missing = done.stdout.split(" ", 1)
    assert int(served) > 100
    assert missing.strip() == "[]"  # nothing for the first run to write
