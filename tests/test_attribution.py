"""Fact flags (issue 4): unattributed claims, vague and anonymous sources, unattributed quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.errors import ConfigError
from newslint.findings import Finding
from newslint.packs import builtin_rules_dir, load_packs
from newslint.phrases import PhraseTable
from newslint.reporters import ReportContext, reporters
from newslint.severity import Severity
from tests.conftest import SEED, lint_text, run_cli

ATTRIBUTION = ("attribution",)
CLAIM = "attribution.unattributed-claim"
VAGUE = "attribution.vague"
ANONYMOUS = "attribution.anonymous-source"
QUOTE = "attribution.unattributed-quote"
LT_OFF = ("--ignore", "spelling,grammar,typography,style.languagetool")


@pytest.fixture(scope="module")
def seed() -> list[Finding]:
    return lint_text(SEED.read_text(encoding="utf-8"), path="soleimani.md", select=ATTRIBUTION)


def at(findings: list[Finding], rule: str, line: int, column: int) -> Finding:
    matches = [f for f in findings if f.rule == rule and (f.line, f.column) == (line, column)]
    assert matches, f"no {rule} at {line}:{column}"
    return matches[0]


def rules_at_line(findings: list[Finding], line: int) -> set[str]:
    return {f.rule for f in findings if f.line <= line <= f.end_line}


def flagged(text: str, rule: str) -> list[str]:
    """The flagged sentences (source text) of ``rule`` in a one-file draft."""
    return [text[f.start : f.end] for f in lint_text(text, select=(rule,)) if f.rule == rule]


# --- the seed article -----------------------------------------------------------------------


def test_trump_ordered_the_killing_is_an_unattributed_claim(seed) -> None:
    finding = at(seed, CLAIM, 13, 1)
    assert (finding.end_line, finding.end_column) == (13, 50)  # the whole sentence, no more
    assert finding.severity == Severity.WARNING
    assert finding.message.startswith(
        "an accusation with no source (name Donald Trump): say who says so"
    )
    assert dict(finding.data)["text"] == "Donald Trump personally ordered his assassination."


def test_the_body_identified_by_a_ring_is_an_unattributed_claim(seed) -> None:
    finding = at(seed, CLAIM, 53, 1)
    assert (finding.end_line, finding.end_column) == (53, 78)
    assert "“according to …”" in finding.message


def test_weasel_attribution_is_vague(seed) -> None:
    accounts = at(seed, VAGUE, 3, 1)
    assert accounts.message.startswith("“by almost all accounts” names no source: say who")
    said_to_have = at(seed, VAGUE, 43, 1)
    assert "“is said to have”" in said_to_have.message
    assert (said_to_have.end_line, said_to_have.end_column) == (43, 194)
    assert "“reportedly”" in at(seed, VAGUE, 43, 223).message  # Putin reportedly told


def test_the_anonymous_official_is_an_anonymous_source(seed) -> None:
    finding = at(seed, ANONYMOUS, 17, 1)
    assert finding.severity == Severity.SUGGESTION
    assert "(“One official”, “on condition of anonymity”)" in finding.message
    assert "say why anonymity was granted" in finding.message


def test_the_pentagon_confirmation_and_al_assadis_words_are_not_flagged(seed) -> None:
    assert rules_at_line(seed, 11) == set()  # "The Pentagon later confirmed that…" and its quotes
    assert rules_at_line(seed, 9) == set()  # “The American and Israeli enemy…”, al-Assadi said


def test_every_quotation_in_the_seed_is_linked_to_its_speaker(seed) -> None:
    # Each has a speaker in the sentence, before it (“…”, a statement reads. “…”),
    # or in the paragraph introducing a blockquote (“…as published in The New Yorker:”).
    assert [f for f in seed if f.rule == QUOTE] == []


def test_nothing_inside_blockquotes_or_headlines_is_a_claim(seed) -> None:
    source = SEED.read_text(encoding="utf-8").splitlines()
    quoted = {n + 1 for n, text in enumerate(source) if text.startswith((">", "#"))}
    assert not [f for f in seed if f.line in quoted]


def test_opinion_framing_and_hedged_predictions_are_not_claims(seed) -> None:
    for line in (
        25,  # "His death will almost surely prompt…" and Zarif's attributed words
        33,  # "This will have dramatic ramifications…", "…will likely seek retribution"
        45,  # "Here is another account of the same episode, from a West Point profile:"
    ):
        assert CLAIM not in rules_at_line(seed, line), line
    significance = SEED.read_text(encoding="utf-8").splitlines()[34]
    assert significance.startswith("The significance of his death cannot be overstated.")
    assert not [f for f in seed if f.rule == CLAIM and (f.line, f.column) == (35, 1)]


# --- attribution: what gives a sentence a source ----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister resigned on Friday, her office said.",
        "According to the police, the fire killed 12 people on Sunday.",
        "Steve Whitmore, a spokesman for the sheriff, told the Times that Montalvo was arrested.",
        "“The fire killed 12 people,” Chief Ana Ruiz said on Sunday.",
        "The study found that ozone caused 46 percent of the damage.",
        "The company announced the closure of its Detroit plant in a statement on Monday.",
        "The report states that few manufacturers use iodised salt.",
    ],
)
def test_a_named_source_covers_the_sentence(sentence: str) -> None:
    assert flagged(sentence + "\n", CLAIM) == []


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("She was told to leave the country on Monday.", "'was told' is not a source"),
        ("The United States killed him on Friday.", "'States' is not the verb 'states'"),
        ("He flew to Paris to meet Smith, who had told him he would help.", "relative clause"),
        ("Fishermen rescued 700 people, and the navy reportedly saved 200 more.", "partial"),
        ("As we reported on Monday, the plant closed in 2019.", "the newsroom is no source"),
        ("The member states agreed the budget in 2019.", "'states' here is a noun"),
    ],
)
def test_look_alikes_give_no_source(sentence: str, why: str) -> None:
    assert flagged(sentence + "\n", CLAIM) == [sentence], why


@pytest.mark.parametrize(
    "sentence",
    [
        "Will the minister resign before Friday?",
        "If the dam breaks, 3,000 homes could flood.",
        "I think the minister will resign in May.",
        "The storied general was furious.",
        "Good run down on Qassim’s death.",
        "Here is the full list of the 12 victims:",
    ],
)
def test_questions_hypotheticals_opinion_and_fragments_are_not_claims(sentence: str) -> None:
    assert flagged(sentence + "\n", CLAIM) == []


def test_a_headline_is_not_a_claim() -> None:
    assert flagged("# Minister resigns after 12 die in fire\n", CLAIM) == []


def test_attribution_carries_over_within_a_paragraph() -> None:
    draft = (
        "The fire killed 12 people on Sunday, police said. The blaze started in a kitchen on "
        "Elm Street. Police said the alarm had been switched off.\n\n"
        "The minister resigned on Friday, her office said. She also sold her house in March.\n\n"
        "The ministry said in a statement: The papers were returned on Monday.\n\n"
        "The company closed the plant in 2019. Smith said he was sad. It reopened in 2021.\n"
    )
    assert flagged(draft, CLAIM) == [
        "The company closed the plant in 2019.",  # a new fact beside a quote is still a claim
        "It reopened in 2021.",
    ]


def test_two_sentences_between_two_that_name_the_same_source_are_its() -> None:
    report = (
        "The report says the decline is due to changes in the dairy industry. Iodine from milk "
        "has been the main source for four decades, but is now declining. Another factor is "
        "less iodised salt in food. The report states that few makers use iodised salt.\n"
    )
    assert flagged(report, CLAIM) == []
    # two different sources on either side hold nothing between them
    other = report.replace("The report states", "The mayor said")
    assert flagged(other, CLAIM) == [
        "Iodine from milk has been the main source for four decades, but is now declining.",
        "Another factor is less iodised salt in food.",
    ]


@pytest.mark.parametrize(
    "draft",
    [
        "The bombing killed 40 people. Police said the figure could rise.\n",
        "The fire killed 12 people. The toll could rise, fire officials said.\n",
        "The fire killed 12 people. The fire started in a kitchen, fire officials said.\n",
        "The blast injured 30 workers. According to the company, the 30 were taken to hospital.\n",
        "The floods destroyed 300 homes. It was the worst flood in decades, the mayor said.\n",
    ],
)
def test_the_next_sentence_sources_the_claim_it_reports_on(draft: str) -> None:
    assert flagged(draft, CLAIM) == []


@pytest.mark.parametrize(
    ("draft", "claim"),
    [
        # the source speaks of something else
        (
            "The fire killed 12 people in the warehouse. Fire officials said the alarm had "
            "been switched off.\n",
            "The fire killed 12 people in the warehouse.",
        ),
        ("The storm destroyed 300 homes. The mayor said the city would rebuild.\n", "The storm"),
        # a quotation after the claim is the speaker's, not the claim's source
        ("The fire killed 12 people. “It was horrible,” he said.\n", "The fire killed"),
        # "It is widely acknowledged that …": a dummy "it" refers to nothing
        (
            "Extremist groups smuggle guns across the border. It is widely acknowledged that "
            "the agency trained them.\n",
            "Extremist groups",
        ),
        # a name repeated is not the same matter
        (
            "The answer lies in one name: Jack Abramoff. The Abramoff scandal threatens to "
            "subsume all the gains in Congress.\n",
            "The answer lies",
        ),
        # the next paragraph does not source this one
        ("The fire killed 12 people.\n\nThe toll could rise, police said.\n", "The fire"),
    ],
)
def test_the_next_sentence_does_not_source_another_matter(draft: str, claim: str) -> None:
    found = flagged(draft, CLAIM)
    assert any(f.startswith(claim) for f in found), found


def test_a_sourced_paragraph_does_not_cover_the_next_one() -> None:
    draft = "The fire killed 12 people, police said.\n\nThe blaze started in the kitchen at noon.\n"
    assert flagged(draft, CLAIM) == ["The blaze started in the kitchen at noon."]


# --- vague and anonymous sources ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        (
            "He was, by almost all accounts, the most powerful man in Iraq.",
            "by almost all accounts",
        ),
        ("Some say the plan failed in 2019.", "Some say"),
        ("Critics argue the tax will cost 4,000 jobs.", "Critics argue"),
        ("Experts believe the dam will fail.", "Experts believe"),
        ("It is said that he never slept.", "It is said"),
        ("He reportedly met Putin in July.", "reportedly"),
        ("Khamenei is said to have sent an envoy to Moscow.", "is said to have"),
        ("According to reports, the envoy met Putin.", "According to reports"),
        ("The party purportedly sparked the embargo.", "purportedly"),
        ("Many residents said the water was brown.", "Many residents said"),
        ("Two deaths were reported in the village.", "were reported"),
    ],
)
def test_vague_attribution(sentence: str, cue: str) -> None:
    found = [f for f in lint_text(sentence + "\n", select=(VAGUE,)) if f.rule == VAGUE]
    assert [f"“{cue}”" in f.message for f in found] == [True]
    assert (found[0].column, found[0].end_column) == (1, len(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The researchers said the yields fell by 10 percent.",  # named earlier in the story
        "Two deaths were reported by the health ministry.",
        "“Some say he is a ghost,” the minister said.",  # the minister's words, not ours
    ],
)
def test_named_sources_are_not_vague(sentence: str) -> None:
    assert flagged(sentence + "\n", VAGUE) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "One official, speaking on condition of anonymity, told AP the convoy was hit.",
        "A source familiar with the talks said they had failed.",
        "People close to the minister say she will resign.",
        "A senior administration official said the strike was approved.",
        "Scientology officials have stated they did not receive the drives.",
        "An unknown author posted the video on Monday.",
    ],
)
def test_anonymous_sources(sentence: str) -> None:
    assert flagged(sentence + "\n", ANONYMOUS) == [sentence]


def test_an_anonymous_source_still_attributes_its_claim() -> None:
    text = "One official, speaking on condition of anonymity, told AP the convoy was hit.\n"
    assert flagged(text, CLAIM) == []


# --- quotations and their speakers ----------------------------------------------------------


def test_quotations_linked_to_speakers_before_after_and_across_paragraphs() -> None:
    draft = (
        "“We will not stop until every document is found,” Dewar said. “Not one.”\n\n"
        "“It was a mistake and we are sorry for it.”\n\n"  # after a paragraph naming the speaker
        "Smith said the plan had failed:\n\n"
        "“We tried everything we could, and it was not enough.\n\n"  # runs on…
        "“We will try again next year, and we will succeed.”\n\n"  # …to here: one quotation
        "The administration’s “tough on Iran” stance, a 2013 profile called “The Shadow "
        "Commander” and the word “parole” are names and terms, not speech.\n"
    )
    assert flagged(draft, QUOTE) == []


def test_quotations_with_no_speaker() -> None:
    draft = (
        "Nobody knows how papers kept in “approved security cabinets” ended up on a street.\n\n"
        "The fire started at noon.\n\n"
        "> I was hauled in and told to disconnect from her.\n\n"
        "“Nobody told us anything about the strike, not a word.\n\n"
        "“Then it happened.”\n"
    )
    assert flagged(draft, QUOTE) == [
        "Nobody knows how papers kept in “approved security cabinets” ended up on a street.",
        "I was hauled in and told to disconnect from her.",
        # Flagged once, where it opens; the paragraph that carries it on is not flagged again.
        "“Nobody told us anything about the strike, not a word.",
    ]
    message = lint_text(draft, select=(QUOTE,))[0].message
    assert message == "quotation with no speaker (“approved security cabinets”): say who said it"


def test_a_blockquote_introduced_by_a_colon_has_its_source() -> None:
    draft = "The ministry said in a statement:\n\n> We will not stop.\n\n> Not ever.\n"
    assert flagged(draft, QUOTE) == []


# --- the cue lists ------------------------------------------------------------------------------


def test_the_shipped_cue_lists_hold_what_the_issue_asks_for() -> None:
    rules = load_packs([builtin_rules_dir() / "attribution.yml"]).rules
    cues = rules[CLAIM].options["cues"]
    assert {"said", "told", "confirmed", "according to"} <= {
        *cues["attribution"],
        *cues["attribution_phrases"],
    }
    assert {"reportedly", "purportedly", "is said to have", "by almost all accounts"} <= set(
        cues["vague"]
    )
    assert {"on condition of anonymity", "people close to"} <= set(cues["anonymous"])
    assert {"likely", "probably"} <= set(cues["hedges"])
    assert {"arguably", "i think"} <= set(cues["opinion"])
    assert {"caused", "record"} <= set(cues["claim_signals"])
    # One set of lists, shared by every other attribution rule by naming the rule (no anchor).
    others = [r for r in rules.values() if r.kind == "attribution" and r.id != CLAIM]
    assert others and all(r.options["cues"] == CLAIM for r in others)
    text = (builtin_rules_dir() / "attribution.yml").read_text(encoding="utf-8")
    assert "&cues" not in text and "*cues" not in text and "(?<" not in text
    assert not rules["attribution.claim"].enabled  # the fact-check sheet turns it on


def test_an_editor_can_add_a_cue(tmp_path: Path) -> None:
    pack = tmp_path / "house.yml"
    pack.write_text(
        "pack: house\nrules:\n  - id: attribution.house-claim\n    kind: attribution\n"
        "    check: unattributed-claim\n    description: d\n    message: m\n"
        "    cues:\n      attribution: [said]\n      attribution_phrases: [per]\n",
        encoding="utf-8",
    )
    config = tmp_path / ".newslint.yml"
    config.write_text(f"extra_rules: {tmp_path}\npacks: [house]\n", encoding="utf-8")
    draft = "The plant closed in 2019, per the county.\n\nThe plant reopened in 2021.\n"
    found = lint_text(draft, path=str(tmp_path / "d.md"), config=str(config))
    assert [draft[f.start : f.end] for f in found] == ["The plant reopened in 2021."]


@pytest.mark.parametrize(
    ("cues", "message"),
    [
        ("attributon: [said]", "unknown cue list 'attributon'; did you mean 'attribution'?"),
        ("vague: [1, 2]", "cue list 'vague' must be a list of strings"),
        ("vague_patterns: ['(a+)+']", "repeats a group that itself repeats"),
    ],
)
def test_a_broken_cue_list_is_reported_with_its_line(
    tmp_path: Path, cues: str, message: str
) -> None:
    pack = tmp_path / "broken.yml"
    pack.write_text(
        "pack: p\nrules:\n  - id: attribution.x\n    kind: attribution\n    check: vague\n"
        f"    description: d\n    message: m\n    cues:\n      {cues}\n",
        encoding="utf-8",
    )
    errors = load_packs([pack]).errors
    assert len(errors) == 1 and isinstance(errors[0], ConfigError)
    assert message in str(errors[0]) and str(errors[0]).startswith(f"{pack}:8:")


def test_an_unknown_check_is_refused() -> None:
    from newslint import attribution
    from newslint.rule import Rule

    rule = Rule("attribution.x", "attribution", "m", "d", options={"check": "vauge", "cues": {}})
    with pytest.raises(ValueError, match="unknown check 'vauge'; did you mean 'vague'"):
        attribution.compile(rule, PhraseTable())


# --- the fact-check sheet --------------------------------------------------------------------

SHEET_DRAFT = (
    "# Fire kills 12\n\n"
    "The fire killed 12 people in Oakland on Sunday, police said. The blaze started in a "
    "kitchen. Police said the alarm had been switched off.\n\n"
    "Mayor Ana Ruiz closed the market in 2019. Ruiz reportedly met the owners on Monday.\n\n"
    '"We will rebuild," Ruiz told reporters. Top city officials have described the blaze '
    "as the worst in a decade.\n"
)

SHEET = """\
# Fact-check sheet: fire.md

7 claims to check (1 with no source, 2 from unnamed sources), 1 quotation.
Tick each item when checked; note the verdict, who checked it and a source link.

## Check first: figures, records, causes, accusations, casualties, predictions

- [ ] **Line 3:** The fire killed 12 people in Oakland on Sunday, police said.
  - Source: police (a casualty count)
  - Names: Oakland
  - Numbers: 12
  - Dates: Sunday
  - Verdict: ___ · Checked by: ___ · Source link: ___
- [ ] **Line 7:** Top city officials have described the blaze as the worst in a decade.
  - Source: anonymous (“officials have described”) — **unnamed source** (a record or superlative)
  - Verdict: ___ · Checked by: ___ · Source link: ___

## Direct quotations

- [ ] **Line 7:** We will rebuild
  - Speaker: Ruiz
  - Verdict: ___ · Checked by: ___ · Source link: ___

## Background

- [ ] **Line 3:** The blaze started in a kitchen.
  - Source: police (carried from the sentence before)
  - Verdict: ___ · Checked by: ___ · Source link: ___
- [ ] **Line 3:** Police said the alarm had been switched off.
  - Source: Police
  - Verdict: ___ · Checked by: ___ · Source link: ___
- [ ] **Line 5:** Mayor Ana Ruiz closed the market in 2019.
  - Source: no source
  - Names: Mayor Ana Ruiz
  - Dates: 2019
  - Verdict: ___ · Checked by: ___ · Source link: ___
- [ ] **Line 5:** Ruiz reportedly met the owners on Monday.
  - Source: unnamed (“reportedly”) — **unnamed source**
  - Names: Ruiz
  - Dates: Monday
  - Verdict: ___ · Checked by: ___ · Source link: ___
- [ ] **Line 7:** "We will rebuild," Ruiz told reporters.
  - Source: Ruiz
  - Names: Ruiz
  - Verdict: ___ · Checked by: ___ · Source link: ___
"""


def test_the_fact_check_sheet_orders_claims_by_tier_and_lists_every_quote() -> None:
    rules = ("attribution", "attribution.claim", "attribution.quote")
    findings = lint_text(SHEET_DRAFT, path="fire.md", select=rules)
    assert reporters()["checklist"](findings, ReportContext(files=1)) == SHEET


def test_the_attributed_claims_show_only_on_the_sheet(tmp_path: Path) -> None:
    (tmp_path / "fire.md").write_text(SHEET_DRAFT, encoding="utf-8")
    sheet = run_cli("--format", "checklist", "fire.md", *LT_OFF, cwd=tmp_path)
    assert sheet.stdout == SHEET and sheet.returncode == 0
    text = run_cli("--format", "text", "fire.md", *LT_OFF, cwd=tmp_path).stdout
    assert "attribution.unattributed-claim" in text and "attribution.claim]" not in text


def test_a_sheet_with_no_claims() -> None:
    findings = lint_text("Is it over?\n", select=("attribution", "attribution.claim"))
    assert reporters()["checklist"](findings, ReportContext(files=1)) == (
        "No checkable claims found in 1 file.\n"
    )


def test_the_sheet_keeps_the_drafts_words_literal() -> None:
    draft = "The fund paid [US]$ 20,000 to A_B Ltd on Monday.\n"
    findings = lint_text(draft, path="d.md", select=("attribution",))
    sheet = reporters()["checklist"](findings, ReportContext(files=1))
    assert r"- [ ] **Line 1:** The fund paid \[US\]$ 20,000 to A\_B Ltd on Monday." in sheet
