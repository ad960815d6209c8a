# SPDX-License-Identifier: GPL-3.0-or-later
"""House style (style.*): precision from bench/corpus/judgements/style.yml, every severity."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quality_checks.corpus import (
    KINDS,
    SPLITS,
    corpus_dir,
    fmt,
    lint_corpus,
    load_yaml_list,
    stale,
    tally,
)

NAME = "style"
SEVERITIES = {"suggestion", "warning", "error"}


def evaluate(root: Path) -> dict[str, Any]:
    corpus = lint_corpus(root)
    judgements = load_yaml_list(corpus_dir(root) / "judgements" / "style.yml")
    rules = sorted({h.rule for h in corpus.hits if h.rule.startswith("style.")})
    rows = []
    for kind in KINDS:
        for split in SPLITS:
            t = tally(corpus, judgements, rules, kind, split, SEVERITIES)
            rows.append([kind, split, t.judged, t.unjudged, fmt(t.precision)])
    return {
        "tables": [
            {
                "title": "House style precision (judgements/style.yml)",
                "headers": ["kind", "split", "judged", "unjudged", "precision"],
                "rows": rows,
            }
        ],
        "targets": [],
        "stale": stale(corpus, judgements, "style", SEVERITIES),
    }
