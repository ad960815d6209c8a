"""Whose words a paragraph is: datelines, transcript turns, unclosed quotations."""

from __future__ import annotations

from newslint.findings import Finding
from newslint.severity import Severity
from tests.conftest import lint_text

CLAIM = "attribution.unattributed-claim"
ANONYMOUS = "attribution.anonymous-source"


def found(text: str, rule: str) -> list[Finding]:
    return [f for f in lint_text(text, select=(rule,)) if f.rule == rule]


def flagged(text: str, rule: str) -> list[str]:
    return [text[f.start : f.end] for f in found(text, rule)]


DATELINE = (
    "KABUL: Afghan officials say the Americans have moved 100 soldiers to Shindand. "
    "The army lost 40 percent of its trucks last year.\n"
)


def test_a_dateline_in_capitals_is_no_speaker_so_the_story_is_checked() -> None:
    # "KABUL:" heads the story; the writer's claims under it need sources.
    assert flagged(DATELINE, CLAIM) == ["The army lost 40 percent of its trucks last year."]
    (claim,) = found(DATELINE, CLAIM)
    assert claim.severity == Severity.WARNING
    assert [f.message.split(":")[0] for f in found(DATELINE, ANONYMOUS)] == [
        "anonymous source (“officials say”)"
    ]


def test_a_transcript_with_speakers_in_capitals_is_still_their_words() -> None:
    text = (
        "SMITH: We lost 40 percent of the trucks last year.\n\n"
        "JONES: And the army lost 300 soldiers.\n\n"
        "SMITH: Nobody counted them.\n"
    )
    assert flagged(text, CLAIM) == []


def test_claims_after_an_unclosed_quotation_are_the_writers() -> None:
    text = (
        "The minister said it was “a farce. The army lost 40 percent of its trucks last year. "
        "The roads to the “Green Zone” are closed.\n"
    )
    warnings = [text[f.start : f.end] for f in found(text, CLAIM) if f.severity == Severity.WARNING]
    assert warnings == ["The army lost 40 percent of its trucks last year."]
