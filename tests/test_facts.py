"""facts.*: facts that must agree within one story (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.facts.counts import counts_in
from newslint.findings import Finding
from newslint.markdown import make_parser
from newslint.packs import load_packs
from newslint.parse import parse_document
from newslint.severity import Severity
from tests.conftest import lint_text, run_cli


def facts(text: str, rule: str = "facts") -> list[Finding]:
    return [f for f in lint_text(text, select=(rule,)) if f.rule.startswith("facts.")]


def dated(body: str, date: str = "2020-01-09", title: str = "A story") -> str:
    return f'---\ntitle: "{title}"\ndate: {date}\n---\n\n{body}'


# Counts ---------------------------------------------------------------------


def test_a_toll_restated_differently_points_at_both_lines() -> None:
    found = facts(
        "A storm killed 12 people on Monday, police said.\n\n"
        "Rescuers found the bodies of the 11 victims, the mayor said.\n"
    )
    assert [(f.rule, f.line, f.severity) for f in found] == [
        ("facts.count-mismatch", 3, Severity.WARNING)
    ]
    assert "11 victims" in found[0].message and "line 1" in found[0].message
    assert dict(found[0].data)["other_line"] == "1"


def test_soldiers_of_one_country_under_two_names_are_one_group() -> None:
    found = facts(
        "Three U.S. soldiers were wounded in the attack.\n\n"
        "The two American soldiers were flown to Germany.\n"
    )
    assert [f.rule for f in found] == ["facts.count-mismatch"]


def test_an_update_the_story_states_is_not_a_disagreement() -> None:
    assert not facts(
        "A storm killed 12 people on Monday.\n\nThe toll later rose to 14 people killed.\n"
    )


def test_ranges_that_can_meet_agree_and_ones_that_cannot_are_a_suggestion() -> None:
    assert not facts("At least 12 people were killed.\n\nThe 14 dead were buried on Friday.\n")
    found = facts("At least 12 people were killed.\n\nThe 10 dead were buried on Friday.\n")
    assert [(f.rule, f.severity) for f in found] == [("facts.count-mismatch", Severity.SUGGESTION)]


def test_counts_of_different_things_or_groups_are_left_alone() -> None:
    assert not facts("Chu was elected with 84,121 votes.\n\nQuat was elected with 58,825 votes.\n")
    assert not facts("Two Syrian teams took part.\n\nThere were 163 teams in all.\n")


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        # (words, value, what is counted, event, modifiers, at least, about, refers back)
        ("A storm killed 12 people on Monday.", ("12 people", 12, "killed", "killed", (), 0, 0, 0)),
        ("At least 30 were injured.", ("30", 30, "injured", "injured", (), 1, 0, 0)),
        (
            "About 200 residents were evacuated.",
            ("200 residents", 200, "evacuated", "evacuated", (), 0, 1, 0),
        ),
        (
            "Three U.S. soldiers were wounded.",
            ("Three U.S. soldiers", 3, "soldiers", "injured", ("us",), 0, 0, 0),
        ),
        ("The 11 victims were buried.", ("11 victims", 11, "killed", "killed", (), 0, 0, 1)),
        (
            "Police arrested 40 protesters.",
            ("40 protesters", 40, "protesters", "arrested", (), 0, 0, 0),
        ),
        ("She won 3 Olympic medals.", ("3 Olympic medals", 3, "medals", "", ("olympic",), 0, 0, 0)),
        ("The march lasted 12 hours.", None),  # a unit: an amount
        ("It took 3 Olympic years.", None),  # a unit later in the phrase
        ("He was one of 12 people.", None),  # part of a group
        ("Between 10 and 12 people fled.", None),  # a range, both ends
        ("It rose 2.5 points in 2019.", None),  # a decimal and a year
        ("Up to 9 others were hurt.", None),  # others: not the group itself
    ],
)
def test_what_a_number_counts(sentence: str, counted: tuple[object, ...] | None) -> None:
    doc = parse_document("d.md", sentence + "\n", make_parser())
    found = [
        (
            c.place.text,
            c.value,
            c.noun,
            c.event,
            tuple(sorted(c.modifiers)),
            c.low,
            c.approx,
            c.definite,
        )
        for c in counts_in(doc, tuple(doc.blocks))
    ]
    assert found == ([] if counted is None else [counted])


# Dates ----------------------------------------------------------------------


def test_a_weekday_that_does_not_match_its_date_is_an_error() -> None:
    found = facts("The meeting was held on Tuesday, January 3, 2020.\n")
    assert [(f.rule, f.severity, f.column) for f in found] == [
        ("facts.weekday-mismatch", Severity.ERROR, 25)
    ]
    assert "was a Friday" in found[0].message
    assert not facts("The meeting was held on Friday, January 3, 2020.\n")


def test_a_date_without_a_year_takes_the_story_year_and_is_a_suggestion() -> None:
    found = facts(dated("The talks began on Tuesday, January 3, in Geneva.\n"))
    assert [(f.rule, f.severity) for f in found] == [
        ("facts.weekday-mismatch", Severity.SUGGESTION)
    ]
    # Without a story date there is no year to check against.
    assert not facts("The talks began on Tuesday, January 3, in Geneva.\n")


def test_yesterday_named_with_the_wrong_weekday_names_the_date_line() -> None:
    found = facts(dated("The strike came yesterday, Tuesday, near the airport.\n"))
    assert [(f.rule, f.line) for f in found] == [("facts.relative-day", 6)]
    assert "Wednesday, January 8" in found[0].message and "line 3" in found[0].message
    assert not facts(dated("The strike came yesterday, Wednesday, near the airport.\n"))


def test_a_dateline_gives_the_story_date() -> None:
    found = facts("Thursday, January 12, 2006\n\nThe crash happened today, Friday.\n")
    assert [f.rule for f in found] == ["facts.relative-day"]


# Ages and years -------------------------------------------------------------


def test_an_age_that_does_not_fit_the_birth_year_and_story_date() -> None:
    found = facts(dated("Soleimani, 58, born in 1957, led the force.\n", date="2020-01-03"))
    assert [f.rule for f in found] == ["facts.age-mismatch"]
    assert "62 or 63" in found[0].message
    assert not facts(dated("Soleimani, 62, born in 1957, led the force.\n", date="2020-01-03"))


def test_one_person_with_two_ages_but_not_two_people_with_one_surname() -> None:
    found = facts("Jane Doe, 45, was elected.\n\nLater Doe, 47, said she would serve.\n")
    assert [(f.rule, f.line) for f in found] == [("facts.age-mismatch", 3)]
    assert not facts("Thomas Sam, 42, and his wife Manju Sam, 36, were charged.\n")


def test_a_year_span_that_does_not_add_up() -> None:
    found = facts("Gaddafi ruled Libya for 40 years, from 1969 to 2011.\n")
    assert [(f.rule, f.severity) for f in found] == [("facts.year-span", Severity.WARNING)]
    off_by_one = facts("Gaddafi ruled Libya for 42 years, from 1969 to 2012.\n")
    assert [(f.rule, f.severity) for f in off_by_one] == [("facts.year-span", Severity.SUGGESTION)]
    assert not facts("Gaddafi ruled Libya for 42 years, from 1969 to 2011.\n")


# People ---------------------------------------------------------------------


def test_a_surname_before_the_full_name_is_flagged_at_the_surname() -> None:
    found = facts(
        "Heald said the effect was large.\n\nColette Heald said the models agree.\n",
        "facts.first-reference",
    )
    assert [(f.line, f.column) for f in found] == [(1, 1)]
    assert "Colette Heald" in found[0].message and "line 3" in found[0].message
    assert not facts(
        "Colette Heald said the effect was large.\n\nHeald said the models agree.\n",
        "facts.first-reference",
    )


def test_a_title_that_changes_is_flagged_unless_the_text_says_why() -> None:
    found = facts("Gen. Qassem Soleimani led the force.\n\nCol. Soleimani was killed.\n")
    assert [(f.rule, f.line) for f in found] == [("facts.title-change", 3)]
    assert not facts(
        "Col. Qassem Soleimani led the force.\n\nHe was promoted, and Gen. Soleimani was killed.\n"
    )


# Headline -------------------------------------------------------------------


def test_a_front_matter_headline_figure_the_body_contradicts() -> None:
    found = facts(dated("A storm killed 11 people on Monday.\n", title="Storm kills 12"))
    assert [(f.rule, f.line) for f in found] == [("facts.headline-body", 2)]
    assert "the body says 11" in found[0].message


@pytest.mark.parametrize(
    ("headline", "body", "flagged"),
    [
        ("Storm kills 12", "A storm killed 11 people on Monday.", ("WARNING", "the body says 11")),
        ("Storm kills 12", "A storm killed 12 people on Monday.", None),
        # A headline may add up the body's figures.
        ("900 rescued", "Crews rescued 700 people from boats and 200 people from roofs.", None),
        ("At least 12 killed", "A storm killed 14 people on Monday.", None),
        ("About 12 killed", "A storm killed 15 people on Monday.", None),
        # Two lower bounds that cannot both be right, though their ranges meet.
        ("At least 170 killed", "The storm killed 107 or more people.", ("SUGGESTION", "says 107")),
        ("Storm hits 40 towns", "A storm hit the coast.", ("SUGGESTION", "never gives 40")),
        ("Storm kills 1 in 2020", "A storm hit the coast.", None),  # one, and a year
    ],
)
def test_a_headline_figure_against_the_body(
    headline: str, body: str, flagged: tuple[str, str] | None
) -> None:
    found = facts(f"# {headline}\n\n{body}\n", rule="facts.headline-body")
    shown = [(f.severity.name, f.message) for f in found]
    if flagged is None:
        assert shown == []
    else:
        [(severity, message)] = shown
        assert severity == flagged[0] and flagged[1] in message


def test_a_headline_name_spelt_otherwise_in_the_body() -> None:
    found = facts("# Suleimani killed in strike\n\nQassem Soleimani was killed in a strike.\n")
    assert [(f.rule, f.line) for f in found] == [("facts.headline-body", 1)]
    assert "Soleimani" in found[0].message


# Arithmetic -----------------------------------------------------------------


def test_shares_of_one_whole_that_pass_100_percent() -> None:
    found = facts("In the poll, 48% backed Smith, 39% backed Jones and 21% were undecided.\n")
    assert [(f.rule, f.severity) for f in found] == [("facts.percent-sum", Severity.WARNING)]
    assert "108%" in found[0].message
    assert not facts("Turnout rose from 45% to 58%, and 60% of voters were women.\n")


def test_a_stated_change_its_own_figures_contradict() -> None:
    assert [f.rule for f in facts("Membership doubled from 40 to 60 last year.\n")] == [
        "facts.stated-change"
    ]
    assert not facts("Membership doubled from 40 to 80 last year.\n")
    assert [f.rule for f in facts("Sales rose 20% from 50 to 80 units.\n")] == [
        "facts.stated-change"
    ]
    assert [f.rule for f in facts("Fifteen of the 12 passengers were rescued.\n")] == [
        "facts.stated-change"
    ]


# The kind and the checklist --------------------------------------------------


def test_an_unknown_check_is_a_config_error_at_its_key(tmp_path: Path) -> None:
    pack = tmp_path / "p.yml"
    pack.write_text(
        "pack: p\nfamilies: [facts]\nrules:\n  - id: facts.x\n    kind: facts\n    check: sums\n"
        "    message: m\n    description: d\n",
        encoding="utf-8",
    )
    errors = load_packs([pack]).errors
    assert len(errors) == 1 and "unknown check 'sums'" in errors[0].message
    assert errors[0].line == 6


def test_checklist_lists_disagreements_before_the_claims(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(
        "A storm killed 12 people on Monday, police said.\n\n"
        "Rescuers found the bodies of the 11 victims, the mayor said.\n",
        encoding="utf-8",
    )
    out = run_cli("--format", "checklist", str(draft)).stdout
    assert "## Facts that disagree" in out
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings[0] == "## Facts that disagree within the draft" and len(headings) > 1
    assert "**Line 3:** 11 victims here, but 12 people on line 1" in out


def test_the_warm_process_compiles_every_lazy_pattern_before_it_forks() -> None:
    """Each Lazy pattern of the facts and attribution checks compiled once in the
    parent: the forked runs compile none."""
    from newslint import attribution
    from newslint.attribution import carry, clauses, english, paragraphs, quotes, sources, tiers
    from newslint.attribution import facts as claims
    from newslint.facts import ages, arithmetic, counts, dates, numbers, people, story
    from newslint.lazyregex import Lazy, compile_all
    from newslint.warm import _compile_lazy_patterns

    facts = (ages, arithmetic, counts, dates, numbers, people, story)
    attributions = (
        attribution,
        carry,
        clauses,
        claims,
        english,
        paragraphs,
        quotes,
        sources,
        tiers,
    )
    lazy = [v for m in facts + attributions for v in vars(m).values() if isinstance(v, Lazy)]
    _compile_lazy_patterns()
    assert len([v for m in facts for v in vars(m).values() if isinstance(v, Lazy)]) > 40
    assert len([v for m in attributions for v in vars(m).values() if isinstance(v, Lazy)]) > 20
    assert all(pattern._compiled is not None for pattern in lazy)
    assert compile_all(facts + attributions) == len(lazy)
