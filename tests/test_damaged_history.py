"""Histories pmquiz did not write, or cannot write (SPEC 5): a note or exit 2 naming the
file, the file never changed, never a traceback."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from helpers import Run, run_cli
from pmquiz import paths

ANSWERS = "以业务为基础，围绕用户需求做产品设计\n\n交互最重要\n\n"


_TEMPLATE: list[bytes] = []


def practise(capsys: pytest.CaptureFixture[str], count: int, *options: str,
             stdin: str = ANSWERS) -> Run:
    """`count` questions of the built-in Chinese bank, the same ones every time."""
    return run_cli(["practice", "backoffice-pm-zh", "-n", str(count), "--seed", "4",
                    *options], capsys, stdin=stdin)


def stored_attempts(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        count: int = conn.execute("SELECT count(*) FROM attempts").fetchone()[0]
    conn.close()
    return count


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages asserted here are the English ones."""
    monkeypatch.setenv("PMQUIZ_LANG", "en")


@pytest.fixture
def history(capsys: pytest.CaptureFixture[str]) -> Path:
    """A real history of two attempts, written by a practice session (once; each test
    gets its own copy of that file)."""
    target = paths.history_path()
    if _TEMPLATE:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_TEMPLATE[0])
        return target
    run = practise(capsys, 2)
    assert run.exit_code == 0, run.stderr
    _TEMPLATE.append(target.read_bytes())
    return target


def damage(db: Path, sql: str) -> bytes:
    with sqlite3.connect(db) as conn:
        conn.execute(sql)
    conn.close()
    return db.read_bytes()


READERS = [["history"], ["history", "--json"], ["stats"], ["stats", "--json"],
           ["review", "--list"], ["review", "--list", "--json"]]


@pytest.mark.parametrize("sql", [
    "UPDATE attempts SET time = 'last tuesday' WHERE id = 1",
    "UPDATE attempts SET points_hit = '{not json' WHERE id = 1",
    "UPDATE attempts SET points_missed = '{not json' WHERE id = 1",
    "UPDATE attempts SET score = 'high' WHERE id = 1",
    "UPDATE cards SET due = 'soon' WHERE rowid = 1",
    "UPDATE cards SET state = 99",
    "UPDATE cards SET attempts = 'many' WHERE rowid = 1",
    "DROP TABLE cards",
])
def test_values_pmquiz_did_not_write_never_show_a_traceback(
        history: Path, sql: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = damage(history, sql)
    for args in READERS:
        run = run_cli(args, capsys)
        assert run.exit_code in (0, 2), (args, run.stderr)
        assert "Traceback" not in run.stderr and "unexpected" not in run.stderr, run.stderr
        if run.exit_code == 2 or "note:" in run.stderr:
            assert str(history) in run.stderr
        if "--json" in args and run.exit_code == 0:
            assert run.stdout.lstrip().startswith("[") or run.stdout.lstrip().startswith("{")
    assert history.read_bytes() == before


def test_a_damaged_attempt_is_left_out_of_history_with_a_note(
        history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damage(history, "UPDATE attempts SET time = 'last tuesday' WHERE id = 1")
    run = run_cli(["history", "--json"], capsys)
    assert run.exit_code == 0
    assert len(json.loads(run.stdout)) == 1
    assert f"note: {history}: left out 1 damaged row" in run.stderr


def test_a_missing_table_is_exit_2_naming_the_file(
        history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damage(history, "DROP TABLE cards")
    run = run_cli(["review", "--list"], capsys)
    assert run.exit_code == 2
    assert str(history) in run.stderr and "missing part of its schema" in run.stderr


def test_answering_a_question_whose_card_is_damaged_rebuilds_that_card(
        history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damage(history, "UPDATE cards SET state = 99")
    run = practise(capsys, 2)
    assert run.exit_code == 0, run.stderr
    assert stored_attempts(history) == 4
    with sqlite3.connect(history) as conn:
        assert {r[0] for r in conn.execute("SELECT state FROM cards")} <= {1, 2, 3}
        assert conn.execute("SELECT sum(attempts) FROM cards").fetchone()[0] == 4


def test_a_read_only_history_is_exit_2_naming_it(
        history: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Opened read-only the way SQLite opens a file it may not write (root ignores chmod).
    real_connect = sqlite3.connect

    def read_only(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        if database == str(history):
            return real_connect(f"file:{database}?mode=ro", *args, uri=True, **kwargs)  # type: ignore[arg-type]
        return real_connect(database, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", read_only)
    before = history.read_bytes()
    run = practise(capsys, 1, "--lang", "en")
    assert run.exit_code == 2, run.stderr
    assert str(history) in run.stderr and "cannot write" in run.stderr
    assert "Traceback" not in run.stderr
    # Reading still works.
    assert run_cli(["history"], capsys).exit_code == 0
    assert history.read_bytes() == before


@pytest.mark.parametrize("limit", [str(2**64), str(2**63)])
def test_a_limit_beyond_64_bits_shows_everything(
        history: Path, limit: str, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["history", "--limit", limit, "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    assert len(json.loads(run.stdout)) == 2


@pytest.mark.parametrize("now", ["0001-01-01T00:00:00", "9999-12-31T23:59:59",
                                 "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"])
def test_pmquiz_now_at_the_ends_of_the_calendar_is_one_line_exit_2(
        history: Path, now: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMQUIZ_NOW", now)
    for args in (["review", "--list"], ["stats"], ["review"]):
        run = run_cli(args, capsys, stdin="x\n\n")
        assert run.exit_code == 2, (args, run.stderr)
        assert "PMQUIZ_NOW" in run.stderr and "out of range" in run.stderr
        assert len(run.stderr.strip().splitlines()) <= 2


def test_a_full_disk_mid_transaction_is_exit_2_and_nothing_half_written(
        history: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The transaction starts, then its INSERT finds no room (SQLITE_FULL).
    real_connect = sqlite3.connect

    def no_room(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(database, *args, **kwargs)  # type: ignore[arg-type]
        if database == str(history):
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", no_room)
    big = "业务" * 20000 + "\n\n"
    run = practise(capsys, 1, stdin=big)
    assert run.exit_code == 2, run.stderr
    assert str(history) in run.stderr and "Traceback" not in run.stderr
    monkeypatch.setattr(sqlite3, "connect", real_connect)
    with real_connect(history) as conn:
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 2
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_failure_inside_an_attempts_transaction_is_exit_2_and_rolled_back(
        history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The attempt's INSERT works; the card hook's INSERT into review_log does not.
    damage(history, "DROP TABLE review_log")
    run = practise(capsys, 1)
    assert run.exit_code == 2, run.stderr
    assert str(history) in run.stderr and "Traceback" not in run.stderr
    assert "unexpected" not in run.stderr
    assert stored_attempts(history) == 2


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+00:00"])
def test_stored_times_at_the_ends_of_the_calendar_are_left_out_with_a_note(
        history: Path, moment: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    # East of UTC, year 9999's last second is in year 10000 locally: an overflow.
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        with sqlite3.connect(history) as conn:
            conn.execute("UPDATE attempts SET time = ?", (moment,))
            conn.execute("UPDATE cards SET due = ?, last_answered = ?", (moment, moment))
        before = history.read_bytes()
        for args in READERS:
            run = run_cli(args, capsys)
            assert run.exit_code == 0, (args, run.stderr)
            assert f"note: {history}" in run.stderr
        assert history.read_bytes() == before
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
