"""The command line's options for where newsrooms meet newslint.

Pull requests (``--diff REF``), the terminal (``--quiet``, the pretty default),
many files (``--jobs``) and fixes (``--fix``, ``--dry-run``): their arguments,
their checks, and what happens between linting and reporting. Kept out of
``cli.py`` so that the plain ``newslint draft.md`` path imports none of it
but the arguments.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.changes import Changes
    from newslint.engine import LintResult
    from newslint.findings import Finding
    from newslint.fixes import FileFix
    from newslint.linter import Linter

# Formats whose reporter reads the draft's own text again.
NEEDS_SOURCES = frozenset({"pretty", "rdjson"})
# Formats that place findings in the draft's text by their columns; the HTML
# report does so from the prose layout the linter keeps (Options.layout).
SHOWS_TEXT = NEEDS_SOURCES | {"html"}
# Formats a program reads whole: "fixed:" lines must not go into them.
STRUCTURED = frozenset({"json", "sarif", "rdjson", "github"})


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be 1 or more (1 lints in this process)")
    return jobs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--diff",
        metavar="REF",
        help="lint whole drafts but report only findings on lines changed since git REF",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        metavar="N",
        help="lint folders in N processes (default: one per CPU; 1: no extra processes)",
    )
    parser.add_argument(
        "--fix", action="store_true", help="apply the suggestions of fixable findings"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="with --fix: print a diff and write nothing"
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="findings only: no summary, no progress bar"
    )
    parser.add_argument(
        "--columns",
        choices=["characters", "bytes"],
        default="characters",
        help="count columns in characters (the default) or in UTF-8 bytes, as Vim's "
        "errorformat %%c does",
    )


def default_format() -> str:
    """Pretty for a person at a terminal; text (stable, parseable) for everything else."""
    return "pretty" if sys.stdout.isatty() else "text"


def check_options(ns: argparse.Namespace) -> str | None:
    """The reason the options cannot work together, if they cannot."""
    if ns.dry_run and not ns.fix:
        return "--dry-run goes with --fix (it shows the fixes as a diff)"
    if ns.stdin_filename is not None and "-" not in ns.paths:  # it was ignored, silently
        return (
            f"--stdin-filename names standard input, which is not read here; add '-' to the "
            f"paths (newslint --stdin-filename {ns.stdin_filename} -)"
        )
    if ns.paths.count("-") > 1:  # the second read found nothing: an empty, clean draft
        return "standard input can be read only once; give '-' once"
    if ns.fix and "-" in ns.paths:
        return "--fix cannot rewrite standard input; give the draft's path instead"
    if ns.columns == "bytes" and ns.format in SHOWS_TEXT:
        # These formats place findings in the draft's text by its columns.
        return f"--columns bytes does not go with --format {ns.format}; use text or json"
    return None


def jobs(ns: argparse.Namespace) -> int:
    from newslint.parallel import cpu_count

    return ns.jobs or cpu_count()


def _on_disk(ns: argparse.Namespace, results: Iterable[LintResult]) -> list[str]:
    stdin = (ns.stdin_filename or "stdin.md") if "-" in ns.paths else None
    return [r.path for r in results if not r.problems and r.path != stdin]


def _changes(ns: argparse.Namespace, results: Sequence[LintResult]) -> Changes:
    from newslint.changes import changed_lines

    return changed_lines(ns.diff, _on_disk(ns, results))


def narrow(ns: argparse.Namespace, results: list[LintResult]) -> list[LintResult]:
    """With --diff, only the findings on changed lines."""
    if not ns.diff:
        return results
    if "-" in ns.paths:
        # Standard input has no git history: all of its findings are reported.
        # Said once, or an editor takes them for the changed lines'.
        shown = ns.stdin_filename or "stdin.md"
        print(
            f"newslint: note: --diff {ns.diff}: standard input ({shown}) has no git history "
            "to compare against; all its findings are reported",
            file=sys.stderr,
        )
    return _changes(ns, results).keep(results)


def fix(
    ns: argparse.Namespace, linter: Linter, results: list[LintResult]
) -> tuple[list[LintResult], list[FileFix]]:
    """Apply (or with --dry-run, only compute) the fixes; results for the fixed text."""
    from newslint.fixes import fix_all

    lines = dict(_changes(ns, results).lines) if ns.diff else {}
    announce = None if ns.dry_run else lambda fix: print_fixed([fix], ns.format)
    fixed, fixes = fix_all(linter, results, lines, write=not ns.dry_run, written=announce)
    return fixed, fixes


def fixed_lines(fixes: Iterable[FileFix]) -> str:
    return "".join(f"{applied}\n" for fix in fixes for applied in fix.applied)


def print_fixed(fixes: Sequence[FileFix], output_format: str) -> None:
    """What --fix changed; on stderr when stdout carries a format a program reads."""
    stream = sys.stderr if output_format in STRUCTURED else sys.stdout
    stream.write(fixed_lines(fixes))
    stream.flush()


def dry_run(fixes: Sequence[FileFix], results: Iterable[LintResult], quiet: bool) -> int:
    """Print the diff --fix would apply: exit 1 if it would change anything, 2 on problems."""
    from newslint import exitcodes
    from newslint.fixes import unified_diff

    problems = [p for r in results for p in r.problems]
    for problem in problems:
        print(str(problem), file=sys.stderr)
    changed = [f for f in fixes if f.changed]
    sys.stdout.write("".join(unified_diff(f) for f in changed))
    if not quiet:
        count = sum(len(f.applied) for f in changed)
        files = len(changed)
        print(
            f"--dry-run: would fix {count} finding{'s' if count != 1 else ''} "
            f"in {files} file{'s' if files != 1 else ''}; nothing written.",
            file=sys.stderr,
        )
    if problems:
        return exitcodes.USAGE_OR_CONFIG
    return exitcodes.FINDINGS if changed else exitcodes.CLEAN


def sources_for(
    output_format: str,
    results: Iterable[LintResult],
    stdin_texts: Mapping[str, str],
    needed: bool = False,
) -> dict[str, str]:
    """The text of each draft with findings, for formats that show or measure it."""
    if output_format not in NEEDS_SOURCES and not needed:
        return {}
    from newslint.errors import InputError
    from newslint.reading import read_path

    sources: dict[str, str] = {}
    for result in results:
        if not result.findings:
            continue
        if result.path in stdin_texts:
            sources[result.path] = stdin_texts[result.path]
            continue
        try:
            sources[result.path] = read_path(result.path).text
        except InputError:
            continue  # the report shows the finding without its line
    return sources


def byte_columns(findings: Iterable[Finding], sources: Mapping[str, str]) -> list[Finding]:
    """The findings with columns counted in UTF-8 bytes (``--columns bytes``).

    Vim's ``%c`` is a byte column: counted in characters, a curly quote or
    an emoji earlier on the line puts the cursor on the wrong word.
    """
    from dataclasses import replace

    from newslint.positions import byte_column

    converted = []
    for finding in findings:
        source = sources.get(finding.path)
        if source is None:
            converted.append(finding)
            continue
        converted.append(
            replace(
                finding,
                column=byte_column(source, finding.start),
                end_column=byte_column(source, max(finding.end - 1, finding.start)),
            )
        )
    return converted
