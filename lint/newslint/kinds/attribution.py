"""attribution: fact flags — unattributed claims, vague and anonymous sources, unattributed quotes.

The method is lexicons and patterns, no parser (a lexicon reached the
precision and recall asked for on the dev set; see ``bench/accuracy``). Every
cue comes from the rule's ``cues`` lists in ``rules/attribution.yml``, so an
editor extends them there. Each sentence of prose is read in five steps:

1. its *voice text*: the sentence with every quotation blanked out (same
   length), so that words inside someone's quoted speech never count as the
   writer's attribution, and offsets stay exact;
2. the cues in the voice text: ``attribution`` verbs ("said", "confirmed"),
   ``attribution_phrases`` ("according to", "in a statement"), ``vague``
   ("reportedly"), ``anonymous`` ("one official"); a ``not_attribution``
   look-alike ("was told", "the claims") cancels a cue it overlaps, and a
   vague or anonymous cue outranks a plain verb it overlaps;
3. whether a cue *covers* the sentence: a phrase does wherever it stands; a
   verb does when it leads (no clause with a finite verb stands before it:
   "The Pentagon later confirmed that…") or trails (", police said." after
   the content); a cue inside a relative clause (", who had told…") or after
   "we" ("As we reported") covers nothing;
4. carry-over from the neighbours: a sentence after an attributed one ending
   in a colon, a sentence that continues the source ("also", "however") in
   the same paragraph or after a quoted one, a sentence between two sentences
   of its paragraph that name their sources;
5. whether it is a checkable claim at all: not a question, headline, quotation,
   hypothetical, framing or opinion, and it carries a fact — a name, a number,
   a date, an event verb, or a cause/record word from ``claim_signals``.

A quotation is linked to its speaker when a cue sits in a sentence it
overlaps, in the sentence (or paragraph) before a quoted sentence (the news
convention of a quote paragraph after "…, she said."), or after it (“…”
“…,” she said.); a quotation running over several paragraphs is judged where
it opens, and a blockquote by the paragraph that introduces it. Short quoted
terms and titles (“parole”, “The Shadow Commander”) are not speech.

The claim checks read the whole analysis; the quotation check skips the
claim steps; the vague and anonymous checks only look for their own cues.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newslint.document import HEADING, PLACEHOLDER, QUOTE, VOICE, Block, Document, Quotation
from newslint.kinds.base import Mark
from newslint.patterns import SafePattern, compile_pattern
from newslint.phrases import Hit, PhraseTable, normalise
from newslint.rule import Rule
from newslint.schema import Key, did_you_mean

KEYS = {
    "check": Key(
        (str,),
        True,
        "what to report: unattributed-claim, claim, vague, anonymous-source or unattributed-quote",
    ),
    "cues": Key((dict,), True, "the cue lists shared by the attribution rules (see the pack)"),
}

CHECKS = ("unattributed-claim", "claim", "vague", "anonymous-source", "unattributed-quote")

# Cue lists an editor may give, and what each is for. ``*_patterns`` lists
# hold regular expressions for what a word list cannot say.
WORD_LISTS = {
    "attribution": "verbs that give a source: said, told, confirmed",
    "attribution_phrases": "phrases that source their clause wherever they stand: according to",
    "vague": "attribution that names no one: reportedly, some say, critics argue",
    "anonymous": "a source left unnamed: on condition of anonymity, people close to",
    "not_attribution": "look-alikes that give no source: was told, the claims, an estimated",
    "continuation": "words by which a sentence carries on the source before it: also, added",
    "hedges": "speculation that makes a sentence no claim unless it has a hard fact",
    "opinion": "opinion framed as opinion: I think, arguably, in my view",
    "framing": "signposts that state no fact: here is, read more, consider the following",
    "hypothetical_starts": "sentence openings of hypotheticals: if, unless, imagine",
    "claim_signals": "cause, record and superlative words that make a sentence a claim",
    "term_markers": "words right before a quotation that make it a name or term: called, titled",
}
PATTERN_LISTS = {
    f"{name}_patterns": f"regular expressions for {name}"
    for name in ("attribution", "vague", "anonymous", "not_attribution", "claim_signals")
}
SOURCE_CUES = ("attribution", "attribution_phrases", "vague", "anonymous")
NAMED = ("attribution", "attribution_phrases")

# --- the small closed classes of English the method leans on -------------------

AUXILIARIES = frozenset(
    """
    is are was were am has have had will would can could did does do may might must
    shall should
    """.split()  # noqa: SIM905 - a word list reads better as text
)
DETERMINERS = frozenset(
    """
    the a an this that these those his her its their our my your whose which some any no
    every each
    """.split()  # noqa: SIM905 - a word list reads better as text
)
PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you"))
ADVERBS = frozenset(
    """
    also later then earlier previously again recently not never already still first once
    further
    """.split()  # noqa: SIM905 - a word list reads better as text
)
IRREGULAR_PAST = frozenset(
    """
    went came took made gave found left met sent told said began saw got held brought led
    won lost ran fell rose struck became knew thought fought paid built kept spoke wrote drove
    flew grew threw wore stole broke chose froze hid rode shook sang sank swam drank ate
    forgot bought caught taught sold heard felt meant sat stood understood spent fled fed dealt
    slept shot sought arose bore tore swore withdrew overthrew undertook oversaw
    spoken written taken given seen known shown done gone been begun chosen driven eaten
    fallen flown forgotten frozen grown hidden ridden risen shaken stolen sworn thrown torn
    worn broken beaten bitten withdrawn
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Words in -ed that are not past tenses.
NOT_PAST = frozenset(
    """
    need speed seed feed breed bleed greed creed hundred sacred naked wicked kindred
    rugged ragged shed red bed wed indeed
    """.split()  # noqa: SIM905 - a word list reads better as text
)
NOT_VERBS_IN_S = frozenset(
    """
    news series always perhaps its his this thus was has is does various previous famous
    serious numerous anonymous dangerous whereas unless besides towards afterwards
    nevertheless
    """.split()  # noqa: SIM905 - a word list reads better as text
)
STOP_CAPITALS = frozenset(
    """
    the a an this that these those his her its their our my your he she it they we i you
    in on at for of to by with from after before during as when while if but and or so yet
    there here what who why how however meanwhile still then one some many most all
    according despite although though because since until once also earlier later last
    """.split()  # noqa: SIM905 - a word list reads better as text
)
NAME_CONNECTORS = ("of", "for", "de", "del", "da", "von", "van", "bin", "al", "the")
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
RELATIVE_DAYS = (
    r"today|yesterday|tomorrow|tonight|(?:last|this|next|earlier this|later this) "
    r"(?:week|month|year|weekend|morning|afternoon|evening|spring|summer|autumn|fall|winter)"
)
_DATE = re.compile(
    rf"(?<![\w])(?:(?:{MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?"
    rf"|(?:{DAYS})s?"
    r"|(?:1[5-9]|20)\d\d(?:s)?(?:\s?[-–]\s?(?:1[5-9]|20)\d\d)?"
    rf"|(?i:{RELATIVE_DAYS}))(?![\w])"
)
NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    "ninety|hundred|thousand|million|billion|trillion|dozen|half-dozen|dozens|hundreds|"
    "thousands|millions|billions"
)
# Figures start at a digit or a currency sign (found fast); number words by lookup.
_FIGURE = re.compile(
    r"(?:[$€£¥]\s?)?\d(?:[\d,.:]*\d)?(?:st|nd|rd|th|am|pm)?"
    r"(?:\s?(?:%|percent|per cent|million|billion|trillion|thousand|hundred)\b)?"
)
NUMBER_WORD_SET = frozenset(NUMBER_WORDS.split("|"))
_NAME = re.compile(
    r"(?<![\w’'])(?:al-)?[A-Z][\w’'.&-]*"
    r"(?:(?:\s+(?:" + "|".join(NAME_CONNECTORS) + r")){0,2}\s+(?:al-)?[A-Z][\w’'.&-]*)*"
)
_WORD = re.compile(r"[\w’'-]+")
_RELATIVE = re.compile(r"\b(?:who|which|whom|whose)\b")
_SPACE = re.compile(r"\s+")


# --- compiled cues -----------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A cue found in a block or sentence (offsets relative to it)."""

    category: str
    start: int
    end: int
    text: str
    pattern: bool = False  # found by a pattern, not a listed phrase


@dataclass(frozen=True)
class Lexicon:
    """The rule's cue lists once compiled.

    The word lists go into the pack's phrase table, which the engine scans
    once per draft for every rule (longest phrase first, so "is said to have"
    wins over "said" and "was told" over "told"); the patterns run here, on
    each block with its quotations blanked out.
    """

    listed_capitalised: frozenset[str]  # phrases an editor wrote with a capital
    patterns: tuple[tuple[str, SafePattern], ...]

    def block_cues(
        self, doc: Document, hits: Sequence[Hit], categories: frozenset[str]
    ) -> dict[int, list[Cue]]:
        """The cues of the wanted categories in each block, by block index (block offsets)."""
        found: dict[int, list[Cue]] = {}
        for hit in hits:
            if hit.entry.payload in categories:
                cue = Cue(hit.entry.payload, hit.start, hit.end, hit.text)
                found.setdefault(hit.block.index, []).append(cue)
        for index, cues in self._pattern_cues(doc).items():
            wanted = [cue for cue in cues if cue.category in categories]
            if wanted:
                found.setdefault(index, []).extend(wanted)
        return found

    def _pattern_cues(self, doc: Document) -> dict[int, list[Cue]]:
        """Cues the patterns find, every category, once per document.

        The five attribution rules each ask; the patterns run for the first
        and the others read the document's memo.
        """
        # Rules that share their cue lists (the YAML anchor) share the memo.
        key = "attribution:pattern-cues:" + "\0".join(f"{c}={p.source}" for c, p in self.patterns)
        if key in doc.memo:
            return dict(doc.memo[key])
        found: dict[int, list[Cue]] = {}
        if self.patterns:
            # A blockquote is all the source's words: no cue in it is the writer's.
            for block in (b for b in doc.blocks if not b.in_blockquote):
                voice = block_voice(block)
                for category, pattern in self.patterns:
                    for start, end in pattern.spans(voice, doc.path):
                        if end > start:
                            cue = Cue(category, start, end, voice[start:end], pattern=True)
                            found.setdefault(block.index, []).append(cue)
        doc.memo[key] = found
        return dict(found)

    def find(self, voice: str, block_cues: Sequence[Cue], offset: int) -> list[Cue]:
        """The cues of one sentence outside quotations, sentence-relative.

        ``offset`` is where the sentence starts in its block.
        """
        first = _first_letter(voice)
        found = []
        for cue in block_cues:
            start, end = cue.start - offset, cue.end - offset
            if start < 0 or end > len(voice) or PLACEHOLDER in voice[start:end]:
                continue
            # "States" in "United States" is no verb: a listed lower-case
            # word counts capitalised only where the sentence begins.
            capital = not cue.pattern and cue.text[0].isupper() and start != first
            if capital and normalise(cue.text) not in self.listed_capitalised:
                continue
            found.append(Cue(cue.category, start, end, cue.text, cue.pattern))
        return found


def _first_letter(text: str) -> int:
    for i, ch in enumerate(text):
        if ch.isalnum():
            return i
    return 0


def compile_lexicon(cues: object, rule_id: str, phrases: PhraseTable) -> Lexicon:
    """Check the ``cues`` mapping, add its words to the pack's table, compile its patterns.

    Raises ValueError(message, key) on a problem.
    """
    if not isinstance(cues, dict):
        raise ValueError("'cues' must be a mapping of cue lists", "cues")
    capitalised: set[str] = set()
    patterns: list[tuple[str, SafePattern]] = []
    for name, values in cues.items():
        if name not in WORD_LISTS and name not in PATTERN_LISTS:
            hint = did_you_mean(name, [*WORD_LISTS, *PATTERN_LISTS])
            raise ValueError(f"unknown cue list {name!r}{hint}", "cues")
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ValueError(f"cue list {name!r} must be a list of strings", "cues")
        if name in PATTERN_LISTS:
            category = name.removesuffix("_patterns")
            for value in values:  # each checked alone, so an error names the pattern
                compile_pattern(value, True, "cues")
            if values:
                # One alternation per list: a draft's blocks are searched once
                # per list rather than once per pattern.
                joined = "|".join(f"(?:{value})" for value in values)
                patterns.append((category, compile_pattern(joined, True, "cues")))
            continue
        for phrase in values:
            phrases.add(rule_id, phrase, payload=name)
            if phrase[:1].isupper():
                capitalised.add(normalise(phrase))
    return Lexicon(frozenset(capitalised), tuple(patterns))


def block_voice(block: Block) -> str:
    """The block's text with its quotations blanked out (same length), or all of a blockquote."""
    if not block.quotations:
        return block.text
    chars = list(block.text)
    for quotation in block.quotations:
        chars[quotation.start : quotation.end] = PLACEHOLDER * (quotation.end - quotation.start)
    return "".join(chars)


# --- facts: names, numbers, dates ------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    names: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()

    def describe(self, limit: int = 4) -> str:
        """A short account for a message: "names Donald Trump; date Friday"."""
        parts = []
        shown = 0
        for label, values in (("name", self.names), ("number", self.numbers), ("date", self.dates)):
            if values and shown < limit:
                kept = values[: limit - shown]
                more = "…" if len(kept) < len(values) else ""
                parts.append(f"{label}{'s' if len(values) > 1 else ''} {', '.join(kept)}{more}")
                shown += len(kept)
        return "; ".join(parts)


def extract_facts(voice: str, known_names: frozenset[str]) -> Facts:
    """The names, numbers and dates a fact-checker would verify in ``voice``."""
    dates = [m for m in _DATE.finditer(voice) if _is_date(voice, m)]
    taken = [(m.start(), m.end()) for m in dates]
    numbers = [n for at, n in _numbers(voice) if not any(s <= at < e for s, e in taken)]
    names = _names(voice, known_names, taken)
    return Facts(
        _unique(names), _unique(numbers), _unique(_SPACE.sub(" ", m.group(0)) for m in dates)
    )


def _numbers(voice: str) -> list[tuple[int, str]]:
    """Figures ("US$ 20,000", "10%", "33rd") and number words ("half-dozen"), in order."""
    found = []
    for match in _FIGURE.finditer(voice):
        start = match.start()
        if start and (voice[start - 1].isalnum() or voice[start - 1] == "."):
            continue  # part of a word or a version: "G7", "v1.2"
        prefix = re.search(r"(?:US|A|C|HK)$", voice[:start])
        begin = prefix.start() if prefix and match.group(0)[0] in "$€£¥" else start
        found.append((begin, voice[begin : match.end()].strip()))
    for match in _WORD.finditer(voice):
        if match.group(0).lower() in NUMBER_WORD_SET:
            found.append((match.start(), match.group(0)))
    return sorted(found)


def _is_date(text: str, match: re.Match[str]) -> bool:
    # "May" is a month only with a day or year, or after a word like "in".
    if match.group(0) != "May":
        return True
    before = text[: match.start()].split()[-1:] or [""]
    return before[0].lower() in {"in", "of", "since", "until", "by", "on", "early", "late", "mid"}


def _names(voice: str, known: frozenset[str], taken: list[tuple[int, int]]) -> list[str]:
    first = _first_letter(voice)
    names = []
    for match in _NAME.finditer(voice):
        if any(s <= match.start() < e for s, e in taken):
            continue
        for index, words in enumerate(_split_possessives(match.group(0).split())):
            opens_sentence = index == 0 and match.start() == first
            name = _name_of(words, opens_sentence, known)
            if name:
                names.append(name)
    return names


def _split_possessives(words: list[str]) -> list[list[str]]:
    """ "Iran’s Quds Force" is two names: Iran, and its Quds Force."""
    groups: list[list[str]] = [[]]
    for word in words:
        bare = _strip_possessive(word)
        groups[-1].append(bare)
        if bare != word:
            groups.append([])
    return [g for g in groups if g]


def _name_of(words: list[str], opens_sentence: bool, known: frozenset[str]) -> str:
    # Drop the capitalised function word that opens a sentence ("The White House").
    stripped = False
    while words and words[0].lower() in STOP_CAPITALS:
        words, stripped = words[1:], True
    while words and words[-1].lower() in NAME_CONNECTORS:
        words = words[:-1]
    if not words:
        return ""
    name = " ".join(words).rstrip(".,")
    if len(words) == 1:
        # A lone capital where the sentence begins is a name only if the
        # draft capitalises it elsewhere too ("Soleimani died…").
        if opens_sentence and not stripped and name not in known:
            return ""
        if re.fullmatch(DAYS + "|" + MONTHS, name):
            return ""
    return name


def _strip_possessive(word: str) -> str:
    for ending in ("’s", "'s", "’", "'"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def _unique(items: object) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:  # type: ignore[attr-defined]
        seen.setdefault(item, None)
    return tuple(seen)


def known_names(doc: Document) -> frozenset[str]:
    """Words the draft capitalises mid-sentence: names even where a sentence opens."""
    known: set[str] = set()
    for block in doc.blocks:
        for sentence in block.sentences:
            text = sentence.text
            first = _first_letter(text)
            for match in _NAME.finditer(text):
                words = match.group(0).split()
                # Only the word that opens a sentence may be capitalised for that alone.
                words = words[1:] if match.start() == first else words
                known.update(_strip_possessive(w).rstrip(".,") for w in words)
    return frozenset(known)


# --- one sentence, analysed -----------------------------------------------------------


@dataclass(frozen=True)
class SentenceInfo:
    """What the method knows about one sentence on its own (before its neighbours)."""

    block: Block
    position: int  # index in block.sentences
    start: int  # block offsets
    end: int
    text: str
    voice: str  # the sentence with quotations blanked out
    scope: str  # voice | quote | heading: where the sentence stands
    cues: tuple[Cue, ...]  # source cues (attribution, vague, anonymous) that count
    covering: Cue | None  # the cue that covers the whole sentence, if one does
    claim: bool
    continues: bool  # a continuation word ("also", "however")
    facts: Facts

    @property
    def intro(self) -> bool:
        """Ends with a colon: it introduces what follows."""
        return self.text.rstrip().endswith(":")

    def cues_of(self, category: str) -> tuple[Cue, ...]:
        return tuple(c for c in self.cues if c.category == category)


def analyse_sentence(
    block: Block,
    position: int,
    voice_text: str,
    found: Sequence[Cue],
    names: frozenset[str] | None,
) -> SentenceInfo:
    """One sentence on its own; ``names`` None when no check here judges claims."""
    sentence = block.sentences[position]
    voice = voice_text[sentence.start : sentence.end]
    scope = _sentence_scope(block, voice)
    cues = _source_cues(found)
    words = {c.category for c in found}
    covering = claim = None
    facts = Facts()
    if names is not None:
        covering = next((c for c in cues if _covers(voice, c)), None)
        facts = extract_facts(voice, names)
        claim = scope == VOICE and _is_claim(voice, found, cues, covering is not None, facts)
    return SentenceInfo(
        block=block,
        position=position,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        voice=voice,
        scope=scope,
        cues=cues,
        covering=covering,
        claim=bool(claim),
        continues="continuation" in words,
        facts=facts,
    )


def _sentence_scope(block: Block, voice: str) -> str:
    if block.in_blockquote:
        return QUOTE
    if block.kind == "heading":
        return HEADING
    quoted = voice.count(PLACEHOLDER)
    # A sentence that is mostly a quotation is the source's, whatever frames it.
    if quoted and quoted * 2 >= len(voice.strip()):
        return QUOTE
    return VOICE


def _source_cues(found: list[Cue]) -> tuple[Cue, ...]:
    """Source cues that count: look-alikes cancel, vague/anonymous outrank plain verbs."""
    blockers = [c for c in found if c.category == "not_attribution"]
    sources = [c for c in found if c.category in SOURCE_CUES]
    strong = [c for c in sources if c.category not in NAMED]
    kept = []
    for cue in sources:
        outranked = any(_overlap(cue, other) for other in (*blockers, *strong))
        if cue.category in NAMED and outranked:
            continue
        kept.append(cue)
    return tuple(sorted(set(kept), key=lambda c: (c.start, -c.end, c.category)))


def _overlap(a: Cue, b: Cue) -> bool:
    return a.start < b.end and b.start < a.end


def _covers(voice: str, cue: Cue) -> bool:
    """Whether ``cue`` gives a source for the whole sentence (see the module notes)."""
    if _in_relative_clause(voice, cue.start):
        return False
    if cue.category == "attribution_phrases":
        return True
    prefix = _strip_verb_group(voice[: cue.start])
    if re.search(r"\b(?:we|I)$", prefix):  # "As we reported": the newsroom is no source
        return False
    if not _has_finite_verb(prefix):
        return True
    # Trailing: ", police said." or ", according to the ministry." after the content.
    suffix = voice[cue.end :]
    if len(_WORD.findall(suffix)) > 8 or _has_finite_verb(suffix):
        return False
    last_break = max(prefix.rfind(ch) for ch in (",", ";", "—", PLACEHOLDER))
    if last_break < 0:
        return False
    # Between the content and the cue stands only who said it ("a spokesman for the PMF").
    speaker = _WORD.findall(prefix[last_break:])
    return len(speaker) <= 8 and not any(
        w.lower() in AUXILIARIES or (w == w.lower() and _is_past(w)) for w in speaker
    )


def _in_relative_clause(voice: str, pos: int) -> bool:
    for match in _RELATIVE.finditer(voice, 0, pos):
        after = voice[match.end() :]
        # "which, according to AFP, …": a comma right after the pronoun opens an aside.
        skip = 1 if after.lstrip().startswith(",") else 0
        commas = [i for i, ch in enumerate(after) if ch == ","]
        end = match.end() + commas[skip] if len(commas) > skip else len(voice)
        if match.start() < pos < end:
            return True
    return False


def _strip_verb_group(prefix: str) -> str:
    """Drop the auxiliaries and adverbs right before a verb cue ("has also", "later")."""
    words = prefix.rstrip()
    while True:
        match = re.search(r"([\w’'-]+)\s*$", words)
        if not match:
            return words
        word = match.group(1).lower()
        if word in AUXILIARIES or word in ADVERBS or word.endswith("ly"):
            words = words[: match.start()].rstrip()
            continue
        return words


def _has_finite_verb(text: str) -> bool:
    """A rough test for a clause: an auxiliary, or a past-tense verb not used as an adjective."""
    tokens = list(_WORD.finditer(text))
    for i, token in enumerate(tokens):
        word = token.group(0)
        lower = word.lower()
        if lower in AUXILIARIES:
            return True
        if word != lower:
            continue
        if _is_past(lower):
            before = tokens[i - 1].group(0).lower() if i else ""
            # "the alleged crime", "…, published in 1989," are not clauses.
            if before in DETERMINERS or text[: token.start()].rstrip().endswith(","):
                continue
            return True
    return False


def _is_claim(
    voice: str, found: Sequence[Cue], cues: Sequence[Cue], covered: bool, facts: Facts
) -> bool:
    """Whether a writer's-voice sentence states a checkable fact."""
    text = voice.replace(PLACEHOLDER, " ").strip()
    tokens = _WORD.findall(text)
    if len(tokens) < 3 or text.endswith("?"):
        return False
    if covered and text.endswith(":"):  # "The ministry said in a statement:" introduces
        return False
    words = {c.category for c in found}
    first = _first_letter(voice)
    starts = {c.category for c in found if c.start == first}
    if "hypothetical_starts" in starts or "framing" in words or "opinion" in words:
        return False
    hard = bool(facts.numbers or facts.dates or "claim_signals" in words)
    if "hedges" in words and not hard:
        return False
    if not _has_verb(tokens):
        return False
    # "said" is no event: the sentence must tell of one besides its attribution.
    return hard or bool(facts.names) or _has_event_verb(_blank(voice, cues))


def _blank(text: str, cues: Sequence[Cue]) -> str:
    for cue in cues:
        text = text[: cue.start] + " " * (cue.end - cue.start) + text[cue.end :]
    return text


def _has_verb(tokens: list[str]) -> bool:
    for word in tokens:
        lower = word.lower()
        if lower in AUXILIARIES or (word == lower and _is_past(lower)):
            return True
        if (
            word == lower
            and lower.endswith("s")
            and not lower.endswith(("ss", "us", "is", "'s", "’s"))
            and lower not in NOT_VERBS_IN_S
            and len(lower) > 3
        ):
            return True
    return False


def _is_past(word: str) -> bool:
    if word in IRREGULAR_PAST:
        return True
    return word.endswith("ed") and len(word) > 3 and word not in NOT_PAST


def _has_event_verb(voice: str) -> bool:
    """A past-tense verb: something happened ("ordered", "was identified", "fled")."""
    tokens = list(_WORD.finditer(voice))
    for i, token in enumerate(tokens):
        word = token.group(0)
        if word != word.lower() or not _is_past(word):
            continue
        before = tokens[i - 1].group(0).lower() if i else ""
        if before not in DETERMINERS and not voice[: token.start()].rstrip().endswith(","):
            return True
    return False


# --- the whole draft: carry-over and verdicts ----------------------------------------------


UNATTRIBUTED = "unattributed"
ATTRIBUTED = "attributed"
CARRIED = "carried"
NOT_A_CLAIM = "not-a-claim"


@dataclass(frozen=True)
class Verdict:
    """A sentence's standing once its neighbours are read."""

    info: SentenceInfo
    status: str  # unattributed | attributed | carried | not-a-claim
    source: str = ""
    carried_from: SentenceInfo | None = None


@dataclass(frozen=True)
class Analysis:
    sentences: tuple[SentenceInfo, ...]
    verdicts: tuple[Verdict, ...]
    listed: Mapping[int, Sequence[Cue]]  # listed phrases by block index, block offsets


def analyse(doc: Document, lexicon: Lexicon, hits: Sequence[Hit], claims: bool = True) -> Analysis:
    """Every sentence of the draft; with ``claims``, also whether each is a claim and its source."""
    listed = lexicon.block_cues(doc, hits, frozenset(WORD_LISTS))
    names = known_names(doc) if claims else None
    infos = []
    for block in doc.blocks:
        voice = block_voice(block)
        block_cues = listed.get(block.index, ())
        for i, sentence in enumerate(block.sentences):
            sentence_voice = voice[sentence.start : sentence.end]
            found = lexicon.find(sentence_voice, block_cues, sentence.start)
            infos.append(analyse_sentence(block, i, voice, found, names))
    if not claims:
        return Analysis(tuple(infos), (), listed)
    verdicts: list[Verdict] = []
    last_source = ""
    for index in range(len(infos)):
        verdict = _verdict(infos, index, verdicts, last_source)
        if verdict.source and not _is_pronoun(verdict.source):
            last_source = verdict.source
        verdicts.append(verdict)
    return Analysis(tuple(infos), tuple(verdicts), listed)


def _verdict(
    infos: Sequence[SentenceInfo], index: int, done: list[Verdict], last_source: str
) -> Verdict:
    info = infos[index]
    if info.covering is not None:
        source = source_of(info, info.covering, last_source)
        return Verdict(info, ATTRIBUTED if info.claim else NOT_A_CLAIM, source)
    if not info.claim:
        return Verdict(info, NOT_A_CLAIM)
    before = _previous(infos, index)
    if before is not None and _carries(before, done[index - 1], info, _next(infos, index)):
        return Verdict(info, CARRIED, done[index - 1].source, before)
    return Verdict(info, UNATTRIBUTED)


def _carries(
    before: SentenceInfo, before_verdict: Verdict, info: SentenceInfo, after: SentenceInfo | None
) -> bool:
    """Whether the sentence before passes its source on to ``info``."""
    sourced = before.covering is not None
    if before.intro and sourced:  # "The ministry said in a statement: …"
        return True
    same_block = before.block is info.block
    if info.continues and (sourced or before_verdict.status == CARRIED):
        # "also", "however": in the same paragraph, or right after a quoted one.
        return same_block or before.scope != VOICE
    # Between two sentences of the same paragraph that name their sources.
    return (
        same_block
        and after is not None
        and before.covering is not None
        and after.covering is not None
        and before.covering.category in NAMED
        and after.covering.category in NAMED
    )


def _previous(infos: Sequence[SentenceInfo], index: int) -> SentenceInfo | None:
    """The sentence before, in the same paragraph or closing the paragraph before."""
    if index == 0:
        return None
    info, before = infos[index], infos[index - 1]
    if before.block is info.block:
        return before
    adjacent = before.block.index == info.block.index - 1 and info.position == 0
    return before if adjacent and before.block.kind == "paragraph" else None


def _next(infos: Sequence[SentenceInfo], index: int) -> SentenceInfo | None:
    if index + 1 < len(infos) and infos[index + 1].block is infos[index].block:
        return infos[index + 1]
    return None


def _is_pronoun(source: str) -> bool:
    return source.lower() in PRONOUNS


# --- sources ---------------------------------------------------------------------------

_LEAD_IN = re.compile(
    r"^(?:in|on|at|after|before|during|as|when|while|earlier|later|last|among|discussing|"
    r"speaking|writing|asked|responding|despite|following|since|by|from|with)\b",
    re.IGNORECASE,
)
_AGENT = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,2}?by\s+((?:the\s+)?[A-Z][\w’'.&-]*"
    r"(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w’'.&-]*)*)"
)
_AFTER_CUE = re.compile(r"^[^,.;:!?\"“”" + PLACEHOLDER + r"]+")


def source_of(info: SentenceInfo, cue: Cue, last_source: str) -> str:
    """Who the sentence says it comes from, as a reader would name them."""
    if cue.category == "vague":
        return f"unnamed (“{cue.text}”)"
    anonymous = [c for c in info.cues if c.category == "anonymous"]
    if anonymous:
        return f"anonymous (“{anonymous[0].text}”)"
    lowered = cue.text.lower()
    if lowered.startswith(("according to", "as ")) or lowered.endswith((" to", " by")):
        after = _AFTER_CUE.match(info.voice[cue.end :].lstrip())
        return _clip(after.group(0) if after else "")
    agent = _AGENT.match(info.voice[cue.end :])
    if agent:  # "recounted Friday by The New York Times"
        return _clip(agent.group(1))
    subject = _subject(info.voice[: cue.start])
    if not subject:
        after = _AFTER_CUE.match(info.voice[cue.end :].lstrip())
        subject = _clip(after.group(0)) if after else ""
    if _is_pronoun(subject) and last_source:
        return f"{subject} ({last_source})"
    return subject


def _subject(prefix: str) -> str:
    text = _strip_verb_group(prefix)
    cut = max(text.rfind(PLACEHOLDER), text.rfind(";"), text.rfind(":"))
    text = text[cut + 1 :].strip(" ,—-")
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) > 1 and _has_finite_verb(", ".join(parts[:-1])):
        parts = parts[-1:]  # "The minister resigned, her office said": the office
    while len(parts) > 1 and _LEAD_IN.match(parts[0]):
        parts = parts[1:]
    if parts and _LEAD_IN.match(parts[0]) and len(parts) == 1:
        words = parts[0].split()
        parts = [" ".join(words[1:])] if len(words) > 1 else []
    return _clip(", ".join(parts))


def _clip(text: str, limit: int = 12) -> str:
    words = text.split()
    clipped = " ".join(words[:limit])
    return clipped + ("…" if len(words) > limit else "")


# --- quotations and their speakers ---------------------------------------------------------


@dataclass(frozen=True)
class QuoteVerdict:
    block: Block
    start: int  # block offsets of the sentences the quotation spans
    end: int
    quotation: Quotation | None  # None for a blockquote
    attributed: bool


def quote_verdicts(doc: Document, analysis: Analysis) -> Iterator[QuoteVerdict]:
    by_block: dict[int, list[SentenceInfo]] = {}
    for info in analysis.sentences:
        by_block.setdefault(id(info.block), []).append(info)
    previous: Block | None = None
    speaker_before = False  # the paragraph before ends by naming a speaker
    for block in doc.blocks:
        infos = by_block.get(id(block), [])
        if block.in_blockquote:
            # Consecutive blockquote paragraphs are one excerpt, judged once.
            if previous is None or not previous.in_blockquote:
                yield QuoteVerdict(block, 0, len(block.text), None, _introduced(by_block, previous))
            speaker_before = False
        else:
            terms = [
                c for c in analysis.listed.get(block.index, ()) if c.category == "term_markers"
            ]
            verdicts = list(_inline_quotes(block, infos, speaker_before, terms))
            yield from verdicts
            speaker_before = _ends_with_speaker(infos, verdicts)
        previous = block


def _ends_with_speaker(infos: Sequence[SentenceInfo], verdicts: Sequence[QuoteVerdict]) -> bool:
    """The paragraph's last sentence names a speaker, or quotes one already named."""
    if not infos:
        return False
    last = infos[-1]
    linked = any(v.attributed and v.end >= last.end for v in verdicts)
    return linked or bool(last.cues) or last.intro


def _introduced(by_block: Mapping[int, list[SentenceInfo]], previous: Block | None) -> bool:
    """A blockquote's source is the paragraph that introduces it ("…, as she wrote:")."""
    if previous is None:
        return False
    infos = by_block.get(id(previous), [])
    if not infos:
        return False
    last = infos[-1]
    # Introduced by a colon, or following on a quoted sentence with its speaker.
    return last.intro or (last.scope == QUOTE and bool(last.cues))


def _inline_quotes(
    block: Block, infos: list[SentenceInfo], speaker_before: bool, terms: Sequence[Cue]
) -> Iterator[QuoteVerdict]:
    attributed_at: set[int] = set()  # sentences with a quotation linked to a speaker
    for quotation in _top_level(block.quotations):
        # A quotation carried on from the paragraph before shares its speaker:
        # the paragraph that opens it is the one judged.
        if quotation.continued or _is_term(block.text, quotation, terms):
            continue
        spanned = [i for i in infos if i.start < quotation.end and quotation.start < i.end]
        if not spanned:
            continue
        first, last = spanned[0], spanned[-1]
        attributed = any(i.cues for i in spanned)
        if not attributed and first.scope == QUOTE:
            attributed = _speaker_beside(infos, first, last, attributed_at, speaker_before)
        if attributed:
            attributed_at.update(i.position for i in spanned)
        yield QuoteVerdict(block, first.start, last.end, quotation, attributed)


def _speaker_beside(
    infos: list[SentenceInfo],
    first: SentenceInfo,
    last: SentenceInfo,
    attributed_at: set[int],
    speaker_before: bool,
) -> bool:
    """A quoted sentence's speaker named in the sentence before or after it."""
    if first.position > 0:
        before = infos[first.position - 1]
        if before.cues or before.intro or before.position in attributed_at:
            return True
    elif speaker_before:
        return True
    if last.position + 1 < len(infos):
        after = infos[last.position + 1]
        return after.scope == QUOTE and bool(after.cues)
    return False


def _top_level(quotations: Sequence[Quotation]) -> list[Quotation]:
    tops: list[Quotation] = []
    for quotation in quotations:
        if not any(t.contains(quotation.start, quotation.end) for t in tops):
            tops.append(quotation)
    return tops


def _is_term(text: str, quotation: Quotation, terms: Sequence[Cue]) -> bool:
    """A quoted name, title or term (“parole”, “The Shadow Commander”) rather than speech."""
    inner = text[quotation.start + 1 : quotation.end - (0 if quotation.open_end else 1)]
    words = _WORD.findall(inner)
    if len(words) <= 2 and not re.search(r"[.!?]", inner):
        return True
    if all(w[0].isupper() or not w[0].isalpha() for w in words) and len(words) <= 6:
        return True
    before = text[: quotation.start].rstrip()
    if re.search(r"[\w][’']s$", before):  # the administration's “tough on Iran” stance
        return True
    return any(c.end == len(before) for c in terms)


# --- the checks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    rule: Rule
    check: str
    lexicon: Lexicon

    def run(self, doc: Document, hits: Sequence[Hit]) -> Iterator[Mark]:
        if self.check in ("vague", "anonymous-source"):
            yield from self._cues(doc, hits)
            return
        analysis = analyse(doc, self.lexicon, hits, claims=self.check != "unattributed-quote")
        if self.check == "unattributed-quote":
            yield from self._quotes(doc, analysis)
        else:
            yield from self._claims(analysis)

    def _claims(self, analysis: Analysis) -> Iterator[Mark]:
        wanted = (UNATTRIBUTED,) if self.check == "unattributed-claim" else (ATTRIBUTED, CARRIED)
        for verdict in analysis.verdicts:
            info = verdict.info
            if verdict.status not in wanted or not self._in_scope(info):
                continue
            facts = info.facts.describe() or "an event"
            message = self.rule.format(
                match=_excerpt(info.text), facts=facts, source=verdict.source or "?"
            )
            yield Mark(info.block, info.start, info.end, message, data=claim_data(verdict))

    def _cues(self, doc: Document, hits: Sequence[Hit]) -> Iterator[Mark]:
        """Vague or anonymous sourcing: only its own cues are needed, not the whole analysis."""
        category = "vague" if self.check == "vague" else "anonymous"
        listed = self.lexicon.block_cues(doc, hits, frozenset({category}))
        for block in doc.blocks:
            block_cues = listed.get(block.index)
            if not block_cues or not self._block_in_scope(block):
                continue
            voice = block_voice(block)
            for sentence in block.sentences:
                found = self.lexicon.find(
                    voice[sentence.start : sentence.end], block_cues, sentence.start
                )
                if found:
                    yield self._cue_mark(block, sentence.start, sentence.end, found)

    def _cue_mark(self, block: Block, start: int, end: int, cues: Sequence[Cue]) -> Mark:
        phrases = _unique(c.text for c in sorted(cues, key=lambda c: c.start))
        return Mark(
            block,
            start,
            end,
            self.rule.format(match="”, “".join(phrases)),
            data=(("cue", "; ".join(phrases)),),
        )

    def _quotes(self, doc: Document, analysis: Analysis) -> Iterator[Mark]:
        for verdict in quote_verdicts(doc, analysis):
            if verdict.attributed:
                continue
            block = verdict.block
            quotation = verdict.quotation
            words = (
                block.text[quotation.start : quotation.end] if quotation is not None else block.text
            )
            yield Mark(
                block,
                verdict.start,
                verdict.end,
                self.rule.format(match=_excerpt(words.strip('“”"‘’ '), 6)),
            )

    def _in_scope(self, info: SentenceInfo) -> bool:
        # Claims are judged per sentence: a mostly quoted one is the source's.
        return self.rule.covers(info.scope)

    def _block_in_scope(self, block: Block) -> bool:
        # A cue is always outside quotation marks; what counts is whether the
        # block is a heading, a blockquote or body text.
        return self.rule.covers(
            QUOTE if block.in_blockquote else HEADING if block.kind == "heading" else VOICE
        )


def claim_data(verdict: Verdict) -> tuple[tuple[str, str], ...]:
    """What the fact-check sheet needs about a claim, as (key, text) pairs."""
    info = verdict.info
    source = verdict.source
    if verdict.status == CARRIED and verdict.carried_from is not None:
        source = f"{source} (carried from the sentence before)".strip()
    return (
        ("status", verdict.status),
        ("text", _SPACE.sub(" ", info.text).strip()),
        ("source", source),
        ("names", "; ".join(info.facts.names)),
        ("numbers", "; ".join(info.facts.numbers)),
        ("dates", "; ".join(info.facts.dates)),
    )


def _excerpt(text: str, limit: int = 8) -> str:
    words = _SPACE.sub(" ", text).split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def compile(rule: Rule, phrases: PhraseTable) -> Attribution:
    check = rule.options.get("check")
    if check not in CHECKS:
        hint = did_you_mean(check, CHECKS)
        raise ValueError(f"unknown check {check!r}{hint}; checks: {', '.join(CHECKS)}", "check")
    return Attribution(
        rule, str(check), compile_lexicon(rule.options.get("cues"), rule.id, phrases)
    )
