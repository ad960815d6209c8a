"""The one owner of how a name's surface is written: possessives, particles, apostrophes.

Every module that reads names (the name finder and keys, the attribution and
LanguageTool kinds, the house-list substitution, the phrase scan) asks here,
so that "Soleimani’s", "Abbas'" and "al-Muhandis" are cut the same way
everywhere. This module imports nothing from newslint, so anything may use it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "APOSTROPHES",
    "ARTICLES",
    "HYPHENED_PARTICLES",
    "JOINING_PARTICLES",
    "NOT_ALNUM_RE",
    "PARTICLE_SPELLINGS",
    "SUN_ARTICLES",
    "TYPOGRAPHIC_APOSTROPHES",
    "fold_letters",
    "leading_particle",
    "name_parts",
    "spelling_key",
    "split_parts",
    "straighten",
    "strip_particle",
    "strip_possessive",
]

# ---------------------------------------------------------------------------
# Apostrophes
# ---------------------------------------------------------------------------

# Apostrophe-like marks: typewriter and typographic apostrophes, and the
# modifier letters used for Arabic ʿayn and hamza. Inside a word they mark a
# letter English spelling often drops (Kata'ib/Kataib, Sana'a/Sanaa).
APOSTROPHES = "'\u2019\u2018\u02bc\u02bf\u02be\u02bb`\u00b4"
# The marks a writer's software puts for a typed apostrophe: the same spelling.
TYPOGRAPHIC_APOSTROPHES = "\u2019\u2018\u02bc\u02bf"


def straighten(text: str) -> str:
    """Typographic apostrophes as the typewriter one: Shi’ite → Shi'ite."""
    for mark in TYPOGRAPHIC_APOSTROPHES:
        if mark in text:
            text = text.replace(mark, "'")
    return text


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

# What is left of a folded part once separators and marks are gone.
NOT_ALNUM_RE = re.compile(r"[^a-z0-9]+")


def fold_letters(text: str) -> str:
    """Lowercase ASCII-ish text: case, diacritics and inner apostrophes gone."""
    bare = text.casefold()
    if not bare.isascii():
        decomposed = unicodedata.normalize("NFKD", bare)
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        bare = bare.translate(_SPECIAL_LETTERS)
    for mark in APOSTROPHES:
        bare = bare.replace(mark, "")
    return bare


# ---------------------------------------------------------------------------
# Possessives
# ---------------------------------------------------------------------------


@lru_cache(maxsize=65536)  # called for every word of every draft; words recur
def strip_possessive(word: str) -> str:
    """A word or name without its final possessive.

    "Soleimani’s" → "Soleimani", "SOLEIMANI'S" → "SOLEIMANI", and the plural
    "Abbas'" → "Abbas". Any apostrophe-like mark counts; a word of two letters
    or fewer ("'s") is left as it is.
    """
    text = word.strip()
    if len(text) > 2:
        if text[-1] in "sS" and text[-2] in APOSTROPHES:
            return text[:-2]
        if text[-1] in APOSTROPHES and text[-2] in "sS":
            return text[:-1]
    return text


# ---------------------------------------------------------------------------
# Name parts and spellings
# ---------------------------------------------------------------------------

# Separators between name parts. Dots separate initials ("H.W.").
_SEPARATOR_RE = re.compile(r"[\s./\-\u2010-\u2014\u2212]+")
_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")


def split_parts(name: str) -> list[tuple[str, bool, bool]]:
    """Parts of a folded name, each with (hyphen before, hyphen after) flags.

    The hyphen flags matter for particles: "ad-Din" marks ``ad`` as an article,
    while a free-standing "Ad" could be anything.
    """
    text = fold_letters(strip_possessive(name))
    parts: list[tuple[str, bool, bool]] = []
    position = 0
    hyphen_before = False
    for match in (*_SEPARATOR_RE.finditer(text), None):
        end = match.start() if match else len(text)
        hyphen_after = bool(match and not _HYPHENS.isdisjoint(match.group()))
        part = NOT_ALNUM_RE.sub("", text[position:end])
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
    return tuple(part for part, _, _ in split_parts(name))


@lru_cache(maxsize=65536)  # a pure function, called for every name use
def spelling_key(name: str) -> str:
    """One spelling's key: what must differ for two spellings to be worth an editor's attention.

    Case alone is not a variant (sentence-initial "Al-Qaeda" is house style,
    not a second spelling), nor a possessive, nor typographic versus straight
    apostrophes; hyphen versus space, or a diacritic, is.
    """
    text = strip_possessive(name)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = text.casefold()
    text = straighten(text)
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# Particles
# ---------------------------------------------------------------------------

# The Arabic article before any part: al-Sadr, el-Sisi, Al Muhandis.
ARTICLES = frozenset({"al", "el"})
# The article assimilated to a "sun letter" (ad-Din, ash-Sham, ez-Zor) or with
# a case vowel (ud-Din, ul-Haq). Only counted when hyphened to the next part,
# because free-standing "An", "As" or "Un" (Kim Jong Un) are other words.
SUN_ARTICLES = frozenset(
    {
        "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az",
        "ed", "en", "er", "es", "esh", "et", "ez",
        "ud", "ul", "un", "ur", "us", "ush", "ut", "uz",
    }
)  # fmt: skip

# Particles that may be hyphened to a name word: al-Muhandis, Al-Assad,
# bin-Laden. "un" is left out: a lower-case "un-" opens English (un-American).
HYPHENED_PARTICLES = (ARTICLES | SUN_ARTICLES | {"bin", "ibn", "ben", "abu", "abd"}) - {"un"}

# Particles written lower case between the parts of one name: Osama bin Laden,
# Charles de Gaulle. English words that are also particles (an, as, at) are
# left out: between capitals they are far more often English.
JOINING_PARTICLES = frozenset(
    """
    bin ibn bint ben abu al el de da di du del della des dos das van von der den ter ten la
    le ould
    """.split()  # noqa: SIM905 - a word list reads better as text
)

# Particles that carry meaning and must match, each folded to one spelling.
PARTICLE_SPELLINGS: dict[str, str] = {
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

# Particles whose case follows the sentence, not the name ("Al-Assad" opening a
# sentence, "al-Assad" inside one), when joined by a hyphen or a space.
_CASE_FREE = (
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an",
    "ibn", "bin", "ben", "abu", "abd", "de", "van", "von",
)  # fmt: skip
_LEADING_PARTICLE = re.compile(r"^(?:" + "|".join(_CASE_FREE) + r")[- ]", re.I)


def leading_particle(name: str) -> str:
    """The particle a name opens with, with its hyphen or space: "al-", "Bin ", or ""."""
    match = _LEADING_PARTICLE.match(name)
    return match.group(0) if match else ""


def strip_particle(name: str) -> str:
    """The name without its leading particle: al-Muhandis → Muhandis."""
    return name[len(leading_particle(name)) :]
