"""The attribution package compiles nothing until a rule needs it (issue 14, item 2)."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest

from newslint.attribution import regexes
from newslint.attribution.lexicon import CuePattern, combine
from newslint.lazyregex import Lazy
from tests.conftest import SEED

# Counts the standard library's compiles made from the attribution modules.
_COUNT_IMPORT_COMPILES = """
import re._compiler as compiler, sys
original, made = compiler.compile, []
def counting(pattern, flags=0):
    frame = sys._getframe(1)
    while frame and "/re/" in frame.f_code.co_filename:
        frame = frame.f_back
    made.append(frame.f_code.co_filename if frame else "?")
    return original(pattern, flags)
compiler.compile = counting
import newslint.attribution
print(sum("/attribution/" in name for name in made))
"""


def test_importing_the_package_compiles_no_pattern() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _COUNT_IMPORT_COMPILES], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "0"


def test_a_lazy_pattern_compiles_on_first_use_and_matches_as_re() -> None:
    lazy = Lazy(r"\b(?:said|told)\b", re.I)
    assert lazy._compiled is None
    text = "Police SAID, and officials told reporters."
    assert [m.group(0) for m in lazy.finditer(text)] == ["SAID", "told"]
    later = lazy.search(text, 10)
    assert later is not None and later.group(0) == "told"
    assert lazy.search(text, 0, 5) is None
    assert lazy._compiled is not None


@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("search", ("Police SAID it", 3)),
        ("match", ("said so", 0, 4)),
        ("fullmatch", ("told",)),
        ("finditer", ("said, told, said", 1)),
        ("findall", ("said and told",)),
        ("sub", ("-", "they said and told")),
        ("split", ("we said it",)),
    ],
)
def test_a_lazy_pattern_answers_as_re_before_and_after_compiling(
    method: str, args: tuple[object, ...]
) -> None:
    """The first call goes through the class's method; later ones straight to re's."""
    lazy = Lazy(r"\b(?:said|told)\b", re.I)
    plain = re.compile(r"\b(?:said|told)\b", re.I)

    def seen(answer: object) -> object:
        if isinstance(answer, re.Match):
            return answer.span()
        if isinstance(answer, Iterator):
            return [m.span() for m in answer]
        return answer

    expected = seen(getattr(plain, method)(*args))
    assert seen(getattr(lazy, method)(*args)) == expected
    assert method in vars(lazy)  # bound to the compiled pattern's own method now
    assert seen(getattr(lazy, method)(*args)) == expected


@pytest.fixture
def cues() -> CuePattern:
    return combine(
        "anonymous",
        [r"\b(?:a|one)\s+(?:senior\s+)?(?P<cue>official)\b", r"\bsources?\s+(?P<not>said)?"],
    )


def test_cue_patterns_unpickle_from_their_program_without_compiling(
    cues: CuePattern, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = pickle.dumps(cues)

    def refuse(*args: object) -> None:
        raise AssertionError("compiled from source")

    monkeypatch.setattr(re, "compile", refuse)
    monkeypatch.setattr(re._compiler, "compile", refuse)  # type: ignore[attr-defined]
    loaded = pickle.loads(data)
    text = SEED.read_text(encoding="utf-8") + " One senior official said; sources said so."
    assert loaded.spans(text) == cues.spans(text)
    assert loaded.spans(text), "the draft no longer has a cue to find"
    assert loaded.compiled.groupindex == cues.compiled.groupindex


def test_a_program_from_another_engine_is_compiled_from_source(cues: CuePattern) -> None:
    stored = regexes.program(cues.compiled)
    assert stored is not None
    other = (("cpython", (2, 7)), *stored[1:])
    restored = regexes.restore(cues.compiled.pattern, cues.compiled.flags, other)
    assert restored.pattern == cues.compiled.pattern
    assert restored.flags == cues.compiled.flags
    garbled = (*stored[:3], [0, 1, 2], *stored[4:])
    again = regexes.restore(cues.compiled.pattern, cues.compiled.flags, garbled)
    assert again.findall("one official") == cues.compiled.findall("one official")
