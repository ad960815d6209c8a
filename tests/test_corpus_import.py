"""bench/corpus_import.py turns GUM XML and EWT CoNLL-U into corpus Markdown."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "newslint_corpus_import", ROOT / "bench" / "corpus_import.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _tokens(*words: str) -> str:
    return "".join(f"{w}\tXX\t{w}\n" for w in words)


GUM = (
    '<text id="GUM_interview_x" type="interview" sourceURL="https://en.wikinews.org/wiki/X"'
    ' dateCreated="2014-01-03" speakerList="#Wikinews, #TinaMcKenzie" title="Wikinews'
    ' interviews Tina McKenzie" shortTitle="x">\n'
    '<date when="2014-01-03" rend="bold">\n'
    + _tokens("Friday", ",", "January", "3", ",", "2014")
    + "</date>\n<head>\n<s>\n"
    + _tokens("Wikinews", "interviews", "Tina", "McKenzie")
    + "</s>\n</head>\n<p>\n<s>\n"
    + _tokens("McKenzie", "said", "the", "team", "was", "n't", "a")
    + "<w>\n"
    + _tokens("half", "-", "hearted")
    + "</w>\n"
    + _tokens("one", ":", '"', "We", "won", '"', ".")
    + "</s>\n</p>\n<figure>\n<caption>\n<s>\n"
    + _tokens("A", "photo", ".")
    + "</s>\n</caption>\n</figure>\n"
    + '<sp who="#TinaMcKenzie">\n<p>\n<s>\n'
    + _tokens("It", "'s", "(", "really", ")", "good", "!")
    + "</s>\n</p>\n<p>\n<s>\n"
    + _tokens("Really", ".")
    + "</s>\n</p>\n</sp>\n<list>\n<item>\n<s>\n"
    + _tokens("One")
    + "</s>\n</item>\n<item>\n<s>\n"
    + _tokens("Two")
    + "</s>\n</item>\n</list>\n</text>\n"
)

EWT = """# newdoc id = weblog-blogspot.com_example_20040101120000_ENG_20040101_120000
# sent_id = weblog-blogspot.com_example_20040101120000_ENG_20040101_120000-0001
# newpar id = weblog-blogspot.com_example_20040101120000_ENG_20040101_120000-p0001
# text = A short title
1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_
# sent_id = weblog-blogspot.com_example_20040101120000_ENG_20040101_120000-0002
# newpar id = weblog-blogspot.com_example_20040101120000_ENG_20040101_120000-p0002
# text = Officials said it rained.
1\tOfficials\tofficial\tNOUN\tNNS\t_\t0\troot\t_\t_
# sent_id = weblog-blogspot.com_example_20040101120000_ENG_20040101_120000-0003
# text = Nobody knows teh rest.
1\tNobody\tnobody\tPRON\tNN\t_\t0\troot\t_\t_
"""


def _split(text: str) -> tuple[dict[str, object], str]:
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end]), text[end + 5 :]


def test_gum_interview_becomes_markdown_with_speakers_and_spacing() -> None:
    meta, body = _split(_module().gum_to_markdown(GUM, "holdout"))
    meta["date"] = str(meta["date"])
    assert meta == {
        "title": "Wikinews interviews Tina McKenzie",
        "source": "https://en.wikinews.org/wiki/X",
        "licence": "CC BY 2.5",
        "date": "2014-01-03",
        "split": "holdout",
    }
    assert body == (
        "\n# Wikinews interviews Tina McKenzie\n\n"
        'McKenzie said the team wasn\'t a half-hearted one: "We won".\n\n'
        "**Tina McKenzie:** It's (really) good!\n\n"
        "Really.\n\n"
        "- One\n- Two\n"
    )


def test_the_dateline_and_captions_are_dropped() -> None:
    text = _module().gum_to_markdown(GUM, "holdout")
    assert "Friday" not in text and "photo" not in text


def test_ewt_weblog_keeps_sentences_and_typos_and_takes_a_short_title() -> None:
    meta, body = _split(_module().ewt_to_markdown(EWT, "holdout"))
    assert meta["title"] == "A short title"
    assert meta["licence"] == "CC BY-SA 4.0"
    assert meta["split"] == "holdout"
    assert str(meta["date"]) == "2004-01-01"
    assert str(meta["source"]).endswith("_ENG_20040101_120000")
    assert body == "\n# A short title\n\nOfficials said it rained. Nobody knows teh rest.\n"


def test_the_lexicon_calibration_never_reads_the_holdout_split(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "newslint_loaded_lexicon_holdout", ROOT / "scripts" / "loaded_lexicon.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = script
    spec.loader.exec_module(script)
    (tmp_path / "wikinews-interview-blind.md").write_text(
        "---\nsplit: holdout\n---\nA superb day.\n", encoding="utf-8"
    )
    # The GUM file a holdout story was made from is held out with it.
    (tmp_path / "GUM_interview_blind.xml").write_text("<p>\nsuperb\tJJ\n</p>\n", encoding="utf-8")
    (tmp_path / "dev.md").write_text("---\nsplit: dev\n---\nA dreadful day.\n", encoding="utf-8")
    counts = script.voice_counts([tmp_path])
    assert counts["dreadful"] == 1 and counts["superb"] == 0
