"""The cue lexicon: the rule's cue lists compiled once, and the cues of a sentence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newslint.attribution.english import first_letter
from newslint.document import PLACEHOLDER, Block, Document
from newslint.patterns import SafePattern, compile_pattern
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
    "term_markers": "words right before a quotation that make it a name or term: called, titled",
}
PATTERN_LISTS = {
    f"{name}_patterns": f"regular expressions for {name}"
    for name in ("attribution", "vague", "anonymous", "not_attribution", "claim_signals")
}
SOURCE_CUES = ("attribution", "attribution_phrases", "vague", "anonymous")
NAMED = ("attribution", "attribution_phrases")


# --- compiled cues -----------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A cue found in a block or sentence (offsets relative to it)."""

    category: str
    start: int
    end: int
    text: str
    pattern: bool = False  # found by a pattern, not a listed phrase


@dataclass(frozen=True)
class Lexicon:
    """The rule's cue lists once compiled.

    The word lists go into the pack's phrase table, which the engine scans
    once per draft for every rule (longest phrase first, so "is said to have"
    wins over "said" and "was told" over "told"); the patterns run here, on
    each block with its quotations blanked out.
    """

    listed_capitalised: frozenset[str]  # phrases an editor wrote with a capital
    patterns: tuple[tuple[str, SafePattern], ...]

    def block_cues(
        self, doc: Document, hits: Sequence[Hit], categories: frozenset[str]
    ) -> dict[int, list[Cue]]:
        """The cues of the wanted categories in each block, by block index (block offsets)."""
        found: dict[int, list[Cue]] = {}
        for hit in hits:
            if hit.entry.payload in categories:
                cue = Cue(hit.entry.payload, hit.start, hit.end, hit.text)
                found.setdefault(hit.block.index, []).append(cue)
        for index, cues in self._pattern_cues(doc).items():
            wanted = [cue for cue in cues if cue.category in categories]
            if wanted:
                found.setdefault(index, []).extend(wanted)
        return found

    def _pattern_cues(self, doc: Document) -> dict[int, list[Cue]]:
        """Cues the patterns find, every category, once per document.

        The five attribution rules each ask; the patterns run for the first
        and the others read the document's memo.
        """
        # Rules that share their cue lists (the YAML anchor) share the memo.
        key = "attribution:pattern-cues:" + "\0".join(f"{c}={p.source}" for c, p in self.patterns)
        if key in doc.memo:
            return dict(doc.memo[key])
        found: dict[int, list[Cue]] = {}
        if self.patterns:
            # A blockquote is all the source's words: no cue in it is the writer's.
            for block in (b for b in doc.blocks if not b.in_blockquote):
                voice = block_voice(block)
                for category, pattern in self.patterns:
                    for start, end in pattern.spans(voice, doc.path):
                        if end > start:
                            cue = Cue(category, start, end, voice[start:end], pattern=True)
                            found.setdefault(block.index, []).append(cue)
        doc.memo[key] = found
        return dict(found)

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
            capital = not cue.pattern and cue.text[0].isupper() and start != first
            if capital and normalise(cue.text) not in self.listed_capitalised:
                continue
            found.append(Cue(cue.category, start, end, cue.text, cue.pattern))
        return found


def compile_lexicon(cues: object, rule_id: str, phrases: PhraseTable) -> Lexicon:
    """Check the ``cues`` mapping, add its words to the pack's table, compile its patterns.

    Raises ValueError(message, key) on a problem.
    """
    if not isinstance(cues, dict):
        raise ValueError("'cues' must be a mapping of cue lists", "cues")
    capitalised: set[str] = set()
    patterns: list[tuple[str, SafePattern]] = []
    for name, values in cues.items():
        if name not in WORD_LISTS and name not in PATTERN_LISTS:
            hint = did_you_mean(name, [*WORD_LISTS, *PATTERN_LISTS])
            raise ValueError(f"unknown cue list {name!r}{hint}", "cues")
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ValueError(f"cue list {name!r} must be a list of strings", "cues")
        if name in PATTERN_LISTS:
            category = name.removesuffix("_patterns")
            for value in values:  # each checked alone, so an error names the pattern
                compile_pattern(value, True, "cues")
            if values:
                # One alternation per list: a draft's blocks are searched once
                # per list rather than once per pattern.
                joined = "|".join(f"(?:{value})" for value in values)
                patterns.append((category, compile_pattern(joined, True, "cues")))
            continue
        for phrase in values:
            phrases.add(rule_id, phrase, payload=name)
            if phrase[:1].isupper():
                capitalised.add(normalise(phrase))
    return Lexicon(frozenset(capitalised), tuple(patterns))


def block_voice(block: Block) -> str:
    """The block's text with its quotations blanked out (same length), or all of a blockquote."""
    if not block.quotations:
        return block.text
    chars = list(block.text)
    for quotation in block.quotations:
        chars[quotation.start : quotation.end] = PLACEHOLDER * (quotation.end - quotation.start)
    return "".join(chars)
