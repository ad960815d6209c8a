"""Loading YAML while keeping the line of every key and list item.

Errors about a rule must name the file, the line and the key; PyYAML's
plain dicts forget where things were, so mappings and sequences here carry
a ``lines`` table filled from the composed nodes.
"""

from __future__ import annotations

from typing import Any

from newslint.errors import ConfigError


class LineDict(dict[Any, Any]):
    """A mapping that remembers its own line and each key's line (1-based)."""

    line: int = 0
    lines: dict[Any, int]


class LineList(list[Any]):
    """A sequence that remembers its own line and each item's line."""

    line: int = 0
    lines: list[int]


def load_yaml(path: str, text: str) -> Any:
    """Parse ``text`` (from ``path``) into LineDict/LineList/scalars."""
    import yaml  # imported here: runs that hit the pack cache never need it

    # libyaml is several times faster where the PyYAML build has it.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark else None
        raise ConfigError(f"invalid YAML: {problem}", path, line) from None
    if node is None:
        return None
    return _convert(path, node)


def _convert(path: str, node: Any) -> Any:
    import yaml

    if isinstance(node, yaml.MappingNode):
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.lines = {}
        for key_node, value_node in node.value:
            key = _convert(path, key_node)
            if key in mapping:
                raise ConfigError(f"key {key!r} is given twice", path, key_node.start_mark.line + 1)
            mapping[key] = _convert(path, value_node)
            mapping.lines[key] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        seq = LineList(_convert(path, item) for item in node.value)
        seq.line = node.start_mark.line + 1
        seq.lines = [item.start_mark.line + 1 for item in node.value]
        return seq
    # Scalars: let the safe constructor resolve types (true, 3, 2.5, null).
    return yaml.constructor.SafeConstructor().construct_object(node)


def line_of(container: Any, key: Any, default: int | None = None) -> int | None:
    """Line of ``container[key]`` if known, else the container's own line."""
    lines = getattr(container, "lines", None)
    if isinstance(lines, dict) and key in lines:
        return lines[key]
    if isinstance(lines, list) and isinstance(key, int) and 0 <= key < len(lines):
        return lines[key]
    return getattr(container, "line", default) or default
