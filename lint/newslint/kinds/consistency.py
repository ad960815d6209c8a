"""consistency: groups of spellings of which a draft should use one.

The spelling used most in the draft wins (the first used, on a tie); each
use of another spelling is flagged with the winner as the suggestion.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newslint.document import Document
from newslint.kinds.base import Mark
from newslint.phrases import Hit, PhraseTable, normalise
from newslint.rule import Rule
from newslint.runcontext import RunContext
from newslint.schema import Key

# The names its messages may use: {match} and so on, filled in by the check.
PLACEHOLDERS = frozenset(("match", "suggestion", "count"))

KEYS = {
    "groups": Key((list,), True, "lists of spellings that mean the same; a draft uses one"),
    "ignorecase": Key((bool,), False, "match regardless of case (default true)"),
}


@dataclass(frozen=True)
class Consistency:
    """A consistency rule, compiled."""

    rule: Rule

    def run(self, doc: Document, hits: Sequence[Hit], context: RunContext) -> Iterator[Mark]:
        by_group: dict[int, list[Hit]] = {}
        for hit in hits:
            by_group.setdefault(int(hit.entry.payload), []).append(hit)
        for group_hits in by_group.values():
            counts = Counter(normalise(h.text) for h in group_hits)
            if len(counts) < 2:
                continue
            # Counter keeps first-seen order, so max() breaks ties by first use.
            winner = max(counts, key=lambda k: counts[k])
            shown = next(h.text for h in group_hits if normalise(h.text) == winner)
            for hit in group_hits:
                if normalise(hit.text) != winner:
                    yield Mark(
                        hit.block,
                        hit.start,
                        hit.end,
                        self.rule.format(match=hit.text, suggestion=shown, count=counts[winner]),
                        suggestion=shown,
                    )


def compile(rule: Rule, phrases: PhraseTable) -> Consistency:
    groups = rule.options.get("groups")
    if not isinstance(groups, list) or not groups:
        raise ValueError("'groups' must be a list of lists of spellings", "groups")
    ignorecase = bool(rule.options.get("ignorecase", True))
    for number, group in enumerate(groups):
        if (
            not isinstance(group, list)
            or len(group) < 2
            or not all(isinstance(s, str) for s in group)
        ):
            raise ValueError(f"group {number + 1} must list two or more spellings", "groups")
        for spelling in group:
            phrases.add(rule.id, spelling, payload=number, ignorecase=ignorecase)
    return Consistency(rule)
