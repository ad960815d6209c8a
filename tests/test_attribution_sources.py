"""Anonymous and vague sources as a newsroom defines them (issue 10, item 3).

Each class has a sentence that is flagged (which rule, which cue the message
names) and a near miss that is not. The sentences are written for these
tests in the manner of wire copy, not taken from the evaluation corpus.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from newslint.reporters import ReportContext, reporters
from tests.conftest import lint_text

VAGUE = "attribution.vague"
ANONYMOUS = "attribution.anonymous-source"
CLAIM = "attribution.unattributed-claim"
SOURCE_RULES = (VAGUE, ANONYMOUS)


def source_flags(sentence: str) -> list[tuple[str, str]]:
    """(rule, message) of the vague and anonymous findings of a one-sentence draft."""
    found = lint_text(sentence + "\n", select=SOURCE_RULES)
    return [(f.rule, f.message) for f in found if f.rule in SOURCE_RULES]


@pytest.mark.parametrize(
    ("sentence", "rule", "cue"),
    [
        # Unnamed people as the subject of a reporting verb, in any tense.
        (
            "US and NATO military officers in Kabul say the offensive has stalled.",
            ANONYMOUS,
            "military officers in Kabul say",
        ),
        (
            "Western diplomats closely involved in the talks, said the deal was dead.",
            ANONYMOUS,
            "diplomats closely involved in the talks, said",
        ),
        (
            "Senior aides have warned the president against the trip.",
            ANONYMOUS,
            "aides have warned",
        ),
        (
            "Top Pentagon officials have described the plan as dead.",
            ANONYMOUS,
            "Top Pentagon officials have described",
        ),
        (
            "The damage runs to millions, says a Pakistani official.",
            ANONYMOUS,
            "a Pakistani official",
        ),
        (
            "A spokesman for the company said the plant would close.",
            ANONYMOUS,
            "A spokesman for the company said",
        ),
        # The press, no outlet named.
        ("But media have said the forms are unfair.", VAGUE, "media have said"),
        ("Local media earlier reported 54 people killed.", VAGUE, "media earlier reported"),
        # An unnamed document as the source.
        (
            "An official estimate issued in 2003 suggests there are 50,000 migrants.",
            VAGUE,
            "An official estimate issued in 2003 suggests",
        ),
        # Praise or blame from no one named.
        (
            "The mayor has drawn sharp criticism for closing the shelter.",
            VAGUE,
            "drawn sharp criticism",
        ),
        # Impersonal passives.
        ("It is often alleged that the minister took bribes.", VAGUE, "It is often alleged"),
        ("It was revealed that the minister took bribes.", VAGUE, "It was revealed that"),
        # A verdict or an accusation in the passive, and no one gives it.
        ("Homeopathy has been described as pseudoscience.", VAGUE, "has been described as"),
        ("The parents are also accused of neglect.", VAGUE, "accused of"),
        ("Iran stands accused of arming the rebels.", VAGUE, "accused of"),
        (
            "Pakistan has been accused by Afghan and Western leaders of harbouring militants.",
            VAGUE,
            "accused by Afghan and Western leaders",
        ),
        # Rumour and hearsay.
        ("There is some talk that the curfew will return.", VAGUE, "There is some talk that"),
        (
            "There have been allegations of fraud in the count.",
            VAGUE,
            "There have been allegations of",
        ),
        (
            "The shares fell amid speculation that the chief executive would quit.",
            VAGUE,
            "amid speculation that",
        ),
        (
            "The shares fell, with word coming this week that the bank would close.",
            VAGUE,
            "with word coming this week that",
        ),
        (
            "This, the lobbyist has been told, is the minimum the army will accept.",
            VAGUE,
            "has been told,",
        ),
        (
            "Someone who called himself Abu Hafs claimed the attack.",
            VAGUE,
            "Someone who called himself",
        ),
        (
            "A group calling itself the People's Brigade claimed the attack.",
            VAGUE,
            "A group calling itself",
        ),
    ],
)
def test_an_unnamed_source_is_flagged_with_its_words(sentence: str, rule: str, cue: str) -> None:
    flags = source_flags(sentence)
    assert [r for r, _ in flags] == [rule]
    message = flags[0][1]
    assert f"“{cue}”" in message
    if rule == VAGUE:
        assert message.endswith(
            "names no source: say who (which report, which critics) or cut the claim"
        )
    else:
        assert (
            message.startswith("anonymous source (") and "say why anonymity was granted" in message
        )


@pytest.mark.parametrize(
    "sentence",
    [
        # Named, or no one speaks.
        "US military officers led by Gen. John Abizaid met on Monday.",
        "Police officers said the man fled on foot.",  # the force is the source
        "His superior officers said OK.",  # people in the story, not its sources
        "He told officials the road was closed.",
        "A spokesman for the ministry, Ali Hassan, said the plant would close.",
        "Jo Smith, a senior official, said the toll would rise.",
        "An official estimate put the damage at $2 billion, the ministry said.",
        "Two officers were injured in the blast.",
        "A source of income for the town is fishing.",
        "A report by the United Nations found that 40 people died.",
        "From all the press reports that I have read, the plan worked.",
        "The BBC reported the fire on Monday.",
        "The mayor has drawn criticism from Amnesty International for closing the shelter.",
        # Impersonal and passive look-alikes.
        "It is widely known as the Blue Line.",
        "Homeopathy has been described as pseudoscience by the National Health Service.",
        "Smith is accused of stealing $5,000, prosecutors said.",
        "Pakistan has been accused by the FBI of harbouring militants.",
        "The army has been told to prepare for war.",  # an order, not hearsay
        # A source named after the clause stands behind it.
        "There were reports of gunfire near the palace, the Interior Ministry said.",
        "Local media reported the fire on Monday, according to Reuters.",
        "The shares fell amid whispers that he would quit, the exchange said.",
        # Not hearsay.
        "There is no talk of a deal.",
        "The shares fell amid heavy trading.",
        "A group called the People's Brigade met on Monday.",
    ],
)
def test_a_named_or_absent_source_is_not_flagged(sentence: str) -> None:
    assert source_flags(sentence) == []


SHEET_DRAFT = (
    "# Storm\n\n"
    "The mayor has been accused by local leaders of hiding the death toll.\n\n"
    "US military officers say 40 bridges are down.\n\n"
    "The levee failed in 2005.\n"
)
SHEET_RULES = ("attribution", "attribution.claim", "attribution.quote")


def test_the_sheet_lists_unnamed_sources_as_anonymous() -> None:
    findings = lint_text(SHEET_DRAFT, path="storm.md", select=SHEET_RULES)
    sheet = reporters()["checklist"](findings, ReportContext(files=1))
    assert "3 claims to check (1 with no source, 2 from unnamed sources)" in sheet
    # An accusation whose accusers are unnamed has a source, only no name.
    assert (
        "The mayor has been accused by local leaders of hiding the death toll.\n"
        "  - Source: unnamed (“accused by local leaders”) — **unnamed source** (an accusation)"
    ) in sheet
    assert "  - Source: anonymous (“military officers say”) — **unnamed source**" in sheet
    assert "The levee failed in 2005.\n  - Source: no source\n" in sheet


def test_the_csv_and_json_sheets_mark_unnamed_sources() -> None:
    findings = lint_text(SHEET_DRAFT, path="storm.md", select=SHEET_RULES)
    context = ReportContext(files=1)
    rows = list(csv.DictReader(io.StringIO(reporters()["checklist-csv"](findings, context))))
    marked = {row["text"]: row["anonymous"] for row in rows}
    assert marked == {
        "The mayor has been accused by local leaders of hiding the death toll.": "yes",
        "US military officers say 40 bridges are down.": "yes",
        "The levee failed in 2005.": "",
    }
    data = json.loads(reporters()["checklist-json"](findings, context))
    assert {row["text"]: row["anonymous"] for row in data["rows"]} == {
        text: mark == "yes" for text, mark in marked.items()
    }


BACK_REFERENCE = (
    'A Western diplomat said the talks had failed. "They were well briefed," the diplomat said.\n\n'
    "Jo Smith, a diplomat at the embassy, said the talks had failed. "
    "The diplomat said it was over.\n"
)


def test_the_unnamed_source_called_by_their_title_again_is_still_anonymous() -> None:
    found = [f for f in lint_text(BACK_REFERENCE, select=(ANONYMOUS,)) if f.rule == ANONYMOUS]
    # "the diplomat said" after "a Western diplomat"; not after Jo Smith, a diplomat, is named.
    assert [(f.line, f.message.split(":")[0]) for f in found] == [
        (1, "anonymous source (“A Western diplomat”)"),
        (1, "anonymous source (“the diplomat said”)"),
    ]
    sheet = reporters()["checklist"](
        lint_text(BACK_REFERENCE, path="talks.md", select=SHEET_RULES), ReportContext(files=1)
    )
    assert (
        "They were well briefed\n  - Speaker: anonymous (“the diplomat”) — **unnamed source**"
        in sheet
    )
    # Named, so not anonymous (the tier the claim falls in may follow in brackets).
    assert "  - Source: Jo Smith, a diplomat at the embassy" in sheet
    assert "Source: anonymous (“The diplomat”)" not in sheet
