"""The rule kinds, one module each, listed here and nowhere else."""

from __future__ import annotations

from newslint import attribution
from newslint.facts import kind as facts
from newslint.kinds import (
    consistency,
    existence,
    languagetool,
    metric,
    repetition,
    substitution,
    variants,
)
from newslint.kinds.base import Kind

# Modules satisfy the Kind protocol; the type checker holds each one to it.
KINDS: dict[str, Kind] = {
    "existence": existence,
    "substitution": substitution,
    "consistency": consistency,
    "metric": metric,
    "repetition": repetition,
    "attribution": attribution,
    "languagetool": languagetool,
    "variants": variants,
    "facts": facts,
}
