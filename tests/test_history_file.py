"""The history is one file (SPEC 2): once feedback is shown, the attempt is in
history.sqlite3 itself, whatever happens to the process afterwards."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

VERDICT = re.compile(r"^(PASS|FAIL) .*\d+%", re.MULTILINE)
BANK = "backoffice-pm-en"


class PipedSession:
    """One `pmquiz practice` fed an answer at a time through a pipe, its output collected."""

    def __init__(self, home: Path, tag: str) -> None:
        env = {**os.environ, "PMQUIZ_HOME": str(home), "COLUMNS": "100", "NO_COLOR": "1",
               "PMQUIZ_BUSY_TIMEOUT": "10"}
        self.tag = tag
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pmquiz", "practice", BANK, "-n", "0", "--lang", "en"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env)
        self.output = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for chunk in iter(lambda: self.proc.stdout.read1(65536), b""):  # type: ignore[union-attr]
            self.output += chunk

    def feed(self, count: int) -> None:
        """Answer up to `count` questions, a little apart; stops quietly once killed."""
        assert self.proc.stdin is not None
        try:
            for i in range(count):
                self.proc.stdin.write(f"{self.tag} answer {i}: business process\n\n".encode())
                self.proc.stdin.flush()
                time.sleep(0.02)
        except (BrokenPipeError, OSError):
            pass

    def seen(self) -> int:
        return len(VERDICT.findall(self.output.decode("utf-8", "replace")))

    def kill_after(self, feedbacks: int, delay: float) -> None:
        """SIGKILL once `feedbacks` feedbacks were shown (or it ended), `delay` s later."""
        deadline = time.monotonic() + 30
        while (self.seen() < feedbacks and self.proc.poll() is None
               and time.monotonic() < deadline):
            time.sleep(0.005)
        time.sleep(delay)
        self.proc.send_signal(signal.SIGKILL)

    def shown(self) -> int:
        """How many feedbacks the user has seen."""
        self._reader.join(timeout=10)
        return len(VERDICT.findall(self.output.decode("utf-8", "replace")))


def answers_in(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT answer FROM attempts ORDER BY id")]


def copy_main_file(home: Path, tmp_path: Path) -> Path:
    """What a user who moves history.sqlite3 (as the README says) takes with them."""
    target = tmp_path / "moved" / "history.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(home / "history.sqlite3", target)
    return target


@pytest.mark.slow
def test_an_attempt_shown_and_then_killed_is_in_the_main_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    session = PipedSession(home, "S0")
    session.feed(2)
    deadline = time.monotonic() + 20
    while session.seen() < 2:
        assert time.monotonic() < deadline, session.output
        time.sleep(0.02)
    session.proc.send_signal(signal.SIGKILL)
    session.proc.wait()
    shown = session.shown()
    moved = copy_main_file(home, tmp_path)
    kept = answers_in(moved)
    assert [a.split(":")[0] for a in kept[:shown]] == [f"S0 answer {i}" for i in range(shown)]
    # And nothing is left beside it for the user to forget.
    assert sorted(p.name for p in home.iterdir() if p.name.startswith("history")) == [
        "history.sqlite3"]


@pytest.mark.slow
@pytest.mark.parametrize("sessions", [2, 4, 8])
def test_concurrent_sessions_killed_at_random_moments_lose_nothing_shown(
        tmp_path: Path, sessions: int) -> None:
    home = tmp_path / "home"
    rng = random.Random(sessions)
    # One session first, so the others never race to create the database.
    first = PipedSession(home, "warm")
    first.feed(1)
    assert first.proc.stdin is not None
    first.proc.stdin.close()
    first.proc.wait(timeout=30)
    running = [PipedSession(home, f"S{k}") for k in range(sessions)]
    # Each is killed at a random moment: after a random number of feedbacks, a random
    # few milliseconds later (mid-feedback, mid-grading or mid-commit of the next one).
    plans = [(rng.randint(0, 5), rng.uniform(0.0, 0.06)) for _ in running]
    threads = [threading.Thread(target=s.feed, args=(12,)) for s in running]
    threads += [threading.Thread(target=s.kill_after, args=plan)
                for s, plan in zip(running, plans, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for session in running:
        session.proc.wait(timeout=30)
    kept = [a.split(":")[0] for a in answers_in(copy_main_file(home, tmp_path))]
    assert sum(session.shown() for session in running) > 0  # feedback was shown and killed
    for session in running:
        shown = session.shown()
        mine = [a for a in kept if a.startswith(f"{session.tag} ")]
        assert mine[:shown] == [f"{session.tag} answer {i}" for i in range(shown)], (
            session.tag, shown, mine)


def test_an_older_wal_history_is_made_one_file_again(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from helpers import run_cli
    from pmquiz import paths

    # A history an earlier pmquiz left in WAL mode, switched back when opened alone...
    assert run_cli(["practice", BANK, "-n", "1"], capsys, stdin="业务\n\n").exit_code == 0
    db = paths.history_path()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    before = db.read_bytes()
    assert run_cli(["history"], capsys).exit_code == 0  # only reading: left as it is
    assert db.read_bytes() == before
    assert run_cli(["practice", BANK, "-n", "1"], capsys, stdin="流程\n\n").exit_code == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    # ...and while another process keeps it open in WAL mode, each attempt is
    # checkpointed into the main file before its feedback.
    other = sqlite3.connect(db)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("SELECT count(*) FROM attempts").fetchone()
    assert run_cli(["practice", BANK, "-n", "1"], capsys, stdin="用户\n\n").exit_code == 0
    moved = copy_main_file(db.parent, tmp_path)
    assert answers_in(moved)[-1] == "用户"
    other.close()


@pytest.mark.slow
@pytest.mark.parametrize("sessions", [8])
def test_concurrent_piped_sessions_to_the_end_keep_every_attempt(
        tmp_path: Path, sessions: int) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "PMQUIZ_HOME": str(home), "NO_COLOR": "1"}
    procs = [subprocess.Popen(
        [sys.executable, "-m", "pmquiz", "practice", BANK, "-n", "6", "--seed", str(k)],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        for k in range(sessions)]
    for k, proc in enumerate(procs):
        assert proc.stdin is not None
        proc.stdin.write("".join(f"S{k} answer {i}: business\n\n" for i in range(6)).encode())
        proc.stdin.close()
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    kept = answers_in(home / "history.sqlite3")
    assert len(kept) == 6 * sessions
    assert sorted(a.split(":")[0] for a in kept) == sorted(
        f"S{k} answer {i}" for k in range(sessions) for i in range(6))
