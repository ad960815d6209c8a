"""Issue 10: fact flags an editor trusts — tiers, cues, unnamed sources, speakers, the worksheet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newslint.findings import Finding
from newslint.packs import load_packs
from newslint.reporters import ReportContext, reporters
from newslint.severity import Severity
from tests.conftest import lint_text, run_cli

CLAIM = "attribution.unattributed-claim"
QUOTE = "attribution.unattributed-quote"
ANONYMOUS = "attribution.anonymous-source"
VAGUE = "attribution.vague"
SHEET_RULES = ("attribution", "attribution.claim", "attribution.quote")


def claims_found(text: str) -> list[Finding]:
    """The unattributed-claim warnings of a draft."""
    return [
        f
        for f in lint_text(text, select=(CLAIM,))
        if f.rule == CLAIM and f.severity == Severity.WARNING
    ]


def claims(text: str) -> list[tuple[str, Severity, str]]:
    """(flagged sentence, severity, message) of each unattributed claim."""
    return [
        (text[f.start : f.end], f.severity, f.message)
        for f in lint_text(text, select=(CLAIM,))
        if f.rule == CLAIM
    ]


# --- 1. check-worthiness tiers -------------------------------------------------------------------


def test_a_figure_with_no_source_is_a_warning_that_says_why() -> None:
    [(_, severity, message)] = claims("Unemployment rose to 14 percent in March.\n")
    assert severity == Severity.WARNING
    assert message.startswith("a figure with no source (number 14 percent; date March)")


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("The storm killed 40 people in the valley.", "a casualty count"),
        ("The contractor was jailed for fraud.", "an accusation"),
        ("The blackout was caused by a faulty transformer.", "a cause or blame"),
        ("The bridge is the longest in Europe.", "a record or superlative"),
        ("The minister plans to close the mine.", "what someone intends"),
    ],
)
def test_what_an_editor_holds_for_a_source_is_a_warning(text: str, what: str) -> None:
    [(_, severity, message)] = claims(text + "\n")
    assert severity == Severity.WARNING and message.startswith(f"{what} with no source")


def test_a_background_fact_is_only_a_suggestion() -> None:
    [(_, severity, message)] = claims("NASA celebrated the launch of the first shuttle Tuesday.\n")
    assert severity == Severity.SUGGESTION
    assert message.startswith("a background fact with no source")


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("The goalkeeper was substituted off in the 60th minute due to injury.", "SUGGESTION"),
        ("The final was postponed because of heavy rain.", "SUGGESTION"),
        ("The bridge failed due to poor maintenance.", "WARNING"),
        ("The plant closed because of the new tax.", "WARNING"),
    ],
)
def test_an_injury_or_the_weather_seen_at_an_event_is_no_cause_to_source(
    text: str, severity: str
) -> None:
    [(_, found, _)] = claims(text + "\n")
    assert found == Severity[severity]


@pytest.mark.parametrize(
    "text",
    [
        "May God help us all.",
        "Is this the end of the war?",
        "I expect the vote to pass in June.",
        "In my opinion the plan will fail in 2030.",
        "I visited the camp on Tuesday and counted 40 tents.",
        "Wikinews observed from the long line that 300 people waited.",
        "Sweden defeated South Korea 1 – 0 on Monday.",
        "Discovery completed its 39th mission in March.",
        "At the age of 40 he was credited with revolutionizing linguistics.",
    ],
)
def test_what_is_no_claim_or_no_statistic_is_not_a_warning(text: str) -> None:
    assert all(severity != Severity.WARNING for _, severity, _ in claims(text + "\n"))


# --- 2. attribution as an editor reads it --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Wilkins observed that sales fell 40 percent in 2010.",
        "The company insisted its revenue doubled to $5 million.",
        "In his letter, the senator wrote that 300 jobs were lost.",
        "The union issued a statement saying 2,000 workers were laid off.",
        "The official assured residents that 90 percent of homes had power.",
        "The BBC reported that 14 people were killed.",
        "Unemployment rose to 14 percent, the ministry told Wikinews.",
        "The audit concluded that $3 million was missing.",
    ],
)
def test_reporting_verbs_nouns_and_media_give_a_source(text: str) -> None:
    assert claims(text + "\n") == []


def test_a_list_carries_the_source_of_its_lead_in() -> None:
    text = (
        "NASA announced the shuttles will go to:\n\n"
        "- the Smithsonian, which paid $28 million\n"
        "- Los Angeles, which paid $30 million\n"
    )
    assert claims(text) == []


def test_a_paragraph_that_is_an_interview_turn_is_the_speakers() -> None:
    text = "Nick Bos: We infected 300 ants and 40 percent of them died.\n"
    assert claims(text) == []


def test_the_reporting_verbs_come_from_a_readable_pack_without_anchors_or_look_behinds() -> None:
    pack = Path(__file__).resolve().parents[1] / "rules" / "attribution.yml"
    text = pack.read_text(encoding="utf-8")
    assert "VerbNet 3.4" in text and "&cues" not in text and "(?<" not in text
    rules = load_packs([pack]).rules
    lemmas = rules[CLAIM].options["cues"]["reporting_verbs"]
    assert {"observe", "insist", "assure", "conclude", "testify"} <= set(lemmas)


def test_a_look_behind_in_a_cue_pattern_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "p.yml"
    pack.write_text(
        "pack: p\nrules:\n  - id: attribution.x\n    kind: attribution\n    check: vague\n"
        "    description: d\n    message: m\n    cues:\n"
        "      vague_patterns: ['(?<=, )said']\n",
        encoding="utf-8",
    )
    [error] = load_packs([pack]).errors
    assert "uses a look-behind" in str(error) and "(?P<cue>" in str(error)


def test_the_draft_is_analysed_once_for_every_attribution_rule(monkeypatch) -> None:
    from newslint.attribution import carry

    calls = []
    real = carry.analyse

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(carry, "analyse", counting)
    text = 'The fire killed 12 people. Critics say it was arson. "We lost it all," she said.\n'
    found = lint_text(text, select=SHEET_RULES)
    assert {f.rule for f in found} >= {CLAIM, VAGUE, "attribution.quote"}
    assert len(calls) == 1


# --- 3. anonymous and vague sources --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Top Pentagon officials have described the plan as dead.", ANONYMOUS),
        ("Officials tell BBC News every claim will be assessed.", ANONYMOUS),
        ("The No. 2 Senate Republican this week vowed to block it.", ANONYMOUS),
        ("A spokesman said the plant would close.", ANONYMOUS),
        ("There are rumours that the plant will close.", VAGUE),
        ("There is some talk of a merger.", VAGUE),
        ("The deal collapsed, with word coming this week that the bank pulled out.", VAGUE),
        ("The post came from someone who called himself a guard.", VAGUE),
        ("The wires hummed with reports that the army is planning an attack.", VAGUE),
        ("Worse still is the suspicion that the vote was rigged.", VAGUE),
        ("Iran is suspected by many nations of building a bomb.", VAGUE),
    ],
)
def test_unnamed_sources_rumour_and_hearsay_are_flagged(text: str, rule: str) -> None:
    assert rule in {f.rule for f in lint_text(text + "\n", select=(ANONYMOUS, VAGUE))}


def test_a_plural_subject_stating_that_is_a_source() -> None:
    text = "The missile's manufacturers state that five missiles could sink a 20,000 ton ship.\n"
    assert claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The worst disaster was reported in the now-defunct Asiaweek in 2001.",
        "One remark made by Shalan on Al-Arabiya, that he quit because of the scandal, was odd.",
    ],
)
def test_a_named_publication_or_speaker_is_a_source(text: str) -> None:
    assert lint_text(text + "\n", select=(CLAIM, VAGUE)) == []


def test_a_suspicion_the_sentence_attributes_is_not_vague() -> None:
    text = "Police said the suspicion that he fled was wrong.\n"
    assert lint_text(text, select=(VAGUE,)) == []


def test_experts_described_then_named_according_to_are_a_source() -> None:
    text = (
        "Two economists have put a price tag of $2 trillion on the war. According to "
        "Linda Bilmes of Harvard, the final cost will run higher.\n\n"
        "The plant closed with 4,000 jobs lost. According to the union, the owners lied.\n"
    )
    assert [f.line for f in claims_found(text)] == [3]


def test_a_named_spokesman_is_no_anonymous_source() -> None:
    text = "A spokesman for NASA, Jo Smith, said the launch slipped.\n"
    assert lint_text(text, select=(ANONYMOUS,)) == []


# --- 4. quotations and their speakers ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'PC World\'s analysis of its traffic concluded, "Internet Explorer is now third."',
        'In the words of Senator Ruiz, "we will not back down on this."',
        'Governor Gregoire defended the plan: "It is the right thing to do for us."',
        '"We will rebuild the whole street," Ruiz told reporters.',
    ],
)
def test_the_speaker_before_or_after_the_quote_is_found(text: str) -> None:
    assert lint_text(text + "\n", select=(QUOTE,)) == []


@pytest.mark.parametrize("phrase", ["War on Terror", "Checks and Balances", "Man of the Match"])
def test_a_title_in_quotation_marks_is_no_quote(phrase: str) -> None:
    assert lint_text(f'The book "{phrase}" sold well in Ohio.\n', select=(QUOTE,)) == []


@pytest.mark.parametrize(
    "text",
    [
        'India is ready to sign a "defence cooperation agreement" with its neighbour.',
        'He left early to desert his "band of brothers" in the field.',
        'The question is, "Should he have known it was coming?"',
        'My point was: "Nobody reads the small print."',
    ],
)
def test_a_quoted_noun_phrase_or_the_writers_own_question_is_no_quote(text: str) -> None:
    assert lint_text(text + "\n", select=(QUOTE,)) == []


def test_a_fragment_quoted_inside_a_clause_is_the_named_subjects_words() -> None:
    text = 'Iran and Syria signed a pact to combat "challenges and threats" in the region.\n'
    assert lint_text(text, select=(QUOTE,)) == []
    nobody = 'On Monday the papers were "left out in the rain for days" again.\n'
    assert [f.rule for f in lint_text(nobody, select=(QUOTE,))] == [QUOTE]


def test_a_q_and_a_transcript_answer_is_the_interviewees_words() -> None:
    text = (
        "Q. What happened after the storm?\n\n"
        'A. "Nobody came to help us for three whole days after the storm."\n\n'
        "A. Smith closed the plant in 2009, cutting 400 jobs.\n"
    )
    assert lint_text(text, select=(QUOTE,)) == []
    # An initial is not an answer: the claim after it is still the writer's.
    assert [f.line for f in lint_text(text, select=(CLAIM,)) if f.rule == CLAIM] == [5]


def test_the_one_speaker_named_in_the_paragraph_owns_its_quoted_sentence() -> None:
    quote = '"It is a desperate situation, and we need help now."'
    one = f"Blanco said the city would rebuild. The levees failed overnight. {quote}\n"
    assert lint_text(one, select=(QUOTE,)) == []
    two = f"Blanco said it would rebuild. Nagin said it would not. The levees failed. {quote}\n"
    assert [f.rule for f in lint_text(two, select=(QUOTE,))] == [QUOTE]


def test_a_quote_with_no_speaker_is_still_flagged() -> None:
    text = 'Nobody knows why the papers "were left out in the rain for days" on Monday.\n'
    [finding] = lint_text(text, select=(QUOTE,))
    assert finding.message.startswith("quotation with no speaker (“were left out in the rain")


# --- 5. the worksheet in Markdown, CSV and JSON --------------------------------------------------

DRAFT = (
    "The fire killed 12 people, police said. Top city officials have described it as "
    "the worst blaze in a decade.\n\n"
    '"We will rebuild," Ruiz told reporters. The market closed in 2019.\n'
)


def test_the_csv_sheet_has_a_row_per_claim_and_quote_and_empty_desk_columns() -> None:
    findings = lint_text(DRAFT, path="fire.md", select=SHEET_RULES)
    rows = list(
        csv.DictReader(io.StringIO(reporters()["checklist-csv"](findings, ReportContext(files=1))))
    )
    assert [(r["section"], r["line"], r["source"], r["anonymous"]) for r in rows] == [
        ("check first", "1", "police", ""),
        ("check first", "1", "anonymous (“officials have described”)", "yes"),
        ("quotation", "3", "Ruiz", ""),
        ("background", "3", "Ruiz", ""),
        ("background", "3", "no source", ""),
    ]
    assert all(r["verdict"] == r["checked_by"] == r["source_link"] == "" for r in rows)


def test_the_json_sheet_from_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "fire.md").write_text(DRAFT, encoding="utf-8")
    lt_off = ("--ignore", "spelling,grammar,typography,style.languagetool")
    result = run_cli("--format", "checklist-json", "fire.md", *lt_off, cwd=tmp_path)
    data = json.loads(result.stdout)
    quote = next(r for r in data["rows"] if r["kind"] == "quotation")
    assert quote["text"] == "We will rebuild" and quote["source"] == "Ruiz"
    assert data["rows"][0]["what"] == "a casualty count" and data["rows"][0]["numbers"] == "12"
    assert {"verdict", "checked_by", "source_link"} <= set(quote)


def test_the_sheet_names_numbers_and_dates_are_clean() -> None:
    text = (
        "Barring a delay, the TN-05 seat opens in May 2026.\n\n"
        "Even Tennessee Sen. Bob Corker voted for STS-135 funding of $2 billion.\n"
    )
    findings = lint_text(text, path="d.md", select=SHEET_RULES)
    rows = json.loads(reporters()["checklist-json"](findings, ReportContext(files=1)))["rows"]
    names = {n for r in rows for n in r["names"].split("; ") if n}
    numbers = {n for r in rows for n in r["numbers"].split("; ") if n}
    assert "Barring" not in names and not any(n.startswith("Even") for n in names)
    assert "Tennessee Sen. Bob Corker" in names
    assert numbers == {"$2 billion"}
