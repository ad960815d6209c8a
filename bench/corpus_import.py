#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Convert GUM Wikinews XML and UD English-EWT documents into bench/corpus Markdown.

    .venv/bin/python bench/corpus_import.py gum GIT_DIR COMMIT NAME SPLIT OUT.md
    .venv/bin/python bench/corpus_import.py ewt GIT_DIR COMMIT PATH SPLIT OUT.md

GIT_DIR is a bare clone (``git show COMMIT:path`` is read). GUM: NAME is the
file stem under ``_build/src/xml/`` (``GUM_interview_licen``). EWT: PATH is
the document under ``not-to-release/sources/``. The conversion is the one
bench/corpus/SOURCES.md describes: GUM tokens joined with ordinary English
spacing, figures and captions dropped, the dateline kept as ``date``, each
interview turn a paragraph led by the speaker's name in bold; EWT sentences
joined with one space within a paragraph, a short title-like first paragraph
as the heading. Words, typos and punctuation are the source's.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

GUM_LICENCE = "CC BY 2.5"
EWT_LICENCE = "CC BY-SA 4.0"
_BLOCKS = ("p", "head", "item", "sp")
_SKIPPED = ("figure", "caption")
_TAG = re.compile(r"^<(/?)([a-z]+)\b([^>]*?)/?>$")
_ATTR = re.compile(r'([a-zA-Z]+)="([^"]*)"')
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "…", "”", "’"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘", "#"}
_CLITICS = (
    "'s",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "n't",
    "’s",
    "’re",
    "’ve",
    "’ll",
    "’d",
    "’m",
    "n’t",
)
_DATELINE = re.compile(r"^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}$")
_SENTENCE = "\x00"  # a sentence boundary among a block's tokens
_GLUE_BOTH = {"@"}  # Stardust@home, split by the tokeniser
_PTB_QUOTES = {"``": '"', "''": '"'}  # GUM keeps a few Penn Treebank quote tokens


@dataclass
class Block:
    kind: str  # heading | paragraph | item
    tokens: list[tuple[str, bool]] = field(default_factory=list)  # (token, glued to previous)
    speaker: str = ""


def detokenize(tokens: list[tuple[str, bool]]) -> str:
    """Tokens back into running text with ordinary English spacing.

    A straight double quote opens or closes by turns; a sentence with an even
    number of them starts closed, so one missing quote does not flip the rest.
    """
    out = ""
    double_open = single_open = False
    prev = ""
    for n, (raw, glued) in enumerate(tokens):
        if raw == _SENTENCE:
            rest = tokens[n + 1 :]
            end = next((i for i, t in enumerate(rest) if t[0] == _SENTENCE), len(rest))
            if sum(1 for t, _ in rest[:end] if _PTB_QUOTES.get(t, t) == '"') % 2 == 0:
                double_open = False
            continue
        token = _PTB_QUOTES.get(raw, raw)
        space = bool(out) and not glued
        if token == '"':
            if double_open:
                space = False
            double_open = not double_open
        elif token == "'":
            if single_open:
                space, single_open = False, False
            elif prev.endswith(("s", "S")) and prev[:1].isalpha():
                space = False  # the parents' house
            else:
                single_open = True
        elif token in _NO_SPACE_BEFORE or token in _GLUE_BOTH or token.lower() in _CLITICS:
            space = False
        if out and (prev in _NO_SPACE_AFTER or prev in _GLUE_BOTH or (prev == '"' and double_open)):
            space = False
        if out and prev == "'" and single_open and token != "'":
            space = False
        out += (" " if space else "") + token
        prev = token
    return out


def speaker_name(who: str) -> str:
    """``#TinaMcKenzie`` -> ``Tina McKenzie``: GUM's speaker ids without spaces."""
    name = who.lstrip("#")
    return re.sub(r"(?<=[a-z])(?<!Mc)(?=[A-Z])", " ", name)


def gum_to_markdown(xml: str, split: str) -> str:
    """One GUM XML document as a corpus file (front matter and body)."""
    lines = xml.splitlines()
    top = _TAG.match(lines[0].strip())
    if top is None or top.group(2) != "text":
        raise ValueError("not a GUM document: the first line is not <text ...>")
    meta = dict(_ATTR.findall(top.group(3)))
    blocks: list[Block] = []
    stack: list[str] = []
    current: Block | None = None
    speaker = ""
    glue = False
    in_word = False
    for raw in lines[1:]:
        line = raw.strip()
        if not line:
            continue
        tag = _TAG.match(line)
        if tag:
            closing, name, attrs = tag.group(1), tag.group(2), tag.group(3)
            if closing:
                if stack and stack[-1] == name:
                    stack.pop()
                if name == "w":
                    in_word = False
                if name in _BLOCKS and current is not None and name != "sp":
                    current = None
                if name == "sp":
                    current, speaker = None, ""
                continue
            if not line.endswith("/>"):
                stack.append(name)
            if name == "s" and current is not None:
                current.tokens.append((_SENTENCE, False))
            if name == "w":
                in_word, glue = True, False
            elif name == "sp":
                speaker = speaker_name(dict(_ATTR.findall(attrs)).get("who", ""))
                current = Block("paragraph", speaker=speaker)
                blocks.append(current)
            elif name in ("p", "head", "item"):
                kind = {"p": "paragraph", "head": "heading", "item": "item"}[name]
                if name == "p" and current is not None and current.speaker and not current.tokens:
                    continue  # the turn's first paragraph is the turn's block
                current = Block(kind)
                blocks.append(current)
            continue
        if any(s in _SKIPPED for s in stack):
            continue
        token = line.split("\t")[0]
        if current is None:
            if "date" in stack:
                continue  # the dateline above the story
            current = Block("paragraph")
            blocks.append(current)
        current.tokens.append((token, in_word and glue))
        glue = in_word
    return _gum_render(meta, blocks, split)


def _gum_render(meta: dict[str, str], blocks: list[Block], split: str) -> str:
    blocks = [b for b in blocks if any(t != _SENTENCE for t, _ in b.tokens)]
    headings = [b for b in blocks if b.kind == "heading"]
    title = detokenize(headings[0].tokens) if headings else meta["title"]
    body = [f"# {title}"]
    for block in blocks:
        if not block.tokens or (headings and block is headings[0]):
            continue
        text = detokenize(block.tokens)
        if _DATELINE.match(text):
            continue  # "Sunday, May 28, 2006": kept as the date
        if block.kind == "heading":
            body.append(f"## {text}")
        elif block.kind == "item":
            body.append(f"- {text}")
        elif block.speaker:
            body.append(f"**{block.speaker}:** {text}")
        else:
            body.append(text)
    front = _front_matter(title, meta["sourceURL"], GUM_LICENCE, meta.get("dateCreated"), split)
    return front + _join_blocks(body)


def _join_blocks(body: list[str]) -> str:
    out = ""
    for i, text in enumerate(body):
        if i and not (text.startswith("- ") and body[i - 1].startswith("- ")):
            out += "\n"
        out += text + "\n"
    return out


def _front_matter(title: str, source: str, licence: str, date: str | None, split: str) -> str:
    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["---", f"title: {quoted(title)}", f"source: {quoted(source)}"]
    lines.append(f"licence: {quoted(licence)}")
    if date:
        lines.append(f"date: {date}")
    lines += [f"split: {split}", "---", ""]
    return "\n".join(lines) + "\n"


def ewt_to_markdown(conllu: str, split: str) -> str:
    """One EWT source document (CoNLL-U) as a corpus file."""
    doc_id = ""
    paragraphs: list[list[str]] = []
    for line in conllu.splitlines():
        if line.startswith("# newdoc id = "):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# newpar"):
            paragraphs.append([])
        elif line.startswith("# text = "):
            if not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(line[len("# text = ") :].strip())
    texts = [" ".join(p) for p in paragraphs if p]
    genre, _, name = doc_id.partition("-")
    stamp = re.search(r"_ENG_(\d{4})(\d{2})(\d{2})_", doc_id)
    if not texts or not stamp or genre not in ("weblog", "newsgroup"):
        raise ValueError(f"not an EWT weblog or newsgroup document: {doc_id!r}")
    date = "-".join(stamp.groups())
    first = texts[0]
    if len(first.split()) <= 15 and not first.endswith((".", "!", "?")):
        title, texts = first, texts[1:]
    elif genre == "weblog":
        title = f"Weblog post ({name.split('_')[0]}, {date})"
    else:
        title = f"Newsgroup post ({name.split('_')[1]}, {date})"
    source = f"UD English-EWT, document {doc_id}"
    body = [f"# {title}", *texts]
    return _front_matter(title, source, EWT_LICENCE, date, split) + _join_blocks(body)


def git_show(git_dir: str, commit: str, path: str) -> str:
    return subprocess.run(
        ["git", "-C", git_dir, "show", f"{commit}:{path}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", choices=("gum", "ewt"))
    parser.add_argument("git_dir")
    parser.add_argument("commit")
    parser.add_argument("name", help="GUM file stem, or EWT path under not-to-release/sources/")
    parser.add_argument("split", choices=("dev", "test", "holdout"))
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.source == "gum":
        xml = git_show(args.git_dir, args.commit, f"_build/src/xml/{args.name}.xml")
        text = gum_to_markdown(xml, args.split)
    else:
        conllu = git_show(args.git_dir, args.commit, f"not-to-release/sources/{args.name}")
        text = ewt_to_markdown(conllu, args.split)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(text.split())} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
