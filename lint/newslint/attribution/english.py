"""The small closed classes of English the attribution method leans on, and word tests."""

from __future__ import annotations

import re

from newslint.lazyregex import Lazy

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
    even barring only just not both either neither nor yes no now today yesterday tomorrow
    """.split()  # noqa: SIM905 - a word list reads better as text
)
NAME_CONNECTORS = ("of", "for", "de", "del", "da", "von", "van", "bin", "al", "the")

WORD = Lazy(r"[\w’'-]+")
RELATIVE = Lazy(r"\b(?:who|which|whom|whose)\b")
SPACE = Lazy(r"\s+")


def first_letter(text: str) -> int:
    for i, ch in enumerate(text):
        if ch.isalnum():
            return i
    return 0


def strip_verb_group(prefix: str) -> str:
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


def has_finite_verb(text: str) -> bool:
    """A rough test for a clause: an auxiliary, or a past-tense verb not used as an adjective."""
    tokens = list(WORD.finditer(text))
    for i, token in enumerate(tokens):
        word = token.group(0)
        lower = word.lower()
        if lower in AUXILIARIES:
            return True
        if word != lower:
            continue
        if is_past(lower):
            before = tokens[i - 1].group(0).lower() if i else ""
            # "the alleged crime", "…, published in 1989," are not clauses.
            if before in DETERMINERS or text[: token.start()].rstrip().endswith(","):
                continue
            return True
    return False


def has_verb(tokens: list[str]) -> bool:
    for word in tokens:
        lower = word.lower()
        if lower in AUXILIARIES or (word == lower and is_past(lower)):
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


def is_past(word: str) -> bool:
    if word in IRREGULAR_PAST:
        return True
    return word.endswith("ed") and len(word) > 3 and word not in NOT_PAST


def has_event_verb(voice: str) -> bool:
    """A past-tense verb: something happened ("ordered", "was identified", "fled")."""
    tokens = list(WORD.finditer(voice))
    for i, token in enumerate(tokens):
        word = token.group(0)
        if word != word.lower() or not is_past(word):
            continue
        before = tokens[i - 1].group(0).lower() if i else ""
        if before not in DETERMINERS and not voice[: token.start()].rstrip().endswith(","):
            return True
    return False


def is_pronoun(source: str) -> bool:
    return source.lower() in PRONOUNS


# Irregular pasts of the reporting verbs (VerbNet lemmas) the pack lists.
IRREGULAR_PASTS = {
    "say": "said",
    "tell": "told",
    "write": "wrote",
    "speak": "spoke",
    "swear": "swore",
    "hold": "held",
    "foretell": "foretold",
    "read": "read",
    "teach": "taught",
    "find": "found",
    "mislead": "misled",
}
_DOUBLED = Lazy(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$")
# Stressed on the last syllable, so the consonant doubles: admit → admitted.
_STRESS_LAST = ("admit", "commit", "regret", "refer", "confer", "aver", "omit", "submit", "rebut")


def past_of(lemma: str) -> str:
    """The past tense of a regular English verb: warn → warned, deny → denied."""
    if lemma in IRREGULAR_PASTS:
        return IRREGULAR_PASTS[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        return lemma[:-1] + "ied"
    if lemma in _STRESS_LAST or (len(lemma) <= 4 and _DOUBLED.search(lemma)):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def third_person(lemma: str) -> str:
    """The -s form: warn → warns, deny → denies, stress → stresses."""
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        return lemma[:-1] + "ies"
    return lemma + "s"
