"""The ``variants`` rule kind: names spelt more than one way (see ``newslint.names``)."""

from __future__ import annotations

from newslint.names.rule import KEYS, compile

__all__ = ["KEYS", "compile"]
