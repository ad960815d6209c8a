"""What an audit has finished, keyed by draft path and content hash.

A SQLite file in the output folder. A draft is recorded only after its rows
are safely in the dataset, in one transaction, so an audit stopped at any
point resumes without losing a draft or counting one twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newslint.audit.names import Spelling
from newslint.audit.work import DraftResult

STATE_FILE = "audit.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    path TEXT NOT NULL, digest TEXT NOT NULL, error TEXT, front TEXT NOT NULL,
    names TEXT NOT NULL, part TEXT, failing INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (path, digest));
CREATE TABLE IF NOT EXISTS notices (text TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS settings (fingerprint TEXT NOT NULL);
"""


@dataclass(frozen=True)
class DoneDraft:
    """A finished draft as the summary needs it."""

    path: str
    digest: str
    error: str | None
    front: dict[str, str]
    names: tuple[Spelling, ...]
    failing: bool = False


class AuditState:
    """The state file of one output folder."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        # Autocommit off: record() commits the dataset's rows and the drafts together.
        self.db = sqlite3.connect(folder / STATE_FILE)
        self.db.executescript(_SCHEMA)
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(drafts)")}
        if "failing" not in columns:  # a state written before the exit code told findings
            with self.db:
                self.db.execute("ALTER TABLE drafts ADD COLUMN failing INTEGER NOT NULL DEFAULT 0")

    def close(self) -> None:
        self.db.close()

    def same_settings(self, fingerprint: str) -> bool:
        """Whether this folder's audit used these rules and options (recorded on first use)."""
        known = self.db.execute("SELECT fingerprint FROM settings").fetchone()
        if known is None:
            with self.db:
                self.db.execute("INSERT INTO settings VALUES (?)", (fingerprint,))
            return True
        return bool(known[0] == fingerprint)

    def done(self) -> set[tuple[str, str]]:
        return set(self.db.execute("SELECT path, digest FROM drafts"))

    def parts(self) -> set[str]:
        rows = self.db.execute("SELECT DISTINCT part FROM drafts WHERE part IS NOT NULL")
        return {part for (part,) in rows}

    def record(self, results: Iterable[DraftResult], part: str | None) -> None:
        """Mark drafts done (committing whatever the dataset wrote in this transaction)."""
        with self.db:
            self.db.executemany(
                "INSERT OR IGNORE INTO drafts (path, digest, error, front, names, part, failing) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_draft_row(r, part) for r in results),
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO notices VALUES (?)",
                ((n,) for r in results for n in r.notices),
            )

    def drafts(self, current: set[tuple[str, str]]) -> Iterator[DoneDraft]:
        """The finished drafts among ``current`` (older versions of a draft are history)."""
        for path, digest, error, front, names, failing in self.db.execute(
            "SELECT path, digest, error, front, names, failing FROM drafts"
        ):
            if (path, digest) in current:
                spellings = tuple(tuple(s) for s in json.loads(names))
                front_matter = json.loads(front)
                yield DoneDraft(path, digest, error, front_matter, spellings, bool(failing))

    def notices(self) -> list[str]:
        return [text for (text,) in self.db.execute("SELECT text FROM notices ORDER BY text")]


def _draft_row(result: DraftResult, part: str | None) -> tuple[str | int | None, ...]:
    front, names = json.dumps(dict(result.front)), json.dumps(result.names)
    return (result.path, result.digest, result.error, front, names, part, int(result.failing))
