# SPDX-License-Identifier: GPL-3.0-or-later
"""Spelling and grammar (issue 11): false alarms on edited copy, capitalised misspellings.

Labels: bench/corpus/labels/spelling.yml gives each edited story's house
dialect (others are en-US) and real capitalised misspellings. Edited stories
are linted with their dialect set, as a newsroom would (``newslint:
{dialect: …}`` added to the front matter in memory). Judgements:
bench/corpus/judgements/spelling.yml, one record per spelling.* or grammar.*
warning or error on edited copy so linted; ``wrong`` ones are false alarms.
Needs LanguageTool; with --no-languagetool the module reports nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from quality_checks.corpus import (
    BLIND,
    SPLITS,
    Doc,
    corpus_dir,
    fmt,
    judgement_key,
    languagetool_on,
    lint_corpus,
    load_docs,
    load_yaml_list,
)

NAME = "spelling"
FAMILIES = ("spelling", "grammar")
LOUD = {"warning", "error"}


def _linter(root: Path) -> Any:
    """A linter for spelling and grammar, patient with a busy LanguageTool server.

    Each dialect's first check loads its model; on a loaded machine that can
    outlast the default 10 s timeout.
    """
    sys.path.insert(0, str(root / "lint"))
    import tempfile

    from newslint.linter import Linter, Options

    config = Path(tempfile.mkdtemp()) / ".newslint.yml"
    config.write_text("languagetool: {timeout: 120}\n", encoding="utf-8")
    return Linter(Options(select=FAMILIES, config_path=str(config)))


def _lint(root: Path, linter: Any, path: str, text: str) -> list[Any]:
    from newslint.reading import SourceText

    result = linter.lint_source(SourceText(path, text, "\n"), linter.setup_for(path))
    if result.notices:
        raise SystemExit(f"{path}: {result.notices[0]}")
    return result.findings


def with_dialect(text: str, dialect: str) -> str:
    """The story with ``newslint: {dialect: …}`` as one more front-matter line."""
    end = text.find("\n---\n", 4)
    meta = yaml.safe_load(text[4:end]) or {}
    if "newslint" in meta:
        raise SystemExit("corpus front matter already has newslint options")
    return text[:end] + f"\nnewslint: {{dialect: {dialect}}}" + text[end:]


def edited_findings(root: Path, dialects: dict[str, str]) -> tuple[list[Doc], list[dict[str, Any]]]:
    docs = [d for d in load_docs(root) if d.kind == "edited"]
    linter = _linter(root)
    found = []
    for doc in docs:
        dialect = dialects.get(doc.name, "en-US")
        text = doc.text if dialect == "en-US" else with_dialect(doc.text, dialect)
        shift = 0 if dialect == "en-US" else 1  # the added line
        for f in _lint(root, linter, str(corpus_dir(root) / doc.name), text):
            if f.severity.name.lower() in LOUD:
                found.append(
                    {"doc": doc.name, "rule": f.rule, "line": f.line - shift, "column": f.column,
                     "text": text[f.start : f.end], "split": doc.split, "message": f.message}
                )  # fmt: skip
    return docs, found


def capitalised_recall(root: Path, labels: list[dict[str, Any]]) -> tuple[int, list[str]]:
    paragraphs = [str(r["text"]) for r in labels]
    text = "\n\n".join(paragraphs) + "\n"
    findings = _lint(root, _linter(root), str(root / "capitalised.md"), text)
    spans = [(f.start, f.end) for f in findings if f.rule == "spelling.typo"]
    found, misses, at = 0, [], 0
    for record in labels:
        at = text.find(str(record["text"]), at)
        start = at + str(record["text"]).find(str(record["word"]))
        end = start + len(str(record["word"]))
        if any(s < end and start < e for s, e in spans):
            found += 1
        else:
            misses.append(str(record["word"]))
    return found, misses


def holdout_recall(root: Path, labels: list[dict[str, Any]]) -> list[list[Any]]:
    """Misspellings labelled in the blind holdout files, found by the corpus run.

    A label is found when a spelling.* or grammar.* finding (any severity) of
    the shared corpus run, each story in its house dialect, overlaps its word.
    """
    corpus = lint_corpus(root)
    rows: list[list[Any]] = []
    for kind in ("non-word", "real-word"):
        found = 0
        records = [r for r in labels if r["kind"] == kind]
        for r in records:
            text = corpus.doc(str(r["doc"])).text
            at = text.find(str(r["text"]))
            if at == -1:
                raise SystemExit(f"labels/spelling.yml: {r['text']!r} not in {r['doc']}")
            start = at + str(r["text"]).find(str(r["word"]))
            end = start + len(str(r["word"]))
            if any(
                h.doc == r["doc"]
                and h.rule.split(".")[0] in FAMILIES
                and h.start < end
                and start < h.end
                for h in corpus.hits
            ):
                found += 1
        # The misses are counted, never listed: a list is what gets tuned on.
        rows.append([kind, len(records), found, fmt(found / len(records) if records else None)])
    return rows


def evaluate(root: Path) -> dict[str, Any]:
    if not languagetool_on():
        return {"tables": [], "targets": [], "stale": []}
    labels = yaml.safe_load((corpus_dir(root) / "labels" / "spelling.yml").read_text("utf-8"))
    judgements = load_yaml_list(corpus_dir(root) / "judgements" / "spelling.yml")
    verdicts = {judgement_key(r): r["verdict"] for r in judgements}
    docs, found = edited_findings(root, labels["dialects"])

    rows, rates = [], {}
    for split in SPLITS:
        words = sum(d.words for d in docs if d.split == split)
        hits = [h for h in found if h["split"] == split]
        wrong = sum(1 for h in hits if verdicts.get(judgement_key(h)) == "wrong")
        rates[split] = 2000 * wrong / words if words else 0.0
        rows.append([split, words, len(hits), wrong, fmt(rates[split] if words else None)])
    rate = rates["test"]  # the target is measured on the half nobody tuned on
    blind_rate = rates[BLIND]
    blind_rows = holdout_recall(root, labels.get("holdout") or [])
    blind_found = sum(int(r[2]) for r in blind_rows)
    blind_total = sum(int(r[1]) for r in blind_rows)
    caps = labels["capitalised"]
    caught, misses = capitalised_recall(root, caps)

    current = {judgement_key(h): h for h in found}
    stale = [
        f"judged finding gone: {k[0]}:{k[2]}:{k[3]} [{k[1]}]" for k in verdicts if k not in current
    ]
    stale += [
        f"unjudged finding: {h['doc']}:{h['line']}:{h['column']} [{h['rule']}] {h['text']!r}"
        for k, h in current.items()
        if k not in verdicts
    ]
    return {
        "tables": [
            {"title": "Spelling and grammar on edited copy, dialect set (warnings+errors)",
             "headers": ["split", "words", "findings", "false alarms", "per 2,000 words"],
             "rows": rows},
            {"title": "Capitalised misspellings (labels/spelling.yml)",
             "headers": ["examples", "caught", "missed"],
             "rows": [[len(caps), caught, ", ".join(misses) or "-"]]},
            {"title": "Misspellings in the holdout files, blind (labels/spelling.yml holdout)",
             "headers": ["kind", "labelled", "found", "recall"],
             "rows": blind_rows},
        ],
        "targets": [
            {"name": "spelling/grammar false alarms per 2,000 words, edited test", "value": rate,
             "target": "<= 1", "met": rate <= 1, "blind": blind_rate},
            {"name": f"capitalised misspellings recall ({len(caps)} examples)",
             "value": caught / len(caps), "target": ">= 0.8 on >= 20",
             "met": len(caps) >= 20 and caught >= 0.8 * len(caps),
             "blind": f"misspellings in copy: {blind_found}/{blind_total}"},
        ],
        "stale": stale,
    }  # fmt: skip
