"""``newslint audit``: the dataset holds exactly what ``newslint --format json`` reports.

Clusters are real: a LocalCluster, and a ``dask scheduler`` with two ``dask
worker`` processes on 127.0.0.1, one of them killed while it works.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint.audit.dataset import COLUMNS, ParquetDataset, SQLiteDataset
from newslint.audit.job import AuditPlan, batch_size, settings_fingerprint
from newslint.audit.names import variant_groups
from newslint.audit.state import AuditState
from newslint.audit.work import DraftResult, Row, front_fields
from newslint.linter import Options
from tests.conftest import ROOT, refuse_listing, run_cli

ARTICLES = ROOT / "tests" / "devset" / "articles"
LT_RULES = "spelling,grammar,typography,style.languagetool"
NO_LT = ("--ignore", LT_RULES)
KEYS = ("path", "line", "column", "end_line", "end_column", "rule", "severity", "message")
DASK = Path(sys.executable).with_name("dask")


def json_findings(archive: Path, *args: str) -> Counter[tuple[object, ...]]:
    done = run_cli("--format", "json", "--exit-zero", *args, ".", cwd=archive)
    assert done.stdout.startswith("["), done.stderr  # an unreadable draft exits 2
    return Counter(
        (*(f.get(k) for k in KEYS), f.get("suggestion")) for f in json.loads(done.stdout)
    )


def dataset_findings(out: Path) -> Counter[tuple[object, ...]]:
    rows = read_rows(out)
    return Counter((*(r[k] for k in KEYS), r["suggestion"]) for r in rows if r["rule"] is not None)


def read_rows(out: Path) -> list[dict[str, object]]:
    import pyarrow.parquet as pq

    rows: list[dict[str, object]] = []
    for part in sorted((out / "findings").glob("part-*.parquet")):
        rows += pq.read_table(part).to_pylist()
    return rows


def audit(
    archive: Path, out: Path, *args: str, env: dict[str, str] | None = None, code: int = 0
) -> subprocess.CompletedProcess[str]:
    """``newslint audit`` for real (a cluster and a JVM start: a longer timeout)."""
    command = [sys.executable, "-m", "newslint", "audit", "--out", str(out), "--quiet"]
    done = subprocess.run(
        [*command, *args, "."],
        cwd=archive,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        timeout=600,
    )
    assert done.returncode == code, done.stderr
    return done


def paragraphs() -> list[str]:
    found = []
    for article in sorted(ARTICLES.glob("*.md")):
        text = article.read_text(encoding="utf-8")
        found += [p for p in text.split("\n\n") if len(p.split()) > 20 and not p.startswith("#")]
    return found


def make_archive(folder: Path, count: int) -> Path:
    """``count`` short drafts cut from the development set's articles, with front matter."""
    paras = paragraphs()
    for n in range(count):
        desk = ("world", "politics", "science")[n % 3]
        body = "\n\n".join(paras[(n + k) % len(paras)] for k in range(2))
        front = f"---\ndate: {2015 + n % 4}-0{1 + n % 9}-1{n % 10}\ndesk: {desk}\n---\n"
        path = folder / desk / f"story{n:03}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{front}# Story {n}\n\n{body}\n", encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------
# Without a cluster: the pieces
# ---------------------------------------------------------------------------


def test_front_matter_fields_are_read_as_text() -> None:
    text = "---\ndate: 2021-03-04\ndesk: world\ntitle: x\n---\nBody.\n"
    assert front_fields(text) == (("date", "2021-03-04"), ("desk", "world"))
    assert front_fields("---\n: [broken\n---\nBody.\n") == ()
    assert front_fields("No front matter.\n") == ()


def test_name_variants_are_reduced_across_drafts() -> None:
    from newslint.linter import Linter
    from newslint.parse import parse_document
    from newslint.reading import SourceText

    linter = Linter(Options(ignore=tuple(LT_RULES.split(","))))
    drafts = [
        "General Qassem Soleimani spoke on Monday.",
        "General Qassem Soleimani left on Tuesday.",
        "General Qasem Suleimani arrived on Friday.",
    ]
    per_draft = []
    for n, text in enumerate(drafts):
        setup = linter.setup_for(f"d{n}.md")
        _, doc = linter.lint_source_document(SourceText(f"d{n}.md", text, "\n"), setup)
        from newslint.audit.names import draft_names

        per_draft.append(draft_names(doc))
    variants = {v.canonical: v.spellings for v in variant_groups(per_draft)}
    assert variants["Soleimani"] == (("Soleimani", 2), ("Suleimani", 1))
    assert variants["Qassem"] == (("Qassem", 2), ("Qasem", 1))
    assert parse_document  # the same parser the linter used


def result(path: str, digest: str, *rules: str, error: str | None = None) -> DraftResult:
    rows = tuple(Row(rule, "warning", 1, 1, 1, 2, f"{rule} here", None) for rule in rules)
    return DraftResult(path, digest, rows, (("desk", "world"),), error=error)


def test_sqlite_rows_and_state_commit_together(tmp_path: Path) -> None:
    state = AuditState(tmp_path)
    dataset = SQLiteDataset(state.db)
    batch = [
        result("a.md", "h1", "loaded.puffery", "style.wordy"),
        result("b.md", "h2", error="bad"),
    ]
    state.record(batch, dataset.write(batch))
    rows = list(dataset.rows(set(), COLUMNS))
    assert [(r[0], r[2], r[11], r[13]) for r in rows] == [
        ("a.md", "loaded.puffery", "world", None),
        ("a.md", "style.wordy", "world", None),
        ("b.md", None, "world", "bad"),
    ]
    # Rows written but never recorded (an audit killed in between) roll back.
    dataset.write([result("c.md", "h3", "style.wordy")])
    state.close()
    again = AuditState(tmp_path)
    assert again.done() == {("a.md", "h1"), ("b.md", "h2")}
    assert len(list(SQLiteDataset(again.db).rows(set(), ("path",)))) == 3


def test_a_state_from_before_the_failing_column_still_opens(tmp_path: Path) -> None:
    import sqlite3

    db = sqlite3.connect(tmp_path / "audit.sqlite3")
    db.executescript(
        "CREATE TABLE drafts (path TEXT NOT NULL, digest TEXT NOT NULL, error TEXT, "
        "front TEXT NOT NULL, names TEXT NOT NULL, part TEXT, PRIMARY KEY (path, digest));"
        "INSERT INTO drafts VALUES ('a.md', 'x', NULL, '{}', '[]', NULL);"
    )
    db.commit()
    db.close()
    state = AuditState(tmp_path)
    state.record([DraftResult("b.md", "y", failing=True)], None)
    drafts = state.drafts({("a.md", "x"), ("b.md", "y")})
    assert sorted((d.path, d.failing) for d in drafts) == [("a.md", False), ("b.md", True)]
    state.close()


def test_a_parquet_part_the_state_never_recorded_is_removed(tmp_path: Path) -> None:
    state = AuditState(tmp_path)
    dataset = ParquetDataset(tmp_path / "findings")
    kept = dataset.write([result("a.md", "h1", "style.wordy")])
    state.record([result("a.md", "h1", "style.wordy")], kept)
    orphan = dataset.write([result("b.md", "h2", "style.wordy")])
    assert kept != orphan
    dataset.remove_orphans(state.parts())
    assert sorted(p.name for p in (tmp_path / "findings").iterdir()) == [kept]
    assert [r[0] for r in dataset.rows(state.parts(), ("path",))] == ["a.md"]


@pytest.mark.parametrize(
    ("drafts", "workers", "wanted", "size"),
    [(200, 2, None, 25), (10_000, 8, None, 64), (3, 4, None, 1), (200, 2, 5, 5)],
)
def test_batches_keep_every_worker_busy(
    drafts: int, workers: int, wanted: int | None, size: int
) -> None:
    assert batch_size(drafts, workers, wanted) == size


# ---------------------------------------------------------------------------
# An embedded LocalCluster
# ---------------------------------------------------------------------------


def test_audit_matches_newslint_and_resumes(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "archive", 9)
    (archive / "world" / "binary.md").write_bytes(b"\xff\x00binary")
    out = tmp_path / "out"
    page = tmp_path / "summary.html"
    first = audit(archive, out, "--workers", "1", "--no-languagetool", "--html", str(page), code=2)
    assert "1 draft could not be audited" in first.stderr
    assert dataset_findings(out) == json_findings(archive, *NO_LT)
    rows = read_rows(out)
    failed = [r for r in rows if r["error"] is not None]
    assert [(r["path"], r["rule"]) for r in failed] == [("world/binary.md", None)]
    assert "binary" in str(failed[0]["error"])
    story = [r for r in rows if r["path"] == "politics/story001.md"]
    assert story and {(r["date"], r["desk"]) for r in story} == {("2016-02-11", "politics")}
    assert "Audited 10 drafts" in first.stdout and "1 draft failed" in first.stdout
    assert "By desk:" in first.stdout and "By year:" in first.stdout
    assert "10 drafts audited, 0 unchanged" in first.stdout
    html = page.read_text(encoding="utf-8")
    assert "<p>Audited 10 drafts: " in html and "<td>world/binary.md</td>" in html
    assert "<h2>By desk</h2>" in html and "<td>politics</td>" in html

    again = audit(archive, out, "--workers", "1", "--no-languagetool", code=2)
    assert "0 drafts audited, 10 unchanged" in again.stdout
    assert again.stdout.splitlines()[0] == first.stdout.splitlines()[0]

    # An edited draft is audited again; the summary counts its new version only.
    edited = archive / "world" / "story000.md"
    edited.write_text("---\ndesk: world\n---\nA historic, shocking vote.\n", encoding="utf-8")
    third = audit(archive, out, "--workers", "1", "--no-languagetool", code=2)
    assert "1 draft audited, 9 unchanged" in third.stdout
    expected = json_findings(archive, *NO_LT)
    summary_total = int(third.stdout.split(": ")[1].split(" findings")[0])
    assert summary_total == sum(expected.values())


def test_each_worker_runs_its_own_languagetool(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "typo.md").write_text("The mayor recieved the report on Monday.\n", encoding="utf-8")
    (archive / "clean.md").write_text("The vote is on Tuesday.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    env = {"NEWSLINT_CACHE_DIR": str(cache)}
    # A misspelling is an error: exit 1, as the lint command's on the same drafts.
    done = audit(archive, tmp_path / "out", "--workers", "1", env=env, code=1)
    rows = [r for r in read_rows(tmp_path / "out") if r["rule"] is not None]
    spelling = [
        (r["path"], r["line"], r["column"], r["rule"])
        for r in rows
        if "recieved" in str(r["message"])
    ]
    assert spelling == [("typo.md", 1, 11, "spelling.typo")]
    families = {str(r["rule"]).split(".")[0] for r in rows if r["path"] == "clean.md"}
    assert not families & {"spelling", "grammar", "typography"}
    # The worker's server lived in the worker's own cache folder and stopped with it.
    workers = list((cache / "audit").iterdir())
    assert [w.name for w in workers] == ["worker-0"]
    assert (workers[0] / "server.log").exists()
    assert (workers[0] / "lt-cache.sqlite3").exists()  # its own result cache too
    assert not (workers[0] / "server.json").exists()
    assert "LanguageTool is not available" not in done.stdout


# ---------------------------------------------------------------------------
# An existing cluster: `dask scheduler` and two `dask worker`s, one killed
# ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture()
def cluster(tmp_path: Path) -> Iterator[tuple[str, dict[str, subprocess.Popen[bytes]]]]:
    """A scheduler and two workers (no nanny, so a killed worker stays dead)."""
    address = f"tcp://127.0.0.1:{free_port()}"
    logs = tmp_path / "logs"
    logs.mkdir()
    common = ("--no-dashboard",)
    scheduler = subprocess.Popen(
        [
            str(DASK),
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            address.rsplit(":", 1)[1],
            *common,
        ],
        stdout=subprocess.DEVNULL,
        stderr=(logs / "scheduler.log").open("wb"),
    )
    workers = {
        name: subprocess.Popen(
            [
                str(DASK),
                "worker",
                address,
                "--name",
                name,
                "--nthreads",
                "1",
                "--no-nanny",
                "--host",
                "127.0.0.1",
                *common,
            ],
            stdout=subprocess.DEVNULL,
            stderr=(logs / f"{name}.log").open("wb"),
        )
        for name in ("w1", "w2")
    }
    try:
        yield address, workers
    finally:
        for process in (*workers.values(), scheduler):
            if process.poll() is None:
                process.terminate()
        for process in (*workers.values(), scheduler):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def busy_worker(address: str, deadline: float) -> str:
    """The name of a worker with an audit batch in hand, once both have joined."""
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(2, timeout=120)
        names = {a: w["name"] for a, w in client.scheduler_info()["workers"].items()}
        while time.monotonic() < deadline:
            for worker, keys in client.processing().items():
                if any(str(k).startswith("newslint-audit-") for k in keys):
                    return str(names[worker])
            time.sleep(0.05)
    raise AssertionError("no worker ever took an audit batch")


def test_a_killed_worker_loses_nothing_and_doubles_nothing(
    tmp_path: Path, cluster: tuple[str, dict[str, subprocess.Popen[bytes]]]
) -> None:
    address, workers = cluster
    archive = make_archive(tmp_path / "archive", 200)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newslint", "audit", "--scheduler", address, "--out", str(out)]
    command += ["--quiet", "--no-languagetool", "--batch-size", "4", "--exit-zero", "."]
    env = {**os.environ, "NO_COLOR": "1"}
    run = subprocess.Popen(
        command, cwd=archive, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        victim = busy_worker(address, time.monotonic() + 180)
        workers[victim].send_signal(signal.SIGKILL)
        assert run.poll() is None, "the audit ended before a worker could be killed"
        stdout, stderr = run.communicate(timeout=300)
    finally:
        if run.poll() is None:
            run.kill()
    assert workers[victim].wait(timeout=10) == -signal.SIGKILL
    assert run.returncode == 0, stderr
    assert "200 drafts audited" in stdout and "0 drafts failed" in stdout
    found = dataset_findings(out)
    assert found == json_findings(archive, *NO_LT)
    assert sum(found.values()) > 200  # short news drafts still draw findings
    # One result per draft: the state has each draft once, the rows each finding once.
    assert len({(r["path"], r["digest"]) for r in read_rows(out)}) <= 200
    assert len(AuditState(out).done()) == 200


def test_findings_at_the_failing_level_exit_1(tmp_path: Path) -> None:
    # As the lint command: --fail-on, else each draft's fail_on (error by default).
    archive = tmp_path / "archive"
    (archive / "desk").mkdir(parents=True)
    (archive / "desk" / "vote.md").write_text("A historic vote.\n", encoding="utf-8")
    (archive / "strict").mkdir()
    (archive / "strict" / "poll.md").write_text("A shocking poll.\n", encoding="utf-8")
    only = ("--no-languagetool", "--select", "loaded", "--workers", "1")
    lenient = audit(archive, tmp_path / "lenient", *only)  # warnings only: clean
    assert "2 drafts audited" in lenient.stdout
    strict = audit(archive, tmp_path / "strict", *only, "--fail-on", "warning", code=1)
    assert "2 drafts audited" in strict.stdout
    # A draft's own front matter sets its level, as when linting it.
    (archive / "strict" / "poll.md").write_text(
        "---\nnewslint:\n  fail_on: warning\n---\nA shocking poll.\n", encoding="utf-8"
    )
    audit(archive, tmp_path / "lenient", *only, code=1)  # resumed: the edited draft only
    audit(archive, tmp_path / "lenient", *only, "--exit-zero")


def test_a_draft_that_could_not_be_audited_exits_2(tmp_path: Path) -> None:
    # Exit codes as the lint command's: findings are 1 at most, a failed draft is 2.
    # Only unreadable drafts: no cluster starts.
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "binary.md").write_bytes(b"\xff\x00binary")
    (archive / "gone.md").symlink_to("nowhere.md")
    done = audit(archive, tmp_path / "out", "--no-languagetool", code=2)
    assert "2 drafts failed" in done.stdout
    assert "newslint audit: error: 2 drafts could not be audited" in done.stderr


def test_a_folder_that_cannot_be_listed_is_not_a_failed_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # "1 drafts failed" named a folder as a draft; the lint summary's wording now.
    # Root lists any folder, so the refusal is made here; only unreadable entries:
    # no cluster starts.
    from newslint.audit.command import main

    archive = tmp_path / "archive"
    (archive / "locked").mkdir(parents=True)
    (archive / "gone.md").symlink_to("nowhere.md")
    refuse_listing(monkeypatch)
    monkeypatch.chdir(archive)
    code = main(["--out", str(tmp_path / "out"), "--quiet", "--no-languagetool", "."])
    out, err = capsys.readouterr()
    assert code == 2
    assert out.startswith(
        "Audited 1 draft: 0 findings, 1 draft failed; 1 folder could not be read.\n"
    )
    assert "Drafts that failed:\n  gone.md: " in out
    assert "Folders that could not be read:\n  ./locked: folder cannot be read" in out
    assert "\n1 draft audited, 0 unchanged since the last audit" in out
    assert "newslint audit: error: 1 draft could not be audited" in err
    assert "newslint audit: error: 1 folder could not be read" in err


def test_a_fifo_or_an_empty_folder_is_skipped_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Hashing a FIFO named *.md waited forever, and an empty folder named on the
    # command line failed as a draft ("cannot read: Is a directory"). As the lint
    # command: skipped, with its note. Only unreadable drafts: no cluster starts.
    from newslint.audit.command import main

    archive = tmp_path / "archive"
    archive.mkdir()
    (tmp_path / "empty").mkdir()
    os.mkfifo(archive / "pipe.md")
    (archive / "gone.md").symlink_to("nowhere.md")
    monkeypatch.chdir(tmp_path)
    args = ["--out", str(tmp_path / "out"), "--quiet", "--no-languagetool", "archive", "empty"]
    code = main(args)
    out = capsys.readouterr().out
    assert code == 2  # the dangling link
    assert out.startswith("Audited 1 draft: 0 findings, 1 draft failed.\n")
    assert "pipe.md: is a FIFO (named pipe), not a regular file; skipped" in out
    assert "note: empty: folder holds no Markdown files" in out


def test_an_audit_with_other_rules_does_not_resume_into_the_same_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    state = AuditState(out)
    plan = AuditPlan(archives=(".",), out=out, options=Options(select=("style",)))

    assert state.same_settings(settings_fingerprint(plan))
    state.close()
    archive = make_archive(tmp_path / "archive", 2)
    done = run_cli("audit", "--out", str(out), "--no-languagetool", ".", cwd=archive)
    assert done.returncode == 2
    assert "holds an audit made with other rules or options" in done.stderr
    assert "give a new --out" in done.stderr
    assert not (out / "findings").exists()  # refused before writing anything
