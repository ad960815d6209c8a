"""A rule as an editor writes it in YAML: the keys every kind shares."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from newslint.document import HEADING, QUOTE, SCOPES, VOICE
from newslint.schema import Key
from newslint.severity import Severity

RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z0-9]+(?:[-.][a-z0-9]+)*$")
FAMILIES = (
    "attribution",
    "loaded",
    "names",
    "spelling",
    "grammar",
    "typography",
    "readability",
    "style",
)

_SCOPE_NAMES = [*SCOPES, "all"]
_EXAMPLES = {"type": "array", "items": {"type": "string"}}
COMMON_KEYS: dict[str, Key] = {
    "id": Key((str,), True, "namespaced id, e.g. loaded.puffery", {"pattern": RULE_ID.pattern}),
    "kind": Key((str,), True, "which kind of check this is"),
    "message": Key((str,), True, "what the reporter sees; {match} and {suggestion} are filled in"),
    "description": Key((str,), True, "what the rule flags, in one sentence"),
    "why": Key((str,), False, "why an editor cares"),
    "link": Key((str,), False, "where the house style or guidance says so"),
    "severity": Key(
        (str,),
        False,
        "error, warning or suggestion (default warning)",
        {"enum": ["error", "warning", "suggestion"]},
    ),
    "scope": Key(
        (str, list),
        False,
        "voice, quote, heading or all (default voice and heading)",
        {
            "anyOf": [
                {"enum": _SCOPE_NAMES},
                {"type": "array", "items": {"enum": _SCOPE_NAMES}, "minItems": 1},
            ]
        },
    ),
    "examples": Key(
        (dict,),
        False,
        "bad: sentences it must flag; good: ones it must not",
        {
            "properties": {"bad": _EXAMPLES, "good": _EXAMPLES},
            "additionalProperties": False,
        },
    ),
    "enabled": Key((bool,), False, "false to ship a rule that is off unless turned on"),
}

ALL_SCOPES = frozenset(SCOPES)
DEFAULT_SCOPE = frozenset({VOICE, HEADING})


@dataclass(frozen=True)
class Rule:
    """A validated rule; ``options`` holds the kind's own keys."""

    id: str
    kind: str
    message: str
    description: str
    severity: Severity = Severity.WARNING
    scope: frozenset[str] = DEFAULT_SCOPE
    why: str = ""
    link: str = ""
    bad_examples: tuple[str, ...] = ()
    good_examples: tuple[str, ...] = ()
    enabled: bool = True
    options: Mapping[str, Any] = field(default_factory=dict)
    path: str = ""
    line: int = 0

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    def format(self, **values: object) -> str:
        """The message with ``{match}``, ``{suggestion}``… filled; unknown names stay.

        Only plain names are filled, never ``{match.attr}`` or ``{0}``: a
        message is an editor's text, not a format program.
        """
        parts: list[str] = []
        try:
            parsed = list(string.Formatter().parse(self.message))
        except ValueError:
            return self.message
        for literal, name, spec, conversion in parsed:
            parts.append(literal)
            if name is None:
                continue
            if name in values and not conversion:
                parts.append(format(values[name], spec or ""))
            else:
                parts.append(
                    "{"
                    + name
                    + (f"!{conversion}" if conversion else "")
                    + (f":{spec}" if spec else "")
                    + "}"
                )
        return "".join(parts)

    def covers(self, scope: str) -> bool:
        return scope in self.scope


class _Keep(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def parse_scope(value: Any) -> frozenset[str]:
    """``voice``, ``[voice, quote]`` or ``all`` → a set of scopes; ValueError if unknown."""
    items = [value] if isinstance(value, str) else list(value)
    scopes: set[str] = set()
    for item in items:
        if item == "all":
            return ALL_SCOPES
        if item not in SCOPES:
            raise ValueError(f"unknown scope {item!r}; use voice, quote, heading or all")
        scopes.add(item)
    return frozenset(scopes)


__all__ = ["ALL_SCOPES", "COMMON_KEYS", "DEFAULT_SCOPE", "FAMILIES", "QUOTE", "RULE_ID", "Rule"]
