"""Broken rule files: clear errors with file, line and key; other packs still load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newslint.kinds import KINDS
from newslint.packs import load_packs

GOOD_PACK = """pack: house
rules:
  - id: style.house-words
    kind: existence
    description: House words.
    message: "avoid {match}"
    words: [synergy]
"""


def errors_for(tmp_path: Path, text: str) -> list[str]:
    broken = tmp_path / "broken.yml"
    broken.write_text(text, encoding="utf-8")
    good = tmp_path / "good.yml"
    good.write_text(GOOD_PACK, encoding="utf-8")
    loaded = load_packs([broken, good])
    assert "style.house-words" in loaded.rules  # the other pack is unharmed
    return [str(e).replace(str(tmp_path) + "/", "") for e in loaded.errors]


def rule(body: str) -> str:
    return "pack: p\nrules:\n  - id: style.x\n    description: d\n    message: m\n" + body


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            rule("    kind: existence\n    wrods: [a]\n"),
            "broken.yml:7: error: rules[0] (style.x): unknown key 'wrods'; did you mean 'words'?",
        ),
        (
            rule("    kind: existance\n    words: [a]\n"),
            "broken.yml:6: error: rules[0] (style.x): unknown kind 'existance'; did you mean "
            f"'existence'?; use one of: {', '.join(KINDS)}",
        ),
        (
            rule("    kind: existence\n    severity: fatal\n    words: [a]\n"),
            "broken.yml:7: error: rules[0] (style.x): unknown severity 'fatal'; use one of: "
            "error, warning, suggestion",
        ),
        (
            rule("    kind: existence\n    words: storied\n"),
            "broken.yml:7: error: rules[0] (style.x): 'words' must be a list, got a string",
        ),
        (
            rule("    kind: existence\n    patterns: ['(\\w+\\s?)+$']\n"),
            "broken.yml:7: error: rules[0].patterns: pattern '(\\\\w+\\\\s?)+$' repeats a group "
            "that itself repeats, which can backtrack for ever; rewrite it without the nested "
            "repeat",
        ),
        (
            "pack: p\nrules:\n  - id: style.x\n    kind: existence\n  words: [a\n",
            "broken.yml:5: error: invalid YAML: did not find expected '-' indicator",
        ),
        (
            "pack: p\nrules:\n  - id: Bad Id\n    kind: existence\n    description: d\n"
            "    message: m\n    words: [a]\n",
            "broken.yml:3: error: rules[0] (Bad Id): rule id 'Bad Id' must be family.name in "
            "lower-case kebab-case",
        ),
        (
            "pack: p\nrules:\n  - id: loaded.x\n    kind: existence\n    words: [a]\n",
            "broken.yml:3: error: rules[0] (loaded.x): missing required key 'message'",
        ),
    ],
)
def test_broken_rule_is_reported_precisely(tmp_path: Path, body: str, expected: str) -> None:
    assert errors_for(tmp_path, body)[0] == expected


def test_one_broken_rule_keeps_the_rest_of_its_pack(tmp_path: Path) -> None:
    text = rule("    kind: existence\n    wrods: [a]\n") + (
        "  - id: style.y\n    kind: existence\n    description: d\n    message: m\n    words: [b]\n"
    )
    path = tmp_path / "p.yml"
    path.write_text(text, encoding="utf-8")
    loaded = load_packs([path])
    assert list(loaded.rules) == ["style.y"] and len(loaded.errors) == 1


def test_runaway_pattern_is_stopped_at_run_time(tmp_path: Path) -> None:
    """A pattern that slips past the load-time check is cut off by the time limit."""
    from newslint.linter import Linter, Options
    from newslint.reading import SourceText

    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "slow.yml").write_text(
        rule("    kind: existence\n    patterns: ['(a|aa)+$']\n"), encoding="utf-8"
    )
    (tmp_path / ".newslint.yml").write_text("extra_rules: [rules]\n", encoding="utf-8")
    linter = Linter(Options(select=("style.x", "loaded.puffery")))
    draft = str(tmp_path / "d.md")
    result = linter.lint_source(
        SourceText(draft, "a" * 60 + "!\n\nA storied run.\n", "\n"), linter.setup_for(draft)
    )
    # One notice, not a failed file: the other rules' findings stand.
    assert result.problems == []
    assert result.notices == [
        f"{draft}: rule style.x stopped: pattern '(a|aa)+$' took over 0.25 s and was "
        "stopped; simplify it (avoid nested or overlapping repeats)"
    ]
    assert [f.rule for f in result.findings] == ["loaded.puffery"]


def test_a_bounded_pattern_runs_without_a_time_limit_and_flags_the_same(tmp_path: Path) -> None:
    """No open repeat: Python's re runs it (case-insensitively where the rule says)."""
    from newslint.linter import Linter, Options
    from newslint.patterns import compile_pattern, is_bounded
    from newslint.reading import SourceText

    assert is_bounded(r"\bdemocrat\s{1,9}party\b") and is_bounded(r"[*+]{2}")
    assert not is_bounded(r"\s+party") and not is_bounded("a{2,}") and not is_bounded("(ab)*")
    assert compile_pattern("a{2,}b", False, "patterns").bounded is False
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "p.yml").write_text(
        rule("    kind: existence\n    patterns: ['\\bdemocrat\\s{1,9}party\\b']\n"),
        encoding="utf-8",
    )
    (tmp_path / ".newslint.yml").write_text("extra_rules: [rules]\n", encoding="utf-8")
    linter = Linter(Options(select=("style.x",)))
    draft = str(tmp_path / "d.md")
    result = linter.lint_source(
        SourceText(draft, "The Democrat  Party met.\n", "\n"), linter.setup_for(draft)
    )
    assert [(f.rule, f.column, f.end_column) for f in result.findings] == [("style.x", 5, 19)]


def test_the_shipped_packs_need_no_regex_module() -> None:
    """Their patterns are bounded, so a run of them never imports ``regex``."""
    probe = (
        "import sys; from newslint.packs import builtin_rules_dir, load_packs, pack_files; "
        "assert not load_packs(pack_files(builtin_rules_dir())).errors; "
        "print('regex' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


HOUSE_PACK = """pack: house
families: [house]
rules:
  - id: house.banned
    kind: existence
    description: Words this newsroom never prints.
    message: "we never write “{match}”"
    words: [synergy]
"""


def test_a_pack_declares_its_own_family(tmp_path: Path) -> None:
    (tmp_path / "house.yml").write_text(HOUSE_PACK, encoding="utf-8")
    loaded = load_packs([tmp_path / "house.yml"])
    assert loaded.errors == []
    assert loaded.rules["house.banned"].family == "house"


def test_an_undeclared_family_says_how_to_declare_it(tmp_path: Path) -> None:
    text = HOUSE_PACK.replace("families: [house]\n", "")
    assert errors_for(tmp_path, text) == [
        "broken.yml:3: error: rules[0] (house.banned): rule id 'house.banned': unknown "
        "family 'house'; families: attribution, loaded, names, spelling, grammar, typography, "
        "readability, style (a pack adds its own with 'families: [house]')"
    ]


def test_a_declared_family_must_be_one_word(tmp_path: Path) -> None:
    text = HOUSE_PACK.replace("families: [house]", "families: [house, House Style]")
    assert errors_for(tmp_path, text) == [
        "broken.yml:2: error: families[1]: family 'House Style' must be one lower-case word "
        "(letters, digits, hyphens)"
    ]


def test_word_lists_read_back_from_the_pack_cache_find_the_same_phrases() -> None:
    """The cache keeps a pack's phrase table as plain rows; the hits are the same."""
    import pickle

    from newslint.markdown import make_parser
    from newslint.packs import builtin_rules_dir, pack_files
    from newslint.parse import parse_document
    from tests.conftest import SEED

    doc = parse_document("seed.md", SEED.read_text(encoding="utf-8"), make_parser())
    packs = load_packs(pack_files(builtin_rules_dir())).packs

    def found(table: object) -> list[tuple[str, int, int, str, object]]:
        hits = table.scan(doc)  # type: ignore[attr-defined]
        return [(r, h.start, h.end, h.text, h.entry) for r in sorted(hits) for h in hits[r]]

    for pack in packs:
        if pack.phrases:
            again = pickle.loads(pickle.dumps(pack.phrases))
            assert found(again) == found(pack.phrases), pack.name
            assert (
                pickle.loads(pickle.dumps(again)).scan(doc).keys() == pack.phrases.scan(doc).keys()
            )
    assert any(found(p.phrases) for p in packs if p.phrases)
