"""Check-worthiness tiers and quote speakers (issue 10, items 1, 2 and 4).

Each case is a sentence an editor would read the same way anywhere: which
sentence is flagged, at which severity, and which tier the message names.
"""

from __future__ import annotations

import pytest

from newslint.findings import Finding
from newslint.severity import Severity
from tests.conftest import lint_text

CLAIM = "attribution.unattributed-claim"
QUOTE = "attribution.unattributed-quote"


def claims(text: str) -> list[Finding]:
    return [f for f in lint_text(text, select=(CLAIM,)) if f.rule == CLAIM]


def only_claim(sentence: str) -> Finding:
    found = claims(sentence + "\n")
    assert len(found) == 1, [f.message for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "tier"),
    [
        # predictions stated as fact
        ("Iraq, already a seething cauldron, will sink further into chaos.", "a prediction"),
        ("The situation in Iraq is only going to get better this way.", "a prediction"),
        ("He won't have many seats in the new parliament.", "a prediction"),
        # motives
        (
            "The governor cut the budget for schools in order to garner votes in the north.",
            "a motive",
        ),
        ("The council closed the library in a bid to save money.", "a motive"),
        # what someone knew or felt, read as fact
        ("Even after the attacks, Bush was obsessing about Iraq.", "what someone knew or felt"),
        ("He obviously liked authoritarian rule better than democracy.", "what someone knew"),
        ("China is furious that Japan has outbid it for the pipeline.", "what someone knew"),
        # decisions away from the public eye
        ("Rumsfeld initially rejected an attack on the bases.", "what someone decided"),
        ("Clinton had worked out a deal with Sharif that summer.", "what someone decided"),
        # accusations in every tense
        ("The general reneged on the deal with the rebels.", "an accusation"),
        ("US forces made a blunder by accidentally killing the sheikh.", "an accusation"),
        ("The minister has been accused of hiding the report.", "an accusation"),
        # sweeping assertions
        ("The reality is that India is no longer the enemy of choice.", "a sweeping assertion"),
        ("In essence, Iran now owns a significant portion of the government.", "a sweeping"),
        # acts of force, records, causes, rates
        ("Iran, North Korea and China have been willing providers of weapons.", "an act of force"),
        ("The Red Cross has mobilised volunteers for its biggest-ever effort.", "a record"),
        ("Syria is the strongest military force in the region.", "a record"),
        ("The occupation has sapped the army's strength.", "a cause or blame"),
        ("Through the strait 300 tankers pass daily.", "a figure"),
        ("Any fighting in the Gulf would imperil the tankers bound for China.", "a prediction"),
        # verdicts on people and institutions in the writer's voice
        ("Indian intelligence's lackluster performance is startling.", "a verdict stated"),
        ("The government is hopelessly misguided on the floods.", "a verdict"),
        ("Bush was wrong about the weapons in Iraq.", "a verdict stated"),
        ("Chalabi has been increasingly marginalized within Iraq.", "a verdict stated"),
        ("The minister's policy has been a complete disaster for farmers.", "a verdict"),
        # a whole group's mind, told as fact
        ("Democrats are spitting mad over the attacks on Kerry.", "what someone knew or felt"),
        ("Americans want their troops home from Iraq.", "what someone knew or felt"),
        ("Most Iraqis already distrust the new police force.", "what someone knew or felt"),
        ("This year it overtook Japan as the second largest consumer of energy.", "a record"),
        # hidden facts the writer claims to see
        ("The real reason for the war was oil.", "a sweeping assertion"),
        ("The deal was struck behind closed doors in Geneva.", "a sweeping assertion"),
        ("Clearly, the Kurds backed the offensive from the start.", "a sweeping assertion"),
        ("Not surprisingly, the ministry lost the files in 2004.", "a sweeping assertion"),
        # trends, office misused, causes and aims
        ("Security in the region has deteriorated sharply since 2001.", "a trend stated"),
        ("The ministers used their governmental positions in the campaign.", "an accusation"),
        ("The council failed to protect the children in its care.", "an accusation"),
        ("The militia was behind the bombing of the market in May.", "an accusation"),
        ("The senator has been in the pocket of the oil companies since 1998.", "an accusation"),
        ("Rumsfeld must have known about the memo in 2003.", "what someone knew"),
        ("The offensive was launched at the behest of Washington.", "a cause or blame"),
        ("Damascus has been intent for years upon building its army.", "what someone intends"),
        # a count of forces or arms, a running trend, a tie alleged, pressure as the cause
        ("The air force fields somewhere near 650 aircraft in 2005.", "a count of forces"),
        ("Internet Explorer's market share is slipping.", "a trend stated"),
        ("Both parties have umbilical connections to the leadership in Iran.", "an accusation"),
        ("In 1987, the Tigers reluctantly accepted the accord under Indian pressure.", "a cause"),
        ("Another bad step was the recent arrest of Sheikh Hassan in Mosul.", "an accusation"),
        ("The revolt took two weeks to be suppressed by the Republican Guard.", "an act of force"),
        ("Any attack on Iran will bring Russia into the mess.", "a prediction"),
        ("Norway's minister flew in, in a new bid to revive the talks.", "a motive"),
        ("Sunnis have never offered an alternative to the elections.", "a sweeping assertion"),
        # a colon ends the relative clause: what follows is the writer's claim again
        (
            "The Tigers are the ones who rule the sea: they carry the arms and drugs to Aceh.",
            "an accusation",
        ),
        # a whole group's view, told as fact
        ("Sunni Iraqis contend that elections are impossible under occupation.", "what someone"),
        ("American citizens have for decades taken it as a given that we win.", "what someone"),
        # seventh pass: a bound on a count, a rank, harm made worse, a refusal as it runs,
        # an outcome vouched for, the worst of the damage
        ("The clinic has treated more than 60 patients from the camp.", "a figure"),
        ("Nearly 300 teachers in the district lost their posts in June.", "a figure"),
        ("Over 90 shops on the high street have closed.", "a figure"),
        ("Norway ranks third in gas exports among European countries.", "a record"),
        ("The new tax exacerbated the housing shortage in the capital.", "a cause"),
        ("The dockers' union is refusing to sign the agreement with the port.", "what someone"),
        ("The reform will ensure higher wages for the nurses of Leeds.", "a prediction"),
        ("The coastal towns of Devon bore the brunt of the storm.", "a record"),
        # neglect and brinkmanship as verdicts, a wish told as fact, force at sea
        ("The ministry has paid little attention to the floods in the north.", "a verdict"),
        ("The board turned a blind eye to the losses at the bank.", "a verdict"),
        ("Pakistan played nuclear brinkmanship with India in 2002.", "a verdict"),
        ("The rebel commander wants the oil fields of the north.", "what someone intends"),
        ("The trawler was intercepted by Turkish naval vessels off Cyprus.", "an act of force"),
    ],
)
def test_check_worthy_claims_are_warnings_naming_their_tier(sentence: str, tier: str) -> None:
    finding = only_claim(sentence)
    assert finding.severity == Severity.WARNING
    assert finding.message.startswith(tier), finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        # arrangements and scheduled facts, not predictions
        "Space Shuttle Discovery will take the place of Enterprise at the Udvar-Hazy Center.",
        "She is going to visit the museum on Friday.",
        # a bare feeling is a description; wanting to attend is no plot
        "Exhibit goers then became part of the very exhibit they had wanted to attend.",
        # a menu price is no statistic; "illegal migrants" names a policy's subject
        "The beverage is priced at US $8.00 at the bar.",
        "Sunak has made tackling migration one of his priorities, with laws on illegal migrants.",
        # a budget line is not an act of force
        "The Crew Exploration Vehicle is funded at $268 million.",
        # advice about a future, no trend; a place, not a party, that is dangerous
        "Wait until the fifth day of the festival when the crowds will have dwindled.",
        "The road to the village is dangerous in winter.",
        "The Senate passed the bill on Tuesday after a long debate.",
        # an election lost and a study's method are no wrongdoing
        "Pan-democrat Gary Fan failed to get re-elected in this constituency in 2016.",
        "Tasmania was excluded from the study in 2011.",
        # an unnamed "some people" is a vague source, not a group's mind told as fact
        "NASA has a large outreach program for schools; some people believe this matters.",
        # a fragment with a cause's preposition is no claim
        "And because of this tragic flaw . . .",
        # a model number is no count of forces; a bare tie is no allegation
        "During the war, F-102 squadrons were based at Da Nang in Vietnam.",
        "The mayor has ties to the community of Leeds going back to 1990.",
        "Two think tanks published the study on the army in 2004.",
        "The troops arrived in the town on Tuesday.",
        # a shuttle brought to a museum is an arrangement, not an outcome foretold
        "The crane will bring the shuttle into the hangar on Friday.",
        # a size given loosely is no bound claimed; a bound on an age or a span is no count
        "The gallery bases its show around roughly 100 prints from its collection.",
        "The painter, then over 80 years old, opened the show in Leeds.",
        "The siege of the town has lasted more than a thousand days.",
        "Late in the game the pass was intercepted by the Leeds defender.",
    ],
)
def test_background_facts_stay_suggestions(sentence: str) -> None:
    for finding in claims(sentence + "\n"):
        if "funded at" in sentence:  # a figure, but not "an act of force"
            assert not finding.message.startswith("an act of force")
            continue
        assert finding.severity == Severity.SUGGESTION, finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "Yesterday there were tens of them putting road blocks on our street and firing mortars.",
        "From the window we watched the police drag the protesters away.",
    ],
)
def test_first_hand_eyewitness_reporting_is_no_claim(sentence: str) -> None:
    assert claims(sentence + "\n") == []


def test_a_book_that_makes_the_case_is_a_source() -> None:
    text = "Imperial Hubris makes the case that people in the CIA knew all about Bin Laden.\n"
    assert claims(text) == []


@pytest.mark.parametrize(
    "paragraph",
    [
        # the speaker in a lead-in ending in a semicolon, after "define … as"
        "The drink was named for a word; Savage's readers voted to define the word as; "
        '"the frothy mixture that nobody wants to name here."',
        # a document quoted by its own part
        "This right is so fundamental that our Constitution takes it for granted in its "
        'dedication to "secure the blessings of liberty to ourselves and our posterity."',
        # lead-ins an editor reads as naming the speaker
        'PC World\'s analysis of the browser concluded, "Internet Explorer 9 is the best yet."',
        'In the words of the mayor, "We will rebuild every house on this street."',
        'The minister defended the plan: "It will save money and lives within a year."',
    ],
)
def test_quotes_with_a_speaker_in_the_lead_in(paragraph: str) -> None:
    found = [f for f in lint_text(paragraph + "\n", select=(QUOTE,)) if f.rule == QUOTE]
    assert found == [], [f.message for f in found]


def test_a_quote_with_no_speaker_is_still_flagged() -> None:
    text = 'The plan was simple; "we will not stop until every document is found and returned."\n'
    found = [f for f in lint_text(text, select=(QUOTE,)) if f.rule == QUOTE]
    assert [f.severity for f in found] == [Severity.WARNING]


@pytest.mark.parametrize(
    "sentence",
    [
        'The so-called "War on Terror" has cost trillions of dollars, the report found.',
        'Supporters of "Checks and Balances" met on Tuesday, organisers said.',
    ],
)
def test_short_title_like_phrases_need_no_speaker(sentence: str) -> None:
    assert [f for f in lint_text(sentence + "\n", select=(QUOTE,)) if f.rule == QUOTE] == []


def test_a_speaker_after_the_quote() -> None:
    text = '"We will rebuild every house on this street and more," Smith concluded.\n'
    assert [f for f in lint_text(text, select=(QUOTE,)) if f.rule == QUOTE] == []


@pytest.mark.parametrize(
    "sentence",
    [
        # media as sources
        "State television reported that 40 people were killed in the blast.",
        "At least 40 people were killed in the blast, Al Jazeera reported.",
        "The minister took bribes worth $2 million, according to The Guardian.",
        "The BBC's correspondent in Kabul saw at least 30 bodies in the street.",
        # reporting verbs in every tense and position
        "Wilkins observed that the fraud cost investors $20 million.",
        "The company has insisted that the recall will cost $5 million.",
        "Smith testified that the company had lied to regulators.",
        "The agency highlighted that unemployment rose to 9 percent.",
        # reporting nouns, documents and agents
        "In his letter, Smith wrote that the fraud cost investors $20 million.",
        "The report, published on Monday, found that 40 percent of schools had failed.",
        "It has been confirmed by the ministry that 12 soldiers were killed.",
        "The group sent a statement to the newsroom saying it had killed 12 soldiers.",
        "The ministry's figures put the death toll at 120.",
        "Police are investigating claims that the mayor stole $1 million.",
    ],
)
def test_attribution_as_an_editor_reads_it(sentence: str) -> None:
    assert claims(sentence + "\n") == []


# --- history: a count from long before the story is background (issue 10, item 1) ---------

DATED = "---\ntitle: Ferries\ndate: 2011-04-13\n---\n\n"


def claim_in(text: str) -> Finding:
    found = claims(text)
    assert len(found) == 1, [f.message for f in found]
    return found[0]


def test_a_toll_from_long_before_the_story_is_history() -> None:
    finding = claim_in(DATED + "The ferry sank in the Baltic in 1994, killing 852 passengers.\n")
    assert finding.severity == Severity.SUGGESTION
    assert finding.message.startswith(
        "history (1994, 17 years before the story's date): a casualty count"
    ), finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        # a recent toll, and an old year beside a recent day
        "The ferry sank off the coast last week, killing 85 passengers.",
        "The fire at the plant, built in 1994, killed 12 workers on Tuesday.",
        # a trend or a state up to now
        "The number of ferry deaths has risen to 300 since 1990.",
        # the story's own year, and a year within the threshold (5 years)
        "The 2011 floods in the valley killed 40 people.",
        "As of 2009, the army had some 215,000 soldiers in the north.",
        # after an old event: when is unknown; an aside before another claim
        "Ten years after the 1994 fire, the company paid $20 million to the families.",
        "Apart from the 852 lives lost in 1994, the ferry line lost $20 million in fares.",
        # the latest year of a list or a season is the event's: 4 years before the story
        "Floods in the valley killed 300 people in 2003, 2005 and 2007.",
        "During the 2006-07 season, 40 fans died in crushes at the stadium.",
    ],
)
def test_a_count_that_is_recent_or_runs_up_to_now_stays_a_warning(sentence: str) -> None:
    finding = claim_in(DATED + sentence + "\n")
    assert finding.severity == Severity.WARNING, finding.message


def test_an_old_accusation_is_no_history() -> None:
    # Only a count is public record by age: who killed whom is someone's account.
    finding = claim_in(DATED + "Guerrillas killed an engineer at the dam in 1994.\n")
    assert finding.severity == Severity.WARNING, finding.message


def test_with_no_story_date_the_latest_year_the_draft_names_stands_for_it() -> None:
    toll = "The ferry sank in the Baltic in 1994, killing 852 passengers.\n"
    alone = claim_in(toll)  # no other year: nothing to measure by, a warning
    assert alone.severity == Severity.WARNING, alone.message
    later = toll + "\nThe new ferry line opened in the harbour in 2010 with a ceremony.\n"
    first = claims(later)[0]
    assert first.severity == Severity.SUGGESTION
    assert "16 years before 2010, the latest year the draft names" in first.message


def test_history_names_a_decade_as_the_sentence_does() -> None:
    # Counted from its last year, but "1999" is nowhere in "the 1990s".
    finding = claim_in(DATED + "The floods of the 1990s killed 300 people in the valley.\n")
    assert finding.message.startswith("history (the 1990s, 12 years before the story's date)")


def test_a_word_that_opens_with_a_month_is_no_month() -> None:
    # "Mayor" is no "May" with no year: the old toll is still history.
    finding = claim_in(DATED + "The fire at Mayor Ruiz's mill in 1994 killed 30 workers.\n")
    assert finding.severity == Severity.SUGGESTION, finding.message


def test_an_undated_story_s_year_counts_a_paragraph_that_also_says_after() -> None:
    # "years after the 1994 floods" places that sentence's event in no year, but
    # the paragraph still names 2010, the latest year of the draft.
    text = (
        "Floods in the valley killed 300 people in 1994.\n\n"
        "The dam was rebuilt in 2010, years after the 1994 floods, with a new spillway.\n"
    )
    toll = claims(text)[0]
    assert "16 years before 2010, the latest year the draft names" in toll.message, toll.message


def test_a_target_year_to_come_is_not_the_undated_story_s_year() -> None:
    # "by 2090" is a plan, not the story's time: the 2020 toll is the news.
    text = (
        "Floods killed 40 people in the valley in 2020.\n\n"
        "The council plans 500 new homes on higher ground by 2090.\n"
    )
    toll = claims(text)[0]
    assert toll.severity == Severity.WARNING, toll.message


@pytest.mark.parametrize(
    ("voice", "years"),
    [
        ("It sank back on January 28, 1986 with all aboard.", (1986,)),
        ("The fighting of the 1980s cost the town dearly.", (1989,)),
        ("He served in 1969-1970 and in mid-1972.", (1970, 1972)),
        ("In the 1999-00 season the club won.", (2000,)),
        # a dash between spaces before two digits is an aside, not a season
        ("In 1994 – 12 of the crew died at sea.", (1994,)),
        ("Storms struck in 2003, 2005 and 2007.", (2003, 2005, 2007)),
        ("In 1990, 2000 died in the famine.", (1990,)),
        ("A crowd of 2000 people gathered at the gate.", ()),
        ("Ten years after the 1994 fire, the mill reopened.", None),
    ],
)
def test_the_years_a_sentence_places_its_event_in(
    voice: str, years: tuple[int, ...] | None
) -> None:
    from newslint.attribution.history import placed_years

    assert placed_years(voice) == years
