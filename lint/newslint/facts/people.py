"""First reference and titles: a person first named by surname alone when the
full name comes later (or, after a courtesy title, never), and a title that
changes between references ("Gen. Soleimani", later "Col. Soleimani").

Which capitalised words are people is a guess; a name counts as a person's
only where the text treats it as one: a title before it, or "said", "told",
", who", ", 58," after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.document import VOICE, Block, Document
from newslint.facts.common import Disagreement, Place, sentence_text
from newslint.facts.story import story_of
from newslint.lazyregex import Lazy
from newslint.names.find import fold, is_ordinary
from newslint.runcontext import RunContext

# Title as written → the rank or office it names. Multi-word titles share the
# class of their last word (Maj. Gen. is a general), as house styles shorten them.
TITLES = {
    "gen": "general", "general": "general", "col": "colonel", "colonel": "colonel",
    "maj": "major", "major": "major", "capt": "captain", "captain": "captain",
    "lt": "lieutenant", "lieutenant": "lieutenant", "sgt": "sergeant", "sergeant": "sergeant",
    "cpl": "corporal", "corporal": "corporal", "pvt": "private", "private": "private",
    "adm": "admiral", "admiral": "admiral", "cmdr": "commander", "commander": "commander",
    "dr": "doctor", "doctor": "doctor", "prof": "professor", "professor": "professor",
    "president": "president", "sen": "senator", "senator": "senator",
    "rep": "representative", "representative": "representative", "gov": "governor",
    "governor": "governor", "mayor": "mayor", "judge": "judge", "justice": "justice",
    "minister": "minister", "chancellor": "chancellor", "ayatollah": "ayatollah",
    "sheikh": "sheikh", "imam": "imam", "rev": "reverend", "reverend": "reverend",
    "father": "father", "bishop": "bishop", "cardinal": "cardinal", "king": "king",
    "queen": "queen", "prince": "prince", "princess": "princess", "inspector": "inspector",
    "detective": "detective", "officer": "officer", "chief": "chief",
    "superintendent": "superintendent",
}  # fmt: skip
_TITLE_KEYS = frozenset(TITLES)
_COURTESY = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?"
_TITLE_WORD = "|".join(sorted(TITLES, key=len, reverse=True))
_TITLED = Lazy(
    rf"\b(?P<title>(?:(?:Maj|Lt|Brig|Vice|Prime|Foreign|Deputy|Chief|Lieut)\.?\s+)?"
    rf"(?i:{_TITLE_WORD})\.?)\s+(?P<name>(?:[A-Z][\w'’-]+\s+){{0,3}}[A-Z][\w'’-]+)"
)
# Why a title may change: the text says the person moved or the title is past.
_TITLE_CHANGE_CUES = Lazy(
    r"\b(?:former|formerly|then|ex|promoted|promotion|demoted|retired|retiring|elected|"
    r"appointed|became|become|named|sworn|acting|late|later|previously|succeeded|"
    r"interim|nominated|resigned|until)\b",
    re.I,
)
_PERSON_AFTER = Lazy(
    r"^(?:['’]s)?,?\s+(?:said|says|told|added|explained|stated|wrote|writes|asked|"
    r"replied|argued|noted|who\b|\(\d{1,3}\)|aged\s+\d|\d{1,3},)"
    r"|^,\s+(?:who|aged?\s+\d|\d{1,3},)",
)
_PERSON_BEFORE = Lazy(rf"(?:\b{_COURTESY}|\baccording to|\bsaid|\btold)\s*$")
# "Patrizia d'Ettorre", "Ludwig van Beethoven": the name goes on in lower case.
_PARTICLE_AFTER = Lazy(r"^\s+[a-z]{1,3}(?:['’]|\s+[A-Z])")


def _is_person(use: Place) -> bool:
    text = use.block.text
    return bool(
        _PERSON_AFTER.match(text[use.end : use.end + 30])
        or _PERSON_BEFORE.search(text[max(0, use.start - 20) : use.start])
    )


# Last words of the names of places, bodies and works, never of people.
_NOT_SURNAMES = frozenset(
    """
    university college institute school hospital party church ministry department council
    committee agency association society evolution news times post journal review centre
    center museum gallery foundation program programme festival award prize cup league club
    bank company corporation group airport station street road river island mountain park
    bridge square hall house court office army force navy republic kingdom state states
    city county province region valley lake sea ocean bay coast desert january february march
    april may june july august september october november december monday tuesday wednesday
    thursday friday saturday sunday
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Sentence openers that the names package's list of ordinary words may not have.
_NOT_GIVEN = frozenset(
    """on in at the a an of for by to from with as and but or if although though while when
    because after before since""".split()  # noqa: SIM905 - a word list reads better as text
)
# Adjectives of peoples and creeds written with a capital before a noun.
_ADJECTIVE_ENDINGS = ("ese", "ian", "ist", "ish", "ite", "ic", "iqi", "ani", "an")
_GROUPS = frozenset("sunni shia shiite arab muslim jewish christian iraqi kurdish".split())  # noqa: SIM905
# A capitalised word after the surname: the name goes on (Leung Che-cheung).
_NAME_GOES_ON = Lazy(r"^\s+[A-Z]")


def _given_name(run: Place) -> bool:
    """Whether the word before the surname reads as a given name (Rick, not South)."""
    words = run.text.split()
    given = words[-2] if len(words) >= 2 else ""
    if words[-1].lower() in _NOT_SURNAMES:
        return False
    if given.lower() in _NOT_GIVEN:
        return False
    if given.isupper():
        return False  # an acronym: UNC Greensboro
    if given.lower().endswith(_ADJECTIVE_ENDINGS) or given.lower() in _GROUPS:
        return False  # "Lebanese Shiite", "Sunni Arab": a people, not a person
    return given.isalpha() and given[:1].isupper() and not is_ordinary(given)


def find_first_references(doc: Document, context: RunContext) -> Iterator[Disagreement]:
    story = story_of(doc, context)
    index = _word_index(story.body)
    runs = _runs(index)
    flagged: set[str] = set()
    for full in runs:
        surname = _SURNAME_END.sub("", full.text.split()[-1])
        if surname in flagged or surname.lower() in _NOT_SURNAMES or len(surname) < 3:
            continue
        first = _first_use(index, surname)
        if first is None or (first.block is full.block and full.start <= first.start < full.end):
            continue
        if not (_is_person(full) or _given_name(full) or _person_at(first)):
            continue
        flagged.add(surname)
        yield Disagreement(
            first,
            Place(full.block, full.start, full.end),
            {"match": surname, "other": full.text, "full": full.text,
             "problem": f"the full name “{full.text}” comes only later"},
        )  # fmt: skip
    yield from _never_named(story.body, runs)


_SURNAME_END = Lazy(r"['’]s$")
_PARTICLES = frozenset(
    [
        "bin",
        "ibn",
        "al",
        "el",
        "de",
        "da",
        "di",
        "del",
        "van",
        "von",
        "der",
        "la",
        "le",
        "dos",
        "das",
    ]
)


def _runs(index: dict[str, list[Place]]) -> list[Place]:
    """Runs of two or more capitalised words (initials and particles inside) in a row.

    Built from the index of capitalised words, so no pattern of its own; a
    run that ends in a possessive ends before it.
    """
    by_block: dict[int, list[Place]] = {}
    for places in index.values():
        for place in places:
            by_block.setdefault(id(place.block), []).append(place)
    found = []
    for places in by_block.values():
        places.sort(key=_start)
        text = places[0].block.text
        run = [places[0]]
        for place in places[1:]:
            last = run[-1]
            gap = text[last.end : place.start]
            if gap == " " or (gap == ". " and _abbreviation(text[last.start : last.end])):
                joined = text[last.end : last.end + 1] not in "'’"
            else:
                joined = gap[1:-1] in _PARTICLES and gap[:1] == " " and gap[-1:] == " "
            if joined:
                run.append(place)
                continue
            found += _close(run)
            run = [place]
        found += _close(run)
    return found


def _start(place: Place) -> int:
    return place.start


def _abbreviation(word: str) -> bool:
    return len(word) == 1 or word.lower() in _TITLE_WORDS


def _close(run: list[Place]) -> list[Place]:
    while run and run[0].text.lower() in _NOT_GIVEN:  # "And George Bush"
        run = run[1:]
    if len(run) < 2 or not any(c.islower() for c in run[-1].text):
        return []
    return [Place(run[0].block, run[0].start, run[-1].end)]


_CAPITAL_BEFORE = Lazy(r"(?:^|[^\w])([A-Z][\w'’-]*)\.?\s+$")


def _first_use(index: dict[str, list[Place]], surname: str) -> Place | None:
    """The surname's first use in the body, when it stands alone there.

    A run that holds the full name comes first in document order, so a first
    use that is part of some name ("Rishi Sunak", "Leung Che-cheung") ends
    the search with nothing to flag; a title before it ("Prime Minister
    Sunak") leaves it alone.
    """
    uses = index.get(surname)
    if not uses:
        return None
    place = uses[0]
    block, start, end = place.block, place.start, place.end
    capital = _CAPITAL_BEFORE.search(block.text[max(0, start - 30) : start])
    if capital and capital.group(1).lower().rstrip(".") not in _TITLE_WORDS:
        # Part of a name, unless an ordinary word opens the sentence ("The").
        opener = _sentence_start(block, start - len(capital.group(0)) + 1)
        if not (opener and is_ordinary(capital.group(1))):
            return None
    if _NAME_GOES_ON.match(block.text[end : end + 3]):
        return None
    if block.scope_at(start, end) != VOICE:
        return None
    return place


def _word_index(blocks: tuple[Block, ...]) -> dict[str, list[Place]]:
    """Where each capitalised word of the body is, in order (possessives stripped)."""
    index: dict[str, list[Place]] = {}
    for block in blocks:
        for match in CAPITAL_WORD.finditer(block.text):
            bare = match.group(1)
            index.setdefault(bare, []).append(Place(block, match.start(), match.end(1)))
    return index


CAPITAL_WORD = Lazy(r"(?<![\w'’-])([A-Z][\w'’-]*?)(?:['’]s)?(?![\w'’-])")


_TITLE_WORDS = frozenset(TITLES) | frozenset(
    ["prime", "vice", "foreign", "deputy", "mr", "mrs", "ms", "miss"]
)


def _sentence_start(block: Block, pos: int) -> bool:
    sentence = block.sentence_at(max(pos, 0))
    return sentence is None or not block.text[sentence.start : max(pos, 0)].strip()


def _person_at(place: Place) -> bool:
    text = place.block.text
    return bool(
        _PERSON_AFTER.match(text[place.end : place.end + 30])
        or _PERSON_BEFORE.search(text[max(0, place.start - 20) : place.start])
    )


def _never_named(blocks: tuple[Block, ...], runs: list[Place]) -> Iterator[Disagreement]:
    """ "Mr. Toccafondi" and no full name anywhere: a suggestion."""
    named = {
        _SURNAME_END.sub("", words[-1])
        for run in runs
        if len(words := [w for w in run.text.split() if w.lower().rstrip(".") not in _TITLE_WORDS])
        >= 2
    }
    seen: set[str] = set()
    for block in blocks:
        for match in _COURTESY_NAME.finditer(block.text):
            start, end = match.span("name")
            name = match.group("name")
            text = block.text
            if (
                name in named
                or name in seen
                or block.scope_at(start, end) != VOICE
                or _PARTICLE_AFTER.match(text[end : end + 6])
                or _NAME_GOES_ON.match(text[end : end + 3])
            ):
                continue
            seen.add(name)
            yield Disagreement(
                Place(block, start, end),
                Place(block, start, end),
                {"match": name, "other": name, "full": "",
                 "problem": "the story never gives the full name"},
                sure=False,
            )  # fmt: skip


_COURTESY_NAME = Lazy(rf"\b{_COURTESY}\s+(?P<name>[A-Z][\w’-]*[a-z][\w’-]*)")


@dataclass(frozen=True)
class _Titled:
    """A surname with the title it was given."""

    title: str
    rank: str
    surname: str
    place: Place
    sentence: str


def _titled(blocks: tuple[Block, ...]) -> list[_Titled]:
    found = []
    for block in blocks:
        if _TITLE_KEYS.isdisjoint(block.word_keys):
            continue
        for match in _TITLED.finditer(block.text):
            if block.scope_at(match.start(), match.end()) != VOICE:
                continue
            title = match.group("title")
            last = title.split()[-1].rstrip(".").lower()
            rank = TITLES.get(last)
            if rank is None:
                continue
            surname = fold(match.group("name").split()[-1].rstrip("'’s"))
            _, sentence = sentence_text(block, match.start())
            place = Place(block, match.start(), match.end())
            found.append(_Titled(title, rank, surname, place, sentence))
    return found


def find_title_changes(doc: Document, context: RunContext) -> Iterator[Disagreement]:
    titled = _titled(story_of(doc, context).body)
    for k, later in enumerate(titled):
        for earlier in titled[:k]:
            if earlier.surname != later.surname or earlier.rank == later.rank:
                continue
            if _TITLE_CHANGE_CUES.search(earlier.sentence + " " + later.sentence):
                continue
            first_e = earlier.place.text.split()[len(earlier.title.split()) :]
            first_l = later.place.text.split()[len(later.title.split()) :]
            if len(first_e) > 1 and len(first_l) > 1 and first_e[0] != first_l[0]:
                continue  # two people: Gen. John Smith and Col. Jane Smith
            yield Disagreement(
                later.place,
                earlier.place,
                {"match": later.place.text, "other": earlier.place.text,
                 "problem": f"“{later.title}” here, “{earlier.title}” earlier"},
            )  # fmt: skip
            break
