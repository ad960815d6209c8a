"""``newslint server start|stop|status``: the LanguageTool server and the warm process."""

from __future__ import annotations

import argparse
import sys

from newslint import exitcodes


def main(args: list[str]) -> int:
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
    from newslint import warmctl as warm

    if action == "stop":
        pid = warm.stop()
        return f"warm newslint process stopped (pid {pid})" if pid else warm.status()
    if action == "start" and "not running" in warm.status():
        warm.spawn()
        return "warm newslint process starting"
    return warm.status()
