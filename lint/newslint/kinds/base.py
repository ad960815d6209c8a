"""What every rule kind shares: the Check interface and the Mark it reports."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from newslint.document import Block, Document
from newslint.phrases import Hit, PhraseTable
from newslint.rule import Rule
from newslint.runcontext import RunContext
from newslint.schema import Key
from newslint.severity import Severity


@dataclass(frozen=True)
class Mark:
    """What a check found, in block-text offsets; the engine makes it a Finding."""

    block: Block
    start: int
    end: int
    message: str
    suggestion: str | None = None
    severity: Severity | None = None  # None: the rule's own severity
    fixable: bool = False
    data: tuple[tuple[str, str], ...] = ()


class Check(Protocol):
    """A compiled rule: yields marks for one document.

    ``context`` carries the run's settings and the work rules share on this
    draft; the document itself holds only the draft.
    """

    @property
    def rule(self) -> Rule: ...  # read-only, so frozen dataclasses are Checks

    def run(self, doc: Document, hits: Sequence[Hit], context: RunContext) -> Iterator[Mark]: ...


class Kind(Protocol):
    """A rule kind: its own YAML keys and how it compiles a rule.

    ``compile`` may add phrases to the pack's table; the engine scans the
    table once per document and hands each check the hits for its rule.
    Problems in a rule's keys are raised as ValueError(message, key).
    ``PLACEHOLDERS`` are the ``{names}`` its messages may use.
    """

    KEYS: dict[str, Key]
    PLACEHOLDERS: frozenset[str]

    def compile(self, rule: Rule, phrases: PhraseTable) -> Check: ...


def in_scope(rule: Rule, block: Block, start: int, end: int) -> bool:
    """Whether the span is in a scope the rule looks at."""
    return rule.covers(block.scope_at(start, end))


def string_list(rule: Rule, key: str) -> list[str]:
    """A list-of-strings option, checked; missing means empty."""
    value = rule.options.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key!r} must be a list of strings", key)
    return list(value)
