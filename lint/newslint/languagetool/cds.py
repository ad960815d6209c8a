"""LanguageTool's classes in an AppCDS archive, for a shorter JVM start.

Java 17 can map the classes a program loaded into a later JVM's memory
already parsed and verified (class-data sharing): ``-XX:ArchiveClassesAtExit``
writes the archive when a JVM exits, ``-XX:SharedArchiveFile`` uses it.

* **The class path.** Java refuses to archive a class path holding a
  non-empty folder, and languagetool-server's manifest puts its own folder
  (``./``) and ~100 ``libs/`` jars that the Maven jars do not have on it. So
  the server runs from a copy of that one jar with the manifest's
  ``Class-Path`` removed, kept beside the archive (the fetched jar keeps its
  pinned checksum), and an explicit, sorted list of the other jars: the same
  list at the archive's making and at every start, as Java requires.
* **Made** by ``newslint setup`` after a warm-up request
  (``build``), and, when it is missing or stale, by the next server a run
  starts: that server writes ``languagetool.jsa.part`` when it stops, and the
  start after promotes it (``promote``).
* **Stale** when Java or a jar changed (the JDK's module image, the jars'
  names, sizes and times, as recorded in ``languagetool.jsa.json``): then it
  is made again, silently.
* **Never fatal.** The archive is private (0600, in the private state
  folder). One that is not this user's, is writable by others, or does not
  match its record (a truncated or altered file) is ignored with one line on
  stderr and made again; the server then starts as it did without one.
  Java checks the archive's header and class path again itself, and runs
  without it when they do not match.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.install import Installation
from newslint.languagetool.state import write_private

SERVER_JAR = re.compile(r"languagetool-server-.*\.jar")
ARCHIVE = "languagetool.jsa"
# A dynamic archive's header (written last, so a JVM killed while writing
# leaves a file without it) starts with this magic number, little-endian.
MAGIC = (0xF00BABA8).to_bytes(4, "little")


@dataclass(frozen=True)
class ArchivePaths:
    """The archive's files, in the server's private state folder."""

    root: Path

    @property
    def archive(self) -> Path:
        return self.root / ARCHIVE

    @property
    def record(self) -> Path:
        return self.root / f"{ARCHIVE}.json"

    @property
    def part(self) -> Path:
        return self.root / f"{ARCHIVE}.part"

    @property
    def part_record(self) -> Path:
        return self.root / f"{ARCHIVE}.part.json"

    @property
    def jar_folder(self) -> Path:
        return self.root / "languagetool-cds"


@dataclass(frozen=True)
class Plan:
    """How to start the JVM: its class path, and the archive flag if any."""

    classpath: str
    options: tuple[str, ...] = ()
    # Whether the server started writes a new archive when it stops.
    archiving: bool = False


def enabled() -> bool:
    return os.environ.get("NEWSLINT_LT_CDS", "1") != "0"


def jars(install: Installation) -> list[Path] | None:
    """The fetched jars in their fixed order, or None when not a fetched ``lib/``."""
    lib = install.where / "lib"
    if install.classpath != str(lib / "*"):
        return None
    found = sorted(lib.glob("*.jar"))
    return found if any(SERVER_JAR.fullmatch(j.name) for j in found) else None


def classpath(install: Installation, paths: ArchivePaths) -> str | None:
    """The explicit class path with the stripped server jar, or None."""
    found = jars(install)
    if found is None:
        return None
    others = [str(j) for j in found if not SERVER_JAR.fullmatch(j.name)]
    servers = [j for j in found if SERVER_JAR.fullmatch(j.name)]
    return os.pathsep.join([*others, str(paths.jar_folder / servers[-1].name)])


def fingerprint(java: str, install: Installation) -> dict[str, Any] | None:
    """What the archive depends on: the JDK and the jars (names, sizes, times)."""
    found = jars(install)
    if found is None:
        return None
    real = Path(os.path.realpath(java))
    modules = real.parent.parent / "lib" / "modules"
    try:
        jdk = [str(real), *_stamp(modules)]
        listed = [[j.name, *_stamp(j)] for j in found]
    except OSError:
        return None
    return {"jdk": jdk, "jars": listed}


def _stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def plan(java: str, install: Installation, paths: ArchivePaths) -> Plan:
    """Use the archive when it is sound; else arrange for the server to make one."""
    fallback = Plan(install.classpath)
    if not enabled():
        return fallback
    cp = classpath(install, paths)
    facts = fingerprint(java, install)
    if cp is None or facts is None:
        return fallback  # language-tool-python's jar: its manifest is the class path
    promote(paths)
    if usable(paths, facts):
        return Plan(cp, (f"-XX:SharedArchiveFile={paths.archive}",))
    try:
        strip_server_jar(install, paths)
    except OSError:
        return fallback
    # A stale or missing archive: the server started now writes a new one
    # when it stops (an idle stop, `newslint server stop`).
    with contextlib.suppress(OSError):
        paths.part.unlink(missing_ok=True)
        _write_private(paths.part_record, json.dumps(facts))
        return Plan(cp, (f"-XX:ArchiveClassesAtExit={paths.part}",), archiving=True)
    return Plan(cp)


def usable(paths: ArchivePaths, facts: dict[str, Any]) -> bool:
    """Whether the archive is there, ours, intact and made for this JDK and these jars."""
    try:
        st = paths.archive.stat()
    except OSError:
        return False
    problem = _unsafe(st)
    record = _read_record(paths.record)
    recorded = record.get("archive") if record else None
    if problem is None and recorded != [st.st_size, st.st_mtime_ns]:
        problem = "it does not match its record (truncated or altered)"
    if problem is not None:
        warn(f"ignoring LanguageTool's class-data archive {paths.archive}: {problem}")
        discard(paths)
        return False
    if record is None or {k: record.get(k) for k in facts} != facts:
        discard(paths)  # stale: Java or the jars changed since it was made
        return False
    return True


def _unsafe(st: os.stat_result) -> str | None:
    if st.st_uid != os.geteuid():
        return f"it belongs to user {st.st_uid}, not to you"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "others may write to it"
    if not stat.S_ISREG(st.st_mode):
        return "it is not a file"
    return None


def promote(paths: ArchivePaths) -> bool:
    """Move an archive a stopped server wrote into place, if it is whole."""
    try:
        st = paths.part.stat()
        with paths.part.open("rb") as handle:
            whole = handle.read(4) == MAGIC
        facts = _read_record(paths.part_record)
    except OSError:
        return False
    if not whole or facts is None or _unsafe(st) is not None:
        with contextlib.suppress(OSError):
            paths.part.unlink()
        return False
    try:
        os.chmod(paths.part, 0o600)
        st = paths.part.stat()
        _write_private(paths.record, json.dumps({**facts, "archive": [st.st_size, st.st_mtime_ns]}))
        os.replace(paths.part, paths.archive)
        paths.part_record.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def discard(paths: ArchivePaths) -> None:
    for path in (paths.archive, paths.record):
        with contextlib.suppress(OSError):
            path.unlink()


def strip_server_jar(install: Installation, paths: ArchivePaths) -> Path:
    """A copy of languagetool-server's jar without the manifest's ``Class-Path``."""
    found = jars(install) or []
    source = [j for j in found if SERVER_JAR.fullmatch(j.name)][-1]
    target = paths.jar_folder / source.name
    if target.exists() and target.stat().st_mtime_ns == source.stat().st_mtime_ns:
        return target
    paths.jar_folder.mkdir(mode=0o700, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(source) as jar_in, zipfile.ZipFile(tmp, "w") as jar_out:
        for info in jar_in.infolist():
            data = jar_in.read(info)
            if info.filename == "META-INF/MANIFEST.MF":
                text = data.decode("utf-8")
                text = re.sub(r"^Class-Path:.*\r?\n(?: .*\r?\n)*", "", text, flags=re.M)
                data = text.encode("utf-8")
            jar_out.writestr(info, data)
    st = source.stat()
    os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(tmp, target)
    return target


def build(java: str, install: Installation, paths: ArchivePaths, run_server: Any) -> float | None:
    """Make the archive now (``newslint setup``): start a server that archives
    at exit, warm it up with ``run_server``, stop it, promote the archive.
    Returns the seconds it took, or None when no archive applies."""
    facts = fingerprint(java, install)
    if not enabled() or facts is None or classpath(install, paths) is None:
        return None
    started = time.monotonic()
    promote(paths)
    if usable(paths, facts):
        return 0.0
    run_server()
    # A running server that was writing one when setup stopped it has given
    # its archive to the server setup started: then there is none to promote.
    if not (promote(paths) or usable(paths, facts)):
        raise LanguageToolUnavailable("the server stopped without writing it")
    return time.monotonic() - started


def warn(message: str) -> None:
    print(f"newslint: {message}", file=sys.stderr, flush=True)


def _read_record(path: Path) -> dict[str, Any] | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return raw if isinstance(raw, dict) else None


def _write_private(path: Path, text: str) -> None:
    write_private(path, text)
