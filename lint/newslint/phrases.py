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
from typing import Any, NamedTuple

from newslint.document import WORD, Block, Document
from newslint.names.forms import strip_possessive

_SPACE = re.compile(r"\s+")


# Named tuples, not frozen dataclasses: a draft makes some 600 entries and 950
# hits, and a frozen dataclass sets each field through object.__setattr__
# (1.6 against 0.4 microseconds a hit).
class Entry(NamedTuple):
    """A phrase as one rule listed it."""

    rule_id: str
    phrase: str
    payload: Any = None
    ignorecase: bool = True


class Hit(NamedTuple):
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
        # Every phrase's leading words (its first, its first two…): a run of
        # words is extended only while it can still become a phrase, so most
        # words of a draft cost one set lookup.
        self._prefixes: set[str] = set()
        # A table read back from the pack cache keeps its entries as plain
        # tuples, made Entry objects only for the phrases a draft has.
        self._rows: dict[str, tuple[tuple[str, str, Any, bool], ...]] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Plain tuples for the pack cache: unpickling the attribution pack's
        5,460 Entry objects took a cold run 60-70 ms (load ~12), tuples 4 ms."""
        rows = dict(self._rows)
        for key, entries in self._entries.items():
            rows[key] = tuple((e.rule_id, e.phrase, e.payload, e.ignorecase) for e in entries)
        return {"rows": rows, "prefixes": self._prefixes}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._entries = {}
        self._rows = state["rows"]
        self._prefixes = state["prefixes"]

    def _lookup(self, key: str) -> list[Entry] | None:
        """The entries of a phrase key, made from their rows on first use."""
        entries = self._entries.get(key)
        if entries is None and key in self._rows:
            entries = self._entries[key] = [Entry(*row) for row in self._rows[key]]
        return entries

    def add(self, rule_id: str, phrase: str, payload: Any = None, ignorecase: bool = True) -> None:
        tokens = [normalise(phrase[s:e]) for s, e in words_of(phrase)]
        if tokens:
            self._entries[" ".join(tokens)].append(Entry(rule_id, phrase, payload, ignorecase))
            self._prefixes.update(" ".join(tokens[:n]) for n in range(1, len(tokens) + 1))

    def compile(self) -> None:
        """Freeze the table (kept so packs read the same whatever the matcher)."""
        self._entries = dict(self._entries)

    def __bool__(self) -> bool:
        return bool(self._entries or self._rows)

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
        spans, keys, reach = block.words, block.word_keys, block.word_runs
        prefixes = self._prefixes
        # Where a phrase may start: most words of a draft begin none.
        bare = block.word_bare_keys
        starts = [i for i, key in enumerate(keys) if key in prefixes or bare[i] in prefixes]
        found = []
        after = 0  # the first word not inside the last phrase found
        for i in starts:
            if i < after:
                continue
            match = self._longest_at(spans, keys, reach[i], i)
            if match:
                length, end, entries = match
                found.append((spans[i][0], end, entries))
                after = i + length
        return found

    def _longest_at(
        self, spans: list[tuple[int, int]], keys: list[str], reach: int, i: int
    ) -> tuple[int, int, list[Entry]] | None:
        """The longest phrase starting at word ``i``: (words, end offset, entries)."""
        best = None
        key = keys[i]
        length = 1
        while True:
            end = spans[i + length - 1][1]
            entries = self._lookup(key)
            if entries:
                best = (length, end, entries)
            else:
                bare = strip_possessive(key)
                if bare != key and (entries := self._lookup(bare)):
                    best = (length, end - (len(key) - len(bare)), entries)
            if length >= reach:
                return best
            key = f"{key} {keys[i + length]}"
            if key not in self._prefixes:
                return best
            length += 1


def _same_case(text: str, phrase: str) -> bool:
    return _SPACE.sub(" ", text.replace("’", "'")) == _SPACE.sub(" ", phrase.replace("’", "'"))
