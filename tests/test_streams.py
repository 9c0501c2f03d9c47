"""Closed, broken and ASCII-only standard streams (SPEC 5): never a traceback, and the
exit code a script can trust."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import run_cli

PASSING = ["grade", "backoffice-pm-zh/core-ability", "-a",
           "以业务为基础，围绕用户需求做产品设计"]
FAILING = ["grade", "backoffice-pm-zh/core-ability", "-a", "我觉得交互最重要"]


def env_for(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PMQUIZ_")}
    env.update(PMQUIZ_HOME=str(home), NO_COLOR="1", COLUMNS="100", **extra)
    return env


def into_closed_pipe(args: list[str], home: Path) -> subprocess.CompletedProcess[bytes]:
    """Run with stdout a pipe whose reader has already gone (`| head -1`, deterministic)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run([sys.executable, "-m", "pmquiz", *args], stdout=write,
                              stderr=subprocess.PIPE, env=env_for(home), timeout=60)
    finally:
        os.close(write)


def in_shell(redirect: str, args: list[str], home: Path, **extra: str
             ) -> subprocess.CompletedProcess[bytes]:
    script = f'exec "$@" {redirect}'
    return subprocess.run(["sh", "-c", script, "sh", sys.executable, "-m", "pmquiz", *args],
                          capture_output=True, env=env_for(home, **extra), timeout=60)


@pytest.mark.slow
@pytest.mark.parametrize(("args", "code"), [
    (PASSING, 0), (FAILING, 1), ([*PASSING, "--json"], 0), (["list"], 0), (["banks"], 0),
    (["export", "history"], 0),  # writes UTF-8 bytes to stdout.buffer
])
def test_a_broken_pipe_ends_quietly_with_the_commands_own_code(
        tmp_path: Path, args: list[str], code: int) -> None:
    run = into_closed_pipe(args, tmp_path / "home")
    assert run.returncode == code, run.stderr
    assert run.stderr == b""


@pytest.mark.slow
@pytest.mark.parametrize("args", [["list", "--bogus"], ["grade", "nope", "-a", "x"]])
def test_a_usage_error_with_stderr_closed_exits_2(tmp_path: Path, args: list[str]) -> None:
    assert in_shell("2>&-", args, tmp_path).returncode == 2


@pytest.mark.slow
def test_practice_with_stdout_closed_keeps_the_history_intact(tmp_path: Path) -> None:
    # With descriptor 1 closed, the database would be opened as descriptor 1 and every
    # line printed would be written into it.
    home = tmp_path / "home"
    run = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "pmquiz", "practice",
         "backoffice-pm-zh", "-n", "2", "--seed", "1"],
        input="理解业务流程\n\n懂业务\n\n".encode(), capture_output=True,
        env=env_for(home), timeout=60)
    assert run.returncode == 0, run.stderr
    assert b"Traceback" not in run.stderr
    with sqlite3.connect(home / "history.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 2


@pytest.mark.slow
def test_grade_with_stdin_closed_grades_an_empty_answer(tmp_path: Path) -> None:
    run = in_shell("<&-", ["grade", "backoffice-pm-zh/core-ability"], tmp_path)
    assert run.returncode == 1
    assert b"Traceback" not in run.stderr


@pytest.mark.slow
@pytest.mark.parametrize("extra", [{"PYTHONIOENCODING": "ascii"},
                                   {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}])
def test_an_output_encoding_without_chinese_shows_replacements(
        tmp_path: Path, extra: dict[str, str]) -> None:
    run = in_shell("", PASSING, tmp_path, **extra)
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    assert b"Traceback" not in run.stderr
    assert b"?" in run.stdout and b"100%" in run.stdout


@pytest.mark.parametrize("columns", ["abc", "-5", "0", "99999999999999999999"])
def test_odd_columns_fall_back_to_a_sensible_width(
        columns: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    for args in (["list"], ["history"], PASSING, ["stats"]):
        run = run_cli(args, capsys)
        assert run.exit_code == 0, (args, run.stderr)


def into_closed_pipe_both(args: list[str], home: Path) -> subprocess.CompletedProcess[bytes]:
    """Run with stdout and stderr one pipe whose reader has gone (`2>&1 | head -1`)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run([sys.executable, "-m", "pmquiz", *args], stdout=write,
                              stderr=write, env=env_for(home), timeout=60)
    finally:
        os.close(write)


@pytest.mark.slow
@pytest.mark.parametrize(("args", "code"), [
    (["grade", "nope", "-a", "x"], 2), (["schema", "--bogus"], 2), (["list", "no-bank"], 2),
    (["check", "{bad}"], 2), (FAILING, 1), (PASSING, 0),
])
def test_errors_into_a_broken_pipe_keep_the_commands_own_code(
        tmp_path: Path, args: list[str], code: int) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    run = into_closed_pipe_both([a.format(bad=bad) for a in args], tmp_path / "home")
    assert run.returncode == code
