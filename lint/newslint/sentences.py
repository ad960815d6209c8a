"""Sentence splitting tuned for news copy.

Handles titles and months (``Gen.``, ``Jan.``, ``Mr.``), dotted acronyms
(``U.S.``, ``C.I.A.``, ``J.S.O.C.``), initials (``George W. Bush``), decimals,
ellipses, and quotation marks that close a sentence (``…him.” He``).
"""

from __future__ import annotations

import re

from newslint.document import Sentence

# Abbreviations that end with a period but rarely end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm cmdr gov sen rep rev hon pres
    supt insp det st sr jr messrs mmes fr jan feb mar apr aug sep sept oct nov dec inc
    corp co ltd bros no nos vol vs v etc al approx dept est fig univ ave blvd rd mt ft
    """.split()  # noqa: SIM905 - a word list reads better as text
)

# Words that, capitalised after a dotted acronym, show a new sentence
# ("... in the U.S. The move ...") rather than a name ("U.S. Army").
SENTENCE_STARTERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those but and
    or so yet in on at for after before when while if as there here what who why how
    however meanwhile still then
    """.split()  # noqa: SIM905 - a word list reads better as text
)

_CANDIDATE = re.compile(r"(?:\.{3}|…|[.!?]+)[\"'”’)\]]*(?=\s+|$)")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]$")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split block text into sentences, with offsets into ``text``."""
    sentences: list[Sentence] = []
    start = _skip_space(text, 0)
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if end <= start or not _is_boundary(text, match.start(), end):
            continue
        sentences.append(Sentence(start, end, text[start:end]))
        start = _skip_space(text, end)
    if start < len(text) and text[start:].strip():
        end = len(text.rstrip())
        sentences.append(Sentence(start, end, text[start:end]))
    return tuple(sentences)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _next_word(text: str, pos: int) -> str:
    pos = _skip_space(text, pos)
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[pos:end]


def _word_before(text: str, end: int) -> str:
    """The run of word characters and dots that ends at ``end``.

    Walked back by hand: a ``$``-anchored search from the block's start made
    one long paragraph quadratic.
    """
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    return text[start:end]


def _is_boundary(text: str, mark: int, end: int) -> bool:
    following = _next_word(text, end)
    if not following:
        return True
    first = following.lstrip("\"'“‘([")
    if not first:
        return True
    if not (first[0].isupper() or first[0].isdigit()) and following[0] not in '"“‘(':
        return False
    if text[mark] != ".":
        return True
    if text.startswith("...", mark) or text[mark] == "…":
        return True
    word = _word_before(text, mark + 1)
    bare = word.rstrip(".")
    if word.lower() in ("a.m.", "p.m."):
        # "at 3 a.m. Police said": a time is rarely followed by a name.
        return True
    if _DOTTED.match(word):
        return first.lower().rstrip(",;:") in SENTENCE_STARTERS
    if _INITIAL.match(bare):
        return False
    return bare.lower() not in ABBREVIATIONS
