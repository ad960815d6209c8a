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
from newslint.errors import ConfigError
from newslint.linter import Linter, Options, Setup
from newslint.packs import load_packs, pack_files
from newslint.reading import SourceText
from newslint.rule import Rule
from newslint.schema import did_you_mean


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
    parser.add_argument(
        "paths", nargs="*", help="pack names, files or folders (default: every pack)"
    )
    parser.add_argument("--config", help="use this .newslint.yml instead of searching upward")
    return parser


def main(args: list[str]) -> int:
    ns = parser().parse_args(args)
    linter = Linter(Options(ns.config))
    setup = linter.setup_for(".")
    if ns.paths:
        house = Path(setup.config.house_list) if setup.config.house_list else None
        files = _pack_paths(ns.paths, {p.name: p.path for p in setup.packs.packs})
        setup = Setup(setup.config, load_packs(files, house_list=house))
    for error in setup.packs.errors:
        print(f"newslint: {error}", file=sys.stderr)
    rules = sorted(setup.packs.rules.values(), key=lambda r: (r.path, r.line))
    failures = 0
    examples = 0
    waiting = []  # rules whose examples need a house list, with none configured
    for rule in rules:
        found = list(check_rule(linter, setup, rule))
        if found and setup.config.house_list is None and _needs_house_list(rule):
            waiting.append(rule.id)
            continue
        examples += len(rule.bad_examples) + len(rule.good_examples)
        failures += len(found)
        for failure in found:
            print(failure)
    bare = [r.id for r in rules if not r.bad_examples and not r.good_examples]
    if bare:  # "0 examples of 1 rules checked, 0 failed", exit 0, checked nothing
        print(
            f"newslint: note: {', '.join(bare)}: no examples, so nothing to check; give each "
            "rule examples: {bad: [...], good: [...]}",
            file=sys.stderr,
        )
    if waiting:
        # Written against examples/names.yml, they cannot fire without a house
        # list: every newsroom without one used to see 4 failures here.
        print(
            f"newslint: note: {', '.join(waiting)}: examples not checked: no house list of "
            "names is configured (names: {house_list: …} in .newslint.yml; they are written "
            "for the starter list, examples/names.yml)",
            file=sys.stderr,
        )
    print(
        f"{_count(examples, 'example')} of {_count(len(rules) - len(waiting), 'rule')} "
        f"checked, {failures} failed",
        file=sys.stderr,
    )
    if setup.packs.errors:
        return exitcodes.USAGE_OR_CONFIG
    return exitcodes.FINDINGS if failures else exitcodes.CLEAN


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _needs_house_list(rule: Rule) -> bool:
    """Whether the rule's list is the newsroom's house list, here empty for want of one.

    ``swap: from_config`` and a ``house_list: <rule id>`` are filled with the
    house list; no pack can write an empty one itself.
    """
    return any(rule.options.get(key) == {} for key in ("swap", "house_list"))


def _pack_paths(paths: list[str], packs: dict[str, str]) -> list[Path]:
    """Pack files, from files, folders of packs or the names of the packs in force.

    ``newslint check-rules loaded`` (as the README writes it) is the shipped
    pack of that name; it used to be "cannot read rule pack: … 'loaded'".
    """
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if not path.exists() and name in packs:
            path = Path(packs[name])
        elif not path.exists():
            hint = did_you_mean(name, sorted(packs))
            raise ConfigError(
                f"{name!r} is neither a pack file or folder nor a pack's name{hint}; "
                f"packs: {', '.join(sorted(packs))}"
            )
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
