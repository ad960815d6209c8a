"""JSON Schemas for rule packs and ``.newslint.yml``, and checking files against them.

The schemas are made from the keys' own definitions (``schema.Key`` in
``rule.COMMON_KEYS``, each kind's ``KEYS``, ``config.CONFIG_KEYS``), so a new
key is declared once. ``jsonschema`` finds every problem in a file at once;
each becomes a ConfigError with the file, the line and the key path, worded
for an editor, with "did you mean" for a misspelt key. The same schemas are
shipped as ``newslint/schemas/*.schema.json`` for editors' YAML plugins
(``schemafiles``). The schemas of packs and of the config are built in
``packs`` and ``config``, which own those keys.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.errors import ConfigError
from newslint.schema import Key, did_you_mean, type_name
from newslint.yamlfile import line_of

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from newslint.kinds.base import Kind

SCHEMA_DIR = Path(__file__).parent / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
_JSON_TYPES = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    list: "array",
    dict: "object",
}
_PLAIN = {
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
}


def key_schema(key: Key) -> dict[str, Any]:
    """One key's JSON Schema: its types, then whatever more it declares."""
    names = [_JSON_TYPES[t] for t in key.types]
    if "number" in names and "integer" in names:
        names.remove("integer")  # a number includes the whole ones
    schema: dict[str, Any] = {"type": names[0] if len(names) == 1 else names}
    if key.json and "anyOf" in key.json:
        schema = {}  # the alternatives say the types themselves
    if key.json:
        schema.update(key.json)
    if key.doc:
        schema["description"] = key.doc
    return schema


def object_schema(keys: Mapping[str, Key], closed: bool = True) -> dict[str, Any]:
    """A mapping whose keys are ``keys``; ``closed``: no others allowed."""
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {name: key_schema(key) for name, key in keys.items()},
    }
    required = [name for name, key in keys.items() if key.required]
    if required:
        schema["required"] = required
    if closed:
        schema["additionalProperties"] = False
    return schema


def pack_schema(
    pack_keys: Mapping[str, Key], common_keys: Mapping[str, Key], kinds: Mapping[str, Kind]
) -> dict[str, Any]:
    """The schema of a rule pack: the pack keys, and each rule's keys by its kind."""
    # Only ``kind`` is checked outside the per-kind branches, so that each
    # problem is reported once; the branch of the rule's kind checks the rest.
    common = object_schema({"kind": common_keys["kind"]}, closed=False)
    common["properties"]["kind"]["enum"] = list(kinds)
    by_kind = [
        {
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": object_schema({**common_keys, **kind.KEYS}),
        }
        for name, kind in kinds.items()
    ]
    schema = object_schema(pack_keys)
    schema["properties"]["rules"]["items"] = {"$ref": "#/$defs/rule"}
    return {
        "$schema": DIALECT,
        "title": "newslint rule pack",
        **schema,
        "$defs": {"rule": {**common, "allOf": by_kind}},
    }


def config_schema(
    config_keys: Mapping[str, Key], sections: Mapping[str, Mapping[str, Key]]
) -> dict[str, Any]:
    """The schema of ``.newslint.yml``; ``sections`` are its nested mappings' keys."""
    schema = object_schema(config_keys)
    for name, keys in sections.items():
        schema["properties"][name].update(object_schema(keys))
    return {"$schema": DIALECT, "title": "newslint configuration (.newslint.yml)", **schema}


class SchemaCheck:
    """A schema compiled once, checking loaded YAML against it."""

    def __init__(self, schema: Mapping[str, Any], root: str) -> None:
        from jsonschema import Draft202012Validator  # only runs that load files pay for it

        self.schema = schema
        self.root = root  # what a problem at the top is said to be in: pack, config
        self._validator = Draft202012Validator(schema)

    def validate(self, data: Any, path: str) -> list[ConfigError]:
        """Every problem with ``data`` (loaded by ``yamlfile``), in file order."""
        problems: dict[tuple[str, int | None, str | None], ConfigError] = {}
        values: set[tuple[Any, ...]] = set()  # one problem per value: 3 is no string, say no more
        for error in self._validator.iter_errors(data):
            if error.validator not in ("additionalProperties", "required"):
                if tuple(error.absolute_path) in values:
                    continue
                values.add(tuple(error.absolute_path))
            for problem in _explain(error, data, path, self.root):
                problems.setdefault((problem.message, problem.line, problem.keys), problem)
        return sorted(problems.values(), key=lambda p: (p.line or 0, p.keys or ""))


def check_config(
    data: Any, text: str, path: str, validator: Callable[[], SchemaCheck]
) -> list[ConfigError]:
    """Problems in a loaded ``.newslint.yml``; a text that passed is remembered, parsed.

    Importing jsonschema costs most of a second, more than a whole cold run,
    so a config that passed is kept (by its text and newslint's code) in the
    cache folder, and later runs skip both the YAML and the check
    (``configmemo``).
    """
    from newslint.configmemo import remember_config

    problems = validator().validate(data, path)
    if not problems:
        remember_config(text, data)
    return problems


def key_path(parts: Iterable[Any]) -> str:
    """``["rules", 3, "examples"]`` → ``rules[3].examples``."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def _locate(data: Any, parts: Sequence[Any]) -> int | None:
    """The line of the value at ``parts`` (its key's line), as near as is known."""
    line = getattr(data, "line", None) or None
    container = data
    for part in parts:
        line = line_of(container, part, line)
        try:
            container = container[part]
        except (KeyError, IndexError, TypeError):
            break
    return line


def _where(data: Any, parts: Sequence[Any], root: str) -> str:
    """The key path of the mapping or list that holds the problem, as messages show it."""
    where = key_path(parts) or root
    if len(parts) >= 2 and parts[0] == "rules" and isinstance(parts[1], int):
        rule = data["rules"][parts[1]]
        rule_id = rule.get("id") if isinstance(rule, dict) else None
        if isinstance(rule_id, str):  # name the rule, as the pack's other errors do
            head = f"rules[{parts[1]}] ({rule_id})"
            where = head + "".join(
                f"[{part}]" if isinstance(part, int) else f".{part}" for part in parts[2:]
            )
    return where


def _explain(error: ValidationError, data: Any, path: str, root: str) -> list[ConfigError]:
    parts = list(error.absolute_path)
    kind = error.validator
    if kind == "additionalProperties":
        return _unknown_keys(error, parts, data, path, root)
    if kind in ("anyOf", "oneOf") and error.context:
        from jsonschema.exceptions import best_match

        return _explain(best_match(error.context), data, path, root)
    line = _locate(data, parts)
    if kind == "required":
        where = _where(data, parts, root)
        instance: Any = error.instance  # jsonschema types these loosely (… | Unset)
        required: Any = error.validator_value
        missing = [k for k in required if k not in instance]
        return [ConfigError(f"missing required key {k!r}", path, line, where) for k in missing]
    if parts and isinstance(parts[-1], int):  # a list item: the path names it
        where, name = _where(data, parts, root), "the item"
    else:
        where, name = _where(data, parts[:-1], root), repr(parts[-1]) if parts else "the file"
    return [ConfigError(_message(error, name), path, line, where)]


def _message(error: ValidationError, name: str) -> str:
    """An editor's wording of one schema error about the value called ``name``."""
    kind = error.validator
    value: Any = error.validator_value  # jsonschema types it loosely (… | Unset)
    if name == "'memory'" and kind in ("type", "pattern"):
        return _memory_message(error.instance)
    if kind == "type":
        wanted = value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        plain = " or ".join(_PLAIN.get(w, str(w)) for w in wanted)
        return f"{name} must be {plain}, got {type_name(error.instance)}"
    if kind == "enum":
        choices = [str(c) for c in value]
        hint = did_you_mean(error.instance, choices)
        what = name.strip("'") if name.startswith("'") else "value"
        if set(choices) == {"error", "warning", "suggestion"}:
            what = "severity"  # severity: and fail_on: take the same levels
        return f"unknown {what} {error.instance!r}{hint}; use one of: {', '.join(choices)}"
    if kind == "pattern" and name == "'id'":
        return f"rule id {error.instance!r} must be family.name in lower-case kebab-case"
    if kind == "exclusiveMinimum":
        return f"{name} must be above {value} (got {error.instance!r})"
    if kind == "const":
        return f"{name} must be a mapping or {value!r}"
    return f"{name}: {error.message}"


def _memory_message(instance: Any) -> str:
    """``memory: 512`` (a number, or digits alone) is bytes to java: ask for the unit."""
    if (isinstance(instance, int) and not isinstance(instance, bool)) or str(instance).isdigit():
        return f"memory needs a unit: {str(instance)!r} is bytes to java; write {instance}m or 2g"
    return f"memory must be a size java takes, like 512m or 2g (got {instance!r})"


def _unknown_keys(
    error: ValidationError, parts: list[Any], data: Any, path: str, root: str
) -> list[ConfigError]:
    schema: Any = error.schema  # jsonschema types these loosely (… | Unset)
    instance: Any = error.instance
    allowed = sorted(schema.get("properties", {}))
    where = _where(data, parts, root)
    problems = []
    for key in instance:
        if key in allowed:
            continue
        hint = did_you_mean(key, allowed)
        valid = "" if hint else f"; valid keys: {', '.join(allowed)}"
        line = _locate(data, [*parts, key])
        problems.append(ConfigError(f"unknown key {key!r}{hint}{valid}", path, line, where))
    return problems


def check_placeholders(message: str, allowed: frozenset[str]) -> str | None:
    """What is wrong with ``message``'s ``{names}``, or None when each is one the kind fills.

    Only plain names: a format spec, a conversion or an attribute
    (``{match.__class__}``) could read more than the message should.
    """
    try:
        parsed = list(string.Formatter().parse(message))
    except ValueError as exc:  # an unclosed or stray brace
        return f"message is not a valid template ({exc}); write a literal brace as {{{{ or }}}}"
    known = ", ".join("{" + n + "}" for n in sorted(allowed))
    for _, name, spec, conversion in parsed:
        if name is None or (name in allowed and not spec and not conversion):
            continue
        shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
        hint = did_you_mean(name, allowed) if not spec and not conversion else ""
        return f"message placeholder {shown}}} is not one newslint fills in{hint}; use {known}"
    return None
