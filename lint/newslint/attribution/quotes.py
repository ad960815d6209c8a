"""Quotations and their speakers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass

from newslint.attribution.carry import Analysis
from newslint.attribution.clauses import SentenceInfo
from newslint.attribution.english import STOP_CAPITALS, WORD
from newslint.attribution.facts import MONTH_OR_DAY, NAME
from newslint.attribution.paragraphs import Paragraph
from newslint.attribution.sources import source_of
from newslint.document import QUOTE, Block, Document, Quotation
from newslint.lazyregex import Lazy

NO_SPEAKER = ""


@dataclass(frozen=True)
class QuoteVerdict:
    """A direct quotation and who said it ("" when the draft does not say)."""

    block: Block
    start: int  # block offsets of the sentences the quotation spans
    end: int
    quotation: Quotation | None  # None for a blockquote
    speaker: str

    @property
    def attributed(self) -> bool:
        return self.speaker != NO_SPEAKER

    @property
    def words(self) -> str:
        """The quoted words, without their quotation marks."""
        q = self.quotation
        text = self.block.text if q is None else self.block.text[q.start : q.end]
        return " ".join(text.split()).strip('“”"‘’ ').rstrip(",;:")


def quote_verdicts(doc: Document, analysis: Analysis) -> Iterator[QuoteVerdict]:
    """Every direct quotation of the draft with its speaker, in order."""
    by_block: dict[int, list[SentenceInfo]] = {}
    for info in analysis.sentences:
        by_block.setdefault(id(info.block), []).append(info)
    previous: Block | None = None
    speaker_before = NO_SPEAKER  # who the paragraph before ends by naming
    for block in doc.blocks:
        infos = by_block.get(id(block), [])
        if block.in_blockquote:
            # Consecutive blockquote paragraphs are one excerpt, judged once.
            if previous is None or not previous.in_blockquote:
                speaker = _introduced(by_block, previous)
                yield QuoteVerdict(block, 0, len(block.text), None, speaker)
            speaker_before = NO_SPEAKER
        else:
            terms = {
                c.end for c in analysis.listed.get(block.index, ()) if c.category == "term_markers"
            }
            verdicts = list(_inline_quotes(block, infos, speaker_before, terms))
            yield from verdicts
            speaker_before = _ends_with_speaker(infos, verdicts)
        previous = block


def speaker_of(info: SentenceInfo) -> str:
    """Who a sentence names as its source or speaker, or ""."""
    if info.speaker:
        return info.speaker
    cue = info.covering or (info.cues[0] if info.cues else None)
    if cue is None:
        return NO_SPEAKER
    return source_of(info, cue, "") or "named in the sentence"


def _ends_with_speaker(infos: Sequence[SentenceInfo], verdicts: Sequence[QuoteVerdict]) -> str:
    """Who the paragraph's last sentence names, or quotes having named."""
    if not infos:
        return NO_SPEAKER
    last = infos[-1]
    linked = [v.speaker for v in verdicts if v.attributed and v.end >= last.end]
    if linked:
        return linked[-1]
    if last.intro and not last.cues:
        return _lead_in_speaker(last.voice) or "named before the colon"
    return speaker_of(last)


def _introduced(by_block: Mapping[int, list[SentenceInfo]], previous: Block | None) -> str:
    """A blockquote's source is the paragraph that introduces it ("…, as she wrote:")."""
    if previous is None:
        return NO_SPEAKER
    infos = by_block.get(id(previous), [])
    if not infos:
        return NO_SPEAKER
    last = infos[-1]
    # Introduced by a colon, or following on a quoted sentence with its speaker.
    if last.intro:
        return speaker_of(last) or _lead_in_speaker(last.voice) or "named before the colon"
    return speaker_of(last) if last.scope == QUOTE else NO_SPEAKER


def _inline_quotes(
    block: Block, infos: list[SentenceInfo], speaker_before: str, term_ends: Set[int]
) -> Iterator[QuoteVerdict]:
    attributed_at: dict[int, str] = {}  # sentences with a quotation linked to a speaker
    paragraph = Paragraph(infos, speaker_of)
    for quotation in _top_level(block.quotations):
        # A quotation carried on from the paragraph before shares its speaker:
        # the paragraph that opens it is the one judged.
        if quotation.continued or _is_term(block.text, quotation, term_ends):
            continue
        lead = _words_end(block.text, quotation.start)
        if _WRITERS_FRAME.search(block.text, max(0, lead - _TAIL), quotation.start):
            continue  # the writer's own question or point, set in quotation marks
        spanned = paragraph.spanned(quotation)
        if not spanned:
            continue
        speaker = _speaker(block, paragraph, spanned, quotation, attributed_at, speaker_before)
        if speaker:
            attributed_at.update((i.position, speaker) for i in spanned)
        yield QuoteVerdict(block, spanned[0].start, spanned[-1].end, quotation, speaker)


def _speaker(
    block: Block,
    paragraph: Paragraph,
    spanned: list[SentenceInfo],
    quotation: Quotation,
    attributed_at: dict[int, str],
    speaker_before: str,
) -> str:
    """Who says ``quotation``, tried in the order an editor looks, or NO_SPEAKER."""
    first, last = spanned[0], spanned[-1]
    infos = paragraph.infos
    speaker = next((s for s in map(speaker_of, spanned) if s), NO_SPEAKER)
    if not speaker:  # a transcript quoted whole: "Q … THE PRESIDENT: …"
        label = _TRANSCRIPT.search(block.text, quotation.start, quotation.end)
        speaker = (label.group(1) or label.group(2)) if label else NO_SPEAKER
    if not speaker:
        speaker = _lead_in_speaker(block.text[first.start : quotation.start])
    if not speaker:
        speaker = _dash_speaker(block.text, quotation)
    if not speaker and first.scope == QUOTE:
        speaker = _speaker_beside(infos, first, last, attributed_at, speaker_before)
    if not speaker:
        speaker = _fragment_owner(block.text, first.start, quotation)
    if not speaker and first.scope == QUOTE:
        speaker = _only_speaker(paragraph.named, spanned)
    return speaker


# "The question is, “Should he have known?”": the writer frames a question or
# point of their own; nobody is being quoted.
_WRITERS_FRAME = Lazy(
    r"\b(?:the|my|our|a|one) (?:real |big |only |key )?"
    r"(?:question|answer|point|lesson|issue|problem|moral|message|rule)"
    r" (?:is|was|remains|becomes|here is)[,:]?\s*$",
    re.I,
)
_TRANSCRIPT = Lazy(r"[\"“](Q)\s|\b([A-Z][A-Z.]+(?: [A-Z][A-Z.]+)*):\s")


# "X concluded, “…”", "in the words of X, “…”", "X defended the plan: “…”",
# "X's readers voted to define it as; “…”": a lead-in ending in a comma, colon or
# semicolon, or in "as", naming someone, right before the quotation.
_LEAD_IN_END = Lazy(r"(?:[,:;]|\bas)\s*$")
# A document named right before the quotation is its source.
_DOCUMENT = Lazy(
    r"\b(?:press release|news release|statement|transcript|memo|communiqu[eé])\b", re.I
)
_PRONOUN_START = Lazy(r"^(?:He|She|They|It|We|I)\b")


def _lead_in_speaker(lead_in: str) -> str:
    """The speaker a lead-in names, or ""."""
    text = " ".join(lead_in.split())
    if not text:
        return NO_SPEAKER
    body = text.rstrip(",:; ")
    if not _LEAD_IN_END.search(text):
        document = _DOCUMENT.search(body)
        return body[: document.end()].strip() if document else NO_SPEAKER
    body = body.rsplit(";", 1)[-1].strip()  # the clause that leads in: "…; X wrote:"
    words = WORD.findall(body)
    if not words or len(words) > 25:
        return NO_SPEAKER
    document = _DOCUMENT.search(body)
    if document:  # "Senate Committee on Appropriations Press Release September 21 “…”"
        return body[: document.end()].strip()
    pronoun = _PRONOUN_START.match(body)
    if pronoun:
        return pronoun.group(0)
    names = [m.group(0) for m in NAME.finditer(body)]
    # A name that is not just the capital opening the sentence ("Smith
    # defended the plan:" names Smith; "The rules are simple:" names no one).
    names = [n for n in names if " " in n or not body.startswith(n) or _party(n)]
    if names:
        return names[0]
    role = _ROLE_SUBJECT.match(body)  # "The minister defended the plan:"
    return role.group(1) if role else NO_SPEAKER


# A lead-in whose subject is a role the story has named: "The minister defended the plan:".
_ROLE_SUBJECT = Lazy(
    r"^((?:The|Our|Their|His|Her|Its)\s+(?:[a-z-]+\s+)?(?:minister|mayor|president|premier|"
    r"governor|senator|spokesman|spokeswoman|spokesperson|chief|official|officer|judge|"
    r"prosecutor|lawyer|author|chairman|chairwoman|chair|director|coach|manager|commander|"
    r"general|ambassador|secretary|leader|ministry|agency|company|court|council|police|report|"
    r"study|letter|statement|researchers?|scientists?|witness|victim|owner|founder|CEO))"
    r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|wrote|said|says|told|put\s+it|[a-z]+s(?<!is)(?<!was)(?<!has))\b"
)


def _party(word: str) -> bool:
    """Whether a single capitalised word opening a lead-in is a party who speaks."""
    return word.isupper() or not (
        word in _NOT_PARTIES or word.lower() in STOP_CAPITALS or MONTH_OR_DAY.fullmatch(word)
    )


# "“We will rebuild,” — Mayor Jane Smith": the speaker signed after a dash.
_DASH_SIGNATURE = Lazy(r"\s*[—–]\s*|\s+-{1,2}\s+")


def _dash_speaker(text: str, quotation: Quotation) -> str:
    dash = _DASH_SIGNATURE.match(text, quotation.end)
    name = NAME.match(text, dash.end()) if dash else None
    if name is None or not _party(name.group(0).split()[0]):
        return NO_SPEAKER
    return name.group(0)


# Words that open a sentence or name a time, not a party who could be quoted.
_NOT_PARTIES = frozenset(
    (
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "After",
        "Before",
        "During",
        "Since",
        "When",
        "While",
        "As",
        "The",
        "A",
        "An",
        "This",
        "That",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "Nobody",
        "No",
        "Some",
        "Many",
        "Most",
        "Every",
        "Each",
        "Yesterday",
        "Today",
        "Tomorrow",
    )
)


def _fragment_owner(text: str, sentence_start: int, quotation: Quotation) -> str:
    """Who a short quoted fragment belongs to: the party the clause names.

    "Iran and Syria agreed upon a pact to combat “challenges and threats”":
    a few words quoted inside a clause whose subject is named are that
    party's words, as an editor reads them.
    """
    inner = text[quotation.start + 1 : quotation.end - (0 if quotation.open_end else 1)]
    words = WORD.findall(inner)
    before = text[sentence_start : quotation.start].rstrip()
    first_letter = next((c for c in inner if c.isalpha()), "")
    fragment = len(words) <= 8 and first_letter.islower() and not re.search(r"[.!?]", inner)
    if not fragment or not before or not before[-1].isalnum():
        return NO_SPEAKER
    clause = re.split(r"[,;:—]", before)[-1]
    for name in NAME.finditer(clause):
        first_word = name.group(0).split()[0]
        if first_word in _NOT_PARTIES or MONTH_OR_DAY.fullmatch(first_word):
            continue
        return name.group(0)
    return NO_SPEAKER


def _only_speaker(named: Mapping[str, frozenset[int]], spanned: Sequence[SentenceInfo]) -> str:
    """The one person a paragraph names as speaking, for a quoted sentence in it.

    "Blanco toured the city on Monday. The levees failed overnight. “It is a
    desperate situation.”": with one speaker named in the paragraph, an
    editor reads the quotation as theirs; with two or none, it stays open.
    ``named`` is the paragraph's speakers with the positions that name them.
    """
    inside = {info.position for info in spanned}
    others: list[str] = []
    for speaker, positions in named.items():
        if not positions <= inside:  # named outside the quoted sentences
            others.append(speaker)
            if len(others) > 1:
                return NO_SPEAKER
    return others[0] if others else NO_SPEAKER


def _speaker_beside(
    infos: list[SentenceInfo],
    first: SentenceInfo,
    last: SentenceInfo,
    attributed_at: Mapping[int, str],
    speaker_before: str,
) -> str:
    """A quoted sentence's speaker named in the sentence before or after it."""
    if first.position > 0:
        before = infos[first.position - 1]
        if before.text.rstrip().endswith("?") and before.position > 0:
            before = infos[before.position - 1]  # "Why did she go? “It's Warhol.”"
        if before.position in attributed_at:
            return attributed_at[before.position]
        if before.cues or before.intro:
            return speaker_of(before) or _lead_in_speaker(before.voice) or "named before"
    elif speaker_before:
        return speaker_before
    if last.position + 1 < len(infos):
        after = infos[last.position + 1]
        # "“…?” Hiller asked, inquiring…": a speaker and verb opening the next sentence.
        leads = any(c.start <= 30 and c.category == "attribution" for c in after.cues)
        if after.cues and (after.scope == QUOTE or leads):
            return speaker_of(after)
    return NO_SPEAKER


def _top_level(quotations: Sequence[Quotation]) -> list[Quotation]:
    """The quotations inside no other; ``quotations`` come sorted by start."""
    tops: list[Quotation] = []
    reach = -1  # the furthest end of a top-level quotation so far
    for quotation in quotations:
        if quotation.end > reach:  # every top so far starts at or before it
            tops.append(quotation)
            reach = quotation.end
    return tops


# A quotation right after an article or possessive is a noun phrase being
# named or doubted ("his “band of brothers”"), not a speaker's sentence.
_DETERMINER_END = Lazy(r"\b(?:a|an|the|his|her|its|their|our|my|your|this|that)$", re.I)

# Words a title keeps in lower case: "War on Terror", "Checks and Balances".
_TITLE_SMALL = frozenset(("a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"))


# How far before a quotation its lead-in words are looked at: the patterns
# that read them match a few words, and reading from the block's start made
# one long paragraph quadratic.
_TAIL = 100
_POSSESSIVE_END = Lazy(r"[\w][’']s$")


def _words_end(text: str, end: int) -> int:
    """Where the text before ``end`` stops, its trailing white space left out."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _is_term(text: str, quotation: Quotation, term_ends: Set[int]) -> bool:
    """A quoted name, title or term (“parole”, “War on Terror”) rather than speech.

    ``term_ends`` are where the block's term markers ("called", "titled") end.
    """
    inner = text[quotation.start + 1 : quotation.end - (0 if quotation.open_end else 1)]
    words = WORD.findall(inner)
    stop = _words_end(text, quotation.start)  # the words before end here
    tail = max(0, stop - _TAIL)
    embedded = stop > 0 and text[stop - 1].isalnum()  # "equating dictatorship with “stability.”"
    if len(words) <= 2 and (embedded or not re.search(r"[.!?]", inner)):
        return True  # an echoed word or term, not speech: “stability!”, “parole”
    title_case = all(w[0].isupper() or not w[0].isalpha() or w in _TITLE_SMALL for w in words)
    first_word = next((w for w in words if w[0].isalpha()), "")
    if first_word[:1].isupper() and title_case and len(words) <= 16:
        return True  # a title, name or slogan: "Checks And Balances", "60 Minutes II"
    if _POSSESSIVE_END.search(text, tail, stop):  # the administration's “tough on Iran” stance
        return True
    determiner = _DETERMINER_END.search(text, tail, stop)
    if determiner and len(words) <= 6 and not re.search(r"[.!?]", inner):
        return True  # a noun phrase quoted as a term: a “defense cooperation agreement”
    return stop in term_ends
