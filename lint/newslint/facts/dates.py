"""Dates and weekdays: "Tuesday, Jan. 3, 2020" (a Friday), "yesterday (Monday)".

A weekday written next to a date must be that date's weekday; with no year,
the year is the story's (from the front-matter ``date`` or the dateline),
taken within six months of it. A relative day put next to a weekday or date
("yesterday, Monday,", "today (January 12)") must agree with the story's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from newslint.document import Block, Document
from newslint.facts.common import Disagreement, Place
from newslint.facts.story import DAY_NAMES, DAYS, MONTH_NAMES, Story, month_number, story_of
from newslint.lazyregex import Lazy
from newslint.runcontext import RunContext

_ORD = r"(?:st|nd|rd|th)?"
# Weekday then date: "Tuesday, January 3, 2020", "Tuesday 3 January", "Tuesday, the 3rd of Jan."
_WEEKDAY_DATE = Lazy(
    rf"\b(?P<weekday>{DAY_NAMES})\b,?\s*\(?(?:the\s+)?(?:"
    rf"(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}}){_ORD}\b"
    rf"|(?P<day2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<month2>{MONTH_NAMES}))"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)
# Date then weekday in brackets: "January 3 (Tuesday)".
_DATE_WEEKDAY = Lazy(
    rf"\b(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}}){_ORD}(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    rf"\s*\((?P<weekday>{DAY_NAMES})\)"
)
_RELATIVE = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1,
             "this morning": 0, "this afternoon": 0, "this evening": 0}  # fmt: skip
_RELATIVE_WORDS = ("yesterday", "today", "tonight", "tomorrow", "last night", "this ")
_REL = r"(?:yesterday|today|tonight|tomorrow|last night|this morning|this afternoon|this evening)"
# "yesterday (Monday)", "yesterday, Monday,", "Monday (yesterday)", "today, January 12,".
_REL_DAY = Lazy(
    rf"\b(?P<rel>{_REL})\b(?:,\s*|\s*\(\s*|\s+on\s+)(?P<weekday>{DAY_NAMES})\b(?!,?\s*{MONTH_NAMES})"
    rf"|\b(?P<weekday2>{DAY_NAMES})\s*\(\s*(?P<rel2>{_REL})\s*\)"
    rf"|\b(?P<rel3>{_REL})\b(?:,\s*|\s*\(\s*)(?:(?:on\s+)?{DAY_NAMES},?\s+)?"
    rf"(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}}){_ORD}\b",
    re.I,
)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _near_story(month: int, day: int, story: Story) -> dt.date | None:
    """The date nearest the story's date with this month and day."""
    story_date = story.date
    if story_date is None:
        return None
    options = [_date(story_date.year + k, month, day) for k in (-1, 0, 1)]
    return min(
        (d for d in options if d is not None),
        key=lambda d: abs((d - story_date).days),
        default=None,
    )


def _blocks(story: Story) -> tuple[Block, ...]:
    head = (story.dateline,) if story.dateline is not None else ()
    return (*story.headlines, *head, *story.body)


def find_weekdays(doc: Document, context: RunContext) -> Iterator[Disagreement]:
    story = story_of(doc, context)
    seen: set[tuple[int, int]] = set()
    for block in _blocks(story):
        if not any(day in block.text for day in DAYS):
            continue
        for pattern in (_WEEKDAY_DATE, _DATE_WEEKDAY):
            for match in pattern.finditer(block.text):
                if (id(block), match.start("weekday")) in seen:
                    continue
                seen.add((id(block), match.start("weekday")))
                found = _check_weekday(block, match, story)
                if found is not None:
                    yield found


def _check_weekday(block: Block, match: re.Match[str], story: Story) -> Disagreement | None:
    groups = match.groupdict()
    month_name = groups.get("month") or groups.get("month2") or ""
    day = int(groups.get("day") or groups.get("day2") or 0)
    month = month_number(month_name)
    year = groups.get("year")
    date = _date(int(year), month, day) if year else _near_story(month, day, story)
    if date is None:
        return None
    written = match.group("weekday")
    actual = DAYS[date.weekday()]
    if written.lower() == actual.lower():
        return None
    date_start = match.start("month") if groups.get("month") else match.start("day2")
    here = Place(block, match.start("weekday"), match.end("weekday"))
    there = Place(block, min(date_start, match.end()), match.end())
    shown = f"{date.strftime('%B')} {date.day}, {date.year}"
    return Disagreement(
        here,
        there,
        {"match": written, "date": shown, "weekday": actual, "other": there.text},
        sure=bool(year),
    )


def find_relative(doc: Document, context: RunContext) -> Iterator[Disagreement]:
    story = story_of(doc, context)
    if story.date is None:
        return
    for block in story.body:
        lower = block.text.lower()
        if not any(word in lower for word in _RELATIVE_WORDS):
            continue
        for match in _REL_DAY.finditer(block.text):
            rel = (match.group("rel") or match.group("rel2") or match.group("rel3")).lower()
            meant = story.date + dt.timedelta(days=_RELATIVE[rel])
            if match.group("month"):
                date = _near_story(
                    month_number(match.group("month")), int(match.group("day")), story
                )
                if date is None or date == meant:
                    continue
                said = f"{date.strftime('%B')} {date.day}"
                span = (match.start("month"), match.end("day"))
            else:
                weekday = match.group("weekday") or match.group("weekday2")
                if weekday.lower() == DAYS[meant.weekday()].lower():
                    continue
                said = weekday
                which = "weekday" if match.group("weekday") else "weekday2"
                span = (match.start(which), match.end(which))
            here = Place(block, *span)
            there = story.date_block or (story.headlines[0] if story.headlines else block)
            dated = story.date.strftime("%A, %B ") + f"{story.date.day}, {story.date.year}"
            yield Disagreement(
                here,
                Place(there, 0, len(there.text)),
                {
                    "match": said,
                    "relative": rel,
                    "meant": f"{DAYS[meant.weekday()]}, {meant.strftime('%B')} {meant.day}",
                    "story_date": dated,
                    "other": dated,
                },
            )
