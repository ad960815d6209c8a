"""Linting files: config → packs → read → parse → rules → findings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

from newslint.cachedir import cache_dir
from newslint.config import Config, find_config, load_config
from newslint.document import Document
from newslint.engine import LintResult, run_rules
from newslint.errors import ConfigError, InputError
from newslint.findings import FileProblem
from newslint.markdown import make_parser
from newslint.packcache import load_packs_cached
from newslint.packs import LoadedPacks, builtin_rules_dir, pack_files
from newslint.parse import parse_document
from newslint.reading import SourceText, read_path
from newslint.selection import Selection


@dataclass
class Options:
    """What the command line adds to the configuration."""

    config_path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    # Rules that ship off, turned on wherever their family is selected (the
    # HTML report's fact-check sheet needs attribution.claim beside the rest).
    also: tuple[str, ...] = ()


@dataclass
class Setup:
    """A config with its packs loaded, shared by every file under it."""

    config: Config
    packs: LoadedPacks


@dataclass
class Linter:
    """Lints drafts, loading each config and its packs once."""

    options: Options = field(default_factory=Options)
    _setups: dict[str | None, Setup] = field(default_factory=dict)
    _parser: MarkdownIt | None = None

    def setup_for(self, path: str) -> Setup:
        """The setup for ``path`` (raises ConfigError when the config is broken)."""
        config_path = self.options.config_path
        if config_path is None:
            config_path = find_config(path if path != "-" else ".")
        if config_path not in self._setups:
            config = load_config(config_path)
            files = pack_files(builtin_rules_dir())
            for folder in config.extra_rules:
                if not Path(folder).is_dir():
                    raise ConfigError(f"extra_rules folder {folder!r} does not exist", config_path)
                files.extend(pack_files(Path(folder)))
            packs = load_packs_cached(files, config.packs, cache_dir())
            self._setups[config_path] = Setup(config, packs)
        return self._setups[config_path]

    def lint_path(self, path: str, display: str | None = None) -> LintResult:
        setup = self.setup_for(path)
        shown = display or path
        try:
            source = read_path(path, int(setup.config.max_file_mb * 1024 * 1024))
        except InputError as exc:
            return LintResult(shown, problems=[FileProblem(shown, exc.message, exc.line)])
        return self.lint_source(SourceText(shown, source.text, source.newline), setup)

    def lint_source(self, source: SourceText, setup: Setup) -> LintResult:
        return self.lint_source_document(source, setup)[0]

    def lint_source_document(
        self, source: SourceText, setup: Setup
    ) -> tuple[LintResult, Document | None]:
        """lint_source, and the parsed draft (None if it could not be parsed).

        ``newslint audit`` reads the draft's front matter and names from the
        same parse, rather than parsing every draft of an archive twice.
        """
        if self._parser is None:
            self._parser = make_parser()
        config = setup.config
        doc = None
        try:
            doc = parse_document(source.path, source.text, self._parser)
            config = config.with_front_matter(doc.front_matter, source.path, doc.front_matter_line)
        except (InputError, ConfigError) as exc:
            problem = FileProblem(source.path, exc.message, exc.line)
            return LintResult(source.path, problems=[problem]), doc
        doc.settings = {"languagetool": config.languagetool}
        selection = Selection(
            config.overrides, self.options.select, self.options.ignore, self.options.also
        )
        result = run_rules(doc, setup.packs.packs, selection, config.vocabulary)
        result.fail_on = config.fail_on
        result.notices_are_errors = bool(config.languagetool.get("required")) or bool(
            os.environ.get("NEWSLINT_REQUIRE_LANGUAGETOOL")
        )
        return result, doc
