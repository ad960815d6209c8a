"""Proper-name candidates in a draft, found without any list of names.

A candidate is a capitalised word (Soleimani, Kata'ib, al-Muhandis, Al
Muhandis) or a run of them (Abu Mahdi al-Muhandis, Osama bin Laden, George W.
Bush). Possessives are stripped from the span. Capitals that English puts
there anyway -- a sentence's or quotation's first word, a headline's words --
only count when the word is not an ordinary English word, so "Good run down on
Qassim's" gives Qassim and not Good.

The ordinary words are textstat's Dale-Chall list of ~3,000 easy words, read
from the installed package's data file (~1 ms, no import of textstat). The CMU
dictionary was the other candidate and is worse for this: it is a
pronouncing dictionary of news text and lists khomeini, khamenei, hezbollah,
assad and putin, which would then vanish whenever they open a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

from newslint.document import HEADING, Block, Document
from newslint.names.forms import (
    ARTICLES,
    HYPHENED_PARTICLES,
    JOINING_PARTICLES,
    spelling_key,
    strip_possessive,
)

# Titles before a name say nothing about whose name it is.
_TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady general gen president vice prime minister
    secretary ayatollah sheikh shaikh imam mullah king queen prince princess emir sultan
    senator sen representative rep governor gov mayor judge justice colonel col lieutenant
    lt captain capt sergeant sgt major commander admiral chancellor pope reverend rev
    father brother sister saint st chairman chairwoman chief
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Lower-case endings of English compounds, unlike a given name's syllables.
_COMPOUND_ENDINGS = frozenset(
    """
    led born era run made held wide like type free rich side bred aged ish far old new war
    day age eyed only long time year ever
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Contractions are not names: I'd, I've, Don't.
_CONTRACTION = re.compile(r"['’](?:d|ve|ll|re|m|t|s)$", re.I)
_DIGIT = re.compile(r"\d")
# Where English capitalises whatever the word: after these, a word is "initial".
_OPENERS = frozenset("“\"‘'([{:—–-•*")
# Words that are never a name, even capitalised mid-sentence in a title
# (The New York Times, Cat-And-Mouse Game With Iran).
_FUNCTION_WORDS = frozenset(
    """
    a an the and or but if so yet for nor of in on at to by from with as into onto upon
    over under about after before when while where why how what who whom whose which that
    this these those there here then now he she it they we i you his her its their our my
    your him them us me is are was were be been being do does did have has had not no
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# If textstat's list is missing: enough to drop the usual sentence openers.
_FALLBACK_ORDINARY = _FUNCTION_WORDS | frozenset(
    """
    one two some many more most all any each every good bad new old first last said says
    will would can could may might should must done maybe perhaps also even just only very
    oh well yes sorry read
    """.split()  # noqa: SIM905 - a word list reads better as text
)


# Named tuples (this and _Token): hundreds a draft, made faster than frozen dataclasses.
class NameUse(NamedTuple):
    """One use of a candidate name, in block-text offsets (possessive excluded)."""

    block: Block
    start: int
    end: int
    text: str
    scope: str
    words: int = 1  # name words in it: 1 for a word, more for a run
    # For a word: the folds of the name words next to it in its run (a title
    # such as General or Ms does not count), which tell people apart.
    follows: str = ""
    precedes: str = ""


@dataclass(frozen=True)
class DraftNames:
    """A draft's candidates: every name word, and every run of two or more."""

    words: tuple[NameUse, ...]
    runs: tuple[NameUse, ...]


# One spelling's key (case, possessive and apostrophe typography do not count):
# the key names.keys groups by, so every key here stays one spelling there.
fold = spelling_key


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Common English words (lower case), loaded once per process."""
    spec = find_spec("textstat")
    if spec is not None and spec.submodule_search_locations:
        path = (
            Path(next(iter(spec.submodule_search_locations)))
            / "resources"
            / "en"
            / "easy_words.txt"
        )
        try:
            words = path.read_text(encoding="utf-8").split()
            return frozenset(w.lower() for w in words) | _FALLBACK_ORDINARY
        except OSError:
            pass
    return _FALLBACK_ORDINARY


def is_ordinary(word: str) -> bool:
    """Whether ``word`` (any case) is a common English word or an inflection of one."""
    known = ordinary_words()
    w = word.lower().replace("’", "'")
    if w in known:
        return True
    stems = []
    if w.endswith("ies"):
        stems.append(w[:-3] + "y")
    if w.endswith(("es", "ed")):
        stems.append(w[:-2])
    if w.endswith(("s", "d")):
        stems.append(w[:-1])
    if w.endswith("ing"):
        stems += [w[:-3], w[:-3] + "e"]
    if w.endswith("ly"):
        stems.append(w[:-2])
    if w.endswith("er"):
        stems += [w[:-2], w[:-1]]
    return any(stem in known for stem in stems)


def find_names(doc: Document) -> DraftNames:
    """Every candidate name word and run in ``doc``, in document order."""
    words: list[NameUse] = []
    runs: list[NameUse] = []
    for block in doc.blocks:
        for run in _runs(block):
            words.extend(_word_uses(block, run))
            if sum(1 for t in run if t.kind == _WORD) >= 2:
                runs.append(_run_use(block, run))
    return DraftNames(tuple(words), tuple(runs))


# ---------------------------------------------------------------------------
# Tokens of a block
# ---------------------------------------------------------------------------

_WORD, _PARTICLE, _INITIAL = 0, 1, 2


class _Token(NamedTuple):
    """A word of a block, classified for the name finder."""

    start: int
    end: int  # possessive excluded
    kind: int
    possessive: bool = False


def _runs(block: Block) -> list[list[_Token]]:
    """Runs of name tokens separated by one space (or an initial's dot and a space)."""
    text = block.text
    spans = block.words
    tokens = [_classify(block, spans, i) for i in range(len(spans))]
    tokens = _attach_articles(text, tokens)
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    for token in tokens:
        if token is None:
            _close(current, runs)
            current = []
            continue
        if current and not _joins(text, current[-1], token):
            _close(current, runs)
            current = []
        if token.kind == _PARTICLE and not current:
            continue  # a particle only joins two name words
        current.append(token)
        if token.possessive:
            _close(current, runs)
            current = []
    _close(current, runs)
    return runs


def _close(run: list[_Token], runs: list[list[_Token]]) -> None:
    while run and run[-1].kind != _WORD:
        run.pop()  # trailing particles and initials belong to no name here
    if run:
        runs.append(run)


def _joins(text: str, before: _Token, after: _Token) -> bool:
    gap = text[before.end : after.start]
    if before.possessive:
        return False
    if gap == " ":
        return True
    return before.kind == _INITIAL and gap == ". "


def _classify(block: Block, spans: list[tuple[int, int]], i: int) -> _Token | None:
    start, end = spans[i]
    word = block.text[start:end]
    if word[0].islower():
        # Most words: only a particle (bin) or a hyphened one (al-Muhandis) counts.
        if word in JOINING_PARTICLES:
            return _Token(start, end, _PARTICLE)
        if word.split("-", 1)[0] not in HYPHENED_PARTICLES:
            return None
    core = strip_possessive(word)
    possessive = core != word
    if not core or _DIGIT.search(core):
        return None
    if len(core) == 1:
        if core.isupper() and block.text[end : end + 1] == ".":
            return _Token(start, end, _INITIAL)
        return None
    if not _is_name_word(core):
        return None
    if _capitalised_anyway(block, spans, i) and is_ordinary(core):
        return None
    return _Token(start, start + len(core), _WORD, possessive)


def _is_name_word(core: str) -> bool:
    """Capitalised and not an acronym.

    Hyphened parts after the first are capitalised, particles, or short
    lower-case syllables of a romanised given name (Kim Jong-un, Cheng
    Chung-tai), but not English compound endings (Arab-led, Iranian-born).
    """
    if _CONTRACTION.search(core) or core.lower() in _FUNCTION_WORDS:
        return False  # function words capitalised in titles: The, In, With
    parts = core.replace("’", "'").split("-")
    first = next((p for p in parts if p.lower() not in HYPHENED_PARTICLES), parts[-1])
    if not first[:1].isupper() or not any(ch.islower() for ch in first):
        return False
    for part in parts:
        if part is first or part.lower() in HYPHENED_PARTICLES:
            continue
        if part[:1].isupper():
            if len(part) > 1 and part.isupper():
                return False
        elif len(part) > 4 or part in _COMPOUND_ENDINGS:
            return False
    return True


def _capitalised_anyway(block: Block, spans: list[tuple[int, int]], i: int) -> bool:
    """True where English capitalises any word: headlines, sentence or quotation starts."""
    if block.kind == HEADING or i == 0:
        return True
    start = spans[i][0]
    gap = block.text[spans[i - 1][1] : start]
    before = gap.strip()
    # A quotation mark, colon or dash opens a new run of words; so does a line
    # break (a reader's comment starting "Heisi,\nGood run down on...").
    if (before and before[-1] in _OPENERS) or "\n" in gap:
        return True
    sentence = block.sentence_at(start)
    return sentence is not None and spans[i - 1][0] < sentence.start


def _attach_articles(text: str, tokens: list[_Token | None]) -> list[_Token | None]:
    """Join a free-standing al/Al/el/El to the name word after it: "Al Muhandis"."""
    joined: list[_Token | None] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            token is not None
            and nxt is not None
            and nxt.kind == _WORD
            and text[token.start : token.end].lower() in ARTICLES
            and text[token.end : nxt.start] == " "
        ):
            joined.append(_Token(token.start, nxt.end, _WORD, nxt.possessive))
            i += 2
            continue
        joined.append(token)
        i += 1
    return joined


# ---------------------------------------------------------------------------
# Uses
# ---------------------------------------------------------------------------


def _word_uses(block: Block, run: list[_Token]) -> list[NameUse]:
    words = [t for t in run if t.kind == _WORD]
    folds = [fold(block.text[t.start : t.end]) for t in words]
    uses = []
    for n, token in enumerate(words):
        before = folds[n - 1] if n else ""
        if is_ordinary(block.text[token.start : token.end]):
            # Part of a name (White House, Mark Esper) but not one to compare:
            # July/Julie or Change/Cheng are words, not spellings of a name.
            continue
        uses.append(
            NameUse(
                block,
                token.start,
                token.end,
                block.text[token.start : token.end],
                block.scope_at(token.start, token.end),
                1,
                follows=folds[n + 1] if n + 1 < len(words) else "",
                precedes="" if before in _TITLES else before,
            )
        )
    return uses


def _run_use(block: Block, run: list[_Token]) -> NameUse:
    start, end = run[0].start, run[-1].end
    return NameUse(
        block,
        start,
        end,
        block.text[start:end],
        block.scope_at(start, end),
        sum(1 for t in run if t.kind == _WORD),
    )
