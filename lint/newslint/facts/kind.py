"""The ``facts`` rule kind: runs one consistency check and reports both places.

``check:`` names the check. Each finding's message may use ``{other_line}``
(the line of the other place) and the check's own values; ``data`` carries
``other_line`` for reporters. A disagreement the check is not sure of is
reported as a suggestion, whatever the rule's severity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from newslint.document import Document
from newslint.facts import ages, arithmetic, counts, dates, headline, people
from newslint.facts.common import Disagreement
from newslint.kinds.base import Mark, in_scope
from newslint.phrases import Hit, PhraseTable
from newslint.rule import Rule
from newslint.runcontext import RunContext
from newslint.schema import Key
from newslint.severity import Severity

CHECKS: dict[str, Callable[[Document, RunContext], Iterator[Disagreement]]] = {
    "counts": counts.find,
    "weekday": dates.find_weekdays,
    "relative-day": dates.find_relative,
    "age": ages.find_ages,
    "year-span": ages.find_spans,
    "first-reference": people.find_first_references,
    "title-change": people.find_title_changes,
    "headline": headline.find,
    "percent-sum": arithmetic.find_percent_sums,
    "stated-change": arithmetic.find_changes,
}

# The names its messages may use: what the facts checks put in their values.
PLACEHOLDERS = frozenset(
    (
        "match",
        "other",
        "other_line",
        "problem",
        "date",
        "weekday",
        "person",
        "meant",
        "relative",
        "story_date",
    )
)

KEYS = {
    "check": Key((str,), True, "which consistency check: " + ", ".join(CHECKS)),
}


@dataclass(frozen=True)
class Facts:
    """A facts rule, compiled: the finder of its disagreements."""

    rule: Rule
    find: Callable[[Document, RunContext], Iterator[Disagreement]]

    def run(self, doc: Document, hits: Sequence[Hit], context: RunContext) -> Iterator[Mark]:
        seen: set[tuple[int, int, int]] = set()
        for found in self.find(doc, context):
            here = found.here
            key = (here.block.index, here.start, id(here.block))
            if key in seen or not in_scope(self.rule, here.block, here.start, here.end):
                continue
            seen.add(key)
            other_line = found.there.line(doc)
            message = self.rule.format(other_line=other_line, **found.values)
            yield Mark(
                here.block,
                here.start,
                here.end,
                message,
                severity=None if found.sure else Severity.SUGGESTION,
                data=(("other_line", str(other_line)), ("other", found.there.text)),
            )


def compile(rule: Rule, phrases: PhraseTable) -> Facts:
    name = rule.options.get("check")
    if name not in CHECKS:
        raise ValueError(f"unknown check {name!r}; use one of: {', '.join(CHECKS)}", "check")
    return Facts(rule, CHECKS[name])
