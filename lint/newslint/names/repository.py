"""Which drafts make up a draft's repository, for the name index and ``newslint names``.

The repository is the folder of the ``.newslint.yml`` that governs a draft,
else the git top level, else the draft's folder. Its drafts are the Markdown
files git knows (tracked, or untracked and not ignored), so build output and
ignored folders stay out; outside git, every Markdown file under the root.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from newslint.discover import MARKDOWN_SUFFIXES, discover

__all__ = ["repository_files", "repository_root"]


def repository_root(path: str) -> str:
    """The folder whose drafts are ``path``'s repository (absolute)."""
    from newslint.config import find_config

    start = os.path.abspath(path)
    config = find_config(start if os.path.exists(start) else os.path.dirname(start))
    if config is not None:
        return os.path.dirname(os.path.abspath(config))
    folder = start if os.path.isdir(start) else os.path.dirname(start)
    return _git_top(folder) or folder


def repository_files(root: str, under: str | None = None) -> list[str]:
    """The drafts of the repository at ``root`` (absolute paths), sorted.

    ``under`` limits them to one folder or file inside the root. In git, the
    Markdown files git knows (tracked, or untracked and not ignored); else,
    or when git knows none there, every Markdown file as ``newslint`` would
    lint the folder. The config's ``ignore`` patterns apply.
    """
    from newslint.config import find_config, load_config

    target = os.path.abspath(under or root)
    listed = _git_files(root, target)
    if not listed:  # not in git, or a folder git ignores that was asked for all the same
        # Not a FIFO or device either (a notice when linting; git lists none).
        found = discover([target])
        listed = [os.path.abspath(t.path) for t in found if not (t.problem or t.notice)]
    drafts = [p for p in listed if p.lower().endswith(MARKDOWN_SUFFIXES)]
    config_path = find_config(root)
    if config_path is not None:
        config = load_config(config_path)
        drafts = [p for p in drafts if not config.is_ignored(p)]
    return sorted(drafts)


def _git_files(root: str, target: str) -> list[str] | None:
    if _git_top(root) is None:
        return None
    try:
        done = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", target],
            cwd=root,
            capture_output=True,
            timeout=60,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    names = [n for n in done.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    # Deleted but still tracked drafts fail their stat later and are skipped.
    return sorted({os.path.join(root, n) for n in names})


def _git_top(folder: str) -> str | None:
    here = Path(os.path.abspath(folder))
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return str(candidate)
    return None
