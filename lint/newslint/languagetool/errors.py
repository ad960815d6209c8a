"""The one exception of the LanguageTool layer."""

from __future__ import annotations


class LanguageToolUnavailable(Exception):
    """LanguageTool cannot be used right now; ``reason`` says why in one line.

    ``setup`` marks a problem only the user can fix (no Java, no jars and no
    download allowed): a run then fails unless the configuration says
    ``languagetool: {required: false}``. A hung or dead server is not one:
    it is replaced on the next run.
    """

    def __init__(self, reason: str, setup: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.setup = setup
