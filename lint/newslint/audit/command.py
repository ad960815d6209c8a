"""``newslint audit ARCHIVE...``: the command line of the archive audit."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from newslint import exitcodes

DEFAULT_OUT = "newslint-audit"


def parser() -> argparse.ArgumentParser:
    from newslint.commands.lint import add_rule_options

    made = argparse.ArgumentParser(
        prog="newslint audit",
        description="Lint a whole archive on a Dask cluster; write every finding as a dataset "
        "and print a summary. Run it again to resume: unchanged drafts already audited are "
        "skipped.",
    )
    made.add_argument("archives", nargs="+", metavar="ARCHIVE", help="folders or files")
    made.add_argument(
        "--out",
        default=DEFAULT_OUT,
        help=f"folder for the dataset and the resume state (default: {DEFAULT_OUT})",
    )
    made.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="an existing Dask scheduler (tcp://HOST:8786); default: a local cluster",
    )
    made.add_argument(
        "--workers",
        type=_positive,
        help="worker processes of the local cluster (default: one per CPU)",
    )
    made.add_argument("--batch-size", type=_positive, help="drafts per task (default: automatic)")
    made.add_argument(
        "--dataset",
        choices=["parquet", "sqlite"],
        help="how to store findings (default: parquet when pyarrow is installed)",
    )
    made.add_argument(
        "--no-languagetool",
        action="store_true",
        help="start no LanguageTool servers (spelling and grammar rules are skipped)",
    )
    made.add_argument("--html", metavar="FILE", help="also write the summary as an HTML page")
    add_rule_options(made)
    made.add_argument(
        "--fail-on",
        choices=["error", "warning", "suggestion"],
        help="lowest severity that makes the exit code 1 (default: each draft's fail_on, "
        "else error)",
    )
    made.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when findings reach --fail-on; a draft that failed still exits 2",
    )
    made.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    made.add_argument("--no-color", action="store_true", help="never colour the output")
    return made


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(args: Sequence[str]) -> int:
    from newslint.audit.job import AuditPlan, run_audit
    from newslint.audit.summary import format_summary, plural
    from newslint.commands.lint import split_rules
    from newslint.linter import Options

    ns = parser().parse_args(args)
    ignore = split_rules(ns.ignore)
    if ns.no_languagetool:
        ignore = (*ignore, "spelling", "grammar", "typography", "style.languagetool")
    plan = AuditPlan(
        archives=tuple(ns.archives),
        out=Path(ns.out),
        options=Options(
            config_path=ns.config,
            select=split_rules(ns.select),
            ignore=ignore,
            fail_on=ns.fail_on,
        ),
        scheduler=ns.scheduler,
        workers=ns.workers,
        languagetool=not ns.no_languagetool,
        batch_size=ns.batch_size,
        parquet=None if ns.dataset is None else ns.dataset == "parquet",
        show_progress=not ns.quiet and sys.stderr.isatty(),
        color=not ns.no_color,
    )
    run = run_audit(plan)
    sys.stdout.write(format_summary(run.summary))
    if ns.html:
        from newslint.audit.htmlsummary import render

        Path(ns.html).write_text(render(run.summary), encoding="utf-8")
    where = ns.out if run.dataset == "sqlite" else f"{ns.out}/findings/*.parquet"
    sys.stdout.write(
        f"{plural(run.drafts - run.skipped, 'draft')} audited, {run.skipped} unchanged since "
        f"the last audit; findings in {where} ({run.dataset}).\n"
    )
    # As the lint command: a draft that could not be audited is not a clean one,
    # nor is a folder whose drafts were never seen.
    if run.summary.failed:
        print(
            f"newslint audit: error: {plural(len(run.summary.failed), 'draft')} could not be "
            "audited (listed under 'Drafts that failed')",
            file=sys.stderr,
        )
    if run.summary.unlisted:
        print(
            f"newslint audit: error: {plural(len(run.summary.unlisted), 'folder')} could not "
            "be read (listed under 'Folders that could not be read')",
            file=sys.stderr,
        )
    if run.summary.failed or run.summary.unlisted:
        return exitcodes.USAGE_OR_CONFIG
    if run.summary.failing and not ns.exit_zero:
        return exitcodes.FINDINGS
    return exitcodes.CLEAN
