"""Quotation spans: curly, straight, nested, and over several paragraphs."""

from __future__ import annotations

from newslint.document import QUOTE, VOICE
from newslint.markdown import make_parser
from newslint.parse import parse_document
from newslint.quotes import find_quotations


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotations(text)]


def test_curly_and_straight_double_quotes() -> None:
    assert quoted('He said “it is over” and "done" today.') == ["“it is over”", '"done"']


def test_nested_single_quotes() -> None:
    text = "“‘Okay we will intervene’. Send Qassem Soleimani”, Putin told the envoy."
    assert quoted(text) == [
        "“‘Okay we will intervene’. Send Qassem Soleimani”",
        "‘Okay we will intervene’",
    ]


def test_apostrophes_do_not_close_quotes() -> None:
    text = "“Iran’s men don’t wait,” he said, at veterans’ events."
    assert quoted(text) == ["“Iran’s men don’t wait,”"]


def test_opening_mark_used_as_closing_mark() -> None:
    text = "a profile called “The Shadow Commander“, as published"
    assert quoted(text) == ["“The Shadow Commander“"]


def test_quotation_over_several_paragraphs() -> None:
    doc = parse_document(
        "d.md",
        "“The first part runs on.\n\n“The second goes on.\n\n“The last part ends,” he said.\n",
        make_parser(),
    )
    first, second, last = doc.blocks
    assert first.quotations[0].open_end and not first.quotations[0].continued
    assert second.quotations[0].continued and second.quotations[0].open_end
    assert last.quotations[0].continued and not last.quotations[0].open_end
    assert last.scope_at(1, 5) == QUOTE
    assert last.scope_at(len(last.text) - 5, len(last.text) - 1) == VOICE


def test_doubled_single_marks_are_double_quotes() -> None:
    # ‘‘ … ’’ typed for “ … ”, and “ … ’’ mixed, as in wire copy pasted to blogs.
    text = "‘‘We will stay,’’ says an official. “They have no business there,’’ he said."
    assert quoted(text) == ["‘‘We will stay,’’", "“They have no business there,’’"]


def test_plural_possessive_inside_single_quotes_does_not_close() -> None:
    text = "He called it ‘the voters’ choice’ on Monday, and the workers’ union agreed."
    assert quoted(text) == ["‘the voters’ choice’"]


def test_plural_possessive_closes_when_nothing_later_could() -> None:
    assert quoted("She called it ‘a crisis of the Democrats’ and left.") == [
        "‘a crisis of the Democrats’"
    ]


def test_apostrophes_alone_make_no_quotation() -> None:
    text = "In the ’90s the ministers’ plan ran ’em hard; Iran’s army’s role grew."
    assert quoted(text) == []


def test_left_single_mark_inside_a_word_is_an_apostrophe() -> None:
    text = "The rock‘n’roll band ‘Eagles’ played."
    assert quoted(text) == ["‘Eagles’"]
