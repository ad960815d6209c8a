"""The findings as a dataset: Parquet files via pyarrow, else a SQLite table.

One row per finding: path, digest, rule, severity, line, column, end_line,
end_column, message, suggestion, the draft's date, desk and author from its
front matter, and error (set, with no rule, on the row of a draft that
failed). Parquet parts are written whole under a temporary name and renamed,
then recorded in the state; a part the state does not name (an audit killed
in between) is deleted when the audit starts again, and its drafts redone.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from newslint.audit.work import FRONT_MATTER, DraftResult

COLUMNS = (
    "path",
    "digest",
    "rule",
    "severity",
    "line",
    "column",
    "end_line",
    "end_column",
    "message",
    "suggestion",
    *FRONT_MATTER,
    "error",
)
_INTS = frozenset({"line", "column", "end_line", "end_column"})
PARTS = "findings"  # the Parquet folder inside the output folder


class Dataset(Protocol):
    kind: str

    def write(self, results: Sequence[DraftResult]) -> str | None:
        """Store the rows of ``results``; the name of what was written, if a file."""

    def rows(self, parts: set[str], columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        """The stored rows (only from ``parts``, for Parquet), given columns only."""


def records(results: Sequence[DraftResult]) -> Iterator[tuple[Any, ...]]:
    """The rows of ``results`` in COLUMNS order."""
    for result in results:
        front = dict(result.front)
        fields = tuple(front.get(key) for key in FRONT_MATTER)
        if result.error is not None:
            yield (result.path, result.digest, *([None] * 8), *fields, result.error)
        for row in result.rows:
            yield (
                result.path,
                result.digest,
                row.rule,
                row.severity,
                row.line,
                row.column,
                row.end_line,
                row.end_column,
                row.message,
                row.suggestion,
                *fields,
                None,
            )


def open_dataset(folder: Path, db: sqlite3.Connection, parquet: bool | None = None) -> Dataset:
    """Parquet when pyarrow imports (or ``parquet`` says so), else SQLite in ``db``."""
    if parquet is None:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            parquet = False
        else:
            parquet = True
    return ParquetDataset(folder / PARTS) if parquet else SQLiteDataset(db)


class ParquetDataset:
    kind = "parquet"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def write(self, results: Sequence[DraftResult]) -> str | None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = list(records(results))
        if not rows:
            return None
        table = pa.table(
            {
                name: pa.array([r[i] for r in rows], pa.int32() if name in _INTS else pa.string())
                for i, name in enumerate(COLUMNS)
            }
        )
        name = f"part-{_next_number(self.folder):06d}.parquet"
        tmp = self.folder / f".{name}.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, self.folder / name)
        return name

    def rows(self, parts: set[str], columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        import pyarrow.parquet as pq

        for name in sorted(parts):
            table = pq.read_table(self.folder / name, columns=list(columns))
            yield from zip(*(table.column(c).to_pylist() for c in columns), strict=True)

    def remove_orphans(self, parts: set[str]) -> None:
        """Delete parts no finished draft points at (written, then interrupted)."""
        for path in self.folder.iterdir():
            if path.name not in parts:
                path.unlink()


def _next_number(folder: Path) -> int:
    numbers = [int(p.name[5:11]) for p in folder.glob("part-*.parquet") if p.name[5:11].isdigit()]
    return max(numbers, default=0) + 1


class SQLiteDataset:
    """A ``findings`` table in the state file: rows and state commit together."""

    kind = "sqlite"

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        columns = ", ".join(f'"{c}" {"INTEGER" if c in _INTS else "TEXT"}' for c in COLUMNS)
        db.execute(f"CREATE TABLE IF NOT EXISTS findings ({columns})")

    def write(self, results: Sequence[DraftResult]) -> str | None:
        marks = ", ".join("?" * len(COLUMNS))
        # No commit: AuditState.record commits these rows with their drafts.
        self.db.executemany(f"INSERT INTO findings VALUES ({marks})", records(results))
        return None

    def rows(self, parts: set[str], columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        names = ", ".join(f'"{c}"' for c in columns)
        yield from self.db.execute(f"SELECT {names} FROM findings")
