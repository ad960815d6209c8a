"""existence: words, phrases or patterns that should not appear."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from newslint.document import Document
from newslint.kinds.base import Mark, in_scope, string_list
from newslint.patterns import SafePattern, compile_pattern
from newslint.phrases import Hit, PhraseTable
from newslint.rule import Rule
from newslint.runcontext import RunContext
from newslint.schema import Key
from newslint.senses import SENSE_KEYS, Senses, senses_of

# The names its messages may use: {match} and so on, filled in by the check.
PLACEHOLDERS = frozenset(("match",))

KEYS = {
    "words": Key((list,), False, "words and phrases to flag (whole words, any case)"),
    "patterns": Key((list,), False, "regular expressions to flag, for what a list cannot say"),
    "ignorecase": Key((bool,), False, "match regardless of case (default true)"),
    "exceptions": Key((list,), False, "phrases in which a listed word is fine"),
    **SENSE_KEYS,
}


@dataclass(frozen=True)
class Existence:
    """An existence rule, compiled: its patterns, exceptions and word senses."""

    rule: Rule
    patterns: tuple[SafePattern, ...]
    exceptions: tuple[str, ...]
    senses: Senses = field(default_factory=Senses)

    def run(self, doc: Document, hits: Sequence[Hit], context: RunContext) -> Iterator[Mark]:
        for hit in hits:
            if self.senses.rejects(hit):
                continue
            if not self._excepted(hit.block.text, hit.start, hit.end):
                yield Mark(hit.block, hit.start, hit.end, self.rule.format(match=hit.text))
        for pattern in self.patterns:
            for block in doc.blocks:
                for start, end in pattern.spans(block.text, doc.path):
                    if end > start and in_scope(self.rule, block, start, end):
                        yield Mark(block, start, end, self.rule.format(match=block.text[start:end]))

    def _excepted(self, text: str, start: int, end: int) -> bool:
        # Only the few characters around the hit are lowered: lowering the
        # whole block for every hit made one long paragraph quadratic.
        for phrase in self.exceptions:
            width = len(phrase)
            for at in range(max(0, end - width), min(start, len(text) - width) + 1):
                if text[at : at + width].lower() == phrase:
                    return True
        return False


def compile(rule: Rule, phrases: PhraseTable) -> Existence:
    words = string_list(rule, "words")
    raw_patterns = string_list(rule, "patterns")
    if not words and not raw_patterns:
        raise ValueError("an existence rule needs 'words' or 'patterns'", "words")
    ignorecase = bool(rule.options.get("ignorecase", True))
    for word in words:
        phrases.add(rule.id, word, ignorecase=ignorecase)
    patterns = tuple(compile_pattern(p, ignorecase, "patterns") for p in raw_patterns)
    exceptions = tuple(e.lower() for e in string_list(rule, "exceptions"))
    return Existence(rule, patterns, exceptions, senses_of(rule))
