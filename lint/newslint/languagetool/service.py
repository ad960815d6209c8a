"""Paragraphs in, LanguageTool matches out: cache first, then one request.

A ``Session`` is one run's use of LanguageTool (the linter keeps one):

* It starts the server in the background as soon as the run knows it will
  need LanguageTool, while the other checks run (``prestart``).
* A draft's uncached paragraphs go to the server in one request, joined by
  blank lines (LanguageTool's paragraph break), and the matches are split
  back per paragraph, so the cache keeps its paragraph grain. A long draft
  goes in requests of at most ``BATCH_CHARS``, a longer paragraph in pieces
  cut at a sentence end or a space, so that no request's deadline grows
  without bound.
* One failure per run: once the server could not be started or stopped
  answering within its deadline, every later call fails at once with the same
  one-line reason. Every LanguageTool rule of a draft reads the same one
  answer, so no draft gets grammar without spelling.

The cache is per language (the language is part of every key).
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newslint.errors import ServiceUnavailable
from newslint.languagetool import client
from newslint.languagetool.cache import ResultCache, cache_key
from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.install import default_lt_home
from newslint.languagetool.matches import CheckOptions, LTMatch
from newslint.languagetool.server import ServerHandle, ServerSettings, ensure_server

# LanguageTool ends a paragraph at a blank line; no block text holds one.
SEPARATOR = "\n\n"
# A request's timeout grows with its text beyond this many characters: a
# warm server checks ~40,000 characters a second, but a just-started one on
# a busy 2-core machine took over 10 s for the seed draft's 12,000.
_CHARS_PER_TIMEOUT = 4_000
# At most this much text a request, so at most 5 timeouts a request (50 s at
# the default 10): one request for a whole draft had a deadline of its length
# / 4,000 timeouts, and a 330 KB paragraph with no full stop made a run wait
# 830 s before the note "did not answer (hung?)". A real paragraph is far
# shorter; only a pasted transcript or a hostile file is cut.
BATCH_CHARS = 20_000


@dataclass(frozen=True)
class ServiceSettings:
    """The config's ``languagetool:`` section, as the service uses it."""

    timeout_s: float = 10.0
    memory: str = "512m"
    idle_minutes: float = 30.0
    # How long a JVM may take to start and check a sentence; after it the
    # run gives up on LanguageTool (one notice) rather than wait per rule.
    start_timeout_s: float = 120.0

    def server(self) -> ServerSettings:
        return ServerSettings(
            memory=self.memory,
            idle_timeout_s=self.idle_minutes * 60,
            start_timeout_s=self.start_timeout_s,
        )


class LanguageToolFailed(ServiceUnavailable):
    """LanguageTool is not available this run; ``setup`` as in LanguageToolUnavailable."""

    def __init__(self, reason: LanguageToolUnavailable) -> None:
        super().__init__(f"LanguageTool is not available: {reason.reason}")
        self.setup = reason.setup


@dataclass
class Session:
    """One run's LanguageTool: the server handle, its clients and its failure."""

    settings: ServiceSettings = field(default_factory=ServiceSettings)
    _handle: ServerHandle | None = None
    _failure: LanguageToolUnavailable | None = None
    _starter: threading.Thread | None = None
    _clients: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    # Where the server's state and the jars are, resolved when the run
    # starts: the background start must not read an environment that has
    # changed since (a test's, say).
    _where: ServerSettings = field(init=False)

    def __post_init__(self) -> None:
        from newslint.warmpath import state_dir

        # The private cache folder, or the private runtime folder when the
        # cache cannot be used: the server is still shared between runs.
        self._where = replace(
            self.settings.server(), state_dir=state_dir(), lt_home=default_lt_home()
        )

    def prestart(self) -> None:
        """Start (or find) the server in a background thread; idempotent."""
        if os.environ.get("NEWSLINT_LANGUAGETOOL") == "off":
            return
        with self._lock:
            if self._starter is not None or self._handle or self._failure:
                return
            self._starter = threading.Thread(
                target=self._start_quietly, name="newslint-languagetool-start", daemon=True
            )
            self._starter.start()

    @property
    def setup_failed(self) -> bool:
        """Whether this run found no Java or no jars (the user must act)."""
        return self._failure is not None and self._failure.setup

    @property
    def setup_failure(self) -> str | None:
        """Why Java or the jars are missing, in one line, or None."""
        return self._failure.reason if self._failure and self._failure.setup else None

    def check_paragraphs(
        self,
        texts: Sequence[str],
        language: str = "en-US",
        options: CheckOptions | None = None,
    ) -> list[list[LTMatch]]:
        """Matches for each text in ``language`` (en-US, en-GB, en-AU, en-CA,
        en-NZ, en-ZA…), sent to the server and cached per language; raises
        LanguageToolFailed with one clear line."""
        options = replace(options or CheckOptions(), language=language)
        try:
            return self._check(texts, options)
        except LanguageToolUnavailable as exc:
            # The failure is raised again for every later draft, and each raise
            # adds that draft's frames (and so the draft) to its traceback:
            # kept without one, or a run over 5,000 drafts held them all.
            self._failure = (self._failure or exc).with_traceback(None)
            exc.with_traceback(None)
            raise LanguageToolFailed(self._failure) from None

    def _check(self, texts: Sequence[str], options: CheckOptions) -> list[list[LTMatch]]:
        version = _installation(self._where.lt_home).version
        fingerprint = options.fingerprint()
        keys = [cache_key(text, version, fingerprint) for text in texts]
        with ResultCache() as cache:
            found = cache.get_many(keys)
            missing = sorted({i for i, key in enumerate(keys) if key not in found})
            if missing:
                fresh = self._ask_in_batches([texts[i] for i in missing], options)
                got = {keys[i]: matches for i, matches in zip(missing, fresh, strict=True)}
                cache.put_many(got)
                found.update(got)
        return [found[key] for key in keys]

    def _ask_in_batches(self, texts: list[str], options: CheckOptions) -> list[list[LTMatch]]:
        """``_ask`` for requests of at most BATCH_CHARS; matches back per text.

        A failed request fails the run's session, so a hung server still costs
        one request's deadline and no more.
        """
        pieces = [(i, start, piece) for i, text in enumerate(texts) for start, piece in cut(text)]
        found: list[list[LTMatch]] = [[] for _ in texts]
        batch: list[tuple[int, int, str]] = []
        size = 0
        for n, item in enumerate(pieces):
            batch.append(item)
            size += len(item[2]) + len(SEPARATOR)
            following = pieces[n + 1][2] if n + 1 < len(pieces) else None
            if following is not None and size + len(following) <= BATCH_CHARS:
                continue
            answers = self._ask([piece for _, _, piece in batch], options)
            for (i, start, _), matches in zip(batch, answers, strict=True):
                found[i] += [
                    m.shifted(start) if start else m
                    for m in matches
                    if start == 0 or not _cut_start(m)
                ]
            batch, size = [], 0
        return found

    def _ask(self, texts: list[str], options: CheckOptions) -> list[list[LTMatch]]:
        """One request for all ``texts``; the matches split back per text."""
        if self._failure:  # one deadline per run: no second wait on a failed server
            raise self._failure
        handle = self._server()
        handle.touch()
        joined = SEPARATOR.join(texts)
        timeout = self.settings.timeout_s * max(1.0, len(joined) / _CHARS_PER_TIMEOUT)
        key = f"{handle.url} {options.fingerprint()}"
        first = key not in self._clients
        if first:  # a new client asks the language list (the run's probe may just have)
            self._clients[key] = client.connect(handle.url, options, timeout)
        if first and (handle.fresh or options.language != "en-US"):
            # The server answers, but its first check of a language loads that
            # language's model (en-US is loaded at start, the rest on demand),
            # which on a busy machine can take most of a start's time.
            timeout = max(timeout, self.settings.start_timeout_s)
        return split_matches(client.check(self._clients[key], joined, timeout), texts)

    def _server(self) -> ServerHandle:
        if self._handle is None:
            starter = self._starter
            if starter is not None:
                starter.join()  # bounded by the start timeout inside ensure_server
            if self._failure:
                raise self._failure
            if self._handle is None:
                self._handle = _ensure(self._where)
        return self._handle

    def _start_quietly(self) -> None:
        try:
            self._handle = _ensure(self._where)
        except LanguageToolUnavailable as exc:
            self._failure = exc
        except Exception as exc:  # reported by the run that waits for it
            self._failure = LanguageToolUnavailable(f"could not start: {exc!r}")


def _cut_start(match: LTMatch) -> bool:
    """A piece's first word taken for a sentence's: the cut made it one, not the writer."""
    return match.offset == 0 and match.rule_id == "UPPERCASE_SENTENCE_START"


def cut(text: str, limit: int = BATCH_CHARS) -> list[tuple[int, str]]:
    """``text`` as pieces of at most ``limit`` characters, each with its offset.

    Each piece ends after the last sentence end (". ", "? ", "! ", a line
    break) before the limit, else after the last space, else at the limit.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        stop = max(window.rfind(mark) + len(mark) for mark in (". ", "? ", "! ", "\n"))
        stop = stop if stop > 2 else window.rfind(" ") + 1
        stop = stop if stop > 0 else limit
        pieces.append((start, text[start : start + stop]))
        start += stop
    pieces.append((start, text[start:]))
    return pieces


def split_matches(matches: list[LTMatch], texts: Sequence[str]) -> list[list[LTMatch]]:
    """Matches in the joined text, as matches of each text (offsets made local).

    A match that crosses a paragraph break belongs to no paragraph and is
    dropped (LanguageTool does not make them between blank-line paragraphs).
    """
    starts = []
    position = 0
    for text in texts:
        starts.append(position)
        position += len(text) + len(SEPARATOR)
    per_text: list[list[LTMatch]] = [[] for _ in texts]
    for match in matches:
        i = bisect_right(starts, match.offset) - 1
        local = match.offset - starts[i]
        if i >= 0 and local + match.length <= len(texts[i]):
            per_text[i].append(match.shifted(-starts[i]))
    return per_text


def _installation(home: Path | None) -> Any:
    """The jars (fetched if missing), or, when LanguageTool is turned off, the
    jars already there: the cache still answers, nothing is fetched."""
    if os.environ.get("NEWSLINT_LANGUAGETOOL") == "off":
        from newslint.languagetool.install import find_installation

        try:
            return find_installation(home)
        except LanguageToolUnavailable:
            raise LanguageToolUnavailable("turned off by NEWSLINT_LANGUAGETOOL=off") from None
    from newslint.languagetool.fetch import ensure_jars

    return ensure_jars(home)


def _ensure(where: ServerSettings) -> ServerHandle:
    if os.environ.get("NEWSLINT_LANGUAGETOOL") == "off":
        raise LanguageToolUnavailable("turned off by NEWSLINT_LANGUAGETOOL=off")
    _installation(where.lt_home)
    return ensure_server(where)


def check_paragraphs(
    texts: Sequence[str], language: str = "en-US", settings: ServiceSettings | None = None
) -> list[list[LTMatch]]:
    """One-off use outside a run (a session of its own)."""
    return Session(settings or ServiceSettings()).check_paragraphs(texts, language)
