"""``names.house-spelling``: a draft against the spellings of its repository.

For each name in the draft, the spellings the rest of the repository uses
(from the name index, minus the draft's own stored entry) and the house
list's canonical spellings are grouped with the draft's; a draft spelling
that is not the house's -- the house list's, else the one most other drafts
use -- is flagged.
"""

from __future__ import annotations

import os
import time
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newslint.document import Document
from newslint.names.find import DraftNames, NameUse, fold
from newslint.names.groups import Group, Usage, block_key, draft_usages, group, other_people
from newslint.names.plan import Plan

if TYPE_CHECKING:
    from newslint.names.index import NameIndex
    from newslint.names.rule import Variants

# How long a refreshed index is trusted within one process (the language
# server runs for hours; a command-line run over many drafts walks once).
MAX_AGE_SECONDS = 30.0


class Indexes:
    """The name indexes one compiled check has open, by repository root.

    Belongs to one check object, so it lives as long as the loaded packs;
    pickling (the pack cache) gives an empty one, never an open database.
    """

    def __init__(self) -> None:
        # root -> (index, when refreshed, under which limit, drafts over it)
        self._open: dict[str, tuple[NameIndex, float, int, frozenset[str]]] = {}

    def __reduce__(self) -> tuple[type[Indexes], tuple[()]]:
        return (Indexes, ())

    def others(self, path: str, max_bytes: int, blocks: Collection[str]) -> list[Usage]:
        """The uses of names in ``blocks`` by the other drafts of ``path``'s
        repository, from its fresh index. A draft over ``max_bytes`` (the
        config's max_file_mb) has no vote: it is not read, and an entry the
        index kept from a run under a larger limit is left out too."""
        from newslint.names.index import NameIndex
        from newslint.names.repository import repository_files, repository_root

        root = repository_root(path)
        entry = self._open.get(root)
        now = time.monotonic()
        if entry is None or now - entry[1] > MAX_AGE_SECONDS or entry[2] != max_bytes:
            index = entry[0] if entry else NameIndex.open(root)
            refresh = index.refresh(repository_files(root), max_bytes=max_bytes)
            too_big = frozenset(index.relative(p) for p in refresh.too_big)
            self._open[root] = (index, now, max_bytes, too_big)
        index, _, _, too_big = self._open[root]
        return index.usages(blocks=blocks, exclude=index.relative(path), skip=too_big)


def project_plans(
    doc: Document, names: DraftNames, draft: Sequence[Plan], check: Variants, max_bytes: int
) -> list[Plan]:
    """What ``names.house-spelling`` flags in ``doc``."""
    mine = draft_usages(names.words)
    if not mine or check.indexes is None:
        return []
    blocks = {block_key(u.form) for u in mine}
    rest = check.indexes.others(doc.path, max_bytes, blocks)
    others = {u.key: u.voice_drafts for u in rest}
    uses = _uses_by_key(names.words)
    by_key = {u.key: u for u in mine}
    flagged_in_draft = {(fold(u.text), fold(p.suggestion)) for p in draft for u in p.uses}
    plans = []
    for found in group(_combined(mine, rest, check, blocks), check.policy):
        house = _house_spelling(found, others, check.min_drafts)
        if house is None:
            continue
        canonical, reason = house
        best = found.usage(fold(canonical))
        for usage in found.members:
            here = uses.get(usage.key)
            if not here or usage.key == fold(canonical):
                continue
            if (usage.key, fold(canonical)) in flagged_in_draft:
                continue  # names.variant-spelling already says the same
            if best is not None and other_people(by_key[usage.key], best):
                continue  # Eunice Yung here, Alvin Yeung elsewhere
            plans.append(Plan(tuple(here), canonical, reason))
    return plans


def spelt_so_elsewhere(
    indexes: Indexes, path: str, word: str, other: str, max_bytes: int, min_drafts: int = 2
) -> bool:
    """Whether the rest of the repository spells a name ``word`` consistently:
    in at least ``min_drafts`` other drafts, and in more of them than spell it
    ``other`` (the proper noun ``word`` looks like a slip of)."""
    if not os.path.isfile(path):
        return False  # a draft not on disk (standard input) has no repository
    from newslint.names.groups import block_key

    rest = indexes.others(path, max_bytes, {block_key(word), block_key(other)})
    drafts = {u.key: u.drafts for u in rest}
    spelt_so = drafts.get(fold(word), 0)
    return spelt_so >= min_drafts and spelt_so > drafts.get(fold(other), 0)


def _combined(
    mine: list[Usage], rest: list[Usage], check: Variants, blocks: set[str]
) -> list[Usage]:
    """The repository's spellings with this draft counted in, and the house list's.

    Counting the draft as it is now gives every draft the same totals, so two
    spellings used by as many drafts each do not send each side to the other.
    """
    combined = {u.key: u for u in rest}
    for usage in mine:
        known = combined.get(usage.key, Usage(usage.form, usage.key, usage.words, order=-1))
        combined[usage.key] = replace(
            known,
            voice=known.voice + usage.voice,
            quote=known.quote + usage.quote,
            drafts=known.drafts + 1,
            voice_drafts=known.voice_drafts + (usage.voice > 0),
        )
    for canonical in sorted(set(check.policy.house.values())):
        if block_key(canonical) in blocks:
            combined.setdefault(fold(canonical), Usage(canonical, fold(canonical), order=-2))
    return list(combined.values())


def _house_spelling(
    found: Group, others: dict[str, int], min_drafts: int
) -> tuple[str, str] | None:
    """The spelling the house uses for this name, and why; None if it has none.

    Without the house list, it is the spelling most drafts use in their own
    words, if at least ``min_drafts`` drafts besides this one do.
    """
    if found.from_house:
        return found.canonical, "in the house list"
    best = found.members[0]  # members come best first: most drafts in the writer's voice
    count = others.get(best.key, 0)
    if count < min_drafts:
        return None
    return best.form, f"in {count} other drafts of this repository"


def _uses_by_key(uses: Sequence[NameUse]) -> dict[str, list[NameUse]]:
    by_key: dict[str, list[NameUse]] = {}
    for use in uses:
        by_key.setdefault(fold(use.text), []).append(use)
    return by_key
