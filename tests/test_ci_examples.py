"""examples/ci: valid YAML whose newslint commands parse and whose scripts exist."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from newslint.commands.lint import lint_parser
from newslint.reporters import reporters
from tests.conftest import ROOT, house_config

CI = ROOT / "examples" / "ci"
# Where the workflows check out newslint's own repository.
CHECKOUT = ".newslint/"
SHELL_OPERATORS = {"|", "||", "&&", ";", ">", ">>", "<", "&", "(", ")"}


def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((CI / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def github_scripts(workflow: dict[str, Any]) -> Iterator[str]:
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "run" in step:
                yield step["run"]


def gitlab_scripts(pipeline: dict[str, Any]) -> Iterator[str]:
    for job in pipeline.values():
        if isinstance(job, dict):
            for key in ("before_script", "script", "after_script"):
                yield from job.get(key, [])


def commands(script: str) -> Iterator[list[str]]:
    """Each shell command line's words, continuation lines joined."""
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words = list(lexer)
        if words:
            yield words


def newslint_calls(scripts: list[str]) -> list[list[str]]:
    """The arguments of every ``newslint`` call, up to the next shell operator."""
    calls = []
    for script in scripts:
        for words in commands(script):
            for at, word in enumerate(words):
                if word != "newslint":
                    continue
                args = []
                for arg in words[at + 1 :]:
                    if arg in SHELL_OPERATORS:
                        break
                    args.append(arg)
                calls.append(args)
    return calls


def script_paths(scripts: list[str]) -> list[str]:
    found = []
    for script in scripts:
        found += re.findall(r"(?<![\w/])((?:\.newslint/)?scripts/[\w.-]+)", script)
    return found


WORKFLOWS = {
    "github-newslint.yml": github_scripts,
    "gitlab-newslint.yml": gitlab_scripts,
}


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_every_newslint_command_parses(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    scripts = list(WORKFLOWS[name](load(name)))
    calls = newslint_calls(scripts)
    assert len(calls) >= 2, f"{name} should lint the changed lines and write SARIF"
    for args in calls:
        try:
            ns = lint_parser().parse_args(args)
        except SystemExit:
            pytest.fail(f"{name}: newslint {' '.join(args)}: {capsys.readouterr().err}")
        assert ns.format in reporters(), f"{name}: unknown format {ns.format!r}"
    diff_calls = [a for a in calls if "--diff" in a]
    assert diff_calls, f"{name} never uses --diff"


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_every_script_the_workflow_runs_exists(name: str) -> None:
    paths = script_paths(list(WORKFLOWS[name](load(name))))
    assert paths, f"{name} should fetch LanguageTool with the repository's script"
    for path in paths:
        local = ROOT / path.removeprefix(CHECKOUT)
        assert local.is_file(), f"{name} runs {path}, which is not in the repository"
        assert local.stat().st_mode & 0o111, f"{path} is not executable"


def test_github_workflow_caches_the_languagetool_version_the_script_fetches() -> None:
    workflow = load("github-newslint.yml")
    fetched = re.search(
        r'LT_VERSION="([^"]+)"', (ROOT / "scripts" / "fetch-languagetool").read_text()
    )
    assert fetched is not None
    assert workflow["env"]["LANGUAGETOOL_VERSION"] == fetched.group(1)
    caches = [
        step["with"]["path"]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if str(step.get("uses", "")).startswith("actions/cache@")
    ]
    assert caches == ["~/.cache/newslint/languagetool-${{ env.LANGUAGETOOL_VERSION }}"] * 2


def test_github_workflow_checks_out_history_and_uploads_sarif() -> None:
    workflow = load("github-newslint.yml")
    changed = workflow["jobs"]["changed-lines"]["steps"]
    assert changed[0]["uses"].startswith("actions/checkout@")
    assert changed[0]["with"]["fetch-depth"] == 0
    uploads = [
        step
        for step in workflow["jobs"]["code-scanning"]["steps"]
        if str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif@")
    ]
    assert [u["with"]["sarif_file"] for u in uploads] == ["newslint.sarif"]
    assert workflow["jobs"]["code-scanning"]["permissions"]["security-events"] == "write"


def test_gitlab_job_keeps_history_and_caches_the_jars() -> None:
    job = load("gitlab-newslint.yml")["newslint"]
    assert job["variables"]["GIT_DEPTH"] == "0"
    cached = [path for cache in job["cache"] for path in cache["paths"]]
    assert ".cache/newslint/languagetool-$LANGUAGETOOL_VERSION" in cached
    assert ".cache/pip" in cached


def test_the_github_lint_step_keeps_exit_2_apart_from_findings(tmp_path: Path) -> None:
    """Run the changed-lines step's script for real, as GitHub runs it (bash -eo pipefail)."""
    step = next(
        s for s in load("github-newslint.yml")["jobs"]["changed-lines"]["steps"]
        if s.get("name") == "Lint the changed drafts"
    )  # fmt: skip
    repo = tmp_path / "newsroom"
    repo.mkdir()
    config = "rules: {spelling: off, grammar: off, typography: off, style.languagetool: off}\n"
    (repo / ".newslint.yml").write_text(config, encoding="utf-8")
    (repo / "draft.md").write_text("# Vote\n\nThe council met, the clerk said.\n")
    house_config(repo)  # this newsroom keeps a house list of names (Qaddafi → Gaddafi)
    git = ["git", "-c", "user.email=desk@example.com", "-c", "user.name=Desk"]
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-qm", "base"]):
        subprocess.run([*git, *args], cwd=repo, check=True)
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        "BASE": "main",
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }

    def run_step() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=repo, env=env, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip

    assert run_step().stdout == "No drafts changed.\n"
    (repo / "draft.md").write_text("# Vote\n\nQaddafi's council met, the clerk said.\n")
    done = run_step()
    assert done.returncode == 1, done.stderr  # findings, not xargs's 123
    assert "::error file=draft.md,line=3,col=1," in done.stdout
    assert summary.read_text(encoding="utf-8").startswith("## newslint: 1 finding (1 error)")
    assert "“Qaddafi” is not the house spelling" in (repo / "newslint-report.html").read_text()
    (repo / ".newslint.yml").write_text("fail_on: sometimes\n", encoding="utf-8")
    done = run_step()
    assert done.returncode == 2, done.stderr  # a broken config is not findings
    assert ".newslint.yml:1: error: config: unknown severity 'sometimes'" in done.stderr
