"""The history's migrations: each is named by its place in the list (the number a history
file's PRAGMA user_version counts), and a history written at any older schema version is
migrated in place to the schema a new history gets, keeping everything it held (SPEC 2)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from pmquiz.store import MIGRATIONS, History, attempt_uid

SESSION = (1, "2026-11-02T08:59:00+00:00", "2026-11-02T09:10:00+00:00", "practice", '["mv"]')
# Two attempts alike in everything (m003 must still tell them apart), then a third.
ATTEMPTS = [
    (1, 1, "2026-11-02T09:00:00+00:00", "mv", "gamma", "h1", "理解业务", 0.5, 0, 0, 0,
     '["goal"]', '["loop", "safety"]', 3.0),
    (2, 1, "2026-11-02T09:00:00+00:00", "mv", "gamma", "h1", "理解业务", 0.5, 0, 0, 0,
     '["goal"]', '["loop", "safety"]', 3.0),
    (3, 1, "2026-11-02T09:05:00+00:00", "mv", "delta", "h2", "先看闭环，再谈效率", 0.9, 1, 0, 1,
     '["loop"]', "[]", 41.5),
]
BASE_COLUMNS = ("id, session_id, time, bank_id, question_id, question_hash, answer, score, "
                "passed, graded_passed, overruled, points_hit, points_missed, seconds")
CARD = ("mv", "gamma", 1, 0, 2.3, 6.1, "2026-11-02T09:10:00+00:00", "2026-11-02T09:00:00+00:00",
        2, 0.5, 0, "2026-11-02T09:00:00+00:00", 2, 2)
REVIEW = (1, "mv", "gamma", 1, None, None, None, None, None, None)
MOCK = (3, 180.0, 0)
STORED_UIDS = ["0" * 31 + "a", "0" * 31 + "b", "0" * 31 + "c"]


def history_at(version: int, path: Path) -> None:
    """A history as pmquiz wrote it at schema `version`: the first `version` migrations,
    then what that pmquiz stored (version 0: a file with nothing in it yet)."""
    conn = sqlite3.connect(path)
    for _, migration in MIGRATIONS[:version]:
        migration(conn)
    if version >= 1:
        conn.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)", SESSION)
        conn.executemany(f"INSERT INTO attempts ({BASE_COLUMNS}) VALUES "
                         f"({', '.join('?' * 14)})", ATTEMPTS)
    if version >= 2:
        conn.execute(f"INSERT INTO cards VALUES ({', '.join('?' * 14)})", CARD)
        conn.execute(f"INSERT INTO review_log VALUES ({', '.join('?' * 10)})", REVIEW)
    if version >= 3:
        conn.executemany("UPDATE attempts SET uid = ? WHERE id = ?",
                         [(uid, n) for n, uid in enumerate(STORED_UIDS, start=1)])
    if version >= 4:
        conn.execute("UPDATE sessions SET kind = 'mock'")
        conn.execute("INSERT INTO mock_answers VALUES (?, ?, ?)", MOCK)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def _schema(path: Path) -> list[Any]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in conn.execute(sql)]


def test_each_migration_is_named_by_its_place_in_the_list() -> None:
    """The name's number is the schema version the migration brings a history to."""
    for version, (name, migration) in enumerate(MIGRATIONS, start=1):
        assert re.fullmatch(rf"m{version:03d}_[a-z0-9_]+", name), (version, name)
        assert migration.__name__ == f"_{name}", (version, name)


@pytest.mark.parametrize("version", range(len(MIGRATIONS)))
def test_a_history_of_every_older_version_migrates_keeping_everything(
        tmp_path: Path, version: int) -> None:
    fresh, old = tmp_path / "fresh.sqlite3", tmp_path / "old.sqlite3"
    History.open(fresh).close()
    history_at(version, old)

    History.open(old).close()
    assert _schema(old) == _schema(fresh)
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    if version == 0:
        assert _rows(conn, "SELECT count(*) FROM attempts") == [(0,)]
        conn.close()
        return
    assert _rows(conn, "SELECT * FROM sessions") == [
        SESSION[:3] + ("mock" if version >= 4 else "practice",) + SESSION[4:]]
    assert _rows(conn, f"SELECT {BASE_COLUMNS} FROM attempts ORDER BY id") == ATTEMPTS
    content = [a[2:8] + (a[9], a[13]) for a in ATTEMPTS]  # what an attempt's id hashes
    uids = STORED_UIDS if version >= 3 else [
        attempt_uid(*content[0]), attempt_uid(*content[1], occurrence=1),
        attempt_uid(*content[2])]
    assert _rows(conn, "SELECT uid, kind FROM attempts ORDER BY id") == [
        (uid, None) for uid in uids]
    assert len(set(uids)) == 3
    assert _rows(conn, "SELECT * FROM cards") == ([CARD] if version >= 2 else [])
    assert _rows(conn, "SELECT * FROM review_log") == ([REVIEW] if version >= 2 else [])
    assert _rows(conn, "SELECT * FROM mock_answers") == ([MOCK] if version >= 4 else [])
    assert _rows(conn, "SELECT * FROM missed_points ORDER BY question_id, point") == [
        ("mv", "gamma", "loop", 2), ("mv", "gamma", "safety", 2)]
    conn.close()
