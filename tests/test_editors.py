"""examples/editors: Vim's errorformat, VS Code's problem matcher and Emacs's
compilation regexp all read newslint's real text output."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, house_config, run_cli

EDITORS = ROOT / "examples" / "editors"
DRAFT = (
    "# Notes from Hamedan\n"
    "\n"
    "The minister said the plan was in order to win.\n"
    "\n"
    "“We met in Hamedan,” he said, calling it historic.\n"
)
# (file, line, column, level, message, rule) of each finding, as editors should read them.
EXPECTED = [
    (
        "draft.md",
        1,
        14,
        "error",
        "“Hamedan” is not the house spelling; use “Hamadan”",
        "names.house-list",
    ),
    ("draft.md", 3, 32, "suggestion", "“in order to” is wordy; “to” says the same", "style.wordy"),
    (
        "draft.md",
        5,
        12,
        "suggestion",
        "“Hamedan” is not the house spelling; use “Hamadan” (inside a quotation: the "
        "source's spelling; keep it, add [sic] or note it)",
        "names.house-list",
    ),
    (
        "draft.md",
        5,
        42,
        "warning",
        "“historic” is puffery: show what earned it, or attribute it",
        "loaded.puffery",
    ),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The text format's lines for a draft with an error, a warning and suggestions."""
    folder = tmp_path_factory.mktemp("editor")
    house_config(folder)  # the starter house list of names: Hamedan → Hamadan
    (folder / "draft.md").write_text(DRAFT, encoding="utf-8")
    done = run_cli("--select", "names,style,loaded", "draft.md", cwd=folder)
    lines = done.stdout.splitlines()
    assert len(lines) == len(EXPECTED) + 1  # and the summary line
    return folder, lines


def vim_setting(name: str) -> str:
    text = (EDITORS / "vim" / "newslint.vim").read_text(encoding="utf-8")
    match = re.search(rf"^CompilerSet {name}=(.*)$", text, re.MULTILINE)
    assert match is not None
    return match.group(1)


def errorformat_to_regex(pattern: str) -> re.Pattern[str]:
    """Vim errorformat items used by our compiler plugin, as a Python regex."""
    tokens = {
        "%f": r"(?P<file>.+?)",
        "%l": r"(?P<line>\d+)",
        "%c": r"(?P<col>\d+)",
        "%t": r"(?P<type>.)",
        "%m": r"(?P<message>.+)",
        "%.%#": r".*",
    }
    out, at = "", 0
    while at < len(pattern):
        for token, regex in tokens.items():
            if pattern.startswith(token, at):
                out += regex
                at += len(token)
                break
        else:
            char = pattern[at + 1] if pattern[at] == "\\" else pattern[at]
            at += 2 if pattern[at] == "\\" else 1
            out += re.escape(char)
    return re.compile(out + "$")


def test_vim_errorformat_reads_every_finding(output: tuple[Path, list[str]]) -> None:
    _, lines = output
    items = re.split(r"(?<!\\),", vim_setting("errorformat"))
    assert items[-1] == "%-G%.%#"  # everything else (the summary) is ignored
    patterns = [errorformat_to_regex(item) for item in items[:-1]]
    for line, (path, number, column, level, message, rule) in zip(lines, EXPECTED, strict=False):
        matches = [m for m in (p.match(line) for p in patterns) if m]
        assert matches, line
        first = matches[0]  # Vim uses the first pattern that matches
        assert (first["file"], int(first["line"]), int(first["col"])) == (path, number, column)
        assert first["message"] == f"{message} [{rule}]"
        if level == "suggestion":
            assert "type" not in first.groupdict() or first.groupdict()["type"] is None
        else:
            assert first["type"] == level[0]


def test_vim_makeprg_runs_the_text_format_quietly() -> None:
    makeprg = vim_setting("makeprg").replace("\\ ", " ")
    assert makeprg.startswith("newslint --format text --quiet --no-color --columns bytes")


@pytest.mark.skipif(shutil.which("vim") is None, reason="vim is not installed")
def test_real_vim_fills_the_quickfix_list(output: tuple[Path, list[str]], tmp_path: Path) -> None:
    folder, lines = output
    (tmp_path / "compiler").mkdir()
    shutil.copy(EDITORS / "vim" / "newslint.vim", tmp_path / "compiler" / "newslint.vim")
    report = tmp_path / "report.txt"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = tmp_path / "quickfix.txt"
    listing = (
        "call writefile(map(getqflist(), {_, e -> printf('%s|%d|%d|%s|%s', "
        "bufname(e.bufnr), e.lnum, e.col, e.type, e.text)}), '" + str(result) + "')"
    )
    subprocess.run(
        [
            "vim", "-N", "-u", "NONE", "-i", "NONE", "-es",
            "-c", f"set rtp^={tmp_path}",
            "-c", "set encoding=utf-8",
            "-c", "compiler newslint",
            "-c", f"cgetfile {report}",
            "-c", listing,
            "-c", "qa!",
        ],
        cwd=folder,
        check=False,
        timeout=60,
    )  # fmt: skip
    rows = result.read_text(encoding="utf-8").splitlines()
    assert rows == [
        f"{path}|{number}|{column}|{level[0] if level != 'suggestion' else ''}|{message} [{rule}]"
        for path, number, column, level, message, rule in EXPECTED
    ]


# Curly quotes, an apostrophe, an emoji and a tab before the flagged words:
# each shifts a byte or screen column away from a character column.
CURSOR_DRAFT = (
    "# The club’s 🎉 storied night was historic\n"
    "\n"
    "Fans’ “chants” rang 🎉🎉 and the\tmood was furious, the club said.\n"
)
CURSOR_WORDS = ["storied", "historic", "furious"]


# Vim and Neovim, each in silent batch mode with no user configuration.
VIMS = {
    "vim": ["vim", "-N", "-u", "NONE", "-i", "NONE", "-es"],
    "nvim": ["nvim", "--headless", "-u", "NONE", "-i", "NONE"],
}


@pytest.mark.parametrize("program", sorted(VIMS))
def test_real_vim_make_puts_the_cursor_on_the_flagged_word(program: str, tmp_path: Path) -> None:
    """:make runs newslint for real; each quickfix entry lands on its word."""
    if shutil.which(program) is None:
        pytest.skip(f"{program} is not installed (scripts/setup installs it)")
    (tmp_path / "compiler").mkdir()
    shutil.copy(EDITORS / "vim" / "newslint.vim", tmp_path / "compiler" / "newslint.vim")
    (tmp_path / "draft.md").write_text(CURSOR_DRAFT, encoding="utf-8")
    result = tmp_path / "words.txt"
    walk = (
        "let words = [] | "
        "for n in range(1, len(getqflist())) | "
        "execute 'cc' n | call add(words, expand('<cword>')) | endfor | "
        f"call writefile(words, '{result}')"
    )
    bin_dir = str(Path(sys.executable).parent)
    subprocess.run(
        [
            *VIMS[program],
            "-c", f"set rtp^={tmp_path}",
            "-c", "set encoding=utf-8",
            "-c", "compiler newslint",
            "-c", "silent make --select loaded",
            "-c", walk,
            "-c", "qa!",
            "draft.md",
        ],
        cwd=tmp_path,
        env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "NO_COLOR": "1"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
        timeout=120,
    )  # fmt: skip
    assert result.read_text(encoding="utf-8").splitlines() == CURSOR_WORDS


def test_vscode_problem_matchers_read_every_finding(output: tuple[Path, list[str]]) -> None:
    _, lines = output
    tasks = json.loads((EDITORS / "vscode" / "tasks.json").read_text(encoding="utf-8"))["tasks"]
    assert [t["command"] for t in tasks] == ["newslint", "newslint"]
    for task in tasks:
        assert task["args"][:4] == ["--format", "text", "--quiet", "--no-color"]
        matchers = task["problemMatcher"]
        for line, (path, number, column, level, message, rule) in zip(
            lines, EXPECTED, strict=False
        ):
            hits = [(m, re.match(m["pattern"]["regexp"], line)) for m in matchers]
            hits = [(m, found) for m, found in hits if found]
            assert len(hits) == 1, line  # exactly one matcher claims each finding
            matcher, found = hits[0]
            pattern = matcher["pattern"]
            assert found.group(pattern["file"]) == path
            assert int(found.group(pattern["line"])) == number
            assert int(found.group(pattern["column"])) == column
            assert found.group(pattern["message"]) == message
            assert found.group(pattern["code"]) == rule
            severity = found.group(pattern["severity"]) if "severity" in pattern else None
            assert (severity or matcher["severity"]) == {"suggestion": "info"}.get(level, level)
        assert not any(re.match(m["pattern"]["regexp"], lines[-1]) for m in matchers)


def emacs_regex() -> re.Pattern[str]:
    text = (EDITORS / "emacs" / "newslint.el").read_text(encoding="utf-8")
    match = re.search(r"'\(newslint\s+\"((?:[^\"\\]|\\.)*)\"\s+1 2 3 \(5 \. 6\)\)", text)
    assert match is not None
    elisp = match.group(1).replace("\\\\", "\\")  # the Lisp string's own escaping
    # Emacs regexp syntax → Python: \( \) \| are groups and alternation.
    python = elisp.replace("\\(?:", "(?:").replace("\\(", "(").replace("\\)", ")")
    return re.compile(python.replace("\\|", "|").replace("\\n", "\n"))


def test_emacs_compilation_regexp_reads_levels(output: tuple[Path, list[str]]) -> None:
    _, lines = output
    regex = emacs_regex()
    for line, (path, number, column, level, _, _) in zip(lines, EXPECTED, strict=False):
        found = regex.match(line)
        assert found is not None, line
        assert (found.group(1), int(found.group(2)), int(found.group(3))) == (path, number, column)
        # TYPE (5 . 6): group 5 makes a warning, group 6 an info, otherwise an error.
        kind = "warning" if found.group(5) else "suggestion" if found.group(6) else "error"
        assert kind == level
    assert regex.match(lines[-1]) is None


def emacs_words(folder: Path, report: Path, mode: str, count: int) -> list[str]:
    """The word at point after each `next-error' in a real Emacs, in compilation ``mode``."""
    program = f"""
(progn
  (load-file "{EDITORS / "emacs" / "newslint.el"}")
  (with-current-buffer (get-buffer-create "*newslint*")
    (setq default-directory "{folder}/")
    ;; As `compile' does: a header line, so the first finding is not at point-min.
    (insert "newslint\\n")
    (insert-file-contents "{report}")
    ({mode})
    (setq next-error-last-buffer (current-buffer)))
  (let (words)
    (dotimes (_ {count})
      (next-error)
      ;; next-error moves point in the draft's buffer; in batch it stays current elsewhere.
      (push (with-current-buffer (get-file-buffer "{folder / "draft.md"}") (current-word)) words))
    (princ (mapconcat #'identity (nreverse words) "\\n"))))
"""
    done = subprocess.run(
        ["emacs", "-Q", "--batch", "--eval", program],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.skipif(shutil.which("emacs") is None, reason="emacs is not installed")
def test_real_emacs_puts_point_on_the_flagged_word(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text(CURSOR_DRAFT, encoding="utf-8")
    done = run_cli("--format", "text", "--quiet", "--select", "loaded", "draft.md", cwd=tmp_path)
    report = tmp_path / "report.txt"
    report.write_text(done.stdout, encoding="utf-8")
    words = emacs_words(tmp_path, report, "newslint-compilation-mode", len(CURSOR_WORDS))
    assert words == CURSOR_WORDS
    # Plain compilation mode counts screen columns: the tab and emoji throw it off.
    assert emacs_words(tmp_path, report, "compilation-mode", len(CURSOR_WORDS)) != CURSOR_WORDS


def test_byte_columns_count_what_precedes_the_word_in_utf8(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text(CURSOR_DRAFT, encoding="utf-8")
    args = ("--format", "text", "--quiet", "--select", "loaded", "draft.md")
    characters = run_cli(*args, cwd=tmp_path).stdout.splitlines()
    in_bytes = run_cli("--columns", "bytes", *args, cwd=tmp_path).stdout.splitlines()
    columns = [line.split(":")[1:3] for line in in_bytes]
    lines = CURSOR_DRAFT.splitlines()
    for (line, column), word in zip(columns, CURSOR_WORDS, strict=True):
        encoded = lines[int(line) - 1].encode("utf-8")
        assert encoded[int(column) - 1 :].startswith(word.encode("utf-8"))
    assert [c.split(":")[2] for c in characters] == ["16", "34", "41"]
    refused = run_cli("--columns", "bytes", "--format", "pretty", "draft.md", cwd=tmp_path)
    assert refused.returncode == 2
    assert "--columns bytes does not go with --format pretty" in refused.stderr
