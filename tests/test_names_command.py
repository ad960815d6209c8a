"""``newslint names``: a repository's names spelt more than one way, and house-list proposals."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from newslint.packs import builtin_rules_dir, load_packs
from tests.conftest import house_config, lint_text, refuse_listing, run_cli

DRAFTS = {
    "desk/a.md": "# Talks\n\nForeign minister Ali Rahimi met Javad Zarif. Rahimi smiled.\n",
    "desk/b.md": "# More talks\n\nAli Rahimi flew to Geneva.\n",
    "desk/c.md": "# Still talking\n\nAli Rahimi said the talks would go on.\n",
    "desk/d.md": "# Odd\n\nThe envoy met Rahimy in Geneva.\n",
    "world/e.md": "# Libya\n\nQadhafi ruled Libya. Qadhafi fell.\n",
    "world/f.md": "# Libya again\n\nGaddafi ruled Libya for 42 years.\n",
    "world/g.md": "# Quoted\n\n> Rahimy, the envoy, said no.\n",
}


def repository(tmp_path: Path, house: bool = True) -> Path:
    """The drafts, in a newsroom that keeps the starter house list unless ``house`` is off."""
    root = tmp_path / "newsroom"
    for name, text in DRAFTS.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if house:
        house_config(root)
    return root


def test_listing_groups_spellings_with_counts_and_drafts(tmp_path: Path) -> None:
    root = repository(tmp_path)
    done = run_cli("names", ".", cwd=root)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "Rahimi: 2 spellings, 6 uses in 5 drafts\n"
        "  Rahimi  4 uses in 3 drafts: desk/a.md, desk/b.md, desk/c.md\n"
        "  Rahimy  2 uses, 1 quoted in 2 drafts: desk/d.md, world/g.md\n"
        "\n"
        "Gaddafi: 2 spellings, 3 uses in 2 drafts [house list]\n"
        "  Qadhafi  2 uses in 1 draft: world/e.md\n"
        "  Gaddafi  1 use in 1 draft: world/f.md\n"
        "\n"
        "2 names spelt more than one way (4 spellings).\n"
    )
    assert "7 drafts" in done.stderr and "(7 read, 0 from the index)" in done.stderr


def test_without_a_house_list_the_most_used_spelling_leads(tmp_path: Path) -> None:
    root = repository(tmp_path, house=False)
    done = run_cli("names", ".", cwd=root)
    assert done.returncode == 0, done.stderr
    assert (
        "Qadhafi: 2 spellings, 3 uses in 2 drafts\n"
        "  Qadhafi  2 uses in 1 draft: world/e.md\n"
        "  Gaddafi  1 use in 1 draft: world/f.md\n"
    ) in done.stdout
    assert "[house list]" not in done.stdout


def test_a_second_run_reads_only_what_changed(tmp_path: Path) -> None:
    root = repository(tmp_path)
    first = run_cli("names", ".", cwd=root)
    again = run_cli("names", ".", cwd=root)
    assert again.stdout == first.stdout
    assert "(0 read, 7 from the index)" in again.stderr
    (root / "desk" / "d.md").write_text("# Odd\n\nThe envoy met Rahimi.\n", encoding="utf-8")
    (root / "world" / "g.md").unlink()
    changed = run_cli("names", ".", cwd=root)
    assert "6 drafts" in changed.stderr and "(1 read, 5 from the index)" in changed.stderr
    assert "Rahimy" not in changed.stdout


def test_max_files_shortens_the_list_of_drafts(tmp_path: Path) -> None:
    root = repository(tmp_path, house=False)
    done = run_cli("names", "desk", "--max-files", "1", cwd=root)
    # Outside git and with no config, the folder given is the repository.
    assert done.stdout == (
        "Rahimi: 2 spellings, 5 uses in 4 drafts\n"
        "  Rahimi  4 uses in 3 drafts: a.md, … 2 more\n"
        "  Rahimy  1 use in 1 draft: d.md\n"
        "\n"
        "1 name spelt more than one way (2 spellings).\n"
    )


def test_write_proposes_house_list_entries_that_load(tmp_path: Path) -> None:
    root = repository(tmp_path)
    proposal = tmp_path / "proposal.yml"
    done = run_cli("names", ".", "--write", str(proposal), cwd=root)
    assert done.returncode == 0, done.stderr
    assert "Rahimi: 2 spellings" in done.stdout  # the listing is still printed
    text = proposal.read_text(encoding="utf-8")
    assert (
        "# Qadhafi: 2 uses in 1 draft (world/e.md); Gaddafi: 1 use in 1 draft (world/f.md)\n"
        "Qadhafi: Gaddafi\n"
    ) in text
    assert (
        "# Rahimy: 2 uses in 2 drafts (desk/d.md, world/g.md); "
        "Rahimi: 4 uses in 3 drafts (desk/a.md, desk/b.md, desk/c.md)\n"
        "Rahimy: Rahimi\n"
    ) in text
    assert yaml.safe_load(text) == {"Qadhafi": "Gaddafi", "Rahimy": "Rahimi"}

    # Named in .newslint.yml, the proposal is the newsroom's house list.
    config = tmp_path / ".newslint.yml"
    config.write_text(f"names:\n  house_list: {proposal.name}\n", encoding="utf-8")
    assert load_packs([builtin_rules_dir() / "names.yml"], house_list=proposal).errors == []
    findings = lint_text("Rahimy spoke.\n", config=str(config), select=("names.house-list",))
    assert [(f.column, f.suggestion) for f in findings] == [(1, "Rahimi")]


def test_write_never_overwrites_a_reviewed_list(tmp_path: Path) -> None:
    # The README's workflow is write, review, delete entries, keep: a second
    # run wrote over the reviewed list without a word.
    root = repository(tmp_path)
    reviewed = tmp_path / "names.yml"
    reviewed.write_text("# reviewed by the desk\nRahimy: Rahimi\n", encoding="utf-8")
    done = run_cli("names", ".", "--write", str(reviewed), cwd=root)
    assert done.returncode == 2
    assert done.stderr.endswith(
        f"newslint names: error: {reviewed} already exists (a house list you may have edited); "
        "not overwritten: write to a new file, or delete it first\n"
    )
    assert reviewed.read_text(encoding="utf-8") == "# reviewed by the desk\nRahimy: Rahimi\n"


def test_write_to_standard_output_prints_only_the_yaml(tmp_path: Path) -> None:
    root = repository(tmp_path)
    done = run_cli("names", ".", "--write", "-", cwd=root)
    assert done.stdout.startswith("# A house list of names proposed by `newslint names` from 7 ")
    assert yaml.safe_load(done.stdout) == {"Qadhafi": "Gaddafi", "Rahimy": "Rahimi"}


def test_names_that_need_quoting_in_yaml_stay_strings(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    for n in range(3):
        (root / f"{n}.md").write_text("Soldiers of Kataib Hezbollah marched.\n", "utf-8")
    (root / "odd.md").write_text("Soldiers of Kata'ib Hezbollah marched.\n", "utf-8")
    done = run_cli("names", ".", "--write", "-", cwd=root)
    assert yaml.safe_load(done.stdout) == {"Kata'ib": "Kataib"}


def test_nothing_to_report_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Soleimani spoke.\n", encoding="utf-8")
    done = run_cli("names", str(tmp_path))
    assert done.stdout == "No name is spelt more than one way.\n"
    missing = run_cli("names", str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert "no such file or folder" in missing.stderr


def test_unreadable_drafts_are_named_on_every_run(tmp_path: Path) -> None:
    # They used to count as drafts with no names: no word on stderr, exit 0.
    root = repository(tmp_path)
    (root / "desk" / "bin.md").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 40)
    (root / "world" / "latin1.md").write_bytes(
        "# Libya\n\nQadhafi fell. Caf\u00e9.\n".encode("latin-1")
    )
    (root / "world" / "empty.md").write_text("", encoding="utf-8")
    os.mkfifo(root / "desk" / "pipe.md")  # skipped, as linting skips it: no draft, no error
    first = run_cli("names", ".", cwd=root)
    again = run_cli("names", ".", cwd=root)
    for done in (first, again):
        assert done.returncode == 2
        assert done.stderr.splitlines()[1:] == [
            "desk/bin.md: error: looks like a binary file (contains NUL bytes); not linted",
            "world/latin1.md:3: error: not valid UTF-8"
            " (byte 0xe9 at column 18: 'é' in Windows-1252); "
            "save the file as UTF-8",
        ]
        assert "Rahimi: 2 spellings, 6 uses in 5 drafts\n" in done.stdout
    assert "10 drafts" in again.stderr and "(0 read, 10 from the index)" in again.stderr


def test_dangling_links_and_unlistable_folders_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Both were passed over without a word, and the run exited 0.
    from newslint.names.command import main

    root = repository(tmp_path)
    (root / "desk" / "gone.md").symlink_to("nowhere.md")
    (root / "world" / "locked").mkdir()
    (root / "world" / "locked" / "h.md").write_text("Gadafi spoke.\n", encoding="utf-8")
    refuse_listing(monkeypatch)
    monkeypatch.chdir(root)
    code = main(["."])
    err = capsys.readouterr().err
    assert err.splitlines()[1:] == [
        "desk/gone.md: error: is a symbolic link to 'nowhere.md', which does not exist",
        "world/locked: error: folder cannot be read (Permission denied); its drafts are not linted",
    ]
    assert code == 2


def test_max_file_mb_is_the_limit_names_reads_drafts_under(tmp_path: Path) -> None:
    # The too-big message says "set max_file_mb"; names used to read every draft under
    # 10 MB whatever the setting, and keep one it could not read as a draft with no names.
    root = repository(tmp_path, house=False)
    big = "# Long\n\n" + "Ali Rahimi met Javad Zarif in Geneva. " * 40 + "\n"  # 1,529 bytes
    (root / "desk" / "long.md").write_text(big, encoding="utf-8")
    (root / ".newslint.yml").write_text("max_file_mb: 0.001\n", encoding="utf-8")  # 1,048 bytes
    linted = run_cli("desk/long.md", cwd=root)
    for done in (run_cli("names", ".", cwd=root), run_cli("names", ".", cwd=root)):
        assert done.returncode == 2
        problem = done.stderr.splitlines()[1]
        assert problem == linted.stderr.splitlines()[0]
        assert problem.startswith("desk/long.md: error: file is 0.0 MB, over the 0.000999 MB")
        assert "(set max_file_mb in .newslint.yml to lint it)" in problem
        assert "8 drafts" in done.stderr and "1 over max_file_mb" in done.stderr
        assert "Rahimi  4 uses in 3 drafts: desk/a.md, desk/b.md, desk/c.md\n" in done.stdout
    # Doing as the message says reads it, though the draft itself has not changed.
    (root / ".newslint.yml").write_text("max_file_mb: 1\n", encoding="utf-8")
    raised = run_cli("names", ".", cwd=root)
    assert raised.returncode == 0, raised.stderr
    assert "(1 read, 7 from the index)" in raised.stderr
    assert (
        "  Rahimi  44 uses in 4 drafts: desk/a.md, desk/b.md, desk/c.md, desk/long.md\n"
    ) in raised.stdout
