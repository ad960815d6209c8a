"""repetition: the same word twice in a row ("the the")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newslint.document import QUOTE, Document
from newslint.kinds.base import Mark, in_scope, string_list
from newslint.phrases import Hit, PhraseTable
from newslint.rule import Rule
from newslint.runcontext import RunContext
from newslint.schema import Key
from newslint.typos import repeated_name

# The names its messages may use: {match} and so on, filled in by the check.
PLACEHOLDERS = frozenset(("match",))

KEYS = {
    "allow": Key((list,), False, "words that may be doubled (had had, that that)"),
    "fixable": Key((bool,), False, "newslint --fix may delete the repeat (default true)"),
}

_REPEAT = re.compile(r"(?<!\w)(\w+)(?:\s+(\1))+(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Repetition:
    """A repetition rule, compiled."""

    rule: Rule
    allow: frozenset[str]
    fixable: bool = True

    def run(self, doc: Document, hits: Sequence[Hit], context: RunContext) -> Iterator[Mark]:
        for block in doc.blocks:
            for match in _REPEAT.finditer(block.text):
                word = match.group(1)
                if word.lower() in self.allow or word.isdigit():
                    continue
                if repeated_name(word, match.group(2)):
                    continue  # Duran Duran, Sirhan Sirhan
                # Flag from the end of the first word, so that deleting the
                # span leaves one copy.
                start, end = match.end(1), match.end()
                if in_scope(self.rule, block, match.start(), end):
                    quoted = block.scope_at(match.start(), end) == QUOTE
                    yield Mark(
                        block,
                        start,
                        end,
                        self.rule.format(match=word),
                        suggestion="",
                        # A slip in a quotation is the speaker's: never rewritten.
                        fixable=self.fixable and not quoted,
                    )


def compile(rule: Rule, phrases: PhraseTable) -> Repetition:
    allow = frozenset(w.lower() for w in string_list(rule, "allow"))
    return Repetition(rule, allow, bool(rule.options.get("fixable", True)))
