"""The one seam into language-tool-python's private parts: its request timeout.

Why: ``LanguageTool`` sends every request with ``timeout=self._TIMEOUT``, a
class constant of 300 s that its public API does not expose. newslint bounds
each request by its own deadline anyway (``client.bounded``, a worker thread),
so this is not needed for correctness; it only makes the worker thread of a
request to a hung server give up soon after, instead of holding a socket for
up to 10 minutes (300 s and one retry) in a long-lived language server.

``tests/test_languagetool_server.py::test_ltp_seam_still_holds`` fails loudly
if an upgrade of language-tool-python renames or stops using the attribute.
"""

from __future__ import annotations

from language_tool_python import LanguageTool

# requests would route even loopback requests through $http_proxy unless
# told otherwise; a newsroom proxy has no business seeing drafts.
NO_PROXY = {"no_proxy": "127.0.0.1,localhost,::1"}


class BoundedLanguageTool(LanguageTool):
    """A remote-server client whose requests time out after ``timeout`` seconds."""

    def __init__(self, url: str, language: str, timeout: float) -> None:
        # Set before super().__init__, whose first request (the language list
        # that validates ``language``) must already be bounded.
        self.bound(timeout)
        super().__init__(language=language, remote_server=url, proxies=NO_PROXY)

    def bound(self, timeout: float) -> None:
        """Time out each later request after ``timeout`` seconds."""
        self._TIMEOUT = timeout  # type: ignore[assignment]  # the seam: upstream types it Literal[300]
