#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the Vale style ``News`` that does the work newslint's rules do.

    .venv/bin/python bench/vale/make_style.py

bench/speed times Vale beside newslint; for the ratio to mean anything, Vale
must run comparable checks. This reads newslint's own packs (rules/*.yml) and
the starter house list (examples/names.yml) and writes, under
bench/vale/styles/News/, one Vale rule per newslint rule it can express:
existence rules of the loaded words, substitutions (loaded verbs, euphemisms,
wordy phrases, house-list names), sentence and paragraph length, the draft's
readability metrics and repeated words. What Vale cannot express
(attribution, name variants, consistency, quotation scopes) is not
emulated, so Vale does less work than newslint here, not more.
"""

from __future__ import annotations

from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
STYLE = HERE / "styles" / "News"

# Vale's metric variables: words, sentences, syllables (per its docs).
FORMULAS = {
    "grade_level": "(0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59",
    "reading_ease": "206.835 - (1.015 * (words / sentences)) - (84.6 * (syllables / words))",
    "average_sentence_words": "words / sentences",
}


def quoted(text: str) -> str:
    return yaml.safe_dump(text, allow_unicode=True, width=1000).strip().removesuffix("\n...")


def existence(rule: dict) -> dict:
    return {
        "extends": "existence",
        "message": "'%s' is flagged by " + rule["id"],
        "level": "warning",
        "ignorecase": True,
        "tokens": [str(word) for word in rule["words"]],
    }


def substitution(rule_id: str, swap: dict, ignorecase: bool) -> dict:
    return {
        "extends": "substitution",
        "message": "Use '%s' instead of '%s' (" + rule_id + ")",
        "level": "warning",
        "ignorecase": ignorecase,
        "swap": {str(k): str(v) for k, v in swap.items()},
    }


def metric(rule: dict) -> dict | None:
    name = rule["metric"]
    if name in FORMULAS:
        condition = f"> {rule['max']}" if "max" in rule else f"< {rule['min']}"
        return {
            "extends": "metric",
            "message": rule["id"] + " is %s",
            "level": "suggestion",
            "formula": FORMULAS[name],
            "condition": condition,
        }
    scopes = {"sentence_words": "sentence", "paragraph_words": "paragraph"}
    if name in scopes:
        return {
            "extends": "occurrence",
            "message": rule["id"],
            "level": "suggestion",
            "scope": scopes[name],
            "max": rule["max"],
            "token": r"\b(\w+)\b",
        }
    return None


def repetition(rule: dict) -> dict:
    return {
        "extends": "repetition",
        "message": "'%s' is repeated (" + rule["id"] + ")",
        "level": "error",
        "alpha": True,
        "tokens": [r"[^\s]+"],
    }


def style_rules() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for pack in sorted((ROOT / "rules").glob("*.yml")):
        for rule in yaml.safe_load(pack.read_text(encoding="utf-8"))["rules"]:
            kind, swap = rule["kind"], rule.get("swap")
            made = None
            if kind == "existence":
                made = existence(rule)
            elif kind == "substitution" and isinstance(swap, dict):
                made = substitution(rule["id"], swap, ignorecase=True)
            elif kind == "metric":
                made = metric(rule)
            elif kind == "repetition":
                made = repetition(rule)
            if made is not None:
                out[rule["id"].replace(".", "-")] = made
    house = yaml.safe_load((ROOT / "examples" / "names.yml").read_text(encoding="utf-8"))
    out["names-house-list"] = substitution("names.house-list", house, ignorecase=False)
    return out


def main() -> int:
    STYLE.mkdir(parents=True, exist_ok=True)
    for old in STYLE.glob("*.yml"):
        old.unlink()
    for name, rule in style_rules().items():
        text = yaml.safe_dump(rule, allow_unicode=True, sort_keys=False, width=1000)
        (STYLE / f"{name}.yml").write_text(text, encoding="utf-8")
    ini = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = News\n"
    (HERE / ".vale.ini").write_text(ini, encoding="utf-8")
    print(f"wrote {len(list(STYLE.glob('*.yml')))} rules to {STYLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
