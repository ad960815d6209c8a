"""``newslint setup``: LanguageTool ready before the first lint.

Fills the caches a first run would build (``newslint.prepare``), fetches
the pinned jars from Maven Central (``fetch``; nothing when they are there
or ``NEWSLINT_OFFLINE=1``) and checks that Java is there. Any entry
point fetches the jars on its first run anyway; this only moves the wait.
"""

from __future__ import annotations

import argparse
import os
import sys

from newslint.exitcodes import CLEAN, USAGE_OR_CONFIG
from newslint.languagetool.errors import LanguageToolUnavailable


def main(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newslint setup",
        description="Fetch LanguageTool's pinned jars from Maven Central over HTTPS, each "
        "checked against its SHA-256 (resumes after an interruption; NEWSLINT_OFFLINE=1 "
        "turns fetching off), and check that Java is there.",
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
        print(f"Java: {find_java()}")
    except LanguageToolUnavailable as exc:
        print(f"newslint: error: {exc.reason}", file=sys.stderr)
        return USAGE_OR_CONFIG
    return CLEAN
