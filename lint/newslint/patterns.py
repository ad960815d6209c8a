"""Editor-written regular expressions, guarded against runaway backtracking.

Two guards: at load, a repeated group that itself contains a repeat
(``(a+)+``, the classic catastrophic shape) is refused with the rule's line;
at run time every search has a time limit (the ``regex`` module's timeout),
so a pattern that still explodes costs a fraction of a second and one error
line instead of a hung pre-commit hook.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newslint.errors import NewslintError

TIME_LIMIT_S = 0.25

_NESTED_REPEAT = r"\((?:[^()\\]|\\.)*(?:[+*]|\{\d*,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\d*\})"


# A repeat with no upper limit: {2,} (and {,} which re reads as one).
_OPEN_REPEAT = re.compile(r"\{\d*,\}")


class PatternTimeout(NewslintError):
    """A pattern ran out of time on one file."""


def time_limit(text: str) -> float:
    """The time a search of ``text`` may take: more for a longer text.

    A fixed limit stopped shipped patterns on long, ordinary drafts; one that
    grows with the text keeps the run linear and still stops a runaway.
    """
    return TIME_LIMIT_S * max(1.0, len(text) / 50_000)


@dataclass(frozen=True)
class SafePattern:
    """A compiled pattern that searches under a time limit, or needs none."""

    source: str
    compiled: Any  # regex.Pattern, or re.Pattern when bounded
    bounded: bool = False

    def spans(self, text: str, path: str) -> Iterator[tuple[int, int]]:
        if self.bounded:
            for match in self.compiled.finditer(text):
                yield match.start(), match.end()
            return
        try:
            for match in self.compiled.finditer(text, timeout=time_limit(text)):
                yield match.start(), match.end()
        except TimeoutError:
            raise PatternTimeout(
                f"pattern {self.source!r} took over {time_limit(text):.2f} s and was stopped; "
                "simplify it (avoid nested or overlapping repeats)",
                path,
            ) from None


def is_bounded(source: str) -> bool:
    """Whether no part of the pattern repeats without limit (no ``*``, ``+`` or
    ``{n,}`` outside a character class); False when unsure.

    Each attempt of such a pattern reads at most a fixed number of characters,
    so a whole search is linear in the text and needs no time limit: the
    stdlib ``re`` runs it, and a run whose patterns are all bounded never
    imports ``regex`` (a tenth of a cold run's imports).
    """
    in_class = False
    chars = iter(range(len(source)))
    for i in chars:
        char = source[i]
        if char == "\\":
            next(chars, None)  # the escaped character is a literal
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source.startswith("]", i + 1) or source.startswith("^]", i + 1):
                return False  # a class opening with "]": rare, and not parsed here
        elif char in "*+" or (char == "{" and _OPEN_REPEAT.match(source, i)):
            return False
    return not in_class


def compile_pattern(source: str, ignorecase: bool, key: str) -> SafePattern:
    """Compile an editor's pattern or raise ValueError(message, key)."""
    if is_bounded(source):
        try:
            return SafePattern(source, re.compile(source, re.IGNORECASE if ignorecase else 0), True)
        except re.error:
            pass  # the regex module's own message, and its syntax, below
    import regex  # only packs with unbounded patterns pay for the import

    if regex.search(_NESTED_REPEAT, source):
        raise ValueError(
            f"pattern {source!r} repeats a group that itself repeats, which can "
            "backtrack for ever; rewrite it without the nested repeat",
            key,
        )
    flags = regex.V0 | (regex.IGNORECASE if ignorecase else 0)
    try:
        compiled = regex.compile(source, flags)
    except regex.error as exc:
        raise ValueError(
            f"pattern {source!r} is not a valid regular expression: {exc}", key
        ) from None
    return SafePattern(source, compiled)
