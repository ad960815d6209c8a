"""languagetool: typos and grammar from a local LanguageTool server.

Each rule takes the LanguageTool matches of some categories (TYPOS, GRAMMAR…)
and keeps LanguageTool's own rule id in the finding. Names are not typos:
a capitalised word that the house list knows, or that the draft spells the
same way twice or more, is left to the names checks. In a direct quotation a
spelling error is still reported, but a grammar match drops to the rule's
``quoted_severity`` with a note: quotations are not silently corrected.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.dialect import variants
from newslint.document import PLACEHOLDER, QUOTE, Block, Document
from newslint.harper import harper_of
from newslint.kinds.base import Mark, in_scope, string_list
from newslint.names.forms import strip_particle, strip_possessive
from newslint.phrases import Hit, PhraseTable, words_of
from newslint.reported import is_transcript_answer
from newslint.rule import Rule
from newslint.runcontext import RunContext, RunSettings
from newslint.schema import Key
from newslint.severity import Severity
from newslint.typos import (
    alone_in_quotes,
    in_cmudict,
    in_name_run,
    its_is_possessive,
    misspelt_proper_noun,
    names_only,
    not_a_misspelling,
    regular_formation,
    repeated_name,
    split_name,
    whole_word,
)

if TYPE_CHECKING:  # imported only when a LanguageTool rule runs
    from newslint.languagetool.service import Session
    from newslint.names.project import Indexes

# The names its messages may use: {match} and so on, filled in by the check.
PLACEHOLDERS = frozenset(("match", "suggestion", "lt_message"))

KEYS = {
    "categories": Key((list,), True, "LanguageTool category ids this rule reports (TYPOS…)"),
    "disabled_rules": Key((list,), False, "LanguageTool rule ids that are off for news copy"),
    "language": Key(
        (str,), False, "LanguageTool language code (default: the config's dialect, else en-US)"
    ),
    "quoted_severity": Key((str,), False, "severity inside quotations, with a note"),
    "accept_names_from": Key(
        (str,), False, "a names pack whose names are never typos (path beside this pack)"
    ),
    "accept_words": Key((list,), False, "words LanguageTool does not know but news copy uses"),
    "leave_names": Key((bool,), False, "leave names to the names checks (default false)"),
}
QUOTED_NOTE = " (inside a quotation: quotes are not silently corrected; add [sic] or paraphrase)"
_PLACEHOLDERS = re.compile(PLACEHOLDER + "+")


@dataclass(frozen=True)
class LanguageToolCheck:
    """A LanguageTool rule, compiled: the categories and rules it reports."""

    rule: Rule
    categories: frozenset[str]
    disabled_rules: frozenset[str]
    language: str | None  # None: the house dialect
    quoted_severity: Severity | None
    house_names: frozenset[str]
    accept_words: frozenset[str]
    leave_names: bool
    # With --project: the repository name indexes this check has opened (a
    # name the repository spells so is not a slip); pickled empty.
    indexes: Indexes = field(default_factory=lambda: _new_indexes(), compare=False, repr=False)

    def run(self, doc: Document, hits: Sequence[Hit], context: RunContext) -> Iterator[Mark]:
        blocks = [b for b in doc.blocks if b.text.strip()]
        language = _dialect(context, self.language)
        results = _draft_matches(context, blocks, language)
        marks = list(self._marks(doc, blocks, results, context))
        yield from _collapse_repeats(marks)

    def _marks(
        self, doc: Document, blocks: list[Block], results: Any, context: RunContext
    ) -> Iterator[Mark]:
        accepted = self._accepted_names(doc, context)
        for block, matches in zip(blocks, results, strict=True):
            for match in matches:
                if match.category_id not in self.categories or match.rule_id in self.disabled_rules:
                    continue
                start, end = match.offset, match.offset + match.length
                if end <= start or not in_scope(self.rule, block, start, end):
                    continue
                word = block.text[start:end]
                if PLACEHOLDER in word or _strip(word).lower() in self.accept_words:
                    continue
                if _not_a_typo(block, start, end, word, match):
                    continue
                slip = None
                name = match.rule_id != "IT_IS" and _is_name(block, start, word, accepted, match)
                if self.leave_names and name:
                    # A name is the names checks' business, unless it is a slip
                    # of a known proper noun that the draft spells this way once.
                    bare = _strip(word)
                    slip = (
                        None
                        if bare in accepted
                        else self._slip(doc, block, start, end, match, context)
                    )
                    if slip is None:
                        continue
                elif self._a_word_after_all(context, block, start, end, match):
                    continue
                yield self._mark(block, start, end, word, match, slip)

    def _a_word_after_all(
        self, context: RunContext, block: Block, start: int, end: int, match: Any
    ) -> bool:
        """A word LanguageTool's dictionary lacks but that is a word all the same:
        Harper's dictionary has it (studymate); it is made regularly from one a
        dictionary has (metabolome, meritocratically); LanguageTool can offer
        only names for it (asylee → Ashlee); or it is all of a quotation, a
        title or a site's name ("aywv"). Not when LanguageTool offers another
        dialect's spelling (labour → labor), which Harper's dictionary may hold
        too, nor when it only adds an apostrophe (Grahams → Graham's): a word
        either way."""
        if not match.rule_id.startswith("MORFOLOGIK"):
            return False
        word, replacements = block.text[start:end], tuple(match.replacements)
        if any(variants(word, r) or _letters(r) == _letters(word) for r in replacements):
            return False
        dialect = _dialect(context, self.language)

        def known(other: str) -> bool:
            opinion = harper_of(context).opinion(other, dialect)
            return in_cmudict(other) or (opinion is not None and opinion.known)

        if (
            names_only(word, replacements)
            or alone_in_quotes(block.text, start, end, replacements)
            or regular_formation(word, replacements, known)
        ):
            return True
        opinion = harper_of(context).opinion(word, dialect)
        return opinion is not None and opinion.known

    def _repository_spells(self, doc: Document, bare: str, slip: str, context: RunContext) -> bool:
        """With --project: whether the rest of the repository spells the name so."""
        if not context.settings.names_project:
            return False
        from newslint.names.project import spelt_so_elsewhere

        return spelt_so_elsewhere(
            self.indexes, doc.path, bare, slip, context.settings.max_file_bytes
        )

    def _mark(
        self, block: Block, start: int, end: int, word: str, match: Any, slip: str | None = None
    ) -> Mark:
        suggestion = slip or (match.replacements[0] if match.replacements else None)
        message = self.rule.format(
            match=word, suggestion=suggestion or "", lt_message=match.message.rstrip(".")
        )
        # An interviewee's answer is their words, as a quotation is.
        spoken = block.scope_at(start, end) == QUOTE or is_transcript_answer(block.text)
        quoted = self.quoted_severity is not None and spoken
        return Mark(
            block,
            start,
            end,
            message + QUOTED_NOTE if quoted else message,
            suggestion=suggestion,
            severity=self.quoted_severity if quoted else None,
            data=(("languagetool_rule", match.rule_id), ("category", match.category_id)),
        )

    def _slip(
        self, doc: Document, block: Block, start: int, end: int, match: Any, context: RunContext
    ) -> str | None:
        """The proper noun a capitalised word the draft uses once is a slip of;
        None when the repository (with --project) spells the name this way."""
        bare = _strip(block.text[start:end])
        slip = _slip_of(block, start, end, bare, match.replacements)
        if slip is not None and self._repository_spells(doc, bare, slip, context):
            return None
        return slip

    def _accepted_names(self, doc: Document, context: RunContext) -> frozenset[str]:
        """House-list names, and capitalised words the draft spells alike twice or more."""
        repeated = context.shared("languagetool:repeated-capitals", lambda: _repeated_capitals(doc))
        return self.house_names | repeated


def _repeated_capitals(doc: Document) -> frozenset[str]:
    """Capitalised words (possessive and particle stripped) the draft has twice or more.

    Shared through the run context: each LanguageTool rule asks, and counting a
    draft's words took a one-paragraph edit's run ~40 ms a rule.
    """
    counts: Counter[str] = Counter()
    for block in doc.blocks:
        for start, end in words_of(block.text):
            word = _strip(block.text[start:end])
            if word[:1].isupper():
                counts[word] += 1
    return frozenset(w for w, n in counts.items() if n >= 2)


def _is_name(
    block: Block,
    start: int,
    word: str,
    accepted: frozenset[str],
    match: Any,
) -> bool:
    """Whether a spelling match is on a name, which the names checks own.

    A name is a capitalised word (after any al-/el- particle) that the house
    list or the draft itself vouches for, or that stands mid-sentence, or
    starts a run of capitalised words, or an acronym, or that LanguageTool
    would only split (Wikinews → Wiki news). A suggestion that only
    adds an apostrophe (Grahams → Graham's) is punctuation, not a name
    question, and is kept.
    """
    bare = _strip(word)
    if not bare[:1].isupper():
        return False
    # "Grahams" → "Graham's" is punctuation; "Bos" → "Bo's" is not when the
    # draft spells Bos that way throughout, nor "the Sams" (a family).
    family = block.text[max(0, start - 4) : start].lower() == "the "  # the Sams
    apostrophe = any(_letters(r) == _letters(word) for r in match.replacements)
    if apostrophe and not family and bare not in accepted:
        return False
    if bare in accepted or (bare.isupper() and len(bare) > 1):
        return True
    if split_name(bare, match.replacements):
        return True
    sentence = block.sentence_at(start)
    if sentence is not None and start > sentence.start + 1:
        return True
    # First in its sentence: a name when another capitalised word follows
    # (Javad Zarif, Iran's foreign minister).
    following = block.text[start + len(word) :].lstrip(" ")
    return following[:1].isupper()


def _slip_of(
    block: Block, start: int, end: int, bare: str, replacements: Sequence[str]
) -> str | None:
    sentence = block.sentence_at(start)
    run = in_name_run(block.text, start, end, sentence.start if sentence else 0)
    return misspelt_proper_noun(bare, tuple(replacements), run)


def _dialect(context: RunContext, language: str | None) -> str:
    return language or context.settings.dialect or "en-US"


def _new_indexes() -> Indexes:
    from newslint.names.project import Indexes

    return Indexes()


def _not_a_typo(block: Block, start: int, end: int, word: str, match: Any) -> bool:
    """Matches an editor would overrule: part of a name with an apostrophe, the
    possessive "Its", a repeated name, another dialect's spelling in a quotation."""
    whole = whole_word(block.text, start, end)
    if whole != (start, end) and (block.text[whole[0]].isupper() or word[:1].isupper()):
        return True  # Ba'athists, d'Ettorre: a name, the names checks' business
    if word == "i" and block.text[max(0, start - 4) : start].lower() == "the ":
        return True  # "the i reported": a title, never the pronoun
    other_dialect = any(variants(word, r) for r in match.replacements)
    if other_dialect:
        return block.scope_at(start, end) == QUOTE  # the speaker's spelling
    if match.rule_id.startswith("MORFOLOGIK") and not_a_misspelling(block.text, start, word):
        return True
    if match.rule_id == "IT_IS" and word.lower() == "its":
        return its_is_possessive(block.text, end)
    if match.rule_id == "ENGLISH_WORD_REPEAT_RULE":
        pair = word.split()
        return len(pair) == 2 and repeated_name(pair[0], pair[1])
    return False


def _collapse_repeats(marks: list[Mark]) -> Iterator[Mark]:
    """One finding per word and LanguageTool rule, with a count: “neighbourhood” ×4."""
    groups: dict[tuple[str, str], list[Mark]] = {}
    for mark in marks:
        word = mark.block.text[mark.start : mark.end].lower()
        groups.setdefault((dict(mark.data)["languagetool_rule"], word), []).append(mark)
    for group in groups.values():
        first = group[0]
        if len(group) == 1:
            yield first
        else:
            yield replace(
                first,
                message=f"{first.message} (×{len(group)} in this draft)",
                data=(*first.data, ("count", str(len(group)))),
            )


def _letters(text: str) -> str:
    return text.replace("'", "").replace("’", "")


def _strip(word: str) -> str:
    """A word without possessive or name particle: al-Muhandis’s → Muhandis."""
    return strip_particle(strip_possessive(word))


def _plain(text: str) -> str:
    """Code spans and URLs become a neutral word plus spaces, keeping offsets."""
    if PLACEHOLDER not in text:
        return text
    return _PLACEHOLDERS.sub(lambda m: "X" + " " * (len(m.group(0)) - 1), text)


def _draft_matches(context: RunContext, blocks: list[Block], language: str) -> Any:
    """The matches of each block, fetched once per draft and language for every
    LanguageTool rule (one request; rules filter by category and rule id), so
    the rules of a draft all get an answer or all report the same notice."""
    return context.shared(
        f"languagetool:{language}",
        lambda: _session(context.settings).check_paragraphs(
            [_plain(b.text) for b in blocks], language
        ),
    )


def _session(run: RunSettings) -> Session:
    """The run's LanguageTool session; a session of its own when the caller has none."""
    from newslint.languagetool.service import ServiceSettings, Session

    if run.languagetool_session is not None:
        return run.languagetool_session
    return Session(_settings(run.languagetool, ServiceSettings))


def _settings(section: Mapping[str, Any], factory: Any) -> Any:
    known = {
        "timeout_s": "timeout",
        "memory": "memory",
        "idle_minutes": "idle_minutes",
        "start_timeout_s": "start_timeout",
    }
    values = {field: section[key] for field, key in known.items() if key in section}
    return factory(**values)


def _house_names(rule: Rule, relative: str) -> frozenset[str]:
    """Every word of every name the names pack lists (both sides of its swaps)."""
    from newslint.yamlfile import load_yaml

    path = Path(rule.path).parent / relative
    try:
        data = load_yaml(str(path), path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError):
        raise ValueError(f"names pack {str(path)!r} cannot be read", "accept_names_from") from None
    names: set[str] = set()
    for raw in data.get("rules", []):
        swap = raw.get("swap") if isinstance(raw, dict) else None
        # A list filled from the newsroom's own file (swap: from_config) is not here.
        for pair in (swap if isinstance(swap, dict) else {}).items():
            for name in pair:
                names.update(_strip(str(name)[s:e]) for s, e in words_of(str(name)))
    return frozenset(n for n in names if n[:1].isupper())


def compile(rule: Rule, phrases: PhraseTable) -> LanguageToolCheck:
    categories = frozenset(string_list(rule, "categories"))
    if not categories:
        raise ValueError("'categories' must list LanguageTool category ids", "categories")
    quoted = rule.options.get("quoted_severity")
    names_from = rule.options.get("accept_names_from")
    return LanguageToolCheck(
        rule=rule,
        categories=categories,
        disabled_rules=frozenset(string_list(rule, "disabled_rules")),
        language=str(rule.options["language"]) if "language" in rule.options else None,
        quoted_severity=Severity.parse(quoted) if isinstance(quoted, str) else None,
        house_names=_house_names(rule, str(names_from)) if names_from else frozenset(),
        accept_words=frozenset(w.lower() for w in string_list(rule, "accept_words")),
        leave_names=bool(rule.options.get("leave_names", False)),
    )
