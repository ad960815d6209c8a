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


def blocks_quoted(source: str) -> list[list[str]]:
    doc = parse_document("d.md", source, make_parser())
    return [[b.text[q.start : q.end] for q in b.quotations] for b in doc.blocks]


def test_a_second_opening_mark_ends_the_unclosed_quotation_with_its_sentence() -> None:
    # Nobody opens a double quotation inside another: the first was left
    # open, and the writer's own sentences after it are the writer's voice.
    source = (
        "He called it “a farce. The army has moved 100 men to the border. "
        "“We stay,” the general said.\n"
    )
    doc = parse_document("d.md", source, make_parser())
    (block,) = doc.blocks
    assert blocks_quoted(source) == [["“a farce.", "“We stay,”"]]
    assert block.quotations[0].open_end
    army = block.text.index("The army")
    assert block.scope_at(army, army + 8) == VOICE


def test_an_unclosed_quotation_ends_at_the_next_opening_mark_within_its_sentence() -> None:
    source = "The sign read “No entry and the guard said “go home” twice.\n"
    assert blocks_quoted(source) == [["“No entry and the guard said", "“go home”"]]


def test_a_missing_closing_mark_ends_the_quotation_with_its_sentence() -> None:
    # The writer forgot to close it; the next sentence is the writer's again.
    source = (
        "“It is troubling,” Gore said. “Further, it is disturbing. "
        "A spokesman for the president also criticized the remarks.\n"
    )
    assert blocks_quoted(source) == [["“It is troubling,”", "“Further, it is disturbing."]]


def test_a_pasted_document_left_open_runs_to_the_paragraph_end() -> None:
    # A document named before a quotation never closed: its words to the end.
    source = (
        "The committee's press release “NASA is funded at $16.4 billion. "
        "The bill cuts station operations by $120 million.\n"
    )
    assert blocks_quoted(source) == [[source[source.index("“") :].rstrip()]]


def test_a_quotation_continued_in_the_next_paragraph_runs_to_its_end() -> None:
    # News style: the quotation goes on, so the whole paragraph is quoted.
    source = "“We waited. Then we ran.\n\n“Nobody came,” she said.\n"
    assert blocks_quoted(source) == [["“We waited. Then we ran."], ["“Nobody came,”"]]


def test_a_closed_quotation_of_several_sentences_is_kept_whole() -> None:
    source = "“We waited. Then we ran,” she said. The storm passed.\n"
    assert blocks_quoted(source) == [["“We waited. Then we ran,”"]]


def test_straight_single_marks_after_an_ended_quotation_are_not_quotes() -> None:
    # ' opens a quotation only inside a double one; once that one ends, the
    # writer's 'gifts' are scare quotes in the writer's voice, not speech.
    source = 'He wrote "a farce. The minister handed out \'gifts\' to them. "No," he said.\n'
    assert blocks_quoted(source) == [['"a farce.', '"No,"']]


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


def test_a_straight_opening_mark_closed_by_a_curly_opening_one_is_one_quotation() -> None:
    # Marks typed in two programs: the curly mark has no closing partner, so it
    # ends the quotation the straight one opened.
    source = (
        'Cornyn added, "There is no question. I am disappointed with the misguided '
        "decision. “However, the JSC will receive seats from the flight deck.\n"
    )
    doc = parse_document("d.md", source, make_parser())
    (block,) = doc.blocks
    assert blocks_quoted(source) == [
        ['"There is no question. I am disappointed with the misguided decision. “']
    ]
    word = block.text.index("misguided")
    assert block.scope_at(word, word + 9) == QUOTE
    seats = block.text.index("seats")
    assert block.scope_at(seats, seats + 5) == VOICE


def test_a_curly_quotation_after_an_unclosed_straight_one_stays_its_own() -> None:
    source = 'He called it "a farce. The army moved. “We stay,” the general said.\n'
    assert blocks_quoted(source) == [['"a farce.', "“We stay,”"]]
