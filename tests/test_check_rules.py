"""``newslint check-rules``: each rule's bad examples flagged, its good ones not."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

PACK = """pack: house
families: [house]
rules:
  - id: house.storied
    kind: existence
    description: Cliche.
    message: "avoid {match}"
    words: [storied]
    examples:
      bad: [A storied career.]
      good: [A long career.]
"""
NO_LT = {"NEWSLINT_LANGUAGETOOL": "off"}


def test_a_pack_whose_examples_hold_passes(tmp_path: Path) -> None:
    (tmp_path / "house.yml").write_text(PACK, encoding="utf-8")
    done = run_cli("check-rules", "house.yml", cwd=tmp_path, env=NO_LT)
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == "2 examples of 1 rules checked, 0 failed\n"


def test_an_example_the_rule_gets_wrong_fails_with_its_place(tmp_path: Path) -> None:
    wrong = PACK.replace("good: [A long career.]", "good: [A storied past.]").replace(
        "bad: [A storied career.]", "bad: [A fine career.]"
    )
    (tmp_path / "house.yml").write_text(wrong, encoding="utf-8")
    done = run_cli("check-rules", str(tmp_path), cwd=tmp_path, env=NO_LT)
    assert done.returncode == 1
    assert done.stdout.replace(str(tmp_path) + "/", "").splitlines() == [
        "house.yml:4: error: house.storied: bad example not flagged: 'A fine career.'",
        "house.yml:4: error: house.storied: good example flagged: 'A storied past.'",
    ]


def test_a_broken_pack_exits_2_with_every_problem(tmp_path: Path) -> None:
    broken = PACK.replace("bad: [A storied career.]", 'bad: "A storied career."')
    (tmp_path / "house.yml").write_text(broken, encoding="utf-8")
    done = run_cli("check-rules", "house.yml", cwd=tmp_path, env=NO_LT)
    assert done.returncode == 2
    assert "house.yml:10: error: rules[0] (house.storied).examples: 'bad' must be a list" in (
        done.stderr
    )


def test_a_service_rule_that_cannot_run_is_a_failure_not_a_pass(tmp_path: Path) -> None:
    """With LanguageTool off its examples cannot be checked, and the run says so."""
    done = run_cli("check-rules", "rules/languagetool.yml", cwd=Path.cwd(), env=NO_LT)
    assert done.returncode == 1
    assert "could not be checked (LanguageTool is not available: turned off by" in done.stdout
