"""What the name index stores for a draft: its names read into rows.

Reading is the index's costly part (each changed draft is parsed and its
names found), so many drafts are read in worker processes; the index itself
(``names.index``) only stores and compares the rows.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newslint.reading import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# One row of ``uses`` before it has a file id: key, form, block, words,
# voice, quote, companions (tab-separated).
Row = tuple[str, str, str, int, int, int, str]
# Companions kept per draft and per spelling: enough to tell people apart.
MAX_COMPANIONS = 24
# Fewer changed drafts than this are read in this process: starting workers
# costs more than it saves.
PARALLEL_FROM = 200
_MAX_WORKERS = 8


def read_drafts(paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES) -> list[list[Row]]:
    """The index rows of each draft, in order; many drafts go to worker processes."""
    import multiprocessing

    # A lint worker (a daemon process) may not start processes of its own.
    few = len(paths) < PARALLEL_FROM or (os.cpu_count() or 1) < 2
    if few or multiprocessing.current_process().daemon:
        return _read_chunk(list(paths), max_bytes)
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    workers = min(_MAX_WORKERS, os.cpu_count() or 1)
    size = max(16, len(paths) // (workers * 4))
    chunks = [list(paths[i : i + size]) for i in range(0, len(paths), size)]
    try:
        with ProcessPoolExecutor(workers) as pool:
            read = partial(_read_chunk, max_bytes=max_bytes)
            return [rows for chunk in pool.map(read, chunks) for rows in chunk]
    except (OSError, RuntimeError):  # no processes to be had: do it here
        return _read_chunk(list(paths), max_bytes)


def _read_chunk(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> list[list[Row]]:
    from newslint.markdown import make_parser

    parser = make_parser()
    blocks: dict[str, str] = {}  # block keys computed once per spelling in this chunk
    return [_rows_of(path, parser, blocks, max_bytes) for path in paths]


def _rows_of(path: str, parser: MarkdownIt, blocks: dict[str, str], max_bytes: int) -> list[Row]:
    from newslint.errors import InputError
    from newslint.names.find import find_names
    from newslint.names.groups import block_key, draft_usages
    from newslint.parse import parse_document
    from newslint.reading import read_path

    try:
        source = read_path(path, max_bytes)
        doc = parse_document(path, source.text, parser)
    except InputError:
        return []  # unreadable drafts have no names; linting them says why
    names = find_names(doc)
    rows: dict[str, Row] = {}
    for usage in (*draft_usages(names.words), *draft_usages(names.runs)):
        if usage.key in rows:
            continue
        block = blocks.get(usage.key)
        if block is None:
            block = blocks[usage.key] = block_key(usage.form)
        rows[usage.key] = (
            usage.key,
            usage.form,
            block,
            usage.words,
            usage.voice,
            usage.quote,
            "\t".join(sorted(usage.companions)[:MAX_COMPANIONS]),
        )
    return list(rows.values())
