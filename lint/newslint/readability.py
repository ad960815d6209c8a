"""textstat's readability scores, loaded only when a readability rule needs them."""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

from newslint.cachedir import cache_dir, load_pickle, store_pickle

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def word_count(text: str) -> int:
    """Words as a reader counts them (hyphenated and possessive words are one)."""
    return len(_WORD.findall(text))


@lru_cache(maxsize=1)
def _textstat() -> types.ModuleType:
    """Import textstat with its CMUdict lookup served by newslint.cmu.

    textstat's only use of NLTK is fetching CMUdict; registering our
    ``get_cmudict`` under textstat's module name before the import keeps
    NLTK (and its download) out, and textstat's own syllable counting and
    formulas run unchanged.
    """
    from newslint.cmu import open_cmudict

    cmu = open_cmudict(Path(cache_dir()))

    def get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
        return cmu if lang.lower().startswith("en") else None

    name = "textstat.backend.utils._get_cmudict"
    if "textstat" not in sys.modules:
        shim = types.ModuleType(name)
        shim.get_cmudict = get_cmudict  # type: ignore[attr-defined]
        sys.modules[name] = shim
    _warm_hyphenation_patterns(Path(cache_dir()))
    import textstat
    from textstat.backend.counts import _count_syllables

    # When textstat was imported before us (tests, other tools), point its
    # syllable counter at our data all the same.
    _count_syllables.get_cmudict = get_cmudict  # type: ignore[attr-defined]
    return textstat


def _warm_hyphenation_patterns(folder: Path) -> None:
    """Load pyphen's English patterns from a pickle instead of parsing them.

    textstat falls back on pyphen for words CMUdict lacks (most names), and
    parsing pyphen's dictionary costs ~100 ms a run; the parsed patterns,
    kept in pyphen's own module cache, load from a pickle in ~5 ms.
    """
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    if path in pyphen.hdcache:
        return
    stat = Path(path).stat()
    cached = folder / f"pyphen-en_US-{stat.st_size}-{int(stat.st_mtime)}.pickle"
    patterns = load_pickle(cached)
    if isinstance(patterns, pyphen.HyphDict):
        pyphen.hdcache[path] = patterns
        return
    pyphen.hdcache[path] = pyphen.HyphDict(path)
    store_pickle(cached, pyphen.hdcache[path])


def preload() -> None:
    """Import textstat and its data ahead of time (for the warm process)."""
    _textstat()


def score(name: str, text: str) -> float:
    """A textstat score by function name (flesch_kincaid_grade, flesch_reading_ease…)."""
    function: Callable[[str], float] = getattr(_textstat(), name)
    return float(function(text))
