"""``newslint setup``: LanguageTool ready before the first lint.

Fetches the pinned jars from Maven Central (``fetch``; nothing when they are
there or ``NEWSLINT_OFFLINE=1``), checks that Java runs, and records Java's
class-data archive for the server (``launch.make_cds_archive``). Any entry
point fetches the jars on its first run anyway; this only moves the wait.
"""

from __future__ import annotations

import argparse
import sys

from newslint.exitcodes import CLEAN, USAGE_OR_CONFIG
from newslint.languagetool.errors import LanguageToolUnavailable


def main(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newslint setup",
        description="Fetch LanguageTool's pinned jars from Maven Central over HTTPS, each "
        "checked against its SHA-256 (resumes after an interruption; NEWSLINT_OFFLINE=1 "
        "turns fetching off), and record Java's class-data archive for faster starts.",
    )
    parser.add_argument(
        "--no-cds", action="store_true", help="skip the class-data archive (about 1 minute)"
    )
    ns = parser.parse_args(args)
    from newslint.languagetool.fetch import ensure_jars
    from newslint.languagetool.install import find_java
    from newslint.languagetool.launch import make_cds_archive

    try:
        install = ensure_jars()
        print(f"LanguageTool {install.version}: {install.where}")
        print(f"Java: {find_java()}")
        if not ns.no_cds:
            print("Recording Java's class-data archive for the server…", flush=True)
            print(f"class-data archive: {make_cds_archive(install)}")
    except LanguageToolUnavailable as exc:
        print(f"newslint: error: {exc.reason}", file=sys.stderr)
        return USAGE_OR_CONFIG
    return CLEAN
