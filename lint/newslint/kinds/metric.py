"""metric: readability figures against thresholds, per sentence, paragraph or draft.

Word and sentence counts are our own; grade level and reading ease are the
Flesch formulas of newslint.readability, whose CMUdict is opened only when
such a rule runs.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from newslint.document import QUOTE, Block, Document, Sentence
from newslint.kinds.base import Mark, in_scope
from newslint.phrases import Hit, PhraseTable
from newslint.readability import scores, word_count
from newslint.reported import is_transcript_answer
from newslint.rule import Rule
from newslint.runcontext import RunContext
from newslint.schema import Key

# The names its messages may use: {match} and so on, filled in by the check.
PLACEHOLDERS = frozenset(("value", "limit"))

KEYS = {
    "metric": Key((str,), True, "what to measure (see METRICS)"),
    "max": Key((int, float), False, "flag when the figure is above this"),
    "min": Key((int, float), False, "flag when the figure is below this"),
    "ceiling": Key(
        (int, float), False, "leave figures above this to a stricter rule (no double flags)"
    ),
}

SENTENCE = ("sentence_words",)
PARAGRAPH = ("paragraph_words", "paragraph_sentences")
DOCUMENT = {
    "average_sentence_words": None,
    "grade_level": "flesch_kincaid_grade",
    "reading_ease": "flesch_reading_ease",
}
METRICS = (*SENTENCE, *PARAGRAPH, *DOCUMENT)


@dataclass(frozen=True)
class Metric:
    """A metric rule, compiled: the measure and its limits."""

    rule: Rule
    metric: str
    high: float | None
    low: float | None
    ceiling: float | None = None

    def run(self, doc: Document, hits: Sequence[Hit], context: RunContext) -> Iterator[Mark]:
        if self.metric in SENTENCE:
            yield from self._sentences(doc)
        elif self.metric in PARAGRAPH:
            yield from self._paragraphs(doc)
        else:
            yield from self._document(doc, context)

    def _out_of_bounds(self, value: float) -> float | None:
        if self.ceiling is not None and value > self.ceiling:
            return None
        if self.high is not None and value > self.high:
            return self.high
        if self.low is not None and value < self.low:
            return self.low
        return None

    def _mark(self, block: Block, start: int, end: int, value: float) -> Mark | None:
        limit = self._out_of_bounds(value)
        if limit is None:
            return None
        shown = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
        return Mark(block, start, end, self.rule.format(value=shown, limit=f"{limit:g}"))

    def _sentences(self, doc: Document) -> Iterator[Mark]:
        for block in doc.blocks:
            if self._speakers_words(block):
                continue
            for sentence in block.sentences:
                if in_scope(self.rule, block, sentence.start, sentence.end):
                    mark = self._mark(
                        block, sentence.start, sentence.end, word_count(sentence.text)
                    )
                    if mark and not (
                        self._mostly_quoted(block, sentence) or _semicolon_list(sentence.text)
                    ):
                        yield mark

    def _speakers_words(self, block: Block) -> bool:
        # An interviewee's answer ("Noam Chomsky: ...") is transcribed, not
        # edited: an editor does not split the speaker's sentences.
        return not self.rule.covers(QUOTE) and is_transcript_answer(block.text)

    def _mostly_quoted(self, block: Block, sentence: Sentence) -> bool:
        """Whether at least two thirds of the sentence's words are a direct
        quotation: the speaker's sentence, which an editor quotes, not splits."""
        if self.rule.covers(QUOTE):
            return False
        spans = block.words
        first = bisect_left(spans, (sentence.start, -1))
        last = bisect_right(spans, (sentence.end, sentence.end))
        words = [(s, e) for s, e in spans[first:last] if e <= sentence.end]
        quoted = sum(1 for s, e in words if block.scope_at(s, e) == QUOTE)
        return bool(words) and 3 * quoted >= 2 * len(words)

    def _paragraphs(self, doc: Document) -> Iterator[Mark]:
        measure: Callable[[Block], int] = (
            (lambda b: word_count(b.text))
            if self.metric == "paragraph_words"
            else (lambda b: len(b.sentences))
        )
        for block in doc.blocks:
            if block.kind == "paragraph" and in_scope(self.rule, block, 0, len(block.text)):
                mark = self._mark(block, 0, len(block.text.rstrip()), measure(block))
                if mark:
                    yield mark

    def _document(self, doc: Document, context: RunContext) -> Iterator[Mark]:
        blocks = [
            b
            for b in doc.blocks
            if b.kind == "paragraph" and in_scope(self.rule, b, 0, len(b.text))
        ]
        sentences = [s for b in blocks for s in b.sentences]
        if len(sentences) < 3 or not doc.blocks:
            return  # too little text for a document score to mean anything
        if self.metric == "average_sentence_words":
            value = sum(word_count(s.text) for s in sentences) / len(sentences)
        else:
            value = _scores(context, blocks)[str(DOCUMENT[self.metric])]
        first = doc.blocks[0]
        mark = self._mark(first, 0, len(first.text.rstrip()), round(value, 1))
        if mark:
            yield mark


# A series whose items are set off by semicolons: "actor Dennis Hopper;
# musician Nick Rhodes of Duran Duran; …". Each item is read as a unit.
_LIST_ITEM_WORDS = 20


def _semicolon_list(text: str) -> bool:
    """Whether a sentence is a list of three or more short items split by semicolons."""
    items = text.split(";")
    return len(items) >= 3 and all(word_count(item) <= _LIST_ITEM_WORDS for item in items)


def _scores(context: RunContext, blocks: list[Block]) -> dict[str, float]:
    """Both document scores, computed once per draft for the same prose.

    The grade-level and reading-ease rules score the same sentences: the
    syllable count, most of the work, is shared through the run context.
    """
    key = "readability.scores:" + ",".join(str(b.index) for b in blocks)
    return dict(context.shared(key, lambda: scores([s.text for b in blocks for s in b.sentences])))


def compile(rule: Rule, phrases: PhraseTable) -> Metric:
    metric = rule.options.get("metric")
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; use one of: {', '.join(METRICS)}", "metric")
    high, low = rule.options.get("max"), rule.options.get("min")
    if high is None and low is None:
        raise ValueError("a metric rule needs 'max' or 'min'", "max")
    return Metric(rule, str(metric), high, low, rule.options.get("ceiling"))
