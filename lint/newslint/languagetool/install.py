"""Finding Java and the LanguageTool jars.

Jars: ``$NEWSLINT_LT_HOME``, else ``${XDG_CACHE_HOME:-~/.cache}/newslint/
languagetool-6.8``, holding ``lib/*.jar`` and a ``COMPLETE`` marker, made by
``newslint setup`` (``languagetool.fetch``) or ``scripts/fetch-languagetool``;
failing that, a LanguageTool that language-tool-python downloaded
(``$LTP_JAR_DIR_PATH`` or ``${LTP_PATH:-~/.cache/language_tool_python}/
LanguageTool-*``).
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from newslint.languagetool.errors import LanguageToolUnavailable

LT_VERSION = "6.8"
SETUP_HINT = "run `newslint setup`"
# The exact command a reporter's machine needs; Debian and Ubuntu name it so.
JAVA_HINT = (
    "install Java 17+ (Debian/Ubuntu: `sudo apt-get install default-jre-headless`; "
    "macOS: `brew install openjdk`), or set `languagetool: {required: false}` in "
    ".newslint.yml to skip spelling and grammar"
)


@dataclass(frozen=True)
class Installation:
    """LanguageTool jars found on disk, as a java class path."""

    classpath: str
    version: str
    where: Path


def default_lt_home() -> Path:
    """Where the jars go (the same formula as scripts/fetch-languagetool)."""
    explicit = os.environ.get("NEWSLINT_LT_HOME")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newslint" / f"languagetool-{LT_VERSION}"


def find_installation(home: Path | None = None) -> Installation:
    """The jars to run, or LanguageToolUnavailable saying how to get them."""
    home = home or default_lt_home()
    found = fetched_jars(home) or _ltp_download()
    if found:
        return found
    if (home / "lib").is_dir() and not (home / "COMPLETE").exists():
        raise LanguageToolUnavailable(
            f"LanguageTool jars in {home} are incomplete; {SETUP_HINT} again", setup=True
        )
    raise LanguageToolUnavailable(
        f"LanguageTool jars not found in {home}; {SETUP_HINT}", setup=True
    )


def fetched_jars(home: Path) -> Installation | None:
    if not (home / "COMPLETE").exists():
        return None
    servers = sorted((home / "lib").glob("languagetool-server-*.jar"))
    if not servers:
        return None
    version = servers[-1].name.removeprefix("languagetool-server-").removesuffix(".jar")
    return Installation(classpath=str(home / "lib" / "*"), version=version, where=home)


def _ltp_download() -> Installation | None:
    """A LanguageTool unpacked by language-tool-python, located as it does."""
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
    if jar_dir:
        candidates = [Path(jar_dir)]
    else:
        base = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
        candidates = sorted(base.glob("LanguageTool-*"), key=_version_key, reverse=True)
    for folder in candidates:
        jar = folder / "languagetool-server.jar"
        if jar.is_file():
            # The jar's manifest names its libs/, so it alone is the class path.
            version = folder.name.removeprefix("LanguageTool-") or "unknown"
            return Installation(classpath=str(jar), version=version, where=folder)
    return None


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path.name))


def find_java() -> str:
    """``java`` on PATH, else ``$JAVA_HOME/bin/java``."""
    on_path = shutil.which("java")
    if on_path:
        return on_path
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if os.access(candidate, os.X_OK):
            return str(candidate)
    raise LanguageToolUnavailable(
        f"java not found on PATH or in JAVA_HOME; {JAVA_HINT}", setup=True
    )
