# SPDX-License-Identifier: GPL-3.0-or-later
"""Names (issue 11): no false alarms on consistent copy, recall on real variant pairs.

Corpus: every ``names.*`` finding on the corpus (no house list: newslint's
default) is judged in bench/corpus/judgements/names.yml. An edited story
that spells every name one way must get none: a finding judged ``wrong``
there is such a false alarm.

Variant pairs: tests/data/name_variants.yml lists real spellings of one
name (each list) and look-alike names that are different (``distinct``).
Recall is the share of same-name pairs the keys call variants; a false
merge is a distinct pair they call variants.
"""

from __future__ import annotations

import itertools
import sys
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
    per_thousand,
    stale,
    tally,
    words,
)

NAME = "names"
FAMILY = "names"
JUDGED = {"suggestion", "warning", "error"}
RECALL_TARGET = 0.95


def _variant_measure(root: Path) -> dict[str, Any]:
    import yaml

    sys.path.insert(0, str(root / "lint"))
    from newslint.names.keys import are_variants

    data = yaml.safe_load((root / "tests" / "data" / "name_variants.yml").read_text("utf-8"))
    pairs = [p for group in data["variants"] for p in itertools.combinations(group, 2)]
    missed = [(a, b) for a, b in pairs if not are_variants(a, b)]
    merged = [(a, b) for a, b in data["distinct"] if are_variants(a, b)]
    confusions = [(a, b) for a, b in data.get("known_confusions", []) if are_variants(a, b)]
    return {
        "pairs": len(pairs),
        "groups": len(data["variants"]),
        "recall": 1 - len(missed) / len(pairs),
        "missed": missed,
        "distinct": len(data["distinct"]),
        "merged": merged,
        "confusions": confusions,
    }


def _with_starter_list(root: Path, docs: list[Any]) -> dict[str, int]:
    """names.house-list findings per doc if a newsroom adopted examples/names.yml.

    Not a target: it shows what a house list imposes on copy from elsewhere,
    which is why none is imposed by default.
    """
    import tempfile

    sys.path.insert(0, str(root / "lint"))
    from newslint.linter import Linter, Options
    from newslint.reading import SourceText

    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / ".newslint.yml"
        starter = root / "examples" / "names.yml"
        config.write_text(f"names:\n  house_list: {starter}\n", encoding="utf-8")
        linter = Linter(Options(config_path=str(config), select=("names.house-list",)))
        for doc in docs:
            path = str(corpus_dir(root) / doc.name)
            result = linter.lint_source(SourceText(path, doc.text, "\n"), linter.setup_for(path))
            counts[doc.name] = len(result.findings)
    return counts


def evaluate(root: Path) -> dict[str, Any]:
    corpus = lint_corpus(root)
    judgements = load_yaml_list(corpus_dir(root) / "judgements" / "names.yml")
    rules = sorted({h.rule for h in corpus.hits if h.rule.startswith(FAMILY + ".")})
    rows = []
    wrong_on_edited = wrong_on_blind = 0
    for kind in KINDS:
        for split in SPLITS:
            docs = [d for d in corpus.docs if d.kind == kind and d.split == split]
            names = {d.name for d in docs}
            count = sum(1 for h in corpus.hits if h.doc in names and h.rule in rules)
            t = tally(corpus, judgements, rules, kind, split)
            if kind == "edited" and split in MEASURED:
                wrong_on_edited += t.wrong
            elif kind == "edited" and split == BLIND:
                wrong_on_blind += t.wrong
            rows.append(
                [
                    f"{kind} {split}",
                    len(docs),
                    count,
                    fmt(per_thousand(count, words(docs))),
                    f"{t.useful}/{t.acceptable}/{t.wrong}",
                    fmt(t.precision),
                ]
            )
    variants = _variant_measure(root)
    starter = _with_starter_list(root, list(corpus.docs))
    starter_rows = [
        [
            kind,
            sum(1 for d in corpus.docs if d.kind == kind and starter[d.name]),
            sum(starter[d.name] for d in corpus.docs if d.kind == kind),
        ]
        for kind in KINDS
    ]
    missed = "; ".join(f"{a} / {b}" for a, b in variants["missed"]) or "none"
    merged = "; ".join(f"{a} / {b}" for a, b in variants["merged"]) or "none"
    sizes = f"{variants['groups']} / {variants['pairs']}"
    apart = f"{variants['distinct']} / {len(variants['merged'])}"
    return {
        "tables": [
            {
                "title": "names: findings on the corpus (no house list)",
                "headers": ["copy", "docs", "findings", "per 1k words", "u/a/w", "precision"],
                "rows": rows,
            },
            {
                "title": "names: what the starter house list (examples/names.yml) would flag",
                "headers": ["copy", "docs flagged", "names.house-list findings"],
                "rows": starter_rows,
            },
            {
                "title": "names: variant pairs (tests/data/name_variants.yml)",
                "headers": ["measure", "value"],
                "rows": [
                    ["variant groups / same-name pairs", sizes],
                    ["recall", fmt(variants["recall"], 3)],
                    ["missed", missed],
                    ["distinct pairs / merged", apart],
                    ["merged", merged],
                    [
                        "known confusions still merged (kept apart by 'distinct')",
                        len(variants["confusions"]),
                    ],
                ],
            },
        ],
        "targets": [
            {
                "name": "names: wrong findings on edited stories that spell names one way",
                "value": float(wrong_on_edited),
                "target": "0",
                "met": wrong_on_edited == 0,
                "blind": float(wrong_on_blind),
            },
            {
                "name": "names: recall on real variant pairs",
                "value": round(variants["recall"], 3),
                "target": f">= {RECALL_TARGET}",
                "met": variants["recall"] >= RECALL_TARGET,
            },
            {
                "name": "names: false merges of distinct look-alike names",
                "value": float(len(variants["merged"])),
                "target": "0",
                "met": not variants["merged"],
            },
        ],
        "stale": stale(corpus, judgements, FAMILY, JUDGED),
    }
