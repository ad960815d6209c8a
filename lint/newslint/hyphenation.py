"""Syllables of the words CMUdict lacks, from pyphen's hyphenation, remembered between runs.

Most such words are names, and a newsroom's names recur from draft to draft
and run to run. Importing pyphen (which brings importlib.resources, zipfile
and tempfile) and loading its patterns cost a cold run ~25 ms; a remembered
word costs a dictionary lookup. A draft with a name never seen before still
pays the import, once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from newslint.cachedir import load_pickle, store_pickle

# Enough for a newsroom's recurring names; the file stays a few hundred kB.
MOST_WORDS = 20_000


@dataclass
class Hyphenation:
    """Word (lower case) → syllables, as pyphen's en_US hyphenation points + 1."""

    folder: Path
    memo: Path | None
    counts: dict[str, int] = field(default_factory=dict)
    added: int = 0
    saved_once: bool = False
    _hyphenator: Any = None

    def syllables(self, key: str) -> int:
        found = self.counts.get(key)
        if found is None:
            found = len(self.hyphenator().positions(key)) + 1
            if len(self.counts) < MOST_WORDS:
                self.counts[key] = found
                self.added += 1
        return found

    def hyphenator(self) -> Any:
        """pyphen's English hyphenator, its patterns from a pickle."""
        if self._hyphenator is None:
            import pyphen

            _warm_patterns(pyphen, self.folder)
            self._hyphenator = pyphen.Pyphen(lang="en_US")
        return self._hyphenator

    def save(self) -> None:
        """Keep the words met so far: the first time there are new ones, then
        whenever they have grown by a tenth (a long run writes a few times)."""
        if self.memo is None or not self.added:
            return
        if self.saved_once and self.added * 10 < len(self.counts):
            return
        store_pickle(self.memo, self.counts)
        self.added, self.saved_once = 0, True


def open_hyphenation(folder: Path) -> Hyphenation:
    """The remembered words in ``folder``, for this pyphen's en_US patterns."""
    patterns = _patterns_file()
    if patterns is None:
        return Hyphenation(folder, None)
    stat = patterns.stat()
    memo = folder / f"syllables-en_US-{stat.st_size}-{int(stat.st_mtime)}.pickle"
    counts = load_pickle(memo)
    if not isinstance(counts, dict):
        counts = {}
    return Hyphenation(folder, memo, counts)


def _patterns_file() -> Path | None:
    """pyphen's en_US dictionary, found without importing pyphen."""
    try:
        spec = find_spec("pyphen")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionaries" / "hyph_en_US.dic"
    return path if os.path.isfile(path) else None


def _warm_patterns(pyphen: Any, folder: Path) -> None:
    """Load pyphen's English patterns from a pickle instead of parsing them.

    Parsing pyphen's dictionary costs ~100 ms a run; the parsed patterns,
    kept in pyphen's own module cache, load from a pickle in ~5 ms.
    """
    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    if path in pyphen.hdcache:
        return
    stat = Path(path).stat()
    cached = folder / f"pyphen-en_US-{stat.st_size}-{int(stat.st_mtime)}.pickle"
    patterns = load_pickle(cached)
    if isinstance(patterns, pyphen.HyphDict):
        pyphen.hdcache[path] = patterns
        return
    pyphen.hdcache[path] = pyphen.HyphDict(path)
    store_pickle(cached, pyphen.hdcache[path])
