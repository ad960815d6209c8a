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
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import NamedTuple

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
# Folding the surface
# ---------------------------------------------------------------------------

# Apostrophe-like marks: typewriter and typographic apostrophes, and the
# modifier letters used for Arabic ʿayn and hamza. Inside a word they mark a
# letter English spelling often drops (Kata'ib/Kataib, Sana'a/Sanaa).
_APOSTROPHES = "'\u2019\u2018\u02bc\u02bf\u02be\u02bb`\u00b4"


# Letters NFKD does not decompose into a base letter plus a mark.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ł": "l",  # Polish: Wałęsa/Walesa
        "ø": "o",
        "đ": "d",  # Serbo-Croatian/Vietnamese
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",  # Turkish dotless i: Kılıçdaroğlu/Kilicdaroglu
        "ħ": "h",  # Maltese and some Arabic transcriptions
        "ŀ": "l",
    }
)

# Separators between name parts. Dots separate initials ("H.W.").
_SEPARATOR_RE = re.compile(r"[\s./\-\u2010-\u2014\u2212]+")
_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")
_NOT_ALNUM_RE = re.compile(r"[^a-z0-9]+")


def _strip_possessive(name: str) -> str:
    """The name without a final possessive: "Soleimani's", "Abbas'"."""
    text = name.strip()
    if len(text) > 2:
        if text[-1] in "sS" and text[-2] in _APOSTROPHES:
            return text[:-2]
        if text[-1] in _APOSTROPHES and text[-2] in "sS":
            return text[:-1]
    return text


def _fold(text: str) -> str:
    """Lowercase ASCII-ish text: case, diacritics and inner apostrophes gone."""
    bare = text.casefold()
    if not bare.isascii():
        decomposed = unicodedata.normalize("NFKD", bare)
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        bare = bare.translate(_SPECIAL_LETTERS)
    for mark in _APOSTROPHES:
        bare = bare.replace(mark, "")
    return bare


def _split(name: str) -> list[tuple[str, bool, bool]]:
    """Parts of a folded name, each with (hyphen before, hyphen after) flags.

    The hyphen flags matter for particles: "ad-Din" marks ``ad`` as an article,
    while a free-standing "Ad" could be anything.
    """
    text = _fold(_strip_possessive(name))
    parts: list[tuple[str, bool, bool]] = []
    position = 0
    hyphen_before = False
    for match in (*_SEPARATOR_RE.finditer(text), None):
        end = match.start() if match else len(text)
        hyphen_after = bool(match and not _HYPHENS.isdisjoint(match.group()))
        part = _NOT_ALNUM_RE.sub("", text[position:end])
        if part:
            parts.append((part, hyphen_before, hyphen_after))
            hyphen_before = hyphen_after
        else:
            hyphen_before = hyphen_before or hyphen_after
        position = match.end() if match else end
    return parts


def name_parts(name: str) -> tuple[str, ...]:
    """The normalised parts of a name, all lowercase ASCII.

    Drops a final possessive ('s, ’s, s'), case, diacritics (NFKD, combining
    marks removed) and apostrophes or ʿayn/hamza marks inside words, then
    splits on spaces, hyphens and dots. Particles stay as separate parts, so
    ``name_parts("al-Muhandis") == name_parts("Al Muhandis") == ("al",
    "muhandis")``. The particles' own spelling (el/al, ibn/bin) is kept here;
    the comparison folds it.
    """
    return tuple(part for part, _, _ in _split(name))


def _surface_key(name: str) -> str:
    """What must differ for two spellings to be worth an editor's attention.

    Case alone is not a variant (sentence-initial "Al-Qaeda" is house style,
    not a second spelling), nor a possessive, nor typographic versus straight
    apostrophes; hyphen versus space, or a diacritic, is.
    """
    text = _strip_possessive(name)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = text.casefold()
    for mark in _APOSTROPHES[1:5]:
        text = text.replace(mark, "'")
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# Particles
# ---------------------------------------------------------------------------

# The Arabic article before any part: al-Sadr, el-Sisi, Al Muhandis.
_ARTICLES = frozenset({"al", "el"})
# The article assimilated to a "sun letter" (ad-Din, ash-Sham, ez-Zor) or with
# a case vowel (ud-Din, ul-Haq). Only counted when hyphened to the next part,
# because free-standing "An", "As" or "Un" (Kim Jong Un) are other words.
_SUN_ARTICLES = frozenset(
    {
        "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az",
        "ed", "en", "er", "es", "esh", "et", "ez",
        "ud", "ul", "un", "ur", "us", "ush", "ut", "uz",
    }
)  # fmt: skip
# Persian ezafe between two parts: Mazar-i-Sharif / Mazar-e Sharif.
_EZAFE = frozenset({"e", "i"})

# Particles that carry meaning and must match, each folded to one spelling.
_PARTICLES: dict[str, str] = {
    # "son of": Arabic ibn/bin, Maghrebi and Hebrew ben (Usama bin Ladin).
    "bin": "bin", "ibn": "bin", "ben": "bin", "bint": "bint",
    # "father of": Abu/Abou/Abū (Abou Mazen).
    "abu": "abu", "abou": "abu", "abo": "abu",
    # "servant of", alone or fused with the article: Abdel/Abdul Fattah.
    "abd": "abd", "abdel": "abd", "abdul": "abd", "abdal": "abd", "abdol": "abd",
    "abdoul": "abd",
    # "mother of".
    "umm": "umm", "um": "umm", "oum": "umm",
    # Mauritanian "son of".
    "ould": "ould",
    # European particles are not romanised, so each is its own spelling.
    "de": "de", "da": "da", "di": "di", "do": "do", "du": "du", "del": "del",
    "della": "della", "des": "des", "dos": "dos", "das": "das", "van": "van",
    "von": "von", "der": "der", "den": "den", "ter": "ter", "ten": "ten",
    "la": "la", "le": "le", "zu": "zu",
}  # fmt: skip

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
# Shapes: skeleton plus vowel classes
# ---------------------------------------------------------------------------

# Vowel classes, as bits; two vowels agree when their bits overlap. Arabic
# has three short vowels, and English spellings write fatha as a (Persian and
# Egyptian often e), kasra as i or e, damma as u or o; Russian ё is e or o:
#   a: fatha; i, y: kasra; u: damma; o: damma or ё; w (closing a diphthong,
#   Rowhani/Rouhani): damma; e: fatha, kasra or ё (Ahmed/Ahmad,
#   Hezbollah/Hizbollah, Gorbachev/Gorbachov) but never damma.
_A, _I, _U, _YO = 1, 2, 4, 8
_VOWEL_CLASS = {"a": _A, "e": _A | _I | _YO, "i": _I, "y": _I, "o": _U | _YO, "u": _U, "w": _U}
# A run of vowels is kept as the classes of its first and last letter, packed
# in one int (first in the low bits): "ai" against "ae" agrees (Qaida/Qaeda),
# "ai" against "aa" or "au" does not (Said/Saad/Saud), nor "i" against "ia"
# (Ali/Alia).
_LAST = 4


def _run(first: int, last: int) -> int:
    return first | last << _LAST


def _runs_agree(a: int, b: int) -> bool:
    return bool(a & b & 0xF) and bool(a & b & 0xF0)


_VOWELS = frozenset("aeiou")
_GLIDE_NEIGHBOURS = frozenset("aou")

# Letter groups read as one sound, longest first.
_GRAPHEME_RE = re.compile(r"tsch|shch|sch|tch|dzh|ch|sh|zh|kh|gh|ck|dh|th|ph|dj|ts|tz|cz|.")

# Consonant classes. One line per equivalence, with why.
_CONSONANT_CLASS: dict[str, str] = {
    # Russian ч: English ch, German-style tch/tsch (Tchaikovsky/Chaikovsky).
    "ch": "C", "tch": "C", "tsch": "C",
    # Russian щ is shch; writers drop to sch or sh (Khrushchev/Khruschev).
    "sh": "S", "sch": "S", "shch": "S",
    # One j sound: Russian дж (Tadzhikistan), Maghrebi dj (Abdelmadjid),
    # Persian/Russian zh (Ahmadinezhad, Prigozhin).
    "j": "J", "dj": "J", "dzh": "J", "zh": "J",
    # Arabic q is written q, k, g (Libyan, Gulf) or gh (Persian); kh and k
    # alternate for Russian х and Arabic خ: Qaddafi/Gaddafi/Kadhafi/Gadhafi,
    # Qassem/Ghasem, Khrushchev/Krushchev.
    "q": "k", "k": "k", "g": "k", "c": "k", "ck": "k", "gh": "k", "kh": "k",
    # Arabic ذ/ض as dh or d (Kadhafi/Gaddafi); ث as th or t (Kathmandu/Katmandu).
    "dh": "d", "th": "t",
    # Greek-derived ph.
    "ph": "f",
    # Russian ц: ts, German tz, Polish cz (Tsar/Czar).
    "ts": "T", "tz": "T", "cz": "T",
}  # fmt: skip

_CONSONANT_LETTERS = frozenset("bcdfghjklmnpqrstvwxyz")
# au/aw before a consonant or at the end (see _respell).
_DIPHTHONG_RE = re.compile(r"a[uw](?![aeiouy])")


def _respell(text: str) -> str:
    """Spelling rewrites on a whole token, before its letters are read."""
    if len(text) > 2:
        if text[-1] == "e" and text[-2] in _CONSONANT_LETTERS:
            # A final e after a consonant is silent in English and in French
            # transliteration (Abidine, Benkirane); read as a vowel it would
            # match Moore with Murray and Cole with Kelly. Checked before the
            # h rule, so Persian -eh keeps its e (Haniyeh/Haniya).
            text = text[:-1]
        elif text[-1] == "h" and text[-2] in _VOWELS:
            # Arabic tāʾ marbūṭa and final h after a vowel: Fallujah/Falluja.
            text = text[:-1]
        elif text.endswith("off"):
            # Russian -ов in the old émigré spelling: Rachmaninoff/Rachmaninov.
            text = text[:-3] + "ov"
        elif text.endswith("iv") and text[-3] in _CONSONANT_LETTERS:
            # Ukrainian i where Russian has o before a final consonant:
            # Kharkiv/Kharkov, Lviv/Lvov.
            text = text[:-2] + "ov"
    if "x" in text:
        text = text.replace("x", "ks")  # Alexei/Aleksei
    if "c" in text:
        # Soft c is s; the rest of c is k (below).
        text = text.replace("ce", "se").replace("ci", "si").replace("cy", "sy")
    if "yy" in text:
        text = text.replace("yy", "y")  # Zelenskyy/Zelensky, Tayyip/Tayip
    # English digraphs for one vowel: ee is long i (Kareem/Karim, Saeed/Said,
    # Izz el-Deen/ad-Din), oo long u (Masood/Massoud, Noor/Nur), eu the Korean
    # vowel also written u (Kim Jong-eun/Kim Jong-un).
    text = text.replace("ee", "i").replace("oo", "u").replace("eu", "u")
    if "au" in text or "aw" in text:
        # The diphthong before a consonant, also written o or ou:
        # Awlaki/Aulaqi, Jawlani/Jolani, Tawfiq/Toufic.
        text = _DIPHTHONG_RE.sub("o", text)
    return text


# Fewest consonants (in the longer token) before a one-letter edit is allowed:
# short names are too close to each other to absorb one (Guinea/Guyana,
# Amr/Amir, Yemen/Amman).
_MIN_FUZZY_CONSONANTS = 4


class _Shape(NamedTuple):
    """A token as consonant classes with ``_`` for each vowel run."""

    skeleton: str
    vowels: tuple[int, ...]

    @property
    def consonants(self) -> int:
        return len(self.skeleton) - len(self.vowels)


_SEMIVOWELS = frozenset("yw")


def _semivowel_is_vowel(graphemes: Sequence[str], i: int) -> bool:
    """Whether the y or w at ``graphemes[i]`` is read as a vowel."""
    before = graphemes[i - 1] if i else ""
    after = graphemes[i + 1] if i + 1 < len(graphemes) else ""
    if graphemes[i] == "y":
        # A vowel unless it is a glide opening a syllable (Yemen, Guyana,
        # Sayid); Kyiv, Kadyrov, Aliyev and Zelensky have a vowel y.
        return not (after in _VOWELS and (i == 0 or before in _GLIDE_NEIGHBOURS))
    # w closing a diphthong is a vowel: Rowhani/Rouhani.
    return before in _VOWELS and after not in _VOWELS


def _shape(text: str) -> _Shape:
    """The shape of one folded token (lowercase ASCII letters and digits)."""
    graphemes = _GRAPHEME_RE.findall(_respell(text))
    skel: list[str] = []
    vowels: list[int] = []
    first = run = 0  # classes of the current vowel run's first and last letter
    for i, g in enumerate(graphemes):
        if g in _VOWELS or (g in _SEMIVOWELS and _semivowel_is_vowel(graphemes, i)):
            run = _VOWEL_CLASS[g]
            first = first or run
            continue
        code = _CONSONANT_CLASS.get(g, g)
        if run:
            skel.append("_")
            vowels.append(_run(first, run))
            first = run = 0
        elif skel and skel[-1] == code:
            continue  # doubled letters are one sound: Qassem/Qasem, Gaddafi/Gadafi
        skel.append(code)
    if run:
        skel.append("_")
        vowels.append(_run(first, run))
    return _Shape("".join(skel), tuple(vowels))


def skeleton(part: str) -> str:
    """The transliteration key of one name part.

    Consonants are folded into classes (q/k/g/gh/kh/c, dh/d, th/t, ph/f,
    ch/tch/tsch, sh/sch/shch, j/dj/dzh/zh, ts/tz/cz), doubled letters merge,
    and each run of vowels becomes ``_`` (y and w count as vowels except as
    glides). Variants collide: ``skeleton("Qassem") == skeleton("Ghasem") ==
    "k_s_m"``. The vowels' quality is not in the key; the comparison checks it
    separately, which is what keeps Khamenei and Khomeini apart.
    """
    return _shape(_NOT_ALNUM_RE.sub("", _fold(part))).skeleton


def _vowels_agree(a: Sequence[int], b: Sequence[int]) -> bool:
    return all(_runs_agree(x, y) for x, y in zip(a, b, strict=True))


def _merge_runs(left: int, right: int) -> int:
    """One run from two that meet: the first letter of one, the last of the other."""
    return left & 0xF | right & 0xF0


def _same_shape(a: _Shape, b: _Shape) -> bool:
    return a.skeleton == b.skeleton and _vowels_agree(a.vowels, b.vowels)


def _one_edit_away(a: _Shape, b: _Shape) -> bool:
    """True if one romanisation edit turns the longer shape into the shorter.

    The edits allowed: a vowel written or dropped before r or l (Teheran/
    Tehran, Zawahiri/Zawahri, Aleksandr/Alexander), and a glide y written or
    dropped (Dostoyevsky/Dostoevsky, Yevgeny/Evgeny, Nazarbayev/Nazarbaev).
    Vowels elsewhere separate names (Mahmoud/Mohammed), and a final vowel
    never goes (Hussein/Husseini, Niger/Nigeria, Abbas/Abbasi).
    """
    long, short = (a, b) if len(a.skeleton) > len(b.skeleton) else (b, a)
    if (
        long.consonants < _MIN_FUZZY_CONSONANTS
        or not 0 < len(long.skeleton) - len(short.skeleton) <= 2
    ):
        return False
    skel = long.skeleton
    vowel_index = 0
    for p, ch in enumerate(skel):
        if ch == "_":
            if 0 < p < len(skel) - 1 and skel[p + 1] in "rl":
                cut = _Shape(
                    skel[:p] + skel[p + 1 :],
                    long.vowels[:vowel_index] + long.vowels[vowel_index + 1 :],
                )
                if _same_shape(cut, short):
                    return True
            vowel_index += 1
        elif ch == "y":
            if 0 < p < len(skel) - 1 and skel[p - 1] == "_" and skel[p + 1] == "_":
                merged = _merge_runs(long.vowels[vowel_index - 1], long.vowels[vowel_index])
                cut = _Shape(
                    skel[:p] + skel[p + 2 :],
                    (*long.vowels[: vowel_index - 1], merged, *long.vowels[vowel_index + 1 :]),
                )
            else:
                cut = _Shape(skel[:p] + skel[p + 1 :], long.vowels)
            if _same_shape(cut, short):
                return True
    return False


# ---------------------------------------------------------------------------
# Parsed names
# ---------------------------------------------------------------------------


class _Token(NamedTuple):
    text: str
    kind: int
    shape: _Shape


class _Parsed(NamedTuple):
    tokens: tuple[_Token, ...]
    has_article: bool
    block: str

    @property
    def joined(self) -> _Shape:
        """The whole name read as one word, as a fused spelling is (Hailemariam)."""
        if len(self.tokens) == 1:
            return self.tokens[0].shape
        return _shape("".join(token.text for token in self.tokens))


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


def _parse(name: str, shapes: dict[str, _Shape] | None = None) -> _Parsed:
    """Tokens, article flag and block key of a name.

    ``shapes`` is the caller's own memo of token shapes, for lists where the
    same given names and particles recur.
    """
    parts = _split(name)
    texts: list[tuple[str, int]] = []  # (text, kind) before shapes are made
    has_article = False
    last = len(parts) - 1
    for i, (part, hyphen_before, hyphen_after) in enumerate(parts):
        if i < last and (
            part in _ARTICLES
            or (part in _SUN_ARTICLES and hyphen_after)
            or (part in _EZAFE and i > 0 and (hyphen_before or hyphen_after))
        ):
            has_article = True
        elif part in _ALLAH_PARTS and texts and texts[-1][1] != _INITIAL:
            texts[-1] = (texts[-1][0] + "allah", _CONTENT)
        elif part in _PARTICLES and i < last:
            texts.append((_PARTICLES[part], _PARTICLE))
        elif len(part) == 1 and part.isalpha():
            texts.append((part, _INITIAL))
        elif part in _DIN_SPELLINGS:
            texts.append(("din", _CONTENT))
        else:
            unfused, fused_article = _unfuse(part, later=i > 0)
            texts += unfused
            has_article = has_article or fused_article
    if shapes is None:
        shapes = {}
    tokens: list[_Token] = []
    for text, kind in texts:
        shape = shapes.get(text)
        if shape is None:
            shape = shapes[text] = _shape(text)
        tokens.append(_Token(text, kind, shape))
    # The block key keeps what every match preserves: the consonant classes of
    # the whole name in order, without vowels or glide y, doubles merged.
    consonants = "".join(token.shape.skeleton for token in tokens)
    block = "".join(key for key, _ in groupby(consonants.replace("_", "").replace("y", "")))
    return _Parsed(tuple(tokens), has_article, block)


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
    if _same_shape(a.shape, b.shape):
        return _SAME_SKELETON
    if _one_edit_away(a.shape, b.shape):
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
    if _same_shape(joined_a, joined_b):
        return _REARRANGED
    if _one_edit_away(joined_a, joined_b):
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
    return _score(_parse(a), _parse(b))


def are_variants(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` are two spellings of one name worth flagging.

    Strings that are equal up to case, a possessive or the apostrophe's
    typography are one spelling, so they are *not* variants (the answer is
    False); ask ``variant_score`` whether they are the same name.
    """
    if _surface_key(a) == _surface_key(b):
        return False
    return _match_level(_parse(a), _parse(b)) > 0


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
        form = " ".join(_strip_possessive(name).split())
        spelling = spellings.setdefault(_surface_key(form), _Spelling(len(spellings)))
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
    shapes: dict[str, _Shape] = {}
    for spelling in _gather(names):
        parsed = _parse(spelling.text, shapes)
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
