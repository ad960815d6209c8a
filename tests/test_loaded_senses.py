"""Loaded words in the sense that is loaded only, and never in quotation."""

from __future__ import annotations

import pytest

from tests.conftest import lint_text


def _loaded(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (f.rule, f.message, f.suggestion)
        for f in lint_text(text + "\n", select=("loaded",))
        if f.rule.startswith("loaded.")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The minister claimed the strike was legal.",
        "The minister claimed that the strike was legal.",
        "“We did nothing wrong,” he claimed.",
        "She claims he had no part in it.",
        "He admitted to lying under oath.",
    ],
)
def test_said_synonym_introducing_speech_is_flagged(text: str) -> None:
    assert [r for r, _, _ in _loaded(text)] == ["loaded.said"]


@pytest.mark.parametrize(
    "text",
    [
        "The rebels claimed the town on Sunday.",
        "Iran claimed responsibility for the attack.",
        "Asylum claims rose by a third.",
        "The claims that he lied were dropped.",
        "United conceded a penalty in the 80th minute.",
        "He was admitted to hospital.",
        "Troops fired back at the gunmen.",
    ],
)
def test_other_senses_of_said_synonyms_pass(text: str) -> None:
    assert _loaded(text) == []


def test_said_suggestion_never_rewrites_a_taking() -> None:
    found = _loaded("The rebels claimed the town, and the minister claimed the vote was rigged.")
    assert found == [
        (
            "loaded.said",
            "“claimed” judges the speaker; use “said” unless the verb is the news",
            "said",
        )
    ]


def test_celebrated_is_puffery_as_adjective_not_as_verb() -> None:
    assert _loaded("NASA celebrated the launch with a briefing.") == []
    assert [r for r, _, _ in _loaded("The celebrated author spoke.")] == ["loaded.puffery"]
    assert [r for r, _, _ in _loaded("She is celebrated for her novels.")] == ["loaded.puffery"]


@pytest.mark.parametrize(
    "text",
    [
        "Clerics described the insurgents as 'terrorists' and called for calm.",
        "Clerics described the insurgents as ‘terrorists’ and called for calm.",
        "Officials called the new rules 'draconian' in a statement.",
        "The group's ‘so-called’ ceasefire held.",
    ],
)
def test_words_in_single_quotes_are_quotation(text: str) -> None:
    assert _loaded(text) == []


def test_apostrophes_are_not_single_quotes() -> None:
    found = _loaded("Iran's regime didn't comment.")
    assert [r for r, _, _ in found] == ["loaded.label"]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The mayor gave a magnificent speech.", "loaded.subjective"),
        ("Problems plague the city's transit system.", "loaded.emotive"),
        ("The bill was a lifeline for farmers.", "loaded.emotive"),
        ("Even Obama agreed with the plan.", "loaded.editorializing"),
        ("Democrat lawmakers walked out.", "loaded.label"),
        ("The council held no real hearings.", "loaded.editorializing"),
    ],
)
def test_lexicon_words_from_rough_copy(text: str, rule: str) -> None:
    assert [r for r, _, _ in _loaded(text)] == [rule]


@pytest.mark.parametrize(
    "text",
    ["Even so, the vote passed.", "A Democrat from Ohio voted no.", "The Democrats won."],
)
def test_lexicon_patterns_leave_neutral_uses(text: str) -> None:
    assert _loaded(text) == []


def test_capitalised_mid_sentence_is_a_name() -> None:
    assert _loaded("The bar's owner, Tom Savage, trained the Iranian Revolutionary Guards.") == []
    assert [r for r, _, _ in _loaded("Savage attacks followed.")] == ["loaded.emotive"]


def test_a_capital_for_emphasis_after_a_is_not_a_name() -> None:
    assert [r for r, _, _ in _loaded("The law made the governor a Tyrant.")] == ["loaded.label"]
    assert _loaded("He met a Savage Garden fan.") == []


def test_a_capitalised_label_after_a_capitalised_word_is_emphasis() -> None:
    text = "The republic becomes just another Military Dictatorship, no better than the rest."
    assert [r for r, _, _ in _loaded(text)] == ["loaded.label"]
    # A name goes on after the listed word, or has no "a"/"another" before it.
    assert _loaded("He served a Military Dictatorship Museum tour.") == []
    assert _loaded("They fled the Military Dictatorship of Chile in 1975.") == []


def test_interview_answers_are_the_speakers_words() -> None:
    text = "**Nick Bos:** Of course the results are remarkable.\n\nOf course it rained."
    assert [m for _, m, _ in _loaded(text)] == [
        "“Of course” editorializes: cut it or say who holds the view"
    ]


def test_a_single_quoted_passage_over_sentences_is_quotation() -> None:
    text = "AP reported: ' A radical cleric spoke. He was defiant. ' Then the regime fell."
    assert [m for _, m, _ in _loaded(text)] == [
        "“regime” is a contentious label: use a neutral term or attribute it"
    ]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("He believed a crackpot theory about the bombing.", "loaded.subjective"),
        ("The administration came into office obsessed with Iraq.", "loaded.subjective"),
        ("Police broke up three terror cells in the capital.", "loaded.label"),
        ("The minister whined that the budget was too small.", "loaded.said"),
        ("The firm took the lion’s share of the contracts.", "loaded.idiom"),
        ("The rebels are freedom fighters.", "loaded.label"),
        ("The award-winning chef opened a cafe.", "loaded.puffery"),
        ("A highly respected cleric led the prayers.", "loaded.puffery"),
        ("It is highly significant that he resigned.", "loaded.editorializing"),
    ],
)
def test_derision_labels_and_words_to_watch(text: str, rule: str) -> None:
    assert [r for r, _, _ in _loaded(text)] == [rule]


def test_crowed_as_a_rooster_is_not_speech() -> None:
    assert _loaded("The rooster crowed at dawn.") == []


@pytest.mark.parametrize(
    "text",
    [
        "I think the council will drop the plan.",
        "The ruling, in my view, is wrong.",
        "Turnout will be low, I suspect.",
    ],
)
def test_the_writers_first_person_opinion_is_flagged(text: str) -> None:
    assert [r for r, _, _ in _loaded(text)] == ["loaded.opinion"]


@pytest.mark.parametrize(
    "text",
    [
        "“I think the council will drop it,” the mayor said.",
        "**Noam Chomsky:** I think NATO should not exist.",
        "I visited the camp on Tuesday.",
    ],
)
def test_opinion_of_a_source_or_first_hand_reporting_passes(text: str) -> None:
    assert _loaded(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The plan is utterly unrealistic.", "unrealistic"),
        ("It was a truly desperate move by the council.", "desperate"),
        ("The figures were totally wrong.", "wrong"),
        ("The response was hopelessly inadequate.", "inadequate"),
    ],
)
def test_an_intensified_everyday_adjective_is_a_verdict(text: str, word: str) -> None:
    assert [m for _, m, _ in _loaded(text)] == [
        f"“{word}” after an intensifier is a verdict: drop the intensifier and give the fact"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Residents were desperate for water after the flood.",
        "The figures were wrong, the auditor said.",
        "The virus is highly contagious.",
        "Such storms are extremely rare.",
        "“The plan is utterly unrealistic,” the senator said.",
        "The senator called the plan 'utterly unrealistic'.",
        "> The plan is utterly unrealistic.",
    ],
)
def test_adjectives_without_an_intensifier_or_in_quotation_pass(text: str) -> None:
    assert _loaded(text) == []


def test_an_intensifier_flagged_on_its_own_is_reported_once() -> None:
    assert [m for _, m, _ in _loaded("The response was woefully inadequate.")] == [
        "“woefully” is a verdict, not a fact: show what happened or attribute it"
    ]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The dictatorship jailed its critics.", "loaded.label"),
        ("The tyrant fled the capital.", "loaded.label"),
        ("Sharon's outrages in Gaza went on.", "loaded.subjective"),
        ("The minister made a scapegoat of the police.", "loaded.subjective"),
        ("What manner of maniac would do this?", "loaded.subjective"),
        ("The envoy's duplicity cost the talks dearly.", "loaded.subjective"),
        ("Bush kept muttering about opportunities.", "loaded.said"),
        ("The senator lambasted the plan.", "loaded.said"),
        ("The agency's ineptitude delayed the rescue.", "loaded.subjective"),
    ],
)
def test_labels_for_governments_and_nouns_that_judge(text: str, rule: str) -> None:
    assert [r for r, _, _ in _loaded(text)] == [rule]


def test_a_label_in_single_quotes_is_reported_speech() -> None:
    assert _loaded("Protesters called the government a 'dictatorship'.") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("They encouraged the worst elements of the movement.", "worst"),
        ("The council gave a baseless excuse for the delay.", "baseless"),
        ("It was an unworkable policy from the start.", "unworkable"),
        ("The ministry's hasty plan failed within a week.", "hasty"),
        ("Critics were ignored by an insensitive government.", "insensitive"),
        ("The governor made a spurious argument in court.", "spurious"),
        ("The ministry's hasty, ill-judged plan failed.", "hasty"),
        ("It was a baseless and belated excuse for the delay.", "baseless"),
        ("The council's plan was unworkable from the start.", "unworkable"),
        ("His excuse is largely baseless.", "baseless"),
    ],
)
def test_a_word_of_blame_before_a_person_or_policy_is_a_verdict(text: str, word: str) -> None:
    assert [(r, m) for r, m, _ in _loaded(text)] == [
        (
            "loaded.verdict",
            f"“{word}” judges a person, policy or argument: show what was done or attribute it",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A record or a thing, not a person or what one does.
        "It was the worst flooding in decades.",
        "Bleak weather closed the port.",
        "The worst of the storm passed at noon.",
        "The weather was bleak all week.",
        "The flooding was the worst in decades.",
        # Quoted, in single quotes, in a blockquote.
        "“The worst president we ever had,” one voter said.",
        "One voter called him 'the worst president' in memory.",
        "> The worst president we ever had.",
        # A feeling or a stance a story reports, kept out by the editor's list.
        "Irate officials closed the road.",
        "Drastic measures followed the outbreak.",
    ],
)
def test_words_of_blame_before_other_nouns_or_quoted_pass(text: str) -> None:
    assert [r for r, _, _ in _loaded(text) if r == "loaded.verdict"] == []


def test_a_word_of_blame_after_an_intensifier_is_reported_once() -> None:
    assert [r for r, _, _ in _loaded("It was a totally unrealistic plan.")] == [
        "loaded.intensified"
    ]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The finance director cooked the books for years.", "cooked the books"),
        ("The minister's promise was so much hot air.", "hot air"),
        ("Customs officers on the take waved the trucks through.", "on the take"),
        ("The council has been passing the buck on flood defences.", "passing the buck"),
        ("The mayor, a man with a heart of gold, opened the shelter.", "heart of gold"),
    ],
)
def test_an_idiom_of_blame_or_praise_is_a_verdict(text: str, phrase: str) -> None:
    assert [(r, m) for r, m, _ in _loaded(text)] == [
        (
            "loaded.figurative",
            f"“{phrase}” is a figure of speech that passes a verdict: "
            "say what was done or attribute it",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "They flew a hot air balloon over the town.",
        "“He cooked the books,” the auditor said.",
        "The auditor said he had 'cooked the books'.",
        "> He cooked the books for years.",
        # Literal senses are not listed: a knife in his pocket, a farm over the hill.
        "Police found a knife in his pocket.",
        "The farm lies over the hill.",
    ],
)
def test_literal_or_quoted_idioms_pass(text: str) -> None:
    assert [r for r, _, _ in _loaded(text) if r == "loaded.figurative"] == []


def test_a_quotation_with_mismatched_marks_is_still_quotation() -> None:
    # A straight mark opens the statement, a curly opening mark with no
    # partner ends it: the senator's word, not the writer's.
    text = (
        'Cornyn added, "I am deeply disappointed with the misguided decision. '
        "“However, the centre will receive seats from the flight deck."
    )
    assert _loaded(text) == []


def test_a_capital_after_a_colon_starts_a_sentence_not_a_name() -> None:
    text = "Supporters point a few good things out: Clearly, the agency has worked hard."
    assert [m for _, m, _ in _loaded(text)] == [
        "“Clearly” editorializes: cut it or say who holds the view"
    ]
    # A capitalised word after it still makes a name of the listed word.
    assert _loaded("The bill had one headliner: Savage Garden.") == []
    # or the sentence's end, as well as the paragraph's (it was flagged before a full stop)
    assert _loaded("The band played one song: Outrageous. Then it left.") == []
    assert _loaded("The band played one song: Outrageous") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I doubt he will be extradited to Venezuela.", "I doubt"),
        ("I expect it will be determined that he could not get a fair trial.", "I expect"),
        ("I would recommend that NASA build new shuttles.", "I would recommend"),
    ],
)
def test_first_person_doubt_forecast_and_advice_are_opinion(text: str, word: str) -> None:
    assert _loaded(text) == [
        (
            "loaded.opinion",
            f"“{word}” is the writer's opinion: report what is known and who says so",
            None,
        )
    ]


def test_first_person_opinion_in_an_interview_answer_is_the_speakers() -> None:
    assert _loaded("**Richman:** I expect the river to rise again.") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Hopefully the launch will come soon.", "Hopefully"),
        ("The panel was surprisingly independent-minded.", "surprisingly"),
        ("Not surprisingly, they responded by arming.", "Not surprisingly"),
        ("Mercifully, nobody was hurt.", "Mercifully"),
    ],
)
def test_the_writers_comment_on_what_follows_editorializes(text: str, word: str) -> None:
    assert [m for _, m, _ in _loaded(text)] == [
        f"“{word}” editorializes: cut it or say who holds the view"
    ]


def test_manner_adverbs_that_can_comment_pass_without_enough() -> None:
    assert _loaded("The engine behaved strangely and the crew looked on curiously.") == []
    assert [m for _, m, _ in _loaded("Strangely enough, the engine restarted.")] == [
        "“Strangely enough” editorializes: cut it or say who holds the view"
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The council steamrolled the plan through in a night.", "steamrolled"),
        ("Washington tried to strong-arm its allies into the deal.", "strong-arm"),
        ("He ruled the province with an iron fist.", "iron fist"),
        ("The mayor was railroaded out of office.", "railroaded"),
    ],
)
def test_coercion_as_metaphor_is_emotive(text: str, word: str) -> None:
    assert [m for _, m, _ in _loaded(text)] == [
        f"“{word}” is emotive: describe what happened and let readers judge"
    ]


def test_literal_railroads_and_steamrollers_pass() -> None:
    assert _loaded("The railroad bought a steamroller to level the yard.") == []


def test_contempt_in_a_vulgar_word_is_a_verdict() -> None:
    assert [m for _, m, _ in _loaded("Crap like this makes me want to stay home.")] == [
        "“Crap” is a verdict, not a fact: show what happened or attribute it"
    ]
    # Words with an everyday sense stay out: the animal, the name.
    assert _loaded("A bull and an ass grazed by the road.") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Troops eliminated him in a raid.", "eliminated"),
        ("Police neutralised three gunmen at the station.", "neutralised"),
        ("The drone strike eliminated Soleimani.", "eliminated"),
        ("The raid eliminated two militants.", "eliminated"),
        ("Troops eliminated the leaders of the cell.", "eliminated"),
    ],
)
def test_eliminated_with_a_person_is_a_euphemism_for_killed(text: str, word: str) -> None:
    assert _loaded(text) == [
        ("loaded.euphemism", f"“{word}” is a euphemism; prefer “killed”", "killed")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "They have eliminated the fear of reporting failure.",
        "Sweden eliminated Mexico from the tournament.",
        "England were eliminated on penalties.",
        # a pronoun knocked out of a contest: --fix wrote "Italy killed us from the cup"
        "Italy eliminated us from the World Cup on penalties.",
        # a person noun as a modifier: --fix wrote "killed the rebel strongholds"
        "Troops eliminated the rebel strongholds in the north.",
        "The army eliminated the enemy positions.",
    ],
)
def test_eliminated_without_a_person_is_no_death(text: str) -> None:
    assert _loaded(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # Derision of how someone acts or speaks (MPQA's strongly subjective verbs).
        ("The envoy overplayed his hand at the summit.", "overplayed"),
        ("The governor strutted through the hearing.", "strutted"),
        ("The minister kept prattling about growth.", "prattling"),
        # Deceit and attacks on a reputation.
        ("The agency dissembled for months about the leak.", "dissembled"),
        ("The campaign besmirched its rival's record.", "besmirched"),
        ("The council bungled the flood response.", "bungled"),
        # Contempt and praise that AFINN and VADER both score (MPQA lists neither).
        ("Pesky regulators slowed the project.", "Pesky"),
        ("The board was clueless about the debt.", "clueless"),
        ("It was a toothless resolution.", "toothless"),
    ],
)
def test_derision_deceit_and_contempt_are_verdicts(text: str, word: str) -> None:
    assert [(r, m) for r, m, _ in _loaded(text)] == [
        (
            "loaded.subjective",
            f"“{word}” is a verdict, not a fact: show what happened or attribute it",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        # The speaker's words: a quotation, single quotes, a blockquote.
        "“He overplayed his hand,” the senator said.",
        "Aides said the envoy had 'overplayed his hand'.",
        "> The board was clueless about the debt.",
        "“Pesky regulators slowed us down,” the chief executive said.",
        # Sports copy's fixed phrase.
        "The winners earned bragging rights for a year.",
    ],
)
def test_derision_in_quotation_or_a_neutral_sense_passes(text: str) -> None:
    assert [r for r, _, _ in _loaded(text) if r == "loaded.subjective"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The remedy has been described as pseudoscience by several reviews.",
        "The minister branded them thugs.",
        "Police called the attack terrorism.",
        "Critics labelled the plan a travesty.",
        # A modal earlier in the sentence is not the writer naming it themselves.
        "The strikers, who could be heard from the square, were branded thugs by the minister.",
        # A second label in the same naming.
        "Officials described the strikers as thugs and their leaders as fanatics.",
    ],
)
def test_a_label_the_story_reports_as_others_is_not_the_writers(text: str) -> None:
    assert _loaded(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("It can only be described as a travesty.", "travesty"),
        ("The senator was condemned for brutal raids on the border.", "brutal"),
        ("I would call it a travesty.", "travesty"),
        ("What can fairly be described as a travesty followed.", "travesty"),
        ("We called it a travesty at the time.", "travesty"),
        ("Children are taught to admire so-called martyrs.", "martyrs"),
        # A verb of description names nothing without "as": the object is the writer's word.
        ("The paper described the new regime in Minsk.", "regime"),
        ("The UN condemned the regime for the raids.", "regime"),
        # "and ... as" with no verb of naming before it is the writer's comparison.
        ("He saw the raid as routine and the strikers as thugs.", "thugs"),
        ("Officials described the raid as routine, and the strikers are thugs.", "thugs"),
    ],
)
def test_the_writers_own_naming_is_still_flagged(text: str, word: str) -> None:
    assert word in [m.split("”")[0].lstrip("“") for _, m, _ in _loaded(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # TextBlob's subjective adjectives that MPQA does not list.
        ("The collapse was totally predictable.", "predictable"),
        ("It was an utterly pretentious launch.", "pretentious"),
        ("The new stadium is truly extraordinary.", "extraordinary"),
    ],
)
def test_textblob_adjectives_after_an_intensifier_are_verdicts(text: str, word: str) -> None:
    assert [m for _, m, _ in _loaded(text)] == [
        f"“{word}” after an intensifier is a verdict: drop the intensifier and give the fact"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Turnout was predictable in the rural districts.",
        "The court said the storm was an extraordinary event.",
        "“The collapse was totally predictable,” the analyst said.",
        "> The collapse was totally predictable.",
    ],
)
def test_textblob_adjectives_without_an_intensifier_or_quoted_pass(text: str) -> None:
    assert _loaded(text) == []


@pytest.mark.parametrize(
    ("text", "rule", "word"),
    [
        # Partisan labels for a side or the press.
        ("The commies in the council raised taxes.", "loaded.label", "commies"),
        ("You cannot trust the MSM on this.", "loaded.label", "the MSM"),
        # The writer insisting a view is beyond argument.
        ("It was a bribe, plain and simple.", "loaded.editorializing", "plain and simple"),
        ("Make no mistake, the plan will fail.", "loaded.editorializing", "Make no mistake"),
        # Contempt for flattery (WordNet's sycophancy synsets) and a vulgar abbreviation.
        ("The board is full of sycophants.", "loaded.subjective", "sycophants"),
        ("The aides kept sucking up to the governor.", "loaded.subjective", "sucking up to"),
        ("Wtf is this budget?", "loaded.subjective", "Wtf"),
    ],
)
def test_partisan_labels_insistence_and_sycophancy(text: str, rule: str, word: str) -> None:
    assert [(r, m.split("”")[0].lstrip("“")) for r, m, _ in _loaded(text)] == [(rule, word)]


@pytest.mark.parametrize(
    "text",
    [
        "“The commies in the council raised taxes,” the opposition leader said.",
        # Wire copy's plain words for a side, and a left-handed pitcher.
        "Leftist rebels signed the accord in Havana.",
        "The lefty struck out nine batters.",
        "Aides called him 'a sycophant'.",
        "> It was a bribe, plain and simple.",
        # Names and literal senses.
        "The pump sucked up the floodwater.",
        "The simple plan was plain to see.",
        # Health copy's MSM (men who have sex with men).
        "HIV infections among MSM fell by a third.",
    ],
)
def test_labels_and_insistence_quoted_or_literal_pass(text: str) -> None:
    assert _loaded(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # WordNet's idioms of deceit and pretence, and derision of indecision.
        ("The minister shed crocodile tears for the miners.", "crocodile tears"),
        ("The council paid lip service to the plan.", "lip service"),
        ("The agency tried to pull a fast one on its auditors.", "pull a fast one"),
        ("The senator kept waffling over the bill.", "waffling"),
        ("The governor flip-flopped on the tax.", "flip-flopped"),
    ],
)
def test_idioms_of_deceit_and_indecision_are_figures_that_judge(text: str, word: str) -> None:
    assert [(r, m.split("”")[0].lstrip("“")) for r, m, _ in _loaded(text)] == [
        ("loaded.figurative", word)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“He paid lip service to the plan,” the senator said.",
        "> The governor flip-flopped on the tax.",
        # The food and the sandal.
        "The cafe sells waffles and flip-flops.",
    ],
)
def test_idioms_of_deceit_quoted_or_literal_pass(text: str) -> None:
    assert _loaded(text) == []
