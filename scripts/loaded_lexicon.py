#!/usr/bin/env python3
"""Propose loaded words for rules/loaded.yml from three subjectivity lexicons.

A word is proposed when all three agree that it is strongly subjective:
  * MPQA subjectivity clues (Wilson, Wiebe & Hoffmann 2005; GNU GPL):
    type=strongsubj, an adjective or adverb (or anypos), polarity not neutral;
  * VADER's lexicon (Hutto & Gilbert 2014; MIT, the vaderSentiment package):
    mean valence at least 1.9 either way;
  * TextBlob's en-sentiment.xml (De Smedt & Daelemans, Pattern; PDDL):
    subjectivity at least 0.75 in one of its senses.
It is then dropped when professionally edited news uses it in the writer's
own voice (outside quotation marks): the calibration folders given on the
command line (the corpus's edited/ dev half and tests/devset/articles).

The output is a candidate list (word, POS, scores) for an editor to read; the
words chosen from it are listed in loaded.yml's ``loaded.subjective`` rule.
Usage:
  pip install vaderSentiment textblob
  python scripts/loaded_lexicon.py MPQA.tff EDITED_DIR... > candidates.tsv
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def mpqa(path: Path) -> dict[str, tuple[str, str]]:
    """word -> (pos, polarity) for strongly subjective adjectives and adverbs."""
    clues: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = dict(f.split("=", 1) for f in line.split() if "=" in f)
        if fields.get("type") != "strongsubj" or fields.get("priorpolarity") == "neutral":
            continue
        if fields.get("pos1") in ("adj", "adverb", "anypos"):
            clues[fields["word1"]] = (fields["pos1"], fields["priorpolarity"])
    return clues


def vader() -> dict[str, float]:
    import vaderSentiment

    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    scores = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            scores[parts[0]] = float(parts[1])
    return scores


def textblob_subjectivity() -> dict[str, float]:
    import textblob

    path = Path(textblob.__file__).parent / "en" / "en-sentiment.xml"
    best: dict[str, float] = {}
    for word in ET.parse(path).getroot().iter("word"):
        form, subj = word.get("form", ""), float(word.get("subjectivity", "0"))
        best[form] = max(best.get(form, 0.0), subj)
    return best


def voice_counts(folders: list[Path]) -> Counter[str]:
    """How often edited copy uses each word outside quotation marks."""
    counts: Counter[str] = Counter()
    for folder in folders:
        for path in sorted(folder.glob("*.md")):
            text = path.read_text(encoding="utf-8")
            if text.startswith("---") and "split: test" in text.split("\n---", 1)[0]:
                continue  # the test half is for measuring only
            counts.update(_WORD.findall(_QUOTED.sub(" ", text).lower()))
    return counts


def main(argv: list[str]) -> int:
    clues = mpqa(Path(argv[0]))
    valence, subjectivity = vader(), textblob_subjectivity()
    edited = voice_counts([Path(a) for a in argv[1:]])
    print("word\tpos\tpolarity\tvader\ttextblob_subjectivity")
    for word in sorted(clues):
        v, s = valence.get(word), subjectivity.get(word)
        if v is None or s is None or abs(v) < 1.9 or s < 0.75 or edited[word]:
            continue
        pos, polarity = clues[word]
        print(f"{word}\t{pos}\t{polarity}\t{v:+.1f}\t{s:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
