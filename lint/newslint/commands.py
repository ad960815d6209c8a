"""``newslint rules`` and ``newslint explain RULE_ID``: the rule YAML as documentation."""

from __future__ import annotations

import argparse
import sys
import textwrap

from newslint import exitcodes
from newslint.linter import Linter, Options
from newslint.rule import Rule
from newslint.schema import did_you_mean


def run(command: str, args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"newslint {command}")
    parser.add_argument("--config", help="use this .newslint.yml")
    if command == "explain":
        parser.add_argument("rule_id")
    ns = parser.parse_args(args)
    setup = Linter(Options(ns.config)).setup_for(".")
    for error in setup.packs.errors:
        print(f"newslint: {error}", file=sys.stderr)
    rules = setup.packs.rules
    if command == "rules":
        print(list_rules(rules), end="")
        return exitcodes.CLEAN
    rule = rules.get(ns.rule_id)
    if rule is None:
        hint = did_you_mean(ns.rule_id, rules)
        print(f"newslint: error: no rule {ns.rule_id!r}{hint}", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG
    print(explain(rule), end="")
    return exitcodes.CLEAN


def list_rules(rules: dict[str, Rule]) -> str:
    width = max((len(r) for r in rules), default=10)
    lines = []
    for rule_id in sorted(rules):
        rule = rules[rule_id]
        state = "" if rule.enabled else " (off by default)"
        lines.append(f"{rule_id:<{width}}  {rule.severity!s:<10}  {rule.description}{state}")
    return "\n".join(lines) + "\n"


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


def server_command(args: list[str]) -> int:
    """``newslint server start|stop|status``: the LanguageTool server by hand."""
    from newslint.languagetool import commands as lt

    parser = argparse.ArgumentParser(
        prog="newslint server",
        description="Start, stop or check the local LanguageTool server and the warm "
        "newslint process that runs share (both also start on demand and stop after "
        "30 idle minutes).",
    )
    parser.add_argument("action", choices=["start", "stop", "status"])
    ns = parser.parse_args(args)
    action = {"start": lt.start_command, "stop": lt.stop_command, "status": lt.status_command}
    code, lines = action[ns.action]()
    lines.append(_warm_process(ns.action))
    stream = sys.stderr if code == exitcodes.USAGE_OR_CONFIG else sys.stdout
    for line in lines:
        print(line if stream is sys.stdout else f"newslint: {line}", file=stream)
    return code


def _warm_process(action: str) -> str:
    """Start, stop or describe the warm newslint process (see newslint.warm)."""
    from newslint import warm

    if action == "stop":
        pid = warm.stop()
        return f"warm newslint process stopped (pid {pid})" if pid else warm.status()
    if action == "start" and "not running" in warm.status():
        warm.spawn()
        return "warm newslint process starting"
    return warm.status()
