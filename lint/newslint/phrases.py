"""One matcher per rule pack for all its word lists.

Every word and phrase of a pack's rules goes into one dictionary keyed by
its normalised words. Scanning a block splits it into word tokens once and
looks up runs of up to the longest phrase's length, so the cost of a scan
does not grow with the number of words listed, and loading a pack compiles
nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from newslint.document import WORD, Block, Document

_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s$", re.I)


@dataclass(frozen=True)
class Entry:
    """A phrase as one rule listed it."""

    rule_id: str
    phrase: str
    payload: Any = None
    ignorecase: bool = True


@dataclass(frozen=True)
class Hit:
    """A place in a block where a listed phrase occurs (block-text offsets)."""

    block: Block
    start: int
    end: int
    text: str
    entry: Entry


def normalise(text: str) -> str:
    """The lookup key of a phrase or a match: lower case, one space, straight apostrophes."""
    return _SPACE.sub(" ", text.replace("’", "'").replace("‘", "'")).strip().lower()


def words_of(text: str) -> list[tuple[int, int]]:
    """Spans of the word tokens of ``text``."""
    return [m.span() for m in WORD.finditer(text)]


class PhraseTable:
    """Collects a pack's phrases at load time; ``scan`` finds them in a document."""

    def __init__(self) -> None:
        self._entries: dict[str, list[Entry]] = defaultdict(list)
        self._longest = 0
        # First words of all phrases: most words of a draft start none, and
        # are passed over with one set lookup.
        self._starts: set[str] = set()

    def add(self, rule_id: str, phrase: str, payload: Any = None, ignorecase: bool = True) -> None:
        tokens = [normalise(phrase[s:e]) for s, e in words_of(phrase)]
        if tokens:
            self._entries[" ".join(tokens)].append(Entry(rule_id, phrase, payload, ignorecase))
            self._longest = max(self._longest, len(tokens))
            self._starts.add(tokens[0])

    def compile(self) -> None:
        """Freeze the table (kept so packs read the same whatever the matcher)."""
        self._entries = dict(self._entries)

    def __bool__(self) -> bool:
        return bool(self._entries)

    def scan(self, doc: Document) -> dict[str, list[Hit]]:
        """Every hit in ``doc``, grouped by rule id; the longest phrase wins, no overlaps."""
        hits: dict[str, list[Hit]] = defaultdict(list)
        for block in doc.blocks:
            for start, end, entries in self._scan_block(block):
                text = block.text[start:end]
                for entry in entries:
                    if entry.ignorecase or _same_case(text, entry.phrase):
                        hits[entry.rule_id].append(Hit(block, start, end, text, entry))
        return hits

    def _scan_block(self, block: Block) -> list[tuple[int, int, list[Entry]]]:
        text, spans, keys = block.text, block.words, block.word_keys
        # reach[i]: how many words from i on are separated by white space
        # only, since a phrase never spans punctuation.
        reach = [1] * len(spans)
        for k in range(len(spans) - 2, -1, -1):
            if not text[spans[k][1] : spans[k + 1][0]].strip():
                reach[k] = reach[k + 1] + 1
        found = []
        starts = self._starts
        i = 0
        while i < len(spans):
            key = keys[i]
            if key not in starts and _POSSESSIVE.sub("", key) not in starts:
                i += 1
                continue
            match = self._longest_at(spans, keys, reach, i)
            if match:
                length, end, entries = match
                found.append((spans[i][0], end, entries))
                i += length
            else:
                i += 1
        return found

    def _longest_at(
        self, spans: list[tuple[int, int]], keys: list[str], reach: list[int], i: int
    ) -> tuple[int, int, list[Entry]] | None:
        for length in range(min(self._longest, reach[i]), 0, -1):
            last = i + length - 1
            key = " ".join(keys[i : last + 1])
            entries = self._entries.get(key)
            if entries:
                return length, spans[last][1], entries
            possessive = _POSSESSIVE.search(key)
            if possessive and (entries := self._entries.get(key[: possessive.start()])):
                return length, spans[last][1] - 2, entries
        return None


def _same_case(text: str, phrase: str) -> bool:
    return _SPACE.sub(" ", text.replace("’", "'")) == _SPACE.sub(" ", phrase.replace("’", "'"))
