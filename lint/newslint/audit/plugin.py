"""What each Dask worker keeps: its own cache folder, LanguageTool server and linter.

A ``WorkerPlugin`` because Dask calls ``setup`` when a worker starts (or when
the plugin is registered with a running cluster) and ``teardown`` when the
worker closes, so the server lives exactly as long as its worker. Each worker
gets its own cache folder, hence its own server (the server's state file
lives in the cache folder) and its own result cache: workers never wait on
one another's locks.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from distributed.diagnostics.plugin import WorkerPlugin

from newslint.linter import Linter, Options

if TYPE_CHECKING:
    from distributed import Worker

PLUGIN_NAME = "newslint-audit"
START_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class WorkerSettings:
    """What the client tells every worker."""

    options: Options
    # Each worker's cache is a folder under it; None: under the worker's own
    # newslint cache (its machine's, not the client's).
    cache_root: str | None = None
    languagetool: bool = True


@dataclass
class AuditPlugin(WorkerPlugin):
    """One linter per worker, and its LanguageTool server started up front."""

    settings: WorkerSettings
    name: str = PLUGIN_NAME
    linter: Linter | None = field(default=None, repr=False)
    cache: Path | None = None

    def setup(self, worker: Worker) -> None:
        from newslint.cachedir import cache_dir, private_dir

        root = self.settings.cache_root or os.path.join(cache_dir(), "audit")
        # Private (0700), like every cache: it holds draft sentences.
        self.cache = private_dir(Path(root) / _folder_name(worker.name))
        # A worker process runs only newslint's tasks, so its environment is
        # ours to set: every cache the rules open follows this variable.
        os.environ["NEWSLINT_CACHE_DIR"] = str(self.cache)
        if not self.settings.languagetool:
            os.environ["NEWSLINT_LANGUAGETOOL"] = "off"
        # No class-data archive: a worker's server runs for hours, so its start
        # hardly counts, and the archive it would write as it stops (seconds to a
        # minute on a busy machine) would outlast Dask's wait for the teardown.
        os.environ["NEWSLINT_LT_CDS"] = "0"
        self.linter = Linter(self.settings.options)
        if self.settings.languagetool:
            _start_languagetool()

    def teardown(self, worker: Worker) -> None:
        if self.settings.languagetool and self.cache is not None:
            from newslint.languagetool.server import ServerSettings, stop_server

            stop_server(ServerSettings(state_dir=self.cache))


def _start_languagetool() -> None:
    """Start this worker's server now, so the first batch does not wait for it.

    If it cannot start, the rules say why on every draft's result (a notice
    the summary prints once), as they do for ``newslint``.
    """
    from newslint.languagetool.server import LanguageToolUnavailable, ServerSettings, ensure_server

    try:
        # The idle stop stays on: a worker killed outright never tears down,
        # and its server must not outlive it by more than that. A long start
        # timeout: an audit runs for hours, and a busy machine's JVM may take
        # minutes to load English, which a pre-commit hook could not wait for.
        ensure_server(ServerSettings(start_timeout_s=START_TIMEOUT_S))
    except LanguageToolUnavailable:
        return


def _folder_name(name: object) -> str:
    """A worker's name (an int locally, an address remotely) as a folder name."""
    return "worker-" + re.sub(r"[^A-Za-z0-9_.-]+", "_", str(name))
