"""Which sense a listed word has where it stands: a few tests an editor can name in YAML.

A loaded word is loaded in one sense only. "Claimed" judges a speaker when it
introduces what was said ("claimed the strike was legal"), not when it means
took ("the rebels claimed the town"); the noun "claims" is not the verb;
"celebrated" is puffery as an adjective ("the celebrated author"), not as a
verb with a subject ("NASA celebrated the launch"). Rules name the sense a
word must have (``sense:`` for all their words, ``senses:`` per word); these
tests read only the words around the hit in its sentence, so they cost
nothing measurable and need no tagger.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newslint.document import QUOTE
from newslint.phrases import Hit, normalise
from newslint.reported import in_single_quotes, is_reported_label, is_transcript_answer
from newslint.rule import Rule
from newslint.schema import Key

SENSES = ("speech", "adjective", "criticism", "intensified", "verdict", "killing")


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Words after which a listed word is a noun or an adjective, not a verb.
_DETERMINERS = _words(
    "a an the this these those his her their its our your my such many several no any some "
    "every each"
)
# Words of degree before an adjective: "widely celebrated", "most celebrated".
_DEGREE = _words("more most much so very")
# Words that can open the clause a speech verb introduces.
_SUBJECTS = _words("he she they it we i you there this these those") | _DETERMINERS
_FINITE = _words(
    "is are was were has have had will would could can may might must should shall did "
    "does do be been being isn't wasn't won't didn't hadn't hasn't"
)
# Words that end the clause a speech verb could introduce.
_CLAUSE_END = _words("which who whom whose where when while because for in on at by")
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[“”\"‘’',;:.!?—–()]")
# Words after "slammed", "blasted", "hit out" that make them literal.
_LITERAL_AFTER = _words("into onto through down against open off away apart out")
# A colon and spaces ending the text before a capitalised word ("point out: Clearly").
_AFTER_COLON = re.compile(r":\s+$")
_OPEN_QUOTES = "“\"‘'"
_CLOSE_QUOTES = "”\"’'"


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def is_speech(before: str, after: str) -> bool:
    """Whether a verb of saying between ``before`` and ``after`` introduces speech or a claim."""
    prev = _tokens(before)
    nxt = _tokens(after)
    if prev and prev[-1].lower() in _DETERMINERS:
        return False  # "the claims", "his admitted role": a noun or an adjective
    # ', he claimed.' / '," claimed the minister': the quotation is before the verb.
    if any(t in _CLOSE_QUOTES for t in prev[-4:]):
        return True
    if not nxt:
        return False
    first = nxt[0]
    if first in _OPEN_QUOTES or first == ":":
        return True
    if first == "," and len(nxt) > 1 and nxt[1] in _OPEN_QUOTES:
        return True
    low = first.lower()
    if low == "that":
        return True
    if low == "to":  # "claimed to be", "admitted to lying"; not "admitted to hospital"
        return len(nxt) > 1 and (nxt[1].lower() in ("be", "have") or nxt[1].endswith("ing"))
    return _opens_clause(nxt)


def _opens_clause(words: list[str]) -> bool:
    """'the strike was legal', 'he had': a subject, then a finite verb, before any break."""
    first = words[0]
    if not (first.lower() in _SUBJECTS or first[:1].isupper()):
        return False  # "claimed responsibility", "conceded defeat"
    for word in words[1:9]:
        low = word.lower()
        if low in _FINITE:
            return True
        if low in _CLAUSE_END or not word[:1].isalnum():
            return False
        if low.endswith("ed") and word[:1].islower() and len(words) > 2:
            return True  # "claimed Iran attacked the base"
    return False


def is_adjective(before: str, after: str) -> bool:
    """An adjective ('the celebrated author', 'celebrated for') rather than a verb."""
    prev = _tokens(before)
    nxt = _tokens(after)
    last = prev[-1].lower() if prev else ""
    if last in _DETERMINERS or last in _DEGREE or last.endswith("ly"):
        return True
    return bool(nxt) and nxt[0].lower() in ("for", "as")


def is_criticism(before: str, after: str) -> bool:
    """'slammed the plan', not 'slammed into Biloxi' or 'slammed the door shut'."""
    nxt = [t.lower() for t in _tokens(after)[:3]]
    if nxt and nxt[0] in _LITERAL_AFTER:
        return False
    return not any(t in ("door", "doors", "brakes", "shut", "gate") for t in nxt)


# Adverbs that turn an evaluative adjective into a verdict: "utterly
# unrealistic", "truly dangerous". Degree words news uses to measure ("very",
# "most", "highly", "particularly", "extremely") are not among them: wire copy
# writes "highly contagious" and "extremely rare". Nor are intensifiers that
# loaded.* rules flag on their own (woefully, terribly, ridiculously), so that
# one phrase is not reported twice. "Really" is left out too: in speech
# and plain prose it means "in fact" ("really need", "really little more
# than"), as GUM's Wikinews interviews and Wikivoyage pages show.
INTENSIFIERS = _words(
    "utterly truly downright thoroughly hopelessly absolutely totally immensely insanely impossibly"
)


def is_intensified(before: str, after: str) -> bool:
    """'utterly unrealistic', 'truly dangerous': an intensifier right before the word."""
    prev = _tokens(before)
    return bool(prev) and prev[-1].lower() in INTENSIFIERS


# Nouns that name a person or body in public life, or what one does, plans or
# argues: an evaluative adjective before one of them judges it ("the worst
# president", "a flimsy excuse", "dark motives"); before other nouns it may
# describe a thing or a record ("the worst flooding", "dark clouds"). An
# editor's list; scripts/loaded_lexicon.py reads it for the calibration.
TARGETS = _words(
    "president presidents leader leaders leadership government governments administration "
    "regime regimes ruler rulers minister ministers politician politicians official officials "
    "elements policy policies plan plans decision decisions strategy tactics measures "
    "safeguards response handling effort efforts attempt attempts bid gamble campaign "
    "reforms record performance management excuse excuses argument arguments reasoning "
    "logic rationale pretext justification explanation theory motive motives intentions "
    "agenda rhetoric propaganda promises"
)
# Words that end the phrase before a target noun: "worst of the floods".
_PHRASE_BREAK = _words("of and or but to in on at by for with from as than that which who")
# Verbs that join a target to what the writer says of it: "the plan was unworkable".
COPULAS = _words(
    "is are was were seems seemed appears appeared remains remained proved proves became "
    "looks looked"
)
# Degree words that may stand between the verb and the word: "was largely baseless".
_BETWEEN = _words("so too quite rather very largely entirely wholly utterly simply")


def is_verdict(before: str, after: str) -> bool:
    """'the worst president', 'dark ulterior motives': an evaluative word judging a target.

    The target is the subject of a copula before the word ("the plan was
    unworkable"), or the target noun follows the word directly, after one more word, or after
    a second adjective joined by a comma or "and" ("a hasty, ill-judged plan",
    "a baseless and belated excuse"). After an intensifier the word is
    loaded.intensified's, reported there once.
    """
    if is_intensified(before, after):
        return False
    if judged_target(_tokens(before)):
        return True
    nxt = [t.lower() for t in _tokens(after)[:3]]
    if nxt and nxt[0] in (",", "and"):
        nxt = nxt[1:]
    if not nxt:
        return False
    if nxt[0] in TARGETS:
        return True
    second = len(nxt) > 1 and nxt[1] in TARGETS
    return second and nxt[0][:1].isalpha() and nxt[0] not in _PHRASE_BREAK | _DETERMINERS


def judged_target(prev: list[str]) -> bool:
    """'the plan was', 'his excuse is largely': a target noun and a copula before the word."""
    words = [t.lower() for t in prev[-4:]]
    if words and words[-1] in _BETWEEN:
        words = words[:-1]
    return len(words) >= 2 and words[-1] in COPULAS and words[-2] in TARGETS


# Who can be killed: "eliminated him", "neutralised the gunmen", "eliminated Soleimani".
_PERSON_OBJECTS = _words("him her them us me you")
_PEOPLE = _words(
    "man men woman women person people gunman gunmen militant militants fighter fighters "
    "insurgent insurgents rebel rebels terrorist terrorists soldier soldiers leader leaders "
    "commander commanders general generals suspect suspects target targets attacker "
    "attackers rival rivals opponent opponents enemy enemies dissident dissidents "
    "sniper snipers bomber bombers hostage hostages witness witnesses members"
)
_KNOCKED_OUT = _words("from in on at after with")
_COUNTS = _words("two three four five six seven eight nine ten dozens hundreds scores")
# Words that end a person noun's phrase ("gunmen at"); others make it a modifier ("rebel bases").
_PHRASE_END = _CLAUSE_END | _words("of from with near after before during and or as that")


def is_killing(before: str, after: str) -> bool:
    """'eliminated him', 'neutralised three gunmen': the verb's object is a person.

    "Eliminated the fear of reporting failure" or "England were eliminated
    from the cup" is not a death, and "killed" would be a wrong fix there.
    """
    nxt = _tokens(after)[:4]
    if not nxt:
        return False
    first = nxt[0]
    if first.lower() in _PERSON_OBJECTS:
        # "eliminated us from the cup" is knocked out, not killed; "in a raid" is a killing.
        return not (nxt[1:2] and nxt[1].lower() == "from")
    if first[:1].isupper() and first.isalpha():
        # A name: "eliminated Soleimani"; not a team knocked out ("eliminated
        # Mexico from the cup", "on penalties", "2-0").
        rest = nxt[1:2]
        return not (rest and (rest[0].lower() in _KNOCKED_OUT or rest[0][:1].isdigit()))
    if first.lower() in _DETERMINERS or first.lower() in _COUNTS or first.isdigit():
        return _heads_people(_tokens(after)[1:5])
    return False


def _heads_people(words: list[str]) -> bool:
    """Whether one of the first three ``words`` is a person noun that ends its phrase."""
    for i, word in enumerate(words[:3]):
        if word.lower() in _PEOPLE:
            return not words[i + 1 :] or not words[i + 1].isalpha() or words[i + 1] in _PHRASE_END
    return False


TESTS: dict[str, Callable[[str, str], bool]] = {
    "speech": is_speech,
    "adjective": is_adjective,
    "criticism": is_criticism,
    "intensified": is_intensified,
    "verdict": is_verdict,
    "killing": is_killing,
}


def has_sense(sense: str, before: str, after: str) -> bool:
    return TESTS[sense](before, after)


def sentence_window(
    text: str, sentence: tuple[int, int] | None, start: int, end: int
) -> tuple[str, str]:
    """The sentence's text before and after a hit."""
    lo, hi = sentence if sentence else (0, len(text))
    return text[lo:start], text[end:hi]


@dataclass(frozen=True)
class Senses:
    """A rule's sense requirements: one for all its words, or one per word."""

    every: str | None = None
    per_word: tuple[tuple[str, str], ...] = ()
    # Rules that leave quotations alone also leave what ``reported`` finds the
    # story reports as others': words in single or scare quotes, a label after
    # a verb of naming ("branded them thugs") and an interviewee's answers.
    leave_quoted: bool = False

    def rejects(self, hit: Hit) -> bool:
        """Whether the hit is not in the sense the rule means, is quoted, or is a name."""
        block, start, end = hit.block, hit.start, hit.end
        if self.leave_quoted and (
            in_single_quotes(block.text, start, end) or is_transcript_answer(block.text)
        ):
            return True
        sentence = block.sentence_at(start)
        if _is_name(hit, sentence.start if sentence else 0):
            return True
        if self.leave_quoted and is_reported_label(
            block.text[sentence.start if sentence else 0 : start]
        ):
            return True
        sense = dict(self.per_word).get(normalise(hit.entry.phrase), self.every)
        if sense is None:
            return False
        span = (sentence.start, sentence.end) if sentence else None
        before, after = sentence_window(block.text, span, start, end)
        return not has_sense(sense, before, after)


def _is_name(hit: Hit, sentence_start: int) -> bool:
    """A lower-case listed word capitalised mid-sentence is a name (Savage, Revolutionary)."""
    if not hit.text[:1].isupper() or not hit.entry.phrase.islower():
        return False
    if hit.block.kind == "heading" or hit.text.isupper():
        return False  # headlines capitalise every word; SHOUTING is emphasis
    lead = hit.block.text[sentence_start : hit.start]
    if not any(ch.isalnum() for ch in lead):
        return False
    nxt = _tokens(hit.block.text[hit.end : hit.end + 40])
    # After a colon a whole sentence starts with a capital ("supporters point
    # out: Clearly, the agency ..."); a name there has a capitalised word or
    # an end after it ("the line-up: Savage Garden", "one song: Outrageous.").
    if _AFTER_COLON.search(lead) and nxt and not (nxt[0][:1].isupper() or nxt[0] in ".!?"):
        return False
    # "becomes a Dictator", "just another Military Dictatorship": a capital for
    # emphasis after "a"/"an"/"another" (or after up to two capitalised words
    # that follow one), with no capitalised word after it, is the common noun:
    # a name rarely takes "a", and a name's last word is not a listed one.
    prev = _tokens(lead)
    shown = len(prev)
    while len(prev) > 1 and prev[-1][:1].isupper() and shown - len(prev) < 2:
        prev = prev[:-1]
    emphatic = bool(prev) and prev[-1] in ("a", "an", "another")
    return not (emphatic and not (nxt and nxt[0][:1].isupper()))


def senses_of(rule: Rule) -> Senses:
    """The rule's ``sense``/``senses`` keys, checked; ValueError(message, key) if wrong."""
    every = rule.options.get("sense")
    if every is not None and every not in SENSES:
        raise ValueError(f"unknown sense {every!r}; use one of: {', '.join(SENSES)}", "sense")
    per_word = rule.options.get("senses", {})
    if not isinstance(per_word, dict):
        raise ValueError("'senses' must map words to a sense", "senses")
    for word, sense in per_word.items():
        if sense not in SENSES:
            raise ValueError(
                f"sense {sense!r} of {word!r} is unknown; use one of: {', '.join(SENSES)}",
                "senses",
            )
    return Senses(
        every=every,
        per_word=tuple((normalise(str(w)), str(s)) for w, s in per_word.items()),
        leave_quoted=not rule.covers(QUOTE),
    )


SENSE_KEYS = {
    "sense": Key(
        (str,),
        False,
        "the sense every listed word must have: "
        "speech, adjective, criticism, intensified, verdict or killing",
    ),
    "senses": Key((dict,), False, "word → the sense it must have to be flagged"),
}
