"""Rule packs and .newslint.yml checked against their JSON Schemas: every problem at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newslint.packs import builtin_rules_dir, load_packs, pack_files
from newslint.schemafiles import schema_files
from newslint.validation import SCHEMA_DIR
from newslint.yamlfile import load_yaml
from tests.conftest import run_cli

RULE = """  - id: style.{name}
    kind: existence
    description: d
    message: "{message}"
    words: [storied]
{extra}"""


def pack_errors(tmp_path: Path, *rules: str) -> list[str]:
    pack = tmp_path / "house.yml"
    pack.write_text("pack: house\nrules:\n" + "".join(rules), encoding="utf-8")
    loaded = load_packs([pack])
    return [str(e).replace(str(tmp_path) + "/", "") for e in loaded.errors]


def rule(name: str, extra: str = "", message: str = "avoid {match}") -> str:
    return RULE.format(name=name, message=message, extra=extra)


def test_examples_as_a_string_is_an_error_not_fourteen_letters(tmp_path: Path) -> None:
    errors = pack_errors(tmp_path, rule("x", '    examples: {bad: "A fine career."}\n'))
    assert errors == [
        "house.yml:8: error: rules[0] (style.x).examples: 'bad' must be a list, got a string"
    ]


def test_a_misspelt_examples_key_gets_did_you_mean(tmp_path: Path) -> None:
    errors = pack_errors(tmp_path, rule("x", "    examples: {bda: [A storied career.]}\n"))
    assert errors == [
        "house.yml:8: error: rules[0] (style.x).examples: unknown key 'bda'; did you mean 'bad'?"
    ]


def test_an_unknown_placeholder_in_a_message_is_an_error(tmp_path: Path) -> None:
    errors = pack_errors(tmp_path, rule("x", message="avoid {nonsense}"))
    assert errors == [
        "house.yml:6: error: rules[0] (style.x).message: message placeholder {nonsense} "
        "is not one newslint fills in; use {match}"
    ]


def test_an_unclosed_brace_in_a_message_is_an_error(tmp_path: Path) -> None:
    (error,) = pack_errors(tmp_path, rule("x", message="avoid {match"))
    assert error.startswith(
        "house.yml:6: error: rules[0] (style.x).message: message is not a valid template"
    )


def test_every_problem_in_a_pack_is_reported_at_once(tmp_path: Path) -> None:
    errors = pack_errors(
        tmp_path,
        rule("a", "    wrods: [x]\n    severity: fatal\n"),
        rule("b"),  # a good rule between two broken ones still loads
        rule("c", "    examples: {good: [1, 2]}\n"),
    )
    assert errors == [
        "house.yml:8: error: rules[0] (style.a): unknown key 'wrods'; did you mean 'words'?",
        "house.yml:9: error: rules[0] (style.a): unknown severity 'fatal'; "
        "use one of: error, warning, suggestion",
        "house.yml:20: error: rules[2] (style.c).examples.good[0]: the item must be a string, "
        "got a number",
        "house.yml:20: error: rules[2] (style.c).examples.good[1]: the item must be a string, "
        "got a number",
    ]


def test_a_pack_that_loads_keeps_its_good_rules(tmp_path: Path) -> None:
    pack = tmp_path / "house.yml"
    pack.write_text("pack: house\nrules:\n" + rule("a", "    wrods: [x]\n") + rule("b"))
    assert set(load_packs([pack]).rules) == {"style.b"}


def test_every_config_problem_is_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yml").write_text(
        "vocabulory: [x]\nfail_on: 3\nlanguagetool: {requird: true}\n"
        "names: {project: yes please}\n",
        encoding="utf-8",
    )
    (tmp_path / "d.md").write_text("Text.\n", encoding="utf-8")
    done = run_cli("d.md", cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.replace(str(tmp_path) + "/", "").splitlines()
    assert lines == [
        "newslint: .newslint.yml:1: error: config: unknown key 'vocabulory'; "
        "did you mean 'vocabulary'?",
        "newslint: .newslint.yml:2: error: config: 'fail_on' must be a string, got a number",
        "newslint: .newslint.yml:3: error: languagetool: unknown key 'requird'; "
        "did you mean 'required'?",
        "newslint: .newslint.yml:4: error: names: 'project' must be true or false, got a string",
    ]


def test_a_good_config_is_checked_once_then_remembered(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yml").write_text("fail_on: warning\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("Text.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    env = {
        "NEWSLINT_CACHE_DIR": str(cache),
        "NEWSLINT_LANGUAGETOOL": "off",
        "NEWSLINT_REQUIRE_LANGUAGETOOL": "",  # CI requires it; this test is about configs
    }
    first = run_cli("d.md", cwd=tmp_path, env=env)
    assert first.returncode == 0
    assert len(list((cache / "configs-ok").iterdir())) == 1
    # Remembered parsed: a later run reads it back without importing the YAML parser.
    probe = (
        "import sys; from newslint.config import load_config; "
        "print(load_config('.newslint.yml').fail_on.name, 'yaml' in sys.modules)"
    )
    again = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    assert again.stdout.split() == ["WARNING", "False"]
    # An edit is a new text: checked afresh, and its problem reported.
    (tmp_path / ".newslint.yml").write_text("fail_on: warnign\n", encoding="utf-8")
    second = run_cli("d.md", cwd=tmp_path, env=env)
    assert second.returncode == 2
    assert "did you mean 'warning'?" in second.stderr


def test_the_shipped_schema_files_are_the_generated_ones() -> None:
    for name, schema in schema_files().items():
        shipped = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
        assert shipped == schema, f"run python -m newslint.schemafiles to refresh {name}"


@pytest.mark.parametrize("pack", pack_files(builtin_rules_dir()), ids=lambda p: p.name)
def test_the_shipped_packs_pass_the_shipped_schema(pack: Path) -> None:
    schema = json.loads((SCHEMA_DIR / "pack.schema.json").read_text(encoding="utf-8"))
    data = load_yaml(str(pack), pack.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []


def test_the_shipped_schema_catches_what_editors_would_see(tmp_path: Path) -> None:
    """What an editor's YAML plugin reports with the shipped file: the misspelt key."""
    schema = json.loads((SCHEMA_DIR / "pack.schema.json").read_text(encoding="utf-8"))
    data = {
        "pack": "p",
        "rules": [
            {
                "id": "style.x",
                "kind": "existence",
                "description": "d",
                "message": "m",
                "examples": {"bda": ["x"]},
            }
        ],
    }
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert [(list(e.absolute_path), e.validator) for e in errors] == [
        (["rules", 0, "examples"], "additionalProperties")
    ]
    assert "'bda' was unexpected" in errors[0].message
