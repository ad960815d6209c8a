"""Rule packs: YAML files of rules, validated and compiled once.

Every problem in every pack is collected (file, line, key path) before the
run decides what to do; one broken rule never stops the other packs.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.errors import ConfigError
from newslint.kinds import KINDS
from newslint.kinds.base import Check
from newslint.phrases import PhraseTable
from newslint.rule import COMMON_KEYS, FAMILIES, RULE_ID, Rule, parse_scope
from newslint.schema import Key, did_you_mean
from newslint.severity import Severity
from newslint.yamlfile import line_of, load_yaml, read_yaml_text

if TYPE_CHECKING:
    from newslint.validation import SchemaCheck

PACK_KEYS = {
    "pack": Key((str,), True, "the pack's name"),
    "description": Key((str,), False, "what the pack is for"),
    "rules": Key((list,), True, "the pack's rules"),
    "families": Key((list,), False, "the pack's own rule families beside the shipped ones"),
}
FAMILY_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass
class Pack:
    """A loaded pack: its compiled checks and the one phrase matcher they share."""

    name: str
    path: str
    checks: list[Check] = field(default_factory=list)
    phrases: PhraseTable = field(default_factory=PhraseTable)


@dataclass
class LoadedPacks:
    """The rule packs a config loads, and the problems met loading them."""

    packs: list[Pack]
    errors: list[ConfigError]
    # Every pack the files define, loaded or left out by ``packs:``.
    names: frozenset[str] = frozenset()

    @property
    def rules(self) -> dict[str, Rule]:
        return {c.rule.id: c.rule for p in self.packs for c in p.checks}

    @property
    def members(self) -> dict[str, list[str]]:
        """Each loaded pack's rule ids, by the pack's name."""
        return {p.name: [c.rule.id for c in p.checks] for p in self.packs}


def builtin_rules_dir() -> Path:
    """The shipped packs: inside the wheel, or ``rules/`` in a source checkout."""
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def pack_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])


def load_packs(
    files: list[Path], only: set[str] | None = None, house_list: Path | None = None
) -> LoadedPacks:
    """Load and compile ``files`` (only the packs named in ``only`` if given).

    ``house_list`` is the newsroom's own list of names (``names.house``), put
    where a pack says ``swap: from_config``.
    """
    from newslint.names.house import load_house_list

    packs: list[Pack] = []
    errors: list[ConfigError] = []
    seen: dict[str, str] = {}
    names: set[str] = set()
    house: dict[str, str] = {}
    if house_list is not None:
        try:
            house = load_house_list(str(house_list))
        except ConfigError as exc:
            errors.append(exc)
    for file in files:
        try:
            pack = load_pack(file, errors, house)
        except ConfigError as exc:
            errors.append(exc)
            continue
        if pack is not None:
            names.add(pack.name)
        if pack is None or (only is not None and pack.name not in only):
            continue
        for check in list(pack.checks):
            rid = check.rule.id
            if rid in seen:
                errors.append(
                    ConfigError(
                        f"rule id {rid!r} is also defined in {seen[rid]}",
                        str(file),
                        check.rule.line,
                        "id",
                    )
                )
                pack.checks.remove(check)
            else:
                seen[rid] = str(file)
        packs.append(pack)
    return LoadedPacks(packs, errors, frozenset(names))


def load_pack(
    file: Path, errors: list[ConfigError], house: dict[str, str] | None = None
) -> Pack | None:
    path = str(file)
    text = read_yaml_text(path, "rule pack")
    data = load_yaml(path, text)
    problems = pack_validator().validate(data, path)
    errors.extend(problems)
    broken = {_rule_index(p.keys) for p in problems}
    if None in broken:  # the pack itself is wrong, not only some of its rules
        return None
    pack = Pack(str(data["pack"]), path)
    families = pack_families(data, path, errors)
    from newslint.names.house import resolve_house_lists

    resolve_house_lists(data["rules"], house or {})
    for index, raw in enumerate(data["rules"]):
        if index in broken:
            continue
        where = f"rules[{index}]"
        line = line_of(data["rules"], index, data.line)
        try:
            rule = build_rule(raw, path, where, line, families)
            kind = KINDS[rule.kind]
            pack.checks.append(kind.compile(rule, pack.phrases))
        except ConfigError as exc:
            errors.append(exc)
        except ValueError as exc:
            message, key = (*exc.args, "")[:2]
            errors.append(
                ConfigError(str(message), path, line_of(raw, key, line), f"{where}.{key}")
            )
    pack.phrases.compile()
    return pack


@functools.cache
def pack_validator() -> SchemaCheck:
    """The pack schema, compiled once (imports jsonschema: only pack-cache misses pay)."""
    from newslint.validation import SchemaCheck, pack_schema

    return SchemaCheck(pack_schema(PACK_KEYS, COMMON_KEYS, KINDS), "pack")


def _rule_index(keys: str | None) -> int | None:
    """``rules[3].examples`` → 3; None for a problem outside the rules."""
    match = re.match(r"rules\[(\d+)\]", keys or "")
    return int(match.group(1)) if match else None


def pack_families(data: Any, path: str, errors: list[ConfigError]) -> tuple[str, ...]:
    """The shipped families and those the pack declares (``families: [house]``)."""
    declared = []
    for index, name in enumerate(data.get("families", [])):
        if isinstance(name, str) and FAMILY_NAME.match(name):
            declared.append(name)
            continue
        errors.append(
            ConfigError(
                f"family {name!r} must be one lower-case word (letters, digits, hyphens)",
                path,
                line_of(data["families"], index, line_of(data, "families", data.line)),
                f"families[{index}]",
            )
        )
    return (*FAMILIES, *declared)


def build_rule(
    raw: Any, path: str, where: str, line: int | None, families: tuple[str, ...] = FAMILIES
) -> Rule:
    """A schema-checked rule mapping into a Rule, or the ConfigError of its meaning."""
    if not isinstance(raw, dict):
        raise ConfigError("each rule must be a mapping", path, line, where)
    rule_id = raw.get("id")
    if isinstance(rule_id, str):
        where = f"{where} ({rule_id})"
    kind_name = raw.get("kind")
    if kind_name not in KINDS:
        hint = did_you_mean(kind_name, KINDS)
        raise ConfigError(
            f"unknown kind {kind_name!r}{hint}; valid kinds: {', '.join(KINDS)}",
            path,
            line_of(raw, "kind", line),
            where,
        )
    # load_pack has checked the keys against the pack schema already.
    from newslint.validation import check_placeholders

    placeholders = check_placeholders(str(raw["message"]), KINDS[kind_name].PLACEHOLDERS)
    if placeholders:
        raise ConfigError(placeholders, path, line_of(raw, "message", line), f"{where}.message")
    _check_id(str(rule_id), path, line_of(raw, "id", line), where, families)
    try:
        severity = Severity.parse(str(raw.get("severity", "warning")))
        scope = parse_scope(raw["scope"]) if "scope" in raw else None
    except ValueError as exc:
        key = "severity" if "severity" in str(exc) else "scope"
        raise ConfigError(str(exc), path, line_of(raw, key, line), where) from None
    examples = raw.get("examples", {})
    extra = {k: v for k, v in raw.items() if k not in COMMON_KEYS}
    rule = Rule(
        id=str(rule_id),
        kind=str(kind_name),
        message=str(raw["message"]),
        description=str(raw["description"]).strip(),
        severity=severity,
        why=str(raw.get("why", "")).strip(),
        link=str(raw.get("link", "")),
        bad_examples=tuple(str(e) for e in examples.get("bad", [])),
        good_examples=tuple(str(e) for e in examples.get("good", [])),
        enabled=bool(raw.get("enabled", True)),
        options=extra,
        path=path,
        line=line or 0,
    )
    return rule if scope is None else replace(rule, scope=scope)


def _check_id(
    rule_id: str, path: str, line: int | None, where: str, families: tuple[str, ...]
) -> None:
    if not RULE_ID.match(rule_id):
        raise ConfigError(
            f"rule id {rule_id!r} must be family.name in lower-case kebab-case",
            path,
            line,
            where,
        )
    family = rule_id.split(".", 1)[0]
    if family not in families:
        raise ConfigError(
            f"rule id {rule_id!r}: unknown family {family!r}{did_you_mean(family, families)}; "
            f"families: {', '.join(families)} (a pack adds its own with "
            f"'families: [{family}]')",
            path,
            line,
            where,
        )
