"""What the names check decides to flag: a Plan, shared by the draft and project checks.

Its own module so that ``rule`` (the draft) and ``project`` (the repository)
both use it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.names.find import NameUse


@dataclass(frozen=True)
class Plan:
    """Uses to flag, with the spelling to suggest and why it is the one."""

    uses: tuple[NameUse, ...]
    suggestion: str
    reason: str
    # Where the house list knows the name and the draft spells it two or more
    # ways, the house spelling not the most used: why the draft is inconsistent.
    mixed: str = ""
