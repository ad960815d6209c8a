"""Harper's dictionary: a second opinion on LanguageTool's spelling matches.

Harper (``harper-py``, the optional ``harper`` extra: an offline English
checker in Rust with its own curated dictionary) is asked of each word
LanguageTool's spelling rule calls unknown: does Harper's dictionary know it? Then a
spelling match on it is a gap in LanguageTool's dictionary (studymate), not a
typo: two dictionaries must agree before a word is called one. LanguageTool
stays the spelling and grammar engine (README, "Typos and grammar", has the
measured comparison). Without the package every answer is "no opinion" and
LanguageTool's matches stand.

Building Harper's dictionary takes ~0.3 s on an idle machine (5 s on this
loaded one), more than a cached lint, so answers are kept between runs in a
small SQLite file in the cache folder, keyed by Harper's version and the
dialect: a run builds Harper only when a draft has a word it never asked.
The file holds words from drafts, so it is private (0600 in a 0700 folder);
a cache error reads as a miss and never fails a lint.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.runcontext import RunContext

# harper.Dialect's values by house dialect (AMERICAN 0, BRITISH 1, AUSTRALIAN 2,
# CANADIAN 3); New Zealand and South Africa spell as Britain does.
_DIALECTS = {"en-US": 0, "en-GB": 1, "en-AU": 2, "en-CA": 3, "en-NZ": 1, "en-ZA": 1}


@dataclass(frozen=True)
class Opinion:
    """What Harper says of one word: whether its dictionary knows it."""

    known: bool


@dataclass
class Harper:
    """Harper's linters by dialect, built on first use (about a second each:
    Harper builds its dictionary) and kept for the run with their answers."""

    _linters: dict[str, Any] = field(default_factory=dict)
    _answers: dict[tuple[str, str], Opinion] = field(default_factory=dict)
    _installed: bool | None = None
    _store: Any = None  # the SQLite answers (False: none this run)
    _stamp: str = ""  # which Harper's answers they are

    def installed(self) -> bool:
        if self._installed is None:
            self._installed = find_spec("harper") is not None
        return self._installed

    def opinion(self, word: str, dialect: str) -> Opinion | None:
        """Harper's view of ``word`` alone, or None when Harper is not installed."""
        if not self.installed() or not word or any(ch.isspace() for ch in word):
            return None
        key = (word, dialect)
        if key not in self._answers:
            known = self._stored(word, dialect)
            if known is None:
                lints = self._linter(dialect).lint(word, language="plaintext")
                known = not any(_says_misspelt(word, x) for x in lints)
                self._keep(word, dialect, known)
            self._answers[key] = Opinion(known)
        return self._answers[key]

    def _stored(self, word: str, dialect: str) -> bool | None:
        store = self._open()
        if store is None:
            return None
        try:
            row = store.execute(
                "SELECT known FROM words WHERE version = ? AND dialect = ? AND word = ?",
                (self._stamp, dialect, word),
            ).fetchone()
        except sqlite3.Error:
            return None
        return None if row is None else bool(row[0])

    def _keep(self, word: str, dialect: str, known: bool) -> None:
        store = self._open()
        if store is None:
            return
        try:
            with store:
                store.execute(
                    "INSERT OR REPLACE INTO words VALUES (?, ?, ?, ?)",
                    (self._stamp, dialect, word, int(known)),
                )
        except sqlite3.Error:
            return

    def _open(self) -> sqlite3.Connection | None:
        if self._store is None:
            # The reading of Harper's lints is part of the answer: a change to
            # it (ANSWER_RULE) must not reuse answers stored under the old one.
            self._stamp = f"{ANSWER_RULE}:{_version()}"
            self._store = _open_store() or False
        return self._store or None

    def _linter(self, dialect: str) -> Any:
        if dialect not in self._linters:
            import harper

            self._linters[dialect] = harper.Linter(harper.Dialect(_DIALECTS.get(dialect, 0)))
        return self._linters[dialect]


def harper_of(context: RunContext) -> Harper:
    """The run's Harper (the linter keeps one); a draft linted alone gets its own."""
    found = context.settings.harper
    return found if isinstance(found, Harper) else context.shared("harper", Harper)


def _open_store() -> sqlite3.Connection | None:
    from newslint.cachedir import cache_dir, private_file

    try:
        path = private_file(Path(cache_dir()) / "harper-words.sqlite3")
        store = sqlite3.connect(path, timeout=5.0)
        store.execute(
            "CREATE TABLE IF NOT EXISTS words (version TEXT, dialect TEXT, word TEXT, "
            "known INTEGER NOT NULL, PRIMARY KEY (version, dialect, word)) WITHOUT ROWID"
        )
    except (OSError, sqlite3.Error):
        return None
    return store


ANSWER_RULE = 2  # 2: Typo lints count as misspelt (Teh), not only Spelling ones


def _says_misspelt(word: str, lint: Any) -> bool:
    """Whether one of Harper's lints calls ``word`` misspelt.

    Harper keeps common slips out of its dictionary's reach with rules of
    their own ("Teh" is a Typo lint, not a Spelling one), so both kinds count;
    a Typo whose every suggestion is the same letters split (studymate →
    study mate) is a compound's style, not a slip.
    """
    if lint.lint_kind == "Spelling":
        return True
    if lint.lint_kind != "Typo":
        return False
    bare = word.replace(" ", "").lower()
    splits = [s.replacement_text.replace(" ", "").lower() == bare for s in lint.suggestions]
    return not (splits and all(splits))


def _version() -> str:
    """Which Harper answered: its compiled module's name, size and time (importlib's
    metadata lookup costs a fifth of a second on a loaded machine; this a stat)."""
    spec = find_spec("harper")
    folders = spec.submodule_search_locations if spec else None
    for path in sorted(Path(next(iter(folders))).glob("_harper*")) if folders else ():
        info = path.stat()
        return f"{path.name}:{info.st_size}:{info.st_mtime_ns}"
    return "unknown"
