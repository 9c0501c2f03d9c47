"""The `pmquiz-check` pre-commit hook, run for real: `pre-commit try-repo` of this
repository on a temporary bank repository. pre-commit builds its own virtual environment
and installs pmquiz into it from a git commit (about 10 s on a 2-core machine)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from helpers import run_cli


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def test_hook_definition() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "pmquiz-check"
    assert hook["entry"] == "pmquiz check --strict"
    assert hook["language"] == "python"


@pytest.mark.slow
def test_try_repo_passes_a_good_bank_and_fails_a_broken_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    banks = tmp_path / "banks-repo"
    (banks / "questions").mkdir(parents=True)
    good = banks / "questions" / "good.yaml"
    assert run_cli(["new", str(good), "--lang", "zh"], capsys).exit_code == 0
    (banks / ".github").mkdir()
    (banks / ".github" / "ci.yml").write_text("on: push\n", encoding="utf-8")  # no bank
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PMQUIZ_", "GIT_"))}
    env.update({
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "PMQUIZ_HOME": str(tmp_path / "home"),
        "GIT_AUTHOR_NAME": "Bank Author", "GIT_AUTHOR_EMAIL": "author@example.com",
        "GIT_COMMITTER_NAME": "Bank Author", "GIT_COMMITTER_EMAIL": "author@example.com",
    })
    git(banks, "init", "-q")
    git(banks, "add", ".")

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "pmquiz-check",
             "--all-files"],
            cwd=banks, env=env, capture_output=True, text=True, timeout=300)

    passing = try_repo()
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "pmquiz check --strict" in passing.stdout and "Passed" in passing.stdout

    broken = banks / "questions" / "broken.yaml"
    broken.write_text(good.read_text(encoding="utf-8").replace("type: open ", "type: essay"),
                      encoding="utf-8")
    git(banks, "add", ".")
    failing = try_repo()
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout
    assert ("questions/broken.yaml:16: questions[0].type: 'essay' is not one of open, "
            "choice, truefalse") in failing.stdout
