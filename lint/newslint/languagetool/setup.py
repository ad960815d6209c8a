"""``newslint setup``: LanguageTool ready before the first lint.

Fills the caches a first run would build (``newslint.prepare``), fetches
the pinned jars from Maven Central (``fetch``; nothing when they are there
or ``NEWSLINT_OFFLINE=1``), checks that Java is there and makes the AppCDS
archive of LanguageTool's classes (``cds``; a server started, warmed up and
stopped). Any entry point fetches the jars on its first run anyway, and the
first server a run starts writes the archive when it stops; this only moves
the wait.
"""

from __future__ import annotations

import argparse
import os
import sys

from newslint.exitcodes import CLEAN, USAGE_OR_CONFIG
from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.install import Installation


def main(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newslint setup",
        description="Fetch LanguageTool's pinned jars from Maven Central over HTTPS, each "
        "checked against its SHA-256 (resumes after an interruption; NEWSLINT_OFFLINE=1 "
        "turns fetching off), check that Java is there, and make the class-data archive that "
        "shortens the LanguageTool server's start (NEWSLINT_LT_CDS=0: none).",
    )
    parser.parse_args(args)
    # The caches a first run would otherwise build (CMUdict index, compiled
    # packs), so the first lint costs what a later one does.
    from newslint.prepare import prepare

    prepare(os.getcwd())
    print("caches: CMUdict index and compiled rule packs ready")
    from newslint.languagetool.fetch import ensure_jars
    from newslint.languagetool.install import find_java

    try:
        install = ensure_jars()
        print(f"LanguageTool {install.version}: {install.where}")
        java = find_java()
        print(f"Java: {java}")
    except LanguageToolUnavailable as exc:
        print(f"newslint: error: {exc.reason}", file=sys.stderr)
        return USAGE_OR_CONFIG
    make_archive(java, install)
    return CLEAN


# A short news text: the warm-up request loads the English model and the
# rules a draft's check runs, so their classes go into the archive.
WARM_UP_TEXT = (
    "The council voted 7-2 on Tuesday to close the library, the mayor said. "
    "Residents, who has protested for weeks, said they would appeal the decision.\n\n"
    "\u201cWe was not consulted,\u201d said Ana Lopez, 54 , a teacher. Its a recieved idea "
    "that libraries are empty; in fact visits rose 12% last year -- more then expected."
)


def make_archive(java: str, install: Installation) -> None:
    """The AppCDS archive of LanguageTool's classes (see languagetool.cds): a
    server is started, warmed up with a request and stopped, writing it."""
    from newslint.languagetool import cds
    from newslint.languagetool.state import state_paths

    paths = cds.ArchivePaths(state_paths().root)

    def warm_server() -> None:
        from newslint.languagetool import client
        from newslint.languagetool.matches import CheckOptions
        from newslint.languagetool.server import ensure_server, stop_server

        stop_server()  # a running server was not started to write an archive
        handle = ensure_server()
        tool = client.connect(handle.url, CheckOptions(), 120.0)
        client.check(tool, WARM_UP_TEXT, 120.0)
        stop_server()

    try:
        took = cds.build(java, install, paths, warm_server)
    except LanguageToolUnavailable as exc:
        print(f"newslint: LanguageTool class-data archive not made: {exc.reason}", file=sys.stderr)
        return
    if took is None:
        print("LanguageTool class-data archive: none (NEWSLINT_LT_CDS=0, or jars not in lib/)")
    elif took == 0.0:
        print(f"LanguageTool class-data archive: up to date ({paths.archive})")
    else:
        print(f"LanguageTool class-data archive: made in {took:.1f} s ({paths.archive})")
