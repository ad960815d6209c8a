"""Which cue patterns can match a block at all: a screen of the words each one needs.

A cue list's combined pattern (``lexicon.combine``) tries every pattern of the
list at every position of every block: on the seed draft most of the cue
search, though most blocks hold none of the words a pattern needs ("officials",
"reportedly", "according"). Each pattern's *requirement* is read from its
parsed form once, when the pack is built: a list of sets of literal texts, one
member of each set being in any text the pattern matches ("said" or "told",
and "official" or "source"). A block lacking one set's every member cannot
match that pattern, so the pattern is left out of the block's search.

Leaving out patterns that cannot match changes no match: the combined
pattern, with the rest of its alternatives, finds the same spans in the same
order (``CuePattern.spans``). The screen is kept exact:

- literals are ASCII letters, digits, space, hyphen and apostrophe, which the
  case-blind ``re`` matches in only these characters, their other case, and
  three others (``İ``, ``ı`` and ``ſ``, mapped before the text is lowered);
- anything the walk does not know (a character class, an optional part, a
  look-behind, a back-reference) adds nothing to the requirement, so it can
  only let a pattern through, never keep it out;
- a pattern with back-references, or one that can match the empty string, is
  never screened (see :func:`screenable`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

# Literal characters the requirement may hold (lower case).
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 -'")
# Characters that re's IGNORECASE matches with an ASCII letter although
# str.lower() does not turn them into it (checked over all of Unicode by the tests).
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})

# One set per required part: each set's members are the texts one of which is there.
Requirement = tuple[frozenset[str], ...]


def fold(text: str) -> str:
    """``text`` as the requirement's literals are compared with it (same length)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD).lower()


def requirement(source: str, flags: int = re.IGNORECASE) -> Requirement | None:
    """What any match of ``source`` contains, or None when nothing is certain."""
    try:
        from re import _parser  # type: ignore[attr-defined]  # private to re

        parts = _needs(_parser.parse(source, flags))
    except Exception:  # another Python's internals: no screen, the pattern always runs
        return None
    # The most telling sets first: a block is usually turned away by the first.
    parts.sort(key=lambda s: (-min(map(len, s)), len(s)))
    return tuple(dict.fromkeys(parts)) or None


def screenable(source: str, flags: int = re.IGNORECASE) -> bool:
    """Whether the pattern may be left out of a search: no back-reference, never empty."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]  # private to re

        parsed = _parser.parse(source, flags)
        refs = (_constants.GROUPREF, _constants.GROUPREF_EXISTS, _constants.GROUPREF_IGNORE)
        return parsed.getwidth()[0] > 0 and not _has(parsed, refs)
    except Exception:
        return False


def _has(parsed: Any, ops: tuple[Any, ...]) -> bool:
    for op, av in parsed:
        if op in ops:
            return True
        children = av if isinstance(av, (list, tuple)) else ()
        for child in children:
            if hasattr(child, "data") and _has(child, ops):
                return True
            if isinstance(child, list) and any(hasattr(c, "data") and _has(c, ops) for c in child):
                return True
    return False


def _needs(parsed: Iterable[tuple[Any, Any]]) -> list[frozenset[str]]:
    """The required sets of a sequence: its literal runs and its required parts."""
    from re import _constants as c  # type: ignore[attr-defined]  # private to re

    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in parsed:
        if op is c.LITERAL and av < 128 and chr(av).lower() in _PLAIN:
            run.append(chr(av).lower())
            continue
        if run:
            found.append(frozenset(("".join(run),)))
            run = []
        if op is c.SUBPATTERN:
            found.extend(_needs(av[3]))
        elif op is c.BRANCH:
            # One of the branches is there: the union of one set from each.
            chosen = [_best(_needs(branch)) for branch in av[1]]
            if all(s is not None for s in chosen):
                found.append(frozenset().union(*(s for s in chosen if s is not None)))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if av[0] >= 1:  # repeated at least once: needed once
                found.extend(_needs(av[2]))
        elif op is c.ASSERT and av[0] == 1:  # a look-ahead's text is in the text too
            found.extend(_needs(av[1]))
        # Anything else (classes, anchors, look-behinds, negations) needs nothing.
    if run:
        found.append(frozenset(("".join(run),)))
    return found


def _best(sets: Sequence[frozenset[str]]) -> frozenset[str] | None:
    """The set that says most: the longest shortest member, then the fewest members."""
    if not sets:
        return None
    return max(sets, key=lambda s: (min(map(len, s)), -len(s)))


class Screen:
    """One draft's screen: which literals each of its blocks holds.

    The draft's text is read once for every literal the patterns need; each
    block is then read only for those the draft holds.
    """

    def __init__(self, literals: Iterable[str], texts: Iterable[str]) -> None:
        folded = fold("\n".join(texts))
        self._literals = [literal for literal in literals if literal in folded]

    def present(self, text: str) -> frozenset[str]:
        """The needed literals that ``text`` holds."""
        folded = fold(text)
        return frozenset(literal for literal in self._literals if literal in folded)


def possible(required: Requirement | None, present: frozenset[str]) -> bool:
    """Whether a pattern with this requirement can match a text holding ``present``."""
    return required is None or all(not part.isdisjoint(present) for part in required)
