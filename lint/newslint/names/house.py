"""The newsroom's own house list of names, named in ``.newslint.yml``.

newslint ships no stylebook: by default names are only checked for
consistency. A newsroom that has one names a file of its own
(``names: {house_list: names.yml}``), a YAML mapping of ``written: house
spelling`` -- the format ``newslint names --write`` proposes, and that of the
starter list in ``examples/names.yml``. The shipped names pack says
``swap: from_config`` where that list goes; the pack loader fills it in
before the rules are compiled, so the compiled packs (and their cache) follow
the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newslint.errors import ConfigError

__all__ = ["FROM_CONFIG", "load_house_list", "resolve_house_lists"]

# What a pack writes where the newsroom's house list goes.
FROM_CONFIG = "from_config"


def load_house_list(path: str) -> dict[str, str]:
    """The ``written: house spelling`` entries of the newsroom's file.

    Raises ConfigError, with the file and line, for a file that cannot be read
    or an entry that is not one name mapped to another.
    """
    from newslint.yamlfile import line_of, load_yaml, read_yaml_text

    text = read_yaml_text(path, "the house list of names")
    data = load_yaml(path, text)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(
            "the house list must map each spelling to the house's, e.g. 'Qaddafi: Gaddafi'",
            path,
            getattr(data, "line", 1),
        )
    house: dict[str, str] = {}
    for written, preferred in data.items():
        if not isinstance(written, str) or not isinstance(preferred, str) or not preferred.strip():
            raise ConfigError(
                f"entry {written!r}: both sides must be names, e.g. 'Qaddafi: Gaddafi'",
                path,
                line_of(data, written, 1),
            )
        house[written] = preferred
    return house


def resolve_house_lists(rules: Any, house: Mapping[str, str]) -> None:
    """Fill a pack's raw rules in place with the newsroom's house list.

    ``swap: from_config`` becomes the list itself; a ``variants`` rule's
    ``house_list: <rule id>`` becomes that rule's swap mapping, so the
    variants kind never reads the pack file again.
    """
    if not isinstance(rules, list):
        return
    swaps: dict[str, dict[str, str]] = {}
    for raw in rules:
        if not isinstance(raw, dict):
            continue
        if raw.get("swap") == FROM_CONFIG:
            raw["swap"] = dict(house)
        swap = raw.get("swap")
        if isinstance(swap, dict) and isinstance(raw.get("id"), str):
            swaps[raw["id"]] = {str(k): str(v) for k, v in swap.items()}
    for raw in rules:
        if not isinstance(raw, dict) or raw.get("kind") != "variants":
            continue
        named = raw.get("house_list")
        if isinstance(named, str) and named in swaps:
            raw["house_list"] = swaps[named]
