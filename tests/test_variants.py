"""names.variant-spelling: one name spelt two ways in a draft, found without a list."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newslint.errors import ConfigError
from newslint.packs import builtin_rules_dir, load_packs
from newslint.severity import Severity
from tests.conftest import SEED, lint_text, run_cli

RULE = "names.variant-spelling"
NOTE = " (inside a quotation: the source's spelling; keep it, add [sic] or note it)"


def shipped_rule() -> dict:
    names = yaml.safe_load((builtin_rules_dir() / "names.yml").read_text(encoding="utf-8"))
    return next(r for r in names["rules"] if r["id"] == RULE)


def variants_only(folder: Path, **changes: object) -> str:
    """A config whose only pack is the shipped rule without the house list."""
    rule = {k: v for k, v in shipped_rule().items() if k != "house_list"}
    rule.update(changes)
    rules = folder / "rules"
    rules.mkdir(exist_ok=True)
    pack = {"pack": "variants-only", "rules": [rule]}
    (rules / "variants.yml").write_text(yaml.safe_dump(pack, allow_unicode=True), "utf-8")
    config = folder / ".newslint.yml"
    config.write_text("packs: [variants-only]\nextra_rules: [rules]\n", encoding="utf-8")
    return str(config)


def found(text: str, config: str | None = None) -> list[tuple[int, int, str, str | None]]:
    """(line, column, text flagged, suggestion) of each variant-spelling finding."""
    findings = lint_text(text, select=(RULE,), config=config)
    lines = text.splitlines()
    return [
        (f.line, f.column, lines[f.line - 1][f.column - 1 : f.end_column], f.suggestion)
        for f in findings
        if f.rule == RULE
    ]


@pytest.fixture(scope="module")
def seed_findings(tmp_path_factory: pytest.TempPathFactory):
    config = variants_only(tmp_path_factory.mktemp("variants"))
    text = SEED.read_text(encoding="utf-8")
    return [f for f in lint_text(text, select=(RULE,), config=config) if f.rule == RULE]


def test_seed_variants_are_found_without_any_house_list_entry(seed_findings) -> None:
    at = [(f.line, f.column, f.end_column, f.suggestion) for f in seed_findings]
    # Suleimani in the New Yorker blockquote (lines 37 and 39) and Qassim in a
    # reader's comment; nothing else in the draft is a variant of anything:
    # not Assad / al-Assad / Al-Assad, not Khamenei, not Bashar.
    assert at == [
        (37, 3, 11, "Soleimani"),
        (37, 386, 394, "Soleimani"),
        (37, 580, 588, "Soleimani"),
        (39, 8, 16, "Soleimani"),
        (39, 358, 366, "Soleimani"),
        (124, 20, 25, "Qassem"),
    ]


def test_seed_variants_inside_quotations_are_notes(seed_findings) -> None:
    first, qassim = seed_findings[0], seed_findings[-1]
    assert first.message == (
        "“Suleimani” is spelt “Soleimani” 27 times in this draft; use one spelling" + NOTE
    )
    assert qassim.message == (
        "“Qassim” is spelt “Qassem” 4 times in this draft; use one spelling" + NOTE
    )
    assert {f.severity for f in seed_findings} == {Severity.SUGGESTION}
    assert not any(f.fixable for f in seed_findings)


def test_with_the_house_list_the_seed_gets_no_second_finding_on_the_same_names(
    house: str,
) -> None:
    findings = lint_text(SEED.read_text(encoding="utf-8"), select=("names",), config=house)
    # names.house-list already flags Suleimani and Qassim; the variant rule
    # leaves the spans the house list covers to it.
    assert [f for f in findings if f.rule == RULE] == []
    assert len([f for f in findings if f.rule == "names.house-list"]) == 8


def test_in_the_writers_voice_a_variant_is_a_warning(tmp_path: Path) -> None:
    config = variants_only(tmp_path)
    text = "Qassem Soleimani led the force. Soleimani met Putin.\n\nLater Suleimani flew home.\n"
    findings = [f for f in lint_text(text, select=(RULE,), config=config) if f.rule == RULE]
    assert [(f.line, f.column, f.end_column) for f in findings] == [(3, 7, 15)]
    assert findings[0].severity == Severity.WARNING
    assert findings[0].message == (
        "“Suleimani” is spelt “Soleimani” twice in this draft; use one spelling"
    )


def test_the_writers_spelling_outweighs_a_quoted_one(tmp_path: Path) -> None:
    config = variants_only(tmp_path)
    text = (
        "Rahimi spoke first.\n\n"
        "> Rahimy said no. Rahimy said it twice. Rahimy left.\n\n"
        "Rahimi stayed.\n"
    )
    assert found(text, config) == [
        (3, 3, "Rahimy", "Rahimi"),
        (3, 19, "Rahimy", "Rahimi"),
        (3, 41, "Rahimy", "Rahimi"),
    ]


def test_possessives_are_stripped_and_do_not_make_a_spelling(tmp_path: Path) -> None:
    config = variants_only(tmp_path)
    text = "Soleimani’s men waited. Soleimani's plane landed. Suleimani's body was found.\n"
    assert found(text, config) == [(1, 51, "Suleimani", "Soleimani")]


def test_particles_and_their_case_are_not_variants(tmp_path: Path) -> None:
    config = variants_only(tmp_path)
    text = (
        "Bashar al-Assad spoke. Al-Assad said more. Assad left. The al-Assad family stayed. "
        "Abu Mahdi al-Muhandis arrived; al-Muhandis spoke.\n"
    )
    assert found(text, config) == []


def test_spacing_and_apostrophes_are_variants(tmp_path: Path) -> None:
    config = variants_only(tmp_path)
    text = (
        "Abu Mahdi al-Muhandis led Kataib Hezbollah. Al-Muhandis and Kataib Hezbollah "
        "fought on. Critics say Al Muhandis and Kata'ib Hezbollah went too far.\n"
    )
    # The writer's capital A stays in the suggestion.
    assert found(text, config) == [
        (1, 101, "Al Muhandis", "Al-Muhandis"),
        (1, 117, "Kata'ib", "Kataib"),
    ]


def test_a_capital_particle_keeps_its_capital_in_the_suggestion(tmp_path: Path) -> None:
    config = variants_only(tmp_path)
    text = "Ties to al-Qaeda grew. Experts on al-Qaeda agree.\n\nAl-Qaida denied it.\n"
    assert found(text, config) == [(3, 1, "Al-Qaida", "Al-Qaeda")]


def test_look_alike_names_are_not_merged(tmp_path: Path) -> None:
    config = variants_only(tmp_path)
    text = (
        "Ayatollah Khamenei succeeded Ayatollah Khomeini. George W. Bush followed "
        "George H. W. Bush. Ali met Ahmad. Iran and Iraq talked; Hamas and Hamad did not.\n"
    )
    assert found(text, config) == []


def test_different_people_keep_their_own_spellings(tmp_path: Path) -> None:
    config = variants_only(tmp_path)
    text = (
        "Mohamed Salah scored twice. Muhammad Ali was in the crowd. Salah waved.\n\n"
        "Eunice Yung and Alvin Yeung were elected.\n"
    )
    assert found(text, config) == []


def test_a_name_written_as_one_word_or_two(tmp_path: Path) -> None:
    config = variants_only(tmp_path)
    text = (
        "Ansar Allah holds Sanaa. Ansar Allah fighters patrol it. "
        "Officials of Ansarullah deny it.\n"
    )
    assert found(text, config) == [(1, 71, "Ansarullah", "Ansar Allah")]


def test_ordinary_words_at_the_start_of_a_sentence_are_not_names(tmp_path: Path) -> None:
    config = variants_only(tmp_path)
    # "Good" and "God" would be a vowel apart if they were names.
    text = "God knows. Good news came late. Qassem waited; Qassem left.\n\nQassim stayed.\n"
    assert found(text, config) == [(3, 1, "Qassim", "Qassem")]


def test_distinct_pairs_from_the_config_are_not_flagged(tmp_path: Path) -> None:
    text = "Ali Rahimi spoke. Rahimi left. Later Rahimy arrived.\n"
    plain = tmp_path / "plain"
    plain.mkdir()
    assert found(text, variants_only(plain)) == [(1, 38, "Rahimy", "Rahimi")]
    distinct = tmp_path / "distinct"
    distinct.mkdir()
    assert found(text, variants_only(distinct, distinct=[["Rahimi", "Rahimy"]])) == []


def test_the_house_list_canonical_is_suggested_when_it_knows_the_name(house: str) -> None:
    # Qaddafi is a house-list variant of Gaddafi; Qadhafi is not listed.
    text = "Qadhafi ruled. Qadhafi fell. Qaddafi died.\n"
    findings = lint_text(text, select=("names",), config=house)
    assert [(f.rule, f.column, f.suggestion) for f in findings] == [
        (RULE, 1, "Gaddafi"),
        (RULE, 16, "Gaddafi"),
        ("names.house-list", 30, "Gaddafi"),
    ]
    assert findings[0].message == (
        "“Qadhafi” is spelt “Gaddafi” in the house list; use one spelling"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            "    distinct: [[Khamenei]]\n",
            "rules[0].distinct: distinct entry 1 must be a pair of names, "
            "e.g. [Khamenei, Khomeini]",
        ),
        (
            "    house_list: names.nowhere\n",
            "rules[0].house_list: 'house_list': no substitution rule 'names.nowhere' "
            "with a swap list in this pack",
        ),
        ("    min_drafts: 0\n", "'min_drafts' must be a whole number of at least 1"),
    ],
)
def test_bad_options_are_config_errors(tmp_path: Path, options: str, message: str) -> None:
    pack = tmp_path / "p.yml"
    pack.write_text(
        "pack: p\nrules:\n  - id: names.v\n    kind: variants\n    description: d\n"
        "    message: m\n" + options,
        encoding="utf-8",
    )
    loaded = load_packs([pack])
    assert len(loaded.errors) == 1
    error = loaded.errors[0]
    assert isinstance(error, ConfigError)
    assert message in str(error)


def test_without_a_house_list_no_stylebook_is_imposed() -> None:
    # The AP's Qaddafi throughout is consistent: nothing to say without a house list.
    text = "Qaddafi ruled Libya. Qaddafi fell in 2011.\n"
    assert lint_text(text, select=("names",)) == []


def test_a_house_minority_draft_is_told_it_is_inconsistent(house: str) -> None:
    text = "Suleimani spoke. Suleimani left. Soleimani died.\n"
    findings = lint_text(text, select=("names",), config=house)
    assert [(f.column, f.rule) for f in findings] == [
        (1, "names.house-list"),
        (1, RULE),
        (18, "names.house-list"),
    ]
    assert findings[1].message == (
        "“Suleimani” is spelt “Soleimani” in the house list, and this draft spells it "
        "2 ways; use one spelling"
    )


def test_a_draft_mixing_non_house_spellings_is_told_once(house: str) -> None:
    text = "Qaddafi ruled. Gadhafi fell. Kadhafi died.\n"
    findings = lint_text(text, select=(RULE,), config=house)
    assert [(f.column, f.suggestion) for f in findings if f.rule == RULE] == [(1, "Gaddafi")]
    assert "this draft spells it 3 ways" in findings[0].message


def test_house_majority_and_names_the_list_does_not_know(house: str) -> None:
    # The house spelling leads: the house list's own errors say it all.
    text = "Soleimani spoke. Soleimani left. Suleimani died.\n"
    assert [f.rule for f in lint_text(text, select=("names",), config=house)] == [
        "names.house-list"
    ]
    # Names the house list does not know are still checked for consistency.
    text = "Ali Rahimi spoke. Rahimi left. Rahimy died.\n"
    findings = lint_text(text, select=("names",), config=house)
    assert [(f.column, f.rule, f.suggestion) for f in findings] == [(32, RULE, "Rahimi")]


def test_a_or_i_and_apostrophe_variants_in_a_draft(tmp_path: Path) -> None:
    config = variants_only(tmp_path)
    text = (
        "Khalifa Haftar's forces advanced. Haftar spoke. Later Hifter left.\n\n"
        "Shia militias marched. A Shia cleric spoke. Shi'ite leaders met.\n"
    )
    assert found(text, config) == [(1, 55, "Hifter", "Haftar"), (3, 45, "Shi'ite", "Shia")]


def test_the_house_list_is_the_newsrooms_file_and_its_edits_count(tmp_path: Path) -> None:
    (tmp_path / "names.yml").write_text("Rahimy: Rahimi\n", encoding="utf-8")
    (tmp_path / ".newslint.yml").write_text("names: {house_list: names.yml}\n", "utf-8")
    (tmp_path / "d.md").write_text("Rahimy spoke. Qaddafi ruled.\n", encoding="utf-8")
    first = run_cli("d.md", "--select", "names", cwd=tmp_path)
    assert first.stdout.splitlines()[0] == (
        "d.md:1:1: error: “Rahimy” is not the house spelling; use “Rahimi” [names.house-list]"
    )
    assert "Qaddafi" not in first.stdout  # only the newsroom's own list is imposed
    # The compiled packs are cached: an edit to the list must still be seen.
    (tmp_path / "names.yml").write_text("Qaddafi: Gaddafi\n", encoding="utf-8")
    again = run_cli("d.md", "--select", "names", cwd=tmp_path)
    assert "Rahimy" not in again.stdout and "use “Gaddafi”" in again.stdout


def test_a_missing_or_broken_house_list_says_where(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yml").write_text("names:\n  house_list: nowhere.yml\n", "utf-8")
    (tmp_path / "d.md").write_text("Rahimy spoke.\n", encoding="utf-8")
    missing = run_cli("d.md", "--select", "names", cwd=tmp_path)
    assert missing.returncode == 2
    assert ".newslint.yml:2: error: names.house_list: house list 'nowhere.yml' not found" in (
        missing.stderr
    )
    (tmp_path / "nowhere.yml").write_text("Rahimy: Rahimi\nQaddafi: [Gaddafi]\n", "utf-8")
    broken = run_cli("d.md", "--select", "names", cwd=tmp_path)
    assert broken.returncode == 2
    assert "nowhere.yml:2: error: entry 'Qaddafi': both sides must be names" in broken.stderr
