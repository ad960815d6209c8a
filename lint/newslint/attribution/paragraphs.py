"""A paragraph's sentences indexed once, so that each quotation's work in it stays local.

Looking through every sentence of the paragraph for each quotation made one
long paragraph quadratic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cached_property

from newslint.attribution.clauses import SentenceInfo
from newslint.attribution.lexicon import NAMED
from newslint.document import Quotation


class Paragraph:
    """The sentences of one paragraph, with who they name as speaking."""

    def __init__(self, infos: list[SentenceInfo], speaker_of: Callable[[SentenceInfo], str]):
        self.infos = infos
        self._speaker_of = speaker_of
        self._starts = [i.start for i in infos]  # sentences are in order and do not overlap
        self._ends = [i.end for i in infos]

    def spanned(self, quotation: Quotation) -> list[SentenceInfo]:
        """The sentences the quotation overlaps."""
        lo = bisect_right(self._ends, quotation.start)
        return self.infos[lo : bisect_left(self._starts, quotation.end)]

    @cached_property
    def named(self) -> dict[str, frozenset[int]]:
        """Who the paragraph names as speaking, with the positions of those sentences."""
        where: dict[str, set[int]] = {}
        for info in self.infos:
            if info.covering is not None and info.covering.category in NAMED:
                speaker = self._speaker_of(info)
                if speaker and speaker != "named in the sentence":
                    where.setdefault(speaker, set()).add(info.position)
        return {speaker: frozenset(positions) for speaker, positions in where.items()}
