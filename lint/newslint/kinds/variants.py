"""The ``variants`` rule kind: names spelt more than one way (see ``newslint.names``)."""

from __future__ import annotations

from newslint.names.rule import KEYS, PLACEHOLDERS, compile

__all__ = ["KEYS", "PLACEHOLDERS", "compile"]
