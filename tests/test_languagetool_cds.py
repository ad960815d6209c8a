"""The AppCDS archive of LanguageTool's classes (``newslint.languagetool.cds``).

One archive is made per module, as ``newslint setup`` makes it (a server
started, warmed up and stopped), in a throwaway state folder; each test
copies it into its own. The real JVM runs in every test that starts a server:
what matters is that a bad archive never stops LanguageTool.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint.languagetool import cds
from newslint.languagetool.install import find_installation, find_java
from newslint.languagetool.processes import process_cmdline
from newslint.languagetool.server import ensure_server, stop_server
from tests.test_languagetool_server import (
    JAR_HOME,
    SENTENCE,
    _kill_everything_under,
    _settings,
    check_text,
    needs_server,
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, float]]:
    """A state folder holding an archive made by setup's code, and its making's seconds."""
    from newslint.languagetool.setup import make_archive

    root = tmp_path_factory.mktemp("lt-cds-made")
    state = root / "xdg" / "newslint"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(root / "xdg"))
        patch.setenv("NEWSLINT_LT_HOME", str(JAR_HOME))
        patch.delenv("NEWSLINT_CACHE_DIR", raising=False)
        patch.delenv("NEWSLINT_LT_CDS", raising=False)
        try:
            took = cds_build_seconds(make_archive)
            yield state, took
        finally:
            _kill_everything_under(root)


def cds_build_seconds(make_archive) -> float:  # type: ignore[no-untyped-def]
    import time

    started = time.monotonic()
    make_archive(find_java(), find_installation(JAR_HOME))
    return time.monotonic() - started


@pytest.fixture
def isolated(
    made: tuple[Path, float], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A private state folder holding a copy of the made archive."""
    xdg = tmp_path / "xdg"
    state = xdg / "newslint"
    state.mkdir(parents=True, mode=0o700)
    source = made[0]
    for name in (cds.ARCHIVE, f"{cds.ARCHIVE}.json"):
        shutil.copy2(source / name, state / name)  # copy2 keeps the time the record holds
    shutil.copytree(source / "languagetool-cds", state / "languagetool-cds")
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    monkeypatch.setenv("NEWSLINT_LT_HOME", str(JAR_HOME))
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("NEWSLINT_LT_CDS", raising=False)
    try:
        yield state
    finally:
        _kill_everything_under(tmp_path)


def jvm_flags(pid: int) -> list[str]:
    return [arg for arg in process_cmdline(pid) or [] if arg.startswith("-XX:")]


def archive_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "class-data archive" in line]


def paths_of(state: Path) -> cds.ArchivePaths:
    return cds.ArchivePaths(state)


@needs_server
def test_setup_makes_a_private_archive_the_server_then_uses(
    made: tuple[Path, float], isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, took = made
    archive = state / cds.ARCHIVE
    mode = stat.S_IMODE(archive.stat().st_mode)
    assert mode == 0o600, oct(mode)
    assert archive.read_bytes()[:4] == cds.MAGIC
    assert not (state / f"{cds.ARCHIVE}.part").exists()
    print(f"making the archive took {took:.1f} s")

    handle = ensure_server(_settings())
    assert f"-XX:SharedArchiveFile={isolated / cds.ARCHIVE}" in jvm_flags(handle.pid)
    assert not any("ArchiveClassesAtExit" in f for f in jvm_flags(handle.pid))
    typos = [m for m in check_text(handle, SENTENCE) if m.rule_id == "MORFOLOGIK_RULE_EN_US"]
    assert "assasination" in [SENTENCE[m.offset : m.offset + m.length] for m in typos]
    assert archive_lines(capsys.readouterr().err) == []


@needs_server
def test_corrupt_archive_is_ignored_with_one_line(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = isolated / cds.ARCHIVE
    archive.write_bytes(archive.read_bytes()[:1_000_000])  # truncated: Java would crash on it
    handle = ensure_server(_settings())
    lines = archive_lines(capsys.readouterr().err)
    assert len(lines) == 1, lines
    assert "ignoring" in lines[0] and "does not match its record" in lines[0]
    assert not any("SharedArchiveFile" in f for f in jvm_flags(handle.pid))
    assert check_text(handle, SENTENCE), "the server checks without the archive"
    assert "ArchiveClassesAtExit" in " ".join(jvm_flags(handle.pid)), "and makes a new one"
    assert not archive.exists(), "a corrupt archive is removed, to be made again"


@needs_server
def test_archive_java_rejects_does_not_stop_languagetool(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Damage the record cannot see (a record rewritten to match): Java
    crashes on a truncated archive, and the server starts again without it."""
    archive = isolated / cds.ARCHIVE
    archive.write_bytes(archive.read_bytes()[:5_000_000])
    record = isolated / f"{cds.ARCHIVE}.json"
    st = archive.stat()
    record.write_text(
        json.dumps({**json.loads(record.read_text()), "archive": [st.st_size, st.st_mtime_ns]})
    )
    handle = ensure_server(_settings())
    lines = archive_lines(capsys.readouterr().err)
    said = "newslint: LanguageTool did not start with its class-data archive; see"
    assert lines == [f"{said} {isolated / 'server.log'}"]
    assert not any("SharedArchiveFile" in f for f in jvm_flags(handle.pid))
    assert check_text(handle, SENTENCE)
    assert not archive.exists(), "the archive Java rejected is removed, to be made again"


@needs_server
def test_foreign_archive_is_ignored_with_one_line(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    os.chown(isolated / cds.ARCHIVE, 65534, 65534)
    handle = ensure_server(_settings())
    lines = archive_lines(capsys.readouterr().err)
    assert len(lines) == 1 and "belongs to user 65534" in lines[0], lines
    assert not any("SharedArchiveFile" in f for f in jvm_flags(handle.pid))
    assert check_text(handle, SENTENCE)


def test_archive_writable_by_others_is_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = paths_of(tmp_path)
    paths.archive.write_bytes(cds.MAGIC + bytes(100))
    os.chmod(paths.archive, 0o666)
    st = paths.archive.stat()
    facts = {"jdk": ["java", 1, 2], "jars": []}
    paths.record.write_text(json.dumps({**facts, "archive": [st.st_size, st.st_mtime_ns]}))
    assert not cds.usable(paths, facts)
    lines = archive_lines(capsys.readouterr().err)
    assert len(lines) == 1 and "others may write to it" in lines[0], lines


@needs_server
def test_stale_archive_is_made_again_by_the_next_server(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JDK or jar change: silently not used; the server started writes a
    new one when it stops, and the start after uses it."""
    record = isolated / f"{cds.ARCHIVE}.json"
    facts = json.loads(record.read_text())
    facts["jdk"][2] += 1  # the JDK's module image changed (an update)
    record.write_text(json.dumps(facts))
    settings = _settings()
    handle = ensure_server(settings)
    assert archive_lines(capsys.readouterr().err) == [], "a stale archive is no news"
    assert f"-XX:ArchiveClassesAtExit={isolated / cds.ARCHIVE}.part" in jvm_flags(handle.pid)
    check_text(handle, SENTENCE)
    stop_server(settings)  # the JVM writes the archive as it exits

    again = ensure_server(settings)
    assert f"-XX:SharedArchiveFile={isolated / cds.ARCHIVE}" in jvm_flags(again.pid)
    assert stat.S_IMODE((isolated / cds.ARCHIVE).stat().st_mode) == 0o600
    assert check_text(again, SENTENCE)
    java = find_java()
    assert (
        json.loads(record.read_text())["jdk"]
        == cds.fingerprint(java, find_installation(JAR_HOME))["jdk"]
    )  # type: ignore[index]  # a fingerprint of fetched jars is never None


def test_no_archive_when_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_LT_CDS", "0")
    install = find_installation(JAR_HOME) if (JAR_HOME / "COMPLETE").exists() else None
    if install is None:
        pytest.skip("no jars")
    got = cds.plan(find_java(), install, paths_of(tmp_path))
    assert got == cds.Plan(install.classpath)
