"""Our 1-based code-point line/column → LSP's 0-based line and code-unit character.

LSP counts a position's character in the code units of the negotiated
encoding: UTF-16 unless client and server agree on UTF-8 or UTF-32. An emoji
is one code point to us but two UTF-16 units (four UTF-8 bytes), so every
column after it on the same line must be recounted from the line's text.
"""

from __future__ import annotations

from dataclasses import dataclass

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"

Position = tuple[int, int]  # 0-based (line, character), as LSP sends them


def code_units(text: str, encoding: str = UTF16) -> int:
    """Length of ``text`` in the code units of ``encoding``."""
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == UTF32:
        return len(text)
    # Everything outside the Basic Multilingual Plane takes a surrogate pair.
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


@dataclass(frozen=True)
class PositionMap:
    """The lines of one linted text, to place findings in LSP coordinates.

    ``text`` must be the text the linter saw (line endings made ``\\n``), so
    that a finding's line and column index these lines exactly.
    """

    lines: tuple[str, ...]
    encoding: str = UTF16

    @classmethod
    def of(cls, text: str, encoding: str = UTF16) -> PositionMap:
        return cls(tuple(text.split("\n")), encoding)

    def position(self, line: int, column: int) -> Position:
        """LSP position before the character at 1-based ``line``/``column``.

        Out-of-range values are clamped (a column past the end of its line is
        the line's end, as the LSP spec does), so a stale finding never makes
        an invalid range.
        """
        index = min(max(line, 1), len(self.lines)) - 1
        prefix = self.lines[index][: max(column - 1, 0)]
        return index, code_units(prefix, self.encoding)

    def span(
        self, line: int, column: int, end_line: int, end_column: int, empty: bool = False
    ) -> tuple[Position, Position]:
        """LSP start and (exclusive) end of a span whose end column is inclusive.

        ``empty`` marks a zero-width span, whose inclusive end would otherwise
        swallow the character after it.
        """
        start = self.position(line, column)
        if empty:
            return start, start
        return start, self.position(end_line, end_column + 1)

    def line_span(self, line: int) -> tuple[Position, Position]:
        """LSP start and end of a whole 1-based line, for problems with no column."""
        index = min(max(line, 1), len(self.lines))
        return self.position(index, 1), self.position(index, len(self.lines[index - 1]) + 1)
