"""Transliteration keys for proper names: spot one name spelled two ways.

English-language news romanises Arabic, Persian, Russian, Ukrainian and other
names in competing systems, so one draft or archive ends up with Soleimani and
Suleimani, Gaddafi and Qaddafi, Zelensky and Zelenskyy. This module decides
whether two surface names are spellings of one name, and groups a whole list
of names (with counts) into such variant groups.

How a name is compared:

1. ``name_parts`` folds the surface: possessive, case, diacritics and inner
   apostrophes go; the name splits on spaces, hyphens and dots, so
   "al-Muhandis" and "Al Muhandis" give the same parts.
2. Parts become tokens: the Arabic article (al-, el-, ad-, ash-, ...) and the
   Persian ezafe (Mazar-e-Sharif) are set aside, because outlets differ on
   writing them at all; particles that carry meaning (bin/ibn/ben, abu, abd,
   de, van...) stay as tokens that must match exactly, after folding their own
   spelling variants; fused compounds (Abdulaziz, Hezbollah, Salahuddin) are
   cut or written the way their split forms are.
3. Each token gets a *shape*: ``skeleton`` (consonant classes, each run of
   vowels written ``_``) plus one vowel class per run. Romanisation variants
   share a skeleton; the vowel classes are the guard that keeps look-alike
   names apart (Khamenei/Khomeini differ only in a/o).
4. Two names match when their tokens match one to one, or when the whole names
   match once joined (Ahmadinejad / Ahmadi-Nejad). A token may also differ by
   one small edit that romanisation really produces -- a vowel written before
   r or l (Tehran/Teheran), or a glide y (Dostoyevsky/Dostoevsky) -- but only
   in long tokens, where one letter cannot turn one name into another.

Only Latin-script romanisations are compared; a name with no Latin letters has
no tokens and matches nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import NamedTuple

from newslint.names.forms import (
    ARTICLES,
    PARTICLE_SPELLINGS,
    SUN_ARTICLES,
    name_parts,
    spelling_key,
    split_parts,
    strip_possessive,
)
from newslint.names.shapes import Shape, one_edit_away, same_shape, shape_of, skeleton

__all__ = [
    "VARIANT_THRESHOLD",
    "VariantGroup",
    "are_variants",
    "group_variants",
    "name_parts",
    "skeleton",
    "variant_score",
]

# ---------------------------------------------------------------------------
# Particles
# ---------------------------------------------------------------------------

# Persian ezafe between two parts: Mazar-i-Sharif / Mazar-e Sharif.
_EZAFE = frozenset({"e", "i"})

# A separate "Allah" belongs to the part before it: Ansar Allah = Ansarullah.
_ALLAH_PARTS = frozenset({"allah", "ullah", "ollah"})
# Theophoric compounds: the vowel before -llah follows the case ending, not the
# name (Hezbollah/Hizballah/Hizbullah, Abdullah/Abdallah, Nasrallah/Nasrullah).
_ALLAH_TAIL_RE = re.compile(r"^([a-z]{3,}?)[aeou]ll?ah?$")
# Abd fused with the article: Abdulaziz, Abdelkader, Abdurrahman, Abdirahman.
_FUSED_ABD_RE = re.compile(r"^abd(?:[aeiou]l|[aeiou])?(?=[a-z]{3})")
# The article fused into a "-din" compound: Salahuddin, Safieddine, Ezzedine,
# Nasreddin. The stem before the article vowel is the first name part.
_FUSED_DIN_RE = re.compile(r"^([a-z]{3,}?)[aeiou]d?d(?:i|ee)ne?$")
# A later part opening with an assimilated article in French transliteration:
# Beji Caid Essebsi / el-Sebsi, Deir Ezzor / Deir ez-Zor.
_FUSED_ARTICLE_RE = re.compile(r"^e([dnrstz])\1(?=[a-z]{2})")
# French "-dine" for Din: Ezzedine/Izz ad-Din.
_DIN_SPELLINGS = frozenset({"din", "dine", "deen"})

_CONTENT, _PARTICLE, _INITIAL = 0, 1, 2


# ---------------------------------------------------------------------------
# Parsed names
# ---------------------------------------------------------------------------


class _Token(NamedTuple):
    text: str
    kind: int
    shape: Shape


class _Parsed(NamedTuple):
    tokens: tuple[_Token, ...]
    has_article: bool
    block: str

    @property
    def joined(self) -> Shape:
        """The whole name read as one word, as a fused spelling is (Hailemariam)."""
        if len(self.tokens) == 1:
            return self.tokens[0].shape
        return shape_of("".join(token.text for token in self.tokens))


def _unfuse(part: str, later: bool) -> tuple[list[tuple[str, int]], bool]:
    """Tokens for one content part, cutting fused compounds the way their
    split spellings are cut; and whether the part held an article."""
    if part.endswith(("la", "lah")):
        allah = _ALLAH_TAIL_RE.match(part)
        if allah:
            return [(allah.group(1) + "allah", _CONTENT)], False
    tokens: list[tuple[str, int]] = []
    if part.startswith("abd"):
        abd = _FUSED_ABD_RE.match(part)
        if abd:
            tokens.append(("abd", _PARTICLE))
            part = part[abd.end() :]
    if part.endswith(("din", "dine", "deen", "deene")):
        din = _FUSED_DIN_RE.match(part)
        if din:
            return [*tokens, (din.group(1), _CONTENT), ("din", _CONTENT)], True
    if later and part.startswith("e") and _FUSED_ARTICLE_RE.match(part):
        return [*tokens, (part[2:], _CONTENT)], True
    return [*tokens, (part, _CONTENT)], False


@lru_cache(maxsize=32768)  # the same names recur in every draft of a run and archive
def _parsed(name: str) -> _Parsed:
    """``_parse`` memoised across drafts: a parsed name never changes."""
    return _parse(name)


def _parse(name: str, shapes: dict[str, Shape] | None = None) -> _Parsed:
    """Tokens, article flag and block key of a name.

    ``shapes`` is the caller's own memo of token shapes, for lists where the
    same given names and particles recur.
    """
    texts, has_article = _part_texts(split_parts(name))
    tokens = _shaped(texts, {} if shapes is None else shapes)
    return _Parsed(tuple(tokens), has_article, _block_key(tokens))


def _part_texts(parts: list[tuple[str, bool, bool]]) -> tuple[list[tuple[str, int]], bool]:
    """(text, kind) of each token, before shapes are made; and whether there is an article."""
    texts: list[tuple[str, int]] = []
    has_article = False
    last = len(parts) - 1
    for i, (part, hyphen_before, hyphen_after) in enumerate(parts):
        if i < last and _is_article(part, i > 0, hyphen_before, hyphen_after):
            has_article = True
        elif part in _ALLAH_PARTS and texts and texts[-1][1] != _INITIAL:
            texts[-1] = (texts[-1][0] + "allah", _CONTENT)  # Abd Allah → Abdallah
        else:
            tokens, fused_article = _part_tokens(part, later=i > 0, final=i == last)
            texts += tokens
            has_article = has_article or fused_article
    return texts, has_article


def _is_article(part: str, later: bool, hyphen_before: bool, hyphen_after: bool) -> bool:
    """Whether a part that is not the last is an article (al, the sun letters' ad-, ezafe -e-)."""
    return (
        part in ARTICLES
        or (part in SUN_ARTICLES and hyphen_after)
        or (part in _EZAFE and later and (hyphen_before or hyphen_after))
    )


def _part_tokens(part: str, later: bool, final: bool) -> tuple[list[tuple[str, int]], bool]:
    """One part's tokens: a particle, an initial, "din", or content cut where fused."""
    if part in PARTICLE_SPELLINGS and not final:
        return [(PARTICLE_SPELLINGS[part], _PARTICLE)], False
    if len(part) == 1 and part.isalpha():
        return [(part, _INITIAL)], False
    if part in _DIN_SPELLINGS:
        return [("din", _CONTENT)], False
    return _unfuse(part, later)


def _shaped(texts: list[tuple[str, int]], shapes: dict[str, Shape]) -> list[_Token]:
    """The tokens with their shapes; ``shapes`` memoises them (a Shape is never empty)."""
    return [
        _Token(text, kind, shapes.get(text) or shapes.setdefault(text, shape_of(text)))
        for text, kind in texts
    ]


def _block_key(tokens: list[_Token]) -> str:
    """What every match preserves: the consonant classes of the whole name in
    order, without vowels or glide y, doubles merged."""
    consonants = "".join(token.shape.skeleton for token in tokens)
    return "".join(key for key, _ in groupby(consonants.replace("_", "").replace("y", "")))


# ---------------------------------------------------------------------------
# Comparing
# ---------------------------------------------------------------------------

# Match levels, strongest first, and the score each one gives.
_SAME_PARTS = 4  # same normalised parts: punctuation, diacritics, particle spelling
_SAME_SKELETON = 3  # every token has the same skeleton and agreeing vowels
_REARRANGED = 2  # matches once an article is dropped or parts are joined
_ONE_EDIT = 1  # a token needed one allowed edit
_LEVEL_SCORE = {_SAME_PARTS: 1.0, _SAME_SKELETON: 0.95, _REARRANGED: 0.9, _ONE_EDIT: 0.85}

VARIANT_THRESHOLD = 0.8
"""Scores at or above this are spellings of one name; below are different names."""


def _token_level(a: _Token, b: _Token) -> int:
    if a.kind != b.kind:
        return 0
    if a.text == b.text:
        return _SAME_PARTS
    if a.kind != _CONTENT:
        return 0  # particles and initials are not romanised: they match exactly
    if same_shape(a.shape, b.shape):
        return _SAME_SKELETON
    if one_edit_away(a.shape, b.shape):
        return _ONE_EDIT
    return 0


def _match_level(a: _Parsed, b: _Parsed) -> int:
    """How two parsed names match (0: they are different names)."""
    if not a.tokens or not b.tokens:
        return 0
    article_differs = a.has_article != b.has_article
    if article_differs and min(len(a.tokens), len(b.tokens)) < 2:
        # "al-Qaeda"/"Qaeda" or "El Salvador"/"Salvador": with one part left,
        # the article may be all that tells two names apart.
        return 0
    cap = _REARRANGED if article_differs else _SAME_PARTS
    if len(a.tokens) == len(b.tokens):
        level = _SAME_PARTS
        for x, y in zip(a.tokens, b.tokens, strict=True):
            level = min(level, _token_level(x, y))
            if not level:
                return 0
        return min(level, cap)
    if any(t.kind == _INITIAL for t in a.tokens + b.tokens):
        return 0  # initials are exact: George W. Bush is not George H. W. Bush
    joined_a, joined_b = a.joined, b.joined
    if same_shape(joined_a, joined_b):
        return _REARRANGED
    if one_edit_away(joined_a, joined_b):
        return _ONE_EDIT
    return 0


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _score(a: _Parsed, b: _Parsed) -> float:
    level = _match_level(a, b)
    if level:
        return _LEVEL_SCORE[level]
    # Not the same name: a similarity kept well under the threshold, so near
    # misses still rank above unrelated names.
    x, y = a.joined.skeleton, b.joined.skeleton
    longest = max(len(x), len(y))
    if not longest:
        return 0.0
    return round(0.6 * (1 - _edit_distance(x, y) / longest), 3)


def variant_score(a: str, b: str) -> float:
    """How surely ``a`` and ``b`` are spellings of one name, from 0 to 1.

    1.0: the same name up to case, punctuation, diacritics or particle
    spelling (identical strings score 1.0 too); 0.95: a romanisation variant
    (same skeletons, agreeing vowels); 0.9: the same once an article is dropped
    or parts are joined; 0.85: needed one allowed edit. Different names score
    below 0.6, higher the closer their skeletons are.
    """
    return _score(_parsed(a), _parsed(b))


def are_variants(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` are two spellings of one name worth flagging.

    Strings that are equal up to case, a possessive or the apostrophe's
    typography are one spelling, so they are *not* variants (the answer is
    False); ask ``variant_score`` whether they are the same name.
    """
    if spelling_key(a) == spelling_key(b):
        return False
    return _match_level(_parsed(a), _parsed(b)) > 0


# ---------------------------------------------------------------------------
# Grouping
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class VariantGroup:
    """Spellings of one name, most used first (ties: first seen first)."""

    spellings: tuple[str, ...]
    counts: tuple[int, ...]

    @property
    def majority(self) -> str:
        """The spelling to suggest: the most frequent, the earliest on a tie."""
        return self.spellings[0]

    @property
    def total(self) -> int:
        return sum(self.counts)


class _Spelling:
    """One spelling while grouping: local to one call, never shared."""

    __slots__ = ("count", "forms", "order")

    def __init__(self, order: int) -> None:
        self.order = order
        self.count = 0
        self.forms: dict[str, int] = {}  # surface forms folded in, with counts

    @property
    def text(self) -> str:
        # The form written most often; dict order breaks ties by first seen.
        return max(self.forms, key=self.forms.__getitem__)


def _gather(names: Iterable[tuple[str, int]]) -> list[_Spelling]:
    """Fold forms equal up to case, possessive or apostrophe typography."""
    spellings: dict[str, _Spelling] = {}
    for name, count in names:
        form = " ".join(strip_possessive(name).split())
        spelling = spellings.setdefault(spelling_key(form), _Spelling(len(spellings)))
        spelling.count += count
        spelling.forms[form] = spelling.forms.get(form, 0) + count
    return list(spellings.values())


def _cluster(block: list[tuple[_Spelling, _Parsed]]) -> list[list[_Spelling]]:
    """Complete-linkage groups inside one block, most used spellings seeding."""
    groups: list[list[tuple[_Spelling, _Parsed]]] = []
    for item in sorted(block, key=lambda item: (-item[0].count, item[0].order)):
        for group in groups:
            if all(_match_level(item[1], other) for _, other in group):
                group.append(item)
                break
        else:
            groups.append([item])
    return [[spelling for spelling, _ in group] for group in groups if len(group) > 1]


def group_variants(names: Iterable[tuple[str, int]]) -> list[VariantGroup]:
    """Group surface names (with counts) into spellings of the same name.

    Forms equal up to case, possessive or apostrophe typography are first
    counted as one spelling, shown as its most frequent form. Spellings are
    then compared only within a block that shares the name's consonant
    classes (every match keeps those), and a spelling joins a group only if it
    matches every member already there, so no chain of near matches can pull
    two different names together. Groups come back in the order their first
    spelling was seen; only groups of two or more spellings are returned.
    """
    blocks: dict[str, list[tuple[_Spelling, _Parsed]]] = {}
    for spelling in _gather(names):
        parsed = _parsed(spelling.text)  # memoised: the same names recur draft after draft
        if parsed.tokens:
            blocks.setdefault(parsed.block, []).append((spelling, parsed))
    groups = [group for block in blocks.values() if len(block) > 1 for group in _cluster(block)]
    groups.sort(key=lambda group: min(spelling.order for spelling in group))
    return [
        VariantGroup(
            tuple(spelling.text for spelling in group),
            tuple(spelling.count for spelling in group),
        )
        for group in groups
    ]
