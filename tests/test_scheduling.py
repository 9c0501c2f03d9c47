"""FSRS cards: ratings, the hooks on History, overrules, the m002 migration and schema."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pmquiz import scheduling
from pmquiz.errors import UsageError
from pmquiz.model import Question, Rubric
from pmquiz.store import History, _m001_initial

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def _question(qid: str = "q1", bank: str = "demo") -> Question:
    return Question(bank_id=bank, id=qid, type="open", prompt="为什么？", rubric=Rubric())


def _history(tmp_path: Path) -> History:
    return scheduling.attach(History.open(tmp_path / "h.sqlite3"))


def _record(history: History, q: Question, passed: bool, score: float, when: datetime,
            ) -> object:
    return history.record_attempt(question=q, answer="答", score=score, passed=passed,
                                  points_hit=[], points_missed=[], seconds=1.0, when=when)


def _card(history: History, ref: str = "demo/q1") -> tuple[object, ...]:
    bank, qid = ref.split("/")
    rows = history.query(
        "SELECT state, step, stability, difficulty, due, last_review, last_passed, "
        "attempts, failures FROM cards WHERE bank_id = ? AND question_id = ?", (bank, qid))
    return tuple(rows[0])


@pytest.mark.parametrize(("passed", "score", "rating"), [
    (False, 1.0, scheduling.AGAIN), (False, 0.0, scheduling.AGAIN),
    (True, 0.6, scheduling.HARD), (True, 0.79, scheduling.HARD),
    (True, 0.8, scheduling.GOOD), (True, 0.99, scheduling.GOOD), (True, 1.0, scheduling.EASY),
])
def test_rating_from_grade(passed: bool, score: float, rating: int) -> None:
    assert scheduling.rating_for(passed, score) == rating


def test_card_id_is_stable_and_fits_sqlite() -> None:
    first = scheduling.card_id("backoffice-pm-zh/core-ability")
    assert first == scheduling.card_id("backoffice-pm-zh/core-ability")
    assert first != scheduling.card_id("backoffice-pm-en/core-ability")
    assert 0 <= first < 2**63


def test_now_honours_pmquiz_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMQUIZ_NOW", "2025-03-01T17:00:00+08:00")
    assert scheduling.now() == T0
    monkeypatch.setenv("PMQUIZ_NOW", "2025-03-01T09:00:00")  # naive: UTC
    assert scheduling.now() == T0
    monkeypatch.setenv("PMQUIZ_NOW", "yesterday")
    with pytest.raises(UsageError, match="PMQUIZ_NOW"):
        scheduling.now()


def test_attempt_updates_card_in_its_transaction(tmp_path: Path) -> None:
    history = _history(tmp_path)
    q = _question()
    _record(history, q, passed=True, score=0.9, when=T0)
    expected = scheduling.review("demo/q1", None, scheduling.GOOD, T0)
    assert _card(history)[:6] == expected
    assert _card(history)[6:] == (1, 1, 0)
    assert datetime.fromisoformat(expected[4]) > T0 + timedelta(days=1)  # due later, not now

    def broken(conn: sqlite3.Connection, attempt: object) -> None:
        raise RuntimeError("boom")

    history.on_attempt.append(broken)
    with pytest.raises(RuntimeError):
        _record(history, q, passed=False, score=0.0, when=T0 + timedelta(days=3))
    # The failed hook rolled back the attempt, its card update and its log together.
    assert history.query("SELECT count(*) FROM attempts")[0][0] == 1
    assert history.query("SELECT count(*) FROM review_log")[0][0] == 1
    assert _card(history)[6:] == (1, 1, 0)


def test_overrule_recomputes_card_from_state_before_attempt(tmp_path: Path) -> None:
    history = _history(tmp_path)
    q = _question()
    _record(history, q, passed=True, score=1.0, when=T0)
    before = _card(history)[:6]
    later = T0 + timedelta(days=9)
    attempt = _record(history, q, passed=False, score=0.2, when=later)
    assert _card(history)[6:] == (0, 2, 1)

    history.overrule(attempt, True)  # type: ignore[arg-type]
    good = scheduling.review("demo/q1", before, scheduling.GOOD, later)  # type: ignore[arg-type]
    assert _card(history)[:6] == good
    assert _card(history)[6:] == (1, 2, 0)
    assert history.query("SELECT rating FROM review_log ORDER BY attempt_id")[-1][0] == 3

    # Overruled back to the grader's verdict: the grader's own rating again.
    history.overrule(attempt, False)  # type: ignore[arg-type]
    again = scheduling.review("demo/q1", before, scheduling.AGAIN, later)  # type: ignore[arg-type]
    assert _card(history)[:6] == again
    assert _card(history)[6:] == (0, 2, 1)


def test_overrule_of_an_earlier_attempt_replays_later_ones(tmp_path: Path) -> None:
    history = _history(tmp_path)
    q = _question()
    first = _record(history, q, passed=False, score=0.3, when=T0)
    _record(history, q, passed=True, score=0.85, when=T0 + timedelta(days=2))
    history.overrule(first, True)  # type: ignore[arg-type]
    card = scheduling.review("demo/q1", None, scheduling.GOOD, T0)
    card = scheduling.review("demo/q1", card, scheduling.GOOD, T0 + timedelta(days=2))
    assert _card(history)[:6] == card
    assert _card(history)[6:] == (1, 2, 0)


def test_leeches_count_every_failure(tmp_path: Path) -> None:
    history = _history(tmp_path)
    q = _question()
    for day in range(4):
        _record(history, q, passed=False, score=0.1, when=T0 + timedelta(days=day))
        _record(history, q, passed=True, score=0.7, when=T0 + timedelta(days=day, hours=1))
    assert scheduling.leeches(history) == [("demo/q1", 4)]


# -- schema ------------------------------------------------------------------------------

EXPECTED_SCHEMA = {
    "sessions": ["id", "started_at", "ended_at", "kind", "banks"],
    "attempts": ["id", "session_id", "time", "bank_id", "question_id", "question_hash",
                 "answer", "score", "passed", "graded_passed", "overruled", "points_hit",
                 "points_missed", "seconds", "uid", "kind"],
    "cards": ["bank_id", "question_id", "state", "step", "stability", "difficulty", "due",
              "last_review", "last_attempt_id", "last_score", "last_passed", "last_answered",
              "attempts", "failures"],
    "review_log": ["attempt_id", "bank_id", "question_id", "rating", "before_state",
                   "before_step", "before_stability", "before_difficulty", "before_due",
                   "before_last_review"],
    "mock_answers": ["attempt_id", "allowed_seconds", "time_up"],
    "missed_points": ["bank_id", "question_id", "point", "missed"],
    "damaged_attempts": ["attempt_id"],
}
EXPECTED_INDEXES = {
    "attempts_by_question": ("attempts", ["bank_id", "question_id", "id"]),
    "attempts_by_time": ("attempts", ["time"]),
    "attempts_by_uid": ("attempts", ["uid"]),
    "cards_by_due": ("cards", ["due"]),
    "cards_by_missed": ("cards", ["last_passed", "last_answered"]),
    "review_log_by_question": ("review_log", ["bank_id", "question_id", "attempt_id"]),
}


def test_fresh_database_has_exactly_the_expected_schema(tmp_path: Path) -> None:
    History.open(tmp_path / "h.sqlite3").close()
    conn = sqlite3.connect(tmp_path / "h.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 6
    tables = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    assert tables == set(EXPECTED_SCHEMA)
    for table, columns in EXPECTED_SCHEMA.items():
        assert [r[1] for r in conn.execute(f"PRAGMA table_info({table})")] == columns
    indexes = {r[0]: r[1] for r in conn.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' "
        "AND name NOT LIKE 'sqlite_autoindex_%'")}
    assert set(indexes) == set(EXPECTED_INDEXES)
    for name, (table, columns) in EXPECTED_INDEXES.items():
        assert indexes[name] == table
        assert [r[2] for r in conn.execute(f"PRAGMA index_info({name})")] == columns
    triggers = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert triggers == {"attempts_uid", "missed_points_insert", "missed_points_delete",
                        "missed_points_update", "damaged_attempts_insert",
                        "damaged_attempts_delete", "damaged_attempts_update"}
    conn.close()


def test_m002_replays_an_existing_v1_history_into_cards(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    conn = sqlite3.connect(path)
    _m001_initial(conn)
    rows = [(T0, 0.2, 0), (T0 + timedelta(days=1), 0.9, 1)]
    for when, score, passed in rows:
        conn.execute(
            "INSERT INTO attempts (time, bank_id, question_id, question_hash, answer, score, "
            "passed, graded_passed, points_hit, points_missed, seconds) "
            "VALUES (?, 'demo', 'q1', 'h', 'a', ?, ?, ?, '[]', ?, 1)",
            (when.isoformat(), score, passed, passed, json.dumps(["p"])))
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()

    # The store migrates; the scheduling layer replays (the store knows nothing of FSRS).
    history = scheduling.attach(History.open(path))
    card = scheduling.review("demo/q1", None, scheduling.AGAIN, T0)
    card = scheduling.review("demo/q1", card, scheduling.GOOD, T0 + timedelta(days=1))
    assert _card(history)[:6] == card
    assert _card(history)[6:] == (1, 2, 1)
    assert history.query("SELECT count(*) FROM review_log")[0][0] == 2
