"""Names, numbers and dates a fact-checker would verify in a sentence.

Issue 15's ``facts.*`` rules reuse :func:`extract_facts` and :func:`known_names`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from newslint.attribution.english import SPACE, STOP_CAPITALS, WORD, first_letter
from newslint.document import Document
from newslint.lazyregex import Lazy
from newslint.names.forms import strip_possessive

NAME_CONNECTORS = ("of", "for", "de", "del", "da", "von", "van", "bin", "al", "the")
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
RELATIVE_DAYS = (
    r"today|yesterday|tomorrow|tonight|(?:last|this|next|earlier this|later this) "
    r"(?:week|month|year|weekend|morning|afternoon|evening|spring|summer|autumn|fall|winter)"
)
_DATE = Lazy(
    rf"(?<![\w])(?:(?:{MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?"
    rf"|(?:{DAYS})s?"
    r"|(?:1[5-9]|20)\d\d(?:s)?(?:\s?[-–]\s?(?:1[5-9]|20)\d\d)?"
    rf"|(?i:{RELATIVE_DAYS}))(?![\w])"
)
MONTH_OR_DAY = Lazy(f"(?:{MONTHS}|{DAYS})")
NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    "ninety|hundred|thousand|million|billion|trillion|dozen|half-dozen|dozens|hundreds|"
    "thousands|millions|billions"
)
# Figures start at a digit or a currency sign (found fast); number words by lookup.
_FIGURE = Lazy(
    r"(?:[$€£¥]\s?)?\d(?:[\d,.:]*\d)?(?:st|nd|rd|th|am|pm)?"
    r"(?:\s?(?:%|percent|per cent|million|billion|trillion|thousand|hundred)\b)?"
)
NUMBER_WORD_SET = frozenset(NUMBER_WORDS.split("|"))
NAME = Lazy(
    r"(?<![\w’'])(?:al-)?[A-Z][\w’'.&-]*"
    r"(?:(?:\s+(?:" + "|".join(NAME_CONNECTORS) + r")){0,2}\s+(?:al-)?[A-Z][\w’'.&-]*)*"
)


# --- facts: names, numbers, dates ------------------------------------------------------


# A named tuple: one a sentence, made faster than a frozen dataclass.
class Facts(NamedTuple):
    """The names, numbers and dates a sentence states."""

    names: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()

    def describe(self, limit: int = 4) -> str:
        """A short account for a message: "names Donald Trump; date Friday"."""
        parts = []
        shown = 0
        for label, values in (("name", self.names), ("number", self.numbers), ("date", self.dates)):
            if values and shown < limit:
                kept = values[: limit - shown]
                more = "…" if len(kept) < len(values) else ""
                parts.append(f"{label}{'s' if len(values) > 1 else ''} {', '.join(kept)}{more}")
                shown += len(kept)
        return "; ".join(parts)


def extract_facts(voice: str, known_names: frozenset[str]) -> Facts:
    """The names, numbers and dates a fact-checker would verify in ``voice``."""
    dates = [m for m in _DATE.finditer(voice) if _is_date(voice, m)]
    taken = [(m.start(), m.end()) for m in dates]
    numbers = [n for at, n in _numbers(voice) if not any(s <= at < e for s, e in taken)]
    names = _names(voice, known_names, taken)
    return Facts(unique(names), unique(numbers), unique(SPACE.sub(" ", m.group(0)) for m in dates))


_CURRENCY_PREFIX = Lazy(r"(?:US|A|C|HK)$")
_PHONE = Lazy(r"\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b")
# What stands right before a number that is part of a name: "STS-", "Explorer ".
_DESIGNATION = Lazy(r"(?:[A-Za-z]-|\b(?P<word>[A-Z][\w]*[A-Za-z]) )$")
# Capitalised words before a figure that are no name: "About 1,200 soldiers",
# "Some 300 people" open a sentence with an approximate count.
_NOT_DESIGNATORS = STOP_CAPITALS | frozenset(
    """
    about nearly almost around over under roughly approximately more fewer less exactly
    another up perhaps maybe barely well
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def _numbers(voice: str) -> list[tuple[int, str]]:
    """Figures ("US$ 20,000", "10%", "33rd") and number words ("half-dozen"), in order."""
    found = []
    for match in _FIGURE.finditer(voice):
        start = match.start()
        if start and (voice[start - 1].isalnum() or voice[start - 1] == "."):
            continue  # part of a word or a version: "G7", "v1.2"
        if _PHONE.match(voice, start):
            continue  # a telephone number: "850-748-0740"
        if match.group(0)[0].isdigit() and _designation(voice, start):
            continue  # a name's number, no figure: "STS-133", "TN-05", "Internet Explorer 6"
        prefix = _CURRENCY_PREFIX.search(voice, max(0, start - 2), start)
        begin = prefix.start() if prefix and match.group(0)[0] in "$€£¥" else start
        found.append((begin, voice[begin : match.end()].strip()))
    spans = [(at, at + len(text)) for at, text in found]
    for match in WORD.finditer(voice):
        if match.group(0).lower() not in NUMBER_WORD_SET:
            continue  # tested first: most words are no number, and the spans cost more
        inside = any(s <= match.start() < e for s, e in spans)  # "billion" in "$2 billion"
        if not inside:
            found.append((match.start(), match.group(0)))
    return sorted(found)


def _designation(voice: str, start: int) -> bool:
    """Whether the figure at ``start`` is part of a name ("STS-133", "Explorer 6")."""
    match = _DESIGNATION.search(voice, max(0, start - 40), start)
    if match is None:
        return False
    return (match["word"] or "-").lower() not in _NOT_DESIGNATORS


def _is_date(text: str, match: re.Match[str]) -> bool:
    # "May" is a month only with a day or year, or after a word like "in".
    if match.group(0) != "May":
        return True
    before = text[: match.start()].split()[-1:] or [""]
    return before[0].lower() in {"in", "of", "since", "until", "by", "on", "early", "late", "mid"}


def _names(voice: str, known: frozenset[str], taken: list[tuple[int, int]]) -> list[str]:
    first = first_letter(voice)
    names = []
    for match in NAME.finditer(voice):
        if any(s <= match.start() < e for s, e in taken):
            continue
        for index, words in enumerate(_split_possessives(match.group(0).split())):
            opens_sentence = index == 0 and match.start() == first
            name = _name_of(words, opens_sentence, known)
            if name:
                names.append(name)
    return names


def _split_possessives(words: list[str]) -> list[list[str]]:
    """ "Iran’s Quds Force" is two names: Iran, and its Quds Force."""
    groups: list[list[str]] = [[]]
    for word in words:
        bare = strip_possessive(word)
        groups[-1].append(bare)
        if bare != word:
            groups.append([])
    return [g for g in groups if g]


def _name_of(words: list[str], opens_sentence: bool, known: frozenset[str]) -> str:
    # Drop the capitalised function word that opens a sentence ("The White House").
    stripped = False
    while words and words[0].lower() in STOP_CAPITALS:
        words, stripped = words[1:], True
    while words and words[-1].lower() in NAME_CONNECTORS:
        words = words[:-1]
    if words and opens_sentence and not stripped and words[0].lower().endswith("ing"):
        words, stripped = words[1:], True  # "Barring a delay, …" opens with no name
    if not words:
        return ""
    name = " ".join(words).rstrip(".,")
    if len(words) == 1:
        # A lone capital where the sentence begins is a name only if the
        # draft capitalises it elsewhere too ("Soleimani died…").
        if opens_sentence and not stripped and name not in known:
            return ""
        if MONTH_OR_DAY.fullmatch(name):
            return ""
    return name


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """The items in their first order, each once."""
    return tuple(dict.fromkeys(items))


def known_names(doc: Document) -> frozenset[str]:
    """Words the draft capitalises mid-sentence: names even where a sentence opens."""
    known: set[str] = set()
    for block in doc.blocks:
        for sentence in block.sentences:
            text = sentence.text
            first = first_letter(text)
            for match in NAME.finditer(text):
                words = match.group(0).split()
                # Only the word that opens a sentence may be capitalised for that alone.
                words = words[1:] if match.start() == first else words
                known.update(strip_possessive(w).rstrip(".,") for w in words)
    return frozenset(known)
