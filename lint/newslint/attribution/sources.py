"""Who a sentence says its claim comes from, as a reader would name them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newslint.attribution.clauses import SentenceInfo
from newslint.attribution.english import has_finite_verb, is_pronoun, strip_verb_group
from newslint.attribution.lexicon import Cue
from newslint.document import PLACEHOLDER
from newslint.lazyregex import Lazy

# --- sources ---------------------------------------------------------------------------

_LEAD_IN = Lazy(
    r"^(?:in|on|at|after|before|during|as|when|while|earlier|later|last|among|discussing|"
    r"speaking|writing|asked|responding|despite|following|since|by|from|with)\b",
    re.IGNORECASE,
)
_AGENT = Lazy(
    r"\s+(?:[\w’'-]+\s+){0,2}?by\s+((?:the\s+)?[A-Z][\w’'.&-]*"
    r"(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w’'.&-]*)*)"
)
_AFTER_CUE = Lazy(r"^[^,.;:!?\"“”" + PLACEHOLDER + r"]+")


def source_of(info: SentenceInfo, cue: Cue, last_source: str) -> str:
    """Who the sentence says it comes from, as a reader would name them."""
    if cue.category == "vague":
        return f"unnamed (“{cue.text}”)"
    anonymous = info.cues_of("anonymous")
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
    if is_pronoun(subject) and last_source:
        return f"{subject} ({last_source})"
    return subject


def unnamed_source(info: SentenceInfo) -> str:
    """The unnamed source a sentence gives, though it does not cover the claim, or "".

    "The mayor has been accused by local leaders of hiding the toll": the
    accusation has a source, only no one in it is named. The fact-check sheet
    lists it as unnamed rather than as having no source at all.
    """
    for category, label in (("anonymous", "anonymous"), ("vague", "unnamed")):
        found = info.cues_of(category)
        if found:
            return f"{label} (“{found[0].text}”)"
    return ""


# "WASHINGTON – ", "Taipei, Taiwan — ": a dateline is where, not who.
_DATELINE = Lazy(r"^(?:[A-Z][A-Z.]+(?:[ ,]+[A-Z][A-Za-z.]*){0,3})\s*[–—-]\s*")


def _subject(prefix: str) -> str:
    text = strip_verb_group(_DATELINE.sub("", prefix.lstrip()))
    cut = max(text.rfind(PLACEHOLDER), text.rfind(";"), text.rfind(":"))
    text = text[cut + 1 :].strip(" ,—-")
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) > 1 and has_finite_verb(", ".join(parts[:-1])):
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


def cue_phrases(cues: Sequence[Cue]) -> list[str]:
    """The words of each cue in the order they stand, a cue inside a longer one left out.

    A listed phrase and a pattern often find the same hearsay ("there is some
    talk" and "there is some talk that"): the message names it once.
    """
    ordered = sorted(cues, key=lambda c: (c.start, -c.end))
    kept = [
        c
        for c in ordered
        if not any(
            o is not c
            and o.start <= c.start
            and c.end <= o.end
            and o.end - o.start > c.end - c.start
            for o in ordered
        )
    ]
    return list(dict.fromkeys(c.text for c in kept))


# --- the unnamed source again: "the diplomat said" -------------------------------------------

# Who a newsroom leaves unnamed, by the noun it calls them by.
_UNNAMED_NOUN = Lazy(
    r"\b(official|officer|diplomat|source|aide|spokesman|spokeswoman|spokesperson|insider|"
    r"adviser|advisor|commander|negotiator|staffer|witness)s?\b",
    re.IGNORECASE,
)
_REPORTING = (
    r"(?:said|says|added|adds|told|tells|explained|insisted|warned|confirmed|noted|"
    r"recalled|stressed|continued)"
)
# "the diplomat said", "the same official added", "said the diplomat"
_BACK_REFERENCE = Lazy(
    r"\b(?:the|that|this)\s+(?:same\s+|senior\s+|western\s+)?(?P<a>[a-z]+?)s?\s+(?:also\s+)?"
    + _REPORTING
    + r"\b|\b"
    + _REPORTING
    + r"\s+(?:the|that|this)\s+(?:same\s+)?(?P<b>[a-z]+?)s?\b",
    re.IGNORECASE,
)


def introduced(cues: Sequence[Cue]) -> set[str]:
    """The nouns by which anonymous cues name their sources: "a Western diplomat" → diplomat."""
    return {
        match.group(1).lower()
        for cue in cues
        if cue.category == "anonymous"
        for match in _UNNAMED_NOUN.finditer(cue.text)
    }


def back_reference(info: SentenceInfo, unnamed: set[str]) -> tuple[Cue, ...]:
    """ "the diplomat said", where the draft has introduced the diplomat without a name.

    The story names the source once ("a Western diplomat said …") and then
    calls them by their title: the later sentences are that unnamed source's
    too, and the fact-check sheet should say so.
    """
    if not unnamed:
        return ()
    for match in _BACK_REFERENCE.finditer(info.voice):
        noun = (match.group("a") or match.group("b") or "").lower()
        if noun in unnamed:
            start, end = match.span()
            return (Cue("anonymous", start, end, info.voice[start:end], pattern=True),)
    return ()


def anonymous_cues(info: SentenceInfo, unnamed: set[str]) -> tuple[Cue, ...]:
    """The sentence's anonymous cues, "the diplomat said" among them; keeps ``unnamed`` current.

    ``unnamed`` holds the nouns of the sources the draft has left unnamed so
    far; a sentence that names one ("Jo Smith, a diplomat at the embassy")
    takes its noun out again.
    """
    found = info.cues_of("anonymous") or back_reference(info, unnamed)
    if not found and not unnamed:
        return found
    here = {match.group(1).lower() for match in _UNNAMED_NOUN.finditer(info.voice)}
    left_unnamed = introduced(found)
    unnamed -= here - left_unnamed
    unnamed |= left_unnamed
    return found


def unnamed_cues(infos: Sequence[SentenceInfo]) -> list[tuple[Cue, ...]]:
    """Each sentence's anonymous cues, in draft order, "the diplomat said" among them."""
    unnamed: set[str] = set()
    return [() if info.speaker else anonymous_cues(info, unnamed) for info in infos]


def sheet_source(source: str, info: SentenceInfo, cues: Sequence[Cue]) -> str:
    """The claim's source for the sheet: "the diplomat" is anonymous when the draft left them so."""
    if cues and not source.startswith(("anonymous", "unnamed")):
        return f"anonymous (“{cues[0].text}”)"
    return source


def sheet_speaker(speaker: str, cues: Sequence[Cue]) -> str:
    """A quotation's speaker for the sheet: anonymous when an unnamed cue there names them."""
    if not cues or not speaker or speaker.startswith(("anonymous", "unnamed")):
        return speaker
    words = re.compile(rf"\b{re.escape(speaker)}\b", re.IGNORECASE)
    if any(words.search(cue.text) for cue in cues):
        return f"anonymous (“{speaker}”)"  # "the diplomat" in "the diplomat said"
    return speaker
