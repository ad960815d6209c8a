"""The repository's name index: which drafts spell which names how often.

One SQLite file in the user cache holds an index per repository root. Each
draft is stored with the (size, mtime_ns) it had when read and the names
found in it; a refresh stats every draft and re-reads only those whose size
or mtime changed, so a pre-commit run on one draft reads one draft, not the
archive. A cold build of thousands of drafts parses them in a few worker
processes. Which drafts belong to a repository is ``names.repository``'s job.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from newslint.cachedir import cache_dir, private_file
from newslint.names.groups import Usage
from newslint.names.rows import MAX_COMPANIONS, Row, read_drafts
from newslint.reading import DEFAULT_MAX_BYTES

# Bump when what is stored for a draft changes (names.find, names.groups), so an
# old index is never read with new rules. 3: a draft over the size limit is no
# longer stored (with no names, as if unreadable) but left out, so raising
# max_file_mb reads it.
SCHEMA_VERSION = 3

_SCHEMA = """
CREATE TABLE IF NOT EXISTS roots (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    root INTEGER NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    generation INTEGER NOT NULL,
    UNIQUE (root, path)
);
CREATE TABLE IF NOT EXISTS uses (
    file INTEGER NOT NULL,
    key TEXT NOT NULL,
    form TEXT NOT NULL,
    block TEXT NOT NULL,
    words INTEGER NOT NULL,
    voice INTEGER NOT NULL,
    quote INTEGER NOT NULL,
    companions TEXT NOT NULL,
    PRIMARY KEY (file, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS uses_block ON uses (block);
CREATE INDEX IF NOT EXISTS uses_key ON uses (key);
"""


@dataclass(frozen=True)
class Refresh:
    """What a refresh did: drafts re-read (paths relative to the root), kept, dropped."""

    read: tuple[str, ...]
    unchanged: int
    removed: int
    too_big: tuple[str, ...] = ()  # drafts over the size limit, not read (full paths)


@dataclass(frozen=True)
class StoredFile:
    """A draft as the index last saw it."""

    size: int
    mtime_ns: int
    generation: int  # the refresh that last read it


def index_file(cache: str | None = None) -> Path:
    return Path(cache or cache_dir()) / f"names-v{SCHEMA_VERSION}.sqlite3"


class NameIndex:
    """The name index of one repository root, over one SQLite connection."""

    def __init__(self, db: sqlite3.Connection, root: str, root_id: int) -> None:
        self._db = db
        self.root = root
        self._root_id = root_id

    @classmethod
    def open(cls, root: str, cache: str | None = None) -> NameIndex:
        """The index for ``root`` (created if new); in memory if the cache is read-only."""
        root = os.path.abspath(root)
        try:
            path = private_file(index_file(cache))  # 0600 in a 0700 folder: it holds names
            db = _connect(str(path))
        except (OSError, sqlite3.Error):
            db = _connect(":memory:")
        db.execute("INSERT OR IGNORE INTO roots (path) VALUES (?)", (root,))
        (root_id,) = db.execute("SELECT id FROM roots WHERE path = ?", (root,)).fetchone()
        return cls(db, root, int(root_id))

    def close(self) -> None:
        self._db.close()

    def relative(self, path: str) -> str:
        full = os.path.abspath(path)
        prefix = self.root.rstrip(os.sep) + os.sep
        # The common case without relpath's cost (thousands of drafts a run).
        return full[len(prefix) :] if full.startswith(prefix) else os.path.relpath(full, self.root)

    # -- keeping it fresh ---------------------------------------------------

    def refresh(
        self,
        files: Iterable[str],
        prune_under: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> Refresh:
        """Bring the index up to date with ``files`` (the drafts as they are now).

        Only drafts whose size or mtime differ from the stored ones are read.
        Stored drafts missing from ``files`` are dropped if they lie under
        ``prune_under`` (default: the root, i.e. ``files`` is the whole
        repository). Drafts over ``max_bytes`` (max_file_mb) are not read:
        they are in ``Refresh.too_big``, and a stored entry for one stays
        only while it is still the draft as it is (read whole under a larger
        limit), so the index never holds a draft cut short or left empty for
        its size.
        """
        # The stat comes before the read: a draft edited meanwhile looks
        # changed again next time, never wrongly unchanged.
        stats = self._stat(files)
        too_big = {rel: found for rel, found in stats.items() if found[1].st_size > max_bytes}
        scope = self.relative(prune_under) if prune_under else "."
        changed, removed = _plan(self.stored(), stats, scope, too_big)
        big = tuple(path for path, _ in too_big.values())
        if not changed and not removed:
            return Refresh((), len(stats) - len(too_big), 0, big)  # the usual case: no lock
        # One process writes at a time; the others wait here, then find the
        # drafts it read already stored and read none of them again.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            changed, removed = _plan(self.stored(), stats, scope, too_big)
            rows = read_drafts([stats[rel][0] for rel in changed], max_bytes)
            self._write([(rel, stats[rel][1]) for rel in changed], rows, removed)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        unchanged = len(stats) - len(too_big) - len(changed)
        return Refresh(tuple(changed), unchanged, len(removed), big)

    def _stat(self, files: Iterable[str]) -> dict[str, tuple[str, os.stat_result]]:
        """Relative path → (path, stat) of every draft that exists."""
        stats = {}
        for path in files:
            try:
                stats[self.relative(path)] = (path, os.stat(path))
            except OSError:
                continue
        return stats

    def _write(
        self,
        changed: Sequence[tuple[str, os.stat_result]],
        rows: Sequence[list[Row]],
        removed: Sequence[str],
    ) -> None:
        db = self._db
        (generation,) = db.execute(
            "SELECT COALESCE(MAX(generation), 0) + 1 FROM files WHERE root = ?",
            (self._root_id,),
        ).fetchone()
        for rel in removed:
            self._forget(rel)
        for (rel, stat), file_rows in zip(changed, rows, strict=True):
            self._forget(rel)
            cursor = db.execute(
                "INSERT INTO files (root, path, size, mtime_ns, generation) VALUES (?, ?, ?, ?, ?)",
                (self._root_id, rel, stat.st_size, stat.st_mtime_ns, generation),
            )
            db.executemany(
                "INSERT INTO uses VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(cursor.lastrowid, *row) for row in file_rows],
            )

    def _forget(self, rel: str) -> None:
        row = self._db.execute(
            "SELECT id FROM files WHERE root = ? AND path = ?", (self._root_id, rel)
        ).fetchone()
        if row:
            self._db.execute("DELETE FROM uses WHERE file = ?", row)
            self._db.execute("DELETE FROM files WHERE id = ?", row)

    # -- reading it ---------------------------------------------------------

    def stored(self) -> dict[str, StoredFile]:
        """Every draft in the index, by path relative to the root."""
        rows = self._db.execute(
            "SELECT path, size, mtime_ns, generation FROM files WHERE root = ?",
            (self._root_id,),
        )
        return {path: StoredFile(size, mtime, gen) for path, size, mtime, gen in rows}

    def without_names(self, only: Collection[str]) -> list[str]:
        """Drafts of ``only`` stored with no name: an unreadable one is stored so."""
        self._fill_temp("wanted_files", only)
        rows = self._db.execute(
            "SELECT path FROM files f WHERE root = ? AND path IN (SELECT value FROM wanted_files) "
            "AND NOT EXISTS (SELECT 1 FROM uses u WHERE u.file = f.id) ORDER BY path",
            (self._root_id,),
        )
        return [path for (path,) in rows]

    def usages(
        self,
        blocks: Collection[str] | None = None,
        exclude: str | None = None,
        only: Collection[str] | None = None,
        skip: Collection[str] = (),
    ) -> list[Usage]:
        """Each spelling's use across the repository, ordered by key.

        ``blocks`` keeps spellings with those block keys (names.groups.block_key);
        ``exclude`` leaves out one draft (relative path); ``only`` keeps the
        drafts listed and ``skip`` leaves out those listed (relative paths).
        """
        where = ["f.root = ?"]
        params: list[object] = [self._root_id]
        if blocks is not None:
            self._fill_temp("wanted_blocks", blocks)
            where.append("u.block IN (SELECT value FROM wanted_blocks)")
        if exclude is not None:
            where.append("f.path != ?")
            params.append(exclude)
        if only is not None:
            self._fill_temp("wanted_files", only)
            where.append("f.path IN (SELECT value FROM wanted_files)")
        if skip:
            self._fill_temp("skipped_files", skip)
            where.append("f.path NOT IN (SELECT value FROM skipped_files)")
        rows = self._db.execute(
            "SELECT u.key, u.form, MAX(u.words), SUM(u.voice), SUM(u.quote), COUNT(*), "
            "SUM(u.voice > 0), group_concat(u.companions, char(9)), MAX(u.block) "
            "FROM uses u JOIN files f ON f.id = u.file "
            f"WHERE {' AND '.join(where)} GROUP BY u.key, u.form ORDER BY u.key",
            params,
        ).fetchall()
        return _merge_forms(rows)

    def files_of(
        self, keys: Collection[str], only: Collection[str] | None = None
    ) -> dict[str, list[tuple[str, int]]]:
        """For each key, the drafts using it (relative path, uses), by path."""
        self._fill_temp("wanted_keys", keys)
        # From the few keys to their uses, through the index on uses.key.
        rows = self._db.execute(
            "SELECT u.key, f.path, u.voice + u.quote FROM wanted_keys w "
            "JOIN uses u ON u.key = w.value JOIN files f ON f.id = u.file WHERE f.root = ?",
            (self._root_id,),
        )
        wanted = set(only) if only is not None else None
        found: dict[str, list[tuple[str, int]]] = {}
        for key, path, count in rows:
            if wanted is None or path in wanted:
                found.setdefault(key, []).append((path, count))
        for uses in found.values():
            uses.sort()
        return found

    def _fill_temp(self, table: str, values: Iterable[str]) -> None:
        self._db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (value TEXT PRIMARY KEY)")
        self._db.execute(f"DELETE FROM {table}")
        self._db.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?)", ((v,) for v in values))


def _connect(path: str) -> sqlite3.Connection:
    # Autocommit: refresh() opens its own write transaction. The long timeout
    # lets a process wait out another's cold build of a large archive.
    db = sqlite3.connect(path, timeout=600, isolation_level=None)
    if path != ":memory:":
        # Several pre-commit processes may refresh one index at once: WAL
        # lets readers go on while one writes.
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(_SCHEMA)
    return db


def _differences(
    stored: dict[str, StoredFile], stats: dict[str, tuple[str, os.stat_result]], scope: str
) -> tuple[list[str], list[str]]:
    """Drafts to read again (new or changed) and stored drafts that are gone."""
    changed = [
        rel
        for rel, (_, stat) in stats.items()
        if (known := stored.get(rel)) is None
        or (known.size, known.mtime_ns) != (stat.st_size, stat.st_mtime_ns)
    ]
    removed = [rel for rel in stored if rel not in stats and _is_under(rel, scope)]
    return changed, removed


def _plan(
    stored: dict[str, StoredFile],
    stats: dict[str, tuple[str, os.stat_result]],
    scope: str,
    too_big: dict[str, tuple[str, os.stat_result]],
) -> tuple[list[str], list[str]]:
    """The drafts to read and the entries to drop: a draft over the size limit is
    not read, and its entry goes unless it is still the draft as it is."""
    changed, removed = _differences(stored, stats, scope)
    changed = [rel for rel in changed if rel not in too_big]
    removed += [rel for rel in _stale(stored, too_big) if rel not in removed]
    return changed, removed


def _stale(
    stored: dict[str, StoredFile], too_big: dict[str, tuple[str, os.stat_result]]
) -> list[str]:
    """Stored drafts now over the size limit whose entry is not the draft as it is."""
    return [
        rel
        for rel, (_, stat) in too_big.items()
        if (known := stored.get(rel)) is not None
        and (known.size, known.mtime_ns) != (stat.st_size, stat.st_mtime_ns)
    ]


def _is_under(rel: str, scope: str) -> bool:
    return scope == "." or rel == scope or rel.startswith(scope.rstrip("/") + "/")


def _merge_forms(
    rows: Sequence[tuple[str, str, int, int, int, int, int, str | None, str]],
) -> list[Usage]:
    """One Usage per key from rows per (key, form), showing the most used form."""
    merged: dict[str, Usage] = {}
    shown: dict[str, int] = {}  # uses of the form each key shows
    for key, form, words, voice, quote, drafts, voice_drafts, joined, block in rows:
        companions = _companions(joined)
        last = merged.get(key)
        if last is None:
            merged[key] = Usage(
                form, key, words, voice, quote, drafts, voice_drafts, len(merged), companions, block
            )
            shown[key] = voice + quote
            continue
        if voice + quote > shown[key]:
            shown[key] = voice + quote
            last = replace(last, form=form)
        merged[key] = replace(
            last,
            voice=last.voice + voice,
            quote=last.quote + quote,
            drafts=last.drafts + drafts,
            voice_drafts=last.voice_drafts + voice_drafts,
            companions=_capped(last.companions | companions),
        )
    return list(merged.values())


def _companions(joined: str | None) -> frozenset[str]:
    return _capped(frozenset(w for w in (joined or "").split("\t") if w))


def _capped(words: frozenset[str]) -> frozenset[str]:
    """A common name's companions across an archive, cut to a fixed sample."""
    limit = MAX_COMPANIONS * 8
    return words if len(words) <= limit else frozenset(sorted(words)[:limit])
