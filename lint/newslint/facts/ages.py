"""Ages and years: an age that does not fit a birth year and the story's date
("Soleimani, 58, born in 1957" in a story of January 2020), two ages for one
person, and a year span that does not add up ("for 42 years, from 1969 to
2012").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.document import Block, Document
from newslint.facts.common import Disagreement, Place
from newslint.facts.numbers import NUMBER, value_of
from newslint.facts.story import story_of
from newslint.lazyregex import Lazy
from newslint.names.find import is_ordinary
from newslint.runcontext import RunContext

_NAME = r"(?P<name>(?:(?:[A-Z]\.|[A-Z][\w'’-]+)\s+){0,3}[A-Z][\w'’-]+)"
# "Soleimani, 62,", "Jane Doe, aged 40,", "Jane Doe (40)", "62-year-old Jane Doe".
_AGE_AFTER = Lazy(rf"{_NAME},\s+(?:aged\s+)?(?P<age>\d{{1,3}})(?=,|\)|\s+(?:and|was|is|who)\b)")
_AGE_PAREN = Lazy(rf"{_NAME}\s+\((?:aged?\s+)?(?P<age>\d{{1,3}})\)")
_AGE_BEFORE = Lazy(rf"\b(?P<age>\d{{1,3}})-year-old\s+{_NAME}")
_AGE_APPOS = Lazy(rf"{_NAME},\s+(?:an?|the)\s+(?P<age>\d{{1,3}})-year-old\b")
_AGE_FIGURE = Lazy(r"(?:,|\()\s*(?:aged?\s+)?\d{1,3}\s*[,)]|\d-year-old|aged?\s+\d")
_BORN = Lazy(
    r"\b(?:born|b\.)\s+(?:on\s+|in\s+)?(?:(?P<month>[A-Z][a-z]+\.?)\s+(?P<day>\d{1,2}),?\s+)?"
    r"(?:in\s+)?(?P<year>(?:18|19|20)\d\d)\b"
)
_SPAN_WORDS = Lazy(
    r"\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ]years?\b(?:-long)?",
    re.I,
)
_YEARS = Lazy(
    r"\b(?:from|between|in)\s+(?P<y1>(?:1[5-9]|20)\d\d)\s*(?:to|until|till|through|and|-|–)\s*"
    r"(?P<y2>(?:1[5-9]|20)\d\d)\b|\((?P<y3>(?:1[5-9]|20)\d\d)\s*[-–]\s*(?P<y4>(?:1[5-9]|20)\d\d)\)"
)
# "aged 45", "45 years old": the number is itself an age.
_AGE_WORD = Lazy(r"\bages?\b|\bold\b|-old\b")
_APPROX = Lazy(
    r"(?:nearly|almost|about|around|some|over|more than|at least|roughly|close to|"
    r"under|less than|just|only|some|than)\s*$",
    re.I,
)
_SKIP_NAMES = frozenset({"The", "A", "An", "In", "On", "At", "And", "But", "Since", "Aged"})


@dataclass(frozen=True)
class Age:
    """A person's age as the draft gives it."""

    person: str  # the surname
    full: str  # the name as written, title and all
    age: int
    place: Place
    sentence: int  # index of the sentence in its block, -1 when unknown


def _surname(name: str) -> str:
    words = [w for w in name.split() if w not in _SKIP_NAMES]
    return words[-1].rstrip("'’s") if words else ""


def _sentence_index(block: Block, pos: int) -> int:
    for k, sentence in enumerate(block.sentences):
        if sentence.start <= pos < sentence.end:
            return k
    return -1


def ages_in(blocks: tuple[Block, ...]) -> list[Age]:
    found: list[Age] = []
    for block in blocks:
        # The name patterns are slow to try everywhere; an age needs its figure.
        if not _AGE_FIGURE.search(block.text):
            continue
        for pattern in (_AGE_AFTER, _AGE_PAREN, _AGE_BEFORE, _AGE_APPOS):
            for match in pattern.finditer(block.text):
                person = _surname(match.group("name"))
                age = int(match.group("age"))
                if person and 0 < age < 120:
                    place = Place(block, match.start("age"), match.end("age"))
                    index = _sentence_index(block, match.start())
                    found.append(Age(person, match.group("name"), age, place, index))
    return sorted(found, key=lambda a: (a.place.block.index, a.place.start))


def find_ages(doc: Document, context: RunContext) -> Iterator[Disagreement]:
    story = story_of(doc, context)
    ages = ages_in(story.body)
    yield from _two_ages(ages)
    if story.date is not None:
        yield from _birth_years(story.body, ages, story.date)


def _one_person(a: Age, b: Age, ages: list[Age]) -> bool:
    """Same surname, and nothing says they are two people (Thomas Sam, Manju Sam)."""
    if a.person != b.person:
        return False
    given_a, given_b = _given(a.full), _given(b.full)
    if given_a and given_b:
        return given_a[-1] == given_b[-1]
    givens = {_given(x.full)[-1] for x in ages if x.person == a.person and _given(x.full)}
    return len(givens) <= 1


def _given(name: str) -> list[str]:
    """The given names before the surname; "Later Doe" has none."""
    return [w for w in name.split()[:-1] if not is_ordinary(w)]


def _two_ages(ages: list[Age]) -> Iterator[Disagreement]:
    for k, later in enumerate(ages):
        for earlier in ages[:k]:
            if _one_person(earlier, later, ages) and earlier.age != later.age:
                yield Disagreement(
                    later.place,
                    earlier.place,
                    {
                        "match": later.place.text,
                        "other": earlier.place.text,
                        "person": later.person,
                        "problem": f"{later.person} is {earlier.age} earlier in the story",
                    },
                )
                break


def _birth_years(
    blocks: tuple[Block, ...], ages: list[Age], date: dt.date
) -> Iterator[Disagreement]:
    for block in blocks:
        if "born" not in block.text and "b." not in block.text:
            continue
        for match in _BORN.finditer(block.text):
            year = int(match.group("year"))
            sentence = _sentence_index(block, match.start())
            near = [a for a in ages if a.place.block is block and a.sentence == sentence]
            if not near:
                continue
            age = min(near, key=lambda a: abs(a.place.start - match.start()))
            fits = {date.year - year - 1, date.year - year}
            if age.age in fits:
                continue
            there = Place(block, match.start("year"), match.end("year"))
            yield Disagreement(
                age.place,
                there,
                {
                    "match": age.place.text,
                    "other": there.text,
                    "person": age.person,
                    "problem": f"born in {year}, {age.person} would be "
                    f"{min(fits)} or {max(fits)} on {date.isoformat()}",
                },
            )


def find_spans(doc: Document, context: RunContext) -> Iterator[Disagreement]:
    story = story_of(doc, context)
    for block in story.body:
        for sentence in block.sentences or ():
            yield from _spans_in(block, sentence.start, sentence.text)


def _spans_in(block: Block, base: int, text: str) -> Iterator[Disagreement]:
    if "year" not in text:
        return
    spans = list(_YEARS.finditer(text))
    if len(spans) != 1:
        return  # with two spans in a sentence, which count goes with which is a guess
    span = spans[0]
    y1 = int(span.group("y1") or span.group("y3"))
    y2 = int(span.group("y2") or span.group("y4"))
    if y2 <= y1:
        return
    for match in _SPAN_WORDS.finditer(text):
        number = NUMBER.fullmatch(match.group("n"))
        if number is None or abs(match.start() - span.start()) > 60:
            continue
        stated = int(value_of(number))
        diff = y2 - y1
        off = abs(diff - stated)
        approx = bool(_APPROX.search(text[: match.start()]))
        if (
            off == 0
            or (approx and off <= 2)
            or _AGE_WORD.search(text[match.end() : match.end() + 6])
        ):
            continue
        here = Place(block, base + match.start(), base + match.end())
        there = Place(block, base + span.start(), base + span.end())
        yield Disagreement(
            here,
            there,
            {
                "match": match.group(0),
                "other": there.text,
                "problem": f"{y1} to {y2} is {diff} years",
            },
            sure=off > 1,
        )
        return
