"""Issue 9 items 9, 10 and 13: inputs that hang, blow up or crash, and validation."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from newslint.findings import FileProblem, escape_path
from newslint.linter import Linter, Options
from newslint.sentences import split_sentences
from tests.conftest import house_config, lint_text, run_cli

OFF = {"NEWSLINT_LANGUAGETOOL": "off"}


@pytest.fixture(autouse=True)
def _house_list(tmp_path: Path) -> None:
    """The newsroom here keeps the starter house list of names (Suleimani → Soleimani)."""
    house_config(tmp_path)


def _bomb(levels: int) -> list[str]:
    """Anchors nested ``levels`` deep, each nine aliases of the one before."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        prev = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([prev] * 9)}]")
    return lines


# --- 9: memory and time -------------------------------------------------------------------


def test_alias_bomb_in_front_matter_is_refused_with_its_line(tmp_path: Path) -> None:
    lines = _bomb(8)
    text = "---\n" + "\n".join(lines) + "\nnewslint:\n  vocabulary: *a7\n---\nOne line.\n"
    (tmp_path / "bomb.md").write_text(text, encoding="utf-8")
    (tmp_path / "fine.md").write_text("Suleimani met officials.\n", encoding="utf-8")
    done = run_cli("--select", "names", "bomb.md", "fine.md", cwd=tmp_path, env=OFF)
    assert "bomb.md:6: error: front matter: YAML aliases here expand to over 10,000 values" in (
        done.stderr
    )
    # The other file of the run is still linted.
    assert "fine.md:1:1: error: “Suleimani” is not the house spelling" in done.stdout
    assert done.returncode == 2


def test_alias_bomb_in_config_is_refused_with_its_line(tmp_path: Path) -> None:
    config = "\n".join(_bomb(6)) + "\nvocabulary: *a5\n"
    (tmp_path / ".newslint.yml").write_text(config, encoding="utf-8")
    (tmp_path / "d.md").write_text("A line.\n", encoding="utf-8")
    done = run_cli("d.md", cwd=tmp_path, env=OFF)
    assert ".newslint.yml:5: error: YAML aliases here expand to over 10,000 values" in done.stderr
    assert done.returncode == 2


def test_a_few_aliases_are_still_fine(tmp_path: Path) -> None:
    config = "names: &n {}\nvocabulary: &v [Hamedan]\n"
    (tmp_path / ".newslint.yml").write_text(config, encoding="utf-8")
    (tmp_path / "d.md").write_text("They met in Hamedan.\n", encoding="utf-8")
    done = run_cli("--select", "names", "d.md", cwd=tmp_path, env=OFF)
    assert done.returncode == 0, done.stderr


def test_existence_exceptions_still_apply_around_the_hit(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yml").write_text(
        "pack: house\nrules:\n  - id: style.no-iconic\n    kind: existence\n"
        "    description: d\n    message: '“{match}”'\n    words: [iconic]\n"
        "    exceptions: [iconic status]\n",
        encoding="utf-8",
    )
    config = tmp_path / ".newslint.yml"
    config.write_text("extra_rules: rules\n", encoding="utf-8")
    text = ("Filler words here. " * 2000) + "An ICONIC Status. An iconic film.\n"
    findings = lint_text(text, path=str(tmp_path / "d.md"), select=("style.no-iconic",))
    assert [text[f.start : f.end] for f in findings] == ["iconic"]
    assert findings[0].start == text.index("iconic film")


def test_sentences_of_a_long_paragraph_still_know_abbreviations() -> None:
    text = "The U.S. The army moved. " * 500 + "Gen. Smith spoke to Mr. Jones."
    sentences = split_sentences(text)
    assert sentences[0].text == "The U.S."
    assert sentences[-1].text == "Gen. Smith spoke to Mr. Jones."
    assert len(sentences) == 1001


# --- 10: files that are not files ----------------------------------------------------------


def test_fifo_named_md_is_skipped_with_a_notice(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "d.md").write_text("Suleimani met.\n", encoding="utf-8")
    # Named directly and found in a folder: neither waits for a writer.
    for args in (("pipe.md", "d.md"), (".",)):
        done = run_cli("--select", "names", *args, cwd=tmp_path, env=OFF)
        assert "newslint: note: " in done.stderr
        assert "pipe.md: is a FIFO (named pipe), not a regular file; skipped" in done.stderr
        assert "d.md:1:1: error:" in done.stdout
        assert "in 1 of 1 file." in done.stdout


def test_socket_named_md_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        done = run_cli("s.md", cwd=tmp_path, env=OFF)
    finally:
        server.close()
    assert "s.md: is a socket, not a regular file; skipped" in done.stderr
    assert done.returncode == 0


def test_device_is_refused_when_read(tmp_path: Path) -> None:
    linter = Linter(Options())
    result = linter.lint_path("/dev/zero")
    assert [p.message for p in result.problems] == [
        "is a character device, not a regular file; skipped"
    ]


def test_directory_named_like_a_draft_is_reported(tmp_path: Path) -> None:
    # It was an error counted as "1 file could not be linted" (exit 2): no file was
    # unlinted, an empty folder has nothing to lint. Said, as for any empty folder.
    (tmp_path / "draft.md").mkdir()
    done = run_cli("draft.md", cwd=tmp_path, env=OFF)
    assert (
        "newslint: note: draft.md: is a folder, not a draft, and holds no Markdown files; "
        "none linted\n"
    ) in done.stderr
    assert "error" not in done.stderr
    assert done.stdout == "No findings in 0 files.\n"
    assert done.returncode == 0
    (tmp_path / "empty").mkdir()
    done = run_cli("empty", cwd=tmp_path, env=OFF)
    assert "empty: folder holds no Markdown files" in done.stderr


# --- 13: validation ------------------------------------------------------------------------


@pytest.mark.parametrize("value", [".inf", ".nan", "-1", "0", "-.inf"])
def test_bad_max_file_mb_is_a_config_error(tmp_path: Path, value: str) -> None:
    (tmp_path / ".newslint.yml").write_text(f"fail_on: error\nmax_file_mb: {value}\n", "utf-8")
    (tmp_path / "d.md").write_text("A line.\n", encoding="utf-8")
    done = run_cli("d.md", cwd=tmp_path, env=OFF)
    assert done.returncode == 2
    assert ".newslint.yml:2: error: max_file_mb must be a positive number of megabytes" in (
        done.stderr
    )
    assert "internal error" not in done.stderr


def test_fractional_max_file_mb_limits_size(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yml").write_text("max_file_mb: 0.5\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("Words here. " * 50_000, encoding="utf-8")
    done = run_cli("d.md", cwd=tmp_path, env=OFF)
    assert "d.md: error: file is 0.6 MB, over the 0.5 MB limit" in done.stderr
    assert done.returncode == 2


@pytest.mark.parametrize(
    "message,complaint",
    [
        ("'{'", "message is not a valid template"),
        ("'{0} is bad'", "message placeholder {0} is not one newslint fills in"),
        ("'{nonsense}'", "message placeholder {nonsense} is not one newslint fills in"),
        (
            "'{match.__class__.__mro__}'",
            "message placeholder {match.__class__.__mro__} is not one newslint fills in",
        ),
        ("'{match!r}'", "message placeholder {match!r} is not one newslint fills in"),
    ],
)
def test_bad_message_placeholders_are_refused_at_load(
    tmp_path: Path, message: str, complaint: str
) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yml").write_text(
        "pack: house\nrules:\n  - id: style.bad\n    kind: existence\n"
        f"    description: d\n    message: {message}\n    words: [iconic]\n",
        encoding="utf-8",
    )
    (tmp_path / ".newslint.yml").write_text("extra_rules: rules\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("An iconic film.\n", encoding="utf-8")
    done = run_cli("d.md", cwd=tmp_path, env=OFF)
    assert done.returncode == 2
    assert f"house.yml:6: error: rules[0] (style.bad).message: {complaint}" in done.stderr
    assert "__mro__" not in done.stdout
    assert "<class" not in done.stdout + done.stderr


def test_placeholders_are_those_of_the_rule_s_kind(tmp_path: Path) -> None:
    """{other_line} is the facts kind's; an existence rule cannot use it."""
    from newslint.packs import load_packs

    pack = tmp_path / "house.yml"
    pack.write_text(
        "pack: house\nfamilies: [facts]\nrules:\n"
        "  - id: facts.house-count\n    kind: facts\n    check: counts\n"
        "    description: d\n    message: '{match} disagrees with line {other_line}'\n"
        "  - id: style.bad\n    kind: existence\n"
        "    description: d\n    message: 'see line {other_line}'\n    words: [iconic]\n",
        encoding="utf-8",
    )
    errors = load_packs([pack]).errors
    assert [(e.line, "{other_line} is not one newslint fills in" in e.message) for e in errors] == [
        (12, True)
    ]


def test_a_literal_brace_in_a_message_is_written_doubled(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yml").write_text(
        "pack: house\nrules:\n  - id: style.braced\n    kind: existence\n"
        "    description: d\n    message: '{{house}} “{match}”'\n    words: [iconic]\n",
        encoding="utf-8",
    )
    (tmp_path / ".newslint.yml").write_text("extra_rules: rules\n", encoding="utf-8")
    findings = lint_text("An iconic film.\n", path=str(tmp_path / "d.md"), select=("style",))
    assert [f.message for f in findings if f.rule == "style.braced"] == ["{house} “iconic”"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Suleimani met officials.\n"
    bom = b"\xfe\xff" if encoding == "utf-16-be" else b""
    (tmp_path / "d.md").write_bytes(bom + text.encode(encoding))
    done = run_cli("--select", "names", "d.md", cwd=tmp_path, env=OFF)
    assert "d.md:1:1: error: “Suleimani” is not the house spelling" in done.stdout
    assert "binary" not in done.stderr


def test_utf16_is_not_rewritten_by_fix(tmp_path: Path) -> None:
    data = "Suleimani met officials.\n".encode("utf-16")
    (tmp_path / "d.md").write_bytes(data)
    done = run_cli("--fix", "--select", "names", "d.md", cwd=tmp_path, env=OFF)
    assert "is UTF-16; --fix writes only UTF-8 files" in done.stderr
    assert (tmp_path / "d.md").read_bytes() == data


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_named(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "d.md").write_bytes("Plain words here.\n".encode(encoding))
    done = run_cli("d.md", cwd=tmp_path, env=OFF)
    assert done.stderr == (
        "d.md: error: looks like UTF-16 without a byte-order mark; save the file as UTF-8\n"
    )
    assert done.returncode == 2


def test_a_program_saved_as_md_is_binary_not_utf16(tmp_path: Path) -> None:
    # The head of a real executable: NULs in odd and even bytes alike, which
    # was once reported as "looks like UTF-16 without a byte-order mark".
    with open(sys.executable, "rb") as program:
        (tmp_path / "a.md").write_bytes(program.read(4096))
    (tmp_path / "b.md").write_text("Plain words.\n", encoding="utf-8")
    done = run_cli("a.md", "b.md", cwd=tmp_path, env=OFF)
    assert done.stderr.splitlines()[0] == (
        "a.md: error: looks like a binary file (contains NUL bytes); not linted"
    )
    assert "UTF-16" not in done.stderr
    assert done.stdout == "No findings in 1 file; 1 file could not be linted.\n"
    assert done.returncode == 2


def test_nul_after_the_first_8_kb_is_caught(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_bytes(b"Words here.\n" * 1000 + b"\0tail\n")
    done = run_cli("d.md", cwd=tmp_path, env=OFF)
    assert "d.md:1001: error: looks like a binary file (contains NUL bytes)" in done.stderr
    assert done.returncode == 2


def test_a_file_not_linted_does_not_count_as_clean(tmp_path: Path) -> None:
    (tmp_path / "bin.md").write_bytes(b"\0\1\2")
    (tmp_path / "d.md").write_text("Plain words.\n", encoding="utf-8")
    done = run_cli("bin.md", cwd=tmp_path, env=OFF)
    # "No findings in 0 files." alone read as a pass for a draft never read.
    assert done.stdout == "No findings in 0 files; 1 file could not be linted.\n"
    done = run_cli("bin.md", "d.md", cwd=tmp_path, env=OFF)
    assert done.stdout == "No findings in 1 file; 1 file could not be linted.\n"
    for fmt in ("pretty", "text"):  # pretty is the whole-report path, text the streamed one
        done = run_cli("--format", fmt, "--no-color", "bin.md", "d.md", cwd=tmp_path, env=OFF)
        assert done.stdout.splitlines()[-1].endswith("; 1 file could not be linted.")
        assert done.returncode == 2


def test_newline_in_a_file_name_is_escaped_in_text_format(tmp_path: Path) -> None:
    name = "two\nlines\x1b.md"
    (tmp_path / name).write_text("Suleimani met.\n", encoding="utf-8")
    done = run_cli("--select", "names", "--format", "text", name, cwd=tmp_path, env=OFF)
    first = done.stdout.splitlines()[0]
    assert first.startswith("two\\nlines\\x1b.md:1:1: error: “Suleimani”")
    assert str(FileProblem("a\nb.md", "bad")) == "a\\nb.md: error: bad"
    assert escape_path("plain é.md") == "plain é.md"


def test_windows_1252_is_named_with_its_character_at_a_character_column(tmp_path: Path) -> None:
    # Word's curly quote after "Café ": it was "byte 0x93 at column 7", a byte
    # count no editor's column matches and a byte no editor knows by number.
    (tmp_path / "d.md").write_bytes("Café ".encode() + b"\x93storied\x94 work.\n")
    done = run_cli("d.md", cwd=tmp_path, env=OFF)
    assert done.stderr == (
        "d.md:1: error: not valid UTF-8 (byte 0x93 at column 6: '“' in Windows-1252); "
        "save the file as UTF-8\n"
    )
    assert done.returncode == 2
