"""What every facts check yields: a disagreement between two places."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from newslint.document import Block, Document


@dataclass(frozen=True)
class Place:
    """A span of one block, in block-text offsets."""

    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    def line(self, doc: Document) -> int:
        return doc.lines.line_col(self.block.source_offset(self.start))[0]


@dataclass(frozen=True)
class Disagreement:
    """Two places that cannot both be right.

    ``here`` is flagged; ``there`` is named in the message. ``sure`` is false
    when the check cannot tell a real disagreement from an unusual wording,
    which makes the finding a suggestion.
    """

    here: Place
    there: Place
    values: dict[str, str] = field(default_factory=dict)
    sure: bool = True


class Lazy:
    """A regular expression compiled on first use.

    The facts checks hold some fifty patterns; compiled at import they cost a
    cold run tens of milliseconds, and most drafts never need most of them
    (no weekday, no percentage, no birth year).
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return self._compiled

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.compiled.search(text, *args)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self.compiled.match(text, *args)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def sub(self, repl: str, text: str) -> str:
        return self.compiled.sub(repl, text)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text)


def sentence_text(block: Block, pos: int) -> tuple[int, str]:
    """The sentence around ``pos``: its start offset and its text.

    The checks read whole sentences, quotations included; the rule's scope
    decides only what may be flagged.
    """
    sentence = block.sentence_at(pos)
    if sentence is None:
        return 0, block.text
    return sentence.start, sentence.text


def compile_all(modules: Iterable[ModuleType]) -> int:
    """Compile every Lazy pattern the modules hold at their top level; how many.

    The warm process calls this before it forks, so its runs find them
    compiled rather than each compiling the ones its draft needs.
    """
    patterns = [v for m in modules for v in vars(m).values() if isinstance(v, Lazy)]
    for pattern in patterns:
        pattern.compiled  # noqa: B018 (compiled for its effect)
    return len(patterns)
