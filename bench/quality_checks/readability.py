# SPDX-License-Identifier: GPL-3.0-or-later
"""Readability (issue 11): draft-level findings on edited stories.

The draft-level rules (average sentence, grade level, reading ease) should
fire on fewer than 1 edited story in 10; rough copy may draw more. The
per-sentence and per-paragraph rules are counted, not judged. Judgements:
bench/corpus/judgements/readability.yml, one record per draft-level finding.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quality_checks.corpus import (
    BLIND,
    KINDS,
    MEASURED,
    SPLITS,
    corpus_dir,
    fmt,
    lint_corpus,
    load_yaml_list,
    stale,
)

NAME = "readability"
DRAFT_RULES = (
    "readability.average-sentence",
    "readability.grade-level",
    "readability.reading-ease",
)
SEVERITIES = {"suggestion", "warning", "error"}


def evaluate(root: Path) -> dict[str, Any]:
    corpus = lint_corpus(root)
    judgements = load_yaml_list(corpus_dir(root) / "judgements" / "readability.yml")
    rows = []
    share: dict[str, float] = {}
    for kind in KINDS:
        # "dev+test": what the target is defined on (holdout is blind, shown apart).
        for split in (*SPLITS, "dev+test"):
            splits = MEASURED if split == "dev+test" else (split,)
            docs = [d for d in corpus.docs if d.kind == kind and d.split in splits]
            flagged = {h.doc for h in corpus.hits if h.rule in DRAFT_RULES} & {d.name for d in docs}
            count = sum(1 for h in corpus.hits if h.rule in DRAFT_RULES and h.doc in flagged)
            share[f"{kind}/{split}"] = len(flagged) / len(docs) if docs else 0.0
            rows.append(
                [kind, split, len(docs), len(flagged), count, fmt(share[f"{kind}/{split}"])]
            )
    edited = share["edited/dev+test"]
    blind = share[f"edited/{BLIND}"]
    problems = [
        p
        for p in stale(corpus, judgements, "readability", SEVERITIES)
        if any(rule in p for rule in DRAFT_RULES) or "bad verdict" in p
    ]
    return {
        "tables": [
            {"title": "Draft-level readability findings (average sentence, grade, ease)",
             "headers": ["kind", "split", "stories", "flagged", "findings", "share"],
             "rows": rows},
        ],
        "targets": [
            {"name": "edited stories with draft-level readability findings", "value": edited,
             "target": "< 0.10", "met": edited < 0.10, "blind": blind},
        ],
        "stale": problems,
    }  # fmt: skip
