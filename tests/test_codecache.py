"""Submodules served from the kept bytecode are the modules an ordinary import makes.

Each case runs in a fresh interpreter (the finder is process-wide) on a small
package written to a temporary folder, so a test can edit its sources.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import newslint

# Imports the package's submodules with the finder in place, then says what a
# caller could observe of them and how many the file served.
_PROBE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from newslint import codecache
codecache.install()
import pack.mod, pack.sub.deep
mod, deep = pack.mod, pack.sub.deep
print(json.dumps({
    "value": mod.VALUE, "deep": deep.VALUE,
    "file": mod.__file__, "cached": mod.__cached__, "package": mod.__package__,
    "sub_path": list(pack.sub.__path__), "sub_file": pack.sub.__file__,
    "origin": deep.__spec__.origin, "parent": deep.__spec__.parent,
    "code_file": mod.f.__code__.co_filename == mod.__file__,
    "served": codecache._state.served,
}))
codecache.save()
"""


def _package(root: Path, value: str = "1") -> Path:
    src = root / "src"
    (src / "pack" / "sub").mkdir(parents=True, exist_ok=True)
    (src / "pack" / "__init__.py").write_text("", encoding="utf-8")
    (src / "pack" / "mod.py").write_text(f"VALUE = {value}\ndef f(): pass\n", encoding="utf-8")
    (src / "pack" / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (src / "pack" / "sub" / "deep.py").write_text("VALUE = 'deep'\n", encoding="utf-8")
    return src


def _probe(root: Path, src: Path, **extra: str) -> dict[str, object]:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(root / "cache"), **extra}
    done = subprocess.run(
        [sys.executable, "-B", "-c", _PROBE, str(src)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    answer: dict[str, object] = json.loads(done.stdout)
    return answer


def _file(root: Path) -> Path:
    (found,) = (root / "cache").glob("modules-*.marshal")
    return found


def test_a_second_run_serves_the_same_modules(tmp_path: Path) -> None:
    src = _package(tmp_path)
    first = _probe(tmp_path, src)
    assert first.pop("served") == 0
    second = _probe(tmp_path, src)
    assert second.pop("served") == 3  # pack.mod, pack.sub, pack.sub.deep; pack is top-level
    assert second == first
    assert first["value"] == 1 and first["deep"] == "deep" and first["code_file"]
    assert first["sub_path"] == [str(src / "pack" / "sub")]
    assert first["package"] == "pack" and first["parent"] == "pack.sub"
    assert stat.S_IMODE(_file(tmp_path).stat().st_mode) == 0o600


def test_an_edited_source_is_imported_afresh_and_kept_again(tmp_path: Path) -> None:
    src = _package(tmp_path)
    _probe(tmp_path, src)
    time.sleep(0.01)  # a new modification time even on coarse clocks
    (src / "pack" / "mod.py").write_text("VALUE = 22\ndef f(): pass\n", encoding="utf-8")
    edited = _probe(tmp_path, src)
    assert edited["value"] == 22
    assert edited["served"] == 2  # the other two still come from the file
    again = _probe(tmp_path, src)
    assert again["value"] == 22 and again["served"] == 3


def test_a_module_of_another_folder_is_not_served(tmp_path: Path) -> None:
    """The same package name elsewhere (another checkout): its own modules load."""
    src = _package(tmp_path)
    _probe(tmp_path, src)
    other = _package(tmp_path / "other", value="5")
    answer = _probe(tmp_path, other)
    assert answer["value"] == 5 and answer["served"] == 0
    assert answer["file"] == str(other / "pack" / "mod.py")


def test_turned_off_or_untrusted_it_serves_nothing(tmp_path: Path) -> None:
    src = _package(tmp_path)
    off = _probe(tmp_path, src, NEWSLINT_STARTCACHE="0")
    assert off["served"] == 0 and not list((tmp_path / "cache").glob("modules-*"))
    _probe(tmp_path, src)
    _file(tmp_path).chmod(0o666)
    assert _probe(tmp_path, src)["served"] == 0
    _file(tmp_path).write_bytes(b"\x00garbled" * 20)
    assert _probe(tmp_path, src)["served"] == 0


def test_bytecode_that_cannot_be_read_whole_is_compiled_as_usual(tmp_path: Path) -> None:
    """The index is whole but the file ends early: each module still imports."""
    src = _package(tmp_path)
    first = _probe(tmp_path, src)
    found = _file(tmp_path)
    blob = found.read_bytes()
    index = int.from_bytes(blob[:8], "big")
    found.write_bytes(blob[: 8 + index + 10])
    cut = _probe(tmp_path, src)
    assert cut.pop("served") == 3  # found in the index, loaded the ordinary way
    first.pop("served")
    assert cut == first


# A run of one installed copy of newslint: its submodules come through the finder.
_NEWSLINT_RUN = r"""
import sys
from newslint import codecache
codecache.install()
import newslint.severity
print(newslint.severity.__file__)
codecache.save()
"""


def _run_copy(root: Path, pythonpath: str | None) -> str:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(root / "cache")}
    env.pop("PYTHONPATH", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    done = subprocess.run(
        [sys.executable, "-B", "-c", _NEWSLINT_RUN],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout.strip()


def test_two_installed_copies_keep_a_file_each(tmp_path: Path) -> None:
    # A pre-commit environment and an editor's install share the cache folder:
    # each keeps its own file, so neither rewrites the other's on every run.
    here = Path(newslint.__file__).parent
    other = tmp_path / "other"
    shutil.copytree(here, other / "newslint", ignore=shutil.ignore_patterns("__pycache__"))
    assert _run_copy(tmp_path, None).startswith(str(here))
    assert _run_copy(tmp_path, str(other)).startswith(str(other))
    files = sorted((tmp_path / "cache").glob("modules-*.marshal"))
    assert len(files) == 2
    kept = {f: f.stat().st_ino for f in files}
    _run_copy(tmp_path, None)
    _run_copy(tmp_path, str(other))
    assert {f: f.stat().st_ino for f in files} == kept  # neither was written again
