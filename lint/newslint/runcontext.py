"""What a draft's checks get besides the draft: the run's settings and a memo.

The ``Document`` is the parsed draft and nothing else. The linter makes one
``RunContext`` per draft and the engine hands it to every check's ``run``:
settings that come from the run (the house dialect, LanguageTool's section
and session) and the work several rules share on this draft (LanguageTool's
matches, the attribution analysis, the facts story), made once by the first
rule to ask.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

from newslint.dialect import DEFAULT as DEFAULT_DIALECT
from newslint.reading import DEFAULT_MAX_BYTES

if TYPE_CHECKING:  # the LanguageTool client is imported only when its rules run
    from newslint.harper import Harper
    from newslint.languagetool.service import Session

T = TypeVar("T")


@dataclass(frozen=True)
class RunSettings:
    """The run's settings that checks read, after the draft's front matter."""

    dialect: str = DEFAULT_DIALECT
    languagetool: Mapping[str, Any] = field(default_factory=dict)  # the config's section
    # One session per run, shared by every draft (None: the rule makes its own).
    languagetool_session: Session | None = None
    # Harper's dictionary, the spelling's second opinion, one per run (None: per draft).
    harper: Harper | None = None
    # Whether names.house-spelling runs (--project): the repository's spellings count.
    names_project: bool = False
    # The config's max_file_mb in bytes: the repository's drafts the name
    # index reads under --project obey the same limit as the drafts linted.
    max_file_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class RunContext:
    """One draft's run context: made by the linter, passed to every check."""

    settings: RunSettings = field(default_factory=RunSettings)
    _memo: dict[str, object] = field(default_factory=dict, repr=False)

    def shared(self, key: str, make: Callable[[], T]) -> T:
        """What ``make`` returns, made once per draft for every rule asking with ``key``.

        The key names what produced the value (kind and inputs), so two rules
        share the work only when they would have done the same work.
        """
        if key not in self._memo:
            self._memo[key] = make()
        return cast(T, self._memo[key])
