# SPDX-License-Identifier: GPL-3.0-or-later
"""facts.*: recall on inserted disagreements, precision, and false alarms on clean stories.

The stories under ``bench/corpus/facts/stories/`` are real Wikinews stories,
unedited. ``insertions.yml`` lists disagreements to insert into them, each
the way a published correction shows such an error happens. Each insertion
is applied on its own to a copy of its story, and the copy linted with the
facts rules only. A finding the clean story does not have is a hit when it,
or the other place its message names, is on a line the insertion changed;
any other new finding is a false alarm, as is every finding on the clean
stories (counted once per story). Run on its own: ``.venv/bin/python
bench/quality_checks/facts.py``; the shared driver calls ``evaluate``.
"""

from __future__ import annotations

import pathlib
import re
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Any

import yaml

NAME = "facts"
SPLITS = ("dev", "test")
TARGETS = {"recall": 0.8, "precision": 0.9, "clean_per_5000": 1.0}
_SPLIT = re.compile(r"^split:\s*(\w+)", re.M)


@dataclass(frozen=True)
class Found:
    rule: str
    line: int
    other_line: int
    message: str


def _corpus(root: pathlib.Path) -> pathlib.Path:
    for candidate in (root / "bench" / "corpus" / "facts", root / "facts", root):
        if (candidate / "insertions.yml").is_file():
            return candidate
    raise SystemExit(f"facts: no insertions.yml under {root}")


def _linter() -> Any:
    from newslint.linter import Linter, Options

    return Linter(Options(select=("facts",)))


def _lint(linter: Any, path: str, text: str) -> list[Found]:
    from newslint.reading import SourceText

    setup = linter.setup_for(path)
    result = linter.lint_source(SourceText(path, text, "\n"), setup)
    if result.problems:
        raise SystemExit(f"facts: {path}: {result.problems}")
    return [
        Found(f.rule, f.line, int(dict(f.data).get("other_line", f.line)), f.message)
        for f in result.findings
        if f.rule.startswith("facts.")
    ]


def _body_words(text: str) -> int:
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    return len(body.split())


def _apply(text: str, edits: list[list[str]], where: str) -> tuple[str, set[int]]:
    lines: set[int] = set()
    for find, replace in edits:
        if "\n" in replace or find not in text:
            raise SystemExit(f"facts: {where}: cannot apply edit {find!r}")
        text = text.replace(find, replace)
    for _, replace in edits:
        for match in re.finditer(re.escape(replace), text):
            lines.add(text.count("\n", 0, match.start()) + 1)
    return text, lines


def evaluate(root: pathlib.Path) -> dict[str, Any]:
    corpus = _corpus(root)
    linter = _linter()
    stories: dict[str, tuple[str, str]] = {}
    clean: dict[str, list[Found]] = {}
    words: Counter[str] = Counter()
    for path in sorted((corpus / "stories").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        split = _SPLIT.search(text)
        stories[path.name] = (text, split.group(1) if split else "dev")
        clean[path.name] = _lint(linter, str(path), text)
        words[stories[path.name][1]] += _body_words(text)
    insertions = yaml.safe_load((corpus / "insertions.yml").read_text(encoding="utf-8"))
    per_rule: dict[tuple[str, str], list[int]] = {}
    hits: Counter[str] = Counter()
    inserted: Counter[str] = Counter()
    true_findings: Counter[str] = Counter()
    false_new: Counter[str] = Counter()
    missed: list[str] = []
    for item in insertions:
        text, split = stories[item["doc"]]
        altered, lines = _apply(text, item["edits"], item["id"])
        before = {(f.rule, f.line, f.message) for f in clean[item["doc"]]}
        new = [
            f
            for f in _lint(linter, str(corpus / "stories" / item["doc"]), altered)
            if (f.rule, f.line, f.message) not in before
        ]
        good = [f for f in new if f.line in lines or f.other_line in lines]
        inserted[split] += 1
        true_findings[split] += len(good)
        false_new[split] += len(new) - len(good)
        counts = per_rule.setdefault((split, item["rule"]), [0, 0])
        counts[0] += 1
        if good:
            hits[split] += 1
            counts[1] += 1
        else:
            missed.append(f"{split}: {item['id']} ({item['rule']})")
    rows, targets, figures = [], [], {}
    for split in SPLITS:
        alarms_clean = sum(len(clean[d]) for d, (_, s) in stories.items() if s == split)
        recall = hits[split] / inserted[split] if inserted[split] else 0.0
        judged = true_findings[split] + false_new[split] + alarms_clean
        precision = true_findings[split] / judged if judged else 0.0
        per_5000 = alarms_clean / words[split] * 5000 if words[split] else 0.0
        figures[split] = (recall, precision, per_5000)
        stories_n = sum(1 for _, s in stories.values() if s == split)
        rows.append(
            [
                split,
                stories_n,
                words[split],
                inserted[split],
                hits[split],
                f"{recall:.2f}",
                true_findings[split],
                false_new[split],
                alarms_clean,
                f"{precision:.2f}",
                f"{per_5000:.2f}",
            ]
        )
    recall, precision, per_5000 = figures["test"]
    targets = [
        {
            "name": "facts recall (test)",
            "value": recall,
            "target": ">= 0.8",
            "met": recall >= TARGETS["recall"],
        },
        {
            "name": "facts precision (test)",
            "value": precision,
            "target": ">= 0.9",
            "met": precision >= TARGETS["precision"],
        },
        {
            "name": "facts findings per 5,000 words, clean stories (test)",
            "value": per_5000,
            "target": "<= 1",
            "met": per_5000 <= TARGETS["clean_per_5000"],
        },
    ]
    rule_rows = [
        [rule, split, total, found]
        for (split, rule), (total, found) in sorted(per_rule.items(), key=lambda kv: kv[0][::-1])
    ]
    return {
        "tables": [
            {
                "title": "facts.*: inserted disagreements and clean stories",
                "headers": [
                    "split",
                    "stories",
                    "words",
                    "inserted",
                    "found",
                    "recall",
                    "true findings",
                    "false (altered)",
                    "false (clean)",
                    "precision",
                    "clean per 5,000 words",
                ],
                "rows": rows,
            },
            {
                "title": "facts.*: inserted disagreements found, by expected rule",
                "headers": ["rule", "split", "inserted", "found"],
                "rows": rule_rows,
            },
            {
                "title": "facts.*: missed insertions",
                "headers": ["insertion"],
                "rows": [[m] for m in missed],
            },
        ],
        "targets": targets,
        "stale": [],
    }


def main() -> int:
    root = pathlib.Path(__file__).resolve().parents[2]
    report = evaluate(root)
    for table in report["tables"]:
        print(f"\n{table['title']}")
        print(" | ".join(str(h) for h in table["headers"]))
        for row in table["rows"]:
            print(" | ".join(str(c) for c in row))
    print()
    for target in report["targets"]:
        mark = "met" if target["met"] else "NOT met"
        print(f"{target['name']}: {target['value']:.2f} (target {target['target']}): {mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
