"""The Finding: a frozen value with its exact position fixed when made."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from newslint.severity import Severity


@dataclass(frozen=True)
class Finding:
    """One thing an editor would mark.

    ``start`` and ``end`` are offsets into the source file in Unicode code
    points, end exclusive; ``line``/``column`` are 1-based and ``end_line``/
    ``end_column`` point at the last character (inclusive), as the JSON
    contract promises.
    """

    path: str
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    suggestion: str | None = None
    fixable: bool = False
    # Extra machine-readable facts (LanguageTool's own rule id, a claim's
    # names and numbers...) that some reporters show.
    data: tuple[tuple[str, str], ...] = field(default=())
    # The prose the rule matched (block text: entities decoded, line breaks
    # as spaces); --fix refuses a span whose source does not hold it.
    matched: str = field(default="", compare=False)

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.start, self.end, self.rule)


@dataclass(frozen=True)
class FileProblem:
    """A file that could not be linted, told as one line."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        path = escape_path(self.path)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: error: {self.message}"


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_path(path: str) -> str:
    """A file name fit for one line: control characters and line separators escaped.

    A newline in a file name would otherwise split a ``path:line:col:`` record
    in two, and a terminal escape in one could rewrite the screen.
    """
    if not path:  # an unset "$DRAFT": the line began with ": error: …"
        return "''"
    if path.isprintable():
        return path
    return "".join(_escape_char(ch) for ch in path)


def _escape_char(ch: str) -> str:
    if ch.isprintable() or ch == " ":
        return ch
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
