"""The house dialect, capitalised misspellings and LanguageTool's spelling matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.dialect import respell, variants
from newslint.linter import Linter, Options
from newslint.reading import SourceText
from newslint.typos import (
    in_name_run,
    its_is_possessive,
    misspelt_proper_noun,
    repeated_name,
    whole_word,
)
from tests.conftest import lint_text, run_cli
from tests.test_languagetool_server import needs_server

SPELLING = ("spelling", "grammar", "typography", "style.repeated-word")
# A language's first check loads its model; on a busy machine that takes more
# than the default 10 s.
PATIENT = "languagetool: {timeout: 90}\n"


@pytest.fixture(autouse=True)
def _patient(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drafts are linted in a folder whose .newslint.yml gives LanguageTool time."""
    (tmp_path / ".newslint.yml").write_text(PATIENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module", autouse=True)
def _started_once() -> None:
    """Start the server before the first test: on a busy machine loading
    English can outlast the start timeout once; the second try finds it up."""
    if not needs_server.args[0]:
        for _ in range(2):
            linter = Linter(Options(select=("spelling",)))
            warm = linter.lint_source(SourceText("w.md", "Warm.\n", "\n"), linter.setup_for("w.md"))
            if not warm.notices:
                return


def lint(text: str, select: tuple[str, ...]):
    linter = Linter(Options(select=select))
    result = linter.lint_source(SourceText("d.md", text, "\n"), linter.setup_for("d.md"))
    assert not result.notices, result.notices
    return result.findings


def _found(text: str, select: tuple[str, ...] = SPELLING) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.column, f.rule, f.message) for f in lint(text, select=select)]


@needs_server
def test_british_house_accepts_british_spelling() -> None:
    text = "---\nnewslint:\n  dialect: en-GB\n---\n\nThe union criticised the labour minister.\n"
    assert _found(text) == []


@needs_server
def test_us_house_flags_british_spelling_in_its_own_voice() -> None:
    found = _found("The union criticised the plan.\n")
    assert [(r, m.split(":")[0]) for _, _, r, m in found] == [
        ("spelling.typo", "“criticised” may be a typo")
    ]


@needs_server
def test_other_dialect_inside_a_quotation_is_the_speakers() -> None:
    text = "“We will defend the labour movement and its colour,” she said.\n"
    assert _found(text) == []


@needs_server
def test_dialect_from_config_file(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yml").write_text("dialect: en-AU\n" + PATIENT, encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("The council organised a neighbourhood meeting.\n", encoding="utf-8")
    result = run_cli("--select", "spelling", str(draft))
    assert result.returncode == 0, result.stdout


@needs_server
def test_capitalised_misspellings_are_flagged_with_the_proper_noun() -> None:
    text = "He met a Brazillian diplomat and Condoleeza Rice on the Mediterranian coast.\n"
    found = lint(text, select=("spelling",))
    assert [(f.column, f.suggestion) for f in found] == [
        (10, "Brazilian"),
        (34, "Condoleezza"),
        (57, "Mediterranean"),
    ]


@needs_server
def test_a_name_spelt_consistently_is_not_a_misspelling() -> None:
    text = "Condoleeza Smith spoke first. Later Condoleeza Smith left.\n"
    assert _found(text, ("spelling",)) == []


@needs_server
def test_apostrophe_names_possessive_its_and_repeats() -> None:
    text = (
        "The Ba'athists and Ba’athists took power. Its round shape is odd.\n\n"
        "The neighbourhood is calm. The neighbourhood is old. A neighbourhood, a neighbourhood.\n\n"
        "Duran Duran played. Its a shame.\n"
    )
    found = _found(text)
    assert [(line, col, rule) for line, col, rule, _ in found] == [
        (3, 5, "spelling.typo"),
        (5, 21, "spelling.typo"),
    ]
    assert found[0][3].endswith("(×4 in this draft)")
    assert "it's" in found[1][3]


def test_respell_for_the_house_dialect() -> None:
    assert respell("criticized", "en-GB") == "criticised"
    assert respell("criticized", "en-CA") == "criticized"
    assert respell("Labor", "en-NZ") == "Labour"
    assert respell("offer", "en-GB") == "offer"
    assert respell("criticized", "en-US") == "criticized"
    assert variants("theatre", "theater") and not variants("form", "from")


def test_loaded_suggestions_follow_the_dialect() -> None:
    text = "---\nnewslint:\n  dialect: en-GB\n---\n\nEsper slammed the protesters.\n"
    found = lint_text(text, select=("loaded.said",))
    assert [f.suggestion for f in found] == ["criticised"]
    us = lint_text("Esper slammed the protesters.\n", select=("loaded.said",))
    assert [f.suggestion for f in us] == ["criticized"]


def test_misspelt_dialect_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yml").write_text("dialect: en-UK\n", encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("Fine.\n", encoding="utf-8")
    result = run_cli(str(draft))
    assert result.returncode == 2
    assert (
        "'en-UK' is not a dialect newslint knows; did you mean 'en-GB'?"
        in result.stdout + result.stderr
    )


@pytest.mark.parametrize(
    ("word", "replacements", "expected"),
    [
        ("Carribean", ("Caribbean",), "Caribbean"),
        ("Britian", ("Britain",), "Britain"),
        ("Hifter", ("Hitter",), None),
        ("Zarif", ("Arif",), None),
        ("Muhandis", ("Mohandas",), None),
        ("Halston", ("Alston", "Halton"), None),
        ("Afganistan", ("Afghanistan",), "Afghanistan"),
    ],
)
def test_slips_of_proper_nouns(word: str, replacements: tuple[str, ...], expected) -> None:
    assert misspelt_proper_noun(word, replacements) == expected


def test_inside_a_run_of_names_only_doubled_letters_count() -> None:
    assert misspelt_proper_noun("Quinto", ("Quinta",)) == "Quinta"
    assert misspelt_proper_noun("Quinto", ("Quinta",), in_name_run=True) is None
    assert misspelt_proper_noun("Condoleeza", ("Condoleezza",), in_name_run=True) == "Condoleezza"
    text = "Photographers Felice Quinto and The Brittish embassy."
    assert in_name_run(text, 21, 27, 0)
    assert not in_name_run("The Brittish embassy.", 4, 12, 0)


def test_word_helpers() -> None:
    text = "The Ba'athists won."
    assert whole_word(text, 7, 14) == (4, 14)
    assert its_is_possessive("Its round shape", 3)
    assert not its_is_possessive("Its a shame", 3)
    assert repeated_name("Duran", "Duran") and not repeated_name("The", "The")


def test_duran_duran_is_not_a_repeated_word() -> None:
    found = lint_text("Duran Duran played, and the the crowd sang.\n", select=("style",))
    assert [(f.rule, f.message) for f in found] == [("style.repeated-word", "“the” is repeated")]
