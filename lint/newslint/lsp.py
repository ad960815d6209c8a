"""``newslint lsp``: a language server that lints Markdown drafts as they are edited.

It publishes findings as diagnostics and offers each finding's suggestion as
a quick fix. The CLI imports this module only for ``newslint lsp``, so the
linter's cold start never pays for pygls.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from newslint import __version__, exitcodes
from newslint.commands.lint import add_rule_options
from newslint.discover import MARKDOWN_SUFFIXES
from newslint.errors import ConfigError, each_error
from newslint.findings import Finding
from newslint.linter import Linter, Options
from newslint.lsp_positions import Position, PositionMap
from newslint.reading import SourceText
from newslint.severity import Severity

SOURCE = "newslint"
# Long enough to skip the lints a fast typist would make stale at once,
# short enough that the marks still feel live.
DEFAULT_DEBOUNCE_SECONDS = 0.3

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    # Information, not Hint: most editors draw hints so faintly that a
    # suggestion would go unseen.
    Severity.SUGGESTION: types.DiagnosticSeverity.Information,
}

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fix:
    """A finding's suggestion, ready to become a quick fix."""

    diagnostic: types.Diagnostic
    original: str
    suggestion: str
    preferred: bool

    @property
    def title(self) -> str:
        # Repeated-word spans start with the space before the word.
        original = self.original.strip()
        if not self.suggestion:
            return f"Delete “{original}”"
        return f"Replace “{original}” with “{self.suggestion}”"


@dataclass(frozen=True)
class Linted:
    """One lint of one version of a document."""

    version: int | None
    diagnostics: tuple[types.Diagnostic, ...] = ()
    fixes: tuple[Fix, ...] = ()


class NewslintServer(LanguageServer):
    """The pygls server plus the state of the drafts open in the editor."""

    def __init__(self, options: Options, debounce: float = DEFAULT_DEBOUNCE_SECONDS) -> None:
        super().__init__("newslint", __version__)
        self.options = options
        self.debounce = debounce
        self.linter = Linter(options)
        # LanguageTool's JVM starts now, while the editor opens its first draft.
        self.linter.prestart_languagetool(os.path.join(os.getcwd(), "draft.md"))
        # One worker: a Linter caches configs and a parser and is not
        # thread-safe; linting off the event loop keeps requests answered.
        self.lint_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")
        self.open_drafts: set[str] = set()
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.linted: dict[str, Linted] = {}


# --- linting (runs on the lint thread; no pygls state touched) -----------------


def lint_text(linter: Linter, uri: str, text: str, version: int | None, encoding: str) -> Linted:
    """Lint one document's in-memory text into diagnostics and fixes."""
    # LSP counts \r\n and \r as line breaks too, so this keeps lines aligned.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    positions = PositionMap.of(text, encoding)
    path = to_fs_path(uri) if uri.startswith("file:") else None
    try:
        setup = linter.setup_for(path or "-")
    except ConfigError as exc:
        said = tuple(problem_diagnostic(str(e), None, positions) for e in each_error(exc))
        return Linted(version, said)
    if path and setup.config.is_ignored(path):
        return Linted(version)
    result = linter.lint_source(SourceText(path or uri, text, "\n"), setup)
    diagnostics = [problem_diagnostic(str(e), None, positions) for e in setup.packs.errors]
    diagnostics += [problem_diagnostic(note, None, positions) for note in linter.notes]
    diagnostics += [problem_diagnostic(p.message, p.line, positions) for p in result.problems]
    fixes = []
    for finding in result.findings:
        diagnostic = finding_diagnostic(finding, positions)
        diagnostics.append(diagnostic)
        if finding.suggestion is not None:
            original = text[finding.start : finding.end]
            fixes.append(Fix(diagnostic, original, finding.suggestion, finding.fixable))
    return Linted(version, tuple(diagnostics), tuple(fixes))


def finding_diagnostic(finding: Finding, positions: PositionMap) -> types.Diagnostic:
    start, end = positions.span(
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        empty=finding.start == finding.end,
    )
    return types.Diagnostic(
        range=lsp_range(start, end),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        source=SOURCE,
    )


def problem_diagnostic(message: str, line: int | None, positions: PositionMap) -> types.Diagnostic:
    """A config or file problem, marked on its line (the first when it has none)."""
    start, end = positions.line_span(line or 1)
    return types.Diagnostic(
        range=lsp_range(start, end),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def lsp_range(start: Position, end: Position) -> types.Range:
    return types.Range(
        start=types.Position(line=start[0], character=start[1]),
        end=types.Position(line=end[0], character=end[1]),
    )


# --- document life cycle (event loop) ------------------------------------------


def is_draft(uri: str, language_id: str | None) -> bool:
    return language_id == "markdown" or uri.lower().endswith(MARKDOWN_SUFFIXES)


def encoding_of(ls: NewslintServer) -> str:
    """The position encoding pygls agreed with the client (UTF-16 unless told)."""
    encoding = ls.workspace.position_encoding or types.PositionEncodingKind.Utf16
    return str(getattr(encoding, "value", encoding))


async def lint_now(ls: NewslintServer, uri: str) -> Linted | None:
    """Lint the document's current text; None if it closed or changed meanwhile."""
    if uri not in ls.open_drafts:
        return None
    document = ls.workspace.get_text_document(uri)
    version = document.version
    loop = asyncio.get_running_loop()
    linted = await loop.run_in_executor(
        ls.lint_pool, lint_text, ls.linter, uri, document.source, version, encoding_of(ls)
    )
    # A newer edit has its own lint coming; publishing this one would flicker.
    if uri not in ls.open_drafts or ls.workspace.get_text_document(uri).version != version:
        return None
    ls.linted[uri] = linted
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=list(linted.diagnostics)
        )
    )
    return linted


async def lint_later(ls: NewslintServer, uri: str, delay: float) -> None:
    try:
        await asyncio.sleep(delay)
        await lint_now(ls, uri)
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # the server must outlive a bug in one lint
        log.exception("linting %s failed", uri)
        ls.window_log_message(
            types.LogMessageParams(type=types.MessageType.Error, message=f"newslint: {exc!r}")
        )
    finally:
        if ls.pending.get(uri) is asyncio.current_task():
            del ls.pending[uri]


def schedule(ls: NewslintServer, uri: str, delay: float) -> None:
    """Lint ``uri`` after ``delay`` seconds, replacing any lint still waiting."""
    cancel(ls, uri)
    ls.pending[uri] = asyncio.get_running_loop().create_task(lint_later(ls, uri, delay))


def cancel(ls: NewslintServer, uri: str) -> None:
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()


async def current_lint(ls: NewslintServer, uri: str) -> Linted | None:
    """The lint of the document as it is now, linting at once if the last is stale."""
    linted = ls.linted.get(uri)
    if uri not in ls.open_drafts:
        return None
    if linted is None or linted.version != ls.workspace.get_text_document(uri).version:
        cancel(ls, uri)
        linted = await lint_now(ls, uri)
    return linted


# --- quick fixes -----------------------------------------------------------------


def overlaps(a: types.Range, b: types.Range) -> bool:
    """Ranges overlap or touch, so a bare cursor at a word's edge still counts."""

    def key(p: types.Position) -> Position:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def wants_quick_fixes(only: Sequence[str] | None) -> bool:
    if not only:
        return True
    kind = types.CodeActionKind.QuickFix.value
    return any(kind == k or kind.startswith(f"{k}.") or k == "" for k in only)


def quick_fix(ls: NewslintServer, uri: str, version: int | None, fix: Fix) -> types.CodeAction:
    edit = types.TextEdit(range=fix.diagnostic.range, new_text=fix.suggestion)
    caps = ls.client_capabilities
    if version is not None and get_capability(
        caps, "workspace.workspace_edit.document_changes", False
    ):
        # With the version, the client refuses the edit if the text moved on.
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        workspace_edit = types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=document, edits=[edit])]
        )
    else:
        workspace_edit = types.WorkspaceEdit(changes={uri: [edit]})
    return types.CodeAction(
        title=fix.title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[fix.diagnostic],
        edit=workspace_edit,
        is_preferred=fix.preferred,
    )


# --- the server --------------------------------------------------------------------


def build_server(options: Options, debounce: float = DEFAULT_DEBOUNCE_SECONDS) -> NewslintServer:
    server = NewslintServer(options, debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        document = params.text_document
        if is_draft(document.uri, document.language_id):
            ls.open_drafts.add(document.uri)
            schedule(ls, document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri in ls.open_drafts:
            schedule(ls, params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri in ls.open_drafts:
            # Saving is the moment to pick up an edited .newslint.yml or
            # rule pack: a fresh Linter reloads them (about 0.1 s).
            ls.linter = Linter(ls.options)
            ls.linted.clear()
            schedule(ls, params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in ls.open_drafts:
            ls.open_drafts.discard(uri)
            cancel(ls, uri)
            ls.linted.pop(uri, None)
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    async def code_action(
        ls: NewslintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        if not wants_quick_fixes(params.context.only):
            return None
        linted = await current_lint(ls, uri)
        if linted is None:
            return None
        return [
            quick_fix(ls, uri, linted.version, fix)
            for fix in linted.fixes
            if overlaps(fix.diagnostic.range, params.range)
        ]

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: NewslintServer, params: None) -> None:
        for uri in list(ls.pending):
            cancel(ls, uri)
        ls.lint_pool.shutdown(wait=False, cancel_futures=True)

    return server


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint lsp",
        description="Run the newslint language server on standard input and output.",
    )
    # Many editor clients add --stdio by habit; stdio is the only transport.
    parser.add_argument("--stdio", action="store_true", help="accepted and ignored")
    add_rule_options(parser)
    return parser


def _rule_list(values: list[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def main(args: Sequence[str]) -> int:
    ns = parser().parse_args(list(args))
    if ns.config and not os.path.isfile(ns.config):
        print(f"newslint: error: config file {ns.config!r} does not exist", file=sys.stderr)
        return exitcodes.USAGE_OR_CONFIG
    options = Options(ns.config, _rule_list(ns.select), _rule_list(ns.ignore))
    server = build_server(options)
    try:
        server.start_io()
    finally:
        server.lint_pool.shutdown(wait=False, cancel_futures=True)
    return exitcodes.CLEAN
