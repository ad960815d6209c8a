"""Which rules run and at what level: YAML defaults, config, front matter, CLI.

Precedence, from weakest: the rule's own ``enabled`` and ``severity``; the
config's ``rules:`` entries (a longer id prefix beats a shorter one; later
beats earlier); then ``--select``/``--ignore``, where a rule runs only if
some selected prefix matches it and no more specific ignored prefix does.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from newslint.rule import FAMILIES, Rule
from newslint.schema import did_you_mean
from newslint.severity import Severity


def matches(rule_id: str, prefix: str) -> bool:
    """``loaded`` and ``loaded.puffery`` match ``loaded.puffery``; ``load`` does not."""
    return rule_id == prefix or rule_id.startswith(prefix + ".")


def _best(rule_id: str, prefixes: Iterable[str]) -> int:
    """Length of the most specific matching prefix, or -1."""
    return max((len(p) for p in prefixes if matches(rule_id, p)), default=-1)


@dataclass(frozen=True)
class Selection:
    """Which rules are on: the config's overrides, --select, --ignore and rules turned on."""

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


def unknown_rule(
    name: str, known: Collection[str], packs: Mapping[str, Collection[str]] | None = None
) -> str | None:
    """Why ``name`` names no rule or family of ``known`` ids, or None when it does.

    A name in a family none of whose rules is loaded (the config's ``packs:``
    left that pack out) cannot be judged and passes: a false error would cost
    more than the silent no-op. A pack's name (``packs``: name → its rule ids)
    is told as one, with what to write instead: ``languagetool`` drew "did you
    mean 'style.languagetool'?", one of its four rules.
    """
    if name in FAMILIES or any(matches(rule_id, name) for rule_id in known):
        return None
    family = name.split(".", 1)[0]
    if family in FAMILIES and not any(matches(rule_id, family) for rule_id in known):
        return None
    if packs and packs.get(name):
        instead = ", ".join(prefixes_of(packs[name], known))
        return f"{name!r} is a pack, not a rule or family; name its families instead: {instead}"
    hint = did_you_mean(name, sorted({*FAMILIES, *known}))
    return f"unknown rule or family {name!r}{hint}"


def prefixes_of(ids: Collection[str], known: Collection[str]) -> list[str]:
    """The fewest families and rule ids that name exactly ``ids`` among ``known``."""
    chosen: list[str] = []
    for family in sorted({rule_id.split(".", 1)[0] for rule_id in ids}):
        in_family = [r for r in known if matches(r, family)]
        if all(r in ids for r in in_family):
            chosen.append(family)
        else:
            chosen += sorted(r for r in ids if matches(r, family))
    return chosen
