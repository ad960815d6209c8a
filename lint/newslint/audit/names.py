"""The one place the audit touches the names modules (being moved to a package).

Map: ``draft_names`` gives each draft's spellings as plain tuples, small and
cheap to send back from a worker and to keep for resuming. Reduce:
``variant_groups`` adds them up across the archive and groups the variants
with the functions ``newslint names`` uses, with its filters: a multi-word
group only when a name is written as one word and as several, and no
spelling that its companions show to be another person's name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from newslint.document import Document
from newslint.names.find import find_names
from newslint.names.groups import Group, Usage, draft_usages, group, make_policy, other_people

MAX_COMPANIONS = 24  # name words kept beside a spelling: enough to tell people apart

# (fold key, spelling, name words, uses in the writer's voice, uses in quotes, companions)
Spelling = tuple[str, str, int, int, int, tuple[str, ...]]


@dataclass(frozen=True)
class Variant:
    """Spellings of one name across the archive, the canonical one first."""

    canonical: str
    spellings: tuple[tuple[str, int], ...]  # (spelling, drafts using it)


def draft_names(doc: Document) -> tuple[Spelling, ...]:
    """The map step: one entry per spelling (single words and runs) in ``doc``."""
    names = find_names(doc)
    usages = (*draft_usages(names.words), *draft_usages(names.runs))
    return tuple(
        (u.key, u.form, u.words, u.voice, u.quote, tuple(sorted(u.companions)[:MAX_COMPANIONS]))
        for u in usages
    )


def variant_groups(per_draft: Iterable[Sequence[Spelling]]) -> list[Variant]:
    """The reduce step: archive-wide usages, then their variant groups."""
    merged: dict[str, Usage] = {}
    for spellings in per_draft:
        for spelling in spellings:
            merged[spelling[0]] = _added(merged.get(spelling[0]), spelling, len(merged))
    policy = make_policy({}, ())
    usages = list(merged.values())
    found = group([u for u in usages if u.words == 1], policy)
    found += [g for g in group(usages, policy) if len({m.words for m in g.members}) > 1]
    return [v for g in found if (v := _variant(g)) is not None]


def _variant(found: Group) -> Variant | None:
    """The group without the spellings that belong to other people (None if none is left)."""
    best = found.usage(found.canonical_key)
    members = [m for m in found.members if best is None or m is best or not other_people(best, m)]
    if len(members) < 2:
        return None
    return Variant(found.canonical, tuple((m.form, m.drafts) for m in members))


def _added(known: Usage | None, spelling: Spelling, order: int) -> Usage:
    key, form, words, voice, quote, companions = spelling
    voice_drafts = 1 if voice else 0
    if known is None:
        return Usage(form, key, words, voice, quote, 1, voice_drafts, order, frozenset(companions))
    joined = known.companions | frozenset(companions)
    return replace(
        known,
        voice=known.voice + voice,
        quote=known.quote + quote,
        drafts=known.drafts + 1,
        voice_drafts=known.voice_drafts + voice_drafts,
        companions=joined if len(joined) <= MAX_COMPANIONS * 8 else known.companions,
    )
