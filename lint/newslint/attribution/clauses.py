"""One sentence on its own: its voice, its cues, whether a cue covers it, whether it is a claim."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from newslint.attribution.english import (
    AUXILIARIES,
    RELATIVE,
    WORD,
    first_letter,
    has_event_verb,
    has_finite_verb,
    has_verb,
    is_past,
    strip_verb_group,
)
from newslint.attribution.facts import Facts, extract_facts
from newslint.attribution.lexicon import NAMED, SOURCE_CUES, Cue
from newslint.attribution.tiers import NOT_RATED, TIER_LISTS, Tier, tier_of
from newslint.document import HEADING, PLACEHOLDER, QUOTE, VOICE, Block
from newslint.lazyregex import Lazy

# Cue lists that make a sentence a checkable claim on their own.
HARD_SIGNALS = frozenset(("claim_signals", *TIER_LISTS)) - {"forces"}  # a count is hard
# Tier cues that are a predicate themselves ("distrust", "has deteriorated"), unlike a
# cause or motive's preposition ("because of this flaw …" is a fragment).
PREDICATE_TIERS = frozenset(TIER_LISTS) - {"causes", "motives", "casualties", "forces"}

# --- one sentence, analysed -----------------------------------------------------------


class SentenceInfo(NamedTuple):
    """What the method knows about one sentence on its own (before its neighbours)."""

    block: Block
    position: int  # index in block.sentences
    start: int  # block offsets
    end: int
    text: str
    voice: str  # the sentence with quotations blanked out
    scope: str  # voice | quote | heading: where the sentence stands
    cues: tuple[Cue, ...]  # source cues (attribution, vague, anonymous) that count
    covering: Cue | None  # the cue that covers the whole sentence, if one does
    claim: bool
    continues: bool  # a continuation word ("also", "however")
    facts: Facts
    tier: Tier = NOT_RATED  # how badly the claim needs a source
    speaker: str = ""  # the speaker of an interview turn ("Nick Bos: …")

    @property
    def intro(self) -> bool:
        """Ends with a colon: it introduces what follows."""
        return self.text.rstrip().endswith(":")

    def cues_of(self, category: str) -> tuple[Cue, ...]:
        return tuple(c for c in self.cues if c.category == category)


def analyse_sentence(
    block: Block,
    position: int,
    voice_text: str,
    found: Sequence[Cue],
    names: frozenset[str] | None,
    speaker: str = "",
) -> SentenceInfo:
    """One sentence on its own; ``names`` None when no check here judges claims.

    ``speaker`` is the one heading the sentence's paragraph in a transcript
    (see :func:`turn_speakers`).
    """
    sentence = block.sentences[position]
    voice = voice_text[sentence.start : sentence.end]
    scope = QUOTE if speaker else _sentence_scope(block, voice)
    cues = _source_cues(found)
    words = {c.category for c in found}
    covering = claim = None
    facts = Facts()
    if names is not None:
        covering = next((c for c in cues if _covers(voice, c)), None)
        facts = extract_facts(voice, names)
        claim = scope == VOICE and _is_claim(voice, found, cues, covering is not None, facts)
    # A tier cue in a relative clause ("universities that want to…") is not the claim's.
    main = [c for c in found if not _in_relative_clause(voice, c.start)]
    main = [c for c in main if not _RELATIVE_BEFORE.search(voice, max(0, c.start - 30), c.start)]
    tier = tier_of(voice, main, facts) if claim else NOT_RATED
    return SentenceInfo(
        block=block,
        position=position,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        voice=voice,
        scope=scope,
        cues=cues,
        covering=covering,
        claim=bool(claim),
        continues="continuation" in words,
        facts=facts,
        tier=tier,
        speaker=speaker,
    )


# "…universities that want to…": the cue belongs to a relative clause.
_RELATIVE_BEFORE = Lazy(r"\b(?:that|who|which)\s+(?:[\w’'-]+\s+)?$")
_COUNTERFACTUAL = Lazy(r"\bwould(?:n't| not|n’t)? have\b.*\bif\b|\bif\b.*\bwould have\b")


# "Nick Bos: We infected the ants…", "Q: …": a turn of an interview transcript; also
# a news digest's source label ("Al-Zaman : American forces killed…", "DPA: …").
_TURN = Lazy(r"^((?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w.’'-]*) ?:\s")
# "Q. Why?" / "A. “It was time.”": a Q-and-A transcript; "A." only before a quote or a
# sentence opening, not an initial ("A. J. Smith said").
_QA_TURN = Lazy(
    r"^(Q)\.\s+\S|^(A)\.\s+(?=[\"“‘]|(?:I|We|It|Yes|No|Well|The|That|This|There|My|Our)\b)"
)
_NOT_SPEAKERS = (
    "note",
    "update",
    "correction",
    "editor's note",
    "source",
    "sources",
    "warning",
    "disclaimer",
    "edit",
    "summary",
    "background",
)


def turn_speakers(blocks: Sequence[Block]) -> dict[int, str]:
    """The speaker heading each transcript paragraph of a draft, by block index.

    A label in capitals that is the draft's only one is a dateline ("KABUL:
    For the past 25 years…"), not a speaker: a transcript heads turn after
    turn with its speakers, and the story under a dateline is the writer's.
    """
    labels = {b.index: label for b in blocks if (label := speaker_turn(b))}
    if len(labels) == 1 and next(iter(labels.values())).isupper():
        return {}
    return labels


def speaker_turn(block: Block) -> str:
    """The speaker named at the head of a transcript paragraph, or ""."""
    if block.kind != "paragraph" or block.in_blockquote:
        return ""
    qa = _QA_TURN.match(block.text)
    if qa:
        return "interviewer" if qa.group(1) == "Q" else "interviewee"
    match = _TURN.match(block.text)
    if not match or match.group(1).lower() in _NOT_SPEAKERS:
        return ""
    return match.group(1)


# The writer as witness: "I visited", "We saw", "Wikinews observed", "This reporter…".
_FIRST_PERSON = Lazy(
    r"^(?:[^,]{0,40},\s)?(?:(?:But|And|So|Yet|Now|Still|Also)\s+)?"
    r"(?:I|We|Wikinews|This reporter|This writer|Our reporter|Our correspondent)\s+[a-z]"
)

# "…putting road blocks on our street", "from my window we watched": the writer was there.
_EYEWITNESS = Lazy(
    r"\b(?:I|we)\s+(?:\w+ly\s+)?(?:saw|watched|heard|witnessed|visited|noticed|counted)\b"
    r"|\b(?:our|my)\s+(?:street|road|house|home|neighbourhood|neighborhood|building|block"
    r"|door|doorstep|window|garden|village|town|district)\b"
)


def _first_hand(text: str) -> bool:
    """A first-hand report: the writer is the source ("I visited", "on our street")."""
    return bool(_FIRST_PERSON.match(text) or _EYEWITNESS.search(text))


def _sentence_scope(block: Block, voice: str) -> str:
    if block.in_blockquote:
        return QUOTE
    if block.kind == "heading":
        return HEADING
    quoted = voice.count(PLACEHOLDER)
    # A sentence that is mostly a quotation is the source's, whatever frames it.
    if quoted and quoted * 2 >= len(voice.strip()):
        return QUOTE
    return VOICE


def _source_cues(found: Sequence[Cue]) -> tuple[Cue, ...]:
    """Source cues that count: look-alikes cancel, vague/anonymous outrank plain verbs."""
    blockers = [c for c in found if c.category == "not_attribution"]
    sources = [c for c in found if c.category in SOURCE_CUES]
    strong = [c for c in sources if c.category not in NAMED]
    kept = []
    for cue in sources:
        outranked = any(_overlap(cue, other) for other in (*blockers, *strong))
        if cue.category in NAMED and outranked:
            continue
        kept.append(cue)
    return tuple(sorted(set(kept), key=lambda c: (c.start, -c.end, c.category)))


def _overlap(a: Cue, b: Cue) -> bool:
    return a.start < b.end and b.start < a.end


def _covers(voice: str, cue: Cue) -> bool:
    """Whether ``cue`` gives a source for the whole sentence (see the module notes)."""
    if _in_relative_clause(voice, cue.start):
        return False
    if cue.category == "attribution_phrases":
        return True
    prefix = strip_verb_group(voice[: cue.start])
    if re.search(r"\b(?:we|I)$", prefix):  # "As we reported": the newsroom is no source
        return False
    if not has_finite_verb(prefix):
        return True
    # Trailing: ", police said." or ", according to the ministry." after the content.
    suffix = voice[cue.end :]
    if len(WORD.findall(suffix)) > 8 or has_finite_verb(suffix):
        return False
    last_break = max(prefix.rfind(ch) for ch in (",", ";", "—", PLACEHOLDER))
    if last_break < 0:
        return False
    # Between the content and the cue stands only who said it ("a spokesman for the PMF").
    speaker = WORD.findall(prefix[last_break:])
    return len(speaker) <= 8 and not any(
        w.lower() in AUXILIARIES or (w == w.lower() and is_past(w)) for w in speaker
    )


_CLAUSE_STOP = Lazy(r"[:;—]|\s[–-]{1,2}\s")


def _in_relative_clause(voice: str, pos: int) -> bool:
    for match in RELATIVE.finditer(voice, 0, pos):
        after = voice[match.end() :]
        # "which, according to AFP, …": a comma right after the pronoun opens an aside.
        skip = 1 if after.lstrip().startswith(",") else 0
        commas = [i for i, ch in enumerate(after) if ch == ","]
        end = match.end() + commas[skip] if len(commas) > skip else len(voice)
        # "the ones who rule the sea: they carry the arms": a colon, a semicolon or a
        # dash ends the relative clause as surely as a comma.
        stop = _CLAUSE_STOP.search(voice, match.end(), end)
        if stop:
            end = stop.start()
        if match.start() < pos < end:
            return True
    return False


def _is_claim(
    voice: str, found: Sequence[Cue], cues: Sequence[Cue], covered: bool, facts: Facts
) -> bool:
    """Whether a writer's-voice sentence states a checkable fact."""
    text = voice.replace(PLACEHOLDER, " ").strip()
    tokens = WORD.findall(text)
    if len(tokens) < 3 or text.rstrip(")]”\"'’ ").endswith("?"):
        return False
    if _COUNTERFACTUAL.search(text):  # "Bush would have tried to stop it if he had known"
        return False
    if covered and text.endswith(":"):  # "The ministry said in a statement:" introduces
        return False
    words = {c.category for c in found}
    first = first_letter(voice)
    starts = {c.category for c in found if c.start == first}
    if "hypothetical_starts" in starts or "framing" in words or "opinion" in words:
        return False
    if _first_hand(text):
        return False
    hard = bool(facts.numbers or facts.dates or words & HARD_SIGNALS)
    if "hedges" in words and not hard:
        return False
    if not _has_predicate(tokens, words):
        return False
    # "said" is no event: the sentence must tell of one besides its attribution.
    return hard or bool(facts.names) or has_event_verb(_blank(voice, cues))


def _has_predicate(tokens: list[str], categories: set[str]) -> bool:
    """A verb, or a tier cue that is the predicate a present plural hides ("Iraqis distrust")."""
    return has_verb(tokens) or bool(categories & PREDICATE_TIERS)


def _blank(text: str, cues: Sequence[Cue]) -> str:
    for cue in cues:
        text = text[: cue.start] + " " * (cue.end - cue.start) + text[cue.end :]
    return text
