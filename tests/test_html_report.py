"""--format html: the page an editor opens, checked as markup and in a real Chromium."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NO_LANGUAGETOOL = "spelling,grammar,typography,style.languagetool"
# Three kinds of draft for the many-drafts folder: loaded words, a claim with
# no source, and a clean one.
DRAFTS = (
    "# Council vote\n\nThe mayor gave a furious speech about the storied bridge.\n",
    "# Budget\n\nThe city will spend $4 million on the bridge next year.\n",
    "# Weather\n\nIt rained on Tuesday, the weather service said.\n",
)


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article's report, LanguageTool included."""
    done = run_cli("--format", "html", str(SEED))
    assert done.returncode == 1, done.stderr  # the seed has errors
    page = tmp_path_factory.mktemp("html") / "seed.html"
    page.write_text(done.stdout, encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def folder_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of a folder of 50 drafts."""
    folder = tmp_path_factory.mktemp("drafts")
    for number in range(50):
        (folder / f"draft-{number:02}.md").write_text(DRAFTS[number % 3], encoding="utf-8")
    done = run_cli("--format", "html", "--ignore", NO_LANGUAGETOOL, "--jobs", "1", str(folder))
    assert done.returncode == 0, done.stderr  # warnings only: the default fail_on is error
    page = folder / "report.html"
    page.write_text(done.stdout, encoding="utf-8")
    return page


def findings_of(html: str) -> list[list[dict[str, Any]]]:
    """The findings data of each draft section, in page order."""
    blocks = re.findall(r'<script type="application/json" class="findings">(.*?)</script>', html)
    return [json.loads(block) for block in blocks]


def test_drafts_that_could_not_be_read_are_listed_at_the_top(tmp_path: Path) -> None:
    # They were only stderr lines: the desk's page looked like every draft was checked.
    (tmp_path / "a-good.md").write_text(DRAFTS[0], encoding="utf-8")
    (tmp_path / "b-<latin1>.md").write_bytes("Line one.\nCaf\xe9 society.\n".encode("latin-1"))
    (tmp_path / "c-binary.md").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 40)
    done = run_cli("--format", "html", "--ignore", NO_LANGUAGETOOL, ".", cwd=tmp_path)
    assert done.returncode == 2
    listed = re.search(r'<section class="unreadable".*?</section>', done.stdout, re.S)
    assert listed is not None
    items = re.findall(r"<li>(.*?)</li>", listed.group(0))
    assert re.search(r'<h2 id="unreadable-title">2 drafts could not be read</h2>', listed.group(0))
    assert items == [
        "<code>b-&lt;latin1&gt;.md:2</code>: not valid UTF-8"
        " (byte 0xe9 at column 4: &#39;é&#39; in Windows-1252); "
        "save the file as UTF-8",
        "<code>c-binary.md</code>: looks like a binary file (contains NUL bytes); not linted",
    ]
    assert len(findings_of(done.stdout)) == 1  # the good draft is still shown, alone
    clean = run_cli("--format", "html", "--ignore", NO_LANGUAGETOOL, "a-good.md", cwd=tmp_path)
    assert 'class="unreadable"' not in clean.stdout


def test_the_page_makes_no_network_request(seed_page: Path) -> None:
    html = seed_page.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html  # and the browser is told so


def test_the_seed_draft_is_shown_as_prose_with_its_findings(seed_page: Path) -> None:
    html = seed_page.read_text(encoding="utf-8")
    assert "# US Kills" not in html  # rendered, not Markdown
    headline = r'<h3>US Kills Qassem Soleimani In <mark class="f fam-loaded sev-warning"'
    headline += r"[^>]*>Historic<"
    assert re.search(headline, html)
    (findings,) = findings_of(html)
    rules = {f["rule"] for f in findings}
    assert {"loaded.puffery", "attribution.unattributed-claim", "spelling.typo"} <= rules
    # Attributed claims go to the sheet, not among the problems.
    assert "attribution.claim" not in rules
    historic = next(f for f in findings if f["message"].startswith("“Historic”"))
    assert (historic["line"], historic["column"]) == (1, 32)


def test_the_fact_check_sheet_lists_claims_with_and_without_source(seed_page: Path) -> None:
    html = seed_page.read_text(encoding="utf-8")
    items = re.findall(r'<li data-line="(\d+)" data-claim="([^"]*)"', html)
    assert len(items) > 10
    assert any("Ahmed al-Assadi" in claim for _, claim in items) or "al-Assadi" in html
    assert html.count("no source given") == len(
        [f for f in findings_of(html)[0] if f["rule"] == "attribution.unattributed-claim"]
    )


def test_the_chart_has_a_bar_per_body_paragraph_and_a_table(seed_page: Path) -> None:
    html = seed_page.read_text(encoding="utf-8")
    bars = re.findall(r'<rect [^>]*class="bar"><title>Paragraph (\d+)', html)
    rows = re.findall(r"<tr><td>(\d+)</td><td>\d+</td>", html)
    assert bars and bars == rows
    assert bars == [str(n) for n in range(1, len(bars) + 1)]


def test_many_drafts_give_one_page_with_an_index(folder_page: Path) -> None:
    html = folder_page.read_text(encoding="utf-8")
    links = re.findall(r'<a href="#(draft-\d+)">([^<]+)</a>', html)
    assert len(links) == 50  # clean drafts too
    assert [Path(name).name for _, name in links][:2] == ["draft-00.md", "draft-01.md"]
    assert all(f'id="{anchor}"' in html for anchor, _ in links)
    per_draft = findings_of(html)
    assert len(per_draft) == 50
    assert [{f["rule"] for f in found} for found in per_draft[:3]] == [
        {"attribution.unattributed-claim", "loaded.emotive", "loaded.puffery"},
        {"attribution.unattributed-claim"},
        set(),
    ]


# --- In a real browser --------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (scripts/setup installs it)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        # --no-sandbox: the tests run as root, where Chromium's sandbox refuses to start.
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    requests: list[str] = []
    opened.on("request", lambda request: requests.append(request.url))
    yield opened
    assert all(url.startswith(("file:", "blob:", "data:")) for url in requests), requests
    context.close()


def test_clicking_a_highlight_shows_its_message_rule_and_suggestion(
    page: Any, seed_page: Path, tmp_path: Path
) -> None:
    page.goto(seed_page.as_uri())
    detail = page.locator("#draft-1-detail")
    assert "Select a highlighted passage" in detail.inner_text()
    page.locator("mark.f", has_text="Historic").first.click()
    shown = detail.inner_text()
    assert "warning: “Historic” is puffery" in shown
    assert "loaded.puffery · line 1, column 32" in shown
    typo = page.locator("mark.fam-spelling").first
    typo.click()
    assert "spelling.typo" in detail.inner_text()
    assert "Suggestion:" in detail.inner_text()
    # A flagged word inside a flagged sentence: the word's own finding comes first.
    page.locator("mark.f", has_text="perished").first.click()
    shown = detail.locator(".finding").all_inner_texts()
    assert "“perished” is a euphemism" in shown[0] and "Suggestion: died" in shown[0]
    assert "with no source" in shown[1] and "attribution.unattributed-claim" in shown[1]
    shot = tmp_path / "seed-report.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_highlights_work_from_the_keyboard(page: Any, seed_page: Path) -> None:
    page.goto(seed_page.as_uri())
    page.keyboard.press("Tab")  # the first highlight is the first thing to focus
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.startswith("Historic")
    assert "“Historic” is puffery" in page.locator("#draft-1-detail").inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    assert "“Historic”" not in page.locator("#draft-1-detail").inner_text()


def test_the_sheet_is_filled_in_and_downloaded_as_csv_and_json(
    page: Any, seed_page: Path, tmp_path: Path
) -> None:
    page.goto(seed_page.as_uri())
    first = page.locator("ol.sheet > li").first
    first.locator("select[name=verdict]").select_option("confirmed")
    first.locator("input[name=checked_by]").fill("R. Desk")
    first.locator("input[name=source]").fill("Pentagon statement")
    with page.expect_download() as got:
        page.get_by_role("button", name="Download sheet (CSV)").click()
    saved = tmp_path / "sheet.csv"
    got.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert got.value.suggested_filename == "fact-check-soleimani.csv"
    assert (rows[0]["verdict"], rows[0]["checked_by"], rows[0]["source"]) == (
        "confirmed",
        "R. Desk",
        "Pentagon statement",
    )
    assert rows[0]["line"] == "3" and rows[0]["claim"].startswith("The United States has killed")
    assert all(row["verdict"] == "" for row in rows[1:])
    with page.expect_download() as got:
        page.get_by_role("button", name="Download sheet (JSON)").click()
    got.value.save_as(tmp_path / "sheet.json")
    data = json.loads((tmp_path / "sheet.json").read_text(encoding="utf-8"))
    assert [row["verdict"] for row in data[:2]] == ["confirmed", ""]


def test_every_sheet_row_has_its_fields_with_the_source_the_draft_names(
    page: Any, seed_page: Path
) -> None:
    page.goto(seed_page.as_uri())
    rows = page.evaluate(
        """Array.from(document.querySelectorAll("ol.sheet > li"), (li) => [
            li.querySelectorAll("select[name=verdict], input[name=checked_by]").length,
            li.getAttribute("data-source"), li.querySelector("input[name=source]").value])"""
    )
    assert len(rows) > 10 and all(fields == 2 for fields, _, _ in rows)
    assert all(named == shown for _, named, shown in rows)
    assert any(named for _, named, _ in rows)  # some claims name their source
    # The label still names the field for a screen reader.
    assert page.get_by_label("Checked by").count() == len(rows)


def test_a_draft_of_fifty_is_reached_from_the_index(
    page: Any, folder_page: Path, tmp_path: Path
) -> None:
    page.goto(folder_page.as_uri())
    page.get_by_role("link", name=re.compile(r"draft-33\.md$")).click()
    assert page.evaluate("location.hash") == "#draft-34"
    section = page.locator("#draft-34")
    section.locator("mark.f", has_text="furious").click()
    assert "“furious”" in section.locator(".detail").inner_text()
    assert "loaded.emotive" in section.locator(".detail").inner_text()
    # The other drafts' panels are untouched.
    assert "Select a highlighted passage" in page.locator("#draft-1-detail").inner_text()
    page.screenshot(path=str(tmp_path / "fifty-drafts.png"))


def test_every_finding_is_highlighted_or_listed_beside(seed_page: Path) -> None:
    html = seed_page.read_text(encoding="utf-8")
    (findings,) = findings_of(html)
    marked = {
        int(n) for ids in re.findall(r'<mark [^>]*data-f="([\d ]+)"', html) for n in ids.split()
    }
    listed = {int(n) for n in re.findall(r'class="f-button" data-f="(\d+)"', html)}
    assert marked | listed == set(range(len(findings)))
    assert not marked & listed
