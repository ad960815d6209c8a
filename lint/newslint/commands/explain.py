"""``newslint explain RULE_ID``: a rule's YAML as documentation."""

from __future__ import annotations

import argparse
import sys
import textwrap

from newslint import exitcodes
from newslint.commands.rules import rules_in_force
from newslint.rule import Rule
from newslint.schema import did_you_mean


def main(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="newslint explain")
    parser.add_argument("--config", help="use this .newslint.yml")
    parser.add_argument("rule_id")
    ns = parser.parse_args(args)
    rules = rules_in_force(ns.config)
    rule = rules.get(ns.rule_id)
    family = sorted(r for r in rules if r.startswith(ns.rule_id + "."))
    if rule is None and family:  # was "no rule 'loaded'; did you mean 'loaded.said'?"
        print(
            f"newslint: error: {ns.rule_id!r} is a family of {len(family)} rules; "
            f"explain one of them: {', '.join(family)}",
            file=sys.stderr,
        )
        return exitcodes.USAGE_OR_CONFIG
    if rule is None:
        hint = did_you_mean(ns.rule_id, rules)
        print(f"newslint: error: no rule {ns.rule_id!r}{hint}", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG
    print(explain(rule), end="")
    return exitcodes.CLEAN


def explain(rule: Rule) -> str:
    def para(text: str) -> str:
        return textwrap.fill(" ".join(text.split()), 78)

    parts = [f"{rule.id} ({rule.kind}, {rule.severity}, looks at: {', '.join(sorted(rule.scope))})"]
    parts += ["", "What it flags:", para(rule.description)]
    if rule.why:
        parts += ["", "Why:", para(rule.why)]
    if rule.bad_examples:
        parts += ["", "Flagged:"] + [f"  - {e}" for e in rule.bad_examples]
    if rule.good_examples:
        parts += ["", "Not flagged:"] + [f"  - {e}" for e in rule.good_examples]
    if rule.link:
        parts += ["", f"More: {rule.link}"]
    parts += [
        "",
        "Turn it off:",
        f"  in .newslint.yml:   rules: {{{rule.id}: off}}",
        f"  for one line:       <!-- newslint-disable-next-line {rule.id} -->",
        f"  on the command line: --ignore {rule.id}",
        f"Defined in {rule.path}:{rule.line}",
    ]
    return "\n".join(parts) + "\n"
