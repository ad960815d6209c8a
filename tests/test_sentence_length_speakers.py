"""Sentence length is the writer's to fix; an interviewee's transcribed answer is not."""

from __future__ import annotations

from tests.conftest import lint_text

_LONG = (
    "The committee met on Tuesday and then again on Wednesday and then once more on "
    "Thursday to discuss the budget, the schedule, the staffing plan, the new building, "
    "the parking rules and the holiday rota before it finally adjourned for the week."
)


def _too_long(text: str) -> list[tuple[int, str]]:
    return [
        (f.line, f.message)
        for f in lint_text(text + "\n", select=("readability.sentence-too-long",))
        if f.rule == "readability.sentence-too-long"
    ]


def test_long_sentence_in_the_writers_voice_is_flagged() -> None:
    assert _too_long(_LONG) == [(1, "sentence of 42 words (over 40): split it")]


def test_long_sentence_in_an_interview_answer_is_left_alone() -> None:
    assert _too_long(f"**Noam Chomsky:** {_LONG}") == []


def test_long_sentence_after_the_answer_is_flagged_again() -> None:
    text = f"**Nick Bos:** {_LONG}\n\n{_LONG}"
    assert _too_long(text) == [(3, "sentence of 42 words (over 40): split it")]


def test_long_sentence_after_a_dateline_is_the_writers() -> None:
    assert _too_long(f"KABUL: {_LONG}") == [(1, "sentence of 43 words (over 40): split it")]


def test_sentence_mostly_quoted_is_the_speakers() -> None:
    # 42 words quoted and 6 of the writer's: the speaker's sentence, quoted whole.
    text = f'"{_LONG}" the clerk said on Friday afternoon.'
    assert _too_long(text) == []


def test_sentence_with_a_short_quotation_is_the_writers() -> None:
    # A quoted phrase of 8 words in a 51-word sentence: the writer's to split.
    head = " ".join(_LONG.split()[:39])
    text = f'{head}, and it called the plan "a mess from start to finish, frankly."'
    assert _too_long(text) == [(1, "sentence of 51 words (over 40): split it")]


def test_a_list_set_off_by_semicolons_is_read_item_by_item() -> None:
    catalogue = (
        "The exhibit includes portraits of actor Dennis Hopper; musician Nick Rhodes of "
        "Duran Duran; publishers Jann Wenner of Rolling Stone and Carlo De Benedetti of "
        "la Repubblica; club owner Steve Rubell of Studio 54; and photographers Nat "
        "Finkelstein, Christopher Makos and Felice Quinto."
    )
    assert _too_long(catalogue) == []
    # Two long clauses joined by semicolons are not a list of items.
    assert _too_long(f"{_LONG}; {_LONG}; and so on.") == [
        (1, "sentence of 87 words (over 40): split it")
    ]
