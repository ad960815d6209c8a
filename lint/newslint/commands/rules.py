"""``newslint rules``: every rule in force, its level and what it flags."""

from __future__ import annotations

import argparse
import sys

from newslint import exitcodes
from newslint.linter import Linter, Options
from newslint.rule import Rule


def main(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="newslint rules")
    parser.add_argument("--config", help="use this .newslint.yml")
    ns = parser.parse_args(args)
    print(list_rules(rules_in_force(ns.config)), end="")
    return exitcodes.CLEAN


def rules_in_force(config: str | None) -> dict[str, Rule]:
    """The rules the configuration in force (or ``config``) loads; pack problems said."""
    setup = Linter(Options(config)).setup_for(".")
    for error in setup.packs.errors:
        print(f"newslint: {error}", file=sys.stderr)
    return setup.packs.rules


def list_rules(rules: dict[str, Rule]) -> str:
    width = max((len(r) for r in rules), default=10)
    lines = []
    for rule_id in sorted(rules):
        rule = rules[rule_id]
        state = "" if rule.enabled else " (off by default)"
        lines.append(f"{rule_id:<{width}}  {rule.severity!s:<10}  {rule.description}{state}")
    return "\n".join(lines) + "\n"
