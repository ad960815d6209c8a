# SPDX-License-Identifier: GPL-3.0-or-later
"""Quality checks run by ``bench/quality``: one module per rule family or measure.

Each module has ``NAME: str`` and ``evaluate(root: Path) -> dict`` returning
``tables``, ``targets`` and ``stale`` (see bench/corpus/SOURCES.md and the
README). ``corpus`` lints the corpus once and shares the result.
"""
