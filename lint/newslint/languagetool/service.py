"""Paragraphs in, LanguageTool matches out: cache first, then the server.

The rule kind calls ``check_paragraphs``; only misses go to the server, which
is started (or reused) on the first miss of a run. Everything here is
imported only when a LanguageTool rule runs.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from newslint.errors import ServiceUnavailable
from newslint.languagetool.cache import ResultCache, cache_key
from newslint.languagetool.client import CheckOptions, LTMatch, check_texts
from newslint.languagetool.server import (
    LanguageToolUnavailable,
    ServerSettings,
    ensure_server,
    find_installation,
)


@dataclass(frozen=True)
class ServiceSettings:
    """The config's ``languagetool:`` section, as the rule kind uses it."""

    timeout_s: float = 10.0
    memory: str = "512m"
    idle_minutes: float = 30.0

    def server(self) -> ServerSettings:
        return ServerSettings(memory=self.memory, idle_timeout_s=self.idle_minutes * 60)


def check_paragraphs(
    texts: Sequence[str], options: CheckOptions, settings: ServiceSettings
) -> list[list[LTMatch]]:
    """Matches for each text; raises ServiceUnavailable with one clear line."""
    try:
        version = find_installation(settings.server()).version
    except LanguageToolUnavailable as exc:
        raise ServiceUnavailable(f"LanguageTool is not available: {exc.reason}") from None
    fingerprint = options.fingerprint()
    keys = [cache_key(text, version, fingerprint) for text in texts]
    with ResultCache() as cache:
        found = cache.get_many(keys)
        missing = sorted({i for i, key in enumerate(keys) if key not in found})
        if missing:
            fresh = _ask_server([texts[i] for i in missing], options, settings)
            cache.put_many({keys[i]: matches for i, matches in zip(missing, fresh, strict=True)})
            found.update({keys[i]: matches for i, matches in zip(missing, fresh, strict=True)})
    return [found[key] for key in keys]


def _ask_server(
    texts: list[str], options: CheckOptions, settings: ServiceSettings
) -> list[list[LTMatch]]:
    try:
        if os.environ.get("NEWSLINT_LANGUAGETOOL") == "off":
            raise LanguageToolUnavailable("turned off by NEWSLINT_LANGUAGETOOL=off")
        handle = ensure_server(settings.server())
        return check_texts(handle, texts, options, settings.timeout_s)
    except LanguageToolUnavailable as exc:
        raise ServiceUnavailable(f"LanguageTool is not available: {exc.reason}") from None
