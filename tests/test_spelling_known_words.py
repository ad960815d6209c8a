"""Words LanguageTool's dictionary lacks that are words all the same (issue 11).

Each class keeps a true typo beside it: a rule that cleared every unknown
word would pass these tests only by losing the typos.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.linter import Linter, Options
from newslint.reading import SourceText
from newslint.typos import alone_in_quotes, names_only, regular_formation
from tests.test_languagetool_server import needs_server


def _known(word: str) -> bool:
    return word in {"technocratic", "telegenic", "meritocratic"}


def test_an_ome_sibling_of_a_suggested_word_is_a_word() -> None:
    assert regular_formation("metabolome", ("metabolize", "metabolomic"), _known)
    # A suggestion that is not a sibling leaves the word unknown.
    assert not regular_formation("lipidome", ("lepidote", "liposome"), _known)


def test_an_ically_adverb_of_a_known_adjective_is_a_word() -> None:
    assert regular_formation("technocratically", (), _known)
    assert not regular_formation("technocraticaly", (), _known)  # a slip: not -ically
    assert not regular_formation("autocratically", (), _known)  # stem unknown here


def test_a_lowercase_word_with_only_names_suggested_is_a_word() -> None:
    assert names_only("asylee", ("Ashlee",))
    assert not names_only("asylees", ("asleep", "asylums", "Ashlee"))
    assert not names_only("petridishes", ("Petri dishes",))  # a slip of two words
    assert not names_only("monday", ("Monday",))  # a capital left out
    assert not names_only("brazillian", ("Brazilian",))  # a slip of a name, lowercase too
    assert not names_only("teh", ())  # no suggestion at all: no evidence either way


def test_a_lowercase_word_alone_in_quotation_marks_is_a_title() -> None:
    text = 'He wants to take over "kotaku" and do more news.'
    at = text.index("kotaku")
    assert alone_in_quotes(text, at, at + 6, ("Kodak", "Kojak"))
    text = 'He said "we will recieve it" on Monday.'
    at = text.index("recieve")
    assert not alone_in_quotes(text, at, at + 7, ("receive",))  # more than one word quoted
    # Scare quotes around a slip: a suggestion one edit away keeps the finding.
    text = "A good run down on Qassim’s “assasination”."
    at = text.index("assasination")
    assert not alone_in_quotes(text, at, at + 12, ("assassination",))
    assert not alone_in_quotes('the "fomr" sent', 5, 9, ("form",))  # two letters swapped


@needs_server
def test_words_made_regularly_are_not_typos_and_typos_still_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("harper")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / ".newslint.yml").write_text("languagetool: {timeout: 90}\n", encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text(
        "# Lab\n\n"
        "The lab mapped the metabolome of each anemone.\n\n"
        "The board was run technocratically for a decade.\n\n"
        'She runs the blog "kotaku" from her flat.\n\n'
        "Some 300 asylee families arrived in May.\n\n"
        "They plated the spores on petridishes and did not recieve the results.\n",
        encoding="utf-8",
    )
    linter = Linter(Options(select=("spelling",)))
    text = draft.read_text(encoding="utf-8")
    result = linter.lint_source(SourceText(str(draft), text, "\n"), linter.setup_for(str(draft)))
    assert not result.notices, result.notices
    typos = [(f.line, text[f.start : f.end]) for f in result.findings if f.rule == "spelling.typo"]
    assert typos == [(11, "petridishes"), (11, "recieve")]
