"""The cue screen leaves a pattern out of a block's search only where it cannot match.

Whatever the screen leaves out, the cues found (which, where, in which order)
must be those of the whole alternation run over the block (issue 14, item 2).
"""

from __future__ import annotations

import pickle
import re

import pytest

from newslint.attribution.lexicon import block_voice, combine
from newslint.attribution.screen import Screen, fold, requirement, screenable
from newslint.markdown import make_parser
from newslint.packs import builtin_rules_dir, load_packs, pack_files
from newslint.parse import parse_document
from tests.conftest import FIXTURES, SEED
from tests.test_cue_alternation import _SOURCES as ALTERNATION_SOURCES

# The alternation tests' patterns, and one that overlaps the "asked" patterns.
_SOURCES = [*ALTERNATION_SOURCES, r"\bofficials?\s+(?:who\s+)?(?P<cue>asked)\b"]

_TEXTS = [
    "It was widely said to be true. Many critics agreed; Smith, an official, said no.",
    "“Why?” asked Ana. Bush asked. The banner read “No”. Re-an official spoke.",
    "Officials asked, and an official asked. Officials who asked: reports, sources.",
    "Nothing here at all.",
    "The banners read on.",
    "ISWAS ſaid to. İS SAID TO be. The ſigns that reads. MANY CRITICS, an OFFICIAL.",
    "officials who asked, some critics, one official, banners read, was said to; reports.",
]


def _screened(pattern_sources: list[str], text: str) -> list[tuple[int, int]]:
    cues = combine("vague", pattern_sources)
    return cues.spans(text, Screen([text]).alive(0, cues.required))


@pytest.mark.parametrize("text", _TEXTS)
def test_the_screen_finds_what_the_whole_alternation_finds(text: str) -> None:
    cues = combine("vague", _SOURCES)
    assert _screened(_SOURCES, text) == cues.spans(text)


def test_texts_reach_every_path_of_the_screen() -> None:
    """No pattern possible, exactly one, several (merged), and all of them."""
    cues = combine("vague", _SOURCES)
    counts = set()
    for text in _TEXTS:
        counts.add(len(Screen([text]).alive(0, cues.required)))
    assert {0, 1, len(_SOURCES)} <= counts
    assert any(1 < c < len(_SOURCES) for c in counts)


def test_merged_matches_keep_the_alternation_s_choice_where_patterns_overlap() -> None:
    """At "Officials asked" two patterns match, with different cues; the
    alternation takes the earlier-listed one and goes on after its match, and
    so must the screen's merge of the patterns run alone."""
    sources = [
        r"\bofficials\s+(?P<cue>asked)\b",
        r"\bofficials\s+asked,\s+and\s+an\s+(?P<cue>official)\b",
        r"\bbanners?\s+(?P<cue>read)\b",  # not in the text: the screen merges two of three
        r"(?:(?P<not>[\w.'’-]*(?-i:[A-Z])[\w.'’-]*,)\s+)?\b(?:a|an|one)\s+(?P<cue>official)\b",
    ]
    text = _TEXTS[2]
    cues = combine("anonymous", sources)
    spans = cues.spans(text)
    assert [text[s:e] for s, e in spans] == ["asked", "official"]
    assert _screened(sources, text) == spans
    assert _screened(sources[::-1], text) == combine("anonymous", sources[::-1]).spans(text)


def test_folding_matches_what_ignorecase_matches() -> None:
    """Every character re's IGNORECASE takes for an ASCII letter or digit folds to it."""
    plain = re.compile(r"[a-z0-9]", re.IGNORECASE)
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or not plain.fullmatch(char):
            continue
        folded = fold(char + " ")  # non-ASCII text takes the translating path
        assert len(folded) == 2 and re.fullmatch(re.escape(folded[0]), char, re.IGNORECASE), hex(
            code
        )


def test_requirements_name_words_every_match_holds() -> None:
    need = requirement(r"\b(?:is|are)\s+(?:now\s+)?(?:said|says|rumou?red)\s+to\b")
    assert need is not None
    words = [part_words for part_words, _ in need]
    assert frozenset({"said", "says", "rumored", "rumoured"}) in words
    assert frozenset({"is", "are"}) in words and frozenset({"to"}) in words
    assert all("now" not in w for w in words)  # optional: not needed
    assert requirement(r"[A-Z]\w+") is None  # nothing certain: always searched
    # Not between word boundaries: a text, looked for anywhere.
    (part,) = requirement(r"\b(?:blog post|rumo)") or ()
    assert part == (frozenset(), ("blog post", "rumo"))


def test_a_word_is_found_only_whole_and_a_text_anywhere() -> None:
    cues = combine("vague", [r"\bsaid\b", r"rumo"])
    assert Screen(["unsaid rumours"]).alive(0, cues.required) == [1]
    assert Screen(["It was said, (said)"]).alive(0, cues.required) == [0]
    assert Screen(["ſaid: İt was rumoured"]).alive(0, cues.required) == [0, 1]
    assert cues.spans("ſaid", [0]) == cues.spans("ſaid") == [(0, 4)]


def test_back_references_empty_matches_and_ascii_words_are_never_screened() -> None:
    assert not screenable(r"\b(\w+) \1\b")
    assert not screenable(r"(?:said)?")
    assert not screenable(r"(?a:\bsaid\b)")  # an ASCII \b ends a word at "é" or "K"
    assert screenable(r"\bsaid\b")
    cues = combine("vague", [r"\b(?P<x>\w+) (?P=x)\b", r"\bsaid\b"])
    assert not cues.alone
    assert cues.spans("the the said", []) == [(0, 7), (8, 12)]


def test_the_shipped_cue_lists_find_the_same_cues_screened_in_every_fixture() -> None:
    loaded = load_packs(pack_files(builtin_rules_dir()), None)
    lexicons = {
        c.lexicon.key: c.lexicon for p in loaded.packs for c in p.checks if hasattr(c, "lexicon")
    }
    assert lexicons
    parser = make_parser()
    drafts = [SEED, *sorted(FIXTURES.glob("*.md"))]
    searched = left_out = 0
    for path in drafts:
        doc = parse_document(str(path), path.read_text(encoding="utf-8"), parser)
        voices = [block_voice(b) for b in doc.blocks]
        for lexicon in lexicons.values():
            patterns = [pickle.loads(pickle.dumps(p)) for p in lexicon.patterns]
            screen = Screen(voices)
            for k, voice in enumerate(voices):
                for pattern in patterns:
                    alive = screen.alive(k, pattern.required)
                    assert pattern.spans(voice, alive) == pattern.spans(voice), pattern.category
                    searched += 1
                    # Only a screened list (pattern.alone) tests anything here.
                    left_out += bool(pattern.alone) and len(alive) < len(pattern.sources)
    assert searched > 1000
    # The screen is in use: most searches leave some pattern out, not none.
    assert left_out > searched // 2
