"""``newslint check-rules [PATH...]``: every pack's examples, run as drafts.

A rule's ``examples: {bad: [...], good: [...]}`` are its own tests: each
bad sentence must be flagged by the rule and each good one must not. With
no PATH the packs are those the configuration in force loads (the shipped
packs, LanguageTool's included, and ``extra_rules``); with PATHs, those
pack files or folders of packs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from newslint import exitcodes
from newslint.linter import Linter, Options, Setup
from newslint.packs import load_packs, pack_files
from newslint.reading import SourceText
from newslint.rule import Rule


@dataclass(frozen=True)
class Failure:
    """An example that does not do what its rule says, or could not be run."""

    rule: Rule
    example: str
    problem: str

    def __str__(self) -> str:
        where = f"{self.rule.path}:{self.rule.line}"
        return f"{where}: error: {self.rule.id}: {self.problem}: {self.example!r}"


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint check-rules",
        description="Run every rule's good and bad examples; exit 1 if one fails, "
        "2 if a pack is broken.",
    )
    parser.add_argument("paths", nargs="*", help="pack files or folders (default: every pack)")
    parser.add_argument("--config", help="use this .newslint.yml instead of searching upward")
    return parser


def main(args: list[str]) -> int:
    ns = parser().parse_args(args)
    linter = Linter(Options(ns.config))
    setup = linter.setup_for(".")
    if ns.paths:
        house = Path(setup.config.house_list) if setup.config.house_list else None
        setup = Setup(setup.config, load_packs(_pack_paths(ns.paths), house_list=house))
    for error in setup.packs.errors:
        print(f"newslint: {error}", file=sys.stderr)
    rules = sorted(setup.packs.rules.values(), key=lambda r: (r.path, r.line))
    failures = 0
    examples = 0
    for rule in rules:
        examples += len(rule.bad_examples) + len(rule.good_examples)
        for failure in check_rule(linter, setup, rule):
            failures += 1
            print(failure)
    print(
        f"{examples} examples of {len(rules)} rules checked, {failures} failed",
        file=sys.stderr,
    )
    if setup.packs.errors:
        return exitcodes.USAGE_OR_CONFIG
    return exitcodes.FINDINGS if failures else exitcodes.CLEAN


def _pack_paths(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        files.extend(pack_files(path) if path.is_dir() else [path])
    return files


def check_rule(linter: Linter, setup: Setup, rule: Rule) -> Iterator[Failure]:
    """The rule's examples that fail: a bad one not flagged, a good one flagged."""
    linter.options = replace(linter.options, select=(rule.id,))
    for wanted, examples in ((True, rule.bad_examples), (False, rule.good_examples)):
        for example in examples:
            result = linter.lint_source(SourceText(rule.path, example + "\n", "\n"), setup)
            if result.notices or result.problems:
                said = [*result.notices, *(p.message for p in result.problems)]
                yield Failure(rule, example, f"could not be checked ({'; '.join(said)})")
                continue
            flagged = any(f.rule == rule.id for f in result.findings)
            if flagged != wanted:
                problem = "bad example not flagged" if wanted else "good example flagged"
                yield Failure(rule, example, problem)
