"""Second opinions on LanguageTool's spelling: the repository's name index and Harper."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.harper import Harper, Opinion
from newslint.linter import Linter, Options
from newslint.reading import SourceText
from newslint.typos import in_name_run, misspelt_proper_noun, not_a_misspelling, split_name
from tests.test_languagetool_server import needs_server

PATIENT = "languagetool: {timeout: 90}\n"
DRAFT = "# Trade\n\nOfficials said the Brazillian delegation arrived on Monday.\n"
PROJECT = ("spelling", "names.house-spelling")  # as --project --select spelling runs


def _typos(path: Path, select: tuple[str, ...] = ("spelling",)) -> list[tuple[int, int, str]]:
    linter = Linter(Options(select=select))
    text = path.read_text(encoding="utf-8")
    result = linter.lint_source(SourceText(str(path), text, "\n"), linter.setup_for(str(path)))
    assert not result.notices, result.notices
    # names.house-spelling may say the same of the name; only the typo rule is asked here.
    typos = [f for f in result.findings if f.rule == "spelling.typo"]
    return [(f.line, f.column, f.suggestion or "") for f in typos]


def _repository(root: Path, others: dict[str, str], project: bool = True) -> Path:
    config = PATIENT + ("names: {project: true}\n" if project else "")
    (root / ".newslint.yml").write_text(config, encoding="utf-8")
    for name, text in others.items():
        (root / name).write_text(text, encoding="utf-8")
    draft = root / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    return draft


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The name index lives in the cache folder: a fresh one per test."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)


@needs_server
def test_a_slip_is_flagged_when_the_repository_does_not_spell_it_so(tmp_path: Path) -> None:
    draft = _repository(tmp_path, {"old.md": "# Old\n\nThe Brazilian team won again.\n"})
    assert _typos(draft, PROJECT) == [(3, 20, "Brazilian")]


@needs_server
def test_the_repositorys_consistent_spelling_is_not_a_slip(tmp_path: Path) -> None:
    # A newsroom that writes it so in two other stories: the names checks' business.
    others = {
        "a.md": "# A\n\nThe Brazillian envoy spoke on Tuesday.\n",
        "b.md": "# B\n\nTalks with the Brazillian side went on.\n",
    }
    draft = _repository(tmp_path, others)
    assert _typos(draft, PROJECT) == []
    # Without --project the repository is not consulted.
    draft = _repository(tmp_path, others, project=False)
    assert _typos(draft) == [(3, 20, "Brazilian")]


@needs_server
def test_the_repositorys_majority_spelling_wins(tmp_path: Path) -> None:
    # Two drafts spell it one way, three the right way: not consistent, still a slip.
    others = {f"x{i}.md": "# X\n\nThe Brazillian envoy spoke.\n" for i in range(2)}
    others |= {f"y{i}.md": "# Y\n\nThe Brazilian envoy spoke.\n" for i in range(3)}
    draft = _repository(tmp_path, others)
    assert _typos(draft, PROJECT) == [(3, 20, "Brazilian")]


def test_harper_knows_words_languagetool_lacks() -> None:
    pytest.importorskip("harper")
    harper = Harper()
    assert harper.opinion("studymate", "en-US") == Opinion(known=True)
    assert harper.opinion("recieve", "en-US") == Opinion(known=False)
    # A slip Harper catches with a rule of its own, not its dictionary, is no word.
    assert harper.opinion("Teh", "en-US") == Opinion(known=False)
    # Its dictionaries follow the dialect.
    assert harper.opinion("colour", "en-GB") == Opinion(known=True)
    assert harper.opinion("colour", "en-US") == Opinion(known=False)
    assert harper.opinion("two words", "en-US") is None


def test_harpers_answers_are_kept_between_runs(tmp_path: Path) -> None:
    pytest.importorskip("harper")
    assert Harper().opinion("studymate", "en-GB") == Opinion(known=True)
    assert (tmp_path / "cache" / "harper-words.sqlite3").stat().st_mode & 0o777 == 0o600
    later = Harper()  # the next run: answered from the cache, Harper never built
    assert later.opinion("studymate", "en-GB") == Opinion(known=True)
    assert later._linters == {}
    # Another dialect is another question.
    assert later.opinion("colour", "en-US") == Opinion(known=False)
    assert list(later._linters) == ["en-US"]


def test_without_harper_there_is_no_opinion() -> None:
    assert Harper(_installed=False).opinion("studymate", "en-US") is None


@needs_server
def test_a_word_harpers_dictionary_knows_is_not_a_typo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("harper")
    (tmp_path / ".newslint.yml").write_text(PATIENT, encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("Her studymate did not recieve the colour prints.\n", encoding="utf-8")
    # studymate: LanguageTool lacks it, Harper has it; recieve: both call it a
    # typo; colour: US house, another dialect's spelling, LanguageTool's say.
    assert _typos(draft) == [(1, 23, "receive"), (1, 35, "color")]
    # Without Harper, LanguageTool's word stands.
    monkeypatch.setattr("newslint.harper.find_spec", lambda name: None)
    assert _typos(draft) == [(1, 5, "study mate"), (1, 23, "receive"), (1, 35, "color")]


def test_short_names_and_runs_of_names_are_not_slips() -> None:
    # Mario Monti's government, not Monte's; a swap still counts in a short word.
    assert misspelt_proper_noun("Monti", ("Monte",)) is None
    assert misspelt_proper_noun("Ilsa", ("Lisa",)) is None  # the first letter
    assert misspelt_proper_noun("Lsia", ("Lisa",)) is None  # under five letters
    assert misspelt_proper_noun("Quinto", ("Quinta",)) == "Quinta"
    # In a run of names a doubled vowel is a transliteration; a doubled consonant a slip.
    assert misspelt_proper_noun("Eelam", ("Elam",), in_name_run=True) is None
    assert misspelt_proper_noun("Condoleeza", ("Condoleezza",), in_name_run=True) == "Condoleezza"
    # A sentence's first word makes a run when it is a name, not when it is "The".
    assert in_name_run("Claude Mandil, the director, spoke.", 7, 13, 0)
    assert not in_name_run("The Brittish embassy.", 4, 12, 0)


def test_a_capitalised_word_languagetool_would_only_split_is_a_name() -> None:
    assert split_name("Wikinews", ("Wiki news",))
    assert not split_name("Wikinews", ("Wickiness", "Wiki news"))
    assert not split_name("petridishes", ("petri dishes",))  # a typo: petri dishes


def test_words_made_with_a_free_suffix_are_not_typos() -> None:
    assert not_a_misspelling("used for commercialish projects", 9, "commercialish")
    assert not_a_misspelling("a lawyerlike answer", 2, "lawyerlike")
    # Only on a word the dictionary knows: a typo stays a typo.
    assert not not_a_misspelling("a sucessish run", 2, "sucessish")
    assert not not_a_misspelling("did not recieve", 8, "recieve")


def test_an_editors_bracket_does_not_break_a_run_of_names() -> None:
    text = "Bush in 88, [Phil] Gramm in 96."
    assert in_name_run(text, text.index("Gramm"), text.index("Gramm") + 5, 0)
