"""Which rules run and at what level: YAML defaults, config, front matter, CLI.

Precedence, from weakest: the rule's own ``enabled`` and ``severity``; the
config's ``rules:`` entries (a longer id prefix beats a shorter one; later
beats earlier); then ``--select``/``--ignore``, where a rule runs only if
some selected prefix matches it and no more specific ignored prefix does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newslint.rule import Rule
from newslint.severity import Severity


def matches(rule_id: str, prefix: str) -> bool:
    """``loaded`` and ``loaded.puffery`` match ``loaded.puffery``; ``load`` does not."""
    return rule_id == prefix or rule_id.startswith(prefix + ".")


def _best(rule_id: str, prefixes: Iterable[str]) -> int:
    """Length of the most specific matching prefix, or -1."""
    return max((len(p) for p in prefixes if matches(rule_id, p)), default=-1)


@dataclass(frozen=True)
class Selection:
    overrides: tuple[tuple[str, str], ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    also: tuple[str, ...] = ()  # rule ids turned on when the selection takes their family

    def setting(self, rule_id: str) -> str | None:
        """The config's word for this rule (most specific prefix, last wins)."""
        best, chosen = -1, None
        for prefix, value in self.overrides:
            if matches(rule_id, prefix) and len(prefix) >= best:
                best, chosen = len(prefix), value
        return chosen

    def is_active(self, rule: Rule) -> bool:
        if rule.id in self.also and self._chosen_anyway(rule):
            return True
        setting = self.setting(rule.id)
        enabled = rule.enabled if setting is None else setting != "off"
        if self.select:
            chosen = _best(rule.id, self.select)
            if chosen < 0:
                return False
            # Selecting a rule by name turns it on even if it ships off.
            enabled = enabled or chosen == len(rule.id)
        if not enabled:
            return False
        return _best(rule.id, self.ignore) <= _best(rule.id, self.select)

    def _chosen_anyway(self, rule: Rule) -> bool:
        """Selected (or nothing selected) and not ignored: as if it shipped on."""
        if self.select and _best(rule.id, self.select) < 0:
            return False
        return _best(rule.id, self.ignore) <= _best(rule.id, self.select)

    def severity(self, rule_id: str, found: Severity) -> Severity:
        setting = self.setting(rule_id)
        if setting in ("error", "warning", "suggestion"):
            return Severity.parse(setting)
        return found
