"""One long paragraph costs the same per sentence as a short one (issue 9, item 9).

No timing: each test records how much text or how many cues a per-sentence or
per-quotation step is handed, and checks it does not grow with the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from newslint import reported
from newslint.attribution import quotes
from newslint.attribution.lexicon import Cue, CueIndex, Lexicon
from tests.conftest import SEED, lint_text


def one_paragraph(repeats: int) -> str:
    """The seed's body paragraphs joined into one, ``repeats`` times over."""
    paras = [
        " ".join(p.split())
        for p in SEED.read_text(encoding="utf-8").split("\n\n")
        if p.strip() and not p.lstrip().startswith(("#", "---", ">", "|", "-", "!"))
    ]
    return " ".join(paras[:12] * repeats) + "\n"


@dataclass
class Recorder:
    """A compiled pattern that notes the width of text each search is given."""

    pattern: re.Pattern[str]
    widths: list[int] = field(default_factory=list)

    def _width(self, text: str, pos: int, endpos: int | None) -> int:
        end = len(text) if endpos is None else min(endpos, len(text))
        self.widths.append(end - pos)
        return end

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.pattern.search(text, pos, self._width(text, pos, endpos))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator:
        return self.pattern.finditer(text, pos, self._width(text, pos, endpos))


@dataclass
class Work:
    """What the per-sentence and per-quotation steps were handed in one run."""

    cues_per_sentence: list[int] = field(default_factory=list)
    windows: dict[str, list[int]] = field(default_factory=dict)
    speaker_calls: int = 0


def work_for(repeats: int, monkeypatch: pytest.MonkeyPatch) -> Work:
    work = Work()
    recorders = {
        "writers-frame": (quotes, "_WRITERS_FRAME"),
        "determiner": (quotes, "_DETERMINER_END"),
        "possessive": (quotes, "_POSSESSIVE_END"),
        "single-marks": (reported, "_SINGLE_MARK"),
    }
    for name, (module, attr) in recorders.items():
        recorder = Recorder(getattr(module, attr))
        monkeypatch.setattr(module, attr, recorder)
        work.windows[name] = recorder.widths
    find = Lexicon.find

    def counting_find(self: Lexicon, voice: str, block_cues: list[Cue], offset: int) -> list[Cue]:
        work.cues_per_sentence.append(len(block_cues))
        return find(self, voice, block_cues, offset)

    speaker_of = quotes.speaker_of

    def counting_speaker_of(info: object) -> str:
        work.speaker_calls += 1
        return speaker_of(info)  # type: ignore[arg-type]

    monkeypatch.setattr(Lexicon, "find", counting_find)
    monkeypatch.setattr(quotes, "speaker_of", counting_speaker_of)
    findings = lint_text(one_paragraph(repeats))
    assert any(f.rule.startswith("attribution.") for f in findings)
    monkeypatch.undo()
    return work


@pytest.fixture(scope="module")
def short_and_long() -> tuple[Work, Work]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return work_for(2, monkeypatch), work_for(8, monkeypatch)


def test_each_sentence_gets_only_its_own_cues(short_and_long: tuple[Work, Work]) -> None:
    short, long = short_and_long
    assert short.cues_per_sentence and max(short.cues_per_sentence) > 0
    # Four times the paragraph: four times the sentences, each with as many cues.
    assert len(long.cues_per_sentence) == 4 * len(short.cues_per_sentence)
    assert max(long.cues_per_sentence) == max(short.cues_per_sentence)


@pytest.mark.parametrize("name", ["writers-frame", "determiner", "possessive", "single-marks"])
def test_text_read_around_a_quotation_or_hit_is_bounded(
    short_and_long: tuple[Work, Work], name: str
) -> None:
    short, long = short_and_long
    assert short.windows[name], f"{name} was never searched: the draft no longer tests it"
    assert len(long.windows[name]) == 4 * len(short.windows[name])
    assert max(long.windows[name]) == max(short.windows[name])
    assert max(long.windows[name]) <= 2 * reported._SINGLE_REACH


def test_speakers_looked_up_in_proportion_to_the_paragraph(
    short_and_long: tuple[Work, Work],
) -> None:
    short, long = short_and_long
    assert short.speaker_calls > 0
    # Linear: four times the text, about four times the look-ups (not sixteen).
    assert long.speaker_calls <= 4.5 * short.speaker_calls


def test_cue_index_slices_a_sentence_in_the_order_found() -> None:
    cues = [Cue("attribution", 30, 34, "said"), Cue("vague", 2, 12, "reportedly")]
    cues += [Cue("attribution", 50, 54, "told"), Cue("anonymous", 12, 20, "an aide")]
    index = CueIndex.of(cues)
    assert index.between(0, 31) == [cues[0], cues[1], cues[3]]
    assert index.between(12, 50) == [cues[0], cues[3]]
    assert index.between(55, 90) == []


def test_text_read_before_a_loaded_word_is_bounded_in_a_long_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A label after a verb of naming sits a few words before the hit: reading
    # the whole sentence before each hit made one long sentence quadratic
    # (61,000 characters, 2,000 hits: 3 s of CPU against 0.1 s).
    recorder = Recorder(reported._REPORTED_LABEL)
    monkeypatch.setattr(reported, "_REPORTED_LABEL", recorder)
    clause = "the regime and the thugs went to market with some cheese and "
    findings = lint_text(clause * 200 + "end.\n", select=("loaded",))
    assert len(findings) == 400
    assert max(recorder.widths) <= reported._LABEL_REACH


def test_text_read_before_each_year_is_bounded_in_a_long_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "after the 2003 disaster": the word before "the" is all history needs;
    # reading the sentence up to each year made a long one quadratic (64,000
    # characters, 2,000 years: 3.6 s of CPU).
    from newslint.attribution import history

    recorder = Recorder(history._BEFORE_THE.compiled)
    monkeypatch.setattr(history, "_BEFORE_THE", recorder)
    sentence = "Floods killed 300 people" + " and the 1994 storm hit the town" * 200 + "."
    assert history.placed_years(sentence) == (1994,) * 200
    assert max(recorder.widths) <= history._WORD_REACH
