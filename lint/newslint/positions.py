"""Turning source offsets into 1-based line and column, via an index built once."""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Line starts of one source text, so each lookup is a binary search."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._length = len(text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a source offset."""
        offset = max(0, min(offset, self._length))
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of a 1-based line."""
        return self._starts[line - 1] if 0 < line <= len(self._starts) else self._length

    @property
    def line_count(self) -> int:
        return len(self._starts)


def byte_column(text: str, offset: int) -> int:
    """1-based column of ``offset`` in UTF-8 bytes from the start of its line."""
    line_start = text.rfind("\n", 0, offset) + 1
    return len(text[line_start:offset].encode("utf-8")) + 1
