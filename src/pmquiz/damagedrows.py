"""The `damaged_attempts` summary: the attempts holding values pmquiz never writes.

`pmquiz history` leaves out an attempt whose time, score, seconds, texts or point lists
are not what pmquiz writes (a row edited by hand, a damaged file; `store._attempt`) and
notes how many it skipped. `pmquiz stats` counts from summaries (the cards, the missed
points) and never opens the attempts, so it cannot see such rows itself; telling them
from a scan of every attempt takes seconds at a million attempts (SPEC 9 wants the whole
command in 0.3 s). This table lists them instead, one row per damaged attempt, kept by
SQLite triggers inside the very statement that inserts, changes or deletes an attempt,
so an edit made with any SQLite tool is seen as well. The m006 migration creates it and
fills it from the attempts already there.

`valid` gives the SQL form of `store._attempt`'s test; keep the two in step.
"""

from __future__ import annotations

import sqlite3

# A row pmquiz could have written (see store.parse_time, _number and _ids).
VALID = """(
    typeof({row}.time) = 'text'
    AND {row}.time GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
    AND julianday({row}.time) IS NOT NULL
    AND {row}.time >= '1970-01-01' AND {row}.time < '9000-01-02'
    AND typeof({row}.bank_id) = 'text' AND typeof({row}.question_id) = 'text'
    AND typeof({row}.answer) = 'text'
    AND typeof({row}.score) IN ('integer', 'real') AND abs({row}.score) < 9e999
    AND typeof({row}.seconds) IN ('integer', 'real') AND abs({row}.seconds) < 9e999
    AND {lists}
)"""


# A list of point ids, as text. Every JSON function gets valid JSON (it raises on the
# rest, whatever else the condition says).
_LIST = """(
    json_type(CASE WHEN typeof({col}) = 'text' AND json_valid({col}) THEN {col}
                   ELSE 'null' END) = 'array'
    AND NOT EXISTS (SELECT 1 FROM json_each(CASE WHEN typeof({col}) = 'text'
                                                 AND json_valid({col}) THEN {col}
                                                 ELSE '[]' END)
                    WHERE type <> 'text'))"""


def valid(row: str) -> str:
    """The condition that the attempt `row` (NEW, or a table's name) is sound."""
    lists = " AND ".join(_LIST.format(col=f"{row}.{col}")
                         for col in ("points_hit", "points_missed"))
    return VALID.format(row=row, lists=lists)


def create(conn: sqlite3.Connection) -> None:
    """Create the table and its triggers and list the damaged attempts already stored."""
    conn.execute("CREATE TABLE damaged_attempts (attempt_id INTEGER PRIMARY KEY)")
    conn.execute(f"""
        CREATE TRIGGER damaged_attempts_insert AFTER INSERT ON attempts
        WHEN NOT {valid("NEW")}
        BEGIN INSERT OR IGNORE INTO damaged_attempts (attempt_id) VALUES (NEW.id);
        END""")
    conn.execute("""
        CREATE TRIGGER damaged_attempts_delete AFTER DELETE ON attempts
        BEGIN DELETE FROM damaged_attempts WHERE attempt_id = OLD.id;
        END""")
    conn.execute(f"""
        CREATE TRIGGER damaged_attempts_update AFTER UPDATE ON attempts
        BEGIN
            DELETE FROM damaged_attempts WHERE attempt_id = OLD.id;
            INSERT OR IGNORE INTO damaged_attempts (attempt_id)
            SELECT NEW.id WHERE NOT {valid("NEW")};
        END""")
    conn.execute(f"INSERT INTO damaged_attempts (attempt_id) "
                 f"SELECT id FROM attempts WHERE NOT {valid('attempts')}")


def from_scratch(conn: sqlite3.Connection) -> list[int]:
    """The damaged attempts' ids found by reading every attempt (slow; for tests)."""
    return [row[0] for row in conn.execute(
        f"SELECT id FROM attempts WHERE NOT {valid('attempts')} ORDER BY id")]
