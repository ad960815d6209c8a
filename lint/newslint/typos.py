"""Which LanguageTool spelling matches an editor would call typos.

The LanguageTool kind asks these questions of each match: is it part of a
word with an internal apostrophe (Ba'athists), is "Its" really "it's", is a
capitalised word a misspelt proper noun (Brazillian) or a name LanguageTool
does not know, is a repeated word a name (Duran Duran), is an unknown
lowercase word a word all the same (metabolome, asylee, a quoted site
name). Each answer reads only the block's text and LanguageTool's
suggestions (and, for -ically adverbs, whether a dictionary knows the
adjective).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newslint.names.find import is_ordinary

# Function words that are a slip when doubled even with capitals ("The The").
_FUNCTION = frozenset(
    ("the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "is", "was", "it")
)
_VOWELS = frozenset("aeiouy")
_DOUBLE_VOWEL = re.compile(r"([aeiou])\1")
# After "Its", the words that make it "It's": "Its a", "Its not", "Its been".
_ITS_IS = frozenset(
    (
        "a", "an", "the", "not", "been", "going", "very", "so", "too", "all", "just", "about",
        "only", "never", "also", "still", "really", "clear", "true", "time", "likely", "possible",
        "unclear", "hard", "easy", "over", "here", "there", "what", "how", "because", "my",
        "your", "our", "their", "his", "her", "no", "like", "ok", "okay", "good", "bad",
    )
)  # fmt: skip
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'’-]*)")
# Endings of Latin species epithets: fusca, bassiana, andrillae, vulgaris, rattus.
_LATIN = re.compile(r"(?:a|ae|us|um|is|ii|i)$")
# The word before, across an editor's bracket: "[Phil] Gramm" is a run of names.
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w'’.-]*)[\])]?\s+$")
# Suffixes that make a word of any other (commercialish, Kafkaesque, lawyerlike).
_FREE_SUFFIXES = ("ish", "esque", "like", "wise")


def whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the whole word around ``[start, end)``, across inner apostrophes.

    LanguageTool splits "Ba'athists" at the apostrophe and flags "athists".
    """
    while start >= 2 and text[start - 1] in "'’" and text[start - 2].isalpha():
        start -= 2
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    while end + 1 < len(text) and text[end] in "'’" and text[end + 1].isalpha():
        end += 1
        while end < len(text) and text[end].isalpha():
            end += 1
    return start, end


def its_is_possessive(text: str, end: int) -> bool:
    """'Its round shape' is the possessive; 'Its a shame' is "it's"."""
    following = _NEXT_WORD.match(text, end)
    if not following:
        return False
    word = following.group(1).lower()
    return not (word in _ITS_IS or word.endswith("ing") or word.endswith("ly"))


def in_name_run(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether a capitalised word stands beside another: Jann Wenner, Fisht
    Stadium, Claude Mandil at a sentence's start."""
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1)[:1].isupper():
        return True
    before = _PREVIOUS_WORD.search(text, sentence_start, start)
    if not before or not before.group(1)[:1].isupper():
        return False
    # The sentence's first word is capitalised anyway: "The Brittish embassy"
    # is no run, "Claude Mandil, the director" is.
    return before.start(1) != sentence_start or not is_ordinary(before.group(1))


def not_a_misspelling(text: str, start: int, word: str) -> bool:
    """Unknown to LanguageTool but not a typo: a brand or code (AntyScience, dD,
    mini-MMPI), a species epithet after its genus (Formica fusca), a word
    the CMU Pronouncing Dictionary knows (accouterments), or one of its words
    with a suffix that makes words freely (commercialish)."""
    if any(ch.isupper() for ch in word[1:]):
        return True
    if not word.islower():
        return False
    before = _PREVIOUS_WORD.search(text, 0, start)
    if before and before.group(1)[:1].isupper() and _LATIN.search(word):
        return True
    return in_cmudict(word) or _derived(word)


def _derived(word: str) -> bool:
    """A known word with a suffix that makes words freely: commercial + ish."""
    for suffix in _FREE_SUFFIXES:
        stem = word.removesuffix(suffix).rstrip("-")
        if stem != word and len(stem) >= 4 and in_cmudict(stem):
            return True
    return False


def in_cmudict(word: str) -> bool:
    from pathlib import Path

    from newslint.cachedir import cache_dir
    from newslint.cmu import open_cmudict

    return word.replace("’", "'") in open_cmudict(Path(cache_dir()))


def repeated_name(word: str, following: str) -> bool:
    """'Duran Duran', 'Sirhan Sirhan': a capitalised pair that is not a function word."""
    return word[:1].isupper() and following[:1].isupper() and word.lower() not in _FUNCTION


def misspelt_proper_noun(
    word: str, replacements: tuple[str, ...], in_name_run: bool = False
) -> str | None:
    """The proper noun ``word`` is a slip of (Brazillian → Brazilian), if any.

    A slip is one doubled or undoubled letter, one vowel for another, two
    letters swapped, or a vowel or "h" left out or put in (Afganistan); or
    two doubled or undoubled letters (Carribean → Caribbean). Never one
    consonant for or besides another (Hifter is not Hitter, Halston is not
    Halton), and never the first letter (Zarif is not Arif). A name under
    six letters one vowel from another is as often another name (the Monti
    government is not Monte's), so there only a doubled letter or a swap
    counts. Inside a run of
    capitalised words (Jann Wenner, Space Shuttle Endeavour), which is a
    name LanguageTool may not know, only doubled consonants count (Condoleeza
    Rice). A name that is merely unknown stays unflagged.
    """
    if len(word) < 5 or not word[:1].isupper() or word.isupper():
        return None
    for candidate in replacements[:3]:
        if " " in candidate or not candidate[:1].isupper() or candidate[:1] != word[:1]:
            continue
        a, b = word.lower(), candidate.lower()
        edits = _slip(a, b)
        if edits and _counts(edits, in_name_run, a, b):
            return candidate
    return None


def _counts(edits: list[str], in_name_run: bool, a: str, b: str) -> bool:
    """Whether a slip's edits count for a name of this length where it stands.

    In a run of names a doubled vowel is a transliteration (Tamil Eelam, not
    Elam), so only a doubled consonant counts there.
    """
    if in_name_run:
        vowels_only = _DOUBLE_VOWEL.sub(r"\1", a) == _DOUBLE_VOWEL.sub(r"\1", b)
        return all(e == "double" for e in edits) and not vowels_only
    return len(a) >= 6 or all(e in ("double", "swap") for e in edits)


def split_name(word: str, replacements: tuple[str, ...]) -> bool:
    """A capitalised word LanguageTool would only split (Wikinews → Wiki news,
    PlayStation's kin): a name run together, which the names checks own."""
    return word[:1].isupper() and any(
        " " in r and r.replace(" ", "") == word for r in replacements[:1]
    )


def _slip(a: str, b: str) -> list[str] | None:
    """The edits from ``a`` to ``b`` when they make a slip, else None."""
    if abs(len(a) - len(b)) > 2:
        return None
    edits = _edits(a, b)
    if not edits:
        return None
    if len(edits) == 1:
        return edits if edits[0] in ("double", "vowel", "swap", "insert") else None
    return edits if len(edits) == 2 and all(e == "double" for e in edits) else None


def _edits(a: str, b: str) -> list[str] | None:
    """The kinds of edit turning ``a`` into ``b``, when there are at most two."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if i == len(a) == len(b):
        return []
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    a_mid, b_mid = a[i : len(a) - j], b[i : len(b) - j]
    one = _one_edit(a, b, i, a_mid, b_mid)
    if one is not None:
        return [one]
    # Two edits: try each single edit at the first difference, then one more.
    for step in _first_steps(a, b, i):
        rest = _edits(step[0], b)
        if rest is not None and len(rest) == 1:
            return [step[1], *rest]
    return None


def _one_edit(a: str, b: str, i: int, a_mid: str, b_mid: str) -> str | None:
    if len(a_mid) == 1 and len(b_mid) == 1:
        return "vowel" if a_mid in _VOWELS and b_mid in _VOWELS else "consonant"
    if len(a_mid) == 2 and a_mid == b_mid[::-1]:
        return "swap"
    longer, shorter, mid = (a, b, a_mid) if len(a) > len(b) else (b, a, b_mid)
    if len(mid) == 1 and len(longer) == len(shorter) + 1 and (a_mid == "" or b_mid == ""):
        at = i
        neighbours = {longer[at - 1] if at else "", longer[at + 1] if at + 1 < len(longer) else ""}
        if mid in neighbours:
            return "double"
        return "insert" if mid in _VOWELS or mid == "h" else "consonant"
    return None


def _first_steps(a: str, b: str, i: int) -> list[tuple[str, str]]:
    steps = []
    if i < len(a):
        kind = (
            "double"
            if (i and a[i] == a[i - 1]) or (i + 1 < len(a) and a[i] == a[i + 1])
            else "delete"
        )
        steps.append((a[:i] + a[i + 1 :], kind))
    if i < len(b):
        kind = "double" if (i and b[i] == a[i - 1]) or (i < len(a) and b[i] == a[i]) else "insert"
        steps.append((a[:i] + b[i] + a[i:], kind))
    return steps


# The -ome family of science's nouns: genome, genomes, genomic, genomics.
_OME = re.compile(r"^([a-z]{3,})om(e|es|ic|ics)$")
# Quotation marks that may stand around one word: "aywv", ‘aywv’.
_OPENING = "\"“‘'"
_CLOSING = "\"”’'"


def regular_formation(
    word: str, replacements: tuple[str, ...], known: Callable[[str], bool]
) -> bool:
    """A lowercase word no dictionary lists that is made regularly from one that is:

    - an -ome, -omic or -omics sibling of a word LanguageTool offers
      (metabolome → metabolomic: the genome/genomic pattern);
    - an -ically adverb of a known -ic adjective (meritocratically);

    ``known`` says whether another dictionary (CMUdict, Harper's) lists a word.
    """
    if not word.isalpha() or not word.islower():
        return False
    match = _OME.match(word)
    if match and any(
        (m := _OME.match(r)) and m.group(1) == match.group(1) and m.group(2) != match.group(2)
        for r in replacements
    ):
        return True
    if word.endswith("ically") and len(word) >= 10:
        return known(word[: -len("ally")])
    return False


def names_only(word: str, replacements: tuple[str, ...]) -> bool:
    """Whether every suggestion for a lowercase word is a name (asylee → Ashlee).

    LanguageTool found no ordinary word near it: a real word its dictionary
    lacks rather than a slip of one. A suggestion that only capitalises the
    word (monday → Monday) is a capitalisation error, one of several words
    (petridishes → Petri dishes) is a slip, and so is a name one slip away
    (brazillian → Brazilian: a doubled letter, a vowel, a swap); each keeps
    the finding.
    """
    if not word.isalpha() or not word.islower() or not replacements:
        return False
    return all(
        r[:1].isupper() and r.isalpha() and r.lower() != word and not _slip(word, r.lower())
        for r in replacements
    )


def alone_in_quotes(text: str, start: int, end: int, replacements: tuple[str, ...]) -> bool:
    """A lowercase word that is all of a quotation ("aywv"): a title, a site's
    or a show's name, or a term being mentioned, not a word being used. Not
    when a suggestion is one edit away: scare quotes around a slip
    (“assasination”) are still a slip."""
    word = text[start:end]
    if not word.islower() or start == 0 or end >= len(text):
        return False
    if any(_one_edit_apart(word, r.lower()) for r in replacements):
        return False
    return text[start - 1] in _OPENING and text[end] in _CLOSING


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter put in, left out, changed, or two neighbours swapped (or none)."""
    edits = _edits(a, b)
    return edits is not None and len(edits) <= 1
