"""substitution: a word or name with a preferred form, offered as the suggestion."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from newslint.dialect import respell
from newslint.document import QUOTE, Document
from newslint.kinds.base import Mark
from newslint.names.forms import leading_particle, strip_particle
from newslint.phrases import Hit, PhraseTable
from newslint.rule import Rule
from newslint.runcontext import RunContext
from newslint.schema import Key
from newslint.senses import SENSE_KEYS, Senses, senses_of
from newslint.severity import Severity

# The names its messages may use: {match} and so on, filled in by the check.
PLACEHOLDERS = frozenset(("match", "suggestion"))

KEYS = {
    "swap": Key(
        (dict, str),
        True,
        "mapping of what is written to what the house prefers, or from_config: "
        "the newsroom's house list (names.house_list)",
        {
            "anyOf": [
                {"type": "object", "additionalProperties": {"type": ["string", "number"]}},
                {"const": "from_config"},
            ]
        },
    ),
    "ignorecase": Key((bool,), False, "match regardless of case (default true)"),
    "names": Key(
        (bool,),
        False,
        "proper names: capitals must match, particles (al-, Al-) and possessives are free",
    ),
    "fixable": Key((bool,), False, "newslint --fix may apply the suggestion (default false)"),
    "quoted_severity": Key(
        (str,), False, "severity inside quotations, where the spelling is the source's"
    ),
    **SENSE_KEYS,
}
QUOTED_NOTE = " (inside a quotation: the source's spelling; keep it, add [sic] or note it)"


@dataclass(frozen=True)
class Substitution:
    """A substitution rule, compiled."""

    rule: Rule
    names: bool
    fixable: bool
    quoted_severity: Severity | None
    senses: Senses = field(default_factory=Senses)

    def run(self, doc: Document, hits: Sequence[Hit], context: RunContext) -> Iterator[Mark]:
        for hit in hits:
            if self.senses.rejects(hit):
                continue
            # The packs write suggestions in US spelling; the house dialect respells them.
            preferred = respell(str(hit.entry.payload), context.settings.dialect)
            if self.names and not _name_case_matches(hit.text, hit.entry.phrase):
                continue  # "said" the verb is not "Said" the name
            suggestion = _match_case(hit.text, preferred, self.names)
            if suggestion == hit.text:
                continue
            message = self.rule.format(match=hit.text, suggestion=suggestion)
            in_quote = hit.block.scope_at(hit.start, hit.end) == QUOTE
            noted = in_quote and self.quoted_severity is not None
            yield Mark(
                hit.block,
                hit.start,
                hit.end,
                message + QUOTED_NOTE if noted else message,
                suggestion=suggestion,
                severity=self.quoted_severity if noted else None,
                # Quotations are never rewritten by --fix.
                fixable=self.fixable and not in_quote,
            )


def _name_case_matches(text: str, phrase: str) -> bool:
    """Capitals as listed, apart from a leading particle."""
    # A particle's case follows the sentence, not the house list (Al-Assad, al-Assad).
    return strip_particle(text.replace("’", "'")) == strip_particle(phrase.replace("’", "'"))


def _match_case(text: str, preferred: str, names: bool) -> str:
    """Keep the writer's capitalisation where the house form does not fix it."""
    if names:
        particle = leading_particle(text)
        if particle and leading_particle(preferred):
            return particle + strip_particle(preferred)
        return preferred
    if text.isupper() and len(text) > 1:
        return preferred.upper()
    if text[:1].isupper() and preferred[:1].islower():
        return preferred[:1].upper() + preferred[1:]
    return preferred


def compile(rule: Rule, phrases: PhraseTable) -> Substitution:
    swap = rule.options.get("swap")
    names = bool(rule.options.get("names", False))
    # A house list of names may be empty: it is the newsroom's own file
    # (names.house), and a newsroom without one checks names for consistency.
    if not isinstance(swap, dict) or not (swap or names):
        raise ValueError("'swap' must map each word to its preferred form", "swap")
    ignorecase = bool(rule.options.get("ignorecase", True))
    for written, preferred in swap.items():
        if not isinstance(written, str) or not isinstance(preferred, str):
            raise ValueError(f"swap entry {written!r}: both sides must be words", "swap")
        # Names match whatever their case, then _name_case_matches decides.
        phrases.add(rule.id, written, payload=preferred, ignorecase=ignorecase or names)
    quoted = rule.options.get("quoted_severity")
    quoted_severity = Severity.parse(quoted) if isinstance(quoted, str) else None
    return Substitution(
        rule, names, bool(rule.options.get("fixable", False)), quoted_severity, senses_of(rule)
    )
