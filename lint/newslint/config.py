"""Configuration: ``.newslint.yml`` found from the linted file up to the repository root.

A draft's front matter (``newslint:``) may set the same per-draft options.
"""

from __future__ import annotations

import fnmatch
import functools
import math
import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.configmemo import remembered_config
from newslint.dialect import DEFAULT as DEFAULT_DIALECT
from newslint.dialect import DIALECTS
from newslint.errors import ConfigError, raise_all
from newslint.schema import Key, check_mapping, did_you_mean
from newslint.severity import Severity
from newslint.yamlfile import line_of, load_yaml, read_yaml_text

if TYPE_CHECKING:
    from newslint.validation import SchemaCheck

CONFIG_NAMES = (".newslint.yml", ".newslint.yaml")

CONFIG_KEYS: dict[str, Key] = {
    "packs": Key((list,), False, "packs to use (default: all shipped packs)"),
    "rules": Key((dict,), False, "rule id or prefix → off, on, error, warning or suggestion"),
    "extra_rules": Key((list, str), False, "folders of the newsroom's own rule packs"),
    "vocabulary": Key((list,), False, "words and names the newsroom accepts as spelt"),
    "ignore": Key((list,), False, "glob patterns of paths not to lint"),
    "fail_on": Key(
        (str,),
        False,
        "lowest severity that fails the run (default error)",
        {"enum": ["error", "warning", "suggestion"]},
    ),
    "max_file_mb": Key((int, float), False, "larger files are skipped (default 10)"),
    "languagetool": Key((dict,), False, "LanguageTool settings (see README)"),
    "names": Key((dict,), False, "name-spelling settings (see README)"),
    "dialect": Key(
        (str,), False, "house English: en-US (default), en-GB, en-AU, en-CA, en-NZ, en-ZA"
    ),
}
FRONT_MATTER_KEYS = {k: CONFIG_KEYS[k] for k in ("rules", "vocabulary", "fail_on", "dialect")}
# A time of 0 or less was taken, and told as "did not answer within -1 s (hung?)";
# a -Xmx java cannot read, as "LanguageTool could not start". A bare number is
# bytes to java ("512" is no heap at all), so the unit is required.
POSITIVE = {"exclusiveMinimum": 0}
LANGUAGETOOL_KEYS: dict[str, Key] = {
    "required": Key((bool,), False, "a run without LanguageTool fails (exit 2)"),
    "timeout": Key((int, float), False, "seconds per request (default 10)", POSITIVE),
    "memory": Key(
        (str,), False, "the server's -Xmx (default 512m)", {"pattern": "^[0-9]+[kKmMgG]$"}
    ),
    "idle_minutes": Key((int, float), False, "the server stops after this long idle", POSITIVE),
    "start_timeout": Key((int, float), False, "seconds to wait for the server to start", POSITIVE),
}
NAMES_KEYS: dict[str, Key] = {
    "project": Key((bool,), False, "compare each draft's names with the whole repository's"),
    "house_list": Key((str,), False, "the newsroom's own house list of names (a YAML file)"),
}
# The rule that ``names: {project: true}`` turns on.
PROJECT_RULE = "names.house-spelling"
SWITCHES = {"off": None, "on": "on"}


@dataclass(frozen=True)
class Config:
    """Options in force for the files under one config file."""

    path: str | None = None
    root: str = "."
    packs: frozenset[str] | None = None
    pack_lines: tuple[tuple[str, int | None], ...] = ()  # where each ``packs:`` entry is
    overrides: tuple[tuple[str, str], ...] = ()  # (id or prefix, off|on|severity)
    rule_lines: tuple[tuple[str, int | None], ...] = ()  # where each ``rules:`` key is
    extra_rules: tuple[str, ...] = ()
    vocabulary: frozenset[str] = frozenset()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    max_file_mb: float = 10.0
    languagetool: dict[str, Any] = field(default_factory=dict)
    names: dict[str, Any] = field(default_factory=dict)
    house_list: str | None = None  # names.house_list, as a path
    dialect: str = DEFAULT_DIALECT

    @property
    def max_file_bytes(self) -> int:
        """``max_file_mb`` in bytes, the one limit every draft read obeys."""
        return int(self.max_file_mb * 1024 * 1024)

    def is_ignored(self, file: str) -> bool:
        rel = os.path.relpath(os.path.abspath(file), os.path.abspath(self.root))
        return any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(file, pat) for pat in self.ignore)

    def with_front_matter(self, options: dict[str, Any], path: str, line: int) -> Config:
        """This config with a draft's own ``newslint:`` options on top."""
        if not options:
            return self
        raise_all(check_mapping(options, FRONT_MATTER_KEYS, path, "newslint", line))
        try:
            parsed = _parse(options, path, line)
        except ConfigError as exc:  # say where: the draft's ``newslint:`` options
            exc.keys = f"newslint: {exc.keys}" if exc.keys else "newslint"
            raise
        return replace(
            self,
            overrides=self.overrides + parsed.get("overrides", ()),
            vocabulary=self.vocabulary | parsed.get("vocabulary", frozenset()),
            fail_on=parsed.get("fail_on", self.fail_on),
            dialect=parsed.get("dialect", self.dialect),
        )


@dataclass(frozen=True)
class Discovery:
    """The config file that applies, and what was passed over on the way."""

    path: str | None
    notes: tuple[str, ...] = ()


def discover_config(start: str) -> Discovery:
    """The nearest .newslint.yml from ``start`` (a file or folder) upward.

    The search ends at the repository root (a folder holding ``.git``) or
    the user's home, so a folder above the project cannot turn rules off or
    load rules from elsewhere; a file owned by another user is passed over
    with a note (``--config`` can still name it).
    """
    here = Path(os.path.abspath(start))
    if not here.is_dir():
        here = here.parent
    home = Path(os.path.abspath(os.path.expanduser("~")))
    notes: list[str] = []
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            owner = _owner(candidate)
            if owner is None:
                continue
            if owner != os.getuid():
                notes.append(
                    f"{candidate} belongs to another user (uid {owner}) and is ignored; "
                    "name it with --config to use it"
                )
                continue
            return Discovery(str(candidate), tuple(notes))
        if folder == home or (folder / ".git").exists():
            break
    return Discovery(None, tuple(notes))


def _owner(candidate: Path) -> int | None:
    """The owner of a config file, or None when there is none; a symlink
    counts as another user's when either it or its target is."""
    try:
        link, target = os.lstat(candidate), os.stat(candidate)
    except OSError:
        return None
    if not stat.S_ISREG(target.st_mode):
        return None
    return link.st_uid if link.st_uid != os.getuid() else target.st_uid


@functools.cache
def config_validator() -> SchemaCheck:
    """The config schema, compiled once (imports jsonschema)."""
    from newslint.validation import SchemaCheck, config_schema

    sections = {"names": NAMES_KEYS, "languagetool": LANGUAGETOOL_KEYS}
    return SchemaCheck(config_schema(CONFIG_KEYS, sections), "config")


def find_config(start: str) -> str | None:
    """The path ``discover_config`` finds, for callers that need no notes."""
    return discover_config(start).path


def load_config(path: str | None) -> Config:
    """Read and validate a config file; None gives the defaults."""
    if path is None:
        return Config()
    text = read_yaml_text(path, "config")
    data = remembered_config(text)
    if data is None:
        from newslint.validation import check_config

        data = load_yaml(path, text) or {}
        raise_all(check_config(data, text, path, config_validator))
    names = data.get("names", {})
    root = os.path.dirname(os.path.abspath(path))
    house_list = None
    if "house_list" in names:
        house_list = os.path.join(root, str(names["house_list"]))
        if not os.path.isfile(house_list):
            raise ConfigError(
                f"house list {names['house_list']!r} not found (names.house_list, "
                "relative to this file; examples/names.yml is a starter list to copy)",
                path,
                line_of(names, "house_list", 1),
                "names.house_list",
            )
    if data.get("packs") == []:  # linted nothing, and said "No findings", exit 0
        raise ConfigError(
            "an empty list turns every pack off and nothing would be linted; "
            "leave packs: out for all shipped packs",
            path,
            line_of(data, "packs", 1),
            "packs",
        )
    parsed = _parse(data, path, getattr(data, "line", 1))
    # Before the config's own rules: entries, so that one of those still wins.
    project = ((PROJECT_RULE, "on"),) if names.get("project") is True else ()
    extra = data.get("extra_rules", [])
    extra = [extra] if isinstance(extra, str) else extra
    return Config(
        path=path,
        root=root,
        packs=frozenset(str(p) for p in data["packs"]) if "packs" in data else None,
        pack_lines=tuple(
            (str(p), line_of(data["packs"], i, line_of(data, "packs")))
            for i, p in enumerate(data.get("packs", []))
        ),
        overrides=project + parsed.get("overrides", ()),
        rule_lines=tuple((str(k), line_of(data["rules"], k)) for k in data.get("rules", {})),
        extra_rules=tuple(os.path.join(root, str(e)) for e in extra),
        vocabulary=parsed.get("vocabulary", frozenset()),
        ignore=tuple(str(p) for p in data.get("ignore", [])),
        fail_on=parsed.get("fail_on", Severity.ERROR),
        max_file_mb=_max_file_mb(data, path),
        languagetool=_languagetool(data, path),
        names=dict(data.get("names", {})),
        house_list=house_list,
        dialect=parsed.get("dialect", DEFAULT_DIALECT),
    )


def _languagetool(data: dict[str, Any], path: str) -> dict[str, Any]:
    """The ``languagetool:`` settings; the schema has seen to all but NaN and infinity."""
    settings = dict(data.get("languagetool", {}))
    for key, value in settings.items():
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(
                f"{key!r} must be a finite number (got {value!r})",
                path,
                line_of(data["languagetool"], key, line_of(data, "languagetool")),
                "languagetool",
            )
    return settings


def _max_file_mb(data: dict[str, Any], path: str) -> float:
    """A finite, positive size in MB (booleans are YAML's, not sizes)."""
    value = data.get("max_file_mb", 10.0)
    if isinstance(value, bool) or not math.isfinite(value) or value <= 0:
        raise ConfigError(
            f"max_file_mb must be a positive number of megabytes, like 10 or 0.5 (got {value!r})",
            path,
            line_of(data, "max_file_mb", 1),
        )
    return float(value)


def _parse(data: dict[str, Any], path: str, line: int) -> dict[str, Any]:
    parsed: dict[str, Any] = {}
    if "rules" in data:
        parsed["overrides"] = tuple(_overrides(data["rules"], path, line))
    if "vocabulary" in data:
        parsed["vocabulary"] = frozenset(str(w) for w in data["vocabulary"])
    if "fail_on" in data:
        try:
            parsed["fail_on"] = Severity.parse(str(data["fail_on"]))
        except ValueError as exc:
            raise ConfigError(str(exc), path, line_of(data, "fail_on", line), "fail_on") from None
    if "dialect" in data:
        parsed["dialect"] = _dialect(data["dialect"], path, line_of(data, "dialect", line))
    return parsed


def _dialect(value: Any, path: str, line: int | None) -> str:
    """en-GB, en_gb or EN-gb → en-GB; anything else is an error with a hint."""
    text = str(value).replace("_", "-")
    for dialect in DIALECTS:
        if text.lower() == dialect.lower():
            return dialect
    alias = {"en-uk": "en-GB", "en-gb-oxendict": "en-GB", "en": "en-US"}.get(text.lower())
    hint = f"; did you mean {alias!r}?" if alias else did_you_mean(text, DIALECTS)
    raise ConfigError(
        f"{value!r} is not a dialect newslint knows{hint or '.'} Use one of: {', '.join(DIALECTS)}",
        path,
        line,
        "dialect",
    )


def _overrides(rules: dict[str, Any], path: str, line: int | None) -> list[tuple[str, str]]:
    result = []
    for key, value in rules.items():
        setting = "off" if value is False else "on" if value is True else str(value).lower()
        if setting not in ("off", "on", "error", "warning", "suggestion"):
            hint = did_you_mean(setting, ("off", "on", "error", "warning", "suggestion"))
            raise ConfigError(
                f"rule setting {value!r}{hint}; use off, on, error, warning or suggestion",
                path,
                line_of(rules, key, line),
                f"rules.{key}",
            )
        result.append((str(key), setting))
    return result
