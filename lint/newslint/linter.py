"""Linting files: config → packs → read → parse → rules → findings."""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from newslint.cachedir import cache_dir
from newslint.config import Config, discover_config, load_config
from newslint.document import Document
from newslint.engine import LintResult, run_rules
from newslint.errors import ConfigError, InputError, each_error, raise_all
from newslint.findings import FileProblem
from newslint.harper import Harper
from newslint.markdown import make_parser
from newslint.packcache import load_packs_cached
from newslint.packs import LoadedPacks, builtin_rules_dir, pack_files
from newslint.parse import parse_document, unclosed_front_matter
from newslint.reading import SourceText, read_path
from newslint.runcontext import RunContext, RunSettings
from newslint.schema import did_you_mean
from newslint.selection import Selection, unknown_rule
from newslint.suppressions import unknown_names
from newslint.yamlfile import line_of

if TYPE_CHECKING:  # imported when a LanguageTool rule runs, not before
    from newslint.languagetool.service import Session


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
    # Keep each draft's prose layout with its findings (the HTML report shows
    # the prose; the workers have parsed it, so the report need not).
    layout: bool = False


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
    # Config files passed over in the search (another user's), said once each.
    notes: list[str] = field(default_factory=list)
    _parser: MarkdownIt | None = None
    # One LanguageTool session per run: its server handle, clients and failure.
    _languagetool: Session | None = None
    # Per setup problem: whether this run is the first to meet it (it then fails).
    _setup_told: dict[str, bool] = field(default_factory=dict)
    # Harper's dictionary, the spelling's second opinion: built once per run, if installed.
    _harper: Harper = field(default_factory=Harper)

    def setup_for(self, path: str) -> Setup:
        """The setup for ``path`` (raises ConfigError when the config is broken)."""
        config_path = self.options.config_path
        if config_path is None:
            found = discover_config(path if path != "-" else ".")
            config_path = found.path
            self.notes.extend(n for n in found.notes if n not in self.notes)
        if config_path not in self._setups:
            config = load_config(config_path)
            files = pack_files(builtin_rules_dir())
            for folder in config.extra_rules:
                if not Path(folder).is_dir():
                    raise ConfigError(f"extra_rules folder {folder!r} does not exist", config_path)
                files.extend(pack_files(Path(folder)))
            house = Path(config.house_list) if config.house_list else None
            packs = load_packs_cached(files, config.packs, cache_dir(), house)
            # A broken pack has no name to know it by: its own errors say what is wrong.
            names = packs.names if not packs.errors else ()
            try:
                _check_rule_names(config, packs, self.options, names)
            except ConfigError as exc:
                # A rule its broken pack could not load reads as unknown: its
                # pack's errors go first, or "--select house" blamed the name.
                raise_all([*packs.errors, exc])
            self._setups[config_path] = Setup(config, packs)
        return self._setups[config_path]

    def lint_path(self, path: str, display: str | None = None) -> LintResult:
        setup = self.setup_for(path)
        shown = display or path
        try:
            source = read_path(path, setup.config.max_file_bytes)
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
            problems = [
                FileProblem(source.path, f"{e.keys}: {e.message}" if e.keys else e.message, e.line)
                for e in each_error(exc)
            ]
            return LintResult(source.path, problems=problems), doc
        known, members = setup.packs.rules, setup.packs.members
        misnamed = [
            FileProblem(
                source.path,
                f"newslint: rules.{name}: {why}",
                line_of(doc.front_matter.get("rules"), name, doc.front_matter_line),
            )
            for name, _ in config.overrides[len(setup.config.overrides) :]
            if (why := unknown_rule(name, known, members))
        ] + unknown_names(doc, known, members)
        if unclosed_front_matter(source.text):
            why = "opened with '---' but never closed by a '---' line; its newslint: options unread"
            misnamed.insert(0, FileProblem(source.path, f"front matter: {why}", 1))
        selection = Selection(
            config.overrides, self.options.select, self.options.ignore, self.options.also
        )
        session = self._languagetool_session(config, setup, selection)
        context = RunContext(
            RunSettings(
                config.dialect,
                config.languagetool,
                session,
                harper=self._harper,
                names_project=_project_on(setup, selection),
                max_file_bytes=config.max_file_bytes,
            )
        )
        result = run_rules(doc, setup.packs.packs, selection, config.vocabulary, context)
        # A misspelt name is an error (exit 2, no --fix), but the draft is still
        # linted: in an editor every finding vanished while a name was typed.
        result.problems[:0] = misnamed
        result.fail_on = config.fail_on
        if self.options.layout:
            from newslint.layout import layout_of

            result.layout = layout_of(doc)
        required = config.languagetool.get("required")
        setup_missing = required is None and self._setup_missing_fails(session)
        result.notices_are_errors = (
            bool(required) or bool(os.environ.get("NEWSLINT_REQUIRE_LANGUAGETOOL")) or setup_missing
        )
        return result, doc

    def _setup_missing_fails(self, session: Session | None) -> bool:
        """Whether a missing Java or jars fails this run (when ``required`` is unset).

        A check is never dropped silently: the first run that meets the problem
        fails, with the command to fix it; later runs say it once and run every
        other check.
        """
        failure = session.setup_failure if session is not None else None
        if failure is None:
            return False
        if failure not in self._setup_told:
            from newslint.languagetool.state import first_time_told

            self._setup_told[failure] = first_time_told(failure)
        return self._setup_told[failure]

    def prestart_languagetool(self, path: str) -> None:
        """Start LanguageTool in the background for drafts at ``path`` when their
        rules need it (the language server calls this as it starts)."""
        try:
            setup = self.setup_for(path)
        except ConfigError:
            return  # the first lint reports it
        selection = Selection(
            setup.config.overrides, self.options.select, self.options.ignore, self.options.also
        )
        self._languagetool_session(setup.config, setup, selection)

    def _languagetool_session(
        self, config: Config, setup: Setup, selection: Selection
    ) -> Session | None:
        """The run's LanguageTool session, its server started in the background
        the first time a draft has an active LanguageTool rule."""
        if not any(
            c.rule.kind == "languagetool" and selection.is_active(c.rule)
            for pack in setup.packs.packs
            for c in pack.checks
        ):
            return self._languagetool
        if self._languagetool is None:
            from newslint.kinds.languagetool import _settings
            from newslint.languagetool.service import ServiceSettings, Session

            session = Session(_settings(config.languagetool, ServiceSettings))
            session.prestart()
            self._languagetool = session
        return self._languagetool


def _project_on(setup: Setup, selection: Selection) -> bool:
    """Whether this draft is checked against its repository's names (--project)."""
    from newslint.config import PROJECT_RULE

    return any(
        c.rule.id == PROJECT_RULE and selection.is_active(c.rule)
        for pack in setup.packs.packs
        for c in pack.checks
    )


def _check_rule_names(
    config: Config, loaded: LoadedPacks, options: Options, packs: Collection[str] = ()
) -> None:
    """A ConfigError for a pack, rule or family that the config or the command line misspells.

    ``packs`` are the names of every pack found (none: not judged); a name in
    ``packs:`` that is none of them would otherwise lint with nothing, silently.
    """
    for name, line in config.pack_lines:
        if packs and name not in packs:
            hint = did_you_mean(name, sorted(packs))
            raise ConfigError(
                f"unknown pack {name!r}{hint}; the packs here: {', '.join(sorted(packs))}",
                config.path,
                line,
                "packs",
            )
    known, members = loaded.rules, loaded.members
    for name, line in config.rule_lines:
        why = unknown_rule(name, known, members)
        if why:
            raise ConfigError(why, config.path, line, f"rules.{name}")
    for flag, names in (("--select", options.select), ("--ignore", options.ignore)):
        for name in names:
            why = unknown_rule(name, known, members)
            if why:
                raise ConfigError(f"{flag}: {why}")
