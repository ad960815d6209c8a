"""The attribution kind: fact flags (unattributed claims, vague and anonymous sources, quotes).

The method is lexicons and patterns, no parser (a lexicon reached the
precision and recall asked for on the dev set; see ``bench/accuracy``). Every
cue comes from the rule's ``cues`` lists in ``rules/attribution.yml``, so an
editor extends them there. Each sentence of prose is read in five steps:

1. its *voice text*: the sentence with every quotation blanked out (same
   length), so that words inside someone's quoted speech never count as the
   writer's attribution, and offsets stay exact;
2. the cues in the voice text: ``attribution`` verbs ("said", "confirmed"),
   ``attribution_phrases`` ("according to", "in a statement"), ``vague``
   ("reportedly"), ``anonymous`` ("one official"); a ``not_attribution``
   look-alike ("was told", "the claims") cancels a cue it overlaps, and a
   vague or anonymous cue outranks a plain verb it overlaps;
3. whether a cue *covers* the sentence: a phrase does wherever it stands; a
   verb does when it leads (no clause with a finite verb stands before it:
   "The Pentagon later confirmed that…") or trails (", police said." after
   the content); a cue inside a relative clause (", who had told…") or after
   "we" ("As we reported") covers nothing;
4. carry-over from the neighbours: a sentence after an attributed one ending
   in a colon, a sentence that continues the source ("also", "however") in
   the same paragraph or after a quoted one, a sentence between two sentences
   of its paragraph that name their sources;
5. whether it is a checkable claim at all: not a question, headline, quotation,
   hypothetical, framing, opinion or first-hand report, and it carries a fact —
   a name, a number, a date, an event verb, or a cause/record word; and its
   check-worthiness tier (``tiers``): high (a warning) or background (a
   suggestion); a count from an event long before the story is history,
   background (``history``, applied by the claim rules, which hold its setting).

A quotation is linked to its speaker when a cue sits in a sentence it
overlaps, in the sentence (or paragraph) before a quoted sentence (the news
convention of a quote paragraph after "…, she said."), or after it (“…”
“…,” she said.); a quotation running over several paragraphs is judged where
it opens, and a blockquote by the paragraph that introduces it. Short quoted
terms and titles (“parole”, “The Shadow Commander”) are not speech.

An unnamed source stays unnamed when the story calls them by their title
again ("a Western diplomat said …", then "“…,” the diplomat said"; see
``sources.unnamed_cues``), and the fact-check sheet marks a claim whose only
source is unnamed or anonymous as such, not as having no source.

One module per job: ``lexicon`` (cues), ``clauses`` (one sentence),
``tiers``, ``history``, ``carry`` (the whole draft), ``sources``, ``quotes``, ``facts``,
``english`` (word classes). The draft is analysed once
(``carry.draft_analysis``) and every attribution rule reads that analysis.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newslint.attribution.carry import (
    ATTRIBUTED,
    CARRIED,
    UNATTRIBUTED,
    Analysis,
    Verdict,
    draft_analysis,
)
from newslint.attribution.clauses import SentenceInfo
from newslint.attribution.english import SPACE
from newslint.attribution.history import COUNT_TIERS, history_tier, story_year
from newslint.attribution.lexicon import Cue, Lexicon, compile_lexicon
from newslint.attribution.quotes import quote_verdicts
from newslint.attribution.sources import (
    cue_phrases,
    sheet_source,
    sheet_speaker,
    unnamed_source,
)
from newslint.document import HEADING, QUOTE, VOICE, Block, Document
from newslint.kinds.base import Mark
from newslint.phrases import Hit, PhraseTable
from newslint.rule import Rule
from newslint.runcontext import RunContext
from newslint.schema import Key, did_you_mean
from newslint.severity import Severity

# The names its messages may use, filled in by the check.
PLACEHOLDERS = frozenset(("match", "facts", "source", "tier", "speaker"))

KEYS = {
    "check": Key(
        (str,),
        True,
        "what to report: unattributed-claim, claim, vague, anonymous-source, "
        "unattributed-quote or quote",
    ),
    "cues": Key(
        (dict, str),
        True,
        "the cue lists, or the id of the rule in the same pack whose cue lists to share",
    ),
    "history_years": Key(
        (int,),
        False,
        "claims: a count from an event this many years or more before the story's date is "
        "history, a suggestion (absent: never)",
        {"minimum": 1},
    ),
}

CHECKS = ("unattributed-claim", "claim", "vague", "anonymous-source", "unattributed-quote", "quote")


# --- the checks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """An attribution rule, compiled: its check and its cue lexicon."""

    rule: Rule
    check: str
    lexicon: Lexicon
    history_years: int | None = None  # see ``history``

    def run(self, doc: Document, hits: Sequence[Hit], context: RunContext) -> Iterator[Mark]:
        analysis = draft_analysis(doc, self.lexicon, hits, context)
        if self.check in ("vague", "anonymous-source"):
            yield from self._cues(analysis)
        elif self.check in ("unattributed-quote", "quote"):
            yield from self._quotes(doc, analysis)
        else:
            yield from self._claims(analysis, doc, context)

    def _claims(self, analysis: Analysis, doc: Document, context: RunContext) -> Iterator[Mark]:
        wanted = (UNATTRIBUTED,) if self.check == "unattributed-claim" else (ATTRIBUTED, CARRIED)
        for index, verdict in enumerate(analysis.verdicts):
            info = verdict.info
            if verdict.status not in wanted or not self._in_scope(info):
                continue
            if self.history_years and info.tier.what in COUNT_TIERS:  # few: a count, high
                year, dated = story_year(doc, context)
                older = history_tier(info.voice, info.tier, year, dated, self.history_years)
                if older is not None:  # the Challenger's toll in a 2011 story: background
                    info = info._replace(tier=older)
                    verdict = verdict._replace(info=info)
            facts = info.facts.describe() or "an event"
            source = verdict.source
            if verdict.status == ATTRIBUTED:  # "the diplomat said", the diplomat unnamed
                source = sheet_source(source, info, analysis.unnamed[index])
            message = self.rule.format(
                match=_excerpt(info.text),
                facts=facts,
                source=source or "?",
                tier=info.tier.what,
            )
            # Background facts need a look, not a source: the quiet tier.
            quiet = self.check == "unattributed-claim" and not info.tier.high
            severity = min(self.rule.severity, Severity.SUGGESTION) if quiet else None
            yield Mark(
                info.block,
                info.start,
                info.end,
                message,
                severity=severity,
                data=claim_data(verdict, source),
            )

    def _cues(self, analysis: Analysis) -> Iterator[Mark]:
        """Vague or anonymous sourcing: the sentences holding such a cue."""
        category = "vague" if self.check == "vague" else "anonymous"
        for index, info in enumerate(analysis.sentences):
            # "A Western diplomat said …" and later "the diplomat said": still unnamed.
            found = analysis.unnamed[index] if category == "anonymous" else info.cues_of(category)
            if found and self._block_in_scope(info.block) and not info.speaker:
                yield self._cue_mark(info.block, info.start, info.end, found)

    def _cue_mark(self, block: Block, start: int, end: int, cues: Sequence[Cue]) -> Mark:
        phrases = cue_phrases(cues)
        return Mark(
            block,
            start,
            end,
            self.rule.format(match="”, “".join(phrases)),
            data=(("cue", "; ".join(phrases)),),
        )

    def _quotes(self, doc: Document, analysis: Analysis) -> Iterator[Mark]:
        """Quotations with no speaker; with ``check: quote``, every quotation and its speaker."""
        every = self.check == "quote"
        # "“…,” the diplomat said" after "a Western diplomat": an unnamed speaker.
        unnamed = analysis.unnamed if every else ()
        by_block: dict[int, list[Cue]] = {}
        for info, cues in zip(analysis.sentences, unnamed, strict=False):
            by_block.setdefault(info.block.index, []).extend(
                Cue(c.category, c.start + info.start, c.end + info.start, c.text) for c in cues
            )
        for verdict in quote_verdicts(doc, analysis):
            if verdict.attributed and not every:
                continue
            near = [
                c
                for c in by_block.get(verdict.block.index, ())
                if verdict.start <= c.start < verdict.end
            ]
            speaker = sheet_speaker(verdict.speaker, near) if verdict.attributed else ""
            shown = speaker or "no speaker"
            yield Mark(
                verdict.block,
                verdict.start,
                verdict.end,
                self.rule.format(match=_excerpt(verdict.words, 6), speaker=shown),
                data=(("speaker", speaker or verdict.speaker), ("text", verdict.words)),
            )

    def _in_scope(self, info: SentenceInfo) -> bool:
        # Claims are judged per sentence: a mostly quoted one is the source's.
        return self.rule.covers(info.scope)

    def _block_in_scope(self, block: Block) -> bool:
        # A cue is always outside quotation marks; what counts is whether the
        # block is a heading, a blockquote or body text (an interview turn,
        # "Nick Bos: …", is the speaker's words, skipped by the caller).
        return self.rule.covers(
            QUOTE if block.in_blockquote else HEADING if block.kind == "heading" else VOICE
        )


def claim_data(verdict: Verdict, source: str) -> tuple[tuple[str, str], ...]:
    """What the fact-check sheet needs about a claim, as (key, text) pairs."""
    info = verdict.info
    if verdict.status == CARRIED and verdict.carried_from is not None:
        source = f"{source} (carried from the sentence before)".strip()
    elif verdict.status == UNATTRIBUTED:
        source = unnamed_source(info)  # "accused by local leaders": unnamed, not none
    return (
        ("status", verdict.status),
        ("tier", info.tier.level),
        ("what", info.tier.what),
        ("text", SPACE.sub(" ", info.text).strip()),
        ("source", source),
        ("names", "; ".join(info.facts.names)),
        ("numbers", "; ".join(info.facts.numbers)),
        ("dates", "; ".join(info.facts.dates)),
    )


def _excerpt(text: str, limit: int = 8) -> str:
    words = SPACE.sub(" ", text).split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def compile(rule: Rule, phrases: PhraseTable) -> Attribution:
    check = rule.options.get("check")
    if check not in CHECKS:
        hint = did_you_mean(check, CHECKS)
        raise ValueError(f"unknown check {check!r}{hint}; checks: {', '.join(CHECKS)}", "check")
    cues = rule.options.get("cues")
    if isinstance(cues, str):
        cues = shared_cues(rule.path, cues)
    years = rule.options.get("history_years")
    lexicon = compile_lexicon(cues, rule.id, phrases)
    return Attribution(rule, str(check), lexicon, years if isinstance(years, int) else None)


def shared_cues(pack_path: str, rule_id: str) -> object:
    """The ``cues`` mapping of rule ``rule_id`` in the pack at ``pack_path``.

    Rules share one set of cue lists by naming the rule that holds them
    (``cues: attribution.unattributed-claim``) rather than by a YAML anchor.
    """
    from pathlib import Path

    from newslint.yamlfile import load_yaml

    try:
        data = load_yaml(pack_path, Path(pack_path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read {pack_path} for the shared cues: {exc}", "cues") from None
    for raw in data.get("rules", []) if isinstance(data, dict) else []:
        if isinstance(raw, dict) and raw.get("id") == rule_id:
            cues = raw.get("cues")
            if isinstance(cues, dict):
                return cues
            break
    raise ValueError(f"cues: no rule {rule_id!r} with its own cue lists in this pack", "cues")
