"""Harper's dictionary: a second opinion on LanguageTool's spelling matches.

Harper (``harper-py``, the optional ``harper`` extra: an offline English
checker in Rust with its own curated dictionary) is asked of each word
LanguageTool's spelling rule calls unknown: does Harper's dictionary know it? Then a
spelling match on it is a gap in LanguageTool's dictionary (studymate), not a
typo: two dictionaries must agree before a word is called one. LanguageTool
stays the spelling and grammar engine (README, "Typos and grammar", has the
measured comparison). Without the package every answer is "no opinion" and
LanguageTool's matches stand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.util import find_spec
from typing import Any

# harper.Dialect's values by house dialect (AMERICAN 0, BRITISH 1, AUSTRALIAN 2,
# CANADIAN 3); New Zealand and South Africa spell as Britain does.
_DIALECTS = {"en-US": 0, "en-GB": 1, "en-AU": 2, "en-CA": 3, "en-NZ": 1, "en-ZA": 1}


@dataclass(frozen=True)
class Opinion:
    """What Harper says of one word: whether its dictionary knows it."""

    known: bool


@dataclass
class Harper:
    """Harper's linters by dialect, built on first use (about a second each:
    Harper builds its dictionary) and kept for the run with their answers."""

    _linters: dict[str, Any] = field(default_factory=dict)
    _answers: dict[tuple[str, str], Opinion] = field(default_factory=dict)
    _installed: bool | None = None

    def installed(self) -> bool:
        if self._installed is None:
            self._installed = find_spec("harper") is not None
        return self._installed

    def opinion(self, word: str, dialect: str) -> Opinion | None:
        """Harper's view of ``word`` alone, or None when Harper is not installed."""
        if not self.installed() or not word or any(ch.isspace() for ch in word):
            return None
        key = (word, dialect)
        if key not in self._answers:
            lints = self._linter(dialect).lint(word, language="plaintext")
            self._answers[key] = Opinion(not any(x.lint_kind == "Spelling" for x in lints))
        return self._answers[key]

    def _linter(self, dialect: str) -> Any:
        if dialect not in self._linters:
            import harper

            self._linters[dialect] = harper.Linter(harper.Dialect(_DIALECTS.get(dialect, 0)))
        return self._linters[dialect]


def harper_of(settings: dict[str, Any]) -> Harper:
    """The run's Harper (the linter keeps one); a draft linted alone gets its own."""
    found = settings.get("harper")
    if not isinstance(found, Harper):
        found = settings["harper"] = Harper()
    return found
