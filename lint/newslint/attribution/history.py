"""History: a figure or a toll from an event long before the story is background.

An editor asks for a source for last week's death toll, not for the
Challenger's in a 2011 story: a count from an event the sentence places years
before the story's date is public record. The rule (issue 10, item 1): an
unsourced claim whose tier is a count (a figure, a casualty count, a count of
forces or arms) becomes a suggestion when every year the sentence places its
event in is at least ``history_years`` (the pack's setting) before the story's
year, and nothing in it is recent or runs up to now:

- the story's year is its date (front matter ``date:`` or a dateline, as the
  ``facts.*`` rules read it); a draft with no date is measured against the
  latest year it names anywhere, not a year still to come (a draft names its
  own news, and "by 2030" is a plan; with no year at all nothing is history);
- a year places an event after "in", "on", "of", "during", "by", "back in",
  "as of", a month or a day ("January 28, 1986"), or "the" ("the 2003
  disaster"); a decade counts by its last year ("the 1980s": 1989), a range by
  its end ("1969-1970", "the 2006-07 season"), and the years of a list after
  the first are placed too ("in 2003, 2005 and 2007"); "after", "following",
  "until" place nothing;
- a recent time (a relative day such as "last week" or "today", a weekday, a
  month with no year, "now", "recently", "ago") keeps the warning, and so does
  a trend or a state up to now ("since 2007", "has risen", "remains");
- so does a sentence opening with an aside ("Apart from the 1,200 lives lost
  in 1987, …"): its main clause is another claim, in no year.
"""

from __future__ import annotations

import datetime
import re

from newslint.attribution.facts import DAYS, MONTHS, RELATIVE_DAYS
from newslint.attribution.tiers import BACKGROUND, TIER_LISTS, Tier
from newslint.document import Document
from newslint.facts.story import story_of
from newslint.lazyregex import Lazy
from newslint.runcontext import RunContext

# The tiers a count makes: what history turns into background (not an accusation,
# a cause or a motive: those are someone's account, however old).
COUNT_TIERS = frozenset(("a figure", "a casualty count", TIER_LISTS["forces"]))

_FOUR = r"(?:1[6-9]|20)\d\d"
# A range may end in two digits, as a season does ("the 2006-07 season": 2007),
# with no space around its dash: "in 1994 – 12 of the crew died" is no range.
_YEAR = rf"(?P<year>{_FOUR})(?P<decade>s)?(?:\s?[-–]\s?(?P<end>{_FOUR})|[-–](?P<short>\d\d(?!\d)))?"
# "a crowd of 2000 people", "the 1800 troops": a count, no year.
_NOT_A_COUNT = (
    r"(?!\s+(?:people|persons|men|women|children|soldiers|troops|workers|passengers|residents"
    r"|votes|voters|deaths|dead|lives|casualties|jobs|homes|houses|families|dollars|euros"
    r"|pounds|students|members|copies|units|miles|kilometres|kilometers|feet|metres|meters)\b)"
)
# The word before a year that says how the year stands to the event.
_PLACED = Lazy(
    r"\b(?P<word>in|on|of|during|by|as\s+of|back\s+in|early|late|mid|around|circa|the"
    r"|after|following|since|until|till|through|year"
    rf"|(?:{MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?)[\s-]+{_YEAR}\b(?![.,]\d)"
    rf"{_NOT_A_COUNT}",
    re.I,
)
# More years after a placed one, in a list that a conjunction closes ("in 2003,
# 2005 and 2007"); without one, "In 1990, 2000 died" is a year and a count.
_LIST = Lazy(rf"(?:\s*,\s*{_FOUR})*,?\s+(?:and|or)\s+{_FOUR}\b(?![.,]\d){_NOT_A_COUNT}", re.I)
_FOUR_DIGITS = Lazy(r"\d{4}")
_NOT_PLACING = frozenset(("after", "following", "until", "till", "through"))
# "after the 2003 disaster": "the" after a word that places nothing, looked for
# only just before it (the sentence up to each year made a long one quadratic).
_WORD_REACH = 40
_BEFORE_THE = Lazy(r"\b(?:after|following|since|until|till|through)\s+$", re.I)
_RECENT = Lazy(
    rf"\b(?:{RELATIVE_DAYS}|(?:{DAYS})s?|now|nowadays|currently|recently|so\s+far|to\s+date"
    r"|ago|still|since|ever\s+since|remains?|continues?|(?:is|are)\s+(?:\w+ly\s+)?\w+ing"
    r"|(?:has|have|hasn['’]t|haven['’]t)\s+(?:\w+ly\s+)?(?:been|\w+(?:ed|en|wn|ght|un)))\b",
    re.I,
)
# A month with no year after it: a date in the story's own time (a whole word:
# "Mayor" and "Marchers" are no months).
_MONTH_ALONE = Lazy(
    rf"\b(?:{MONTHS})(?!\w)(?!\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|,?\s+\d{{4}}|\s+of\s+\d{{4}})",
)
# "Apart from the 1,200 lives lost in 1987, the force was unpopular": an aside first.
_ASIDE = Lazy(
    r"^\W*(?:apart\s+from|aside\s+from|besides|beyond|in\s+addition\s+to|unlike|like)\b", re.I
)


def placed_years(voice: str) -> tuple[int, ...] | None:
    """The years the sentence places its event in; None when one places nothing."""
    placed = _placed(voice)
    return None if placed is None else tuple(year for year, _ in placed)


def _placed(voice: str) -> list[tuple[int, str]] | None:
    """Each year placed, with its words as the sentence has them ("the 1990s": 1999)."""
    years = []
    for match in _PLACED.finditer(voice):
        word = match["word"].lower()
        if word in _NOT_PLACING or (
            word == "the"
            and _BEFORE_THE.search(voice, max(0, match.start() - _WORD_REACH), match.start())
        ):
            return None  # "after the 2003 disaster": the event is later, year unknown
        written = voice[match.start("year") : match.end()]
        years.append((_last_year(match), f"the {written}" if match["decade"] else written))
        years.extend((int(y), y) for y in _listed(voice, match.end()))
    return years


def _listed(text: str, end: int) -> list[str]:
    """The years of a list after a placed year that ends at ``end`` ("2003, 2005 and 2007")."""
    more = _LIST.match(text, end)
    return _FOUR_DIGITS.findall(more.group()) if more else []


def _last_year(match: re.Match[str]) -> int:
    """A placed year, a decade's last year or a range's end ("1999-00": 2000)."""
    year = int(match["year"])
    if match["short"]:
        full = year // 100 * 100 + int(match["short"])
        return full if full >= year else full + 100
    end = match["end"]
    if end:
        return int(end)
    return year + 9 if match["decade"] else year


def story_year(doc: Document, context: RunContext) -> tuple[int | None, bool]:
    """The story's year, and whether it is its date (else the latest year the draft names)."""
    return context.shared("attribution.story-year", lambda: _story_year(doc, context))


def _story_year(doc: Document, context: RunContext) -> tuple[int | None, bool]:
    story = story_of(doc, context)
    if story.date is not None:
        return story.date.year, True
    # A year still to come is a plan ("500 homes by 2030"), not the story's time.
    this_year = datetime.date.today().year
    found = [y for block in doc.blocks for y in _years_named(block.text) if y <= this_year]
    return (max(found), False) if found else (None, False)


def _years_named(text: str) -> list[int]:
    """Every year ``text`` names, "after 2003" too: a paragraph that says
    "rebuilt in 2010, years after the 1994 floods" still names 2010."""
    years = []
    for match in _PLACED.finditer(text):
        years.append(_last_year(match))
        years.extend(int(y) for y in _listed(text, match.end()))
    return years


def history_tier(voice: str, tier: Tier, year: int | None, dated: bool, gap: int) -> Tier | None:
    """The background tier for a count from an event ``gap`` years or more before the story."""
    if year is None or tier.what not in COUNT_TIERS or _ASIDE.match(voice):
        return None
    placed = _placed(voice)
    if not placed or _RECENT.search(voice) or _MONTH_ALONE.search(voice):
        return None
    event, written = max(placed)
    if year - event < gap:
        return None
    before = "the story's date" if dated else f"{year}, the latest year the draft names"
    return Tier(
        BACKGROUND, f"history ({written}, {year - event} years before {before}): {tier.what}"
    )
