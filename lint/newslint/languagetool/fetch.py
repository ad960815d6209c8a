"""Fetching the pinned LanguageTool jars straight from Maven Central (no Maven).

``artifacts.txt`` beside this module pins each jar with its size and SHA-256
(what ``scripts/fetch-languagetool`` resolves with Maven). Each download goes
to ``<home>/download/NAME.part``, resumes from there with an HTTP range after
an interruption, and is checked against its SHA-256 before it counts. When all
are in, ``lib/`` is swapped in whole and the ``COMPLETE`` marker written last,
so a half-done fetch is never taken as done. ``NEWSLINT_OFFLINE=1`` turns
fetching off. Only ``newslint setup`` and the first run that needs the jars
fetch; a run never fetches anything else.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.install import (
    LT_VERSION,
    Installation,
    default_lt_home,
    fetched_jars,
    find_installation,
)
from newslint.languagetool.state import locked

MAVEN_CENTRAL = "https://repo1.maven.org/maven2"
# Must match scripts/fetch-languagetool's RECIPE: both make the same lib/.
RECIPE = "2"
_CHUNK = 1 << 16

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Artifact:
    group: str
    name: str
    version: str
    classifier: str | None
    size: int
    sha256: str

    @property
    def filename(self) -> str:
        suffix = f"-{self.classifier}" if self.classifier else ""
        return f"{self.name}-{self.version}{suffix}.jar"

    def url(self, base: str = MAVEN_CENTRAL) -> str:
        return f"{base}/{self.group.replace('.', '/')}/{self.name}/{self.version}/{self.filename}"


def load_artifacts(path: Path | None = None) -> list[Artifact]:
    path = path or Path(__file__).with_name("artifacts.txt")
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        coordinate, size, sha256 = line.split()
        group, name, version, *classifier = coordinate.split(":")
        found.append(
            Artifact(group, name, version, classifier[0] if classifier else None, int(size), sha256)
        )
    return found


def offline() -> bool:
    return os.environ.get("NEWSLINT_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def ensure_jars(home: Path | None = None) -> Installation:
    """The installed jars, fetched first if missing and fetching is allowed."""
    try:
        return find_installation(home)
    except LanguageToolUnavailable as exc:
        if offline() or os.environ.get("NEWSLINT_LANGUAGETOOL") == "off":
            raise LanguageToolUnavailable(
                f"{exc.reason} (NEWSLINT_OFFLINE=1: not fetched)", setup=True
            ) from None
    fetch(home or default_lt_home())
    return find_installation(home)


def fetch(
    home: Path,
    base: str = MAVEN_CENTRAL,
    quiet: bool = False,
    artifacts: list[Artifact] | None = None,
) -> Path:
    """Download, check and install every pinned jar into ``home/lib``."""
    home.mkdir(parents=True, exist_ok=True)
    # One fetch at a time: a second run waits, then finds the jars.
    with locked(home / ".fetch.lock", 30 * 60):
        if fetched_jars(home):
            return home / "lib"
        return _fetch_locked(home, artifacts or load_artifacts(), base, quiet)


def _fetch_locked(home: Path, artifacts: list[Artifact], base: str, quiet: bool) -> Path:
    download = home / "download"
    download.mkdir(exist_ok=True)
    total = sum(a.size for a in artifacts)
    say = (lambda _text: None) if quiet else (lambda text: print(text, file=sys.stderr))
    say(
        f"newslint: fetching LanguageTool {LT_VERSION} from Maven Central "
        f"({len(artifacts)} jars, {total / 2**20:.0f} MiB, once)…"
    )
    started = time.monotonic()
    with _ProgressBar(total, quiet) as advance:
        for artifact in artifacts:
            download_one(artifact, download, base, advance)
    lib = home / "lib"
    staging = home / "lib.new"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    for artifact in artifacts:
        os.replace(download / artifact.filename, staging / artifact.filename)
    (home / "COMPLETE").unlink(missing_ok=True)
    shutil.rmtree(lib, ignore_errors=True)
    os.replace(staging, lib)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    (home / "COMPLETE").write_text(
        f"languagetool {LT_VERSION}\nrecipe {RECIPE}\nfetched {stamp}\n", encoding="utf-8"
    )
    shutil.rmtree(download, ignore_errors=True)
    say(f"newslint: LanguageTool fetched in {time.monotonic() - started:.0f} s: {lib}")
    return lib


def download_one(artifact: Artifact, folder: Path, base: str, advance: Progress) -> Path:
    """One jar into ``folder``, resumed from its ``.part`` and checked."""
    import urllib.error
    import urllib.request

    done = folder / artifact.filename
    if done.is_file() and _sha256(done) == artifact.sha256:
        advance(artifact.size)
        return done
    part = folder / f"{artifact.filename}.part"
    have = part.stat().st_size if part.exists() else 0
    if have > artifact.size:
        part.unlink()
        have = 0
    request = urllib.request.Request(artifact.url(base), headers={"User-Agent": "newslint"})
    if have:
        request.add_header("Range", f"bytes={have}-")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            resumed = have and response.status == 206
            advance(have if resumed else 0)
            with part.open("ab" if resumed else "wb") as out:
                while chunk := response.read(_CHUNK):
                    out.write(chunk)
                    advance(len(chunk))
    except (OSError, urllib.error.URLError) as exc:
        raise LanguageToolUnavailable(
            f"could not download {artifact.url(base)}: {exc}; run `newslint setup` to resume",
            setup=True,
        ) from exc
    if _sha256(part) != artifact.sha256:
        part.unlink()
        raise LanguageToolUnavailable(
            f"{artifact.filename} from {base} does not match its pinned SHA-256; "
            "not used (run `newslint setup` to try again)",
            setup=True,
        )
    os.replace(part, done)
    return done


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class _ProgressBar:
    """A rich progress bar on stderr (nothing when ``quiet``)."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.total = total
        self.quiet = quiet
        self._bar: Any = None  # a rich Progress once entered (rich is imported lazily)

    def __enter__(self) -> Progress:
        if self.quiet:
            return lambda _n: None
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

        self._bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            console=Console(stderr=True),
        )
        self._bar.start()
        task = self._bar.add_task("LanguageTool jars", total=self.total)
        return lambda n: self._bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
