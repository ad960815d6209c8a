"""Variant groups with a canonical spelling: the house list's, else the most used.

Shared by ``names.variant-spelling`` (one draft), ``names.house-spelling``
(a draft against its repository) and ``newslint names`` (a whole
repository). names.keys decides which spellings are one name; this module adds
what a newsroom knows: the house list's canonical spelling, pairs it has
declared distinct, and which spelling is used most -- counted first in the
writer's voice, because a quotation keeps its source's spelling.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from newslint.document import QUOTE
from newslint.names.find import NameUse, fold

# The Arabic article, which outlets write or drop at will (al-Assad/Assad).
_ARTICLES = frozenset({"al", "el"})


@dataclass(frozen=True)
class Usage:
    """How one spelling is used, in a draft or across a repository."""

    form: str  # the spelling as written most often
    key: str  # fold(form)
    words: int = 1  # name words: 1, or more for a run (Ansar Allah)
    voice: int = 0  # uses in the writer's voice and headlines
    quote: int = 0  # uses inside quotations and blockquotes
    drafts: int = 0  # drafts using it (repository only)
    voice_drafts: int = 0  # drafts using it in the writer's voice (repository only)
    order: int = 0  # first seen, for ties
    # Name words seen next to it (Qassem beside Soleimani): whose name it is.
    companions: frozenset[str] = frozenset()
    block: str = ""  # block_key(form), when the repository index knows it

    @property
    def total(self) -> int:
        return self.voice + self.quote

    @property
    def rank(self) -> tuple[int, ...]:
        """Sort key, best first: most drafts, then most uses, the writer's voice first."""
        return (-self.voice_drafts, -self.drafts, -self.voice, -self.total, self.order)


@dataclass(frozen=True)
class Policy:
    """What the house has said about names."""

    house: Mapping[str, str] = field(default_factory=dict)  # fold → canonical spelling
    distinct: frozenset[frozenset[str]] = frozenset()  # pairs of name_key()s

    def canonical(self, key: str) -> str | None:
        return self.house.get(key)

    def are_distinct(self, a: str, b: str) -> bool:
        return frozenset({name_key(a), name_key(b)}) in self.distinct


@dataclass(frozen=True)
class Group:
    """Spellings of one name, best first, and the spelling to suggest."""

    members: tuple[Usage, ...]
    canonical: str
    from_house: bool = False

    @property
    def canonical_key(self) -> str:
        return fold(self.canonical)

    def minority(self) -> tuple[Usage, ...]:
        """The members to flag: every spelling but the canonical one."""
        return tuple(m for m in self.members if m.key != self.canonical_key)

    def usage(self, key: str) -> Usage | None:
        return next((m for m in self.members if m.key == key), None)


def draft_usages(uses: Sequence[NameUse]) -> list[Usage]:
    """One Usage per spelling (fold key) of a draft, in first-seen order."""
    forms: dict[str, Counter[str]] = {}
    counts: dict[str, list[int]] = {}  # key → [voice, quote, words]
    companions: dict[str, set[str]] = {}
    for use in uses:
        key = fold(use.text)
        forms.setdefault(key, Counter())[use.text] += 1
        tally = counts.setdefault(key, [0, 0, use.words])
        tally[1 if use.scope == QUOTE else 0] += 1
        companions.setdefault(key, set()).update(w for w in (use.follows, use.precedes) if w)
    return [
        Usage(
            # The first of the most used spellings, as most_common(1) has it,
            # without the heapq import most_common makes (0.6 ms of a cold run).
            form=max(forms[key].items(), key=_count)[0],
            key=key,
            words=tally[2],
            voice=tally[0],
            quote=tally[1],
            order=order,
            companions=frozenset(companions[key]),
        )
        for order, (key, tally) in enumerate(counts.items())
    ]


def _count(item: tuple[str, int]) -> int:
    return item[1]


def other_people(a: Usage, b: Usage) -> bool:
    """True if ``a`` and ``b`` are names of different people.

    "Mohamed Salah" and "Muhammad Ali", or "Eunice Yung" and "Alvin Yeung",
    are two people, each with their own spelling: both spellings come with
    other name words, and none of those is shared or a variant of another.
    Either side counts, since name order varies (Cheng Chung-tai, Ann
    Chiang). A bare "Suleimani" carries no such evidence, nor does a title
    (General Soleimani, Ms Bauchtman).
    """
    if not a.companions or not b.companions or a.companions & b.companions:
        return False
    from newslint.names.keys import are_variants

    # Only companions with the same consonants can be variants of each other.
    theirs: dict[str, list[str]] = {}
    for word in b.companions:
        theirs.setdefault(block_key(word), []).append(word)
    return not any(
        are_variants(mine, other)
        for mine in a.companions
        for other in theirs.get(block_key(mine), ())
    )


def name_key(name: str) -> str:
    """A name as the house list's ``distinct`` pairs compare it."""
    from newslint.names.keys import name_parts

    return " ".join(name_parts(name))


def make_policy(house: Mapping[str, str], distinct: Iterable[Sequence[str]]) -> Policy:
    """A policy from a swap list (variant → canonical) and distinct pairs."""
    canonical: dict[str, str] = {}
    for written, preferred in house.items():
        canonical[fold(written)] = preferred
        canonical.setdefault(fold(preferred), preferred)
    pairs = frozenset(frozenset({name_key(a), name_key(b)}) for a, b in distinct)
    return Policy(canonical, pairs)


def group(usages: Sequence[Usage], policy: Policy) -> list[Group]:
    """Variant groups among ``usages`` (one Usage per key), in first-seen order."""
    from newslint.names.keys import group_variants

    by_key = {u.key: u for u in usages}
    found = group_variants((u.form, max(u.total, 1)) for u in usages)
    groups = []
    for variant_group in found:
        members = sorted(
            (by_key[fold(s)] for s in variant_group.spellings if fold(s) in by_key),
            key=lambda u: u.rank,
        )
        made = _with_canonical(members, policy)
        if made is not None:
            groups.append(made)
    return groups


def _with_canonical(members: list[Usage], policy: Policy) -> Group | None:
    house = next((c for m in members if (c := policy.canonical(m.key))), None)
    canonical = house or members[0].form
    # A spelling the house declared a different name leaves the group.
    kept = tuple(m for m in members if not policy.are_distinct(m.form, canonical))
    if len(kept) < 2 and not (house and any(m.key != fold(house) for m in kept)):
        return None
    return Group(kept, canonical, house is not None)


def block_key(form: str) -> str:
    """A coarse key every spelling of a name shares: its consonants, in order.

    Lets the repository index fetch only the spellings that could match a
    draft's names. The article is left out (outlets write it or not), and so
    are vowels and y, which romanisations change; doubled letters count once.
    """
    from newslint.names.keys import name_parts, skeleton

    # Part by part, as names.keys reads them: "Rafik Hariri" has no "kh".
    parts = [p for p in name_parts(form) if p not in _ARTICLES]
    consonants = "".join(skeleton(p) for p in parts).replace("_", "").replace("y", "")
    merged = [c for i, c in enumerate(consonants) if i == 0 or consonants[i - 1] != c]
    return "".join(merged)
