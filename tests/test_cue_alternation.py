"""A cue list's combined pattern finds what its patterns find one after another.

Neighbouring patterns that begin with ``\\b`` share that test in the
combined alternation (a speed-up); which cue is found, where, and which of
its groups took part must not change.
"""

from __future__ import annotations

import re

import pytest

from newslint.attribution.lexicon import combine

_SOURCES = [
    r"\b(?:is|are|was|were)\s+(?:widely\s+)?(?:said|believed)\s+to\b",
    r"\b(?:some|many)\s+(?P<cue>critics)\b",
    r"(?:(?P<not>[\w.'’-]*(?-i:[A-Z])[\w.'’-]*,)\s+)?\b(?:a|an|one)\s+(?P<cue>official)\b",
    r"(?:[”\"]\s*|,\s)(?P<cue>asked)\b",
    r"\b(?-i:[A-Z])[\w.]*\s(?P<cue>asked)(?=[,.])",
    r"\b(?:signs?|banners?)\s+(?:that\s+)?(?P<cue>read|reads)\b",
    r"\breports?\b|\bsources\b",  # an alternation around the \b: not shared
]

_TEXT = (
    "It was widely said to be true. Many critics agreed; Smith, an official, said no. "
    "“Why?” asked Ana. Bush asked. The banner read “No”. Re-an official spoke; "
    "Wasn't it? ISWAS said to. Reports say; sources said. The signs that reads. "
    "MANY CRITICS, an OFFICIAL. anofficial someone'san official"
)


def _plain(sources: list[str]) -> re.Pattern[str]:
    """The alternation as it was built before the shared test."""
    parts = [
        f"(?P<a{i}>" + s.replace("(?P<cue>", f"(?P<c{i}>").replace("(?P<not>", f"(?P<n{i}>") + ")"
        for i, s in enumerate(sources)
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


@pytest.mark.parametrize("count", range(1, len(_SOURCES) + 1))
def test_the_shared_boundary_changes_no_match_and_no_group(count: int) -> None:
    sources = _SOURCES[:count]
    combined = combine("vague", sources).compiled
    plain = _plain(sources)
    assert combined.pattern != plain.pattern  # the shared test is in use
    found = [(m.span(), m.groupdict()) for m in combined.finditer(_TEXT)]
    expected = [(m.span(), m.groupdict()) for m in plain.finditer(_TEXT)]
    assert found == expected
    assert found  # the text holds cues for every prefix of the list


def test_the_spans_a_rule_reads_are_the_cues() -> None:
    """Only "Re-an official" is a cue: "Smith, an official" and "CRITICS, an OFFICIAL" name
    who it is (the pattern's ``not`` group), and "anofficial" is no phrase."""
    cues = combine("anonymous", _SOURCES[2:3])
    where = _TEXT.index("Re-an official") + len("Re-an ")
    assert cues.spans(_TEXT) == [(where, where + len("official"))]
