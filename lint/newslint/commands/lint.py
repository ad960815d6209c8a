"""``newslint PATH...``: the linting command, its options, and its exit code."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint import __version__, exitcodes
from newslint.engine import LintResult
from newslint.errors import ConfigError, NewslintError, each_error
from newslint.findings import FileProblem, escape_path
from newslint.severity import Severity

if TYPE_CHECKING:
    from newslint.linter import Linter
    from newslint.reporters import ReportContext
    from newslint.rule import Rule


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, told the width as shutil would find it.

    argparse makes a formatter for every option it adds, and without a width
    each one imports shutil (and with it bz2, lzma and zlib): a cold run paid
    that import to lint, never to show help.
    """

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_columns() - 2)


def _columns() -> int:
    """The terminal's width: $COLUMNS, else the terminal's, else 80 (as shutil's)."""
    with contextlib.suppress(ValueError):
        if int(os.environ.get("COLUMNS", "0")) > 0:
            return int(os.environ["COLUMNS"])
    stdout = sys.__stdout__  # None when Python runs with no standard output
    if stdout is None:
        return 80
    try:
        return os.get_terminal_size(stdout.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


def lint_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint",
        formatter_class=_HelpFormatter,
        description="Editorial style and fact-flag linter for news drafts in Markdown.",
        epilog="Sub-commands: newslint rules | newslint explain RULE_ID | newslint lsp | "
        "newslint names PATH | newslint check-rules [PACK...] | newslint setup | "
        "newslint server start|stop|status | newslint audit ARCHIVE",
    )
    parser.add_argument("paths", nargs="*", help="files or folders; '-' reads standard input")
    parser.add_argument(
        "--format",
        help="text (the default when piped), pretty (the default on a terminal), json, "
        "json-lines, checklist, checklist-csv, checklist-json, github, sarif, rdjson, markdown "
        "(a pull-request summary) or html (a page for editors)",
    )
    add_rule_options(parser)
    parser.add_argument(
        "--fail-on",
        choices=["error", "warning", "suggestion"],
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    parser.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when findings reach --fail-on (advisory runs); "
        "a broken config or an unreadable draft still exits 2",
    )
    parser.add_argument(  # no default: a name given is judged by delivery.check_options
        "--stdin-filename", help="the name to report for standard input (default: stdin.md)"
    )
    parser.add_argument("--no-color", action="store_true", help="never colour the output")
    parser.add_argument(
        "--project",
        action="store_true",
        help="also compare each draft's names with the rest of its repository "
        "(names.house-spelling)",
    )
    from newslint import delivery

    delivery.add_arguments(parser)
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    return parser


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    """--select, --ignore and --config, shared by the linter and the language server."""
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULES",
        help="only these rule ids or prefixes (comma-separated; repeatable)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULES",
        help="skip these rule ids or prefixes (comma-separated; repeatable)",
    )
    parser.add_argument("--config", help="use this .newslint.yml instead of searching upward")


def split_rules(values: list[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _selected(ns: argparse.Namespace) -> tuple[str, ...]:
    """--select, with --project's rule added when something is selected.

    The rule goes in through the Options because worker processes rebuild
    their Linter from them. Naming a rule in --select runs it even though it
    ships off; with no --select, ``_also`` turns it on beside every rule
    (house families included) unless it is --ignore'd.
    """
    select, ignore = split_rules(ns.select), split_rules(ns.ignore)
    if not ns.project or not select:
        return select
    from newslint.config import PROJECT_RULE
    from newslint.selection import matches

    if any(matches(PROJECT_RULE, prefix) for prefix in ignore):
        return select
    return (*select, PROJECT_RULE)


def _also(ns: argparse.Namespace) -> tuple[str, ...]:
    """Rules that ship off and that this run turns on beside the selection."""
    from newslint.config import PROJECT_RULE

    also: tuple[str, ...] = ()
    if ns.format == "html":  # the HTML fact-check sheet; only it imports the checklist
        from newslint.reporters.checklist import ATTRIBUTED_RULE

        also = (ATTRIBUTED_RULE,)
    return (*also, PROJECT_RULE) if ns.project and not ns.select else also


def main(args: list[str]) -> int:
    """``newslint PATH...``: lint, then report in one format; the exit code says how it went."""
    parser = lint_parser()
    ns = parser.parse_args(args)
    if not ns.paths:
        parser.print_usage(sys.stderr)
        print("newslint: error: give at least one file or folder ('-' for stdin)", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG
    if ns.format and ns.format.startswith("checklist"):
        # The fact-check sheet lists attributed claims too; their rule ships
        # off so that it never shows in other formats, and this turns it on.
        from newslint.reporters.checklist import RULES

        ns.select.append(",".join(RULES))
    from newslint import delivery
    from newslint.reporters import reporters

    ns.format = delivery.default_format() if ns.format is None else ns.format
    formats = reporters()
    wrong = _wrong_options(ns, formats)
    if wrong:
        print(f"newslint: error: {wrong}", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG

    _note_cache()
    from newslint import streaming

    if streaming.can_stream(ns):
        code = streaming.run(plan_run(ns), formats[ns.format], _use_color(ns), ns.quiet)
        return _advisory(ns, code)
    run = _lint_all(ns)
    results, broken_config = run.results, run.broken_config
    if ns.fix:
        results, fixes = delivery.fix(ns, run.linter, results)
        if ns.dry_run:
            code = delivery.dry_run(fixes, results, ns.quiet)
            return exitcodes.USAGE_OR_CONFIG if broken_config else code
    results = delivery.narrow(ns, results)
    findings = [f for r in results for f in r.findings]
    problems = [p for r in results for p in r.problems]
    for problem in problems:
        print(str(problem), file=sys.stderr)
    from newslint.streaming import say_notices

    broken_config |= say_notices(results)
    color = _use_color(ns)
    in_bytes = ns.columns == "bytes"
    sources = delivery.sources_for(ns.format, results, run.stdin_texts, needed=in_bytes)
    if in_bytes:
        findings = delivery.byte_columns(findings, sources)
    context = _context(ns, run, results, sources, color)
    sys.stdout.write(formats[ns.format](findings, context))
    code = exit_code(results, ns.fail_on, broken_config)
    return _advisory(ns, code)


def _context(
    ns: argparse.Namespace,
    run: LintRun,
    results: list[LintResult],
    sources: dict[str, str],
    color: bool,
) -> ReportContext:
    from newslint.reporters import ReportContext

    return ReportContext(
        # A file that could not be linted is not one with "no findings".
        files=sum(1 for r in results if r.counted),
        color=color,
        rules=run.rules,
        sources=sources,
        quiet=ns.quiet,
        layouts={r.path: r.layout for r in results if r.layout is not None},
        problems=tuple(p for r in results for p in r.problems),
        unlinted=run.unlinted + sum(1 for r in results if not r.counted and not r.unlisted),
        unlisted=sum(1 for r in results if r.unlisted),
    )


def _note_cache() -> None:
    """Say once per run when the cache cannot be used; each cache then does without."""
    from newslint.cachedir import check as check_cache

    cache_problem = check_cache()
    if cache_problem:
        print(f"newslint: note: {cache_problem}", file=sys.stderr)


def _advisory(ns: argparse.Namespace, code: int) -> int:
    """--exit-zero: findings exit 0; a broken config or draft still exits 2."""
    return exitcodes.CLEAN if ns.exit_zero and code == exitcodes.FINDINGS else code


def _wrong_options(ns: argparse.Namespace, formats: Mapping[str, object]) -> str | None:
    """What is wrong with the options together, before anything is linted."""
    from newslint import delivery

    conflict = delivery.check_options(ns)
    if conflict:
        return conflict
    if ns.format not in formats:
        return f"unknown format {ns.format!r}; use one of: {', '.join(formats)}"
    if ns.config and os.path.isdir(ns.config):  # was "does not exist", of a folder that does
        found = [
            n for n in (".newslint.yml", ".newslint.yaml") if os.path.isfile(ns.config + "/" + n)
        ]
        hint = f"; did you mean {os.path.join(ns.config, found[0])!r}?" if found else ""
        return f"--config {ns.config!r} is a folder; name the config file itself{hint}"
    if ns.config and not os.path.isfile(ns.config):
        return f"config file {ns.config!r} does not exist"
    return None


@dataclass(frozen=True)
class LintRun:
    """What linting every path gave, and what fixing and reporting need of it."""

    results: list[LintResult]
    broken_config: bool
    linter: Linter
    rules: dict[str, Rule] = field(default_factory=dict)  # every loaded rule, for SARIF
    stdin_texts: dict[str, str] = field(default_factory=dict)  # shown name → text
    unlinted: int = 0  # drafts left out for a broken config (no result of their own)


def _lint_all(ns: argparse.Namespace) -> LintRun:
    plan = plan_run(ns)
    results, broken = list(plan.results()), plan.broken_config
    return LintRun(results, broken, plan.linter, plan.rules, plan.stdin_texts, plan.unlinted)


@dataclass
class Plan:
    """What to lint, in order: results already known, and paths still to lint.

    Planning loads every config first (so a broken one is known before any
    output); ``results`` then lints the paths, yielding each result in order.
    """

    ns: argparse.Namespace
    linter: Linter
    items: list[LintResult | str]
    broken_config: bool
    rules: dict[str, Rule]
    stdin_texts: dict[str, str]
    unlinted: int = 0  # drafts under a config that could not be loaded

    def results(self) -> Iterator[LintResult]:
        from newslint import delivery
        from newslint.parallel import iter_lint_paths, wants_progress

        paths = [item for item in self.items if isinstance(item, str)]
        progress = wants_progress(len(paths), self.ns.quiet)
        linted = iter_lint_paths(
            self.linter, paths, delivery.jobs(self.ns), progress, not self.ns.no_color
        )
        for item in self.items:
            yield next(linted) if isinstance(item, str) else item
        linted.close()


def plan_run(ns: argparse.Namespace) -> Plan:
    from newslint.discover import discover
    from newslint.linter import Linter, Options
    from newslint.reading import decode

    options = Options(
        ns.config,
        _selected(ns),
        split_rules(ns.ignore),
        ns.fail_on,
        _also(ns),
        layout=ns.format == "html",  # the page shows the prose the workers parsed
    )
    linter = Linter(options)
    results: list[LintResult | str] = []
    broken_config = False
    reported_configs: set[str] = set()
    rules: dict[str, Rule] = {}
    seen_setups: set[int] = set()
    stdin_texts: dict[str, str] = {}
    unlinted = 0
    for target in discover(ns.paths):
        shown = (ns.stdin_filename or "stdin.md") if target.path == "-" else target.path
        if target.notice:
            print(f"newslint: note: {escape_path(shown)}: {target.notice}", file=sys.stderr)
            continue
        if target.problem:
            problems = [FileProblem(shown, target.problem)]
            results.append(LintResult(shown, problems=problems, unlisted=target.unlisted))
            continue
        try:
            setup = linter.setup_for(shown if target.path == "-" else target.path)
        except ConfigError as exc:
            broken_config, unlinted = True, unlinted + 1
            if str(exc) not in reported_configs:
                reported_configs.add(str(exc))
                for error in each_error(exc):
                    print(f"newslint: {error}", file=sys.stderr)
            continue
        for note in linter.notes:
            if note not in reported_configs:
                reported_configs.add(note)
                print(f"newslint: note: {note}", file=sys.stderr)
        for error in setup.packs.errors:
            if str(error) not in reported_configs:
                reported_configs.add(str(error))
                print(f"newslint: {error}", file=sys.stderr)
                broken_config = True
        if id(setup) not in seen_setups:  # each config's packs once
            seen_setups.add(id(setup))
            rules.update(setup.packs.rules)
        if target.path != "-" and setup.config.is_ignored(target.path):
            if target.path in ns.paths:  # named, yet left out: said, not "0 files" alone
                note = f"{escape_path(shown)}: matches ignore: in {setup.config.path}; not linted"
                print(f"newslint: note: {note}", file=sys.stderr)
            continue
        if target.path == "-":
            try:
                source = decode(shown, sys.stdin.buffer.read())
            except NewslintError as exc:
                results.append(
                    LintResult(shown, problems=[FileProblem(shown, exc.message, exc.line)])
                )
                continue
            stdin_texts[shown] = source.text
            results.append(linter.lint_source(source, setup))
        else:
            results.append(target.path)  # linted in its place, so the order stays
    return Plan(ns, linter, results, broken_config, rules, stdin_texts, unlinted)


def _use_color(ns: argparse.Namespace) -> bool:
    if ns.no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def exit_code(results: list[LintResult], fail_on: str | None, broken_config: bool) -> int:
    """2 for config or internal errors and unreadable files, else 1 for failing findings."""
    if broken_config or any(r.internal_error or r.problems for r in results):
        return exitcodes.USAGE_OR_CONFIG
    for result in results:
        threshold = Severity.parse(fail_on) if fail_on else result.fail_on
        if any(f.severity >= threshold for f in result.findings):
            return exitcodes.FINDINGS
    return exitcodes.CLEAN
