"""The whole draft: carry-over between sentences and each sentence's verdict."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from newslint.attribution.clauses import SentenceInfo, analyse_sentence, turn_speakers
from newslint.attribution.english import is_pronoun
from newslint.attribution.facts import known_names
from newslint.attribution.lexicon import (
    ALL_CUES,
    NAMED,
    Cue,
    CueIndex,
    Lexicon,
    block_voice,
)
from newslint.attribution.sources import source_of, unnamed_cues
from newslint.document import PLACEHOLDER, VOICE, Document
from newslint.lazyregex import Lazy
from newslint.phrases import Hit
from newslint.runcontext import RunContext

# --- the whole draft: carry-over and verdicts ----------------------------------------------


UNATTRIBUTED = "unattributed"
ATTRIBUTED = "attributed"
CARRIED = "carried"
NOT_A_CLAIM = "not-a-claim"


class Verdict(NamedTuple):
    """A sentence's standing once its neighbours are read."""

    info: SentenceInfo
    status: str  # unattributed | attributed | carried | not-a-claim
    source: str = ""
    carried_from: SentenceInfo | None = None


@dataclass(frozen=True)
class Analysis:
    """One draft's attribution analysis, shared by every attribution rule."""

    sentences: tuple[SentenceInfo, ...]
    verdicts: tuple[Verdict, ...]
    listed: Mapping[int, Sequence[Cue]]  # listed phrases by block index, block offsets
    # Each sentence's anonymous cues, "the diplomat said" after "a Western diplomat" among them.
    unnamed: tuple[tuple[Cue, ...], ...]


def draft_analysis(
    doc: Document, lexicon: Lexicon, hits: Sequence[Hit], context: RunContext
) -> Analysis:
    """The draft's analysis, made by the first attribution rule to ask and shared.

    Every attribution rule and the fact-check sheet read it: the whole-draft
    work is done once per draft, whichever rules are on.
    """
    return context.shared(lexicon.key, lambda: analyse(doc, lexicon, hits))


def analyse(doc: Document, lexicon: Lexicon, hits: Sequence[Hit]) -> Analysis:
    """Every sentence of the draft: its cues, whether it is a claim, and its source."""
    listed = lexicon.block_cues(doc, hits, ALL_CUES)
    names = known_names(doc)
    speakers = turn_speakers(doc.blocks)
    infos = []
    for block in doc.blocks:
        voice = block_voice(block)
        cues = CueIndex.of(listed.get(block.index, ()))
        speaker = speakers.get(block.index, "")
        for i, sentence in enumerate(block.sentences):
            sentence_voice = voice[sentence.start : sentence.end]
            near = cues.between(sentence.start, sentence.end)
            found = lexicon.find(sentence_voice, near, sentence.start)
            infos.append(analyse_sentence(block, i, voice, found, names, speaker))
    verdicts: list[Verdict] = []
    last_source = ""
    for index in range(len(infos)):
        verdict = _verdict(infos, index, verdicts, last_source)
        if verdict.source and not is_pronoun(verdict.source):
            last_source = verdict.source
        verdicts.append(verdict)
    return Analysis(tuple(infos), tuple(verdicts), listed, tuple(unnamed_cues(infos)))


def _verdict(
    infos: Sequence[SentenceInfo], index: int, done: list[Verdict], last_source: str
) -> Verdict:
    info = infos[index]
    if info.covering is not None:
        source = source_of(info, info.covering, last_source)
        return Verdict(info, ATTRIBUTED if info.claim else NOT_A_CLAIM, source)
    if not info.claim:
        return Verdict(info, NOT_A_CLAIM)
    before = _previous(infos, index)
    if before is not None and _carries(before, done[index - 1], info, _next(infos, index)):
        return Verdict(info, CARRIED, done[index - 1].source, before)
    held = _held_between(infos, index, done, last_source)
    if held is not None:  # "The report says … . X. Y. The report states …"
        return Verdict(info, CARRIED, done[held].source, infos[held])
    intro = _list_intro(infos, index)
    if intro is not None and done[intro].source:  # "NASA announced the shuttles will go to:"
        return Verdict(info, CARRIED, done[intro].source, infos[intro])
    after = _next(infos, index)
    if (
        after is not None
        and after.covering is not None
        and (_named_next(info, after) or _sourced_next(info, after))
    ):
        return Verdict(info, CARRIED, source_of(after, after.covering, last_source), after)
    return Verdict(info, UNATTRIBUTED)


# "The fire killed 12 people. The toll could rise, fire officials said." / "Police said the
# figure …": the next sentence of the paragraph sources the claim when what it reports
# refers back to it (a pronoun, "the figure", "the fire") or repeats its figure.
_REFERENCE = Lazy(
    r"\W*(?:that\s+)?(?:(?P<pronoun>it|they|this|these|those)\b"
    r"|(?:the|this|these|those)\s+(?P<noun>[\w’'-]+)(?:\s+(?P<head>[\w’'-]+))?)",
    re.I,
)
_FIGURE_NOUNS = frozenset(
    """
    figure figures toll number numbers count estimate estimates total death deaths casualty
    casualties dead injured
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_CONTENT = Lazy(r"[A-Za-z][\w’'-]{3,}")
_NOT_CONTENT = frozenset(
    """
    that this these those there their them they have were been with from into about
    which what when where while would could should will also said says told after before
    than then more most some such only other over under just very made make many much
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def _sourced_next(info: SentenceInfo, after: SentenceInfo) -> bool:
    """Whether the next sentence, sourced, reports on the very claim of ``info``."""
    cue = after.covering
    if cue is None or after.voice.lstrip()[:1] in (PLACEHOLDER, '"', "“", "‘"):
        return False
    if set(counts_of(info)) & set(counts_of(after)):
        return True
    nouns = _FIGURE_NOUNS | _content_words(info.voice)
    # What is reported opens the sentence before a trailing cue ("It could rise, police
    # said") or follows a leading one ("Police said the figure …"; not "… said it").
    trailing = "," in after.voice[: cue.start]
    for at in (0, cue.end) if trailing else (cue.end,):
        match = _REFERENCE.match(after.voice, at)
        if match is None:
            continue
        # A name repeated is no sign of the same matter ("the Abramoff scandal").
        heads = {
            w.lower().rstrip("’'s") for w in (match["noun"], match["head"]) if w and w.islower()
        }
        if (match["pronoun"] and at == 0) or heads & nouns:
            return True
    return False


def counts_of(info: SentenceInfo) -> tuple[str, ...]:
    return tuple(n for n in info.facts.numbers if any(ch.isdigit() for ch in n))


def _content_words(voice: str) -> set[str]:
    words = (m.group(0).lower().rstrip("’'s") for m in _CONTENT.finditer(voice))
    return {w for w in words if w not in _NOT_CONTENT}


# "Two economists have analysed the data. According to Linda Bilmes and Joseph
# Stiglitz, …": experts described first and named in the next sentence.
_DESCRIBED_EXPERTS = Lazy(
    r"^(?:[\w-]+\s+){0,6}?(?:economists|researchers|scientists|experts|analysts|doctors|"
    r"academics|historians|investigators|authors|scholars|engineers)\b"
)


def _named_next(info: SentenceInfo, after: SentenceInfo) -> bool:
    """Whether ``info`` describes experts whom the next sentence names "according to"."""
    cue = after.covering
    return (
        cue is not None
        and cue.category in NAMED
        and cue.start <= 2
        and cue.text.lower().startswith("according to")
        and bool(_DESCRIBED_EXPERTS.match(info.voice.lstrip()))
    )


def _list_intro(infos: Sequence[SentenceInfo], index: int) -> int | None:
    """The sourced sentence ending in a colon that introduces the list ``index`` is in."""
    if not infos[index].block.in_list:
        return None
    j = index - 1
    while j >= 0 and infos[j].block.in_list:
        j -= 1
    if j < 0 or not infos[j].intro:
        return None
    return j


def _carries(
    before: SentenceInfo, before_verdict: Verdict, info: SentenceInfo, after: SentenceInfo | None
) -> bool:
    """Whether the sentence before passes its source on to ``info``."""
    sourced = before.covering is not None
    if before.intro and sourced:  # "The ministry said in a statement: …"
        return True
    same_block = before.block is info.block
    if info.continues and (sourced or before_verdict.status == CARRIED):
        # "also", "however": in the same paragraph, or right after a quoted one.
        return same_block or before.scope != VOICE
    # Between two sentences of the same paragraph that name their sources.
    return (
        same_block
        and after is not None
        and before.covering is not None
        and after.covering is not None
        and before.covering.category in NAMED
        and after.covering.category in NAMED
    )


def _held_between(
    infos: Sequence[SentenceInfo], index: int, done: list[Verdict], last_source: str
) -> int | None:
    """The sentence before whose source holds ``index`` in a run of two between it and
    a sentence naming the same source, in one paragraph ("The report says … . X. Y.
    The report states …": X and Y are the report's too). A run of one is `_carries`'s."""
    block = infos[index].block
    sourced = [
        j
        for j in range(max(0, index - 2), min(len(infos), index + 3))
        if j != index and infos[j].block is block and infos[j].covering is not None
    ]
    before = [j for j in sourced if j < index]
    after = [j for j in sourced if j > index]
    if not before or not after or after[0] - before[-1] != 3:
        return None
    first, last = infos[before[-1]], infos[after[0]]
    if first.covering is None or last.covering is None:
        return None
    if first.covering.category not in NAMED or last.covering.category not in NAMED:
        return None
    source = done[before[-1]].source
    same = source_of(last, last.covering, last_source)
    if not source or is_pronoun(source) or source.lower() != same.lower():
        return None
    return before[-1]


def _previous(infos: Sequence[SentenceInfo], index: int) -> SentenceInfo | None:
    """The sentence before, in the same paragraph or closing the paragraph before."""
    if index == 0:
        return None
    info, before = infos[index], infos[index - 1]
    if before.block is info.block:
        return before
    adjacent = before.block.index == info.block.index - 1 and info.position == 0
    return before if adjacent and before.block.kind == "paragraph" else None


def _next(infos: Sequence[SentenceInfo], index: int) -> SentenceInfo | None:
    if index + 1 < len(infos) and infos[index + 1].block is infos[index].block:
        return infos[index + 1]
    return None
