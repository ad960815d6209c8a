"""Inline suppression comments (``suppressions.py``), as a table."""

from __future__ import annotations

import pytest

from newslint.findings import FileProblem
from newslint.markdown import make_parser
from newslint.parse import parse_document
from newslint.suppressions import ALL, Suppression, suppressions, unknown_names

KNOWN = ("loaded.puffery", "loaded.emotive", "names.house-list")


def ranges(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    doc = parse_document("d.md", text, make_parser())
    return [(s.first_line, s.last_line, s.rules) for s in suppressions(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No comment here.\n", []),
        ("<!-- an ordinary comment -->\nText.\n", []),
        ("<!-- newslint-disable-next-line -->\nText.\n", [(2, 2, (ALL,))]),
        (
            "<!-- newslint-disable-next-line loaded.puffery -->\nText.\n",
            [(2, 2, ("loaded.puffery",))],
        ),
        (
            "<!-- newslint-disable-next-line loaded, names.house-list -->\nText.\n",
            [(2, 2, ("loaded", "names.house-list"))],
        ),
        # A comment over two lines suppresses the line after its end.
        (
            "<!-- newslint-disable-next-line\n     loaded -->\nText.\n",
            [(3, 3, ("loaded",))],
        ),
        # An unclosed range runs to the end of the file (past its last newline).
        ("A.\n\n<!-- newslint-disable -->\nB.\n\nC.\n", [(3, 7, (ALL,))]),
        (
            "<!-- newslint-disable loaded -->\nB.\n\n<!-- newslint-enable loaded -->\nC.\n",
            [(1, 4, ("loaded",))],
        ),
        # A bare enable closes every open range.
        (
            "<!-- newslint-disable loaded names -->\nB.\n\n<!-- newslint-enable -->\nC.\n",
            [(1, 4, ("loaded",)), (1, 4, ("names",))],
        ),
        # A colon after the action is allowed ("newslint-enable: loaded").
        (
            "<!-- newslint-disable: loaded -->\nB.\n\n<!-- newslint-enable: loaded -->\nC.\n",
            [(1, 4, ("loaded",))],
        ),
        ("<!-- newslint-disable-next-line: loaded.label -->\nText.\n", [(2, 2, ("loaded.label",))]),
        # Enabling what was never disabled does nothing.
        ("<!-- newslint-enable loaded -->\nB.\n", []),
        # A second disable of an open rule keeps the first start.
        (
            "<!-- newslint-disable loaded -->\nA.\n\n<!-- newslint-disable loaded -->\nB.\n",
            [(1, 6, ("loaded",))],
        ),
    ],
)
def test_suppressed_ranges(text: str, expected: list[tuple[int, int, tuple[str, ...]]]) -> None:
    assert ranges(text) == expected


@pytest.mark.parametrize(
    ("rules", "rule", "line", "covered"),
    [
        ((ALL,), "loaded.puffery", 3, True),
        (("loaded",), "loaded.puffery", 3, True),
        (("loaded.puffery",), "loaded.emotive", 3, False),
        (("load",), "loaded.puffery", 3, False),
        (("loaded",), "loaded.puffery", 2, False),
        (("loaded",), "loaded.puffery", 5, False),
    ],
)
def test_covers(rules: tuple[str, ...], rule: str, line: int, covered: bool) -> None:
    from newslint.findings import Finding
    from newslint.severity import Severity

    finding = Finding("d.md", rule, Severity.WARNING, "m", 0, 1, line=line, column=1)
    assert Suppression(3, 4, rules).covers(finding) is covered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!-- newslint-disable -->\nA.\n", []),
        ("<!-- newslint-enable: loaded -->\nA.\n", []),
        ("<!-- newslint-disable: -->\nA.\n", []),
        ("<!-- newslint-disable loaded names.house-list -->\nA.\n", []),
        (
            "A.\n\n<!-- newslint-disable-next-line loaded.pufery -->\nB.\n",
            [
                FileProblem(
                    "d.md",
                    "newslint-disable-next-line: unknown rule or family 'loaded.pufery'; "
                    "did you mean 'loaded.puffery'?",
                    3,
                )
            ],
        ),
        (
            "<!-- newslint-enable lodaed -->\n",
            [
                FileProblem(
                    "d.md",
                    "newslint-enable: unknown rule or family 'lodaed'; did you mean 'loaded'?",
                    1,
                )
            ],
        ),
        (
            "A.\n\n<!-- newslint-disabel loaded -->\nB.\n",
            [
                FileProblem(
                    "d.md",
                    "unknown directive 'newslint-disabel'; did you mean 'newslint-disable'?; "
                    "use newslint-disable, newslint-enable or newslint-disable-next-line",
                    3,
                )
            ],
        ),
        ("<!-- newslint is run in CI -->\nA.\n<!-- newslint-ignore-this -->\n", "one error"),
    ],
)
def test_misspelt_names_in_comments(text: str, expected: list[FileProblem]) -> None:
    doc = parse_document("d.md", text, make_parser())
    if expected == "one error":  # a plain comment is no directive; newslint-<word> is one
        assert [(p.line, p.message.split(";")[0]) for p in unknown_names(doc, KNOWN)] == [
            (3, "unknown directive 'newslint-ignore-this'")
        ]
    else:
        assert unknown_names(doc, KNOWN) == expected


def test_comment_errors_are_told_in_the_draft_s_line_order() -> None:
    """A misspelt directive below a misspelt rule name is told after it, not first."""
    text = "<!-- newslint-enable lodaed -->\nA.\n\n<!-- newslint-disabel loaded -->\nB.\n"
    doc = parse_document("d.md", text, make_parser())
    assert [(p.line, p.message.split(";")[0]) for p in unknown_names(doc, KNOWN)] == [
        (1, "newslint-enable: unknown rule or family 'lodaed'"),
        (4, "unknown directive 'newslint-disabel'"),
    ]
