"""A run keeps no draft once it is linted, however many drafts it lints (issue 9.9, 14.4).

With LanguageTool unavailable, its failure was raised again for every draft
and its traceback gathered each draft's frames, so a worker held every draft
it had linted (5,000 drafts of 2 KB: 341 MB). No timing, no memory reading:
the test counts the drafts still alive.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from newslint.document import Document
from newslint.linter import Linter, Options
from tests.conftest import SEED


def alive_documents() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Document))


def test_no_draft_is_kept_after_it_is_linted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL", "off")
    text = SEED.read_text(encoding="utf-8")[:3000]
    linter = Linter(Options())  # every shipped rule, LanguageTool's among them
    before = alive_documents()
    for n in range(6):
        draft = tmp_path / f"d{n}.md"
        draft.write_text(text, encoding="utf-8")
        result = linter.lint_path(str(draft))
        assert result.findings
        assert any("LanguageTool" in notice for notice in result.notices)
    assert alive_documents() == before
