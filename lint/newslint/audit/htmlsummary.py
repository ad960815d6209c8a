"""``newslint audit --html FILE``: the summary as one self-contained page.

The per-draft HTML report (``--format html``) shows drafts as editors read
them; an archive needs the counts instead, so this page has only the
summary's tables. Jinja2 escapes every value (paths and messages are the
archive's own text).
"""

from __future__ import annotations

from newslint.audit.summary import TOP, Summary, headline


def render(summary: Summary) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(
        loader=PackageLoader("newslint.audit", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
    )
    tables = [
        ("By family", summary.by_family.most_common()),
        ("By rule", summary.by_rule.most_common(TOP * 5)),
        ("By year", sorted(summary.by_year.items())),
        ("By desk", summary.by_desk.most_common(TOP * 5)),
        ("Drafts with the most warnings", summary.warnings.most_common(TOP * 2)),
    ]
    variants = sorted(summary.variants, key=lambda v: -sum(n for _, n in v.spellings))
    template = environment.get_template("summary.html.j2")
    return template.render(
        summary=summary, headline=headline(summary), tables=tables, variants=variants[: TOP * 10]
    )
