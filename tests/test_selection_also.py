"""Selection.also: rules that ship off, turned on beside whatever is selected."""

from __future__ import annotations

import pytest

from newslint.rule import Rule
from newslint.selection import Selection

CLAIM = Rule("attribution.claim", "attribution", "m", "d", enabled=False)


@pytest.mark.parametrize(
    ("select", "ignore", "also", "active"),
    [
        ((), (), (), False),  # ships off
        ((), (), ("attribution.claim",), True),  # nothing selected: on beside every rule
        (("attribution",), (), ("attribution.claim",), True),  # its family is selected
        (("loaded",), (), ("attribution.claim",), False),  # another family is selected
        ((), ("attribution",), ("attribution.claim",), False),  # its family is ignored
        ((), ("attribution.claim",), ("attribution.claim",), False),  # it is ignored by name
        (("attribution.claim",), (), (), True),  # named in --select, as before
    ],
)
def test_also_turns_a_rule_on_where_its_family_runs(
    select: tuple[str, ...], ignore: tuple[str, ...], also: tuple[str, ...], active: bool
) -> None:
    assert Selection((), select, ignore, also).is_active(CLAIM) is active
