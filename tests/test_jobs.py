"""Many files: worker processes give the same report, in the same order, as one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED, house_config, run_cli

SELECT = ("--select", "names,style,loaded,readability")


@pytest.fixture()
def newsroom(tmp_path: Path) -> Path:
    """Thirty drafts in nested folders, a few of them different, and a house list of names."""
    house_config(tmp_path)  # the seed's Hamedan is then an error: the run fails
    for n in range(30):
        folder = tmp_path / f"desk{n % 3}"
        folder.mkdir(exist_ok=True)
        shutil.copy(SEED, folder / f"story{n:02}.md")
    (tmp_path / "desk1" / "story07.md").write_text("A historic vote.\n", encoding="utf-8")
    (tmp_path / "desk2" / "clean.md").write_text("The vote is on Tuesday.\n", encoding="utf-8")
    return tmp_path


def test_two_jobs_print_what_one_job_prints(newsroom: Path) -> None:
    serial = run_cli(*SELECT, "--jobs", "1", ".", cwd=newsroom)
    parallel = run_cli(*SELECT, "--jobs", "2", ".", cwd=newsroom)
    assert parallel.returncode == serial.returncode == 1
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr == ""
    assert serial.stdout.splitlines()[-1].endswith("in 30 of 31 files.")


def test_parallel_order_is_the_folder_order(newsroom: Path) -> None:
    done = run_cli(*SELECT, "--jobs", "2", "--format", "json", ".", cwd=newsroom)
    paths = list(dict.fromkeys(f["path"] for f in json.loads(done.stdout)))
    assert paths == sorted(paths)  # folders walk in name order
    assert paths[0] == "desk0/story00.md"
    assert "desk1/story07.md" in paths
    assert len(paths) == 30


def test_jobs_must_be_a_positive_number(newsroom: Path) -> None:
    done = run_cli("--jobs", "0", ".", cwd=newsroom)
    assert done.returncode == 2
    assert "argument --jobs/-j: must be 1 or more" in done.stderr
