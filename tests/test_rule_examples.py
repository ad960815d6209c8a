"""Every shipped rule is documented and fires on its own bad examples, not its good ones."""

from __future__ import annotations

import pytest

from newslint.kinds import KINDS
from newslint.packs import builtin_rules_dir, load_packs, pack_files
from tests.conftest import STARTER_HOUSE_LIST, lint_text

LOADED = load_packs(pack_files(builtin_rules_dir()), house_list=STARTER_HOUSE_LIST)
RULES = sorted(LOADED.rules.values(), key=lambda r: r.id)
# Rules whose checks need a running service or a whole draft are tested elsewhere.
SERVICE_KINDS = {"languagetool"}


def test_shipped_packs_load_without_errors() -> None:
    assert LOADED.errors == []
    assert {p.name for p in LOADED.packs} >= {"loaded", "names", "readability", "style"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule) -> None:
    assert rule.description and rule.message
    assert rule.kind in KINDS
    if rule.kind not in SERVICE_KINDS:
        assert rule.bad_examples, f"{rule.id} has no bad examples"


BAD = [(r, e) for r in RULES if r.kind not in SERVICE_KINDS for e in r.bad_examples]
GOOD = [(r, e) for r in RULES if r.kind not in SERVICE_KINDS for e in r.good_examples]


@pytest.mark.parametrize(("rule", "example"), BAD, ids=lambda v: getattr(v, "id", str(v)[:30]))
def test_bad_example_is_flagged(rule, example: str, house: str) -> None:
    found = lint_text(example + "\n", select=(rule.id,), config=house)
    assert any(f.rule == rule.id for f in found), f"{rule.id} misses: {example}"


@pytest.mark.parametrize(("rule", "example"), GOOD, ids=lambda v: getattr(v, "id", str(v)[:30]))
def test_good_example_is_not_flagged(rule, example: str, house: str) -> None:
    found = lint_text(example + "\n", select=(rule.id,), config=house)
    assert not [f for f in found if f.rule == rule.id], f"{rule.id} fires on: {example}"
