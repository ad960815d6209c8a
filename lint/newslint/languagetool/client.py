"""The one HTTP client to the LanguageTool server: language-tool-python.

Every request to the server, the liveness probe and the warm-up included,
goes through ``language_tool_python.LanguageTool`` used as a remote-server
client (it then downloads and starts nothing). Each call runs in a worker
thread and is waited for no longer than the caller's timeout, so a hung
server costs that timeout and no more, whatever the library's own timeout
and retries do. language_tool_python (with requests) is imported only here,
when a check needs it; the warm process preloads it (``preload``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.matches import CheckOptions, LTMatch, Utf16Index, from_ltp

T = TypeVar("T")


def preload() -> None:
    """Import the client now (~100 ms of imports), before the warm process forks."""
    import language_tool_python  # noqa: F401
    import requests  # noqa: F401

    from newslint.languagetool import _ltp  # noqa: F401


def bounded(call: Callable[[], T], timeout: float, where: str) -> T:
    """``call()``'s result, or LanguageToolUnavailable once ``timeout`` has passed."""
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    # A daemon thread: a request stuck in a hung server must not keep the
    # process alive after the run has given up on it.
    worker = threading.Thread(target=work, name="newslint-languagetool", daemon=True)
    worker.start()
    worker.join(max(0.0, timeout))
    if worker.is_alive():
        raise LanguageToolUnavailable(
            f"{where} did not answer within {timeout:g} s (hung?); "
            "run `newslint server stop` and try again"
        )
    if "error" in box:
        raise _unavailable(box["error"], where) from box["error"]
    value: Any = box["value"]
    return value


# The last liveness probe's client per server, handed to the first connect
# to that server in this process: a run probes the server, then connects to
# check, and each new client asks the server its language list (one more
# round trip, ~3 ms idle and tens of ms on a busy machine, per run).
_probed: dict[str, Any] = {}


def connect(url: str, options: CheckOptions, timeout: float, reuse: bool = True) -> Any:
    """A client for ``url`` with ``options`` applied; asks the server its
    languages, unless (``reuse``) this process's last probe of ``url`` did."""

    def make() -> Any:
        from newslint.languagetool._ltp import BoundedLanguageTool

        tool = _probed.pop(url, None) if reuse else None
        if tool is None or options.language != CheckOptions().language:
            tool = BoundedLanguageTool(url, options.language, timeout)
        tool.bound(timeout)
        tool.disabled_rules = set(options.disabled_rules)
        tool.enabled_rules = set(options.enabled_rules)
        tool.disabled_categories = set(options.disabled_categories)
        tool.enabled_categories = set(options.enabled_categories)
        tool.enabled_rules_only = options.enabled_only
        tool.picky = options.picky
        return tool

    return bounded(make, timeout, f"LanguageTool server at {url}")


def probe(url: str, timeout: float) -> bool:
    """Whether the server at ``url`` answers its language list within ``timeout``."""
    try:
        tool = connect(url, CheckOptions(), timeout, reuse=False)  # always asks
    except LanguageToolUnavailable as exc:
        if "does not support language" in exc.reason:
            raise
        return False
    _probed[url] = tool
    return True


def check(tool: Any, text: str, timeout: float) -> list[LTMatch]:
    """LanguageTool's matches in ``text``, offsets in code points."""
    if not text.strip():
        return []
    tool.bound(timeout)
    found = bounded(lambda: tool.check(text), timeout, f"LanguageTool server at {tool.url}")
    index = Utf16Index(text)
    return [from_ltp(match, index) for match in found]


def check_texts(
    url: str, texts: Sequence[str], options: CheckOptions, timeout: float
) -> list[list[LTMatch]]:
    """Each text checked on its own (tests and small tools; runs use ``service``)."""
    tool = connect(url, options, timeout)
    return [check(tool, text, timeout) for text in texts]


def _unavailable(exc: BaseException, where: str) -> LanguageToolUnavailable:
    """One clear line for whatever went wrong talking to the server."""
    if isinstance(exc, LanguageToolUnavailable):
        return exc
    if isinstance(exc, ValueError) and "language" in str(exc).lower():
        return LanguageToolUnavailable(f"{where} does not support language: {exc}")
    import requests

    cause = exc.__cause__ or exc
    if isinstance(cause, requests.Timeout):
        # The request's own timeout fired first; same meaning as the thread's bound.
        return LanguageToolUnavailable(
            f"{where} did not answer in time (hung?); run `newslint server stop` and try again"
        )
    if isinstance(cause, requests.ConnectionError):
        return LanguageToolUnavailable(f"{where} is not reachable (stopped?)")
    first_line = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
    return LanguageToolUnavailable(f"{where} failed: {first_line[:200]}")
