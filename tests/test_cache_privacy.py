"""Caches are the user's alone, never run another user's code, and never fail a run."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint.cachedir import load_pickle, private_dir, store_pickle
from newslint.languagetool.cache import ResultCache
from newslint.languagetool.server import ServerSettings, ensure_server
from tests.conftest import SEED, run_cli

NO_LT = ("--ignore", "spelling,grammar,typography", "--fail-on", "warning")
NOBODY = 65534


class Planted:
    """A pickle that, when loaded, makes a folder: proof that it ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


def lint(draft: Path, cache: Path | str, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli(str(draft), *NO_LT, *extra, env={"NEWSLINT_CACHE_DIR": str(cache)})


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    target = tmp_path / "seed.md"
    shutil.copy(SEED, target)
    # A config of its own (remembered in the cache too), not one found above /tmp.
    (tmp_path / ".newslint.yml").write_text("fail_on: error\n", encoding="utf-8")
    return target


def _modes(folder: Path) -> dict[str, int]:
    """Each file's mode; a sub-folder (remembered configs) counts as private at 0700."""
    return {
        p.name: 0o600
        if p.is_dir() and p.stat().st_mode & 0o777 == 0o700
        else p.stat().st_mode & 0o777
        for p in folder.iterdir()
    }


def test_cache_files_are_private(tmp_path: Path, draft: Path) -> None:
    cache = tmp_path / "cache"
    assert lint(draft, cache).returncode == 1
    assert cache.stat().st_mode & 0o777 == 0o700
    modes = _modes(cache)
    assert any(name.startswith("packs-") for name in modes)
    assert any(name.startswith("pyphen-") for name in modes)
    assert any(name.startswith("cmudict-") for name in modes)
    assert set(modes.values()) == {0o600}, modes


def test_languagetool_result_cache_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "lt"
    with ResultCache(folder / "lt-cache.sqlite3") as cache:
        cache.put_many({"key": []})
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "lt-cache.sqlite3").stat().st_mode & 0o777 == 0o600
    # One an older newslint left readable to all is narrowed.
    os.chmod(folder, 0o755)
    os.chmod(folder / "lt-cache.sqlite3", 0o644)
    with ResultCache(folder / "lt-cache.sqlite3") as cache:
        assert cache.get_many(["key"]) == {"key": []}
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "lt-cache.sqlite3").stat().st_mode & 0o777 == 0o600


def test_a_pickle_in_a_shared_folder_is_never_loaded(tmp_path: Path, draft: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    clean = lint(draft, tmp_path / "clean")
    for name in os.listdir(tmp_path / "clean"):
        with open(shared / name, "wb") as handle:
            pickle.dump(Planted(tmp_path / "ran"), handle)
    result = lint(draft, shared)
    assert not (tmp_path / "ran").exists()
    assert result.stdout == clean.stdout and result.returncode == clean.returncode
    assert result.stderr.count("newslint: note: the cache folder cannot be used") == 1
    assert "can be written by other users" in result.stderr


def test_a_pickle_owned_by_another_user_is_never_loaded(tmp_path: Path, draft: Path) -> None:
    cache = tmp_path / "cache"
    clean = lint(draft, cache)
    packs = next(cache.glob("packs-*.pickle"))
    with open(packs, "wb") as handle:
        pickle.dump(Planted(tmp_path / "ran"), handle)
    os.chown(packs, NOBODY, NOBODY)
    result = lint(draft, cache)
    assert not (tmp_path / "ran").exists()
    assert (result.stdout, result.stderr) == (clean.stdout, clean.stderr)


def test_a_symlinked_cache_folder_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(real)
    with pytest.raises(OSError, match="not a folder"):
        private_dir(tmp_path / "link")
    assert not store_pickle(tmp_path / "link" / "x.pickle", [1])
    assert not list(real.iterdir())


def test_corrupt_caches_are_misses_and_are_rebuilt(tmp_path: Path, draft: Path) -> None:
    cache = tmp_path / "cache"
    clean = lint(draft, cache)
    files = [path for path in cache.rglob("*") if path.is_file()]
    assert any(path.parent.name == "configs-ok" for path in files)
    for path in files:
        path.write_bytes(b"\x80\x04garbage, not what was written")
    again = lint(draft, cache)
    assert (again.returncode, again.stdout, again.stderr) == (
        clean.returncode,
        clean.stdout,
        clean.stderr,
    )
    for path in cache.rglob("*"):  # rebuilt, so a third run reads them
        if path.is_file():
            assert b"garbage" not in path.read_bytes()[:64], path
    assert load_pickle(next(cache.glob("packs-*.pickle"))) is not None


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A tiny tmpfs, filled up (we run as root; skipped where mounting is not allowed)."""
    mount = tmp_path / "full"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        (mount / "cache").mkdir(mode=0o700)
        with pytest.raises(OSError), open(mount / "filler", "wb", buffering=0) as handle:
            while True:
                handle.write(b"x" * 4096)
        yield mount / "cache"
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.parametrize("where", ["under a file", "full"])
def test_an_unusable_cache_folder_is_one_notice(
    tmp_path: Path, draft: Path, where: str, request: pytest.FixtureRequest
) -> None:
    clean = lint(draft, tmp_path / "clean")
    if where == "full":
        cache = request.getfixturevalue("full_disk")
    else:
        (tmp_path / "file").write_text("not a folder\n", encoding="utf-8")
        cache = tmp_path / "file" / "cache"
    result = lint(draft, cache)
    assert result.stdout == clean.stdout and result.returncode == clean.returncode
    assert result.stderr.count("newslint: note: the cache folder cannot be used") == 1
    assert "internal error" not in result.stderr


@pytest.mark.parametrize("where", ["under a file", "full"])
def test_languagetool_runs_without_a_usable_cache(
    tmp_path: Path, where: str, request: pytest.FixtureRequest
) -> None:
    """Spelling and grammar too: their server's state goes to the private runtime folder.

    A full cache folder is private, so it was taken for the state folder: the
    server could not write there, and the run said "LanguageTool is not
    available: could not start: OSError(28, 'No space left on device')".
    """
    if where == "full":
        cache = request.getfixturevalue("full_disk")
        reason = "No space left on device"
    else:
        (tmp_path / "file").write_text("not a folder\n", encoding="utf-8")
        cache = tmp_path / "file" / "cache"
        reason = f"{tmp_path / 'file'}: Not a directory"
    draft = tmp_path / "d.md"
    draft.write_text("The general died on Friday. Teh talks ended.\n", encoding="utf-8")
    env = {
        "NEWSLINT_CACHE_DIR": str(cache),
        # The session's state folder as the runtime folder: this run then uses the
        # session's LanguageTool server (a new JVM is slow to start on a loaded
        # machine), and the session stops it at the end.
        "NEWSLINT_RUNTIME_DIR": os.environ["NEWSLINT_CACHE_DIR"],
    }
    # Started here with a patient timeout; the run below finds it through its state.
    session = Path(os.environ["NEWSLINT_CACHE_DIR"])
    ensure_server(ServerSettings(state_dir=private_dir(session), start_timeout_s=600))
    result = run_cli(str(draft), "--select", "spelling", env=env)
    assert "d.md:1:29: error: “Teh” may be a typo" in result.stdout, result.stderr
    assert result.stderr == (
        f"newslint: note: the cache folder cannot be used ({reason}); running without caches\n"
    )
