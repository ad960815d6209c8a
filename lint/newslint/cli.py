"""The command line: ``newslint PATH...`` and its sub-commands.

One handler at the top turns every NewslintError into one line and an exit
code; nothing below prints a traceback for bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint import __version__, exitcodes
from newslint.engine import LintResult
from newslint.errors import ConfigError, NewslintError
from newslint.findings import FileProblem
from newslint.severity import Severity

if TYPE_CHECKING:
    from newslint.linter import Linter
    from newslint.rule import Rule

SUBCOMMANDS = ("rules", "explain", "lsp", "server", "setup")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "lsp":
            # Lazy: only the language server pays for importing pygls.
            from newslint import lsp

            return lsp.main(args[1:])
        if args and args[0] == "server":
            from newslint.commands import server_command

            return server_command(args[1:])
        if args and args[0] == "setup":
            from newslint.languagetool import setup

            return setup.main(args[1:])
        if args and args[0] == "names":
            from newslint.names import command as names_command

            return names_command.main(args[1:])
        if args and args[0] in SUBCOMMANDS:
            from newslint import commands

            return commands.run(args[0], args[1:])
        return lint_command(args)
    except NewslintError as exc:
        print(f"newslint: {exc}", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return exitcodes.CLEAN
    except Exception as exc:  # a bug: one line, not a traceback, and exit 2
        print(f"newslint: internal error: {exc!r} (please report it)", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG


def lint_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint",
        description="Editorial style and fact-flag linter for news drafts in Markdown.",
        epilog="Sub-commands: newslint rules | newslint explain RULE_ID | newslint lsp | "
        "newslint names PATH",
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
    parser.add_argument(
        "--stdin-filename", default="stdin.md", help="the name to report for standard input"
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


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _selected(ns: argparse.Namespace) -> tuple[str, ...]:
    """--select, with --project's rule added when something is selected.

    The rule goes in through the Options because worker processes rebuild
    their Linter from them. Naming a rule in --select runs it even though it
    ships off; with no --select, ``_also`` turns it on beside every rule
    (house families included) unless it is --ignore'd.
    """
    select, ignore = _split(ns.select), _split(ns.ignore)
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


def lint_command(args: list[str]) -> int:
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
    from newslint.reporters import ReportContext, reporters

    ns.format = ns.format or delivery.default_format()
    conflict = delivery.check_options(ns)
    if conflict:
        print(f"newslint: error: {conflict}", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG
    formats = reporters()
    if ns.format not in formats:
        print(
            f"newslint: error: unknown format {ns.format!r}; use one of: {', '.join(formats)}",
            file=sys.stderr,
        )
        return exitcodes.USAGE_OR_CONFIG
    if ns.config and not os.path.isfile(ns.config):
        print(f"newslint: error: config file {ns.config!r} does not exist", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG

    from newslint.cachedir import check as check_cache

    cache_problem = check_cache()
    if cache_problem:  # once per run; each cache then quietly does without
        print(f"newslint: note: {cache_problem}", file=sys.stderr)
    from newslint import streaming

    if streaming.can_stream(ns):
        code = streaming.run(plan_run(ns), formats[ns.format], _use_color(ns), ns.quiet)
        return exitcodes.CLEAN if ns.exit_zero and code == exitcodes.FINDINGS else code
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
    broken_config |= _say_notices(results)
    color = _use_color(ns)
    in_bytes = ns.columns == "bytes"
    sources = delivery.sources_for(ns.format, results, run.stdin_texts, needed=in_bytes)
    if in_bytes:
        findings = delivery.byte_columns(findings, sources)
    context = ReportContext(
        # A file that could not be linted is not one with "no findings".
        files=sum(1 for r in results if r.findings or not r.problems),
        color=color,
        rules=run.rules,
        sources=sources,
        quiet=ns.quiet,
    )
    sys.stdout.write(formats[ns.format](findings, context))
    code = exit_code(results, ns.fail_on, broken_config)
    return exitcodes.CLEAN if ns.exit_zero and code == exitcodes.FINDINGS else code


@dataclass(frozen=True)
class LintRun:
    """What linting every path gave, and what fixing and reporting need of it."""

    results: list[LintResult]
    broken_config: bool
    linter: Linter
    rules: dict[str, Rule] = field(default_factory=dict)  # every loaded rule, for SARIF
    stdin_texts: dict[str, str] = field(default_factory=dict)  # shown name → text


def _lint_all(ns: argparse.Namespace) -> LintRun:
    plan = plan_run(ns)
    return LintRun(
        list(plan.results()), plan.broken_config, plan.linter, plan.rules, plan.stdin_texts
    )


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

    options = Options(ns.config, _selected(ns), _split(ns.ignore), ns.fail_on, _also(ns))
    linter = Linter(options)
    results: list[LintResult | str] = []
    broken_config = False
    reported_configs: set[str] = set()
    rules: dict[str, Rule] = {}
    seen_setups: set[int] = set()
    stdin_texts: dict[str, str] = {}
    for target in discover(ns.paths):
        shown = ns.stdin_filename if target.path == "-" else target.path
        if target.notice:
            print(f"newslint: note: {_escaped(shown)}: {target.notice}", file=sys.stderr)
            continue
        if target.problem:
            results.append(LintResult(shown, problems=[FileProblem(shown, target.problem)]))
            continue
        try:
            setup = linter.setup_for(shown if target.path == "-" else target.path)
        except ConfigError as exc:
            broken_config = True
            if str(exc) not in reported_configs:
                reported_configs.add(str(exc))
                print(f"newslint: {exc}", file=sys.stderr)
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
    return Plan(ns, linter, results, broken_config, rules, stdin_texts)


def _escaped(path: str) -> str:
    from newslint.findings import escape_path

    return escape_path(path)


def _say_notices(results: list[LintResult]) -> bool:
    """Print each service notice once; true if one of them is an error."""
    said: set[str] = set()
    failed = False
    for result in results:
        for notice in result.notices:
            if notice in said:
                continue
            said.add(notice)
            if result.notices_are_errors:
                failed = True
                print(f"newslint: error: {notice} (LanguageTool is required)", file=sys.stderr)
            else:
                print(f"newslint: note: {notice}; the other checks ran", file=sys.stderr)
    return failed


def _use_color(ns: argparse.Namespace) -> bool:
    if ns.no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def exit_code(results: list[LintResult], fail_on: str | None, broken_config: bool) -> int:
    """2 for config or internal errors and unreadable files, else 1 for failing findings."""
    if broken_config or any(r.internal_error for r in results):
        return exitcodes.USAGE_OR_CONFIG
    if any(r.problems for r in results):
        return exitcodes.USAGE_OR_CONFIG
    for result in results:
        threshold = Severity.parse(fail_on) if fail_on else result.fail_on
        if any(f.severity >= threshold for f in result.findings):
            return exitcodes.FINDINGS
    return exitcodes.CLEAN
