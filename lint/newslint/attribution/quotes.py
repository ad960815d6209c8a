"""Quotations and their speakers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newslint.attribution.carry import Analysis
from newslint.attribution.clauses import SentenceInfo
from newslint.attribution.english import WORD
from newslint.attribution.lexicon import Cue
from newslint.document import QUOTE, Block, Document, Quotation

# --- quotations and their speakers ---------------------------------------------------------


@dataclass(frozen=True)
class QuoteVerdict:
    block: Block
    start: int  # block offsets of the sentences the quotation spans
    end: int
    quotation: Quotation | None  # None for a blockquote
    attributed: bool


def quote_verdicts(doc: Document, analysis: Analysis) -> Iterator[QuoteVerdict]:
    by_block: dict[int, list[SentenceInfo]] = {}
    for info in analysis.sentences:
        by_block.setdefault(id(info.block), []).append(info)
    previous: Block | None = None
    speaker_before = False  # the paragraph before ends by naming a speaker
    for block in doc.blocks:
        infos = by_block.get(id(block), [])
        if block.in_blockquote:
            # Consecutive blockquote paragraphs are one excerpt, judged once.
            if previous is None or not previous.in_blockquote:
                yield QuoteVerdict(block, 0, len(block.text), None, _introduced(by_block, previous))
            speaker_before = False
        else:
            terms = [
                c for c in analysis.listed.get(block.index, ()) if c.category == "term_markers"
            ]
            verdicts = list(_inline_quotes(block, infos, speaker_before, terms))
            yield from verdicts
            speaker_before = _ends_with_speaker(infos, verdicts)
        previous = block


def _ends_with_speaker(infos: Sequence[SentenceInfo], verdicts: Sequence[QuoteVerdict]) -> bool:
    """The paragraph's last sentence names a speaker, or quotes one already named."""
    if not infos:
        return False
    last = infos[-1]
    linked = any(v.attributed and v.end >= last.end for v in verdicts)
    return linked or bool(last.cues) or last.intro


def _introduced(by_block: Mapping[int, list[SentenceInfo]], previous: Block | None) -> bool:
    """A blockquote's source is the paragraph that introduces it ("…, as she wrote:")."""
    if previous is None:
        return False
    infos = by_block.get(id(previous), [])
    if not infos:
        return False
    last = infos[-1]
    # Introduced by a colon, or following on a quoted sentence with its speaker.
    return last.intro or (last.scope == QUOTE and bool(last.cues))


def _inline_quotes(
    block: Block, infos: list[SentenceInfo], speaker_before: bool, terms: Sequence[Cue]
) -> Iterator[QuoteVerdict]:
    attributed_at: set[int] = set()  # sentences with a quotation linked to a speaker
    for quotation in _top_level(block.quotations):
        # A quotation carried on from the paragraph before shares its speaker:
        # the paragraph that opens it is the one judged.
        if quotation.continued or _is_term(block.text, quotation, terms):
            continue
        spanned = [i for i in infos if i.start < quotation.end and quotation.start < i.end]
        if not spanned:
            continue
        first, last = spanned[0], spanned[-1]
        attributed = any(i.cues for i in spanned)
        if not attributed and first.scope == QUOTE:
            attributed = _speaker_beside(infos, first, last, attributed_at, speaker_before)
        if attributed:
            attributed_at.update(i.position for i in spanned)
        yield QuoteVerdict(block, first.start, last.end, quotation, attributed)


def _speaker_beside(
    infos: list[SentenceInfo],
    first: SentenceInfo,
    last: SentenceInfo,
    attributed_at: set[int],
    speaker_before: bool,
) -> bool:
    """A quoted sentence's speaker named in the sentence before or after it."""
    if first.position > 0:
        before = infos[first.position - 1]
        if before.cues or before.intro or before.position in attributed_at:
            return True
    elif speaker_before:
        return True
    if last.position + 1 < len(infos):
        after = infos[last.position + 1]
        return after.scope == QUOTE and bool(after.cues)
    return False


def _top_level(quotations: Sequence[Quotation]) -> list[Quotation]:
    tops: list[Quotation] = []
    for quotation in quotations:
        if not any(t.contains(quotation.start, quotation.end) for t in tops):
            tops.append(quotation)
    return tops


def _is_term(text: str, quotation: Quotation, terms: Sequence[Cue]) -> bool:
    """A quoted name, title or term (“parole”, “The Shadow Commander”) rather than speech."""
    inner = text[quotation.start + 1 : quotation.end - (0 if quotation.open_end else 1)]
    words = WORD.findall(inner)
    if len(words) <= 2 and not re.search(r"[.!?]", inner):
        return True
    if all(w[0].isupper() or not w[0].isalpha() for w in words) and len(words) <= 6:
        return True
    before = text[: quotation.start].rstrip()
    if re.search(r"[\w][’']s$", before):  # the administration's “tough on Iran” stance
        return True
    return any(c.end == len(before) for c in terms)
