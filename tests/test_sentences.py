"""Sentence splitting for news copy: a table of tricky cases."""

from __future__ import annotations

import pytest

from newslint.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He met the U.S. Army chief. Then he left.",
            ["He met the U.S. Army chief.", "Then he left."],
        ),
        (
            "The strike was carried out by the U.S. The president approved it.",
            ["The strike was carried out by the U.S.", "The president approved it."],
        ),
        (
            "He was the J.S.O.C. commander and the C.I.A. director.",
            ["He was the J.S.O.C. commander and the C.I.A. director."],
        ),
        (
            "Gen. Soleimani arrived on Jan. 3 with Mr. Reda.",
            ["Gen. Soleimani arrived on Jan. 3 with Mr. Reda."],
        ),
        (
            "George W. Bush had kicked the idea around. Obama too.",
            ["George W. Bush had kicked the idea around.", "Obama too."],
        ),
        (
            "The rate rose 3.5 percent. It fell later.",
            ["The rate rose 3.5 percent.", "It fell later."],
        ),
        (
            "This was predicted… Then it came. And went... Really.",
            ["This was predicted…", "Then it came.", "And went...", "Really."],
        ),
        (
            "“He doesn’t speak.” He sits and listens.",
            ["“He doesn’t speak.”", "He sits and listens."],
        ),
        ("“Is it over?” she asked. Nobody knew.", ["“Is it over?” she asked.", "Nobody knew."]),
        (
            "Did Iraqi’s sell him out? How does this end?",
            ["Did Iraqi’s sell him out?", "How does this end?"],
        ),
        ("U.N. sanctions applied. No one cared.", ["U.N. sanctions applied.", "No one cared."]),
        ("No final stop", ["No final stop"]),
        ("It began at 3 a.m. Police said so.", ["It began at 3 a.m.", "Police said so."]),
        ("It began at 3 a.m. on Friday.", ["It began at 3 a.m. on Friday."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)
