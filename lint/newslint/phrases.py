"""One matcher per rule pack for all its word lists.

Every word and phrase of a pack's rules goes into one character trie that
becomes a single regular expression, so scanning a block costs one pass
however many words the pack lists. A hit is looked up by its normalised
text to find the rules (and their payloads) that listed it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from newslint.document import Block, Document

_SPACE = re.compile(r"\s+")


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


class PhraseTable:
    """Collects a pack's phrases at load time; ``compile`` makes the matcher."""

    def __init__(self) -> None:
        self._entries: dict[str, list[Entry]] = defaultdict(list)
        self._regex: re.Pattern[str] | None = None

    def add(self, rule_id: str, phrase: str, payload: Any = None, ignorecase: bool = True) -> None:
        key = normalise(phrase)
        if key:
            self._entries[key].append(Entry(rule_id, phrase, payload, ignorecase))

    def compile(self) -> None:
        if self._entries:
            self._regex = re.compile(
                r"(?<!\w)" + trie_regex(self._entries) + r"(?!\w)", re.IGNORECASE
            )

    def __bool__(self) -> bool:
        return bool(self._entries)

    def scan(self, doc: Document) -> dict[str, list[Hit]]:
        """Every hit in ``doc``, grouped by rule id."""
        hits: dict[str, list[Hit]] = defaultdict(list)
        if self._regex is None:
            return hits
        finditer = self._regex.finditer
        for block in doc.blocks:
            for match in finditer(block.text):
                text = match.group(0)
                for entry in self._entries.get(normalise(text), ()):
                    if entry.ignorecase or _same_case(text, entry.phrase):
                        hits[entry.rule_id].append(
                            Hit(block, match.start(), match.end(), text, entry)
                        )
        return hits


def _same_case(text: str, phrase: str) -> bool:
    return _SPACE.sub(" ", text.replace("’", "'")) == _SPACE.sub(" ", phrase.replace("’", "'"))


def _token(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "'":
        return "['’]"
    return re.escape(ch)


def trie_regex(phrases: Any) -> str:
    """A regex matching exactly ``phrases`` (normalised), built as a trie."""
    root: dict[str, Any] = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(root)


def _node_regex(node: dict[str, Any]) -> str:
    ends_here = "" in node
    branches = [_token(ch) + _node_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body
