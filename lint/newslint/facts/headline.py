"""Headline and body: a number or name in the headline or standfirst that the
body never mentions, or mentions differently ("12 killed" over a story of 11
dead; "Suleimani" over a story about Soleimani).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.document import Block, Document
from newslint.facts.common import Disagreement, Place
from newslint.facts.counts import Count, body_counts, counts_in, disagree, same_group
from newslint.facts.numbers import NUMBER, is_year, show, value_of
from newslint.facts.people import CAPITAL_WORD
from newslint.facts.story import Story, story_of
from newslint.names.find import fold, is_ordinary
from newslint.names.shapes import skeleton
from newslint.runcontext import RunContext

# The same pattern as the people checks' index: compiled once for both.
_CAPITALISED = CAPITAL_WORD


def find(doc: Document, context: RunContext) -> Iterator[Disagreement]:
    story = story_of(doc, context)
    if not story.body:
        return
    yield from _numbers(doc, story, context)
    yield from _names(story)


@dataclass(frozen=True)
class _Body:
    """The body's figures, which the headline's are checked against."""

    values: frozenset[float]  # every number but years
    sums: frozenset[float]  # a headline may add up two: "900 rescued" over 700 and 200
    counts: list[Count]
    first: Block  # where "the body never gives" points


def _numbers(doc: Document, story: Story, context: RunContext) -> Iterator[Disagreement]:
    if not any(NUMBER.search(head.text) for head in story.headlines):
        return  # most headlines give no figure: the body's need not be read
    body = _body_figures(doc, story, context)
    for head in story.headlines:
        counts = {c.place.start: c for c in counts_in(doc, (head,))}
        for match in NUMBER.finditer(head.text):
            if not _body_gives(match, body):
                found = _figure(head, match, counts.get(match.start()), body)
                if found is not None:
                    yield found


def _body_figures(doc: Document, story: Story, context: RunContext) -> _Body:
    values = {value_of(m) for b in story.body for m in NUMBER.finditer(b.text) if not is_year(m)}
    sums = {a + b for a in values for b in values if len(values) < 80}
    return _Body(frozenset(values), frozenset(sums), body_counts(doc, context), story.body[0])


def _body_gives(match: re.Match[str], body: _Body) -> bool:
    """Whether a headline number needs no check: a year, "one", or a figure the body gives."""
    value = value_of(match)
    return (
        is_year(match) or value in body.values or value < 2 or (value >= 20 and value in body.sums)
    )


def _figure(
    head: Block, match: re.Match[str], count: Count | None, body: _Body
) -> Disagreement | None:
    """A headline figure the body does not give: against the body's count of the
    same group when there is one, else a note that the body never gives it."""
    value = value_of(match)
    here = Place(head, match.start(), match.end())
    other = None
    if count is not None:
        other = next((c for c in body.counts if same_group(count, c) and c.value != value), None)
    if count is not None and other is not None:
        return _against_body(here, match, count, other)
    return Disagreement(
        here,
        Place(body.first, 0, len(body.first.text)),
        {"match": match.group(0), "other": "the body",
         "problem": f"the body never gives {show(value)}"},
        sure=False,
    )  # fmt: skip


def _against_body(
    here: Place, match: re.Match[str], count: Count, other: Count
) -> Disagreement | None:
    # "At least 12" over 14 fits; "at least 170" over "107 or more" does not.
    both_low = count.low and other.low
    if not disagree(count, other) and not both_low:
        return None
    return Disagreement(
        here,
        other.place,
        {"match": match.group(0), "other": other.place.text,
         "problem": f"the body says {show(other.value)}"},
        sure=disagree(count, other) and not (count.approx or other.approx),
    )  # fmt: skip


def _names(story: Story) -> Iterator[Disagreement]:
    body_text = " ".join(fold(b.text) for b in story.body)
    missing = []  # headline words the body never uses as they are
    for head in story.headlines:
        for match in _CAPITALISED.finditer(head.text):
            word = match.group(1)
            if not any(c.islower() for c in word):
                continue  # an acronym
            key = fold(word)
            if len(key) >= 4 and key not in body_text and not is_ordinary(word):
                missing.append((head, match.start(), word, key))
    if not missing:
        return
    by_skeleton = _body_skeletons(story)
    for head, start, word, key in missing:
        near = by_skeleton.get(skeleton(key))
        if near is None or fold(near.text)[:1] != key[:1]:
            continue  # a headline word the body never uses is often a paraphrase
        yield Disagreement(
            Place(head, start, start + len(word)),
            near,
            {"match": word, "other": near.text, "problem": f"the body spells it “{near.text}”"},
        )


def _body_skeletons(story: Story) -> dict[str, Place]:
    """Each capitalised body word's first use, by its transliteration skeleton."""
    found: dict[str, Place] = {}
    seen: set[str] = set()
    for block in story.body:
        for match in _CAPITALISED.finditer(block.text):
            word = match.group(1)
            key = fold(word)
            if key not in seen:
                seen.add(key)
                place = Place(block, match.start(), match.start() + len(word))
                found.setdefault(skeleton(key), place)
    return found
