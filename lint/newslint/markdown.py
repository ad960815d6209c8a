"""Markdown → prose blocks with exact source offsets, via markdown-it-py.

markdown-it gives block tokens their source lines but no positions for inline
text, so this module maps each inline token's ``content`` back onto its source
lines, then walks the inline children in order, consuming markup it knows
(emphasis marks, link destinations, code spans, escapes, entities). Positions
are fixed here, once, and travel with the blocks.
"""

from __future__ import annotations

import html
import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from newslint.document import PLACEHOLDER, Block, Comment

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
# Bare URLs and e-mail addresses are not prose; CommonMark leaves them as text.
_BARE_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”]+[^\s<>\"“”.,;:!?)\]'’]|[\w.+-]+@[\w-]+\.[\w.-]+\w"
)


def make_parser() -> MarkdownIt:
    """CommonMark with tables; no typographer, so text stays as written."""
    return MarkdownIt("commonmark", {"html": True}).enable("table")


@dataclass
class _Builder:
    """Accumulates one block's text and the source offset of each character."""

    chars: list[str]
    offsets: array[int]

    def add(self, text: str, offset: int) -> None:
        self.chars.append(text)
        self.offsets.append(offset)


def parse_blocks(
    parser: MarkdownIt, source: str, line_starts: list[int]
) -> tuple[list[Block], list[Comment]]:
    """Parse ``source`` and return its prose blocks and HTML comments."""
    tokens = parser.parse(source)
    blocks: list[Block] = []
    comments: list[Comment] = []
    quote_depth = 0
    list_depth = 0
    heading_level = 0
    in_cell = False
    table_cursor: dict[int, int] = {}
    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "html_block" and token.map:
            start = line_starts[token.map[0]]
            comments.extend(_comments_in(token.content, start))
        elif kind == "inline" and token.map:
            block_kind = "table_cell" if in_cell else "heading" if heading_level else "paragraph"
            content_offsets = _locate_content(source, line_starts, token, block_kind, table_cursor)
            builder = _Builder([], array("l"))
            _walk_inline(token.children or [], token.content, content_offsets, builder, comments)
            text = "".join(builder.chars)
            if not text.strip():
                continue
            text = _mask_urls(text)
            blocks.append(
                Block(
                    index=len(blocks),
                    kind=block_kind,
                    text=text,
                    offsets=builder.offsets,
                    in_blockquote=quote_depth > 0,
                    in_list=list_depth > 0,
                    level=heading_level,
                )
            )
    return blocks, comments


def _comments_in(text: str, base: int) -> Iterator[Comment]:
    for match in _COMMENT.finditer(text):
        yield Comment(base + match.start(), match.group(1))


def _mask_urls(text: str) -> str:
    """Blank out bare URLs (same length, so offsets hold) so no rule reads them."""
    if "://" not in text and "www." not in text and "@" not in text:
        return text
    return _BARE_URL.sub(lambda m: PLACEHOLDER * len(m.group(0)), text)


def _locate_content(
    source: str,
    line_starts: list[int],
    token: Token,
    block_kind: str,
    table_cursor: dict[int, int],
) -> array[int]:
    """Source offset of every character of ``token.content``.

    Each content line is one source line with container markers (``>``, list
    indentation, ``#``) removed, so it is found within that line.
    """
    assert token.map is not None
    offsets: array[int] = array("l")  # 8 bytes a character, not a list's 36
    line_no, last_line = token.map[0], max(token.map[1] - 1, token.map[0])
    for i, content_line in enumerate(token.content.split("\n")):
        src_line, line_start = _source_line(source, line_starts, line_no)
        core = content_line.lstrip(" \t")
        # markdown-it trims the block as a whole, and Python's strip takes
        # NBSP, VT and FF too: leading lines holding only those (after any
        # container markers) vanish, so the first words may be lines further on.
        while i == 0 and core.strip() not in src_line and line_no < last_line:
            line_no += 1
            src_line, line_start = _source_line(source, line_starts, line_no)
        if block_kind == "table_cell":
            col = _find_from(src_line, content_line, table_cursor.get(line_no, 0))
            table_cursor[line_no] = col + len(content_line)
            offsets.extend(range(line_start + col, line_start + col + len(content_line)))
        else:
            # Leading white space may be a tab expanded to spaces (list
            # continuation lines): the words after it are the source's own.
            col = _column_of(src_line, core)
            lead = len(content_line) - len(core)
            offsets.extend(line_start + max(col - lead + k, 0) for k in range(lead))
            offsets.extend(range(line_start + col, line_start + col + len(core)))
        offsets.append(line_start + len(src_line))  # the '\n' between lines
        line_no += 1
    return offsets[:-1] if offsets else offsets


def _source_line(source: str, line_starts: list[int], line_no: int) -> tuple[str, int]:
    """Text (without its newline) and start offset of the 0-based source line."""
    line_start = line_starts[line_no] if line_no < len(line_starts) else len(source)
    line_end = source.find("\n", line_start)
    return source[line_start : len(source) if line_end == -1 else line_end], line_start


def _column_of(src_line: str, core: str) -> int:
    # Only Markdown's white space (space, tab) is trimmed: Python's default
    # strip also takes NBSP, so a line of only NBSP would match at column 0.
    stripped = src_line.rstrip(" \t")
    wanted = core.rstrip(" \t")
    if wanted and stripped.endswith(wanted):
        return len(stripped) - len(wanted)
    return _find_from(src_line, core.strip(" \t"), 0)


def _find_from(src_line: str, needle: str, start: int) -> int:
    col = src_line.find(needle, start) if needle else -1
    return col if col != -1 else start


def _walk_inline(
    children: list[Token],
    content: str,
    content_offsets: array[int],
    builder: _Builder,
    comments: list[Comment],
) -> None:
    """Append the prose of ``children`` to ``builder``, aligned to ``content``."""
    cursor = 0
    skip_until_close: str | None = None
    n = len(content)

    def at(pos: int) -> int:
        if not content_offsets:
            return 0
        return content_offsets[min(pos, len(content_offsets) - 1)]

    for child in children:
        kind = child.type
        if skip_until_close:
            # Autolinks and images: consume their source, emit nothing.
            if kind == skip_until_close:
                skip_until_close = None
            continue
        if kind == "text":
            text = child.content
            end = cursor + len(text)
            if (
                content.startswith(text, cursor)
                and end <= len(content_offsets)
                and "&" not in text
                and "\\" not in content[cursor:end]
            ):
                # The common case: the text stands in the source as it is.
                builder.chars.append(text)
                builder.offsets.extend(content_offsets[cursor : cursor + len(text)])
                cursor += len(text)
            else:
                cursor = _align_text(text, content, cursor, at, builder)
        elif kind in ("softbreak", "hardbreak"):
            newline = content.find("\n", cursor)
            if newline == -1:
                newline = min(cursor, n - 1)
            builder.add(" ", at(newline))
            cursor = newline + 1
            while cursor < n and content[cursor] in " \t":
                cursor += 1
        elif kind == "code_inline":
            start = content.find(child.markup, cursor)
            start = cursor if start == -1 else start
            close = content.find(child.markup, start + len(child.markup) + len(child.content) - 1)
            close = start if close == -1 else close
            builder.add(PLACEHOLDER, at(start))
            cursor = close + len(child.markup)
        elif kind == "html_inline":
            start = content.find(child.content, cursor)
            if start != -1:
                comments.extend(_comments_in(child.content, at(start)))
                cursor = start + len(child.content)
        elif kind in ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"):
            if content.startswith(child.markup, cursor):
                cursor += len(child.markup)
        elif kind == "link_open":
            if child.markup == "autolink":
                end = content.find(">", cursor)
                cursor = n if end == -1 else end + 1
                skip_until_close = "link_close"
            elif content.startswith("[", cursor):
                cursor += 1
        elif kind == "link_close":
            cursor = _skip_link_tail(content, cursor)
        elif kind == "image":
            cursor = _skip_image(content, cursor)


def _align_text(
    text: str, content: str, cursor: int, locate: Callable[[int], int], builder: _Builder
) -> int:
    """Map each character of ``text`` to its place in ``content`` from ``cursor``.

    Characters of markup that the inline parser consumed (escapes, entities,
    stray delimiter runs) are skipped; the text itself always appears in order.
    An escape or an entity is tried before a literal match, because ``&`` of
    ``&amp;`` or the ``\\`` of ``\\\\`` is also the character it stands for.
    """
    n = len(content)
    i = 0
    while i < len(text):
        ch = text[i]
        while cursor < n:
            here = content[cursor]
            if here == "\\" and cursor + 1 < n and content[cursor + 1] == ch and _escapable(ch):
                builder.add(ch, locate(cursor + 1))
                cursor += 2
                break
            if here == "&":
                decoded = _entity_at(content, cursor)
                if decoded and text.startswith(decoded[0], i):
                    for extra in decoded[0][1:]:  # an entity may stand for two characters
                        builder.add(ch, locate(cursor))
                        ch = extra
                        i += 1
                    builder.add(ch, locate(cursor))
                    cursor = decoded[1]
                    break
            if here == ch:
                builder.add(ch, locate(cursor))
                cursor += 1
                break
            cursor += 1
        else:
            # Should not happen; keep the character rather than lose text.
            builder.add(ch, locate(max(n - 1, 0)))
        i += 1
    return cursor


def _escapable(ch: str) -> bool:
    return ch.isascii() and not ch.isalnum() and ch.isprintable() and not ch.isspace()


def _entity_at(content: str, cursor: int) -> tuple[str, int] | None:
    """What the entity at ``cursor`` decodes to, and where it ends; None if none."""
    entity = _ENTITY.match(content, cursor)
    if not entity:
        return None
    decoded = html.unescape(entity.group(0))
    return (decoded, entity.end()) if decoded != entity.group(0) else None


def _skip_link_tail(content: str, cursor: int) -> int:
    """Consume ``](destination "title")``, ``][ref]`` or ``]`` after link text."""
    n = len(content)
    if cursor >= n or content[cursor] != "]":
        return cursor
    cursor += 1
    if cursor < n and content[cursor] == "(":
        return _skip_balanced(content, cursor, "(", ")")
    if cursor < n and content[cursor] == "[":
        end = content.find("]", cursor)
        return n if end == -1 else end + 1
    return cursor


def _skip_image(content: str, cursor: int) -> int:
    start = content.find("![", cursor)
    if start == -1:
        return cursor
    close = _skip_balanced(content, start + 1, "[", "]")
    return _skip_link_tail(content, close - 1)


def _skip_balanced(content: str, cursor: int, opener: str, closer: str) -> int:
    depth = 0
    n = len(content)
    while cursor < n:
        ch = content[cursor]
        if ch == "\\":
            cursor += 2
            continue
        if ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth == 0:
                return cursor + 1
        cursor += 1
    return n
