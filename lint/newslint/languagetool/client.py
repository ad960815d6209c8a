"""Checking text against the local LanguageTool server.

Offsets: LanguageTool (Java) counts UTF-16 code units, newslint counts code
points; an emoji or other astral character before an error shifts
LanguageTool's offsets by one each. ``to_match`` converts every offset, and it
is the one place where LanguageTool's JSON becomes an ``LTMatch``.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from newslint.languagetool.server import LanguageToolUnavailable, ServerHandle

DEFAULT_TIMEOUT_S = 10.0
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
    """Maps UTF-16 offsets in one text to code-point offsets."""

    def __init__(self, text: str) -> None:
        # UTF-16 start of each astral character; each one before an offset
        # made LanguageTool count one unit more than Python does.
        self._astral = (
            [] if text.isascii() else [m.start() + k for k, m in enumerate(_ASTRAL.finditer(text))]
        )

    def code_point(self, utf16_offset: int) -> int:
        return utf16_offset - bisect_left(self._astral, utf16_offset)


def to_match(raw: Mapping[str, Any], index: Utf16Index) -> LTMatch:
    """The one conversion from a LanguageTool JSON match to an LTMatch."""
    start16 = int(raw["offset"])
    start = index.code_point(start16)
    rule = raw.get("rule") or {}
    context = raw.get("context") or {}
    context_text = str(context.get("text", ""))
    return LTMatch(
        offset=start,
        length=index.code_point(start16 + int(raw["length"])) - start,
        rule_id=str(rule.get("id", "")),
        category_id=str((rule.get("category") or {}).get("id", "")),
        issue_type=str(rule.get("issueType", "")),
        message=str(raw.get("message", "")),
        replacements=tuple(
            str(r.get("value", "")) for r in (raw.get("replacements") or [])[:MAX_REPLACEMENTS]
        ),
        sentence=str(raw.get("sentence", "")),
        context=context_text,
        context_offset=Utf16Index(context_text).code_point(int(context.get("offset", 0))),
    )


def check_text(
    handle: ServerHandle,
    text: str,
    options: CheckOptions | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> list[LTMatch]:
    """LanguageTool's matches in ``text``; raises LanguageToolUnavailable."""
    return check_texts(handle, [text], options, timeout)[0]


def check_texts(
    handle: ServerHandle,
    texts: Sequence[str],
    options: CheckOptions | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> list[list[LTMatch]]:
    """Check several texts (paragraphs) with one client; one list per text.

    ``timeout`` bounds every request, so a hung server fails each call within
    it rather than blocking a commit hook.
    """
    options = options or CheckOptions()
    handle.touch()
    if not texts:
        return []
    tool = _open_client(handle, options, timeout)
    return [_check_one(tool, handle, text, timeout) for text in texts]


def _open_client(handle: ServerHandle, options: CheckOptions, timeout: float) -> Any:
    from language_tool_python.exceptions import LanguageToolError

    from newslint.languagetool._ltp import BoundedLanguageTool

    try:
        tool = BoundedLanguageTool(handle.url, options.language, timeout)
    except LanguageToolError as exc:
        raise _unavailable(exc, handle, timeout) from exc
    except ValueError as exc:  # the language tag is not one the server knows
        raise LanguageToolUnavailable(
            f"LanguageTool {handle.version} does not support language {options.language!r}"
        ) from exc
    _apply(tool, options)
    return tool


def _apply(tool: Any, options: CheckOptions) -> None:
    tool.disabled_rules = set(options.disabled_rules)
    tool.enabled_rules = set(options.enabled_rules)
    tool.disabled_categories = set(options.disabled_categories)
    tool.enabled_categories = set(options.enabled_categories)
    tool.enabled_rules_only = options.enabled_only
    tool.picky = options.picky


def _check_one(tool: Any, handle: ServerHandle, text: str, timeout: float) -> list[LTMatch]:
    from language_tool_python.exceptions import LanguageToolError

    if not text.strip():
        return []
    try:
        answer = tool.check_raw(text)
    except (LanguageToolError, TypeError) as exc:
        raise _unavailable(exc, handle, timeout) from exc
    index = Utf16Index(text)
    return [to_match(raw, index) for raw in _matches(answer)]


def _matches(answer: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    matches = answer.get("matches")
    return matches if isinstance(matches, list) else []


def _unavailable(exc: Exception, handle: ServerHandle, timeout: float) -> LanguageToolUnavailable:
    """One clear line for whatever went wrong talking to the server."""
    import requests

    cause = exc.__cause__
    where = f"LanguageTool server at {handle.url}"
    if isinstance(cause, requests.Timeout):
        return LanguageToolUnavailable(
            f"{where} did not answer within {timeout:g} s (hung?); "
            "run `newslint server stop` and try again"
        )
    if isinstance(cause, requests.ConnectionError):
        return LanguageToolUnavailable(f"{where} is not reachable (stopped?)")
    first_line = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
    return LanguageToolUnavailable(f"{where} failed: {first_line[:200]}")
