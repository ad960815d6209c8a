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
    assert done.stderr == "2 examples of 1 rule checked, 0 failed\n"


def test_a_rule_without_examples_is_named(tmp_path: Path) -> None:
    # "0 examples of 1 rules checked, 0 failed" and exit 0: CI checked nothing, silently.
    bare = PACK.split("    examples:")[0]
    (tmp_path / "house.yml").write_text(bare, encoding="utf-8")
    done = run_cli("check-rules", "house.yml", cwd=tmp_path, env=NO_LT)
    assert done.returncode == 0
    assert done.stderr == (
        "newslint: note: house.storied: no examples, so nothing to check; give each rule "
        "examples: {bad: [...], good: [...]}\n"
        "0 examples of 1 rule checked, 0 failed\n"
    )


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


def test_shipped_packs_by_name_as_the_readme_writes_them(tmp_path: Path) -> None:
    # "newslint check-rules [PACK...]": 'loaded' was "cannot read rule pack: … 'loaded'".
    (tmp_path / ".git").mkdir()
    done = run_cli("check-rules", "loaded", cwd=tmp_path, env=NO_LT)
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr.endswith(" failed\n") and " 0 failed" in done.stderr
    done = run_cli("check-rules", "lodaed", cwd=tmp_path, env=NO_LT)
    assert done.returncode == 2
    assert done.stderr == (
        "newslint: error: 'lodaed' is neither a pack file or folder nor a pack's name; "
        "did you mean 'loaded'?; packs: attribution, facts, languagetool, loaded, names, "
        "readability, style\n"
    )


def test_house_list_examples_wait_for_a_house_list(tmp_path: Path) -> None:
    # A newsroom with no house list saw 4 failures (exit 1) from the shipped names pack.
    (tmp_path / ".git").mkdir()
    done = run_cli("check-rules", "names", cwd=tmp_path, env=NO_LT)
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr.startswith(
        "newslint: note: names.house-list, names.house-spelling: examples not checked: "
        "no house list of names is configured"
    )
    starter = Path.cwd() / "examples" / "names.yml"
    (tmp_path / ".newslint.yml").write_text(f"names:\n  house_list: {starter}\n")
    done = run_cli("check-rules", "names", cwd=tmp_path, env=NO_LT)
    assert (done.returncode, done.stdout) == (0, "")
    assert "note" not in done.stderr and " 0 failed" in done.stderr
