"""``newslint names PATH...``: every name a repository spells more than one way.

Scans the drafts (through the name index, so a second run reads only what
changed), groups the spellings with names.keys, and prints each group with
its counts and drafts. ``--write FILE`` (or ``-``) writes a house list of
names -- ``variant: canonical`` lines, the format of the file
``names.house_list`` names in .newslint.yml -- with the counts and example
drafts as comments.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint import exitcodes
from newslint.names.groups import Group, Policy, Usage
from newslint.reading import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from newslint.linter import Linter
    from newslint.names.index import NameIndex

EXAMPLE_FILES = 3  # drafts named in each --write comment


@dataclass(frozen=True)
class Scan:
    """The drafts scanned and the index they are in."""

    root: str
    drafts: tuple[str, ...]  # relative to root
    read: int  # drafts read this time (the rest came from the index)
    unreadable: tuple[str, ...] = ()  # one error line each (binary, not UTF-8, too big…)
    too_big: int = 0  # drafts over max_file_mb, neither read nor listed


@dataclass(frozen=True)
class Listed:
    """A group as printed: its spellings with the drafts using each."""

    group: Group
    files: dict[str, list[tuple[str, int]]]  # key → [(draft, uses)]
    others: frozenset[str] = frozenset()  # keys that look like other people's names

    @property
    def total(self) -> int:
        return sum(m.total for m in self.group.members)


def main(args: Sequence[str]) -> int:
    ns = _parser().parse_args(list(args))
    missing = [p for p in ns.paths if not os.path.exists(p)]
    if missing and os.path.islink(missing[0]):
        from newslint.reading import missing as why

        print(f"newslint names: error: {missing[0]}: {why(missing[0])}", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG
    if missing:
        print(f"newslint names: error: no such file or folder: {missing[0]}", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG
    from newslint.linter import Linter, Options

    linter = Linter(Options(ns.config))
    policy = _policy(linter, ns.paths[0])
    listed: list[Listed] = []
    scans: list[Scan] = []
    for path in ns.paths:
        # The size limit linting applies to a draft here: its .newslint.yml's.
        max_bytes = linter.setup_for(path).config.max_file_bytes
        scan, found = _scan(path, policy, max_bytes)
        scans.append(scan)
        listed.extend(found)
    listed.sort(key=lambda item: (-item.total, item.group.canonical.casefold()))
    for scan in scans:
        indexed = len(scan.drafts) - scan.read - scan.too_big
        big = f", {scan.too_big} over max_file_mb" if scan.too_big else ""
        print(
            f"newslint names: {_count(len(scan.drafts), 'draft')} in {scan.root} "
            f"({scan.read} read, {indexed} from the index{big})",
            file=sys.stderr,
        )
        for problem in scan.unreadable:
            print(problem, file=sys.stderr)
    if ns.write != "-":
        sys.stdout.write(format_listing(listed, ns.max_files))
    if ns.write:
        text = format_house_list(listed, policy, sum(len(s.drafts) for s in scans))
        if ns.write == "-":
            sys.stdout.write(text)
        else:
            try:
                # "x": never over a list an editor has reviewed (the README's
                # workflow: write, delete entries, keep); a rerun wiped it.
                with open(ns.write, "x", encoding="utf-8") as out:
                    out.write(text)
            except FileExistsError:
                print(
                    f"newslint names: error: {ns.write} already exists (a house list you may "
                    "have edited); not overwritten: write to a new file, or delete it first",
                    file=sys.stderr,
                )
                return exitcodes.USAGE_OR_CONFIG
            except OSError as exc:
                print(f"newslint names: error: cannot write {ns.write}: {exc}", file=sys.stderr)
                return exitcodes.USAGE_OR_CONFIG
    # As with linting: a draft that could not be read is not a clean one.
    return exitcodes.USAGE_OR_CONFIG if any(s.unreadable for s in scans) else exitcodes.CLEAN


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint names",
        description="List every name the drafts spell more than one way.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="folders or drafts to scan")
    parser.add_argument("--config", help="use this .newslint.yml (house list, distinct pairs)")
    parser.add_argument(
        "--write",
        metavar="FILE",
        help="write a proposed house list of names to FILE ('-': standard output, no listing)",
    )
    parser.add_argument(
        "--max-files",
        type=int,
        default=5,
        metavar="N",
        help="drafts to name per spelling in the listing (0: all; default 5)",
    )
    return parser


def _policy(linter: Linter, path: str) -> Policy:
    """The house list and distinct pairs of names.variant-spelling in force at ``path``."""
    from newslint.names.rule import Variants

    setup = linter.setup_for(path)
    for pack in setup.packs.packs:
        for check in pack.checks:
            if isinstance(check, Variants) and not check.project:
                return check.policy
    return Policy()


def _scan(path: str, policy: Policy, max_bytes: int) -> tuple[Scan, list[Listed]]:
    from newslint.names.index import NameIndex
    from newslint.names.repository import repository_files, repository_root

    root = repository_root(path)
    drafts = repository_files(root, under=path)
    if not drafts:
        # A folder git ignores (build output, an export) is scanned on its own.
        root = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
        drafts = repository_files(root, under=path)
    index = NameIndex.open(root)
    try:
        refresh = index.refresh(drafts, prune_under=path, max_bytes=max_bytes)
        relative = [index.relative(d) for d in drafts]
        too_big = {index.relative(d) for d in refresh.too_big}
        # A draft over max_file_mb is left out of the listing, as linting leaves it out.
        listed = [r for r in relative if r not in too_big]
        # Scanning the whole root: no need to name every draft to the index.
        whole = len(listed) == len(index.stored())
        found = _groups(index, listed, policy, whole)
        failed = sorted([*too_big, *index.without_names(listed)])
        unreadable = unreadable_drafts((os.path.join(root, r) for r in failed), max_bytes)
        unreadable = sorted([*unreadable, *unreachable(path, drafts)])
    finally:
        index.close()
    scan = Scan(
        os.path.abspath(root), tuple(relative), len(refresh.read), tuple(unreadable), len(too_big)
    )
    return scan, found


def unreadable_drafts(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """``path[:line]: error: why`` for each draft of ``paths`` that cannot be read.

    The index stores such a draft with no names (and would otherwise never
    say so, exit 0), and does not read one over ``max_bytes`` at all; only
    those are read again here, under the same limit, so each gets linting's
    own message.
    """
    from newslint.errors import InputError
    from newslint.findings import FileProblem
    from newslint.markdown import make_parser
    from newslint.parse import parse_document
    from newslint.reading import read_path

    problems = []
    for path in paths:
        shown = os.path.relpath(path)
        try:
            parse_document(shown, read_path(path, max_bytes).text, make_parser())
        except InputError as exc:
            problems.append(str(FileProblem(shown, exc.message, exc.line)))
    return problems


def unreachable(path: str, drafts: Iterable[str]) -> list[str]:
    """``path: error: why`` for dangling links and folders that cannot be listed.

    Both were passed over without a word (the index skips a draft it cannot
    stat; a walk skips a folder it cannot list), so their names went unlisted
    and the run exited 0. The messages are linting's own.
    """
    from newslint.discover import discover
    from newslint.findings import FileProblem
    from newslint.reading import missing

    problems = []
    if os.path.isdir(path):
        for target in discover([path]):
            if target.problem is not None:
                problems.append(str(FileProblem(os.path.relpath(target.path), target.problem)))
    for draft in drafts:
        if os.path.islink(draft) and not os.path.exists(draft):
            problems.append(str(FileProblem(os.path.relpath(draft), missing(draft))))
    return problems


def _groups(index: NameIndex, drafts: list[str], policy: Policy, everything: bool) -> list[Listed]:
    from newslint.names.groups import group

    usages = index.usages(only=None if everything else drafts)
    # Only spellings that share their consonants (block key) with another can
    # be variants; leaving the rest out spares names.keys most of an archive.
    # (The block keys agree on 303 of the 305 variant pairs of the test data.)
    per_block = Counter(u.block for u in usages)
    usages = [u for u in usages if per_block[u.block] > 1]
    groups = group([u for u in usages if u.words == 1], policy)
    # Names written as one word or several (Ansarullah, Ansar Allah): only
    # spellings that share their consonants with a run can be in such a group.
    run_blocks = {u.block for u in usages if u.words > 1}
    joined = [u for u in usages if u.block in run_blocks]
    groups += [g for g in group(joined, policy) if len({m.words for m in g.members}) > 1]
    keys = {m.key for g in groups for m in g.members}
    files = index.files_of(keys, only=drafts)
    return [Listed(g, files, _others(g)) for g in groups]


def _others(found: Group) -> frozenset[str]:
    """Members never seen beside the canonical spelling's companions."""
    from newslint.names.groups import other_people

    best = found.usage(found.canonical_key)
    if best is None:
        return frozenset()
    return frozenset(m.key for m in found.members if m is not best and other_people(best, m))


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def format_listing(listed: Sequence[Listed], max_files: int) -> str:
    """Each group, most used first: its spellings, their counts and drafts."""
    if not listed:
        return "No name is spelt more than one way.\n"
    lines: list[str] = []
    for item in listed:
        lines.append(_heading(item))
        width = max(len(m.form) for m in item.group.members)
        for member in item.group.members:
            line = _member_line(member, width, item.files.get(member.key, []), max_files)
            if member.key in item.others:
                line += "  [other people, by the names beside it]"
            lines.append(line)
        lines.append("")
    spellings = sum(len(i.group.members) for i in listed)
    lines.append(f"{_count(len(listed), 'name')} spelt more than one way ({spellings} spellings).")
    return "\n".join(lines) + "\n"


def _heading(item: Listed) -> str:
    group = item.group
    drafts = len({path for m in group.members for path, _ in item.files.get(m.key, [])})
    note = " [house list]" if group.from_house else ""
    return (
        f"{group.canonical}: {len(group.members)} spellings, "
        f"{_count(item.total, 'use')} in {_count(drafts, 'draft')}{note}"
    )


def _member_line(member: Usage, width: int, files: list[tuple[str, int]], max_files: int) -> str:
    quoted = f", {member.quote} quoted" if member.quote else ""
    shown = files if max_files <= 0 else files[:max_files]
    names = ", ".join(path for path, _ in shown)
    more = len(files) - len(shown)
    if more:
        names += f", … {more} more"
    counts = f"{_count(member.total, 'use')}{quoted} in {_count(member.drafts, 'draft')}"
    return f"  {member.form:<{width}}  {counts}: {names}"


def format_house_list(listed: Sequence[Listed], policy: Policy, drafts: int) -> str:
    """A house list of names (variant: canonical), each entry with its evidence."""
    import yaml

    lines = [
        f"# A house list of names proposed by `newslint names` from {_count(drafts, 'draft')}.",
        "# Each entry reads `written: house spelling`; the house spelling is the one",
        "# most drafts use in their own words (or the house list's, when it knows",
        "# the name). Check every entry: delete those that are different people or",
        "# places. Then name this file in .newslint.yml (names: {house_list: names.yml})",
        "# or add its entries to the house list you have.",
        "# Spellings only ever seen beside other names than the house spelling's",
        "# (Alvin Yeung, Eunice Yung) are left out as someone else's.",
    ]
    for item in sorted(listed, key=lambda i: (i.group.canonical.casefold(), -i.total)):
        for member in item.group.minority():
            if member.key in policy.house or member.key in item.others:
                continue  # the house list has it already, or it is someone else
            entry = yaml.safe_dump(
                {member.form: item.group.canonical},
                allow_unicode=True,
                default_flow_style=False,
                width=10_000,
            ).strip()
            lines.append(f"# {_evidence(item, member)}")
            lines.append(entry)
    return "\n".join(lines) + "\n"


def _evidence(item: Listed, member: Usage) -> str:
    best = item.group.usage(item.group.canonical_key)
    parts = [f"{member.form}: {_usage_note(member, item.files.get(member.key, []))}"]
    if best is not None:
        parts.append(f"{best.form}: {_usage_note(best, item.files.get(best.key, []))}")
    elif item.group.from_house:
        parts.append(f"{item.group.canonical}: the house list's spelling")
    return "; ".join(parts)


def _usage_note(usage: Usage, files: list[tuple[str, int]]) -> str:
    examples = ", ".join(path for path, _ in files[:EXAMPLE_FILES])
    more = ", …" if len(files) > EXAMPLE_FILES else ""
    return f"{_count(usage.total, 'use')} in {_count(usage.drafts, 'draft')} ({examples}{more})"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
