"""Which cue patterns can match a block at all: a screen of the words each one needs.

A cue list's combined pattern (``lexicon.combine``) tries every pattern of the
list at every position of every block: on the seed draft most of the cue
search, though most blocks hold none of the words a pattern needs ("officials",
"reportedly", "according"). Each pattern's *requirement* is read from its
parsed form once, when the pack is built: parts, each a set of texts one of
which is in any text the pattern matches ("said" or "says", and "official" or
"source"). A block lacking every text of one part cannot match that pattern,
so the pattern is left out of the block's search (``CuePattern.spans``), which
changes no match: the other patterns find what the whole alternation finds.

A text that the pattern puts between word boundaries (``\\bsaid\\b``,
``\\s+told\\s``) is a *word*, looked up in the set of the block's words;
any other (a word's start such as "rumo" of ``rumou?red``, or "blog post")
is looked for in the block's text. The screen is kept exact:

- texts are made of ASCII letters, digits, space, hyphen and apostrophe,
  which the case-blind ``re`` matches in only these characters, their other
  case, and three others (``İ``, ``ı`` and ``ſ``, mapped before the text is
  lowered, see :func:`fold`); a word is letters and digits only, and a word
  boundary in the pattern is a non-word character (or the text's edge) in
  the text, so the word is a whole run of letters and digits there too;
- anything the walk does not know (a character class, a repeat, a
  look-behind, a back-reference) adds nothing to the requirement, so it can
  only let a pattern through, never keep it out;
- a list whose patterns have back-references or can match the empty string
  is never screened (:func:`screenable`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newslint.lazyregex import Lazy

# Characters a required text may hold (lower case), and those of a word.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 -'")
_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# Characters that re's IGNORECASE matches with an ASCII letter although
# str.lower() does not turn them into it (checked over all of Unicode by the tests).
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_TOKEN = Lazy(r"[a-z0-9]+")
# The most texts one part may list (a product of alternatives grows fast).
_MOST = 64

# A part: the words (between word boundaries) and other texts, one of which is there.
Part = tuple[frozenset[str], tuple[str, ...]]
Requirement = tuple[Part, ...]


def fold(text: str) -> str:
    """``text`` as the requirement's texts are compared with it (same length)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD).lower()


def requirement(source: str, flags: int = re.IGNORECASE) -> Requirement | None:
    """What any match of ``source`` contains, or None when nothing is certain."""
    try:
        from re import _parser  # type: ignore[attr-defined]  # private to re

        found = _needs(list(_parser.parse(source, flags)), False, False)
    except Exception:  # another Python's internals: no screen, the pattern always runs
        return None
    # The most telling parts first: a block is usually turned away by the first.
    parts = sorted(dict.fromkeys(found), key=lambda p: (-min(len(t) for t, _ in p), len(p)))
    if not parts:
        return None
    return tuple(
        (frozenset(t for t, word in part if word), tuple(sorted(t for t, word in part if not word)))
        for part in parts
    )


def screenable(source: str, flags: int = re.IGNORECASE) -> bool:
    """Whether the pattern may be left out of a search: no back-reference, never empty."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]  # private to re

        parsed = _parser.parse(source, flags)
        refs = (_constants.GROUPREF, _constants.GROUPREF_EXISTS, _constants.GROUPREF_IGNORE)
        # ASCII or locale word boundaries would not fall where the screen's words end.
        narrow = re.ASCII | re.LOCALE
        return (
            parsed.getwidth()[0] > 0
            and not parsed.state.flags & narrow
            and not _has(list(parsed), refs)
            and not _flags_in(list(parsed), narrow)
        )
    except Exception:
        return False


def _flags_in(items: list[tuple[Any, Any]], flags: int) -> bool:
    """Whether a group of the parsed pattern turns on any of ``flags`` (``(?a:…)``)."""
    from re import _constants as c  # type: ignore[attr-defined]  # private to re

    return any(op is c.SUBPATTERN and av[1] & flags for op, av in _walk(items))


def _has(items: list[tuple[Any, Any]], ops: tuple[Any, ...]) -> bool:
    """Whether any item of a parsed pattern, at any depth, is one of ``ops``."""
    return any(op in ops for op, _ in _walk(items))


def _walk(items: list[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
    """Every item of a parsed pattern, at any depth (groups, repeats, branches)."""
    for op, av in items:
        yield op, av
        for child in av if isinstance(av, (list, tuple)) else ():
            # A subpattern, or a branch's list of them.
            for sub in child if isinstance(child, list) else (child,):
                if hasattr(sub, "data"):
                    yield from _walk(list(sub))


# --- reading a parsed pattern --------------------------------------------------------


def _needs(items: list[tuple[Any, Any]], before: bool, after: bool) -> list[frozenset[Any]]:
    """The parts a match of the sequence ``items`` needs, each a set of (text, is_word).

    ``before`` and ``after``: whether the sequence stands right after (before)
    a non-word character or the text's edge, as its context guarantees.
    """
    from re import _constants as c  # type: ignore[attr-defined]  # private to re

    found: list[frozenset[Any]] = []
    i = 0
    while i < len(items):
        run, j = _run(items, i)
        edge_before = _side(items[:i], True, before)
        if run is not None:
            edge_after = _side(items[j:], False, after)
            if "" not in run:  # a run that may be empty needs nothing
                word = edge_before and edge_after
                found.append(frozenset((t, word and _WORD.issuperset(t)) for t in run))
            i = j
            continue
        op, av = items[i]
        edge_after = _side(items[i + 1 :], False, after)
        if op is c.SUBPATTERN:
            found.extend(_needs(list(av[3]), edge_before, edge_after))
        elif op is c.BRANCH:
            # One of the branches is there: the union of one part from each.
            chosen = [_best(_needs(list(b), edge_before, edge_after)) for b in av[1]]
            union = frozenset().union(*(p for p in chosen if p is not None))
            if all(p is not None for p in chosen) and len(union) <= _MOST:
                found.append(union)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if av[0] >= 1:  # there at least once; its neighbours may be itself
                found.extend(_needs(list(av[2]), False, False))
        elif op is c.ASSERT and av[0] == 1:  # a look-ahead's text is in the text too
            found.extend(_needs(list(av[1]), False, False))
        # Anything else (classes, anchors, look-behinds, negations) needs nothing.
        i += 1
    return found


def _run(items: list[tuple[Any, Any]], start: int) -> tuple[set[str] | None, int]:
    """The texts the longest run of finite items from ``start`` matches, and its end."""
    texts: set[str] | None = None
    end = start
    while end < len(items):
        more = _finite(*items[end])
        if more is None:
            break
        joined = {a + b for a in (texts or {""}) for b in more}
        if len(joined) > _MOST:
            break
        texts = joined
        end += 1
    return texts, end


def _finite(op: Any, av: Any) -> set[str] | None:
    """The few plain texts an item matches (lower case), or None."""
    from re import _constants as c  # type: ignore[attr-defined]  # private to re

    if op is c.LITERAL:
        char = chr(av).lower() if av < 128 else ""
        return {char} if char in _PLAIN and char else None
    if op is c.IN:
        chars = {chr(v).lower() for o, v in av if o is c.LITERAL and v < 128}
        plain = len(chars) == len(av) and chars <= _PLAIN
        return chars if plain else None
    if op is c.SUBPATTERN:
        return _sequence(list(av[3]))
    if op is c.BRANCH:
        texts: set[str] = set()
        for branch in av[1]:
            more = _sequence(list(branch))
            if more is None:
                return None
            texts |= more
        return texts if len(texts) <= _MOST else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[:2] == (0, 1):  # "s?"
        more = _sequence(list(av[2]))
        return more | {""} if more is not None else None
    return None


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    texts, end = _run(items, 0)
    if end != len(items):
        return None
    return texts if texts is not None else {""}


def _side(items: list[tuple[Any, Any]], last: bool, outer: bool) -> bool:
    """Whether the character a sequence ends with (``last``) or starts with is a
    non-word character or the text's edge; ``outer`` says so of the character
    beyond the sequence, for when it may match nothing on that side."""
    if not items:
        return outer
    item, rest = (items[-1], items[:-1]) if last else (items[0], items[1:])
    return _edge(item, last, _side(rest, last, outer))


def _edge(item: tuple[Any, Any], last: bool, beyond: bool) -> bool:
    """``_side`` of one item, ``beyond`` being the answer for the characters past it."""
    from re import _constants as c  # type: ignore[attr-defined]  # private to re

    op, av = item
    if op in (c.AT, c.LITERAL, c.IN):
        return _single_edge(op, av, last, beyond)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, inner = av
        if high == 0:
            return beyond
        once = _side(list(inner), last, False)
        return once if low >= 1 else once and beyond
    if op is c.SUBPATTERN:
        return _side(list(av[3]), last, beyond)
    if op is c.BRANCH:
        return all(_side(list(b), last, beyond) for b in av[1])
    if op is c.ASSERT and av[0] == 1 and not last:  # (?=[,.]) after the run
        return _side(list(av[1]), False, False) or beyond
    if op in (c.ASSERT, c.ASSERT_NOT):  # zero-width: the character is the next item's
        return beyond
    return False


def _single_edge(op: Any, av: Any, last: bool, beyond: bool) -> bool:
    """``_edge`` of an anchor, a literal or a character class."""
    from re import _constants as c  # type: ignore[attr-defined]  # private to re

    if op is c.AT:
        # A word boundary next to a word's letter: a non-word character beyond it.
        edges = (c.AT_BEGINNING, c.AT_BEGINNING_STRING) if last else (c.AT_END, c.AT_END_STRING)
        return av == c.AT_BOUNDARY or av in edges or beyond
    if op is c.LITERAL:
        return not _word_char(av)
    non_word = (c.CATEGORY_SPACE, c.CATEGORY_NOT_WORD)
    return bool(av) and all(
        (o is c.LITERAL and not _word_char(v)) or (o is c.CATEGORY and v in non_word) for o, v in av
    )


def _word_char(code: int) -> bool:
    char = chr(code)
    return char.isalnum() or char == "_"


def _best(parts: Sequence[frozenset[Any]]) -> frozenset[Any] | None:
    """The part that says most: the longest shortest text, then the fewest texts."""
    if not parts:
        return None
    return max(parts, key=lambda p: (min(len(t) for t, _ in p), -len(p)))


# --- one draft -------------------------------------------------------------------------


class Screen:
    """One draft's screen: the words and text of each block, read once.

    ``alive`` tells which patterns of a list each block can match: those the
    draft as a whole can match (worked out once per list), then of these the
    ones the block can.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = [fold(text) for text in texts]
        self._words = [set(_TOKEN.findall(text)) for text in self._texts]
        self._draft_text = "\n".join(self._texts)
        self._draft_words: set[str] = set().union(*self._words)
        self._draft: dict[int, list[int]] = {}

    def alive(self, block: int, required: Sequence[Requirement | None]) -> list[int]:
        """The patterns (by index in ``required``) that block ``block`` can match."""
        draft = self._draft.get(id(required))
        if draft is None:
            text, words = self._draft_text, self._draft_words
            draft = [i for i, need in enumerate(required) if _possible(need, text, words)]
            self._draft[id(required)] = draft
        text, words = self._texts[block], self._words[block]
        return [i for i in draft if _possible(required[i], text, words)]


def _possible(need: Requirement | None, text: str, words: set[str]) -> bool:
    if need is None:
        return True
    for part_words, part_texts in need:
        if part_words.isdisjoint(words) and not any(t in text for t in part_texts):
            return False
    return True


def merged(patterns: dict[int, re.Pattern[str]], text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """The matches of the alternation of ``patterns`` (by their index in the list,
    in list order), from each pattern searched alone: at each place the first
    pattern to match there wins, and the search goes on from the end of its
    match (none is empty: see :func:`screenable`)."""
    order = sorted(patterns)
    ahead = {i: patterns[i].search(text) for i in order}
    while True:
        best: tuple[int, re.Match[str]] | None = None
        for i in order:
            match = ahead[i]
            if match is not None and (best is None or match.start() < best[1].start()):
                best = (i, match)
        if best is None:
            return
        yield best
        end = best[1].end()
        for i in order:
            match = ahead[i]
            if match is not None and match.start() < end:
                ahead[i] = patterns[i].search(text, end)
