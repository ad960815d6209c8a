"""A draft's prose as plain data, for the reporter that shows it (``--format html``).

The linter has parsed the draft already; the layout keeps what the HTML
report needs of that parse — each prose block's text, kind and first line,
and where its characters sit in the source — so the report never parses the
draft again. It is made in the worker process (``--jobs N``) beside the
findings and crosses the process boundary with them, so it is kept small:
a block's character offsets, which mostly count up one by one, are stored
only where they jump (markup left out, a line's indent), not one per
character. For the per-paragraph chart it also counts each body paragraph's
words and syllables, the one part of the chart that costs (a syllable
lookup per word), so that it is done in the workers too.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, count, repeat
from operator import ne, sub

from newslint.document import WORD, Block, Document
from newslint.readability import syllables


@dataclass(frozen=True)
class LaidBlock:
    """One prose block: its text, and its source offsets as runs that count up by one.

    Run ``k`` starts at block-text position ``starts[k]`` and source offset
    ``sources[k]``; each next character is one further on, until the next run.
    """

    kind: str  # "paragraph" | "heading" | "table_cell"
    text: str
    starts: tuple[int, ...]
    sources: tuple[int, ...]
    line: int  # the source line of its first character
    sentences: int  # how many sentences newslint found in it
    level: int = 0  # heading level
    in_blockquote: bool = False
    in_list: bool = False
    # Counted for body paragraphs only (see ``body``), for the chart.
    words: int = 0
    syllables: int = 0

    @property
    def body(self) -> bool:
        """One of the writer's paragraphs: blockquotes are someone else's prose."""
        return self.kind == "paragraph" and self.sentences > 0 and not self.in_blockquote

    @property
    def first(self) -> int:
        """Source offset of the first character (-1 when the block is empty)."""
        return self.sources[0] if self.sources else -1

    @property
    def last(self) -> int:
        """Source offset of the last character (-1 when the block is empty)."""
        if not self.sources:
            return -1
        return self.sources[-1] + len(self.text) - self.starts[-1] - 1

    def position(self, offset: int) -> int:
        """Block-text position of the first character at or after source ``offset``."""
        run = bisect_right(self.sources, offset) - 1
        if run < 0:
            return 0
        end = self.starts[run + 1] if run + 1 < len(self.starts) else len(self.text)
        return min(self.starts[run] + offset - self.sources[run], end)


@dataclass(frozen=True)
class Layout:
    """A draft's prose blocks, in the order the linter read them."""

    blocks: tuple[LaidBlock, ...]


def layout_of(doc: Document) -> Layout:
    return Layout(tuple(_laid(block, doc) for block in doc.blocks))


def _laid(block: Block, doc: Document) -> LaidBlock:
    offsets = block.offsets
    # Positions where the offset does not run on by one: found by C-level
    # iteration, as a long draft has tens of thousands of characters.
    jumps = compress(count(1), map(ne, map(sub, offsets[1:], offsets), repeat(1)))
    starts = (0, *jumps) if offsets else ()
    line = doc.lines.line_col(offsets[0])[0] if offsets else 0
    laid = LaidBlock(
        kind=block.kind,
        text=block.text,
        starts=starts,
        sources=tuple(offsets[k] for k in starts),
        line=line,
        sentences=len(block.sentences),
        level=block.level,
        in_blockquote=block.in_blockquote,
        in_list=block.in_list,
    )
    if not laid.body:
        return laid
    # C-level iteration (findall, map, the memo's lookups): a draft has
    # thousands of words, and this is done for every draft of the report.
    words = WORD.findall(block.text)
    syllable_count = sum(map(_syllables, map(str.lower, words)))
    return replace(laid, words=len(words), syllables=syllable_count)


@lru_cache(maxsize=1 << 16)
def _syllables(word: str) -> int:
    # At least one a word (a number, an initial), as the chart has always counted.
    return max(1, syllables(word))
