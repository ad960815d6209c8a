"""loaded.lexicon: the generated list of strongly subjective words, in the writer's voice only."""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest

from tests.conftest import lint_text

ROOT = Path(__file__).resolve().parent.parent


def _lexicon(text: str) -> list[str]:
    return [
        f.message
        for f in lint_text(text + "\n", select=("loaded.lexicon",))
        if f.rule == "loaded.lexicon"
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The council's response to the flood was mediocre.", "mediocre"),
        ("It was a heartwarming reunion for the two brothers.", "heartwarming"),
        ("The agency unjustly withheld the records.", "unjustly"),  # adverb of a listed word
    ],
)
def test_generated_words_in_the_writers_voice_are_verdicts(text: str, word: str) -> None:
    assert _lexicon(text) == [
        f"“{word}” is a verdict, not a fact: show what happened or attribute it"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“It was mediocre at best,” the opposition leader said.",
        "Critics called the plan 'mediocre'.",
        "Though I am loathe to quote other writers, here it is.",
        "He received an honorable discharge in 1974.",
        "The relatives were distraught, and the police were suspicious of the car.",
        "The Mediocre Brothers played on Friday.",
    ],
)
def test_quotation_reports_feelings_and_names_pass(text: str) -> None:
    assert _lexicon(text) == []


def _script() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(
        "loaded_lexicon", ROOT / "scripts" / "loaded_lexicon.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_calibration_reads_only_the_writers_voice(tmp_path: Path) -> None:
    gum = tmp_path / "GUM_news_x.xml"
    gum.write_text(
        "<text>\n<p>\nThe\tDT\nmediocre\tJJ\nplan\tNN\n\"\t``\nsplendid\tJJ\n\"\t''\n</p>\n"
        "<quote>\nawful\tJJ\n</quote>\n</text>\n",
        encoding="utf-8",
    )
    story = tmp_path / "story.md"
    story.write_text(
        "---\nsplit: dev\n---\nA dreadful day, “a lovely one” said she.\n", encoding="utf-8"
    )
    held_out = tmp_path / "held.md"
    held_out.write_text("---\nsplit: test\n---\nA superb day.\n", encoding="utf-8")
    # The GUM file a test-half story was made from is held out with it.
    (tmp_path / "GUM_news_held.xml").write_text("<p>\nsuperb\tJJ\n</p>\n", encoding="utf-8")
    counts = _script().voice_counts([tmp_path])
    assert counts["mediocre"] == 1 and counts["dreadful"] == 1
    assert counts["splendid"] == counts["awful"] == counts["lovely"] == counts["superb"] == 0


def test_generated_block_lists_no_word_another_rule_lists() -> None:
    script = _script()
    pack = (ROOT / "rules" / "loaded.yml").read_text(encoding="utf-8")
    block = pack[pack.index(script.BEGIN) : pack.index(script.END)]
    generated = {w.strip() for w in block.split("\n", 1)[1].split(",") if w.strip()}
    assert "mediocre" in generated
    assert not generated & script.listed_elsewhere(pack)
    assert not generated & script.KEPT_OUT


def test_a_word_news_lets_slip_rarely_but_opinion_uses_often_is_not_normal() -> None:
    from collections import Counter

    script = _script()
    edited = Counter({"the": 100_000, "dazzling": 1, "crucial": 1, "stated": 40})
    opinion = Counter({"the": 50_000, "dazzling": 6, "crucial": 1})
    prose = script.Calibration(edited, opinion)
    assert not prose.normal("dazzling")  # once in news, twelve times as often in opinion
    assert prose.normal("crucial")  # once in news, no more often in opinion
    assert prose.normal("stated")  # common in news
    assert not prose.normal("splendid")  # never in news


def test_verb_forms_follow_the_regular_rules() -> None:
    forms = _script().verb_forms
    assert forms("strut") == ["strut", "struts", "strutted", "strutting"]
    assert forms("jabber") == ["jabber", "jabbers", "jabbered", "jabbering"]
    assert forms("vilify") == ["vilify", "vilifies", "vilified", "vilifying"]
    assert forms("bungle") == ["bungle", "bungles", "bungled", "bungling"]
    assert forms("extol") == ["extol", "extols", "extolled", "extoled", "extolling", "extoling"]
    assert forms("spoon-feed") == ["spoon-feed", "spoon-feeds", "spoon-fed", "spoon-feeding"]


def test_verb_and_contempt_blocks_are_calibrated_and_listed_once() -> None:
    script = _script()
    pack = (ROOT / "rules" / "loaded.yml").read_text(encoding="utf-8")
    for begin, end in (
        (script.VERBS_BEGIN, script.VERBS_END),
        (script.CONTEMPT_BEGIN, script.CONTEMPT_END),
    ):
        block = pack[pack.index(begin) : pack.index(end)]
        words = {w.strip() for w in block.split("\n", 1)[1].split(",") if w.strip()}
        assert words and not words & script.listed_elsewhere(pack)
    # "gloat" is the editor's choice, but edited prose wrote "gloats": dropped with its forms.
    assert "gloat" in script.JUDGING_VERBS and "gloating" not in pack
