"""Source text → Document: front matter, prose blocks, sentences, quotations."""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt

from newslint.document import Document
from newslint.errors import ConfigError, InputError
from newslint.markdown import parse_blocks
from newslint.positions import LineIndex
from newslint.quotes import find_quotations, mark_continued
from newslint.sentences import split_sentences

_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_TOML_END = re.compile(r"^\+\+\+[ \t]*$", re.M)


def parse_document(path: str, text: str, parser: MarkdownIt) -> Document:
    """Build the document model of one draft.

    Raises InputError for broken front matter, after which the caller may
    lint the draft without its front-matter options.
    """
    front_text, front_end = split_front_matter(text)
    # Blank the front matter in place (same length, newlines kept) so that
    # Markdown never lints it and every offset after it stays exact.
    body = _blank(text, front_end) if front_end else text
    lines = LineIndex(text)
    line_starts = [lines.line_start(n) for n in range(1, lines.line_count + 1)]
    blocks, comments = parse_blocks(parser, body, line_starts)
    for block in blocks:
        block.sentences = split_sentences(block.text)
        block.quotations = find_quotations(block.text)
    mark_continued(blocks)
    doc = Document(path, text, blocks, lines, comments=comments)
    if front_text is not None and "newslint" in front_text:
        doc.front_matter = _load_front_matter(path, front_text)
        doc.front_matter_line = 2
    return doc


def split_front_matter(text: str) -> tuple[str | None, int]:
    """The YAML front matter (without fences) and where the body starts.

    Hugo's TOML front matter (``+++`` fences) is skipped too, unread: its
    title line came back as "quotation with no speaker".
    """
    if text.startswith("+++\n") and (toml := _TOML_END.search(text, 4)):
        stop = text.find("\n", toml.end())
        return None, (len(text) if stop == -1 else stop + 1)
    if not text.startswith("---\n"):
        return None, 0
    end = _FRONT_MATTER_END.search(text, 4)
    if not end:
        return None, 0
    stop = text.find("\n", end.end())
    return text[4 : end.start()], (len(text) if stop == -1 else stop + 1)


def unclosed_front_matter(text: str) -> bool:
    """Whether ``text`` opens front matter that holds newslint's options and never closes it.

    Markdown then reads it as text, and the options were dropped in silence.
    Only the lines up to the first blank one are looked at: a draft may open
    with a rule (``---``) and a paragraph.
    """
    if not text.startswith("---\n") or split_front_matter(text)[1]:
        return False
    head = ("\n" + text[4:]).split("\n\n", 1)[0]
    return re.search(r"^newslint[ \t]*:", head, re.M) is not None


def _blank(text: str, end: int) -> str:
    head = "".join("\n" if ch == "\n" else " " for ch in text[:end])
    return head + text[end:]


def _newslint_block(path: str, node: Any) -> Any:
    """The value node of the front matter's one ``newslint:`` key, or None."""
    found = [(k, v) for k, v in node.value if getattr(k, "value", None) == "newslint"]
    if len(found) > 1:
        line = found[1][0].start_mark.line + 2
        raise ConfigError("key 'newslint' is given twice", path, line)
    return found[0][1] if found else None


def _load_front_matter(path: str, front_text: str) -> dict[str, Any]:
    import yaml  # only drafts whose front matter mentions newslint pay for it

    from newslint.yamlfile import check_aliases, convert_node, yaml_problem

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(front_text)
    try:
        node = loader.get_single_node()
        if node is not None:
            check_aliases(path, node, first_line=2)
        # Only newslint's own block, with its lines and no key twice: two
        # ``newslint:`` blocks kept the last, silently. The rest is other tools'.
        block = _newslint_block(path, node) if isinstance(node, yaml.MappingNode) else None
        options = convert_node(path, block, first_line=2) if block is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = yaml_problem(exc, front_text) or "invalid YAML"
        raise InputError(f"front matter: {problem}", path, line) from None
    except ConfigError as exc:
        raise InputError(f"front matter: {exc.message}", path, exc.line) from None
    finally:
        loader.dispose()
    if options is None or block is None:  # no block, or "newslint:" with nothing after it
        return {}
    if not isinstance(options, dict):  # at its own line, wherever in the front matter
        line = block.start_mark.line + 2
        raise InputError("front matter: 'newslint' must be a mapping of options", path, line)
    return options
