"""Per-paragraph sentence length and grade level, drawn as a small inline SVG.

Bars are the mean words per sentence of each body paragraph; dots joined by
a line are its Flesch-Kincaid grade, by the formula and syllable
counts but over newslint's own sentences and words (so bar and dot agree).
The words and syllables are counted where the draft was linted (the
layout, ``newslint.layout``): a report of 500 drafts would otherwise spend
seconds on them. The numbers are also given as a table in the report, so
the chart is never the only way to read them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from newslint.layout import LaidBlock

WIDTH = 320
HEIGHT = 90
TOP = 6  # room above the tallest bar
# Scales fixed across drafts so that two charts compare at a glance.
MAX_WORDS = 40.0
MAX_GRADE = 20.0


# Rows and bars are NamedTuples: the template unpacks them in its loops
# (no attribute lookup per value; a 500-draft report draws thousands).
class ParagraphStats(NamedTuple):
    """One body paragraph's numbers."""

    number: int  # 1-based among the draft's body paragraphs
    line: int
    sentences: int
    words_per_sentence: float
    grade: float


class Bar(NamedTuple):
    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass(frozen=True)
class Chart:
    """What the template draws."""

    width: int
    height: int
    bars: tuple[Bar, ...]
    grade_points: str  # the polyline's "x,y x,y …"
    dots: tuple[tuple[float, float], ...]


def paragraph_stats(paragraphs: Iterable[LaidBlock]) -> list[ParagraphStats]:
    stats = []
    for number, block in enumerate(paragraphs, 1):
        count = block.sentences
        grade = kincaid_grade(block.words, block.syllables, count)
        per_sentence = round(block.words / count, 1)
        stats.append(ParagraphStats(number, block.line, count, per_sentence, round(grade, 1)))
    return stats


def kincaid_grade(words: int, syllables: int, sentences: int) -> float:
    """Flesch-Kincaid grade level: 0.39 words/sentence + 11.8 syllables/word − 15.59."""
    if not words or not sentences:
        return 0.0
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def chart(stats: list[ParagraphStats]) -> Chart | None:
    if not stats:
        return None
    step = WIDTH / len(stats)
    usable = HEIGHT - TOP
    bars, dots = [], []
    for index, row in enumerate(stats):
        height = usable * min(row.words_per_sentence, MAX_WORDS) / MAX_WORDS
        x = index * step
        label = (
            f"Paragraph {row.number} (line {row.line}): {row.words_per_sentence:g} words "
            f"a sentence, grade {row.grade:g}"
        )
        bars.append(Bar(round(x + step * 0.15, 1), round(HEIGHT - height, 1),
                        round(step * 0.7, 1), round(height, 1), label))  # fmt: skip
        grade = min(max(row.grade, 0.0), MAX_GRADE)
        dots.append((round(x + step / 2, 1), round(HEIGHT - usable * grade / MAX_GRADE, 1)))
    points = " ".join(f"{x},{y}" for x, y in dots)
    return Chart(WIDTH, HEIGHT, tuple(bars), points, tuple(dots))
