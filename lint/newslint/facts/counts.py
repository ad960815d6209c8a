"""Counts that disagree: "killed 12 people" in the lede, "the 11 victims" later.

A count is a number and what it counts: a noun after it ("12 people", "three
U.S. soldiers"), or a casualty figure however it is worded ("killing 12", "12
dead", "a death toll of 12"). Two counts are of one thing when their nouns
(or casualty class) match, their modifiers can describe the same group
(U.S. and American can; Iranian and American cannot), and their events agree
(killed, injured, arrested...). They disagree when their ranges cannot meet:
"at least 12" meets 14, "12" does not meet 11. A story that says the figure
changed ("rose to 12", "initially", "updated") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.document import Block, Document
from newslint.facts.common import Disagreement, Place, sentence_text
from newslint.facts.numbers import NUMBER, is_year, show, value_of
from newslint.facts.story import MONTH_NAMES, story_of
from newslint.lazyregex import Lazy
from newslint.runcontext import RunContext

_WORD = Lazy(r"[A-Za-z][A-Za-z.'’-]*")
# Events a count of people is about; the first word names the class.
EVENTS = {
    "killed": "killed kill killing kills dead died die dying deaths death fatalities "
    "fatality victims bodies lives perished murdered massacred slain",
    "injured": "injured injuring injure injuries wounded wounding wounds hurt hospitalised "
    "hospitalized",
    "arrested": "arrested arresting arrests detained detaining detainees custody",
    "missing": "missing unaccounted",
    "rescued": "rescued rescuing saved",
    "evacuated": "evacuated evacuating",
}
EVENT_OF = {w: cls for cls, words in EVENTS.items() for w in words.split()}
# Nouns that say nothing of the group without an event.
GENERIC = frozenset(
    """
    people persons person men women children others members residents individuals
    civilians adults
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Nouns that are the event: "12 victims", "12 dead".
EVENT_NOUNS = {
    "victims": "killed", "dead": "killed", "deaths": "killed", "fatalities": "killed",
    "bodies": "killed", "injured": "injured", "wounded": "injured", "injuries": "injured",
    "arrests": "arrested", "detainees": "arrested",
}  # fmt: skip
# Units and measures: a number of them is an amount, not a group.
UNITS = frozenset(
    """
    year years month months week weeks day days hour hours minute minutes second
    seconds time times percent per cent km kilometres kilometers miles mile metres
    meters metre meter feet foot ft inches kg kilograms tonnes tons pounds dollars
    euros cents yen points point degrees p.m. a.m. pm am o'clock mph kph square
    cubic gallons litres liters acres hectares decades decade centuries century
    round rounds th st nd rd million billion thousand hundred times-a-day
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_STOP = frozenset(
    """
    the a an of and or but to in on at by for from with as was were is are be been
    have has had will would who which that this these those than into over under
    after before during while when where it its their his her they he she we our
    more other others said says told
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_SAME = {"american": "us", "americans": "us", "u.s.": "us", "us": "us", "america": "us",
         "british": "uk", "u.k.": "uk", "uk": "uk"}  # fmt: skip
_LOW = r"(?:at least|more than|over|upwards of|in excess of|or more|or so|plus)"
_APPROX = (
    r"(?:about|around|nearly|almost|some|roughly|approximately|an estimated|estimated|"
    r"close to|up to|at most|fewer than|less than|under|as many as|no more than|"
    r"maybe|perhaps|possibly|reportedly|between|several)"
)
_BEFORE_LOW = Lazy(rf"\b{_LOW}\s*$", re.I)
_BEFORE_APPROX = Lazy(rf"\b{_APPROX}\s*$", re.I)
_AFTER_LOW = Lazy(r"^\s*(?:or more|or so|\+|plus)\b", re.I)
_AFTER_RANGE = Lazy(r"^\s*(?:or|to|-|–|and)\s*(?:\d|one|two|three|four|five|six|seven)", re.I)
# The second number of a range: "10 to 12".
_RANGE_WORD_END = Lazy(r"\b(?:and|or|to|-|–)\s*$")
_RANGE_END = Lazy(r"\d\s*(?:and|or|to|-|–)\s*$")
_SKIP_BEFORE = Lazy(
    rf"(?:\b(?:another|other|additional|further|extra|first|last|top|next|final|No\.|"
    rf"number|aged?|ages|of|per|every|each|than|page|chapter|route|flight|room|"
    rf"Article|Section|Resolution|Act|{MONTH_NAMES})|[$£€#:/])\s*$",
    re.I,
)
_SKIP_AFTER = Lazy(
    r"^(?:\s*(?:of|more|others|other|additional|per|percent|per cent|to \d|:|/|\.\d|%)"
    r"|-(?:year|month|day|week|hour|minute|metre|meter|mile|km)|st\b|nd\b|rd\b|th\b)",
    re.I,
)
_DEFINITE = Lazy(r"\b(?:the|all|these|those|both|its|their|our)\s+$", re.I)
# The story says a figure moved, or was first reported differently.
UPDATE = Lazy(
    r"\b(?:rose|risen|rising|rises|climbed|climbing|increased|increasing|grew|grown|"
    r"revised|updated|initially|originally|first reported|earlier reports?|at first|"
    r"later|now|fell|dropped|has reached|reached|toll|jumped|up from|down from|"
    r"previous|previously|had been|so far|to date|another|total|totals|totalled|altogether|"
    r"including|includes|included|among them|of them|of whom|of which)\b",
    re.I,
)


@dataclass(frozen=True)
class Count:
    """A figure the draft gives for something counted."""

    place: Place
    value: float
    low: bool  # "at least", "more than": the true figure may be higher
    approx: bool  # "about", "nearly", "up to": near, either side
    noun: str  # what is counted (plural kept), or the event class
    modifiers: frozenset[str]
    event: str
    sentence: str
    definite: bool = False  # "the 11 victims": refers back to a group named before

    def range(self) -> tuple[float, float]:
        if self.low:
            return self.value, float("inf")
        if self.approx:
            return self.value * 0.6, self.value * 1.4
        return self.value, self.value


def body_counts(doc: Document, context: RunContext) -> list[Count]:
    """The body's counts, read once per draft (the headline rule compares with them)."""
    return context.shared("facts.counts", lambda: counts_in(doc, story_of(doc, context).body))


def counts_in(doc: Document, blocks: tuple[Block, ...]) -> list[Count]:
    found: list[Count] = []
    for block in blocks:
        for match in NUMBER.finditer(block.text):
            count = _count_at(block, match)
            if count is not None:
                found.append(count)
    return found


def _count_at(block: Block, match: re.Match[str]) -> Count | None:
    before = block.text[max(0, match.start() - 40) : match.start()]
    after = block.text[match.end() :]
    if _not_a_count(match, before, after):
        return None
    value = value_of(match)
    if value < 2 and not match.group("fig"):
        return None  # "one" is far more often a pronoun or "a"
    phrase = _phrase_after(after)
    if phrase is None:
        return None  # a unit follows: an amount, not a group
    modifiers, reach = phrase
    counted = _what_is_counted(modifiers.pop() if modifiers else "", before, after)
    if counted is None:
        return None
    noun, event = counted
    _, sentence = sentence_text(block, match.start())
    low = bool(_BEFORE_LOW.search(before) or _AFTER_LOW.match(after))
    approx = bool(_BEFORE_APPROX.search(before))
    mods = frozenset(_SAME.get(m, m) for m in modifiers)
    place = Place(block, match.start(), match.end() + reach)
    definite = bool(_DEFINITE.search(before))
    return Count(place, value, low, approx, noun, mods, event, sentence, definite)


def _not_a_count(match: re.Match[str], before: str, after: str) -> bool:
    """A year, a decimal, a number that its neighbours make a rank, an amount or
    a list's, or the second number of a range ("10 to 12")."""
    if is_year(match) or (match.group("fig") and "." in match.group("fig")):
        return True
    if _SKIP_BEFORE.search(before) or _SKIP_AFTER.match(after) or _AFTER_RANGE.match(after):
        return True
    return bool(_RANGE_WORD_END.search(before) and _RANGE_END.search(before))


_SPACES = (" ", "\u00a0")


def _phrase_after(after: str) -> tuple[list[str], int] | None:
    """The words right after a number, lower-cased, that may say what it counts
    ("three U.S. soldiers"), and where they end past the number (0: none);
    None when a unit stands among them."""
    words = [(m.group(0), m.start()) for m in _WORD.finditer(after[:60])]
    keys: list[str] = []
    reach = 0
    if not words or after[: words[0][1]] not in _SPACES:
        return keys, reach
    for k, (word, offset) in enumerate(words[:4]):
        key = word.lower().rstrip(".") if word != "U.S." else "u.s."
        if key in _STOP or (key in UNITS and k == 0):
            break
        if k and after[words[k - 1][1] + len(words[k - 1][0]) : offset] not in _SPACES:
            break
        if key in UNITS:
            return None
        keys.append(key)
        reach = offset + len(word.rstrip("."))
        if not word[:1].isupper() and key not in _SAME:
            break  # a lower-case word ends the phrase: "three soldiers"
    return keys, reach


def _what_is_counted(noun: str, before: str, after: str) -> tuple[str, str] | None:
    """The noun a count is compared by and its event ("" when none), or None
    when it counts nothing a story restates (a name, a possessive)."""
    event = EVENT_NOUNS.get(noun, "") or _event_near(before, after)
    if not noun or noun in GENERIC or noun in EVENT_NOUNS:
        # "killing 12", "12 people died", "12 victims": the event is what is counted.
        return (event, event) if event else None
    if not noun.isalpha() or noun.endswith("'s") or noun[:1].isupper():
        return None
    return noun, event


def _event_near(before: str, after: str) -> str:
    """The event a casualty figure is about: "killing 12", "12 were killed"."""
    after_words = [w.lower().rstrip(".") for w in _WORD.findall(after[:50])][:5]
    for word in after_words:
        if word in EVENT_OF:
            return EVENT_OF[word]
        if word in ("and", "but", "while", "whereas"):
            break
    before_words = [w.lower().rstrip(".") for w in _WORD.findall(before)][-3:]
    for word in reversed(before_words):
        if word in EVENT_OF and word not in ("victims", "bodies", "lives"):
            return EVENT_OF[word]
    return ""


def same_group(a: Count, b: Count) -> bool:
    """Whether ``b`` (the later count) can be of the group ``a`` counts.

    Casualty counts are one group however the story words them. Other nouns
    ("votes", "teams") count many groups in one story, so the later one must
    refer back ("the 11 soldiers") or both must say the same kind ("U.S.
    soldiers", "American soldiers").
    """
    if a.noun != b.noun:
        return False
    if a.noun in EVENTS:
        return a.modifiers <= b.modifiers or b.modifiers <= a.modifiers
    # "Three soldiers were wounded ... the two soldiers were flown home": a
    # reference back need not repeat the event, but two events differ.
    if a.event and b.event and a.event != b.event:
        return False
    return a.modifiers == b.modifiers and (b.definite or bool(a.modifiers))


def disagree(a: Count, b: Count) -> bool:
    (alo, ahi), (blo, bhi) = a.range(), b.range()
    return ahi < blo or bhi < alo


def find(doc: Document, context: RunContext) -> Iterator[Disagreement]:
    counts = body_counts(doc, context)
    for k, later in enumerate(counts):
        if UPDATE.search(later.sentence):
            continue
        for earlier in counts[:k]:
            if later.place.block is earlier.place.block and later.sentence == earlier.sentence:
                continue
            if not same_group(earlier, later) or not disagree(earlier, later):
                continue
            if UPDATE.search(earlier.sentence):
                continue
            yield Disagreement(
                later.place,
                earlier.place,
                {
                    "match": later.place.text,
                    "other": earlier.place.text,
                    "thing": later.noun,
                    "value": show(later.value),
                    "other_value": show(earlier.value),
                },
                sure=not (later.low or later.approx or earlier.low or earlier.approx),
            )
            break
