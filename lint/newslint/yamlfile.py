"""Loading YAML while keeping the line of every key and list item.

Errors about a rule must name the file, the line and the key; PyYAML's
plain dicts forget where things were, so mappings and sequences here carry
a ``lines`` table filled from the composed nodes.
"""

from __future__ import annotations

from typing import Any

from newslint.errors import ConfigError

# How many values YAML aliases may add by repeating what their anchors hold.
# Real configs use a few; "billion laughs" front matter of 361 bytes asks for
# billions, which took minutes and gigabytes before failing.
ALIAS_BUDGET = 10_000


class LineDict(dict[Any, Any]):
    """A mapping that remembers its own line and each key's line (1-based)."""

    line: int = 0
    lines: dict[Any, int]


class LineList(list[Any]):
    """A sequence that remembers its own line and each item's line."""

    line: int = 0
    lines: list[int]


def read_yaml_text(path: str, what: str) -> str:
    """The text of the YAML file ``path`` (``what``: "config", "rule pack"…).

    Bytes that are not UTF-8 are an error at their line and column, as in a
    draft; newlines are read as ``\\n`` whatever the file uses.
    """
    from pathlib import Path

    from newslint.reading import not_utf8

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {what}: {exc}", path) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(*not_utf8(path, data, exc)) from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def yaml_problem(exc: Exception, text: str) -> str | None:
    """PyYAML's problem, in an editor's words where it has two common causes.

    A tab was "found character that cannot start any token" (libyaml does not
    even show the character), and a headline's second colon "mapping values
    are not allowed here".
    """
    problem: str | None = getattr(exc, "problem", None)
    mark = getattr(exc, "problem_mark", None)
    if problem is None or mark is None:
        return problem
    lines = text.split("\n")
    here = lines[mark.line][mark.column : mark.column + 1] if mark.line < len(lines) else ""
    if here == "\t" and "cannot start any token" in problem:
        return f"a tab at column {mark.column + 1}; YAML indents with spaces, never tabs"
    if problem.startswith("mapping values are not allowed"):  # PyYAML, libyaml
        return (
            f"a second ':' at column {mark.column + 1}; put a value that holds "
            'a colon in quotes (title: "Strike: what we know")'
        )
    return problem


def load_yaml(path: str, text: str) -> Any:
    """Parse ``text`` (from ``path``) into LineDict/LineList/scalars."""
    import yaml  # imported here: runs that hit the pack cache never need it

    # libyaml is several times faster where the PyYAML build has it.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = yaml_problem(exc, text) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark else None
        raise ConfigError(f"invalid YAML: {problem}", path, line) from None
    if node is None:
        return None
    check_aliases(path, node)
    return convert_node(path, node)


def check_aliases(path: str, root: Any, first_line: int = 1) -> None:
    """Refuse a node graph whose aliases expand beyond ALIAS_BUDGET values.

    The expanded size is counted once per distinct node (a memo by identity),
    so checking costs as much as the file is long, whatever it would expand to.
    ``first_line`` is the file line of the YAML's first line (front matter).
    """
    import yaml

    sizes: dict[int, int] = {}
    distinct = 0
    # Iterative post-order walk: a deep document must not exhaust the stack.
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node, yaml)
        if not done:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        distinct += 1
        size = 1 + sum(sizes[id(child)] for child in children)
        sizes[id(node)] = size
        if size - distinct > ALIAS_BUDGET:
            raise ConfigError(
                f"YAML aliases here expand to over {ALIAS_BUDGET:,} values; refused "
                "(an alias bomb?)",
                path,
                node.start_mark.line + first_line,
            )


def _children(node: Any, yaml: Any) -> list[Any]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def convert_node(path: str, node: Any, first_line: int = 1) -> Any:
    """A composed node as LineDict/LineList/scalars; a key given twice is an error.

    ``first_line`` is the file line of the YAML's first line (front matter: 2).
    """
    import yaml

    if isinstance(node, yaml.MappingNode):
        mapping = LineDict()
        mapping.line = node.start_mark.line + first_line
        mapping.lines = {}
        for key_node, value_node in node.value:
            key = convert_node(path, key_node, first_line)
            line = key_node.start_mark.line + first_line
            if key in mapping:
                raise ConfigError(f"key {key!r} is given twice", path, line)
            mapping[key] = convert_node(path, value_node, first_line)
            mapping.lines[key] = line
        return mapping
    if isinstance(node, yaml.SequenceNode):
        seq = LineList(convert_node(path, item, first_line) for item in node.value)
        seq.line = node.start_mark.line + first_line
        seq.lines = [item.start_mark.line + first_line for item in node.value]
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
