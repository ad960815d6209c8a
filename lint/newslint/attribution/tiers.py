"""Check-worthiness: how badly an unsourced claim needs a source.

After the published definitions of check-worthy claims (ClaimBuster's
"check-worthy factual sentences", the CheckThat! lab's claims "of interest
to the public", Full Fact's claim types: quantities, correlation and
causation, predictions, rules, personal experience), written as our own
rules. A claim an editor would hold for a source is *high*: a figure, a
record, a cause or blame, an accusation, a casualty count, a prediction
stated as fact, what someone intends. Anything else is *background*: true
or not, it is public record, scheduled, or common knowledge, and worth a
look on the fact-check sheet but not a warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newslint.attribution.facts import Facts
from newslint.attribution.lexicon import Cue
from newslint.lazyregex import Lazy

HIGH = "high"
BACKGROUND = "background"

# Cue list → what the claim is, for the message ("a figure with no source").
TIER_LISTS = {
    "casualties": "a casualty count",
    "wrongdoing": "an accusation",
    "causes": "a cause or blame",
    "records": "a record or superlative",
    "force": "an act of force",
    "forces": "a count of forces or arms",
    "predictions": "a prediction stated as fact",
    "motives": "a motive",
    "intentions": "what someone intends",
    "minds": "what someone knew or felt",
    "decisions": "what someone decided",
    "assertions": "a sweeping assertion",
    "judgements": "a verdict stated as fact",
    "trends": "a trend stated as fact",
}
_ORDINAL = Lazy(r"^\d+(?:st|nd|rd|th)$")
_SCORE = Lazy(r"\b\d{1,2}\s?[–-]\s?\d{1,2}\b")


@dataclass(frozen=True)
class Tier:
    """How badly a claim needs a source, and what makes it so."""

    level: str  # high | background
    what: str  # "a figure", "a casualty count", "background"

    @property
    def high(self) -> bool:
        return self.level == HIGH


NOT_RATED = Tier(BACKGROUND, "a background fact")  # what a sentence that is no claim carries


def tier_of(voice: str, found: Sequence[Cue], facts: Facts) -> Tier:
    """The check-worthiness of a claim in the writer's voice."""
    categories = {c.category for c in found}
    if "casualties" in categories and counts(voice, facts):
        return Tier(HIGH, "a casualty count")
    if any(_killing(voice, c) for c in found if c.category == "casualties"):
        return Tier(HIGH, "an accusation")
    if any(_counted(voice, c, facts) for c in found if c.category == "forces"):
        return Tier(HIGH, TIER_LISTS["forces"])
    for category in ("intentions", "predictions"):
        if category in categories and _scheduled(voice, found, facts, category):
            categories.discard(category)
    for category, what in TIER_LISTS.items():
        # Deaths and injuries, troops and arms without a figure are told by the rest.
        if category in categories and category not in ("casualties", "forces"):
            return Tier(HIGH, what)
    if statistics(voice, facts) or _estimate(voice, facts):
        return Tier(HIGH, "a figure")
    return Tier(BACKGROUND, "a background fact")


# "plans to meet … tomorrow", "intends to visit Kyiv on Friday": an appearance on the
# calendar is a scheduled fact, not an intention to source; "plans to attack" is not.
_APPEARANCE = Lazy(
    r"\s+(?:meet|visit|attend|hold|host|speak|address|travel|tour|open|launch|release|"
    r"present|appear|perform|unveil|sign|vote|testify|return|publish)\b",
    re.I,
)
_WHEN = Lazy(
    r"\b(?:tomorrow|tonight|next\s+(?:week|month|year|\w+day)|later\s+(?:this|today)"
    r"|this\s+(?:week|weekend|month|evening|afternoon)|on\s+\w+day)\b",
    re.I,
)


def _scheduled(voice: str, found: Sequence[Cue], facts: Facts, category: str) -> bool:
    """An intention or a future that is an appearance with a date: a scheduled fact."""
    when = bool(facts.dates) or bool(_WHEN.search(voice))
    return when and any(c.category == category and _APPEARANCE.match(voice, c.end) for c in found)


def _counted(voice: str, cue: Cue, facts: Facts) -> bool:
    """ "somewhere near 650 aircraft", "eleven fighter/attack squadrons": a count of forces.

    The count is one of the three words before the noun ("650 new fighter
    aircraft": two words may stand between them); a model number ("F-102
    squadrons") is a name's number, no count.
    """
    figures = set(counts(voice, facts))
    before = voice[max(0, cue.start - 60) : cue.start].split()[-3:]
    return any(word.strip(",;:()") in figures for word in before)


# "was killed", "were killed": a death told, not a killing laid at someone's door.
_PASSIVE = frozenset(("was", "were", "been", "be", "being", "is", "are", "get", "got", "gets"))
_AFTER_KILLED = Lazy(r"\s+(?:an?|the|his|her|their|its|\d|[A-Z])")


def _killing(voice: str, cue: Cue) -> bool:
    """ "Guerrillas killed an engineer": who killed whom, an accusation to source."""
    if voice[cue.start : cue.end].lower() != "killed":
        return False
    before = voice[: cue.start].split()
    if not before or before[-1].lower() in _PASSIVE:
        return False
    return bool(_AFTER_KILLED.match(voice, cue.end))


# "an estimated 850 wolves", "as many as 42 agents": someone's estimate, to be named;
# "more than 80 contacts", "nearly 500 operatives": a bound on a count, someone counted
# (not "roughly 100 Polaroids": a size given loosely, not a threshold claimed).
_ESTIMATE = Lazy(
    r"\b(?:an\s+estimated|estimated\s+at|as\s+many\s+as|at\s+least|up\s+to|more\s+than"
    r"|fewer\s+than|less\s+than|nearly|almost|over|upwards\s+of|in\s+excess\s+of)\s+(\S+)",
    re.I,
)


def _estimate(voice: str, facts: Facts) -> bool:
    figures = set(counts(voice, facts))
    if not figures:  # most claims: no figure, so no scan of the sentence
        return False
    return any(m.group(1).rstrip(",.;:") in figures for m in _ESTIMATE.finditer(voice))


# A person's age is a detail of the story, not a statistic.
_AGE = Lazy(r"\b(?:aged?|at\s+the\s+age\s+of)\s+(\d+)|\b(\d+)[- ]years?[- ]old\b", re.I)
# "nine per cent", "three times the cost", "$26 million": amounts, shares and rates.
_RATE = Lazy(
    r"\b(\w+)\s*(?:%|per\s?cent|percent|times\s+(?:the|as|more|higher|larger|bigger|faster))",
    re.I,
)
_AMOUNT = Lazy(
    r"^(?:[$€£¥]|US\$|NZ\$|A\$)|%$|(?:per\s?cent|percent|million|billion|trillion|thousand)$"
    r"|^(?:millions|billions)$|^\d{1,3}(?:,\d{3})+$|^\d{4,}$",
    re.I,
)


def counts(voice: str, facts: Facts) -> tuple[str, ...]:
    """Every figure that counts something: not ordinals, ages, distances, times or scores."""
    if not facts.numbers or _SCORE.search(voice):  # "Sweden defeated South Korea 1 – 0"
        return ()  # (a score is public record); no figure, no scan
    ages = {g for m in _AGE.finditer(voice) for g in m.groups() if g}
    measures = {m.group(1).lower() for m in _MEASURE.finditer(voice)}
    return tuple(
        n
        for n in facts.numbers
        if n not in ages and not _ORDINAL.match(n) and n.lower() not in measures
    )


# "several hundred miles", "73 seconds": a measure, not a count of people or things.
_MEASURE = Lazy(
    r"\b(\d[\d,.]*|\w+)\s+(?:miles?|km|kilometres?|kilometers?|metres?|meters?|feet|ft|yards?|seconds?"
    r"|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\b",
    re.I,
)


def statistics(voice: str, facts: Facts) -> tuple[str, ...]:
    """The figures that make a sentence a statistic: shares, rates, money, large amounts.

    A small count ("two referendums", "189 galleries", "73 seconds") is a
    detail of the story rather than a statistic a desk checks first.
    """
    found = counts(voice, facts)
    if not found:
        return ()
    rates = {m.group(1).lower() for m in _RATE.finditer(voice)}
    rates |= {m.group(1).lower() for m in _PER.finditer(voice)}
    prices = {m.group(1).rstrip(",.;:").lower() for m in _PRICE.finditer(voice)}
    return tuple(
        n for n in found if (_AMOUNT.search(n) or n.lower() in rates) and n.lower() not in prices
    )


# "300 tankers … pass daily", "40,000 visitors a year": a count per time is a rate.
_PER = Lazy(
    r"\b(\d[\d,.]*)\s+[\w\s-]{0,40}?\b(?:daily|a\s+day|per\s+day|each\s+day|every\s+day"
    r"|a\s+year|per\s+year|each\s+year|every\s+year|annually|a\s+week|a\s+month|per\s+month)\b",
    re.I,
)
# "is priced at US $8.00", "tickets cost $20": the price of one thing, on the menu.
_PRICE = Lazy(
    r"\b(?:priced\s+at|costs?|sells?\s+for|retails?\s+for|admission\s+is)\s+(?:US\s?|NZ\s?|A)?"
    r"(\S+)",
    re.I,
)
