"""The run context: shared work is done once per draft, and never carried to the next draft."""

from __future__ import annotations

from newslint.linter import Linter, Options
from newslint.reading import SourceText
from newslint.runcontext import RunContext, RunSettings


def test_shared_work_is_made_once_per_key() -> None:
    context = RunContext()
    made: list[str] = []

    def make(value: str) -> str:
        made.append(value)
        return value

    assert context.shared("a", lambda: make("first")) == "first"
    assert context.shared("a", lambda: make("second")) == "first"
    assert context.shared("b", lambda: make("third")) == "third"
    assert made == ["first", "third"]


def test_settings_default_to_the_house_default_dialect_and_no_session() -> None:
    settings = RunContext().settings
    assert settings == RunSettings()
    assert settings.dialect == "en-US" and settings.languagetool_session is None


def test_each_draft_reads_its_own_story_date() -> None:
    """One linter, two drafts: the second is not checked against the first's date."""
    linter = Linter(Options(select=("facts",)))
    body = "The strike came yesterday, Tuesday, near the airport.\n"

    def findings(date: str) -> list[tuple[str, int]]:
        text = f'---\ntitle: "A story"\ndate: {date}\n---\n\n{body}'
        setup = linter.setup_for("draft.md")
        result = linter.lint_source(SourceText("draft.md", text, "\n"), setup)
        return [(f.rule, f.line) for f in result.findings]

    # 9 January 2020 was a Thursday, so "yesterday" was Wednesday.
    assert findings("2020-01-09") == [("facts.relative-day", 6)]
    # 8 January 2020 was a Wednesday: yesterday was Tuesday, as written.
    assert findings("2020-01-08") == []
    assert findings("2020-01-09") == [("facts.relative-day", 6)]
