"""Attempts holding values pmquiz never writes (edited in SQLite, a damaged file): `stats`
counts the very attempts `history` shows and notes the rows it left out as `history` does
(SPEC 5), though stats reads its summaries and never the attempts themselves."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from helpers import run_cli
from pmquiz import paths
from pmquiz.damagedrows import from_scratch

ANSWERS = "以业务为基础，围绕用户需求做产品设计\n\n交互最重要\n\n用户\n\n数据驱动，用户价值\n\n"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMQUIZ_LANG", "en")


@pytest.fixture
def history(capsys: pytest.CaptureFixture[str]) -> Path:
    """A history of four attempts written by a practice session."""
    run = run_cli(["practice", "backoffice-pm-zh", "-n", "4", "--seed", "4"], capsys,
                  stdin=ANSWERS)
    assert run.exit_code == 0, run.stderr
    return paths.history_path()


def damage(db: Path, *statements: str) -> None:
    with sqlite3.connect(db) as conn:
        for sql in statements:
            conn.execute(sql)
    conn.close()


def test_stats_counts_what_history_shows_and_notes_the_damaged_rows(
        history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(history) as conn:
        kept_passed = conn.execute("SELECT passed FROM attempts WHERE rowid = 4").fetchone()[0]
    conn.close()
    damage(history, "UPDATE attempts SET time = 'garbage' WHERE rowid = 1",
           "UPDATE attempts SET points_hit = '{not json' WHERE rowid = 2",
           "UPDATE attempts SET score = 'abc' WHERE rowid = 3")

    shown = run_cli(["history", "--json"], capsys)
    assert shown.exit_code == 0
    assert len(json.loads(shown.stdout)) == 1
    assert f"note: {history}: left out 3 damaged row(s)" in shown.stderr

    run = run_cli(["stats", "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    stats = json.loads(run.stdout)
    assert stats["attempts"] == 1
    assert stats["pass_rate"] == float(kept_passed)
    assert sum(d["attempts"] for d in stats["daily"]) == 1
    assert sum(b["attempts"] for b in stats["by_bank"]) == 1
    assert f"note: {history}: left out 3 damaged row(s)" in run.stderr


def test_a_mended_row_counts_again(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(history) as conn:
        good = conn.execute("SELECT time FROM attempts WHERE rowid = 1").fetchone()[0]
    conn.close()
    damage(history, "UPDATE attempts SET time = 'garbage' WHERE rowid = 1")
    assert json.loads(run_cli(["stats", "--json"], capsys).stdout)["attempts"] == 3
    damage(history, f"UPDATE attempts SET time = '{good}' WHERE rowid = 1")
    run = run_cli(["stats", "--json"], capsys)
    assert json.loads(run.stdout)["attempts"] == 4
    assert "damaged" not in run.stderr


@pytest.mark.parametrize("sql", [
    "UPDATE attempts SET time = 'last tuesday'",
    "UPDATE attempts SET time = '2460000.5'",
    "UPDATE attempts SET time = '1969-12-31T00:00:00+00:00'",
    "UPDATE attempts SET time = 7",
    "UPDATE attempts SET score = 'high'",
    "UPDATE attempts SET score = 9e999",
    "UPDATE attempts SET seconds = 'slow'",
    "UPDATE attempts SET points_hit = '{\"a\": 1}'",
    "UPDATE attempts SET points_missed = '[1, 2]'",
    "UPDATE attempts SET points_missed = X'5b5d'",
    "UPDATE attempts SET answer = X'00'",
    "UPDATE attempts SET bank_id = X'61'",
])
def test_the_summary_lists_the_rows_history_leaves_out(
        history: Path, sql: str, capsys: pytest.CaptureFixture[str]) -> None:
    damage(history, sql + " WHERE rowid = 2")
    with sqlite3.connect(history) as conn:
        listed = [r[0] for r in conn.execute("SELECT attempt_id FROM damaged_attempts")]
        assert listed == from_scratch(conn) == [2]
    conn.close()
    assert len(json.loads(run_cli(["history", "--json"], capsys).stdout)) == 3
