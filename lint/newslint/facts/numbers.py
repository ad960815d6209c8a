"""Figures and number words: "12", "1,200", "twelve", "Three", "2.5 million"."""

from __future__ import annotations

import re

from newslint.lazyregex import Lazy

_UNITS = """
    zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen
    """.split()  # noqa: SIM905 - a word list reads better as text
_TENS = """
    twenty thirty forty fifty sixty seventy eighty ninety
    """.split()  # noqa: SIM905 - a word list reads better as text
WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(_UNITS)}
WORD_VALUES.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
WORD_VALUES.update({"a dozen": 12.0, "dozen": 12.0, "a hundred": 100.0, "one hundred": 100.0})
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

_WORDS = "|".join(sorted((re.escape(w) for w in WORD_VALUES if w != "zero"), key=len, reverse=True))
# A number: a figure (1,200 / 2.5 / 12) or words (twenty-one, a dozen), and a scale.
_YEAR = Lazy(r"1[89]\d\d|20\d\d")
NUMBER = Lazy(
    rf"(?<![\w.,$£€-])(?:(?P<fig>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
    rf"|(?P<word>(?:{_WORDS})(?:-(?:{'|'.join(_UNITS[1:10])}))?))\b"
    rf"(?:\s+(?P<scale>thousand|million|billion|trillion))?(?![\w-]*\d)(?!,\d)",
    re.IGNORECASE,
)


def value_of(match: re.Match[str]) -> float:
    """The value of a NUMBER match."""
    fig, word, scale = match.group("fig"), match.group("word"), match.group("scale")
    if fig is not None:
        value = float(fig.replace(",", ""))
    else:
        parts = word.lower().split("-")
        value = sum(WORD_VALUES.get(p, 0.0) for p in parts)
    if scale:
        value *= _SCALES[scale.lower()]
    return value


def is_year(match: re.Match[str]) -> bool:
    fig = match.group("fig")
    return bool(fig and _YEAR.fullmatch(fig) and not match.group("scale"))


def show(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"
