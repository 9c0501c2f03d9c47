"""The most-missed points summary stays equal to counting the attempts themselves.

`pmquiz stats` reads `missed_points` (kept by triggers) instead of opening every
attempt's JSON (SPEC 9: stats at a million attempts); these tests drive the ways
attempts are written and changed and compare the summary with a from-scratch count.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from helpers import run_cli
from pmquiz import missedpoints, paths, scheduling
from pmquiz.store import MIGRATIONS, History

BANK = """\
id: mp
title: 漏点统计
language: zh
questions:
  - id: core
    type: open
    prompt: 后台产品经理最重要的能力是什么？
    rubric:
      points:
        - {id: business, label: 洞察业务, any: [业务]}
        - {id: loop, label: 业务闭环, any: [闭环]}
        - {id: safety, label: 系统安全, any: [安全]}
  - id: why
    type: open
    prompt: Why does a back-office product matter?
    rubric:
      points:
        - {id: efficiency, label: Efficiency, any: [efficiency, efficient]}
        - {id: security, label: Security, any: [security, secure]}
"""


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "mp.yaml").write_text(BANK, encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(folder))
    return folder


def _counts() -> tuple[list[tuple[str, str, str, int]], list[tuple[str, str, str, int]]]:
    conn = sqlite3.connect(paths.history_path())
    try:
        return (sorted(missedpoints.counts(conn)),
                sorted(missedpoints.counts_from_scratch(conn)))
    finally:
        conn.close()


def test_summary_follows_practice_overrule_review_and_import(
        bank: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Either question may come first: each answer covers one point of both.
    answers = ["理解业务最重要, and it keeps the team efficient."] * 2
    run = run_cli(["practice", "mp", "--count", "0", "--seed", "1"], capsys,
                  stdin="".join(f"{a}\n\n" for a in answers))
    assert run.exit_code == 0, run.stderr
    kept, counted = _counts()
    assert kept == counted and len(kept) == 3

    history = scheduling.attach(History.open(paths.history_path()))
    try:
        latest = history.recent(1)[0]
        history.overrule(latest, not latest.passed)
    finally:
        history.close()
    assert _counts()[0] == _counts()[1] == kept  # a verdict changed, not the points

    run = run_cli(["review", "--count", "0"], capsys,
                  stdin="系统安全要考虑, security first.\n\n" * 2)
    assert run.exit_code == 0, run.stderr
    kept, counted = _counts()
    assert kept == counted
    missed = {(q, p): n for _, q, p, n in kept}
    # Review asked at least the question still failed, and its answer missed new points.
    assert sum(missed.values()) > 3
    doc = json.loads(run_cli(["stats", "--json"], capsys).stdout)
    shown = {(m["ref"], m["point"]): m["missed"] for m in doc["most_missed_points"]}
    assert shown == {(f"mp/{q}", p): n for (q, p), n in missed.items()}

    # Another machine's history, imported here: its counts add to these (twice: no change).
    exported = run_cli(["export", "history"], capsys).stdout
    monkeypatch.setenv("PMQUIZ_HOME", str(tmp_path / "laptop"))
    run = run_cli(["practice", "mp", "--count", "0", "--seed", "2"], capsys,
                  stdin="后台要安全, and secure.\n\n" * 2)
    assert run.exit_code == 0, run.stderr
    for _ in range(2):
        run = run_cli(["import", "-"], capsys, stdin=exported)
        assert run.exit_code == 0, run.stderr
        merged, counted = _counts()
        assert merged == counted
    merged_missed = {(q, p): n for _, q, p, n in merged}
    assert merged_missed[("core", "loop")] == missed[("core", "loop")] + 1


def test_migration_counts_the_attempts_already_stored(bank: Path) -> None:
    """A history from before the summary gets it filled from its attempts on opening."""
    path = paths.history_path()
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path)
    before = [name for name, _ in MIGRATIONS].index("m005_missed_points")
    for _, migration in MIGRATIONS[:before]:
        migration(conn)
    conn.execute(f"PRAGMA user_version = {before}")
    rows = [(f"2025-03-0{day}T10:00:00+00:00", "mp", "core", missed)
            for day, missed in ((1, '["loop", "safety"]'), (2, '["loop"]'), (3, "[]"))]
    conn.executemany(
        "INSERT INTO attempts (time, bank_id, question_id, question_hash, answer, score, "
        "passed, graded_passed, points_hit, points_missed, seconds) "
        "VALUES (?, ?, ?, 'h', '答', 0.3, 0, 0, '[]', ?, 5)", rows)
    conn.commit()
    conn.close()

    History.open(path).close()
    kept, counted = _counts()
    assert kept == counted == [("mp", "core", "loop", 2), ("mp", "core", "safety", 1)]


def test_deleting_or_correcting_an_attempt_moves_the_counts(bank: Path) -> None:
    history = History.open(paths.history_path())
    conn = history.conn
    for missed in ('["loop", "safety"]', '["loop"]'):
        conn.execute(
            "INSERT INTO attempts (time, bank_id, question_id, question_hash, answer, score, "
            "passed, graded_passed, points_hit, points_missed, seconds) VALUES "
            "('2025-03-01T10:00:00+00:00', 'mp', 'core', 'h', '答', 0, 0, 0, '[]', ?, 5)",
            (missed,))
    conn.execute("UPDATE attempts SET points_missed = '[\"business\"]' WHERE id = 2")
    assert _counts()[0] == _counts()[1] == [
        ("mp", "core", "business", 1), ("mp", "core", "loop", 1), ("mp", "core", "safety", 1)]
    conn.execute("DELETE FROM attempts WHERE id = 1")
    assert _counts()[0] == _counts()[1] == [("mp", "core", "business", 1)]
    history.close()
