"""The document model: prose blocks with exact source offsets, sentences and quotations.

Every text run keeps the source offset of each of its characters, computed
once when the Markdown is parsed; rules report spans in block text and
``Block.source_span`` turns them into source offsets. Nothing searches the
source for a position after the fact.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from newslint.positions import LineIndex

# Scopes a rule may look at.
VOICE = "voice"  # the writer's own words in body text
QUOTE = "quote"  # direct quotations and blockquotes: the source's words
HEADING = "heading"  # headlines and subheads, in the writer's voice
SCOPES = (VOICE, QUOTE, HEADING)

# Stands in the block text for something that is not prose (inline code, a
# bare URL) so that words on either side never join up.
PLACEHOLDER = "\ufffc"

# A word: letters and digits, joined by inner hyphens or apostrophes
# (larger-than-life, Kata'ib, don’t), or a dotted abbreviation (U.S.).
WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’\-][^\W_]+)*")


def word_key(word: str) -> str:
    """How a word is looked up: lower case, straight apostrophes."""
    return word.lower().replace("’", "'").replace("‘", "'")


@dataclass(frozen=True)
class Quotation:
    """A direct quotation inside one block, as block-text offsets.

    ``open_end`` is true when no closing mark ends it: at the paragraph's end,
    news style for a quotation that continues in the next paragraph; earlier,
    a missing mark (the quotation then ends with its sentence).
    """

    start: int
    end: int
    open_end: bool = False
    continued: bool = False  # begins a paragraph that continues a quotation

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(frozen=True)
class Sentence:
    """A sentence as block-text offsets, with its text."""

    start: int
    end: int
    text: str


@dataclass
class Block:
    """One run of prose: a paragraph, heading, list-item paragraph or table cell."""

    index: int
    kind: str  # "paragraph" | "heading" | "table_cell"
    text: str
    offsets: array[int]  # source offset of each character of ``text``
    in_blockquote: bool = False
    in_list: bool = False
    level: int = 0  # heading level
    sentences: tuple[Sentence, ...] = ()
    quotations: tuple[Quotation, ...] = ()

    def source_offset(self, pos: int) -> int:
        """Source offset of block-text position ``pos`` (may be ``len(text)``)."""
        if not self.offsets:
            return 0
        if pos >= len(self.offsets):
            return self.offsets[-1] + 1
        return self.offsets[max(pos, 0)]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets (end exclusive) of the block-text span ``[start, end)``."""
        if end <= start:
            s = self.source_offset(start)
            return s, s
        return self.source_offset(start), self.source_offset(end - 1) + 1

    def scope_at(self, start: int, end: int) -> str:
        """Whose words the span is: the writer's, a heading's, or a quoted source's."""
        if self.in_blockquote or self._quoted(start, end):
            return QUOTE
        if self.kind == "heading":
            return HEADING
        return VOICE

    def _quoted(self, start: int, end: int) -> bool:
        # Quotations nest, so a span is quoted when the outermost quotation
        # around its start holds it; a bisection keeps long paragraphs linear.
        starts, ends = self._outer_quotations
        at = bisect_right(starts, start) - 1
        return at >= 0 and end <= ends[at]

    @property
    def _outer_quotations(self) -> tuple[list[int], list[int]]:
        key = self.quotations
        cached = self.__dict__.get("_outer")
        if cached is None or cached[0] is not key:
            starts: list[int] = []
            ends: list[int] = []
            for q in sorted(key, key=lambda q: (q.start, -q.end)):
                if ends and q.start < ends[-1]:
                    ends[-1] = max(ends[-1], q.end)  # nested (or crossing): one span
                    continue
                starts.append(q.start)
                ends.append(q.end)
            cached = (key, (starts, ends))
            self.__dict__["_outer"] = cached
        return cached[1]

    @cached_property
    def words(self) -> list[tuple[int, int]]:
        """Spans of the block's words, found once and shared by every rule."""
        return [m.span() for m in WORD.finditer(self.text)]

    @cached_property
    def word_keys(self) -> list[str]:
        text = self.text
        return [word_key(text[s:e]) for s, e in self.words]

    @cached_property
    def word_bare_keys(self) -> list[str]:
        """Each word's key without a final possessive ("soleimani's" -> "soleimani"),
        made once per block rather than once per word list scanned."""
        from newslint.names.forms import strip_possessive

        return [strip_possessive(key) for key in self.word_keys]

    @cached_property
    def word_runs(self) -> list[int]:
        """For each word, how many words from it on are separated by white space only.

        A listed phrase never spans punctuation.
        """
        text, spans = self.text, self.words
        runs = [1] * len(spans)
        for k in range(len(spans) - 2, -1, -1):
            if not text[spans[k][1] : spans[k + 1][0]].strip():
                runs[k] = runs[k + 1] + 1
        return runs

    def sentence_at(self, pos: int) -> Sentence | None:
        sentences = self.sentences
        at = bisect_right(sentences, pos, key=lambda s: s.start) - 1
        if at >= 0 and pos < sentences[at].end:
            return sentences[at]
        return None


@dataclass(frozen=True)
class Comment:
    """An HTML comment in the source (where suppression directives live)."""

    offset: int
    text: str


@dataclass
class Document:
    """A parsed draft: its source, prose blocks, front matter and comments.

    Only the draft: run settings and work shared between rules travel in
    ``runcontext.RunContext``, beside it.
    """

    path: str
    source: str
    blocks: list[Block]
    lines: LineIndex
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_line: int = 0
    comments: list[Comment] = field(default_factory=list)
