"""The one error type newslint raises about user input, with its location."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class NewslintError(Exception):
    """A problem with a file, a rule or the configuration, told in one line.

    ``path`` and ``line`` say where; ``keys`` is the chain of YAML keys
    (``rules[3].swap``) when the problem is inside a rule or config file.
    """

    message: str
    path: str | None = None
    line: int | None = None
    keys: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line:
                where += f":{self.line}"
            where += ": "
        keys = f"{self.keys}: " if self.keys else ""
        return f"{where}error: {keys}{self.message}"


class ConfigError(NewslintError):
    """The configuration or a rule pack is wrong: the run exits 2."""


class InputError(NewslintError):
    """A draft could not be read: reported, and the run goes on."""


class ServiceUnavailable(NewslintError):
    """A service some rules need (LanguageTool) is missing: said once, the rest runs."""
