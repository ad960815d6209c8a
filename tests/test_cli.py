"""The command as users run it: output lines, JSON contract, exit codes, bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import SEED, house_config, refuse_listing, run_cli

LT_OFF = ("--ignore", "spelling,grammar,typography,style.languagetool")


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_text_output_line_format_and_summary(tmp_path: Path) -> None:
    write(tmp_path, "draft.md", "# Head\n\nThe storied general was furious.\n")
    done = run_cli("draft.md", *LT_OFF, cwd=tmp_path)
    assert done.stdout.splitlines() == [
        "draft.md:3:5: warning: “storied” is puffery: show what earned it, or attribute it "
        "[loaded.puffery]",
        "draft.md:3:25: warning: “furious” is emotive: describe what happened and let readers "
        "judge [loaded.emotive]",
        "2 findings (2 warnings) in 1 of 1 file.",
    ]
    assert done.returncode == 0  # warnings are below the default fail_on: error
    assert done.stderr == ""


def test_json_contract(tmp_path: Path) -> None:
    house_config(tmp_path)  # the starter house list of names: Qassim → Qassem
    write(tmp_path, "d.md", "Good run down on Qassim’s death.\n")
    done = run_cli("--format", "json", "d.md", *LT_OFF, cwd=tmp_path)
    assert json.loads(done.stdout) == [
        {
            "path": "d.md",
            "line": 1,
            "column": 18,
            "end_line": 1,
            "end_column": 23,
            "rule": "names.house-list",
            "severity": "error",
            "message": "“Qassim” is not the house spelling; use “Qassem”",
            "suggestion": "Qassem",
        }
    ]
    assert done.returncode == 1


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("clean.md",), 0),
        (("dirty.md",), 0),
        (("dirty.md", "--fail-on", "warning"), 1),
        (("names.md",), 1),
        (("names.md", "--ignore", "names"), 0),
        (("names.md", "--select", "loaded"), 0),
        (("--format", "yaml", "clean.md"), 2),
        ((), 2),
        (("missing.md",), 2),
    ],
)
def test_exit_codes(tmp_path: Path, args: tuple[str, ...], code: int) -> None:
    write(tmp_path, "clean.md", "The general died on Friday.\n")
    write(tmp_path, "dirty.md", "The storied general died.\n")
    write(tmp_path, "names.md", "Qaddafi ruled Libya.\n")
    house_config(tmp_path)  # the starter house list of names: Qaddafi → Gaddafi
    assert run_cli(*args, *LT_OFF, cwd=tmp_path).returncode == code


def test_stdin_with_a_filename() -> None:
    done = run_cli("--stdin-filename", "unsaved.md", "-", *LT_OFF, stdin=b"A legendary move.\n")
    assert done.stdout.startswith("unsaved.md:1:3: warning: “legendary” is puffery")


def test_bad_inputs_are_one_line_errors_and_the_run_goes_on(tmp_path: Path) -> None:
    write(tmp_path, "a-binary.md", b"\x89PNG\r\n\x1a\n\0\0\0IHDR")
    write(tmp_path, "b-latin1.md", "Line one.\nCaf\xe9 society.\n".encode("latin-1"))
    write(tmp_path, "c-empty.md", "")
    write(tmp_path, "d-good.md", "A storied career.\n")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    done = run_cli(
        "a-binary.md", "b-latin1.md", "c-empty.md", "nowhere.md", "d-good.md", *LT_OFF, cwd=tmp_path
    )
    assert done.stderr.splitlines() == [
        "a-binary.md: error: looks like a binary file (contains NUL bytes); not linted",
        "b-latin1.md:2: error: not valid UTF-8"
        " (byte 0xe9 at column 4: 'é' in Windows-1252); save the file as UTF-8",
        "nowhere.md: error: no such file or directory",
    ]
    assert "d-good.md:1:3: warning: “storied”" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert done.returncode == 2
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_huge_file_is_refused_in_one_line(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with big.open("w") as handle:
        line = "The strike was approved by the general on Friday. " * 20 + "\n\n"
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(line)
    done = run_cli("big.md", *LT_OFF, cwd=tmp_path)
    assert done.stderr.strip().startswith("big.md: error: file is 50.0 MB, over the 10 MB limit")
    assert done.returncode == 2


def test_a_folder_of_thousands_of_drafts(tmp_path: Path) -> None:
    for n in range(2000):
        write(tmp_path, f"archive/{n // 100:02d}/{n:04d}.md", f"Story {n}. A storied career.\n")
    write(tmp_path, "archive/notes.txt", "not markdown")
    done = run_cli("archive", "--format", "json", *LT_OFF, cwd=tmp_path)
    found = json.loads(done.stdout)
    assert len(found) == 2000
    assert found[0]["path"] == os.path.join("archive", "00", "0000.md")


def test_a_symlink_to_nothing_says_so(tmp_path: Path) -> None:
    # ls lists it like a draft; it was "no such file (it may have been removed
    # while linting)" in a folder and "no such file or directory" when named.
    write(tmp_path, "desk/a.md", "A storied career.\n")
    (tmp_path / "desk" / "b.md").symlink_to("draft-moved.md")
    done = run_cli("desk", *LT_OFF, cwd=tmp_path)
    error = "is a symbolic link to 'draft-moved.md', which does not exist"
    assert done.stderr == f"{os.path.join('desk', 'b.md')}: error: {error}\n"
    assert done.returncode == 2 and "desk/a.md:1:3: warning" in done.stdout
    done = run_cli("desk/b.md", *LT_OFF, cwd=tmp_path)
    assert done.stderr == f"desk/b.md: error: {error}\n" and done.returncode == 2
    done = run_cli("names", "desk/b.md", cwd=tmp_path)
    assert done.stderr == f"newslint names: error: desk/b.md: {error}\n" and done.returncode == 2


def test_vanished_file_is_reported(tmp_path: Path) -> None:
    # A file listed by the caller but gone by the time it is read.
    from newslint.linter import Linter

    result = Linter().lint_path(str(tmp_path / "gone.md"))
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'gone.md'}: error: no such file (it may have been removed while linting)"
    ]


@pytest.mark.parametrize(
    ("args", "command"), [(("nmaes", "desk"), "names"), (("expain", "loaded.said"), "explain")]
)
def test_a_misspelt_command_is_named(tmp_path: Path, args: tuple[str, ...], command: str) -> None:
    # It was linted as paths: "nmaes: error: no such file or directory", and so on for each.
    done = run_cli(*args, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        f"newslint: error: {args[0]!r} is neither a file nor a command; "
        f"did you mean 'newslint {command}'?\n"
    )
    (tmp_path / "nmaes").write_text("Plain words.\n", encoding="utf-8")  # a file wins
    assert run_cli("nmaes", cwd=tmp_path).stdout == "No findings in 1 file.\n"


def test_rules_and_explain() -> None:
    listing = run_cli("rules").stdout
    assert "loaded.puffery" in listing and "names.house-list" in listing
    explained = run_cli("explain", "loaded.said")
    assert explained.returncode == 0
    assert "What it flags:" in explained.stdout and "rules: {loaded.said: off}" in explained.stdout
    assert "The minister claimed the strike was legal." in explained.stdout
    unknown = run_cli("explain", "loaded.puffry")
    assert unknown.returncode == 2
    assert "did you mean 'loaded.puffery'?" in unknown.stderr


def test_explain_a_family_lists_its_rules() -> None:
    # It was "no rule 'facts'; did you mean 'facts.age-mismatch'?": one of ten, at random.
    done = run_cli("explain", "facts")
    assert done.returncode == 2
    assert done.stderr.startswith(
        "newslint: error: 'facts' is a family of 10 rules; explain one of them: "
        "facts.age-mismatch, facts.count-mismatch, "
    )


def test_help_names_every_sub_command() -> None:
    from newslint.commands import COMMANDS

    epilog = " ".join(run_cli("--help").stdout.split("Sub-commands:")[1].split())
    assert all(f"newslint {name}" in epilog for name in COMMANDS if name != "lint"), epilog


def test_python_dash_m_and_seed_fixture_run_clean_of_errors() -> None:
    done = run_cli(str(SEED), "--format", "json", *LT_OFF)
    # No errors: no stylebook is imposed on names, and the seed's variants are warnings.
    assert done.returncode == 0
    assert json.loads(done.stdout)
    assert "Traceback" not in done.stderr


def test_exit_zero_keeps_findings_advisory_but_not_a_broken_config(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text("The storied bridge fell.\n", encoding="utf-8")
    (tmp_path / ".newslint.yml").write_text("fail_on: warning\n", encoding="utf-8")
    args = ("--select", "loaded", "d.md")
    assert run_cli(*args, cwd=tmp_path).returncode == 1
    advisory = run_cli("--exit-zero", *args, cwd=tmp_path)
    assert advisory.returncode == 0
    assert "“storied” is puffery" in advisory.stdout  # the findings still show
    (tmp_path / ".newslint.yml").write_text("fail_on: sometimes\n", encoding="utf-8")
    assert run_cli("--exit-zero", *args, cwd=tmp_path).returncode == 2


def test_config_naming_a_folder_says_so(tmp_path: Path) -> None:
    # It said "config file 'desk' does not exist" of a folder that does.
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "d.md").write_text("Plain words.\n", encoding="utf-8")
    done = run_cli("--config", "desk", "desk", cwd=tmp_path)
    assert done.returncode == 2
    assert (
        done.stderr == "newslint: error: --config 'desk' is a folder; name the config file itself\n"
    )
    (tmp_path / "desk" / ".newslint.yml").write_text("fail_on: warning\n", encoding="utf-8")
    done = run_cli("--config", "desk", "desk", cwd=tmp_path)
    assert done.stderr.endswith("; did you mean 'desk/.newslint.yml'?\n")


def test_standard_input_twice_is_a_usage_error(tmp_path: Path) -> None:
    # The second '-' read nothing: "No findings in 2 files", exit 0, for one draft.
    (tmp_path / "d.md").write_text("Plain words.\n", encoding="utf-8")
    for paths in (("-", "-"), ("-", "d.md", "-")):
        done = run_cli(*paths, cwd=tmp_path, stdin=b"# Hi\n\nPlain words.\n")
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr == (
            "newslint: error: standard input can be read only once; give '-' once\n"
        )


def test_stdin_filename_without_stdin_is_a_usage_error(tmp_path: Path) -> None:
    # It was ignored: the file was linted and the name went nowhere.
    (tmp_path / "d.md").write_text("Plain words.\n", encoding="utf-8")
    done = run_cli("--stdin-filename", "x.md", "d.md", cwd=tmp_path)
    # The default's own name too: it was let through, as if no name had been given.
    same = run_cli("--stdin-filename", "stdin.md", "d.md", cwd=tmp_path)
    assert same.returncode == 2 and "add '-' to the paths" in same.stderr
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        "newslint: error: --stdin-filename names standard input, which is not read here; "
        "add '-' to the paths (newslint --stdin-filename x.md -)\n"
    )


def test_the_audit_names_a_symlink_to_nothing_as_linting_does(tmp_path: Path) -> None:
    from newslint.audit.drafts import find_drafts

    write(tmp_path, "archive/a.md", "A storied career.\n")
    (tmp_path / "archive" / "b.md").symlink_to("moved.md")
    drafts = list(find_drafts([str(tmp_path / "archive")]))
    assert [d.problem for d in drafts] == [
        None,
        "is a symbolic link to 'moved.md', which does not exist",
    ]


@pytest.mark.parametrize("fmt", ["--format=", "--format=jsno"])
def test_an_empty_or_unknown_format_is_a_usage_error(tmp_path: Path, fmt: str) -> None:
    # "--format=$FORMAT" with the variable unset linted in the default format:
    # a CI step meant for SARIF wrote text, exit 0, and the upload failed later.
    write(tmp_path, "d.md", "A storied career.\n")
    done = run_cli(fmt, "d.md", *LT_OFF, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    name = fmt.split("=")[1]
    assert done.stderr.startswith(f"newslint: error: unknown format {name!r}; use one of: text,")


def test_a_folder_that_cannot_be_listed_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # os.walk passed over it in silence: "No findings", exit 0, its drafts never
    # read. Root reads any folder, so the refusal is made here, as for another user.
    from newslint.commands import lint

    write(tmp_path, "desk/a.md", "A long career.\n")
    write(tmp_path, "desk/locked/b.md", "A storied career.\n")
    refuse_listing(monkeypatch)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL", "off")
    code = lint.main(["--jobs", "1", "--select", "loaded", "desk"])
    out, err = capsys.readouterr()
    assert err == (
        f"{os.path.join('desk', 'locked')}: error: folder cannot be read (Permission denied); "
        "its drafts are not linted\n"
    )
    # A folder, not "1 file": an editor would look for a draft.
    assert out == "No findings in 1 file; 1 folder could not be read.\n"
    assert code == 2
    # The same count where the report is built whole rather than streamed.
    code = lint.main(["--jobs", "1", "--select", "loaded", "--format", "markdown", "desk"])
    out = capsys.readouterr().out
    assert out.startswith("## newslint: No findings in 1 file; 1 folder could not be read.\n")
    assert code == 2


def test_an_empty_path_says_so(tmp_path: Path) -> None:
    # 'newslint "$DRAFT"' with DRAFT unset: ": error: no such file or directory".
    write(tmp_path, "d.md", "A storied career.\n")
    done = run_cli("", "d.md", *LT_OFF, cwd=tmp_path)
    assert done.stderr == (
        "'': error: an empty file name (an unset variable?); name a file or folder\n"
    )
    assert done.returncode == 2 and "d.md:1:3: warning" in done.stdout
