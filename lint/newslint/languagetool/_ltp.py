"""language-tool-python's client, bounded for use against our local server.

Imported only inside ``client`` functions: language_tool_python pulls in
requests, psutil and packaging (~120 ms), which a run that never checks
spelling should not pay for.

Used as a remote-server client it downloads and starts nothing. Two things are
changed, through its (private) hooks, because a hung server must fail within
the caller's timeout: its fixed 300 s request timeout, and its retry, which
would double the wait.
"""

from __future__ import annotations

import urllib.parse
from typing import Any

from language_tool_python import LanguageTool

# requests would route even loopback requests through $http_proxy unless
# told otherwise; a newsroom proxy has no business seeing drafts.
_NO_PROXY = {"no_proxy": "127.0.0.1,localhost,::1"}


class BoundedLanguageTool(LanguageTool):
    """A LanguageTool remote client whose every request honours ``timeout``."""

    def __init__(self, url: str, language: str, timeout: float) -> None:
        # Set before super().__init__, whose first request (the language list
        # that validates ``language``) must already be bounded.
        self._TIMEOUT = timeout  # type: ignore[assignment]
        super().__init__(language=language, remote_server=url, proxies=_NO_PROXY)

    def _query_server(
        self,
        url: str,
        params: dict[str, str] | None = None,
        num_tries: int = 2,
        method: Any = "get",
    ) -> Any:
        return super()._query_server(url, params, num_tries=1, method=method)

    def check_raw(self, text: str) -> dict[str, Any]:
        """The server's JSON answer for ``text``, unconverted.

        ``check()`` would build language_tool_python Match objects, which keep
        the last text in class attributes and fix up only the start offset.
        """
        url = urllib.parse.urljoin(self._url, "check")
        answer = self._query_server(url, self._create_params(text), method="post")
        if not isinstance(answer, dict):
            raise TypeError(f"unexpected LanguageTool answer: {type(answer).__name__}")
        return answer
