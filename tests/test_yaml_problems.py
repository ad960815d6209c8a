"""YAML mistakes an editor makes, told in an editor's words, at their line."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

LT_OFF = ("--ignore", "spelling,grammar,typography")
TAB = "a tab at column 1; YAML indents with spaces, never tabs"
COLON = (
    "a second ':' at column 14; put a value that holds a colon in quotes "
    '(title: "Strike: what we know")'
)


def test_a_tab_in_the_config(tmp_path: Path) -> None:
    # libyaml said "found character that cannot start any token", the tab unseen.
    (tmp_path / ".newslint.yml").write_text("fail_on: warning\nrules:\n\tloaded: off\n")
    (tmp_path / "d.md").write_text("A storied career.\n")
    done = run_cli("d.md", *LT_OFF, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"newslint: {tmp_path / '.newslint.yml'}:3: error: invalid YAML: {TAB}\n"


def test_a_tab_and_a_headline_colon_in_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\nnewslint:\n\trules: {loaded: off}\n---\nA storied career.\n"
    )
    # "mapping values are not allowed in this context"
    (tmp_path / "b.md").write_text(
        "---\ntitle: Strike: Baghdad\nnewslint: {fail_on: warning}\n---\nA storied career.\n"
    )
    done = run_cli("a.md", "b.md", *LT_OFF, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"a.md:3: error: front matter: {TAB}",
        f"b.md:2: error: front matter: {COLON}",
    ]


def test_front_matter_never_closed(tmp_path: Path) -> None:
    # Markdown read it as text: the options were dropped without a word, and
    # "newslint" came back as a typo on line 2.
    (tmp_path / "a.md").write_text(
        "---\ntitle: x\nnewslint:\n  rules: {loaded: off}\n\nA storied career.\n"
    )
    # A rule, then a paragraph that happens to start so: no front matter meant.
    (tmp_path / "b.md").write_text("---\n\nnewslint: our tool.\n")
    done = run_cli("a.md", "b.md", "--select", "loaded", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        "a.md:1: error: front matter: opened with '---' but never closed by a '---' line; "
        "its newslint: options unread\n"
    )
    assert "a.md:6:3: warning: “storied” is puffery" in done.stdout


def test_hugo_toml_front_matter_is_not_prose(tmp_path: Path) -> None:
    # Its title line was linted: "quotation with no speaker (“The storied career…”)".
    (tmp_path / "d.md").write_text(
        '+++\ntitle = "The storied career of a legendary spy"\ndate = 2020-01-03\n+++\n\n'
        "A storied career.\n"
    )
    done = run_cli("d.md", "--select", "loaded,attribution", cwd=tmp_path)
    assert done.stdout.splitlines() == [
        "d.md:6:3: warning: “storied” is puffery: show what earned it, or attribute it "
        "[loaded.puffery]",
        "1 finding (1 warning) in 1 of 1 file.",
    ]
