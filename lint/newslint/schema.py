"""A small declarative schema for rule and config files.

Each key is declared once with its type and whether it is required; checking
a mapping collects every problem with its file, line and key path, and
suggests the nearest valid key for a misspelt one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from newslint.errors import ConfigError
from newslint.yamlfile import line_of


@dataclass(frozen=True)
class Key:
    """One allowed key: its Python type(s), whether required, and what it is for."""

    types: tuple[type, ...]
    required: bool = False
    doc: str = ""
    # More JSON Schema for the value than its types say (list items, choices);
    # newslint.validation merges it into the generated schema.
    json: Mapping[str, Any] | None = field(default=None, compare=False)


def did_you_mean(word: object, choices: Any) -> str:
    """A ``; did you mean 'x'?`` hint, or nothing."""
    import difflib  # only a misspelt key pays for it, not every run

    names = [str(c) for c in choices]
    same = [c for c in names if c.casefold() == str(word).casefold()]  # LOADED → loaded
    close = same or difflib.get_close_matches(str(word), names, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def check_mapping(
    value: Any, keys: Mapping[str, Key], path: str, where: str, line: int | None
) -> list[ConfigError]:
    """Problems with ``value`` as a mapping of ``keys``; empty when it is fine."""
    if not isinstance(value, dict):
        return [ConfigError(f"expected a mapping, got {type_name(value)}", path, line, where)]
    errors: list[ConfigError] = []
    for key, item in value.items():
        key_line = line_of(value, key, line)
        spec = keys.get(key)
        if spec is None:
            hint = did_you_mean(key, keys)
            valid = "" if hint else f"; valid keys: {', '.join(sorted(keys))}"
            errors.append(ConfigError(f"unknown key {key!r}{hint}{valid}", path, key_line, where))
        elif not isinstance(item, spec.types) or (
            isinstance(item, bool) and bool not in spec.types
        ):
            wanted = " or ".join(type_name_of(t) for t in spec.types)
            errors.append(
                ConfigError(
                    f"{key!r} must be {wanted}, got {type_name(item)}",
                    path,
                    key_line,
                    where,
                )
            )
    for key, spec in keys.items():
        if spec.required and key not in value:
            errors.append(ConfigError(f"missing required key {key!r}", path, line, where))
    return errors


def type_name_of(kind: type) -> str:
    return {
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "a mapping",
    }.get(kind, kind.__name__)


def type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return (
        type_name_of(type(value))
        if type(value) in (str, int, float, bool)
        else (
            "a list"
            if isinstance(value, list)
            else "a mapping"
            if isinstance(value, dict)
            else type(value).__name__
        )
    )
