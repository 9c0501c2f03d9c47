"""The `missed_points` summary: how often each rubric point was missed, per question.

`pmquiz stats` shows the most-missed points; counting them from the attempts means
opening every attempt's `points_missed` JSON (about 2 s at a million attempts, SPEC 9
wants the whole command in 0.3 s). This table holds the counts instead, one row per
(bank, question, point), and SQLite triggers keep it in step inside the very statement
that inserts, deletes or changes an attempt: whoever writes an attempt (a session, an
import, a benchmark generator) cannot leave it stale, and it commits or rolls back with
the attempt. Overrules change a verdict, never the points, so they leave it as it is.
The m005 migration creates it and fills it from the attempts already there.
"""

from __future__ import annotations

import sqlite3

# Rows whose points_missed is not valid JSON count nothing (they cannot be opened), here
# and in the from-scratch count alike.
_ADD = """
    INSERT INTO missed_points (bank_id, question_id, point, missed)
    SELECT {row}.bank_id, {row}.question_id, j.value, 1 FROM json_each({row}.points_missed) j
    WHERE json_valid({row}.points_missed)
    ON CONFLICT (bank_id, question_id, point) DO UPDATE SET missed = missed + 1;"""
_REMOVE = """
    UPDATE missed_points SET missed = missed - (
        SELECT count(*) FROM json_each(OLD.points_missed) WHERE value = point)
    WHERE bank_id = OLD.bank_id AND question_id = OLD.question_id
      AND json_valid(OLD.points_missed)
      AND point IN (SELECT value FROM json_each(OLD.points_missed));
    DELETE FROM missed_points WHERE missed <= 0;"""

FROM_SCRATCH = """
    SELECT a.bank_id, a.question_id, j.value, count(*)
    FROM attempts a, json_each(a.points_missed) j
    WHERE json_valid(a.points_missed) AND a.points_missed <> '[]'
    GROUP BY a.bank_id, a.question_id, j.value"""


def create(conn: sqlite3.Connection) -> None:
    """Create the table and its triggers and count the attempts already stored."""
    conn.execute("""
        CREATE TABLE missed_points (
            bank_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            point TEXT NOT NULL,           -- a rubric point id, as stored in points_missed
            missed INTEGER NOT NULL,       -- attempts at the question that missed it
            PRIMARY KEY (bank_id, question_id, point)
        ) WITHOUT ROWID""")
    conn.execute(f"""
        CREATE TRIGGER missed_points_insert AFTER INSERT ON attempts
        WHEN NEW.points_missed <> '[]'
        BEGIN {_ADD.format(row="NEW")}
        END""")
    conn.execute(f"""
        CREATE TRIGGER missed_points_delete AFTER DELETE ON attempts
        WHEN OLD.points_missed <> '[]'
        BEGIN {_REMOVE}
        END""")
    conn.execute(f"""
        CREATE TRIGGER missed_points_update
        AFTER UPDATE OF bank_id, question_id, points_missed ON attempts
        BEGIN {_REMOVE} {_ADD.format(row="NEW")}
        END""")
    conn.execute(f"INSERT INTO missed_points (bank_id, question_id, point, missed) "
                 f"{FROM_SCRATCH}")


def counts(conn: sqlite3.Connection) -> list[tuple[str, str, str, int]]:
    """(bank_id, question_id, point, missed) of every point missed at least once."""
    return [tuple(row) for row in conn.execute(
        "SELECT bank_id, question_id, point, missed FROM missed_points")]


def counts_from_scratch(conn: sqlite3.Connection) -> list[tuple[str, str, str, int]]:
    """The same counts computed from the attempts themselves (slow; for tests and checks)."""
    return [tuple(row) for row in conn.execute(FROM_SCRATCH)]
