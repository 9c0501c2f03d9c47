"""`pmquiz practice` as a person (pseudo-terminal) and a script (pipe) would run it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from drillbank import write_drill_bank
from terminal import CTRL_D, ENTER, history_locked, ready, spawn, terminal_env


def start_practice(tmp_path: Path, *args: str, count: int = 3) -> tuple[pexpect.spawn, Path]:
    """`pmquiz practice` on a pseudo-terminal, on a drill bank of `count` questions and a
    fresh home; returns the session and its home."""
    bank = write_drill_bank(tmp_path, count)
    home = tmp_path / "home"
    return spawn(["practice", str(bank), *args], home), home


def summary_then_exit(child: pexpect.spawn, *then: str) -> int | None:
    """Wait for the session's summary (and the texts `then` after it) and the end of the
    program; its exit status."""
    child.expect("本次小结")
    for text in then:
        child.expect(text)
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def env_for(home: Path, **extra: str) -> dict[str, str]:
    return terminal_env(home, **extra)


def attempts(home: Path) -> list[tuple[str, str, int]]:
    db = home / "history.sqlite3"
    with sqlite3.connect(db) as conn:
        return [(r[0], r[1], r[2]) for r in conn.execute(
            "SELECT question_id, answer, passed FROM attempts ORDER BY id")]


@pytest.mark.slow
def test_terminal_session_answer_hint_skip_quit(tmp_path: Path) -> None:
    child, home = start_practice(tmp_path, "--seed", "1")
    child.expect("第 1 / 3 题")
    ready(child)
    child.send(":hint" + ENTER)
    child.expect("想想面试官的回应")
    ready(child)
    child.send("我觉得最重要的是" + ENTER + "理解业务，再做设计" + ENTER + ENTER)
    child.expect("通过")
    # The matched term is highlighted (underlined) in the echoed answer.
    child.expect("\x1b\\[[0-9;]*4[0-9;]*m理解业务")
    child.expect("回车继续")
    child.send(ENTER)
    child.expect("第 2 / 3 题")
    ready(child)
    child.send(":skip" + ENTER)
    child.expect("已跳过")
    child.expect("第 3 / 3 题")
    ready(child)
    child.send("：quit" + ENTER)  # full-width colon, as a Chinese IME types it
    assert summary_then_exit(child) == 0
    stored = attempts(home)
    assert len(stored) == 1
    assert stored[0][1] == "我觉得最重要的是\n理解业务，再做设计"
    assert stored[0][2] == 1


@pytest.mark.slow
def test_overrule_is_stored(tmp_path: Path) -> None:
    child, home = start_practice(tmp_path, count=1)
    ready(child)
    child.send("交互最重要" + ENTER + ENTER)
    child.expect("未通过")
    child.expect("回车继续")
    child.send(":pass" + ENTER)
    child.expect("已改判为通过")
    ready(child)
    child.send(ENTER)
    child.expect_exact("* 已改判（:pass / :fail）")  # the summary's legend for the mark
    child.expect(pexpect.EOF)
    with sqlite3.connect(home / "history.sqlite3") as conn:
        row = conn.execute("SELECT passed, graded_passed, overruled FROM attempts").fetchone()
    assert row == (1, 0, 1)


@pytest.mark.slow
def test_sigkill_after_feedback_keeps_the_attempt(tmp_path: Path) -> None:
    child, home = start_practice(tmp_path)
    ready(child)
    child.send("洞察业务最重要" + CTRL_D)
    child.expect("参考答案")
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    assert [a[1] for a in attempts(home)] == ["洞察业务最重要"]


@pytest.mark.slow
def test_ctrl_c_shows_summary_and_exits_130(tmp_path: Path) -> None:
    child, home = start_practice(tmp_path)
    ready(child)
    child.send("理解业务" + ENTER + ENTER)
    child.expect("回车继续")
    child.send(ENTER)
    child.expect("第 2 / 3 题")
    ready(child)
    child.sendintr()
    assert summary_then_exit(child) == 130
    assert len(attempts(home)) == 1


@pytest.mark.slow
def test_ctrl_d_on_empty_answer_quits(tmp_path: Path) -> None:
    child, home = start_practice(tmp_path)
    ready(child)
    child.send(CTRL_D)
    # No mean score for a session without answers.
    assert summary_then_exit(child, "还没有作答就结束了") == 0
    assert attempts(home) == []


def run_piped(args: list[str], home: Path, text: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pmquiz", *args], input=text,
                          capture_output=True, text=True, env=env_for(home), timeout=60,
                          encoding="utf-8")


def test_piped_session_stores_every_answer_in_seed_order(tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path, count=5)
    first = run_piped(["practice", str(bank), "--count", "2", "--seed", "1"],
                      tmp_path / "a", "答案一\n\n答案二\n\n")
    assert first.returncode == 0, first.stderr
    stored = attempts(tmp_path / "a")
    assert [a[1] for a in stored] == ["答案一", "答案二"]
    second = run_piped(["practice", str(bank), "--count", "2", "--seed", "1"],
                       tmp_path / "b", "\n\n答案一\n\n\n答案二\n")
    assert second.returncode == 0, second.stderr
    assert [a[0] for a in attempts(tmp_path / "b")] == [a[0] for a in stored]
    # Plain output off a terminal: no colour codes, no box drawing.
    assert "\x1b[" not in first.stdout
    assert "╭" not in first.stdout


def test_end_of_input_submits_pending_answer(tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path, count=3)
    run = run_piped(["practice", str(bank)], tmp_path / "h", "第一行\n第二行")
    assert run.returncode == 0, run.stderr
    assert [a[1] for a in attempts(tmp_path / "h")] == ["第一行\n第二行"]


def test_piped_skip_and_invalid_utf8(tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path, count=3)
    home = tmp_path / "h"
    proc = subprocess.run(
        [sys.executable, "-m", "pmquiz", "practice", str(bank)],
        input=b":skip\n\n\xff\xfe" + "理解业务\n\n".encode(),
        capture_output=True, env=env_for(home), timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    stored = attempts(home)
    assert len(stored) == 1
    assert stored[0][1].endswith("理解业务") and stored[0][2] == 1


def test_two_concurrent_sessions_keep_every_attempt(tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path, count=12)
    home = tmp_path / "shared"
    answers = "".join(f"理解业务 {i}\n\n" for i in range(12))
    procs = [
        subprocess.Popen([sys.executable, "-m", "pmquiz", "practice", str(bank), "--count",
                          "12", "--seed", str(seed)], stdin=subprocess.PIPE,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env_for(home))
        for seed in (1, 2)
    ]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write(answers.encode())
        proc.stdin.close()
    for proc in procs:
        assert proc.wait(timeout=90) == 0, proc.stderr.read() if proc.stderr else ""
    assert len(attempts(home)) == 24


@pytest.mark.parametrize("command", [["practice"], ["history"]])
def test_corrupt_database_is_refused_and_untouched(tmp_path: Path, command: list[str]) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = home / "history.sqlite3"
    garbage = os.urandom(8192)
    db.write_bytes(garbage)
    run = run_piped([*command], home, "理解业务\n\n")
    assert run.returncode == 2
    assert str(db) in run.stderr
    assert "Traceback" not in run.stderr
    assert db.read_bytes() == garbage
    # No journal or WAL files were created beside it either.
    assert sorted(p.name for p in home.iterdir() if p.name.startswith("history")) == [
        "history.sqlite3"]


@pytest.mark.parametrize("command", [["practice"], ["history"]])
def test_newer_schema_is_refused_and_untouched(tmp_path: Path, command: list[str]) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = home / "history.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE future (x)")
        conn.execute("PRAGMA user_version = 999")
    before = db.read_bytes()
    run = run_piped([*command, "--lang", "en"], home, "理解业务\n\n")
    assert run.returncode == 2
    assert "newer pmquiz" in run.stderr and str(db) in run.stderr
    assert db.read_bytes() == before


def test_locked_database_waits_then_exits_2(tmp_path: Path) -> None:
    home = tmp_path / "home"
    bank = write_drill_bank(tmp_path, count=1)
    first = run_piped(["practice", str(bank)], home, "理解业务\n\n")
    assert first.returncode == 0, first.stderr
    with history_locked(home):
        proc = subprocess.run(
            [sys.executable, "-m", "pmquiz", "practice", str(bank), "--lang", "en"],
            input="理解业务\n\n",
            capture_output=True, text=True, timeout=60,
            env=env_for(home, PMQUIZ_BUSY_TIMEOUT="0.5"),
        )
    assert proc.returncode == 2
    assert "locked by another process" in proc.stderr


def test_history_json_newest_first(tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path, count=3)
    home = tmp_path / "home"
    run_piped(["practice", str(bank), "--count", "2"], home, "理解业务\n\n不知道\n\n")
    result = run_piped(["history", "--json"], home, "")
    assert result.returncode == 0, result.stderr
    import json

    rows = json.loads(result.stdout)
    assert [r["answer"] for r in rows] == ["不知道", "理解业务"]
    assert set(rows[0]) == {"time", "ref", "score", "passed", "answer", "seconds"}
    assert rows[0]["time"].endswith("+00:00")


def test_english_ui_by_lang_option(tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path, count=1)
    run = run_piped(["practice", str(bank), "--lang", "en"], tmp_path / "h", "理解业务\n\n")
    assert run.returncode == 0, run.stderr
    assert "Question 1 of 1" in run.stdout and "PASS" in run.stdout


def test_control_characters_in_answer_are_shown_harmlessly(tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path, count=1)
    run = run_piped(["practice", str(bank)], tmp_path / "h", "\x01理解\x1b[31m业务\n\n")
    assert run.returncode == 0, run.stderr
    assert "\x1b[31m" not in run.stdout  # a pasted escape sequence is not replayed
    assert "␛[31m" in run.stdout
    assert attempts(tmp_path / "h")[0][1] == "\x01理解\x1b[31m业务"  # stored as typed


def test_spec_example_runs_a_whole_session_on_the_built_in_banks(tmp_path: Path) -> None:
    """SPEC 6's own example. With seed 1 it draws two true/false questions, whose answers
    here say nothing: a pipe is never asked again, so both are graded and stored."""
    run = run_piped(["practice", "--count", "2", "--seed", "1"], tmp_path / "h",
                    "答案一\n\n答案二\n\n")
    assert run.returncode == 0, run.stderr
    assert [a[1] for a in attempts(tmp_path / "h")] == ["答案一", "答案二"]
    assert "答题 2 · 通过 0" in run.stdout
