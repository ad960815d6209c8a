"""Configuration: discovery, overrides, vocabulary, ignore, front matter, suppressions."""

from __future__ import annotations

from pathlib import Path

from newslint.severity import Severity
from tests.conftest import house_config, lint_text, run_cli

LT_OFF = ("--ignore", "spelling,grammar,typography,style.languagetool")
TEXT = "The storied general was furious. Qaddafi ruled.\n"


def rules_of(findings) -> list[str]:
    return [f.rule for f in findings]


def test_config_found_upward_turns_rules_off_and_relevels(tmp_path: Path) -> None:
    house_config(
        tmp_path, "rules:\n  loaded: off\n  loaded.emotive: error\n  names.house-list: warning\n"
    )
    nested = tmp_path / "desk" / "politics"
    nested.mkdir(parents=True)
    found = lint_text(TEXT, path=str(nested / "d.md"))
    assert [(f.rule, f.severity) for f in found] == [
        ("loaded.emotive", Severity.ERROR),
        ("names.house-list", Severity.WARNING),
    ]


def test_vocabulary_and_fail_on(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yml").write_text(
        "vocabulary: [Qaddafi]\nfail_on: warning\n", encoding="utf-8"
    )
    (tmp_path / "d.md").write_text(TEXT, encoding="utf-8")
    done = run_cli("d.md", *LT_OFF, cwd=tmp_path)
    assert "names.house-list" not in done.stdout
    assert done.returncode == 1  # warnings fail under fail_on: warning


def test_ignore_paths_and_extra_rules(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "words.yml").write_text(
        "pack: house\nrules:\n  - id: style.banned\n    kind: existence\n"
        '    description: Banned words.\n    message: "we never write “{match}”"\n'
        "    words: [synergy]\n",
        encoding="utf-8",
    )
    (tmp_path / ".newslint.yml").write_text(
        "extra_rules: house\nignore: ['archive/*']\npacks: [house]\n", encoding="utf-8"
    )
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.md").write_text("Synergy.\n", encoding="utf-8")
    (tmp_path / "new.md").write_text("Storied synergy.\n", encoding="utf-8")
    done = run_cli(".", cwd=tmp_path)
    assert done.stdout.splitlines()[0] == (
        "new.md:1:9: warning: we never write “synergy” [style.banned]"
    )
    assert "old.md" not in done.stdout and "storied" not in done.stdout.lower()


def test_broken_config_names_file_line_and_key(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yml").write_text("fail_on: error\nvocabulory: [x]\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("Text.\n", encoding="utf-8")
    done = run_cli("d.md", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().endswith(
        ".newslint.yml:2: error: config: unknown key 'vocabulory'; did you mean 'vocabulary'?"
    )


def test_languagetool_settings_that_cannot_work_are_config_errors(tmp_path: Path) -> None:
    # timeout: -1 used to reach the server and come back as a note blaming it:
    # "did not answer within -1 s (hung?); run `newslint server stop`".
    config = tmp_path / ".newslint.yml"
    config.write_text("languagetool:\n  timeout: -1\n  memory: lots\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("Text.\n", encoding="utf-8")
    done = run_cli("d.md", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == "No findings in 0 files; 1 file could not be linted.\n"
    assert done.stderr.splitlines() == [
        f"newslint: {config}:2: error: languagetool: 'timeout' must be above 0 (got -1)",
        f"newslint: {config}:3: error: languagetool: memory must be a size java takes, "
        "like 512m or 2g (got 'lots')",
    ]
    # A bare number is bytes to java: "512" started no server ("Too small maximum heap").
    config.write_text("languagetool:\n  memory: '512'\n", encoding="utf-8")
    done = run_cli("d.md", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        f"newslint: {config}:2: error: languagetool: memory needs a unit: '512' is bytes to "
        "java; write 512m or 2g\n"
    )
    config.write_text("languagetool:\n  memory: 1024\n", encoding="utf-8")  # a YAML number
    assert run_cli("d.md", cwd=tmp_path).stderr == (
        f"newslint: {config}:2: error: languagetool: memory needs a unit: '1024' is bytes to "
        "java; write 1024m or 2g\n"
    )
    config.write_text("languagetool:\n  required: false\n  idle_minutes: .nan\n")
    done = run_cli("d.md", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        f"newslint: {config}:3: error: languagetool: 'idle_minutes' must be a finite number "
        "(got nan)\n"
    )


def test_yaml_files_not_in_utf8_name_the_line_of_the_bad_bytes(tmp_path: Path) -> None:
    # It was "cannot read config: 'utf-8' codec can't decode byte 0xe9 in position 41",
    # with no line; a draft's reader says where, and so does a config's now.
    config = tmp_path / ".newslint.yml"
    config.write_bytes("fail_on: warning\nvocabulary:\n  - Caf\xe9\n".encode("latin-1"))
    (tmp_path / "d.md").write_text("Text.\n", encoding="utf-8")
    done = run_cli("d.md", *LT_OFF, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == "No findings in 0 files; 1 file could not be linted.\n"
    assert done.stderr == (
        f"newslint: {config}:3: error: not valid UTF-8"
        " (byte 0xe9 at column 8: 'é' in Windows-1252); "
        "save the file as UTF-8\n"
    )
    # Windows line endings count one line each, as in a draft.
    config.write_bytes(b"fail_on: warning\r\n\r\n# \x93smart\x94 quotes\r\n")
    done = run_cli("d.md", *LT_OFF, cwd=tmp_path)
    assert done.stderr == (
        f"newslint: {config}:3: error: not valid UTF-8"
        " (byte 0x93 at column 3: '“' in Windows-1252); "
        "save the file as UTF-8\n"
    )
    # The house list of names and a rule pack the config names are read the same way.
    (tmp_path / "names.yml").write_bytes("Qaddafi: Gaddafi\nM\xfcller: Mueller\n".encode("cp1252"))
    config.write_text("names:\n  house_list: names.yml\n", encoding="utf-8")
    done = run_cli("d.md", *LT_OFF, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.endswith(
        "names.yml:2: error: not valid UTF-8"
        " (byte 0xfc at column 2: 'ü' in Windows-1252); save the file as UTF-8\n"
    )
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "words.yml").write_bytes(
        "pack: house\nrules:\n  - id: style.caf\xe9\n".encode("latin-1")
    )
    config.write_text("extra_rules: house\n", encoding="utf-8")
    done = run_cli("d.md", *LT_OFF, cwd=tmp_path)
    assert done.returncode == 2
    assert (
        "words.yml:3: error: not valid UTF-8"
        " (byte 0xe9 at column 18: 'é' in Windows-1252); save the file as UTF-8"
    ) in done.stderr


def test_front_matter_options_apply_to_that_draft_only() -> None:
    draft = "---\nnewslint:\n  rules:\n    loaded.puffery: off\n---\n" + TEXT
    assert "loaded.puffery" not in rules_of(lint_text(draft))
    assert "loaded.puffery" in rules_of(lint_text(TEXT))


def test_inline_suppressions() -> None:
    draft = (
        "A storied start.\n\n"
        "<!-- newslint-disable-next-line loaded.puffery -->\n"
        "A storied line. A furious one.\n\n"
        "<!-- newslint-disable -->\n"
        "A legendary, furious middle.\n\n"
        "<!-- newslint-enable -->\n"
        "An iconic end.\n"
    )
    found = [(f.rule, f.line) for f in lint_text(draft, select=("loaded",))]
    assert found == [
        ("loaded.puffery", 1),
        ("loaded.emotive", 4),
        ("loaded.puffery", 10),
    ]


def test_extra_rules_may_bring_their_own_family(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "words.yml").write_text(
        "pack: house\nfamilies: [house]\nrules:\n  - id: house.banned\n    kind: existence\n"
        '    description: Banned words.\n    message: "we never write “{match}”"\n'
        "    words: [synergy]\n",
        encoding="utf-8",
    )
    (tmp_path / ".newslint.yml").write_text(
        "extra_rules: house\nrules: {spelling: off, grammar: off, typography: off}\n",
        encoding="utf-8",
    )
    (tmp_path / "new.md").write_text("The synergy held.\n", encoding="utf-8")
    expected = "new.md:1:5: warning: we never write “synergy” [house.banned]"
    # --project turns on a rule that ships off: the house family must stay on beside it.
    for extra in ((), ("--project",), ("--select", "house")):
        done = run_cli(*extra, "new.md", cwd=tmp_path)
        assert expected in done.stdout.splitlines(), (extra, done.stdout, done.stderr)
    assert "[house.banned]" not in run_cli("--ignore", "house", "new.md", cwd=tmp_path).stdout
