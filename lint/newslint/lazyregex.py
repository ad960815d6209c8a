"""Regular expressions compiled on first use, for modules that hold many.

The facts and attribution checks hold some hundred patterns between them;
compiled at import they cost a cold run tens of milliseconds, and most drafts
never need most of them (no weekday, no percentage, no birth year). The warm
process compiles them all once before it forks (:func:`compile_all`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import Any


class Lazy:
    """A regular expression compiled on first use, with the methods the checks call."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            compiled = self._compiled = re.compile(*self._args)
            # Once compiled, each call goes straight to the pattern's own method
            # (an instance attribute comes before the class's): the seed's run
            # made some 2,300 calls through two Python frames each.
            vars(self).update(
                search=compiled.search,
                match=compiled.match,
                fullmatch=compiled.fullmatch,
                finditer=compiled.finditer,
                findall=compiled.findall,
                sub=compiled.sub,
                split=compiled.split,
            )
        return self._compiled

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.compiled.sub(repl, text)

    def split(self, text: str) -> list[str]:
        return self.compiled.split(text)


def compile_all(modules: Iterable[ModuleType]) -> int:
    """Compile every Lazy pattern the modules hold at their top level; how many.

    The warm process calls this before it forks, so its runs find them
    compiled rather than each compiling the ones its draft needs.
    """
    patterns = [v for m in modules for v in vars(m).values() if isinstance(v, Lazy)]
    for pattern in patterns:
        pattern.compiled  # noqa: B018 (compiled for its effect)
    return len(patterns)
