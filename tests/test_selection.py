"""Which rules run and at what level (``selection.py``), as a table."""

from __future__ import annotations

import pytest

from newslint.rule import Rule
from newslint.selection import Selection, matches, unknown_rule
from newslint.severity import Severity


def rule(rule_id: str, enabled: bool = True) -> Rule:
    return Rule(rule_id, "existence", "m", "d", enabled=enabled)


@pytest.mark.parametrize(
    ("rule_id", "prefix", "expected"),
    [
        ("loaded.puffery", "loaded", True),
        ("loaded.puffery", "loaded.puffery", True),
        ("loaded.puffery", "load", False),
        ("loaded.puffery", "loaded.puff", False),
        ("loaded.puffery", "loaded.puffery.x", False),
        ("names.house-list", "names.house", False),
    ],
)
def test_matches(rule_id: str, prefix: str, expected: bool) -> None:
    assert matches(rule_id, prefix) is expected


PUFFERY = rule("loaded.puffery")
EMOTIVE = rule("loaded.emotive")
OFF_BY_DEFAULT = rule("attribution.attributed", enabled=False)


@pytest.mark.parametrize(
    ("selection", "rule_", "active"),
    [
        (Selection(), PUFFERY, True),
        (Selection(), OFF_BY_DEFAULT, False),
        (Selection(overrides=(("loaded", "off"),)), PUFFERY, False),
        # A longer prefix beats a shorter one, whatever the order.
        (Selection(overrides=(("loaded.puffery", "on"), ("loaded", "off"))), PUFFERY, True),
        (Selection(overrides=(("loaded", "off"), ("loaded.puffery", "on"))), EMOTIVE, False),
        # Among equals, the later entry wins.
        (Selection(overrides=(("loaded", "off"), ("loaded", "on"))), PUFFERY, True),
        (Selection(overrides=(("attribution", "on"),)), OFF_BY_DEFAULT, True),
        (Selection(select=("loaded",)), PUFFERY, True),
        (Selection(select=("loaded",)), rule("names.house-list"), False),
        # Selecting a family does not turn on its rules that ship off...
        (Selection(select=("attribution",)), OFF_BY_DEFAULT, False),
        # ...naming the rule itself does.
        (Selection(select=("attribution.attributed",)), OFF_BY_DEFAULT, True),
        (Selection(select=("loaded",), overrides=(("loaded.puffery", "off"),)), PUFFERY, False),
        (Selection(ignore=("loaded",)), PUFFERY, False),
        # The more specific of --select and --ignore wins.
        (Selection(select=("loaded.puffery",), ignore=("loaded",)), PUFFERY, True),
        (Selection(select=("loaded",), ignore=("loaded.puffery",)), PUFFERY, False),
        (Selection(select=("loaded",), ignore=("loaded.puffery",)), EMOTIVE, True),
    ],
)
def test_is_active(selection: Selection, rule_: Rule, active: bool) -> None:
    assert selection.is_active(rule_) is active


@pytest.mark.parametrize(
    ("overrides", "found", "expected"),
    [
        ((), Severity.WARNING, Severity.WARNING),
        ((("loaded", "error"),), Severity.WARNING, Severity.ERROR),
        (
            (("loaded", "error"), ("loaded.puffery", "suggestion")),
            Severity.WARNING,
            Severity.SUGGESTION,
        ),
        (
            (("loaded.puffery", "suggestion"), ("loaded", "error")),
            Severity.WARNING,
            Severity.SUGGESTION,
        ),
        ((("loaded", "on"),), Severity.SUGGESTION, Severity.SUGGESTION),
        ((("names", "error"),), Severity.WARNING, Severity.WARNING),
    ],
)
def test_severity(
    overrides: tuple[tuple[str, str], ...], found: Severity, expected: Severity
) -> None:
    assert Selection(overrides=overrides).severity("loaded.puffery", found) is expected


KNOWN = ("loaded.puffery", "loaded.emotive", "names.house-list")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("loaded", None),
        ("loaded.puffery", None),
        ("names.house-list", None),
        ("readability", None),  # a family, even with no rule loaded
        # A family none of whose rules is loaded (``packs:`` left it out): not judged.
        ("readability.grade-levle", None),
        ("lodaed", "unknown rule or family 'lodaed'; did you mean 'loaded'?"),
        ("loaded.pufery", "unknown rule or family 'loaded.pufery'; did you mean 'loaded.puffery'?"),
        ("loaded.puff", "unknown rule or family 'loaded.puff'; did you mean 'loaded.puffery'?"),
        ("names.house", "unknown rule or family 'names.house'; did you mean 'names.house-list'?"),
        ("zzz", "unknown rule or family 'zzz'"),
    ],
)
def test_unknown_rule(name: str, expected: str | None) -> None:
    assert unknown_rule(name, KNOWN) == expected
