"""LanguageTool's matches as newslint keeps them, and the options that ask for them.

Offsets: LanguageTool (Java) counts UTF-16 code units, newslint counts code
points; an emoji or other astral character before an error shifts
LanguageTool's offsets by one each. ``from_ltp`` converts every offset, and it
is the one place where a language-tool-python ``Match`` becomes an ``LTMatch``.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

MAX_REPLACEMENTS = 5
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool finding; offsets in code points of the checked text."""

    offset: int
    length: int
    rule_id: str
    category_id: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]
    sentence: str
    context: str
    context_offset: int

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "replacements": list(self.replacements)}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> LTMatch:
        return cls(**{**raw, "replacements": tuple(raw["replacements"])})

    def shifted(self, by: int) -> LTMatch:
        return LTMatch(**{**asdict(self), "offset": self.offset + by})


@dataclass(frozen=True)
class CheckOptions:
    """What to ask LanguageTool for; ``fingerprint`` keys the result cache."""

    language: str = "en-US"
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    enabled_rules: frozenset[str] = field(default_factory=frozenset)
    disabled_categories: frozenset[str] = field(default_factory=frozenset)
    enabled_categories: frozenset[str] = field(default_factory=frozenset)
    enabled_only: bool = False
    picky: bool = False

    def fingerprint(self) -> str:
        canonical = {
            key: sorted(value) if isinstance(value, frozenset) else value
            for key, value in asdict(self).items()
        }
        blob = json.dumps(canonical, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


class Utf16Index:
    """Maps between UTF-16 offsets and code-point offsets in one text."""

    def __init__(self, text: str) -> None:
        # Code-point offset of each astral character; each one before an
        # offset made LanguageTool count one unit more than Python does.
        self._astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        self._astral16 = [cp + k for k, cp in enumerate(self._astral)]

    def code_point(self, utf16_offset: int) -> int:
        return utf16_offset - bisect_left(self._astral16, utf16_offset)

    def utf16(self, code_point: int) -> int:
        return code_point + bisect_left(self._astral, code_point)


def from_ltp(match: Any, index: Utf16Index) -> LTMatch:
    """The one conversion from a language-tool-python ``Match`` to an LTMatch.

    ``Match.offset`` is already in code points (language-tool-python fixes the
    start); its ``error_length`` and ``offset_in_context`` are still UTF-16.
    """
    start = int(match.offset)
    end = index.code_point(index.utf16(start) + int(match.error_length))
    context = str(match.context or "")
    return LTMatch(
        offset=start,
        length=end - start,
        rule_id=str(match.rule_id or ""),
        category_id=str(match.category or ""),
        issue_type=str(match.rule_issue_type or ""),
        message=str(match.message or ""),
        replacements=tuple(str(r) for r in (match.replacements or [])[:MAX_REPLACEMENTS]),
        sentence=str(getattr(match, "sentence", "") or ""),
        context=context,
        context_offset=Utf16Index(context).code_point(int(match.offset_in_context)),
    )
