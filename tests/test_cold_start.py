"""A cold run's short cuts change nothing a caller sees.

``entry.main`` ends the process itself (``os._exit``) once its output is
flushed and the exit handlers have run, when it was called as the command:
every line, the exit code, the exit handlers' work and a thread left running
are checked, and ``main`` called from code that goes on after it. A process
that froze its start-up objects freezes the loaded packs with them, and no
other process does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli

LT_OFF = ("--ignore", "spelling,grammar,typography,style.languagetool")
# Many findings: more output than one pipe buffer holds.
DRAFT = "# Head\n\n" + "The storied general was furious.\n\n" * 600


def test_piped_output_is_whole_and_the_exit_code_kept(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    done = run_cli("draft.md", *LT_OFF, "--fail-on", "warning", cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert len(lines) == 1201
    assert lines[-1] == "1200 findings (1200 warnings) in 1 of 1 file."
    assert done.returncode == 1
    assert done.stderr == ""


# As the ``newslint`` script calls it (its module is __main__), with an exit
# handler and, when asked, a thread that is still working when main returns.
_COMMAND = r"""
import atexit, sys, threading, time
from newslint.entry import main
atexit.register(lambda: print("exit handler ran", file=sys.stderr, flush=True))
if sys.argv[1] == "thread":
    def late() -> None:
        time.sleep(0.3)
        print("thread finished", file=sys.stderr, flush=True)
    threading.Thread(target=late).start()
sys.argv = ["newslint", *sys.argv[2:]]
sys.exit(main())
"""


@pytest.mark.parametrize("thread", [False, True])
def test_exit_handlers_and_running_threads_still_finish(tmp_path: Path, thread: bool) -> None:
    (tmp_path / "draft.md").write_text("The storied general.\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_DAEMON": "0"}
    done = subprocess.run(
        [sys.executable, "-c", _COMMAND, "thread" if thread else "-", "draft.md", *LT_OFF],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.stdout.endswith("1 finding (1 warning) in 1 of 1 file.\n")
    assert done.returncode == 0
    assert "exit handler ran" in done.stderr
    assert ("thread finished" in done.stderr) is thread


def test_a_profiled_run_still_writes_its_profile(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text("The storied general.\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_DAEMON": "0"}
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", "run.prof", "-m", "newslint", "draft.md", *LT_OFF],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0
    assert (tmp_path / "run.prof").stat().st_size > 0


def test_main_called_from_other_code_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint import cli, entry

    monkeypatch.setenv("NEWSLINT_DAEMON", "0")
    monkeypatch.setattr(sys, "argv", ["newslint", "draft.md"])
    monkeypatch.setattr(cli, "main", lambda argv: 3)
    # Not the real imports: they would freeze this process's collector.
    monkeypatch.setattr(entry, "_import_command", lambda argv: None)
    assert entry.main() == 3  # and this process is still here to see it


# Loads the packs twice from one cache folder (the second from the pickle),
# after freezing start-up's objects when asked, and says what the collector
# and the packs look like after the second load.
_LOAD = r"""
import gc, json, sys
from newslint.cachedir import cache_dir
from newslint.packs import builtin_rules_dir, pack_files
from newslint.packcache import _IN_MEMORY, load_packs_cached

files = pack_files(builtin_rules_dir())
built = load_packs_cached(files, None, cache_dir())
_IN_MEMORY.clear()
if sys.argv[1] == "frozen":
    gc.freeze()
before = gc.get_freeze_count()
loaded = load_packs_cached(files, None, cache_dir())
print(json.dumps({
    "same": sorted(loaded.rules) == sorted(built.rules) and loaded is not built,
    "enabled": gc.isenabled(), "grew": gc.get_freeze_count() > before,
    "frozen": gc.get_freeze_count() > 0,
}))
"""


@pytest.mark.parametrize("frozen", [False, True])
def test_packs_from_the_pickle_are_frozen_only_where_startup_was(
    tmp_path: Path, frozen: bool
) -> None:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", _LOAD, "frozen" if frozen else "-"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    )
    assert json.loads(done.stdout) == {
        "same": True,
        "enabled": True,
        "grew": frozen,
        "frozen": frozen,
    }
