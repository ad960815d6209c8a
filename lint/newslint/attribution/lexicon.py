"""The cue lexicon: the rule's cue lists compiled once, and the cues of a sentence."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from newslint.attribution.english import first_letter, past_of, third_person
from newslint.attribution.regexes import Program, program, program_of, restore
from newslint.attribution.screen import Requirement, Screen, merged, requirement, screenable
from newslint.document import PLACEHOLDER, Block, Document
from newslint.patterns import _NESTED_REPEAT as NESTED_REPEAT
from newslint.phrases import Hit, PhraseTable, normalise
from newslint.schema import did_you_mean

# Cue lists an editor may give, and what each is for. ``*_patterns`` lists
# hold regular expressions for what a word list cannot say.
WORD_LISTS = {
    "attribution": "verbs that give a source: said, told, confirmed",
    "attribution_phrases": "phrases that source their clause wherever they stand: according to",
    "vague": "attribution that names no one: reportedly, some say, critics argue",
    "anonymous": "a source left unnamed: on condition of anonymity, people close to",
    "not_attribution": "look-alikes that give no source: was told, the claims, an estimated",
    "continuation": "words by which a sentence carries on the source before it: also, added",
    "hedges": "speculation that makes a sentence no claim unless it has a hard fact",
    "opinion": "opinion framed as opinion: I think, arguably, in my view",
    "framing": "signposts that state no fact: here is, read more, consider the following",
    "hypothetical_starts": "sentence openings of hypotheticals: if, unless, imagine",
    "claim_signals": "cause, record and superlative words that make a sentence a claim",
    "casualties": "deaths and injuries: a claim with a figure is a casualty count (high tier)",
    "wrongdoing": "accusations and wrongdoing: a claim with one is high tier",
    "causes": "causes and blame: high tier",
    "records": "records and superlatives: high tier",
    "predictions": "predictions stated as fact: high tier",
    "intentions": "what someone wants or plans: high tier",
    "motives": "why someone did something, stated as fact: in order to, in a bid to (high tier)",
    "minds": "what someone knew, thought or felt, stated as fact: had no idea (high tier)",
    "decisions": "what someone decided or agreed, stated as fact: rejected, vetoed (high tier)",
    "assertions": "a claim the writer vouches for with no one behind it: the fact is (high tier)",
    "judgements": "a verdict on a named party stated as fact: has failed, is to blame (high tier)",
    "trends": "a trend stated as fact: has deteriorated, have doubled (high tier)",
    "force": "who attacked, invaded, armed or backed whom: bombed, invasion of (high tier)",
    "forces": "troops and arms: a claim with a count of them is high tier (3,000 troops)",
    "term_markers": "words right before a quotation that make it a name or term: called, titled",
}
# Reporting-verb lemmas (from VerbNet's communication classes; see the pack):
# the list's name → what the verb forms are filed under.
VERB_LISTS = {
    "reporting_verbs": "verbs whose -s and past forms give a source: warn → warns, warned",
    "reporting_verbs_past": "verbs whose past alone gives a source (the present is a noun)",
}
PATTERN_LISTS = {
    f"{name}_patterns": f"regular expressions for {name}"
    for name in (
        "attribution",
        "attribution_phrases",
        "vague",
        "anonymous",
        "not_attribution",
        "claim_signals",
        "causes",
        "records",
        "predictions",
        "intentions",
        "motives",
        "minds",
        "wrongdoing",
        "assertions",
        "judgements",
        "trends",
        "force",
    )
}
ALL_CUES = frozenset(WORD_LISTS)
SOURCE_CUES = ("attribution", "attribution_phrases", "vague", "anonymous")
NAMED = ("attribution", "attribution_phrases")


# --- compiled cues -----------------------------------------------------------------


# Named tuples (Cue here, SentenceInfo, Verdict): made per cue and per sentence,
# faster than frozen dataclasses, which set each field through object.__setattr__.
class Cue(NamedTuple):
    """A cue found in a block or sentence (offsets relative to it)."""

    category: str
    start: int
    end: int
    text: str
    pattern: bool = False  # found by a pattern, not a listed phrase


@dataclass(frozen=True)
class CuePattern:
    """One list's patterns, compiled with the standard library's ``re`` as one alternation.

    In an editor's pattern ``(?P<cue>…)`` marks the cue inside a longer match
    (what look-behinds used to do), and a match in which ``(?P<not>…)`` took
    part is no cue. Each pattern's groups are renamed (``a3``, ``c3``,
    ``n3``) so that the list is searched once per block, not once per pattern.

    A block holding none of the words a pattern needs (``screen``) is not
    searched for it: with no pattern possible the block is skipped, with one
    only that pattern runs, with a few each runs alone and their matches are
    merged as the alternation would have chosen them.
    """

    category: str
    sources: tuple[str, ...]
    compiled: re.Pattern[str]
    # Per pattern: the literals a match needs (None: always possible).
    required: tuple[Requirement | None, ...] = ()
    # Per pattern: its renamed source alone, with its compiled program once
    # kept by the pack cache; empty when the list may not be screened.
    alone: tuple[tuple[str, Program | None], ...] = ()
    _alone: dict[int, re.Pattern[str]] = field(
        default_factory=dict, compare=False, repr=False, hash=False
    )

    def spans(self, text: str, alive: Sequence[int] | None = None) -> list[tuple[int, int]]:
        """The cue spans in ``text``; ``alive``: the patterns the screen says it can match."""
        if alive is None or not self.alone or len(alive) == len(self.sources):
            return self._spans((None, m) for m in self.compiled.finditer(text))
        if not alive:
            return []
        if len(alive) == 1:
            return self._spans((alive[0], m) for m in self._pattern(alive[0]).finditer(text))
        return self._spans(merged({i: self._pattern(i) for i in alive}, text))

    def _spans(self, matches: Iterable[tuple[int | None, re.Match[str]]]) -> list[tuple[int, int]]:
        """The cue spans of matches, each with its pattern's index when known."""
        spans = []
        groups = self.compiled.groupindex  # every pattern's groups, as named alone too
        for i, match in matches:
            if i is None:
                i = next(n for n in range(len(self.sources)) if match.start(f"a{n}") != -1)
            if f"n{i}" in groups and match.start(f"n{i}") != -1:
                continue
            start, end = match.span(f"c{i}") if f"c{i}" in groups else match.span()
            if end > start:
                spans.append((start, end))
        return spans

    def _pattern(self, i: int) -> re.Pattern[str]:
        """Pattern ``i`` alone, as ``(?P<a{i}>…)`` with its renamed groups."""
        pattern = self._alone.get(i)
        if pattern is None:
            source, stored = self.alone[i]
            pattern = self._alone[i] = restore(source, self.compiled.flags, stored)
        return pattern

    def __reduce__(self) -> tuple[Any, ...]:
        # The pack cache keeps the compiled programs: unpickling an re.Pattern
        # would compile it again on every cold run. Each pattern alone is
        # restored from its program when a block first needs it.
        pattern = self.compiled
        flags = pattern.flags
        alone = tuple(
            (source, stored or program_of(source, flags)) for source, stored in self.alone
        )
        stored = program(pattern)
        args = (self.category, self.sources, pattern.pattern, pattern.flags, stored)
        return (_cue_pattern, (*args, self.required, alone))


def _cue_pattern(
    category: str,
    sources: tuple[str, ...],
    source: str,
    flags: int,
    stored: Program | None,
    required: tuple[Requirement | None, ...] = (),
    alone: tuple[tuple[str, Program | None], ...] = (),
) -> CuePattern:
    return CuePattern(category, sources, restore(source, flags, stored), required, alone)


def combine(category: str, sources: list[str]) -> CuePattern:
    """One list's patterns as one alternation, each pattern checked alone first.

    Neighbouring patterns that begin with ``\\b`` share that one check:
    ``(?P<a0>\\bX)|(?P<a1>\\bY)`` is ``\\b(?:(?P<a0>X)|(?P<a1>Y))``, the same
    matches in the same order (a zero-width test moved before an ordered
    choice), but inside a word the engine tries one test, not every pattern:
    the seed's cue search 15.1 -> 9.7 ms.
    """
    for source in sources:
        _compile(source)
    parts: list[str] = []
    shared: list[str] = []  # consecutive patterns that begin with \b, without it
    alone: list[tuple[str, Program | None]] = []
    for i, src in enumerate(sources):
        body = src.replace("(?P<cue>", f"(?P<c{i}>").replace("(?P<not>", f"(?P<n{i}>")
        alone.append((f"(?P<a{i}>{body})", None))
        if _boundary_first(src):
            shared.append(f"(?P<a{i}>{body[2:]})")
            continue
        if shared:
            parts.append("\\b(?:" + "|".join(shared) + ")")
            shared = []
        parts.append(f"(?P<a{i}>{body})")
    if shared:
        parts.append("\\b(?:" + "|".join(shared) + ")")
    compiled = _compile("|".join(parts))
    # The screen leaves a pattern out of a block's search only when that cannot
    # change what the others find (no back-reference, no empty match).
    if not all(screenable(source) for source, _ in alone):
        return CuePattern(category, tuple(sources), compiled)
    required = tuple(requirement(src) for src in sources)
    return CuePattern(category, tuple(sources), compiled, required, tuple(alone))


def _boundary_first(source: str) -> bool:
    """Whether ``source`` is ``\\b`` followed by the rest (no alternation around it)."""
    if not source.startswith("\\b"):
        return False
    from re import _constants, _parser  # type: ignore[attr-defined]  # private to re

    first = _parser.parse(source, re.IGNORECASE).data[:1]
    return first == [(_constants.AT, _constants.AT_BOUNDARY)]


@dataclass(frozen=True)
class Lexicon:
    """The rule's cue lists once compiled.

    The word lists go into the pack's phrase table, which the engine scans
    once per draft for every rule (longest phrase first, so "is said to have"
    wins over "said" and "was told" over "told"); the patterns run here, on
    each block with its quotations blanked out. ``key`` names the cue lists:
    rules sharing them share one analysis of each draft.
    """

    key: str
    listed_capitalised: frozenset[str]  # phrases an editor wrote with a capital
    patterns: tuple[CuePattern, ...]

    def block_cues(
        self, doc: Document, hits: Sequence[Hit], categories: frozenset[str]
    ) -> dict[int, list[Cue]]:
        """The cues of the wanted categories in each block, by block index (block offsets)."""
        found: dict[int, list[Cue]] = {}
        for hit in hits:
            if hit.entry.payload in categories:
                cue = Cue(hit.entry.payload, hit.start, hit.end, hit.text)
                found.setdefault(hit.block.index, []).append(cue)
        # A blockquote is all the source's words: no cue in it is the writer's.
        voices = [(b, block_voice(b)) for b in doc.blocks if not b.in_blockquote]
        patterns = [p for p in self.patterns if p.category in categories]
        screen = Screen(v for _, v in voices)
        for k, (block, voice) in enumerate(voices):
            for pattern in patterns:
                alive = screen.alive(k, pattern.required) if pattern.alone else None
                for start, end in pattern.spans(voice, alive):
                    cue = Cue(pattern.category, start, end, voice[start:end], pattern=True)
                    found.setdefault(block.index, []).append(cue)
        return found

    def find(self, voice: str, block_cues: Sequence[Cue], offset: int) -> list[Cue]:
        """The cues of one sentence outside quotations, sentence-relative.

        ``offset`` is where the sentence starts in its block.
        """
        first = first_letter(voice)
        found = []
        for cue in block_cues:
            start, end = cue.start - offset, cue.end - offset
            if start < 0 or end > len(voice) or PLACEHOLDER in voice[start:end]:
                continue
            # "States" in "United States" is no verb: a listed lower-case
            # word counts capitalised only where the sentence begins.
            pronoun_i = cue.text[:2] in ("I ", "I'", "I’")  # "I think" mid-sentence
            capital = not cue.pattern and cue.text[0].isupper() and start != first
            capital = capital and not pronoun_i
            if capital and normalise(cue.text) not in self.listed_capitalised:
                continue
            found.append(Cue(cue.category, start, end, cue.text, cue.pattern))
        return found


@dataclass(frozen=True)
class CueIndex:
    """A block's cues sorted by start, so that each sentence takes its own slice.

    Handing every sentence all its block's cues made one long paragraph
    quadratic; a bisect per sentence keeps the work per sentence bounded by
    its own cues.
    """

    cues: tuple[Cue, ...]  # in the order found
    starts: tuple[int, ...]  # sorted
    ranks: tuple[int, ...]  # where in ``cues`` each start comes from

    @classmethod
    def of(cls, cues: Sequence[Cue]) -> CueIndex:
        order = sorted(range(len(cues)), key=lambda i: cues[i].start)
        return cls(tuple(cues), tuple(cues[i].start for i in order), tuple(order))

    def between(self, start: int, end: int) -> list[Cue]:
        """The cues that start in ``[start, end)``, in the order found."""
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [self.cues[i] for i in sorted(self.ranks[lo:hi])]


def compile_lexicon(cues: object, rule_id: str, phrases: PhraseTable) -> Lexicon:
    """Check the ``cues`` mapping, add its words to the pack's table, compile its patterns.

    Raises ValueError(message, key) on a problem.
    """
    if not isinstance(cues, dict):
        raise ValueError("'cues' must be a mapping of cue lists", "cues")
    capitalised: set[str] = set()
    patterns: list[CuePattern] = []
    for name, values in cues.items():
        known = [*WORD_LISTS, *VERB_LISTS, *PATTERN_LISTS]
        if name not in known:
            raise ValueError(f"unknown cue list {name!r}{did_you_mean(name, known)}", "cues")
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ValueError(f"cue list {name!r} must be a list of strings", "cues")
        if name in PATTERN_LISTS:
            if values:
                patterns.append(_combined(name.removesuffix("_patterns"), tuple(values)))
            continue
        if name in VERB_LISTS:
            values = [form for lemma in values for form in verb_forms(lemma, name)]
            name = "attribution"
        for phrase in values:
            phrases.add(rule_id, phrase, payload=name)
            if phrase[:1].isupper():
                capitalised.add(normalise(phrase))
    key = "attribution:" + repr(sorted((k, tuple(v)) for k, v in cues.items()))
    return Lexicon(key, frozenset(capitalised), tuple(patterns))


@functools.lru_cache(maxsize=64)
def _combined(category: str, sources: tuple[str, ...]) -> CuePattern:
    """``combine``, made once for every rule that shares the cue lists.

    Five attribution rules name the first one's cue lists: with a pattern of
    their own each, the pack pickle held six copies of every program (1.8 of
    its 2.0 MB) and a cold run restored all six. One shared object is
    pickled once (pickle keeps one copy of an object met twice).
    """
    return combine(category, list(sources))


def _compile(source: str) -> re.Pattern[str]:
    """An editor's cue pattern, or ValueError naming it."""
    if "(?<=" in source or "(?<!" in source:
        raise ValueError(
            f"pattern {source!r} uses a look-behind; match the words before and mark "
            "the cue with (?P<cue>...), or drop a match with (?P<not>...)",
            "cues",
        )
    if re.search(NESTED_REPEAT, source):
        # The standard library has no time limit: refuse what can backtrack for ever.
        raise ValueError(
            f"pattern {source!r} repeats a group that itself repeats, which can "
            "backtrack for ever; rewrite it without the nested repeat",
            "cues",
        )
    try:
        return re.compile(source, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"pattern {source!r} does not compile: {exc}", "cues") from None


def verb_forms(lemma: str, list_name: str) -> list[str]:
    """The forms of a reporting verb that give a source: ``warn`` → warns, warned.

    ``reporting_verbs_past`` lemmas give their past only: their present is
    also a common noun ("a report", "the statement's notes").
    """
    words = lemma.split()
    head, rest = words[0], words[1:]
    past = [past_of(head)]
    forms = past if list_name == "reporting_verbs_past" else [third_person(head), *past]
    return [" ".join([form, *rest]) for form in dict.fromkeys(forms)]


def block_voice(block: Block) -> str:
    """The block's text with its quotations blanked out (same length), or all of a blockquote."""
    if not block.quotations:
        return block.text
    chars = list(block.text)
    for quotation in block.quotations:
        chars[quotation.start : quotation.end] = PLACEHOLDER * (quotation.end - quotation.start)
    return "".join(chars)
