"""Arithmetic the story states: parts of one whole that sum past 100%,
"doubled from 40 to 60", "rose 20% from 50 to 70", "15 of the 12 passengers".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Block, Document
from newslint.facts.common import Disagreement, Place
from newslint.facts.numbers import NUMBER, show, value_of
from newslint.facts.story import story_of
from newslint.lazyregex import Lazy
from newslint.runcontext import RunContext

_PERCENT = Lazy(r"(?<![\d.,])(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)", re.I)
# Words that make percentages in one sentence changes, comparisons or parts of
# different wholes rather than shares of one.
_NOT_SHARES = Lazy(
    r"\bfrom\s+\S+\s+to\b|\b(?:rose|rise|risen|fell|fall|fallen|increase[ds]?|decrease[ds]?|"
    r"grew|growth|gain(?:ed|s)?|loss|lost|dropped|drop|than|compared|points?|turnout|"
    r"respectively|each|per|up by|down by|interest|rate|rates|margin|year|annual|annually|"
    r"while|whereas|"
    r"but|however|probability|chance|accuracy|confidence|among|of those|of them|of whom|"
    r"majority|least|most|over|under|more|less|nearly|almost|about|both)\b",
    re.I,
)
_FACTORS = {"doubled": 2.0, "doubling": 2.0, "double": 2.0, "tripled": 3.0, "triple": 3.0,
            "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5, "halve": 0.5}  # fmt: skip
_NUM = r"\$?(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:thousand|million|billion))?"
_FROM_TO = Lazy(
    rf"\bfrom\s+(?:about\s+|around\s+)?(?P<a>{_NUM})\s*(?:%|percent|per cent)?\s*"
    rf"(?:[a-z]+\s+){{0,2}}to\s+(?:about\s+|around\s+)?(?P<b>{_NUM})"
    rf"|\bto\s+(?P<b2>{_NUM})\s*(?:%|percent|per cent)?\s*(?:[a-z]+\s+){{0,2}}"
    rf"from\s+(?P<a2>{_NUM})",
    re.I,
)
_FACTOR_STEMS = ("doubl", "tripl", "trebl", "quadrupl", "halv")
_FACTOR_WORD = Lazy(
    r"\b(?P<word>doubled|doubling|double|tripled|triple|trebled|quadrupled|halved|halve)\b", re.I
)
_CHANGE = Lazy(
    r"\b(?P<dir>rose|risen|rise|rising|increased|increase|grew|grown|jumped|climbed|up|"
    r"fell|fallen|fall|falling|dropped|drop|declined|decline|decreased|decrease|down|cut)\b"
    r"(?:(?:\s+[a-z-]+){0,4}?\s+by)?\s+(?:about\s+|nearly\s+|almost\s+|some\s+)?"
    r"(?P<p>\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)",
    re.I,
)
_UP = frozenset(
    """rose risen rise rising increased increase grew grown jumped climbed up""".split()  # noqa: SIM905
)
_PART_WHOLE = Lazy(
    r"\b(?P<part>\d{1,3}(?:,\d{3})*|[a-z]+)\s+of\s+(?:the|its|their|his|her|all)\s+"
    r"(?P<whole>\d{1,3}(?:,\d{3})*|[a-z]+)\b(?!\s*%)(?!\s+per)",
    re.I,
)
_APPROX = Lazy(r"\b(?:nearly|almost|more than|over|about|around|roughly|some|at least)\s+$", re.I)


def _number(text: str) -> float | None:
    match = NUMBER.fullmatch(text.lstrip("$"))
    return value_of(match) if match else None


def _sentences(doc: Document, context: RunContext) -> Iterator[tuple[Block, int, str]]:
    for block in story_of(doc, context).body:
        for sentence in block.sentences or ():
            yield block, sentence.start, sentence.text


def find_percent_sums(doc: Document, context: RunContext) -> Iterator[Disagreement]:
    for block, base, text in _sentences(doc, context):
        if "%" not in text and "per" not in text:
            continue
        shares = list(_PERCENT.finditer(text))
        if len(shares) < 2 or _NOT_SHARES.search(text):
            continue
        total = sum(float(m.group("n")) for m in shares)
        # Each share may be rounded by half a point.
        if total <= 100 + 0.5 * len(shares):
            continue
        first, last = shares[0], shares[-1]
        yield Disagreement(
            Place(block, base + last.start(), base + last.end()),
            Place(block, base + first.start(), base + first.end()),
            {"match": last.group(0), "other": first.group(0),
             "problem": f"the shares {' + '.join(m.group(0) for m in shares)} add up to "
                        f"{total:g}%"},
            sure=len(shares) > 2,
        )  # fmt: skip


def find_changes(doc: Document, context: RunContext) -> Iterator[Disagreement]:
    for block, base, text in _sentences(doc, context):
        yield from _factor_changes(block, base, text)
        yield from _percent_changes(block, base, text)
        yield from _parts(block, base, text)


def _from_to(text: str, near: int) -> tuple[re.Match[str], float, float] | None:
    for match in _FROM_TO.finditer(text):
        if abs(match.start() - near) > 40:
            continue
        a = _number(match.group("a") or match.group("a2"))
        b = _number(match.group("b") or match.group("b2"))
        if a and b is not None:
            return match, a, b
    return None


def _factor_changes(block: Block, base: int, text: str) -> Iterator[Disagreement]:
    lower = text.lower()
    if "from" not in text or not any(stem in lower for stem in _FACTOR_STEMS):
        return
    for word in _FACTOR_WORD.finditer(text):
        found = _from_to(text, word.end())
        if found is None:
            continue
        span, a, b = found
        factor = _FACTORS[word.group("word").lower()]
        loose = bool(_APPROX.search(text[: word.start()]))
        tolerance = 0.25 if loose else 0.06
        if abs(b / a - factor) <= tolerance * factor:
            continue
        yield Disagreement(
            Place(block, base + word.start(), base + word.end()),
            Place(block, base + span.start(), base + span.end()),
            {"match": word.group(0), "other": span.group(0),
             "problem": f"{show(a)} to {show(b)} is {b / a:.2g} times, not {factor:g}"},
        )  # fmt: skip


def _percent_changes(block: Block, base: int, text: str) -> Iterator[Disagreement]:
    if "from" not in text or not _PERCENT.search(text):
        return
    for change in _CHANGE.finditer(text):
        found = _from_to(text, change.end())
        if found is None:
            continue
        span, a, b = found
        if "%" in span.group(0) or "percent" in span.group(0).lower():
            continue  # from 40% to 50%: points or per cent, the story does not say
        stated = float(change.group("p"))
        up = change.group("dir").lower() in _UP
        actual = (b - a) / a * 100
        if (actual >= 0) == up and abs(abs(actual) - stated) <= max(1.0, 0.05 * stated):
            continue
        yield Disagreement(
            Place(block, base + change.start(), base + change.end()),
            Place(block, base + span.start(), base + span.end()),
            {"match": change.group(0), "other": span.group(0),
             "problem": f"{show(a)} to {show(b)} is a change of {actual:+.1f}%"},
        )  # fmt: skip


def _parts(block: Block, base: int, text: str) -> Iterator[Disagreement]:
    if not any(f" of {w} " in text for w in ("the", "its", "their", "his", "her", "all")):
        return
    for match in _PART_WHOLE.finditer(text):
        part, whole = _number(match.group("part")), _number(match.group("whole"))
        if part is None or whole is None or part <= whole:
            continue
        yield Disagreement(
            Place(block, base + match.start("part"), base + match.end("part")),
            Place(block, base + match.start("whole"), base + match.end("whole")),
            {"match": match.group("part"), "other": match.group("whole"),
             "problem": f"{match.group('part')} of {match.group('whole')} is more than the whole"},
        )  # fmt: skip
