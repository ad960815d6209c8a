# SPDX-License-Identifier: GPL-3.0-or-later
"""The evaluation corpus, linted once per run and shared by every quality check.

Modules call :func:`lint_corpus` (memoised per root and LanguageTool switch)
and :func:`judgement_report` for precision and stale judgements of one family.
The driver sets ``NEWSLINT_QUALITY_LANGUAGETOOL=0`` for ``--no-languagetool``.
Each story is linted in its house dialect (``dialects`` in labels/spelling.yml).
Splits: ``dev`` (tuned on), ``test`` (measured; the targets are defined on
it) and ``holdout`` (blind: printed beside the targets as "blind", never
tuned on).
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KINDS = ("edited", "rough")
SPLITS = ("dev", "test", "holdout")
# dev is tuned on and test measured; targets are defined on these. holdout is
# blind: real text nobody tuned on, labelled before it was linted; its figures
# are printed beside the targets, never used to tune (bench/corpus/SOURCES.md).
MEASURED = ("dev", "test")
BLIND = "holdout"
VERDICTS = ("useful", "acceptable", "wrong")
_WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")
# The rules that send prose to LanguageTool (skipped by --no-languagetool).
LANGUAGETOOL_RULES = (
    "spelling.typo",
    "grammar.languagetool",
    "typography.languagetool",
    "style.languagetool",
)


@dataclass(frozen=True)
class Doc:
    """One corpus file: ``name`` is its path under the corpus root."""

    name: str
    kind: str
    split: str
    text: str
    words: int


@dataclass(frozen=True)
class Hit:
    """One finding on a corpus file, reduced to what judgements key on."""

    doc: str
    rule: str
    severity: str
    line: int
    column: int
    start: int
    end: int
    text: str
    message: str


@dataclass(frozen=True)
class Corpus:
    docs: tuple[Doc, ...]
    hits: tuple[Hit, ...]

    def doc(self, name: str) -> Doc:
        return next(d for d in self.docs if d.name == name)


def corpus_dir(root: Path) -> Path:
    return root / "bench" / "corpus"


def body_of(text: str) -> str:
    """The text after the YAML front matter."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def front_matter(text: str, path: Path) -> dict[str, Any]:
    import yaml

    if not text.startswith("---\n") or text.find("\n---\n", 4) == -1:
        raise SystemExit(f"{path}:1: corpus file without YAML front matter")
    data = yaml.safe_load(text[4 : text.find("\n---\n", 4)])
    missing = [k for k in ("title", "source", "licence", "split") if not data.get(k)]
    if missing or data["split"] not in SPLITS:
        raise SystemExit(
            f"{path}:1: front matter needs title, source, licence, split: {'|'.join(SPLITS)}"
        )
    return data


def load_docs(root: Path) -> list[Doc]:
    docs = []
    for kind in KINDS:
        for path in sorted((corpus_dir(root) / kind).glob("*.md")):
            text = path.read_text(encoding="utf-8")
            meta = front_matter(text, path)
            words = len(_WORD.findall(body_of(text)))
            docs.append(Doc(f"{kind}/{path.name}", kind, meta["split"], text, words))
    return docs


def languagetool_on() -> bool:
    return os.environ.get("NEWSLINT_QUALITY_LANGUAGETOOL", "1") != "0"


def lint_corpus(root: Path) -> Corpus:
    return _lint_corpus(root.resolve(), languagetool_on())


@functools.cache
def _lint_corpus(root: Path, languagetool: bool) -> Corpus:
    sys.path.insert(0, str(root / "lint"))
    from newslint.linter import Linter, Options
    from newslint.reading import SourceText

    ignore = () if languagetool else LANGUAGETOOL_RULES
    dialects = house_dialects(root)
    linters: dict[str, Any] = {}
    docs = load_docs(root)
    hits: list[Hit] = []
    for doc in docs:
        path = str(corpus_dir(root) / doc.name)
        # Each story is linted in its house dialect, as its newsroom would set it.
        dialect = dialects.get(doc.name, "en-US")
        if dialect not in linters:
            linters[dialect] = Linter(Options(ignore=ignore, config_path=_config(dialect)))
        linter = linters[dialect]
        setup = linter.setup_for(path)
        # A pack error drops the broken rule and the run goes on, as a user's run does;
        # measured like that, the figures would describe a smaller product, so refuse.
        for error in setup.packs.errors:
            raise SystemExit(f"rule pack error, nothing measured: {error}")
        result = linter.lint_source(SourceText(path, doc.text, "\n"), setup)
        for problem in result.problems:
            raise SystemExit(f"{doc.name}: {problem}")
        for f in result.findings:
            hits.append(
                Hit(
                    doc.name,
                    f.rule,
                    f.severity.name.lower(),
                    f.line,
                    f.column,
                    f.start,
                    f.end,
                    doc.text[f.start : f.end],
                    f.message,
                )
            )
    return Corpus(tuple(docs), tuple(hits))


def house_dialects(root: Path) -> dict[str, str]:
    """Each edited story's house dialect (labels/spelling.yml); the rest are en-US."""
    import yaml

    labels = yaml.safe_load((corpus_dir(root) / "labels" / "spelling.yml").read_text("utf-8"))
    return {str(k): str(v) for k, v in (labels.get("dialects") or {}).items()}


def _config(dialect: str) -> str:
    """A .newslint.yml with the house dialect and a patient LanguageTool (defaults otherwise)."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="newslint-quality-")) / ".newslint.yml"
    # A patient timeout: a dialect's first check loads its model, slow on a busy machine.
    path.write_text(f"dialect: {dialect}\nlanguagetool: {{timeout: 120}}\n", encoding="utf-8")
    return str(path)


def load_yaml_list(path: Path) -> list[dict[str, Any]]:
    import yaml

    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise SystemExit(f"{path}:1: expected a list of records")
    return data


def words(docs: Iterable[Doc]) -> int:
    return sum(d.words for d in docs)


def per_thousand(count: int, n_words: int) -> float:
    return 1000.0 * count / n_words if n_words else 0.0


@dataclass
class Tally:
    useful: int = 0
    acceptable: int = 0
    wrong: int = 0
    unjudged: int = 0

    @property
    def judged(self) -> int:
        return self.useful + self.acceptable + self.wrong

    @property
    def precision(self) -> float | None:
        return (self.useful + self.acceptable) / self.judged if self.judged else None


def judgement_key(record: dict[str, Any]) -> tuple[str, str, int, int]:
    return (str(record["doc"]), str(record["rule"]), int(record["line"]), int(record["column"]))


def tally(
    corpus: Corpus,
    judgements: Sequence[dict[str, Any]],
    rules: Iterable[str],
    kind: str,
    split: str | None,
    severities: Iterable[str] = ("suggestion", "warning", "error"),
) -> Tally:
    """Verdict counts over the current findings of ``rules`` on one kind/split."""
    verdicts = {judgement_key(r): r["verdict"] for r in judgements}
    wanted, sev = set(rules), set(severities)
    names = {d.name for d in corpus.docs if d.kind == kind and (split is None or d.split == split)}
    out = Tally()
    for hit in corpus.hits:
        if hit.rule in wanted and hit.doc in names and hit.severity in sev:
            verdict = verdicts.get((hit.doc, hit.rule, hit.line, hit.column))
            if verdict is None:
                out.unjudged += 1
            else:
                setattr(out, verdict, getattr(out, verdict) + 1)
    return out


def stale(
    corpus: Corpus, judgements: Sequence[dict[str, Any]], family: str, judged_severities: set[str]
) -> list[str]:
    """Judged findings of ``family`` that disappeared, and unjudged ones that appeared."""
    problems = []
    for r in judgements:
        if r.get("verdict") not in VERDICTS:
            problems.append(f"bad verdict {r.get('verdict')!r} in {judgement_key(r)}")
    current = {
        (h.doc, h.rule, h.line, h.column): h
        for h in corpus.hits
        if h.rule.startswith(family + ".") and h.severity in judged_severities
    }
    judged = {judgement_key(r) for r in judgements}
    for key in sorted(judged - set(current)):
        problems.append(f"judged finding gone: {key[0]}:{key[2]}:{key[3]} [{key[1]}]")
    for key in sorted(set(current) - judged):
        h = current[key]
        problems.append(f"unjudged finding: {h.doc}:{h.line}:{h.column} [{h.rule}] {h.text!r}")
    return problems


def fmt(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"
