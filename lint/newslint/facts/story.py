"""The story around the body: its date, headline and standfirst.

The front matter is read here with a line reader (``title:``, ``description:``,
``date:``), not YAML: the parser loads YAML only for newslint's own options,
and these three keys are plain one-line values. The headline and standfirst
become blocks of their own, with exact source offsets, so findings can point
at them like at any heading.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from dataclasses import dataclass

from newslint.document import Block, Document
from newslint.lazyregex import Lazy
from newslint.parse import split_front_matter
from newslint.runcontext import RunContext

_FIELD = Lazy(r"^(title|description|date|dateline):[ \t]*(.*?)[ \t]*$", re.M)
_ISO = Lazy(r"(\d{4})-(\d{2})-(\d{2})")
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        """
    january february march april may june july august september october november
    december
    """.split()  # noqa: SIM905 - a word list reads better as text
    )
}
MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?"
    r"|Dec\.?)"
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_NAMES = "(?:" + "|".join(DAYS) + ")"
# A dateline: "Thursday, January 12, 2006" or "LONDON, Jan. 3 (Reuters) -" at a
# paragraph's start.
_DATELINE = Lazy(
    rf"^(?:[A-Z][A-Z .'-]+,\s+)?(?:{DAY_NAMES},?\s+)?(?P<month>{MONTH_NAMES})\s+"
    rf"(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
)


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBR.get(key[:4]) or MONTH_ABBR.get(key[:3], 0)


@dataclass(frozen=True)
class Story:
    """What the checks need to know about the story as a whole."""

    date: dt.date | None
    date_block: Block | None  # where the date is written: front matter, else dateline
    dateline: Block | None  # a dateline paragraph, when there is one
    headlines: tuple[Block, ...]  # front-matter title and description, first heading
    body: tuple[Block, ...]  # every other block


def story_of(doc: Document, context: RunContext) -> Story:
    """Read once per document; every facts rule shares it."""
    return context.shared("facts.story", lambda: _read_story(doc))


def _read_story(doc: Document) -> Story:
    fields = _front_fields(doc)
    date = _iso_date(fields["date"].text) if "date" in fields else None
    headlines = [fields[k] for k in ("title", "description") if k in fields]
    body: list[Block] = []
    date_block = fields.get("date") if date else None
    dateline = None
    first_heading = True
    for block in doc.blocks:
        if block.kind == "heading" and first_heading and not body:
            first_heading = False
            # The heading repeats the front-matter title: read it once, here.
            headlines = [h for h in headlines if h.text.strip() != block.text.strip()]
            headlines.append(block)
            continue
        if dateline is None and not any(b.kind == "paragraph" for b in body):
            found = _dateline(block)
            if found is not None:
                # The dateline is the date the reader sees; it wins.
                dateline, date, date_block = block, found, block
                if len(block.text) <= 40:  # a dateline line of its own
                    continue
        body.append(block)
    return Story(date, date_block, dateline, tuple(headlines), tuple(body))


def _front_fields(doc: Document) -> dict[str, Block]:
    front, _ = split_front_matter(doc.source)
    if front is None:
        return {}
    fields: dict[str, Block] = {}
    base = 4  # after the opening "---\n"
    for match in _FIELD.finditer(front):
        value, start = match.group(2), match.start(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value, start = value[1:-1], start + 1
        if not value:
            continue
        offsets = array("l", range(base + start, base + start + len(value)))
        fields[match.group(1)] = Block(-1, "heading", value, offsets, level=1)
    return fields


def _iso_date(text: str) -> dt.date | None:
    match = _ISO.match(text)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _dateline(block: Block) -> dt.date | None:
    if not any(c.isdigit() for c in block.text[:60]):
        return None
    match = _DATELINE.match(block.text)
    if not match:
        return None
    try:
        return dt.date(int(match["year"]), month_number(match["month"]), int(match["day"]))
    except ValueError:
        return None
