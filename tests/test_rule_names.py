"""A misspelt rule id or family is an error with "did you mean", wherever it is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.errors import InputError
from newslint.markdown import make_parser
from newslint.parse import parse_document
from tests.conftest import run_cli

LT_OFF = ("--ignore", "spelling,grammar,typography")
DRAFT = "A storied career.\n"


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "d.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_in_the_config(desk: Path) -> None:
    (desk / ".newslint.yml").write_text("fail_on: warning\nrules:\n  loaded.pufery: off\n")
    done = run_cli("d.md", *LT_OFF, cwd=desk)
    assert done.returncode == 2
    assert done.stdout == "No findings in 0 files; 1 file could not be linted.\n"
    assert done.stderr == (
        f"newslint: {desk / '.newslint.yml'}:3: error: rules.loaded.pufery: unknown rule or "
        "family 'loaded.pufery'; did you mean 'loaded.puffery'?\n"
    )


def test_a_misspelt_pack_in_the_config(desk: Path) -> None:
    # `packs: [lodaed]` used to lint with no pack at all: "No findings", exit 0.
    (desk / ".newslint.yml").write_text("fail_on: warning\npacks:\n  - names\n  - lodaed\n")
    done = run_cli("d.md", *LT_OFF, cwd=desk)
    assert done.returncode == 2
    assert done.stdout == "No findings in 0 files; 1 file could not be linted.\n"
    assert done.stderr == (
        f"newslint: {desk / '.newslint.yml'}:4: error: packs: unknown pack 'lodaed'; "
        "did you mean 'loaded'?; the packs here: attribution, facts, languagetool, loaded, "
        "names, readability, style\n"
    )


def test_an_empty_packs_list_is_an_error(desk: Path) -> None:
    (desk / ".newslint.yml").write_text("fail_on: warning\npacks: []\n")
    done = run_cli("d.md", *LT_OFF, cwd=desk)
    assert done.returncode == 2
    assert done.stdout == "No findings in 0 files; 1 file could not be linted.\n"
    assert done.stderr == (
        f"newslint: {desk / '.newslint.yml'}:2: error: packs: an empty list turns every pack off "
        "and nothing would be linted; leave packs: out for all shipped packs\n"
    )


def test_packs_named_right_still_lint(desk: Path) -> None:
    house = desk / "house"
    house.mkdir()
    (house / "banned.yml").write_text(
        "pack: house\nfamilies: [house]\nrules:\n  - id: house.banned\n    kind: existence\n"
        "    description: Words this newsroom never prints.\n"
        '    message: "we never write “{match}”"\n    words: [career]\n'
    )
    (desk / ".newslint.yml").write_text(
        "fail_on: warning\nextra_rules: [house/]\npacks: [loaded, house]\n"
    )
    done = run_cli("d.md", *LT_OFF, cwd=desk)
    assert done.returncode == 1, done.stderr
    assert "d.md:1:3: warning: “storied” is puffery" in done.stdout
    assert "d.md:1:11: " in done.stdout and "we never write “career” [house.banned]" in done.stdout


def test_a_broken_pack_named_in_packs_is_told_by_its_own_error(desk: Path) -> None:
    (desk / "house").mkdir()
    (desk / "house" / "h.yml").write_text("pack: house\nfamilies: [house]\nrulez: []\n")
    (desk / ".newslint.yml").write_text("extra_rules: [house/]\npacks: [loaded, house]\n")
    done = run_cli("d.md", *LT_OFF, cwd=desk)
    assert done.returncode == 2
    assert "h.yml:3: error: pack: unknown key 'rulez'; did you mean 'rules'?" in done.stderr
    assert "unknown pack" not in done.stderr


def test_selecting_the_family_of_a_broken_pack_shows_the_packs_error(desk: Path) -> None:
    # Only "--select: unknown rule or family 'house'" was said: the pack's own
    # error, the cause, was never printed, since the run stopped before it.
    (desk / "house").mkdir()
    (desk / "house" / "h.yml").write_text(
        "pack: house\nfamilies: [house]\nrules:\n  - id: house.slow\n    kind: existence\n"
        "    description: x\n    message: 'slow {match}'\n    patterns: ['(\\w+\\s?)*$']\n"
    )
    (desk / ".newslint.yml").write_text("extra_rules: [house/]\n")
    done = run_cli("d.md", "--select", "house", cwd=desk)
    assert done.returncode == 2
    errors = done.stderr.splitlines()
    assert errors[0].startswith(f"newslint: {desk / 'house' / 'h.yml'}:8: error: rules[0].patterns")
    assert errors[-1] == "newslint: error: --select: unknown rule or family 'house'"


@pytest.mark.parametrize(
    ("flag", "value", "hint"),
    [
        ("--select", "lodaed", "'lodaed'; did you mean 'loaded'?"),
        (
            "--select",
            "loaded,names.hose-list",
            "'names.hose-list'; did you mean 'names.house-list'?",
        ),
        ("--ignore", "loaded.pufery", "'loaded.pufery'; did you mean 'loaded.puffery'?"),
        # difflib finds no match across case; it was "unknown … 'LOADED'" with no hint.
        ("--select", "LOADED", "'LOADED'; did you mean 'loaded'?"),
    ],
)
def test_on_the_command_line(desk: Path, flag: str, value: str, hint: str) -> None:
    done = run_cli("d.md", flag, value, *LT_OFF, cwd=desk)
    assert done.returncode == 2
    assert done.stderr == f"newslint: error: {flag}: unknown rule or family {hint}\n"


def test_in_front_matter(desk: Path) -> None:
    (desk / "d.md").write_text("---\nnewslint:\n  rules: {lodaed: off}\n---\n" + DRAFT)
    done = run_cli("d.md", *LT_OFF, cwd=desk)
    assert done.returncode == 2
    assert "d.md:3: error: newslint: rules.lodaed: unknown rule or family 'lodaed'; " in done.stderr
    assert "did you mean 'loaded'?" in done.stderr


@pytest.mark.parametrize(
    ("options", "error"),
    [
        # These once came out as "d.md: error: rule setting 'of'…", with no line and no key,
        # or at the front matter's first line.
        (
            "rules: {loaded.puffery: of}",
            "newslint: rules.loaded.puffery: rule setting 'of'; did you mean 'off'?; "
            "use off, on, error, warning or suggestion",
        ),
        (
            "vocabulory: [Muhandis]",
            "newslint: unknown key 'vocabulory'; did you mean 'vocabulary'?",
        ),
        (
            "fail_on: warnin",
            "newslint: fail_on: unknown severity 'warnin'; use one of: error, warning, suggestion",
        ),
    ],
)
def test_front_matter_errors_name_line_and_key(desk: Path, options: str, error: str) -> None:
    (desk / "d.md").write_text(f"---\nnewslint:\n  {options}\n---\n" + DRAFT)
    (desk / "e.md").write_text(DRAFT)
    done = run_cli("d.md", "e.md", "--select", "loaded", cwd=desk)
    assert done.stderr == f"d.md:3: error: {error}\n"  # the option's own line
    assert done.returncode == 2 and "e.md:1:3: warning: “storied” is puffery" in done.stdout


@pytest.mark.parametrize(
    ("comment", "hint"),
    [
        ("newslint-disabel loaded", "did you mean 'newslint-disable'?"),
        # ESLint's spelling: it once read as newslint-disable of a rule '-line'.
        ("newslint-disable-line", "did you mean 'newslint-disable-next-line'?"),
    ],
)
def test_a_misspelt_directive(desk: Path, comment: str, hint: str) -> None:
    # It used to be an ordinary comment: the findings it meant to hide stayed, exit 0.
    (desk / "d.md").write_text(DRAFT + f"\n<!-- {comment} -->\n" + DRAFT)
    (desk / "e.md").write_text(DRAFT)
    done = run_cli("d.md", "e.md", "--select", "loaded", cwd=desk)
    name = comment.split()[0]
    assert done.stderr == (
        f"d.md:3: error: unknown directive '{name}'; {hint}; "
        "use newslint-disable, newslint-enable or newslint-disable-next-line\n"
    )
    assert done.returncode == 2
    # d.md is linted all the same: its findings stay (the comment hides none).
    assert done.stdout.splitlines() == [
        "d.md:1:3: warning: “storied” is puffery: show what earned it, or attribute it "
        "[loaded.puffery]",
        "d.md:4:3: warning: “storied” is puffery: show what earned it, or attribute it "
        "[loaded.puffery]",
        "e.md:1:3: warning: “storied” is puffery: show what earned it, or attribute it "
        "[loaded.puffery]",
        "3 findings (3 warnings) in 2 of 2 files.",
    ]


def test_a_misnamed_rule_in_a_comment_leaves_the_other_findings(desk: Path) -> None:
    # The draft was not linted at all: "No findings in 0 files.", and in an
    # editor (the language server) every finding vanished while a name was typed.
    (desk / "d.md").write_text(
        "They perished.\n\n<!-- newslint-disable-next-line loaded.pu -->\n" + DRAFT
    )
    done = run_cli("d.md", "--select", "loaded", cwd=desk)
    assert done.returncode == 2
    assert done.stderr.startswith("d.md:3: error: newslint-disable-next-line: unknown rule")
    assert [line.split(": ")[0] for line in done.stdout.splitlines()] == [
        "d.md:1:6",
        "d.md:4:3",
        "2 findings (1 warning, 1 suggestion) in 1 of 1 file.",
    ]
    # --fix leaves a draft with an error alone.
    before = (desk / "d.md").read_bytes()
    done = run_cli("--fix", "d.md", "--select", "loaded", cwd=desk)
    assert done.returncode == 2 and (desk / "d.md").read_bytes() == before


def test_two_newslint_blocks_in_front_matter(desk: Path) -> None:
    # The second silently replaced the first (here: fail_on: warning was lost).
    (desk / "d.md").write_text(
        "---\ntitle: x\nnewslint:\n  fail_on: warning\nnewslint:\n  rules: {names: off}\n---\n"
        + DRAFT
    )
    done = run_cli("d.md", *LT_OFF, cwd=desk)
    assert done.returncode == 2
    assert done.stderr == "d.md:5: error: front matter: key 'newslint' is given twice\n"


@pytest.mark.parametrize(
    ("front", "line"), [("newslint: off", 2), ("title: x\ndate: 2020\nnewslint: [a]", 4)]
)
def test_newslint_options_that_are_no_mapping_are_told_at_their_line(front: str, line: int) -> None:
    # Always said line 2, whatever line of the front matter the block stood on.
    with pytest.raises(InputError) as raised:
        parse_document("d.md", f"---\n{front}\n---\n" + DRAFT, make_parser())
    assert (raised.value.message, raised.value.line) == (
        "front matter: 'newslint' must be a mapping of options",
        line,
    )


def test_in_a_disable_comment(desk: Path) -> None:
    (desk / "d.md").write_text(
        DRAFT + "\n<!-- newslint-disable-next-line loaded.pufery -->\n" + DRAFT
    )
    done = run_cli("d.md", *LT_OFF, cwd=desk)
    assert done.returncode == 2
    assert done.stderr == (
        "d.md:3: error: newslint-disable-next-line: unknown rule or family 'loaded.pufery'; "
        "did you mean 'loaded.puffery'?\n"
    )


PACK = (
    "'languagetool' is a pack, not a rule or family; name its families instead: "
    "grammar, spelling, style.languagetool, typography"
)


def test_a_pack_name_where_a_family_is_wanted(desk: Path) -> None:
    # `packs: [languagetool]` is how the config names it, so editors write it
    # here too; it drew "did you mean 'style.languagetool'?", one of its four.
    for flag in ("--select", "--ignore"):
        done = run_cli("d.md", flag, "languagetool", cwd=desk)
        assert done.returncode == 2
        assert done.stderr == f"newslint: error: {flag}: {PACK}\n"
    (desk / ".newslint.yml").write_text("rules:\n  languagetool: off\n")
    done = run_cli("d.md", cwd=desk)
    assert (
        done.stderr == f"newslint: {desk / '.newslint.yml'}:2: error: rules.languagetool: {PACK}\n"
    )
    (desk / ".newslint.yml").unlink()
    (desk / "d.md").write_text("<!-- newslint-disable languagetool -->\n" + DRAFT)
    done = run_cli("d.md", *LT_OFF, cwd=desk)
    assert done.stderr == f"d.md:1: error: newslint-disable: {PACK}\n"


def test_names_that_exist_pass(desk: Path) -> None:
    (desk / ".newslint.yml").write_text("rules: {loaded.puffery: error, names: off}\n")
    (desk / "d.md").write_text("<!-- newslint-disable-next-line loaded.emotive -->\n" + DRAFT)
    done = run_cli("d.md", "--select", "loaded,attribution", "--ignore", "loaded.emotive", cwd=desk)
    assert done.returncode == 1 and done.stderr == ""
    assert "d.md:2:3: error: “storied” is puffery" in done.stdout


def test_an_unknown_languagetool_key(desk: Path) -> None:
    (desk / ".newslint.yml").write_text("languagetool: {requird: true}\n")
    done = run_cli("d.md", *LT_OFF, cwd=desk)
    assert done.returncode == 2
    assert "unknown key 'requird'; did you mean 'required'?" in done.stderr
    assert ".newslint.yml:1: error: languagetool:" in done.stderr
