"""A SQLite cache of LanguageTool results per paragraph.

Most paragraphs of a draft do not change between two commits, and a check
costs tens of milliseconds each even on a warm server; a hit costs
microseconds. Keys hash the paragraph with everything that could change the
answer: LanguageTool's version and the check options' fingerprint.

Several newslint processes may share the file (two hooks, an editor): WAL lets
readers and one writer work at once and the busy timeout queues writers. A
cache must never fail a lint, so SQLite errors read as misses and lost writes.
Size is bounded by pruning the least recently used rows. The file holds
draft sentences, so it is private: 0600 in a 0700 folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

from newslint.cachedir import private_file
from newslint.languagetool.matches import LTMatch
from newslint.languagetool.state import user_cache_dir

# Part of every key: bump when LTMatch's fields change, so old rows are
# never read back into the new shape (they age out by pruning).
SCHEMA = 1
DEFAULT_MAX_ENTRIES = 50_000
BUSY_TIMEOUT_S = 5.0
# How finely a paragraph's last use is kept: pruning drops the least recently
# used, and an hour is fine enough for that.
USED_GRAIN_S = 3600.0
# SQLite's historical limit on bound parameters is 999.
_CHUNK = 500

_CREATE = """
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    matches TEXT NOT NULL,
    used_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS results_used_at ON results (used_at);
"""


def default_path() -> Path:
    return user_cache_dir() / "lt-cache.sqlite3"


def cache_key(text: str, lt_version: str, fingerprint: str) -> str:
    """sha256 over the parts, length-prefixed by JSON so no two tuples collide."""
    blob = json.dumps([SCHEMA, lt_version, fingerprint, text], ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


class ResultCache:
    """``get_many`` / ``put_many`` over one SQLite connection; use as a context
    manager or call ``close``."""

    def __init__(self, path: Path | None = None, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        self.path = path or default_path()
        self.max_entries = max_entries
        self._conn = _open(self.path)

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def get_many(self, keys: Iterable[str]) -> dict[str, list[LTMatch]]:
        """The cached matches of the keys found; absent keys are misses."""
        if self._conn is None:
            return {}
        wanted = list(dict.fromkeys(keys))
        found: dict[str, list[LTMatch]] = {}
        try:
            for chunk in _chunks(wanted):
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT key, matches FROM results WHERE key IN ({marks})", chunk
                ).fetchall()
                found.update(_decode_rows(rows))
            self._mark_used(list(found))
        except sqlite3.Error:
            return found
        return found

    def put_many(self, items: Mapping[str, Sequence[LTMatch]]) -> None:
        """Store matches per key (an empty list is a valid, cacheable answer)."""
        if self._conn is None or not items:
            return
        now = time.time()
        rows = [
            (key, json.dumps([m.to_json() for m in matches], ensure_ascii=False), now)
            for key, matches in items.items()
        ]
        with contextlib.suppress(sqlite3.Error):
            with self._conn:
                self._conn.executemany(
                    "INSERT OR REPLACE INTO results (key, matches, used_at) VALUES (?, ?, ?)",
                    rows,
                )
            self._prune()

    def __len__(self) -> int:
        if self._conn is None:
            return 0
        return int(self._conn.execute("SELECT count(*) FROM results").fetchone()[0])

    def _mark_used(self, keys: list[str]) -> None:
        """Note the keys' use, for pruning; to the hour, so that a run whose
        paragraphs were all checked within the hour writes nothing."""
        conn = self._conn
        if conn is None or not keys:
            return
        now = time.time()
        with conn:
            for chunk in _chunks(keys):
                marks = ",".join("?" * len(chunk))
                conn.execute(
                    f"UPDATE results SET used_at = ? WHERE key IN ({marks}) AND used_at < ?",
                    [now, *chunk, now - USED_GRAIN_S],
                )

    def _prune(self) -> None:
        """Drop the least recently used tenth once over the bound, so pruning
        is rare rather than a delete on every write."""
        conn = self._conn
        count = len(self)
        if conn is None or count <= self.max_entries:
            return
        excess = count - self.max_entries + self.max_entries // 10
        with conn:
            conn.execute(
                "DELETE FROM results WHERE key IN "
                "(SELECT key FROM results ORDER BY used_at LIMIT ?)",
                (excess,),
            )


def _open(path: Path) -> sqlite3.Connection | None:
    """A connection with the schema in place, or None (the run goes uncached).

    A file that is not a database (truncated, overwritten) is replaced once:
    it is only a cache. A locked one is left alone.
    """
    for attempt in range(2):
        conn: sqlite3.Connection | None = None
        try:
            private_file(path)  # 0600 in a 0700 folder: it holds draft sentences
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(_CREATE)
            return conn
        except sqlite3.OperationalError:
            break  # busy or unwritable: skip the cache this run
        except sqlite3.DatabaseError:
            if conn is not None:
                conn.close()
            if attempt == 0:
                _remove_database(path)
        except OSError:
            break
    return None


def _remove_database(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


def _decode_rows(rows: Iterable[tuple[str, str]]) -> dict[str, list[LTMatch]]:
    decoded: dict[str, list[LTMatch]] = {}
    for key, blob in rows:
        try:
            decoded[key] = [LTMatch.from_json(m) for m in json.loads(blob)]
        except (ValueError, TypeError, KeyError):
            continue  # an unreadable row is a miss; the next put replaces it
    return decoded


def _chunks(items: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start : start + _CHUNK])
