"""A long draft goes to LanguageTool in requests of bounded size and deadline.

One request for a whole draft had a deadline of the draft's length / 4,000
timeouts: a 330 KB paragraph with no full stop made a run wait 830 s before
"did not answer within 830.337 s (hung?)". These tests stand in a fake server
for the real one (the client calls), so they run without Java.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from newslint.languagetool import client, service
from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.matches import LTMatch
from newslint.languagetool.server import ServerHandle
from newslint.languagetool.service import BATCH_CHARS, LanguageToolFailed, Session, cut

# A paragraph of 100 KB with no sentence end, as a pasted transcript can be.
WORDS = "the minister said teh plan was legal and the council agreed with him "
PARAGRAPH = (WORDS * (100_000 // len(WORDS))).strip()


@pytest.fixture
def fake_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, float]]:
    """Requests as (characters, deadline); the server flags every 'teh'."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(service, "_installation", lambda home: SimpleNamespace(version="6.8"))
    handle = ServerHandle("http://127.0.0.1:9/", "6.8", 0, tmp_path / "activity")
    monkeypatch.setattr(Session, "_server", lambda self: handle)
    monkeypatch.setattr(client, "connect", lambda url, options, timeout: object())
    asked: list[tuple[int, float]] = []

    def check(tool: Any, text: str, timeout: float) -> list[LTMatch]:
        asked.append((len(text), timeout))
        typo = ("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "", (), "", "", 0)
        found = [LTMatch(m.start(), 3, *typo) for m in re.finditer(r"\bteh\b", text)]
        # Each text the server gets starts a sentence, for LanguageTool.
        lower = ("UPPERCASE_SENTENCE_START", "CASING", "typographical", "", (), "", "", 0)
        return found + [LTMatch(0, 3, *lower)] * text[0].islower()

    monkeypatch.setattr(client, "check", check)
    return asked


def test_a_long_paragraph_goes_in_requests_of_bounded_deadline(
    fake_server: list[tuple[int, float]],
) -> None:
    found = Session().check_paragraphs(["A short one with teh typo.", PARAGRAPH])
    assert len(fake_server) > 1
    assert max(size for size, _ in fake_server) <= BATCH_CHARS + 2
    # The default timeout is 10 s a request of up to 4,000 characters: at most 50 s now.
    assert max(deadline for _, deadline in fake_server) <= 50
    # Every match is where it is in the paragraph, whichever piece found it.
    assert [m.offset for m in found[0]] == [17]
    expected = [m.start() for m in re.finditer(r"\bteh\b", PARAGRAPH)]
    typos = [m for m in found[1] if m.rule_id == "MORFOLOGIK_RULE_EN_US"]
    assert [m.offset for m in typos] == expected
    assert all(PARAGRAPH[m.offset : m.offset + m.length] == "teh" for m in typos)
    # A piece cut mid-sentence does not start a sentence: only the paragraph's own start.
    starts = [m.offset for m in found[1] if m.rule_id == "UPPERCASE_SENTENCE_START"]
    assert starts == [0]


def test_a_hung_server_costs_one_bounded_deadline(
    fake_server: list[tuple[int, float]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def hung(tool: Any, text: str, timeout: float) -> list[LTMatch]:
        fake_server.append((len(text), timeout))
        raise LanguageToolUnavailable(f"did not answer within {timeout:g} s (hung?)")

    monkeypatch.setattr(client, "check", hung)
    session = Session()
    with pytest.raises(LanguageToolFailed, match=r"within (49\.9|50)\d* s \(hung\?\)"):
        session.check_paragraphs([PARAGRAPH * 3])
    with pytest.raises(LanguageToolFailed):
        session.check_paragraphs([PARAGRAPH])
    assert len(fake_server) == 1  # one wait per run, not one per piece


def test_pieces_end_at_a_sentence_end_or_a_space() -> None:
    text = "One sentence here. " * 3 + "x" * 30 + " tail words"
    for limit in (20, 25, 40):
        pieces = cut(text, limit)
        assert "".join(piece for _, piece in pieces) == text
        assert all(text[start : start + len(piece)] == piece for start, piece in pieces)
        assert all(len(piece) <= limit for _, piece in pieces)
    assert [piece for _, piece in cut(text, 40)][:2] == [
        "One sentence here. One sentence here. ",
        "One sentence here. ",
    ]
    assert cut("short", 40) == [(0, "short")]
