"""``--diff REF``: which lines of each draft changed since a git revision.

Drafts are linted whole (attribution and names need the whole story); only
the report is narrowed to findings that touch a changed line, which is what a
reviewer wants on a pull request. Lines come from
``git diff --unified=0 REF -- file`` hunks, on the new side, i.e. the working
tree. A file git does not track yet (untracked, or new and not in REF) counts
as wholly changed.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from newslint.engine import LintResult
from newslint.errors import NewslintError
from newslint.findings import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)

# None: the whole file counts as changed.
LineSet = frozenset[int] | None


@dataclass(frozen=True)
class Changes:
    """Changed line numbers per path as the results name it."""

    ref: str
    lines: Mapping[str, LineSet]

    def lines_for(self, path: str) -> LineSet:
        return self.lines.get(path)

    def touches(self, finding: Finding) -> bool:
        changed = self.lines_for(finding.path)
        if changed is None:
            return True
        last = max(finding.line, finding.end_line)
        return any(n in changed for n in range(finding.line, last + 1))

    def keep(self, results: Iterable[LintResult]) -> list[LintResult]:
        """The results with only findings on changed lines (problems are kept)."""
        return [replace(r, findings=[f for f in r.findings if self.touches(f)]) for r in results]


def hunk_lines(diff: str) -> frozenset[int]:
    """New-side line numbers of a ``--unified=0`` diff (pure deletions add none)."""
    lines: set[int] = set()
    for match in _HUNK.finditer(diff):
        start = int(match.group(1))
        count = int(match.group(2)) if match.group(2) is not None else 1
        lines.update(range(start, start + count))
    return frozenset(lines)


def _git(args: Sequence[str], cwd: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            # Paths are file names, never globs or pathspec magic.
            ["git", "--literal-pathspecs", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except FileNotFoundError:
        raise NewslintError("--diff needs git, and git is not installed") from None


@dataclass(frozen=True)
class _Repo:
    top: str  # the working tree's root, as git prints it
    ref: str

    def rel(self, path: str) -> str:
        return os.path.relpath(os.path.realpath(path), self.top).replace(os.sep, "/")


def _repo_for(path: str, ref: str) -> _Repo:
    folder = os.path.dirname(os.path.abspath(path)) or "."
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top.returncode != 0:
        raise NewslintError(f"--diff: {path} is not inside a git repository")
    root = os.path.realpath(top.stdout.strip())
    known = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    if known.returncode != 0:
        raise NewslintError(
            f"--diff: unknown git revision {ref!r} in {root} "
            "(fetch it first; in GitHub Actions use actions/checkout with fetch-depth: 0)"
        )
    return _Repo(root, ref)


def _repo_lines(repo: _Repo, paths: Sequence[str]) -> dict[str, LineSet]:
    rels = {path: repo.rel(path) for path in paths}
    tracked = set(_git(["ls-files", "-z", "--", *rels.values()], repo.top).stdout.split("\0"))
    names = _git(
        ["diff", "--name-only", "-z", "--no-ext-diff", repo.ref, "--", *rels.values()], repo.top
    )
    if names.returncode != 0:
        raise NewslintError(f"--diff: git diff failed: {names.stderr.strip()}")
    touched = set(names.stdout.split("\0"))
    result: dict[str, LineSet] = {}
    for path, rel in rels.items():
        if rel not in tracked:
            result[path] = None
        elif rel not in touched:
            result[path] = frozenset()
        else:
            diff = _git(
                ["diff", "--unified=0", "--no-color", "--no-ext-diff", repo.ref, "--", rel],
                repo.top,
            )
            result[path] = hunk_lines(diff.stdout)
    return result


def changed_lines(ref: str, paths: Sequence[str]) -> Changes:
    """Changed lines of each file in ``paths`` since ``ref`` (NewslintError if git cannot tell)."""
    repos: dict[str, _Repo] = {}
    by_repo: dict[_Repo, list[str]] = {}
    for path in paths:
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in repos:
            repos[folder] = _repo_for(path, ref)
        by_repo.setdefault(repos[folder], []).append(path)
    lines: dict[str, LineSet] = {}
    for repo, members in by_repo.items():
        lines.update(_repo_lines(repo, members))
    return Changes(ref, lines)
