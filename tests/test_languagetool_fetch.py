"""LanguageTool's jars from Maven Central without Maven: pinned, checked, resumable.

A local HTTP server (with byte ranges, as Maven Central has) stands in for
Maven Central, except in one test, which fetches for real on a fresh HOME
through the pre-commit hook.
"""

from __future__ import annotations

import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.fetch import Artifact, download_one, ensure_jars, fetch, load_artifacts
from newslint.languagetool.install import default_lt_home, find_installation
from tests.conftest import ROOT

JAR_HOME = default_lt_home()


class _Ranged(http.server.SimpleHTTPRequestHandler):
    """Serves files with ``Range: bytes=N-`` support and records each request."""

    log: ClassVar[list[tuple[str, str | None]]] = []

    def do_GET(self) -> None:
        path = Path(self.directory) / self.path.lstrip("/")
        type(self).log.append((self.path, self.headers.get("Range")))
        if not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        start = 0
        if self.headers.get("Range", "").startswith("bytes="):
            start = int(self.headers["Range"][6:].rstrip("-"))
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(data) - start))
        self.end_headers()
        self.wfile.write(data[start:])

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A Maven-like repository served on localhost: (base URL, its folder)."""
    root = tmp_path / "repo"
    root.mkdir()
    _Ranged.log = []
    handler = lambda *a, **k: _Ranged(*a, directory=str(root), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()


def _publish(root: Path, name: str, data: bytes, sha_of: bytes | None = None) -> Artifact:
    artifact = Artifact(
        "org.example", name, "6.8", None, len(data), hashlib.sha256(sha_of or data).hexdigest()
    )
    where = root / "org" / "example" / name / "6.8"
    where.mkdir(parents=True)
    (where / artifact.filename).write_bytes(data)
    return artifact


def test_the_pinned_list_matches_the_recipe() -> None:
    artifacts = load_artifacts()
    names = {a.filename for a in artifacts}
    assert {"languagetool-server-6.8.jar", "language-en-6.8.jar"} <= names
    assert len(names) == len(artifacts) == 127
    assert all(len(a.sha256) == 64 and a.size > 0 for a in artifacts)
    server = next(a for a in artifacts if a.name == "languagetool-server")
    assert server.url() == (
        "https://repo1.maven.org/maven2/org/languagetool/languagetool-server/6.8/"
        "languagetool-server-6.8.jar"
    )
    lib = JAR_HOME / "lib"
    if lib.is_dir():  # jars made by scripts/fetch-languagetool (Maven): the same set
        assert {p.name for p in lib.glob("*.jar")} == names
        assert all((lib / a.filename).stat().st_size == a.size for a in artifacts)


def test_an_interrupted_download_resumes(repository: tuple[str, Path], tmp_path: Path) -> None:
    base, root = repository
    data = os.urandom(300_000)
    artifact = _publish(root, "language-en", data)
    folder = tmp_path / "download"
    folder.mkdir()
    (folder / f"{artifact.filename}.part").write_bytes(data[:120_000])  # cut off mid-way
    got: list[int] = []
    done = download_one(artifact, folder, base, got.append)
    assert done.read_bytes() == data
    assert _Ranged.log == [(f"/org/example/language-en/6.8/{artifact.filename}", "bytes=120000-")]
    assert sum(got) == len(data)  # the progress bar counts the resumed part too


def test_a_download_that_does_not_match_its_sum_is_refused(
    repository: tuple[str, Path], tmp_path: Path
) -> None:
    base, root = repository
    artifact = _publish(root, "language-en", b"tampered jar", sha_of=b"the real jar")
    folder = tmp_path / "download"
    folder.mkdir()
    with pytest.raises(LanguageToolUnavailable, match="does not match its pinned SHA-256"):
        download_one(artifact, folder, base, lambda _n: None)
    assert list(folder.iterdir()) == []  # nothing kept, nothing half-kept


def test_fetch_installs_every_jar_then_the_marker(
    repository: tuple[str, Path], tmp_path: Path
) -> None:
    base, root = repository
    artifacts = [
        _publish(root, "languagetool-server", b"server"),
        _publish(root, "language-en", b"english"),
    ]
    home = tmp_path / "lt"
    fetch(home, base, quiet=True, artifacts=artifacts)
    assert sorted(p.name for p in (home / "lib").iterdir()) == [
        "language-en-6.8.jar",
        "languagetool-server-6.8.jar",
    ]
    assert "recipe 2" in (home / "COMPLETE").read_text()
    assert not (home / "download").exists()
    assert find_installation(home).version == "6.8"
    fetch(home, base, quiet=True, artifacts=artifacts)  # done: nothing fetched again
    assert len(_Ranged.log) == 2


def test_offline_fetches_nothing_and_says_so(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSLINT_OFFLINE", "1")
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-ltp"))
    with pytest.raises(LanguageToolUnavailable, match="NEWSLINT_OFFLINE=1: not fetched") as info:
        ensure_jars(tmp_path / "empty")
    assert info.value.setup
    assert not (tmp_path / "empty").exists()


PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))


def _path_without_maven(tmp_path: Path) -> str:
    """PATH with every folder that holds ``mvn`` replaced by links to all but it."""
    folders = []
    for folder in os.environ["PATH"].split(os.pathsep):
        if not (Path(folder) / "mvn").exists():
            folders.append(folder)
            continue
        copy = tmp_path / f"bin{len(folders)}"
        copy.mkdir()
        for entry in Path(folder).iterdir():
            if entry.name != "mvn":
                (copy / entry.name).symlink_to(entry)
        folders.append(str(copy))
    return os.pathsep.join(folders)


@pytest.mark.skipif(not Path(PRE_COMMIT).exists(), reason="pre-commit is not installed")
@pytest.mark.skipif(not shutil.which("java"), reason="this is about a machine with Java")
def test_first_hook_run_on_a_fresh_home_fetches_and_reports_the_typo(tmp_path: Path) -> None:
    """The one test that downloads from Maven Central for real (127 jars, 80 MiB)."""
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    newsroom = tmp_path / "newsroom"
    newsroom.mkdir()
    (newsroom / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks: [{{id: newslint}}]\n"
    )
    (newsroom / "draft.md").write_text("# Strike\n\nThe assasination was planned.\n")
    home = tmp_path / "home"
    home.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NEWSLINT_", "XDG_", "LTP_", "JAVA_TOOL"))
    }
    env.update(
        HOME=str(home),
        PATH=_path_without_maven(tmp_path),
        PRE_COMMIT_HOME=os.environ.get("NEWSLINT_PRE_COMMIT_HOME", str(tmp_path / "pc")),
        NO_COLOR="1",
        NEWSLINT_DAEMON="0",
    )
    assert shutil.which("mvn", path=env["PATH"]) is None
    for args in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", *args], cwd=newsroom, check=True, env=env, capture_output=True)
    run = [PRE_COMMIT]
    subprocess.run([*run, "install-hooks"], cwd=newsroom, env=env, check=True, timeout=900)
    started = time.monotonic()
    done = subprocess.run(
        [*run, "run", "--all-files", "--verbose"],
        cwd=newsroom,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    took = time.monotonic() - started
    output = done.stdout + done.stderr
    print(f"first hook run on a fresh HOME (fetch + JVM start + check): {took:.1f} s")
    assert "draft.md:3:5: error: “assasination” may be a typo" in output, output
    assert "fetching LanguageTool 6.8 from Maven Central" in output
    assert done.returncode == 1
    try:
        subprocess.run([*run, "run", "--all-files"], cwd=newsroom, env=env, capture_output=True)
    finally:
        subprocess.run(
            [sys.executable, "-m", "newslint", "server", "stop"],
            env={**env, "PYTHONPATH": str(ROOT / "lint")},
            capture_output=True,
        )
