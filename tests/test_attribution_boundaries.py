"""Whose words a paragraph is: datelines, transcript turns, unclosed quotations."""

from __future__ import annotations

import pytest

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


def warnings(text: str) -> list[tuple[str, str]]:
    """(flagged sentence, what the tier says it is) of each claim warning."""
    return [
        (text[f.start : f.end], f.message.split(" with no source")[0])
        for f in found(text, CLAIM)
        if f.severity == Severity.WARNING
    ]


def test_a_count_after_a_capitalised_quantifier_is_a_figure_not_a_name() -> None:
    # "About 1,200" is an approximate count, not a name's number ("Explorer 6").
    text = "About 1,200 Indian soldiers were killed during this phase of the conflict.\n"
    assert warnings(text) == [(text.strip(), "a casualty count")]


def test_an_estimate_needs_the_one_who_made_it() -> None:
    text = "There are now an estimated 850 wolves in the northern Rockies.\n"
    assert warnings(text) == [(text.strip(), "a figure")]
    # A plain small count stays background.
    assert warnings("The gallery shows roughly 100 Polaroids from its collection.\n") == []


def test_who_killed_whom_is_an_accusation_but_a_death_told_is_background() -> None:
    text = "Guerrillas killed an engineer, Asi Ali, from Tikrit.\n"
    assert warnings(text) == [(text.strip(), "an accusation")]
    assert warnings("His mother was also killed in the attack on the village.\n") == []


def test_occupation_is_no_accusation_on_its_own() -> None:
    assert warnings("The occupation of Iraq has become a guerrilla war.\n") == []


def test_a_digest_paragraph_under_a_source_label_is_the_sources() -> None:
    text = (
        "Al-Zaman : Guerrillas killed an engineer, Asi Ali, from Tikrit. "
        "Two other leaders have been killed in the past week.\n\n"
        "DPA: Iraqi authorities broke up 3 cells in Baghdad.\n"
    )
    assert warnings(text) == []


QUOTE = "attribution.unattributed-quote"


@pytest.mark.parametrize(
    "text",
    [
        "Smith defended the plan: “It is the only way to pay for the new school.”",
        "Smith, 54, a farmer: “We lost everything in the flood, the cows, the barn.”",
        "“We will rebuild every house that fell,” — Mayor Jane Smith",
        "Protesters chanted “Down with the dictator and his cronies” outside the palace.",
        "The banner read “No more war in our name, ever again” in red letters.",
        "“We will rebuild every house that fell.” Smith was speaking in the town hall.",
    ],
)
def test_a_quotation_with_its_speaker_or_bearer_named_is_attributed(text: str) -> None:
    assert flagged(text + "\n", QUOTE) == []


@pytest.mark.parametrize(
    "text",
    [
        "The town was quiet. “We will rebuild every house that fell, and soon.”",
        "The rules are simple: “No phones in class, ever, for anyone at all.”",
        "The flood came at night. “We will rebuild every house that fell,” — and then it rained.",
    ],
)
def test_a_quotation_whose_lead_in_names_no_one_has_no_speaker(text: str) -> None:
    assert len(flagged(text + "\n", QUOTE)) == 1


def test_an_appearance_on_the_calendar_is_scheduled_not_an_intention_to_source() -> None:
    assert warnings("Tomorrow he plans to meet dignitaries at the United Nations.\n") == []
    assert warnings("The minister intends to visit Kyiv on Friday.\n") == []
    text = "The administration plans to attack Iran next month.\n"
    assert warnings(text) == [(text.strip(), "what someone intends")]


VAGUE = "attribution.vague"


@pytest.mark.parametrize(
    "text",
    [
        "Al-Lihaibi is now said to have withdrawn from the race.",
        "Some reporters have uncovered the truth about his service in the Guard.",
        "There are strong hints in the country that a new defence deal is in the making.",
        "Elements of his military have recently been implicated in assassination attempts.",
        "Hundreds of people are feared dead in Mississippi.",
        "Damage estimates of more than $25bn suggest it is the costliest storm ever.",
        "Rebel activity in the Andaman Sea is well known to local observers.",
        "They were from all accounts marginalized and not listened to.",
    ],
)
def test_hearsay_and_sources_no_one_names_are_vague(text: str) -> None:
    assert flagged(text + "\n", VAGUE) == [text]


def test_a_named_agent_makes_the_passive_no_hearsay() -> None:
    text = "Two officers have been implicated by the inquiry in the cover-up.\n"
    assert flagged(text, VAGUE) == []


def test_an_unnamed_poll_and_an_agentless_credit_are_vague() -> None:
    poll = "A recent poll found only a quarter of citizens favoured changing the flag."
    credit = "At the age of 40 he was credited with revolutionizing the field of linguistics."
    assert flagged(poll + "\n", VAGUE) == [poll]
    assert flagged(credit + "\n", VAGUE) == [credit]
    assert (
        flagged("A recent poll by Gallup found only a quarter of citizens agreed.\n", VAGUE) == []
    )
