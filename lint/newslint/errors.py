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


class ConfigErrors(ConfigError):
    """Every problem found in one file, raised together so that all are reported at once."""

    def __init__(self, errors: list[ConfigError]) -> None:
        first = errors[0]
        super().__init__(first.message, first.path, first.line, first.keys)
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


def each_error(exc: NewslintError) -> list[NewslintError]:
    """The single problems in ``exc``: itself, or each one a ConfigErrors carries."""
    return list(exc.errors) if isinstance(exc, ConfigErrors) else [exc]


def raise_all(errors: list[ConfigError]) -> None:
    """Raise every problem in ``errors`` at once; nothing when there are none."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ConfigErrors(errors)


class InputError(NewslintError):
    """A draft could not be read: reported, and the run goes on."""


class ServiceUnavailable(NewslintError):
    """A service some rules need (LanguageTool) is missing: said once, the rest runs."""
