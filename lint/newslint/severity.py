"""Severity levels and their order."""

from __future__ import annotations

from enum import IntEnum


class Severity(IntEnum):
    """How serious a finding is; larger is worse, so levels compare."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read a level name as written in YAML or on the command line."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {text!r}; use one of: error, warning, suggestion"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()
