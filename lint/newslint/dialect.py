"""The house dialect of English: which spelling newslint's own suggestions use.

``dialect:`` in .newslint.yml or a draft's front matter picks one of
DIALECTS. It goes to LanguageTool as its language code, and newslint's own
suggestions (the loaded.said swaps, written in US spelling in the packs) are
respelt for it. ``variants`` tells whether two spellings are one word in two
dialects (criticised/criticized, labour/labor), so that a quotation from a
speaker of another dialect is never a spelling error.
"""

from __future__ import annotations

import re

DIALECTS = ("en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA")
DEFAULT = "en-US"
# Commonwealth spelling with -ise (Canada keeps -ize but writes -our, -re).
_ISE = frozenset({"en-GB", "en-AU", "en-NZ", "en-ZA"})

# US → Commonwealth respellings, tried in order on a lower-case word. Only
# -ize is a pattern; the other families are listed, since "offer" is not "offre".
_OUR = (
    "labor favor color honor behavior neighbor humor harbor rumor vigor valor flavor savior "
    "endeavor armor odor parlor candor clamor splendor tumor vapor rancor fervor"
)
_RE = "center theater meter liter fiber caliber saber somber specter luster meager"
_LL = (
    "travel cancel label model fuel signal total counsel level marvel channel dial duel "
    "equal jewel quarrel rival tunnel shovel libel"
)
_ENCE = "defense offense pretense"
_OGUE = "catalog dialog analog monolog"
_IZE = re.compile(r"(iz|yz)(e|es|ed|ing|ation|ations|er|ers)$")
_NOT_IZE = frozenset(("size", "sized", "seize", "seized", "seizing", "prize", "capsize"))
_ENDINGS = ("", "s", "ed", "ing", "ful", "able", "er", "ers", "ation", "ations", "ly", "ist")


def _family(stems: str, us_tail: str, gb_tail: str) -> dict[str, str]:
    pairs = {}
    for stem in stems.split():
        base = stem[: len(stem) - len(us_tail)] if us_tail else stem
        for ending in _ENDINGS:
            pairs[base + us_tail + ending] = base + gb_tail + ending
    return pairs


_LISTED = {
    **_family(_OUR, "or", "our"),
    **_family(_RE, "er", "re"),
    **{f"{s}{e}": f"{s}l{e}" for s in _LL.split() for e in ("ed", "ing", "er", "ers")},
    **_family(_ENCE, "ense", "ence"),
    **_family(_OGUE, "og", "ogue"),
}
# Commonwealth-only pairs (Canada writes these the US way).
_ISE_ONLY = {"program": "programme", "programs": "programmes", "gray": "grey", "tire": "tyre"}


def respell(word: str, dialect: str) -> str:
    """``word`` (US spelling) as the house dialect writes it; case kept."""
    if dialect not in _ISE and dialect != "en-CA":
        return word
    return " ".join(_respell_word(w, dialect) for w in word.split(" "))


def _respell_word(word: str, dialect: str) -> str:
    low = word.lower()
    if not low.isalpha():
        return word
    if low in _LISTED:
        return _case_like(word, _LISTED[low])
    if dialect in _ISE and low in _ISE_ONLY:
        return _case_like(word, _ISE_ONLY[low])
    match = _IZE.search(low)
    if dialect in _ISE and match and low.rstrip("s") not in _NOT_IZE and len(low) > 5:
        stem = "is" if match.group(1) == "iz" else "ys"
        return _case_like(word, low[: match.start()] + stem + match.group(2))
    return word


def _case_like(original: str, new: str) -> str:
    if original.isupper():
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


# Spellings that differ between dialects, reduced to one form for comparing.
_FOLD = (
    (re.compile(r"our(?=s?$|ed|ing|ful|ite|hood|able|ist)"), "or"),
    (re.compile(r"(?<=[iy])s(?=(?:e|es|ed|ing|ation|ations|er|ers)$)"), "z"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
    (re.compile(r"([lp])\1(?=(?:ed|ing|er|ers)$)"), r"\1"),
    (re.compile(r"ogue(s?)$"), r"og\1"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"ae|oe"), "e"),
    (re.compile(r"mme(s?)$"), r"m\1"),
)


def _fold(word: str) -> str:
    for pattern, replacement in _FOLD:
        word = pattern.sub(replacement, word)
    return word


def variants(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one word spelt in two dialects of English.

    Only for comparing two spellings LanguageTool put side by side
    (neighbourhood/neighborhood, criticised/criticized), so the folding can
    be broad.
    """
    la, lb = a.lower(), b.lower()
    if la == lb or not la.isalpha() or not lb.isalpha():
        return False
    return _fold(la) == _fold(lb)
