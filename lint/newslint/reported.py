"""Words a story reports as someone else's, though no double quotation marks hold them.

A word in single or scare quotes ("clerics called the insurgents
'terrorists'"), a label after a verb of naming ("has been described as
pseudoscience", "the minister branded them thugs") and an interviewee's
answer under a speaker label ("Nick Bos: For this we ..."). Rules that leave
quotations alone leave these too (``senses.Senses.rejects``).
"""

from __future__ import annotations

import re

# A transcript's speaker label: "Nick Bos: For this we ..." (bold in the Markdown).
_SPEAKER = re.compile(r"^(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*:\s")
# A label the story reports as others' ("has been described as pseudoscience",
# "the minister branded them traitors", "police called the attack terrorism"):
# a verb of naming, an object, an article and at most one more word (not a
# preposition: "condemned for brutal raids" is the writer's) before the hit.
# A verb of description or censure names only with "as" ("described them as
# thugs"): without it, its object is the writer's word ("the UN condemned the
# regime").
_OBJECT = r"(?:him|her|them|it|us|this|that|these|those|(?:a|an|the|his|her|their|its)\s+[\w-]+)"
_REPORTED_LABEL = re.compile(
    r"(?<![\w-])(?:"
    rf"(?:branded|label(?:l)?ed|dubbed|called)\s+(?:as\s+)?(?:{_OBJECT}\s+(?:as\s+)?)?"
    r"|(?:described|denounced|decried|condemned|derided|characteri[sz]ed|portrayed)"
    rf"\s+(?:{_OBJECT}\s+)?as\s+"
    r")(?:(?:a|an|the)\s+)?"
    r"(?:(?!(?:for|to|by|in|on|at|with|from|of|and|or|over|after|off|out|up)\s)[\w-]+\s+)?$",
    re.IGNORECASE,
)
# A second label in the same naming: "described the strikers as thugs and
# their leaders as fanatics" (the verb, with its "as", stands before the first).
_NEXT_LABEL = re.compile(rf"\s(?:and|or)\s+{_OBJECT}\s+as\s+(?:(?:a|an|the)\s+)?$", re.IGNORECASE)
_NAMING_AS = re.compile(
    r"(?<![\w-])(?:branded|label(?:l)?ed|dubbed|called|described|denounced|decried|condemned"
    r"|derided|characteri[sz]ed|portrayed)\s+(?:[\w-]+\s+){0,3}?as\s",
    re.IGNORECASE,
)
# How far before a hit a verb of naming is looked for: the verb, an object,
# "as", an article and a word are a few dozen characters; the whole sentence
# before every hit made one long sentence quadratic.
_LABEL_REACH = 200
# The writer's own naming, right before the verb: "what can only be described
# as", "we called it" ("so-called", a scare label of its own, is no verb above).
# Only there: "who could be heard ..., were branded thugs" is reported all the same.
_OWN_LABEL = re.compile(
    r"(?:\b(?:can|could|would|must|might)\s+(?:only\s+|best\s+|just\s+|\w+ly\s+)?be\s+"
    r"|\b(?:I|we)\s+(?:would\s+|'d\s+|’d\s+|might\s+)?)$",
    re.IGNORECASE,
)


def in_single_quotes(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` sits inside single quotation marks: 'terrorists'.

    A writer who puts a word in single (or scare) quotes reports it as someone
    else's word, and a quotation in single marks may run over several
    sentences. Apostrophes inside words (Iran's, don't) are not marks.
    """
    left = _single_mark_before(text, start)
    return left is not None and _single_mark_after(text, end) is not None


# How far from a word its single quotation marks are looked for (some 300
# words): scanning to the paragraph's ends for every hit made one long
# paragraph quadratic.
_SINGLE_REACH = 2_000
_SINGLE_MARK = re.compile("[‘’']")


def _single_mark_before(text: str, start: int) -> int | None:
    lo = max(0, start - _SINGLE_REACH)
    lo = max(lo, text.rfind("\n", lo, start) + 1)  # the mark must be on the same line
    for mark in reversed([m.start() for m in _SINGLE_MARK.finditer(text, lo, start)]):
        ch = text[mark]
        if ch in "‘'" and (mark == 0 or not text[mark - 1].isalnum()):
            return mark
        if ch in "’'" and mark < start - 1 and not text[mark + 1].isalnum():
            return None  # a closing mark: the quotation ended before the word
    return None


def _single_mark_after(text: str, end: int) -> int | None:
    i = end
    if text[i : i + 2] in ("'s", "’s"):
        i += 2
    stop = min(len(text), i + _SINGLE_REACH)
    newline = text.find("\n", i, stop)
    stop = newline if newline >= 0 else stop
    for m in _SINGLE_MARK.finditer(text, i, stop):
        mark, ch = m.start(), m.group()
        if ch in "’'" and (mark + 1 == len(text) or not text[mark + 1].isalnum()):
            return mark
        if ch in "‘" or (ch == "'" and mark > 0 and not text[mark - 1].isalnum()):
            return None  # another quotation opens first
    return None


def is_reported_label(before: str) -> bool:
    """Whether the words before a hit report it as someone else's label.

    "has been described as pseudoscience", "the minister branded them
    traitors", "police called the attack terrorism": the story reports the
    naming, as it does a label in single quotes. The writer's own "what can
    only be described as", and "I would call", stay the writer's.
    """
    label = _REPORTED_LABEL.search(before, max(0, len(before) - _LABEL_REACH))
    if label is None:
        label = _next_label(before)
    if label is None:
        return False
    own_from = max(0, label.start() - _LABEL_REACH)
    return not _OWN_LABEL.search(before, own_from, label.start())


def _next_label(before: str) -> re.Match[str] | None:
    """The naming verb of a first label when the hit is its second: "described
    the strikers as thugs and their leaders as fanatics"."""
    reach = max(0, len(before) - _LABEL_REACH)
    second = _NEXT_LABEL.search(before, reach)
    if second is None:
        return None
    namings = list(_NAMING_AS.finditer(before, reach, second.start()))
    return namings[-1] if namings else None


def is_transcript_answer(text: str) -> bool:
    """A paragraph that opens with a speaker label: "Nick Bos: For this we ..."."""
    label = _SPEAKER.match(text)
    # A label in capitals is a dateline or a heading ("KABUL: ..."), the writer's own.
    return label is not None and not label.group().isupper()
