"""Set-up's preparation: fill the caches a first run would otherwise build.

    python -m newslint.prepare   (scripts/setup runs it)

A first run used to pay for the CMUdict index (~0.6 s of CPU) and the pack
compilation that later runs read from the cache. Linting a short draft once
here, in the folder whose .newslint.yml applies, builds both, so the first
real run costs what a later one does. Runs rebuild either lazily if it is
missing, so this is a speed-up, never a requirement.

It also fills the start-up cache (``newslint.startcache``): the run's
modules imported and every check's pattern compiled with its hooks in
place, so a first run compiles no regular expression and no dataclass.
"""

from __future__ import annotations

import os
import sys

# Enough prose for every kind that needs no server: words, a name, a metric.
_DRAFT = """# Strike kills commander

The storied general died on Friday, officials said. “It was the the end,” one
official, speaking on condition of anonymity, told reporters. Suleimani and
Soleimani met in Baghdad in 2015. The US and the U.S. Army reportedly agreed.
"""


def prepare(folder: str) -> None:
    """Lint a short draft in ``folder`` with LanguageTool off: packs and CMUdict cached."""
    # Imported here, after the caller installed the start-up cache's hooks.
    import codecs

    import newslint.discover
    import newslint.parallel
    import newslint.reporters.text
    import newslint.streaming  # noqa: F401  (what a run imports, for their start-up)

    codecs.lookup("utf-8-sig")  # the codec a run reads drafts with (codecache keeps it)
    from newslint import codecache

    # The command line module: imported here it would close an import cycle
    # (cli -> commands.setup -> this module).
    codecache.keep("newslint.cli")
    from newslint.commands.lint import lint_parser
    from newslint.lazyregex import compile_all
    from newslint.linter import Linter, Options
    from newslint.reading import SourceText

    lint_parser().parse_args(["--jobs", "1", "-"])  # argparse compiles its patterns
    # Every check's patterns, not only those the short draft meets.
    compile_all(m for name, m in list(sys.modules.items()) if name.startswith("newslint."))
    linter = Linter(Options(ignore=("spelling", "grammar", "typography")))
    path = os.path.join(folder, "prepare.md")
    linter.lint_source(SourceText(path, _DRAFT, "\n"), linter.setup_for(path))


if __name__ == "__main__":
    from newslint import codecache, startcache

    codecache.install()
    startcache.install()
    prepare(os.getcwd())
    startcache.save()
    codecache.save()
