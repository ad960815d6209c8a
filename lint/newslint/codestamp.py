"""When newslint's own code last changed, for caches and the warm process.

An installed newslint changes only with its version; a development checkout
changes with every edit, and nothing built from the old code may be reused.
"""

from __future__ import annotations

import functools
import os

from newslint import __version__

_FOLDERS = ("", "attribution", "commands", "facts", "kinds", "names", "reporters", "languagetool")


@functools.cache  # code never changes under a running process that uses it
def code_stamp() -> str:
    """The version and the modification times of the package's modules.

    Kept for the process: a cold run asks for it three times (~5 ms each),
    and a warm process whose code changes is passed over for a new one
    (warmpath names it by this stamp, read afresh by each thin client).
    """
    here = os.path.dirname(os.path.abspath(__file__))
    stamps = [__version__]
    for folder in _FOLDERS:
        path = os.path.join(here, folder)
        with os.scandir(path) as entries:
            stamps.extend(
                str(entry.stat().st_mtime_ns)
                for entry in sorted(entries, key=lambda e: e.name)
                if entry.name.endswith(".py")
            )
    return ",".join(stamps)
