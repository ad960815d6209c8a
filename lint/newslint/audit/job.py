"""The Dask side: connect or start a cluster, send batches, collect and store results.

Faults: Dask itself reruns the batch of a worker that died on another worker
(its tasks are pure: same drafts, same rows). This client is the only writer
and takes each draft's result once, keyed by path and content hash, so a
batch that comes back twice (or a draft done before a resume) is never
counted twice. A batch that Dask gives up on (its workers keep dying) gives
each of its drafts a row saying so, and the audit goes on.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.audit.dataset import Dataset, ParquetDataset, open_dataset
from newslint.audit.drafts import Draft, find_drafts
from newslint.audit.plugin import AuditPlugin, WorkerSettings
from newslint.audit.progress import progress
from newslint.audit.state import AuditState
from newslint.audit.summary import SUMMARY_COLUMNS, Summary, summarise
from newslint.audit.work import DraftResult, audit_batch
from newslint.errors import NewslintError
from newslint.linter import Options

if TYPE_CHECKING:
    from distributed import Client, Future

MAX_BATCH = 64  # drafts per task: enough to hide a task's overhead
BATCHES_PER_WORKER = 4  # so a slow batch at the end leaves no worker idle for long
FLUSH_EVERY = 500  # drafts per dataset part (and per state commit)


@dataclass(frozen=True)
class AuditPlan:
    """Everything ``newslint audit`` was asked to do."""

    archives: tuple[str, ...]
    out: Path
    options: Options = field(default_factory=Options)
    scheduler: str | None = None
    workers: int | None = None  # for the embedded cluster; None: one per CPU
    languagetool: bool = True
    batch_size: int | None = None
    parquet: bool | None = None  # None: Parquet if pyarrow is installed
    show_progress: bool = False
    color: bool = True


@dataclass(frozen=True)
class AuditRun:
    drafts: int
    skipped: int  # already done, same content
    dataset: str  # "parquet" or "sqlite"
    summary: Summary


def run_audit(plan: AuditPlan) -> AuditRun:
    found = _unique(find_drafts(plan.archives))
    # Skipped as the lint command skips them, with its note in the summary.
    skipped_notes = [f"{d.path}: {d.notice}" for d in found if d.notice is not None]
    drafts = [d for d in found if d.notice is None]
    current = {(d.path, d.digest) for d in drafts}
    state = AuditState(plan.out)
    try:
        if not state.same_settings(settings_fingerprint(plan)):
            raise NewslintError(
                f"{plan.out} holds an audit made with other rules or options; "
                "resuming it would mix the two: give a new --out"
            )
        dataset = open_dataset(plan.out, state.db, plan.parquet)
        if isinstance(dataset, ParquetDataset):
            dataset.remove_orphans(state.parts())
        done = state.done()
        todo = [d for d in drafts if (d.path, d.digest) not in done]
        unreadable = [d for d in todo if d.problem is not None]
        _store(state, dataset, [DraftResult(d.path, d.digest, error=d.problem) for d in unreadable])
        readable = [d for d in todo if d.problem is None]
        if readable:
            with connect(plan) as client:
                _audit(client, plan, readable, state, dataset, done)
        rows = dataset.rows(state.parts(), SUMMARY_COLUMNS)
        unlisted = {d.path for d in drafts if d.unlisted}
        summary = summarise(
            rows, list(state.drafts(current)), current, [*state.notices(), *skipped_notes], unlisted
        )
        # A folder that could not be listed is not a draft audited.
        audited = len(drafts) - len(unlisted)
        skipped = audited - sum(1 for d in todo if not d.unlisted)
        return AuditRun(audited, skipped, dataset.kind, summary)
    finally:
        state.close()


def settings_fingerprint(plan: AuditPlan) -> str:
    """What the findings depend on besides the drafts: options, packs, config, version.

    A ``.newslint.yml`` found upward from the drafts is not included (there may
    be one per folder); pass ``--config`` to have it checked.
    """
    from newslint import __version__
    from newslint.packs import builtin_rules_dir, pack_files

    digest = hashlib.sha256(repr((__version__, plan.options, plan.languagetool)).encode())
    files = pack_files(builtin_rules_dir())
    if plan.options.config_path:
        files.append(Path(plan.options.config_path))
    for path in files:
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def _unique(drafts: Iterator[Draft]) -> list[Draft]:
    """Each path once, even when the archives given overlap."""
    return list({d.path: d for d in drafts}.values())


@contextmanager
def connect(plan: AuditPlan) -> Iterator[Client]:
    """A client of the given scheduler, or of a local cluster sized to this machine."""
    from distributed import Client, LocalCluster

    from newslint.parallel import cpu_count

    if plan.scheduler:
        with Client(plan.scheduler) as client:
            client.wait_for_workers(1)
            yield client
        return
    # One thread per worker process: linting is Python, so threads would
    # share one interpreter lock; processes use every CPU.
    with (
        LocalCluster(
            n_workers=plan.workers or cpu_count(),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def batch_size(drafts: int, workers: int, wanted: int | None = None) -> int:
    """Drafts per task: a few tasks per worker, never more than MAX_BATCH."""
    if wanted:
        return wanted
    return max(1, min(MAX_BATCH, math.ceil(drafts / (max(1, workers) * BATCHES_PER_WORKER))))


def batches(drafts: Sequence[Draft], size: int) -> list[list[Draft]]:
    return [list(drafts[i : i + size]) for i in range(0, len(drafts), size)]


def _audit(
    client: Client,
    plan: AuditPlan,
    drafts: list[Draft],
    state: AuditState,
    dataset: Dataset,
    done: set[tuple[str, str]],
) -> None:
    from distributed import as_completed

    settings = WorkerSettings(plan.options, languagetool=plan.languagetool)
    client.register_plugin(AuditPlugin(settings))
    workers = len(client.scheduler_info()["workers"])
    size = batch_size(len(drafts), workers, plan.batch_size)
    # A key made of the drafts' hashes: the same batch is the same task.
    futures = {
        client.submit(audit_batch, batch, key=_task_key(batch), retries=0): batch
        for batch in batches(drafts, size)
    }
    seen = set(done)
    pending: list[DraftResult] = []
    with progress(len(drafts), plan.show_progress, plan.color) as advance:
        try:
            for future in as_completed(futures):
                batch = futures.pop(future)
                fresh = [r for r in _results(future, batch) if (r.path, r.digest) not in seen]
                seen.update((r.path, r.digest) for r in fresh)
                pending += fresh
                future.release()
                advance(len(batch))
                if len(pending) >= FLUSH_EVERY:
                    _store(state, dataset, pending)
                    pending = []
        finally:
            # Whatever came back is kept, even when the audit is interrupted.
            _store(state, dataset, pending)


def _results(future: Future, batch: list[Draft]) -> list[DraftResult]:
    """The batch's results, or a failure row per draft when Dask gave up on it."""
    try:
        results: list[DraftResult] = future.result()
        return results
    except Exception as exc:
        reason = f"audit task failed: {type(exc).__name__}: {exc}"
        return [DraftResult(d.path, d.digest, error=reason) for d in batch]


def _task_key(batch: list[Draft]) -> str:
    digest = hashlib.sha256()
    for draft in batch:
        digest.update(f"{draft.path}\0{draft.digest}\n".encode())
    return f"newslint-audit-{digest.hexdigest()[:32]}"


def _store(state: AuditState, dataset: Dataset, results: list[DraftResult]) -> None:
    if results:
        state.record(results, dataset.write(results))
