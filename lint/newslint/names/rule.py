"""variants: one name spelt two ways, found without a list of names.

Within a draft (``names.variant-spelling``) the candidate names are grouped
with names.keys and every spelling but the most used -- or the house list's,
when it knows the name -- is flagged. With ``project: true``
(``names.house-spelling``) a draft's names are compared with the spellings
the rest of its repository uses instead, through the name index.

Spans the house list's swap keys cover are left to the house list, which
already flags them with its own severity and fix: the rule names the house
list (``house_list``), its swap keys go into the pack's phrase table under
this rule's id, and the engine's one scan hands back where they occur. A
variant finding there would only repeat the house list's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint.document import QUOTE, Block, Document
from newslint.kinds.base import Mark
from newslint.kinds.substitution import QUOTED_NOTE
from newslint.names.find import DraftNames, NameUse, find_names, fold
from newslint.names.groups import Group, Policy, draft_usages, group, make_policy, other_people
from newslint.names.plan import Plan
from newslint.phrases import Hit, PhraseTable
from newslint.rule import Rule
from newslint.runcontext import RunContext
from newslint.schema import Key
from newslint.severity import Severity

if TYPE_CHECKING:
    from newslint.names.project import Indexes

# The names its messages may use, filled in by the check.
PLACEHOLDERS = frozenset(("match", "suggestion", "reason"))

KEYS = {
    "house_list": Key(
        (str, dict),
        False,
        "id of the substitution rule in this pack whose swap list is the house spelling",
    ),
    "distinct": Key((list,), False, "pairs of names that look alike but are different"),
    "quoted_severity": Key(
        (str,), False, "severity inside quotations, where the spelling is the source's"
    ),
    "project": Key(
        (bool,), False, "compare each draft with the rest of its repository (name index)"
    ),
    "min_drafts": Key(
        (int,), False, "project: other drafts that must use a spelling before it is the house's"
    ),
}


@dataclass(frozen=True)
class Variants:
    """A name-variants rule, compiled: its grouping policy and house list."""

    rule: Rule
    policy: Policy
    quoted_severity: Severity | None
    project: bool = False
    min_drafts: int = 2
    # Project mode only: the repository indexes this check has opened, so a
    # run over many drafts walks the repository once. Never pickled.
    indexes: Indexes | None = field(default=None, compare=False, repr=False)

    def run(self, doc: Document, hits: Sequence[Hit], context: RunContext) -> Iterator[Mark]:
        names = find_names(doc)
        covered = _Spans.of(hits)
        plans = draft_plans(names, self.policy)
        if self.project:
            from newslint.names.project import project_plans

            # The draft's own disagreements stay names.variant-spelling's.
            plans = project_plans(doc, names, plans, self, context.settings.max_file_bytes)
        for plan in plans:
            told = False
            for use in plan.uses:
                if covered.overlaps(use.block, use.start, use.end):
                    continue
                covered.add(use.block, use.start, use.end)
                told = True
                yield self._mark(use, plan)
            if not told and plan.mixed and plan.uses:
                # The house list flags each use on its own terms, but a draft
                # that mostly spells the name otherwise, or two other ways,
                # should also hear once that it is inconsistent.
                yield self._mark(plan.uses[0], plan, plan.mixed)

    def _mark(self, use: NameUse, plan: Plan, reason: str = "") -> Mark:
        suggestion = match_case(use.text, plan.suggestion)
        reason = reason or plan.reason
        message = self.rule.format(match=use.text, suggestion=suggestion, reason=reason)
        quoted = use.scope == QUOTE and self.quoted_severity is not None
        return Mark(
            use.block,
            use.start,
            use.end,
            message + QUOTED_NOTE if quoted else message,
            suggestion=suggestion,
            severity=self.quoted_severity if quoted else None,
        )


# ---------------------------------------------------------------------------
# Within one draft
# ---------------------------------------------------------------------------


def draft_plans(names: DraftNames, policy: Policy) -> list[Plan]:
    """What ``names.variant-spelling`` flags: joined/split runs first, then words."""
    runs = draft_usages(names.runs + names.words)
    by_key_runs = _uses_by_key(names.runs + names.words)
    plans = [
        _draft_plan(g, by_key_runs)
        for g in group(runs, policy)
        if len({m.words for m in g.members}) > 1  # Ansar Allah / Ansarullah
    ]
    by_key = _uses_by_key(names.words)
    for found in group(draft_usages(names.words), policy):
        kept = _drop_other_people(found)
        if kept is not None:
            plans.append(_draft_plan(kept, by_key))
    return plans


def _draft_plan(found: Group, by_key: dict[str, list[NameUse]]) -> Plan:
    uses = tuple(u for m in found.minority() for u in by_key[m.key])
    best = found.usage(found.canonical_key)
    if not found.from_house:
        count = best.total if best else 0
        return Plan(uses, found.canonical, f"{_times(count)} in this draft")
    others = found.minority()
    mixed = ""
    spellings = len(others) + (best is not None)
    if spellings > 1 and (best.total if best else 0) < sum(m.total for m in others):
        mixed = f"in the house list, and this draft spells it {spellings} ways"
    return Plan(uses, found.canonical, "in the house list", mixed)


def _drop_other_people(found: Group) -> Group | None:
    """Leave out spellings that are someone else's name (names.groups.other_people)."""
    best = found.usage(found.canonical_key)
    kept = tuple(m for m in found.members if best is None or not other_people(best, m))
    if len(kept) < 2 and not (found.from_house and kept):
        return None
    return Group(kept, found.canonical, found.from_house)


def _uses_by_key(uses: Sequence[NameUse]) -> dict[str, list[NameUse]]:
    by_key: dict[str, list[NameUse]] = {}
    for use in uses:
        by_key.setdefault(fold(use.text), []).append(use)
    return by_key


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def match_case(text: str, suggestion: str) -> str:
    """A capital where the writer has one (sentence-initial "Al-Qaida")."""
    if text[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class _Spans:
    """Block spans already spoken for (the house list's, or an earlier finding)."""

    def __init__(self) -> None:
        self._spans: dict[int, list[tuple[int, int]]] = {}

    @classmethod
    def of(cls, hits: Sequence[Hit]) -> _Spans:
        spans = cls()
        for hit in hits:
            spans.add(hit.block, hit.start, hit.end)
        return spans

    def add(self, block: Block, start: int, end: int) -> None:
        self._spans.setdefault(id(block), []).append((start, end))

    def overlaps(self, block: Block, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self._spans.get(id(block), ()))


# ---------------------------------------------------------------------------
# Compiling
# ---------------------------------------------------------------------------


def compile(rule: Rule, phrases: PhraseTable) -> Variants:
    house = _house_swap(rule)
    for written, preferred in house.items():
        # Under this rule's id: the engine's scan then says where the house
        # list speaks, and the check stays out of those spans.
        phrases.add(rule.id, written, payload=preferred)
    policy = make_policy(house, _distinct_pairs(rule))
    quoted = rule.options.get("quoted_severity")
    try:
        quoted_severity = Severity.parse(quoted) if isinstance(quoted, str) else None
    except ValueError as exc:
        raise ValueError(str(exc), "quoted_severity") from None
    min_drafts = rule.options.get("min_drafts", 2)
    if not isinstance(min_drafts, int) or min_drafts < 1:
        raise ValueError("'min_drafts' must be a whole number of at least 1", "min_drafts")
    project = bool(rule.options.get("project", False))
    indexes = None
    if project:
        from newslint.names.project import Indexes

        indexes = Indexes()
    return Variants(rule, policy, quoted_severity, project, min_drafts, indexes)


def _distinct_pairs(rule: Rule) -> list[tuple[str, str]]:
    pairs = rule.options.get("distinct", [])
    if not isinstance(pairs, list):
        raise ValueError("'distinct' must be a list of pairs of names", "distinct")
    result = []
    for number, pair in enumerate(pairs):
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(isinstance(n, str) and n.strip() for n in pair)
        ):
            raise ValueError(
                f"distinct entry {number + 1} must be a pair of names, e.g. [Khamenei, Khomeini]",
                "distinct",
            )
        result.append((pair[0], pair[1]))
    return result


def _house_swap(rule: Rule) -> dict[str, str]:
    """The swap list of the substitution rule ``house_list`` names, in this rule's pack.

    The pack loader has already put that rule's list here (names.house), the
    newsroom's own file when the pack says ``swap: from_config``; a rule id
    still standing names no substitution rule with a swap list in the pack.
    """
    house = rule.options.get("house_list")
    if house is None:
        return {}
    if isinstance(house, dict):
        return {str(k): str(v) for k, v in house.items()}
    if not isinstance(house, str):
        raise ValueError("'house_list' must be a rule id", "house_list")
    raise ValueError(
        f"'house_list': no substitution rule {house!r} with a swap list in this pack",
        "house_list",
    )
