"""What every facts check yields: a disagreement between two places."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from newslint.document import Block, Document


# A named tuple: the facts checks make hundreds a draft, and a frozen
# dataclass sets each field through object.__setattr__.
class Place(NamedTuple):
    """A span of one block, in block-text offsets."""

    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    def line(self, doc: Document) -> int:
        return doc.lines.line_col(self.block.source_offset(self.start))[0]


@dataclass(frozen=True)
class Disagreement:
    """Two places that cannot both be right.

    ``here`` is flagged; ``there`` is named in the message. ``sure`` is false
    when the check cannot tell a real disagreement from an unusual wording,
    which makes the finding a suggestion.
    """

    here: Place
    there: Place
    values: dict[str, str] = field(default_factory=dict)
    sure: bool = True


def sentence_text(block: Block, pos: int) -> tuple[int, str]:
    """The sentence around ``pos``: its start offset and its text.

    The checks read whole sentences, quotations included; the rule's scope
    decides only what may be flagged.
    """
    sentence = block.sentence_at(pos)
    if sentence is None:
        return 0, block.text
    return sentence.start, sentence.text
