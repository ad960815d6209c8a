"""--format github, sarif and rdjson: what GitHub, code scanning and reviewdog read.

tests/data/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 schema (errata01),
copied unchanged from oasis-tcs/sarif-spec ``Schemata/sarif-schema-2.1.0.json``,
so that output code scanning would reject fails here rather than on upload.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newslint.findings import Finding
from newslint.reporters import ReportContext
from newslint.reporters.github import command_for
from newslint.severity import Severity
from tests.conftest import ROOT, SEED, house_config, run_cli

DATA = Path(__file__).parent / "data"
SELECT = ("--select", "names,style,loaded,readability")
DRAFT = (
    "# Notes from Hamedan\n"
    "\n"
    "The minister said the plan was in order to win, and he perished.\n"
    "\n"
    "“We met in Hamedan,” he said, “in order to talk.” It was in order to talk.\n"
)


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    house_config(tmp_path)  # the starter house list of names: Hamedan → Hamadan
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_github_workflow_commands(draft: Path) -> None:
    done = run_cli("--format", "github", *SELECT, "draft.md", cwd=draft.parent)
    assert done.returncode == 1  # the heading's name is an error
    assert done.stdout.splitlines() == [
        "::error file=draft.md,line=1,col=14,endLine=1,endColumn=20,title=names.house-list"
        "::“Hamedan” is not the house spelling; use “Hamadan”",
        "::notice file=draft.md,line=3,col=32,endLine=3,endColumn=42,title=style.wordy"
        "::“in order to” is wordy; “to” says the same",
        "::notice file=draft.md,line=3,col=56,endLine=3,endColumn=63,title=loaded.euphemism"
        "::“perished” is a euphemism; prefer “died”",
        "::notice file=draft.md,line=5,col=12,endLine=5,endColumn=18,title=names.house-list"
        "::“Hamedan” is not the house spelling; use “Hamadan” (inside a quotation: the "
        "source's spelling; keep it, add [sic] or note it)",
        "::notice file=draft.md,line=5,col=58,endLine=5,endColumn=68,title=style.wordy"
        "::“in order to” is wordy; “to” says the same",
        "5 findings (1 error, 4 suggestions) in 1 of 1 file.",
    ]


@pytest.mark.parametrize("stream", [True, False])
def test_github_annotates_drafts_that_could_not_be_linted(draft: Path, stream: bool) -> None:
    # They were only a stderr line in the job's log, never on the pull request.
    (draft.parent / "a-latin1.md").write_bytes("Caf\xe9 society, 1950.\n".encode("latin-1"))
    (draft.parent / "b-binary.md").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 40)
    extra = () if stream else ("--columns", "bytes")  # bytes: the path that does not stream
    done = run_cli(
        "--format",
        "github",
        *SELECT,
        *extra,
        "a-latin1.md",
        "b-binary.md",
        "draft.md",
        cwd=draft.parent,
    )
    assert done.returncode == 2
    lines = done.stdout.splitlines()
    assert lines[:2] == [
        "::error file=a-latin1.md,line=1,title=newslint::not valid UTF-8"
        " (byte 0xe9 at column 4: 'é' in Windows-1252); "
        "save the file as UTF-8",
        "::error file=b-binary.md,title=newslint::looks like a binary file (contains NUL bytes); "
        "not linted",
    ]
    assert lines[2].startswith("::error file=draft.md,line=1,col=14,")
    assert "a-latin1.md:1: error: not valid UTF-8" in done.stderr  # the log line stays


def test_github_escapes_what_would_break_the_command() -> None:
    finding = Finding(
        path="news, 50%: draft.md",
        rule="style.x",
        severity=Severity.WARNING,
        message="100% sure\r\nsecond line: ok, fine",
        start=0,
        end=1,
        line=2,
        column=3,
        end_line=2,
        end_column=3,
    )
    assert command_for(finding) == (
        "::warning file=news%2C 50%25%3A draft.md,line=2,col=3,endLine=2,endColumn=3,"
        "title=style.x::100%25 sure%0D%0Asecond line: ok, fine"
    )


def test_github_quiet_has_no_summary(draft: Path) -> None:
    done = run_cli("--format", "github", "--quiet", *SELECT, "draft.md", cwd=draft.parent)
    assert all(line.startswith("::") for line in done.stdout.splitlines())
    assert len(done.stdout.splitlines()) == 5


def _sarif_schema() -> dict[str, object]:
    return json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_is_valid_sarif_2_1_0_with_rules_and_help() -> None:
    done = run_cli("--format", "sarif", *SELECT, str(SEED))
    log = json.loads(done.stdout)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    run = log["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    wordy = rules["style.wordy"]
    assert wordy["shortDescription"] == {"text": "Wordy phrases with a shorter equivalent."}
    assert wordy["fullDescription"] == {"text": "Every word should earn its place in news copy."}
    assert wordy["defaultConfiguration"] == {"level": "note", "enabled": True}
    assert "Flagged:\n  - " in wordy["help"]["text"]
    assert "**Not flagged:**" in wordy["help"]["markdown"]
    assert rules["loaded.puffery"]["helpUri"].startswith("https://")
    assert rules["names.house-list"]["defaultConfiguration"]["level"] == "error"
    # Every result points at its rule, and the rule list is the driver's.
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_regions_end_one_past_the_last_character() -> None:
    seed = SEED.relative_to(ROOT).as_posix()
    sarif = json.loads(run_cli("--format", "sarif", *SELECT, seed, cwd=ROOT).stdout)
    plain = json.loads(run_cli("--format", "json", *SELECT, seed, cwd=ROOT).stdout)
    results = sarif["runs"][0]["results"]
    assert len(results) == len(plain) > 20
    for result, finding in zip(results, plain, strict=True):
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": seed, "uriBaseId": "%SRCROOT%"}
        assert location["region"] == {
            "startLine": finding["line"],
            "startColumn": finding["column"],
            "endLine": finding["end_line"],
            "endColumn": finding["end_column"] + 1,
        }


def test_sarif_fixes_only_for_fixable_findings(draft: Path) -> None:
    done = run_cli("--format", "sarif", *SELECT, "draft.md", cwd=draft.parent)
    results = json.loads(done.stdout)["runs"][0]["results"]
    fixed = [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
        for r in results
        if "fixes" in r
    ]
    # Not the name inside the quotation on line 5.
    assert fixed == [
        ("names.house-list", 1),
        ("style.wordy", 3),
        ("loaded.euphemism", 3),
        ("style.wordy", 5),
    ]
    wordy = next(r for r in results if r["ruleId"] == "style.wordy")
    replacement = wordy["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement == {
        "deletedRegion": {"startLine": 3, "startColumn": 32, "endLine": 3, "endColumn": 43},
        "insertedContent": {"text": "to"},
    }


def test_sarif_with_no_findings_is_still_valid(tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text("The minister spoke on Tuesday.\n", encoding="utf-8")
    done = run_cli("--format", "sarif", *SELECT, "clean.md", cwd=tmp_path)
    log = json.loads(done.stdout)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    assert done.returncode == 0
    assert log["runs"][0]["results"] == []


def test_sarif_names_drafts_that_could_not_be_read(draft: Path) -> None:
    # They were only stderr lines: code scanning saw a complete, clean run.
    (draft.parent / "a-latin1.md").write_bytes("Line one.\nCaf\xe9 society.\n".encode("latin-1"))
    (draft.parent / "b-binary.md").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 40)
    done = run_cli(
        "--format", "sarif", *SELECT, "a-latin1.md", "b-binary.md", "draft.md", cwd=draft.parent
    )
    assert done.returncode == 2
    log = json.loads(done.stdout)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    run = log["runs"][0]
    assert run["invocations"] == [
        {
            "executionSuccessful": True,
            "toolExecutionNotifications": [
                {
                    "level": "error",
                    "message": {
                        "text": (
                            "not valid UTF-8"
                            " (byte 0xe9 at column 4: 'é' in Windows-1252); save the file as UTF-8"
                        )
                    },
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {
                                    "uri": "a-latin1.md",
                                    "uriBaseId": "%SRCROOT%",
                                },
                                "region": {"startLine": 2},
                            }
                        }
                    ],
                },
                {
                    "level": "error",
                    "message": {
                        "text": "looks like a binary file (contains NUL bytes); not linted"
                    },
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": "b-binary.md", "uriBaseId": "%SRCROOT%"}
                            }
                        }
                    ],
                },
            ],
        }
    ]
    # The readable draft's findings are all there, and only its.
    paths = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert paths == {"draft.md"} and len(run["results"]) == 5
    clean = json.loads(run_cli("--format", "sarif", *SELECT, "draft.md", cwd=draft.parent).stdout)
    assert clean["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_rdjson_columns_are_utf8_bytes_and_suggestions_ranges(draft: Path) -> None:
    done = run_cli("--format", "rdjson", *SELECT, "draft.md", cwd=draft.parent)
    result = json.loads(done.stdout)
    assert result["source"] == {"name": "newslint"}
    found = [
        (d["code"]["value"], d["severity"], d["location"]["range"], d.get("suggestions"))
        for d in result["diagnostics"]
    ]
    # Line 5 opens with “, three bytes in UTF-8: the name at code point 12 is at
    # byte 14, and after four curly quotes column 58 is byte 66. Ends are exclusive.
    quoted_name = {"start": {"line": 5, "column": 14}, "end": {"line": 5, "column": 21}}
    late_wordy = {"start": {"line": 5, "column": 66}, "end": {"line": 5, "column": 77}}
    assert found[3] == ("names.house-list", "INFO", quoted_name, None)  # quotes stay as said
    assert found[4] == ("style.wordy", "INFO", late_wordy, [{"range": late_wordy, "text": "to"}])
    heading = {"start": {"line": 1, "column": 14}, "end": {"line": 1, "column": 21}}
    assert found[0] == (
        "names.house-list",
        "ERROR",
        heading,
        [{"range": heading, "text": "Hamadan"}],
    )
    assert result["diagnostics"][0]["location"]["path"] == "draft.md"


def test_rdjson_reporter_without_the_text_keeps_code_point_columns() -> None:
    from newslint.reporters.rdjson import report

    finding = Finding("a.md", "style.x", Severity.ERROR, "m", 0, 3, 1, 5, 1, 7)
    out = json.loads(report([finding], ReportContext(files=1)))
    assert out["diagnostics"][0]["location"]["range"] == {
        "start": {"line": 1, "column": 5},
        "end": {"line": 1, "column": 8},
    }
