"""The history: one SQLite database of sessions and attempts.

Opened once per command. The schema is versioned with PRAGMA user_version and moved
forward by numbered, add-only migrations, each in one transaction with its version bump.
A database that is corrupt, newer than this program, locked past the busy timeout or
unwritable raises HistoryError naming the file; the file is never overwritten, moved or
deleted. Every attempt is committed on its own before its feedback is shown, so a
killed process loses nothing that was graded.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pmquiz.errors import HistoryError, HistoryLockedError
from pmquiz.model import Question

BUSY_TIMEOUT_SECONDS = 10.0


def busy_timeout() -> float:
    """Seconds to wait for another pmquiz's lock; PMQUIZ_BUSY_TIMEOUT shortens it in tests."""
    import os

    raw = os.environ.get("PMQUIZ_BUSY_TIMEOUT")
    try:
        return max(0.0, float(raw)) if raw else BUSY_TIMEOUT_SECONDS
    except ValueError:
        return BUSY_TIMEOUT_SECONDS

Migration = Callable[[sqlite3.Connection], None]


def _m001_initial(conn: sqlite3.Connection) -> None:
    conn.execute("""
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            kind TEXT NOT NULL,            -- practice | review
            banks TEXT NOT NULL            -- JSON list of bank ids
        )""")
    conn.execute("""
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            session_id INTEGER REFERENCES sessions(id),
            time TEXT NOT NULL,            -- ISO-8601, UTC
            bank_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            question_hash TEXT NOT NULL,   -- hash of the question's content when answered
            answer TEXT NOT NULL,
            score REAL NOT NULL,
            passed INTEGER NOT NULL,       -- the verdict in force (after any overrule)
            graded_passed INTEGER NOT NULL,-- the grader's own verdict
            overruled INTEGER NOT NULL DEFAULT 0,
            points_hit TEXT NOT NULL,      -- JSON list of point ids hit
            points_missed TEXT NOT NULL,   -- JSON list of point ids missed
            seconds REAL NOT NULL
        )""")
    conn.execute("CREATE INDEX attempts_by_question ON attempts(bank_id, question_id, id)")
    conn.execute("CREATE INDEX attempts_by_time ON attempts(time)")


def _m002_cards(conn: sqlite3.Connection) -> None:
    """FSRS cards (one per BANK_ID/QUESTION_ID) and the card state before each attempt.

    `cards` also keeps each question's latest attempt and its counts, maintained by the
    scheduling hooks in the attempt's own transaction, so the review queue reads this
    small table and never scans the attempts. Existing attempts are replayed into cards.
    """
    conn.execute("""
        CREATE TABLE cards (
            bank_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            state INTEGER NOT NULL,        -- fsrs State: 1 learning, 2 review, 3 relearning
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,             -- ISO-8601, UTC, whole seconds
            last_review TEXT,
            last_attempt_id INTEGER NOT NULL,
            last_score REAL NOT NULL,
            last_passed INTEGER NOT NULL,  -- the verdict in force of the latest attempt
            last_answered TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            failures INTEGER NOT NULL,     -- attempts failed (verdict in force); 4+: a leech
            PRIMARY KEY (bank_id, question_id)
        )""")
    conn.execute("CREATE INDEX cards_by_due ON cards(due)")
    conn.execute("CREATE INDEX cards_by_missed ON cards(last_passed, last_answered)")
    conn.execute("""
        CREATE TABLE review_log (
            attempt_id INTEGER PRIMARY KEY REFERENCES attempts(id),
            bank_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            rating INTEGER NOT NULL,       -- fsrs Rating: 1 again, 2 hard, 3 good, 4 easy
            -- the card before this attempt; all NULL when the attempt created the card
            before_state INTEGER,
            before_step INTEGER,
            before_stability REAL,
            before_difficulty REAL,
            before_due TEXT,
            before_last_review TEXT
        )""")
    conn.execute(
        "CREATE INDEX review_log_by_question ON review_log(bank_id, question_id, attempt_id)")
    from pmquiz.scheduling import rebuild_cards

    rebuild_cards(conn)


def attempt_uid(time: str, bank_id: str, question_id: str, question_hash: str, answer: str,
                score: float, graded_passed: bool, seconds: float, occurrence: int = 0) -> str:
    """The id m003 gives an existing attempt: 32 hex digits of a hash of its content and time.

    `occurrence` tells apart attempts identical in all of these (the n-th in time and row
    order), so two copies of one history give every attempt the same id.
    """
    content = [time, bank_id, question_id, question_hash, answer, repr(float(score)),
               bool(graded_passed), repr(float(seconds))]
    if occurrence:
        content.append(occurrence)
    raw = json.dumps(content, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(raw).hexdigest()[:32]


def _m003_attempt_ids(conn: sqlite3.Connection) -> None:
    """A stable unique id on every attempt (`uid`, for export and merge), and `kind`.

    Existing attempts get `attempt_uid` of their content and time; one inserted without a
    uid gets 32 random hex digits from a trigger, whoever inserts it. `kind` (practice,
    review, mock) is stored only for attempts imported from another machine, whose session
    is not here; otherwise the attempt's session tells it.
    """
    conn.execute("ALTER TABLE attempts ADD COLUMN uid TEXT")
    conn.execute("ALTER TABLE attempts ADD COLUMN kind TEXT")
    conn.execute("CREATE TEMP TABLE m003_uids (id INTEGER PRIMARY KEY, uid TEXT NOT NULL)")
    rows = conn.execute(
        "SELECT id, time, bank_id, question_id, question_hash, answer, score, graded_passed, "
        "seconds FROM attempts ORDER BY time, id")
    batch: list[tuple[int, str]] = []
    second: str | None = None
    seen: dict[str, int] = {}  # within one time value: identical attempts so far
    for row_id, time, bank_id, question_id, qhash, answer, score, graded, seconds in rows:
        if time != second:
            second, seen = time, {}
        content = (time, bank_id, question_id, qhash, answer, score, graded, seconds)
        uid = attempt_uid(*content)
        count = seen.get(uid, 0)
        seen[uid] = count + 1
        batch.append((row_id, attempt_uid(*content, occurrence=count) if count else uid))
        if len(batch) >= 10_000:
            conn.executemany("INSERT INTO m003_uids VALUES (?, ?)", batch)
            batch.clear()
    conn.executemany("INSERT INTO m003_uids VALUES (?, ?)", batch)
    conn.execute("UPDATE attempts SET uid = m.uid FROM m003_uids m WHERE m.id = attempts.id")
    conn.execute("DROP TABLE m003_uids")
    conn.execute("CREATE UNIQUE INDEX attempts_by_uid ON attempts(uid)")
    conn.execute("""
        CREATE TRIGGER attempts_uid AFTER INSERT ON attempts WHEN NEW.uid IS NULL
        BEGIN
            UPDATE attempts SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
        END""")


def _m004_mock_answers(conn: sqlite3.Connection) -> None:
    """What a mock interview (SPEC 10) adds to an attempt: the time allowed and whether the
    clock ran out. The attempt itself is an ordinary one, in a session of kind `mock`."""
    conn.execute("""
        CREATE TABLE mock_answers (
            attempt_id INTEGER PRIMARY KEY REFERENCES attempts(id),
            allowed_seconds REAL NOT NULL, -- the time limit of the answer
            time_up INTEGER NOT NULL       -- 1: submitted by the clock, as typed so far
        )""")


def _m006_missed_points(conn: sqlite3.Connection) -> None:
    """The most-missed points summary, kept by triggers (see pmquiz.missedpoints)."""
    from pmquiz import missedpoints

    missedpoints.create(conn)


# Add-only: never edit or reorder a released migration; append a new one.
MIGRATIONS: list[tuple[str, Migration]] = [
    ("m001_initial", _m001_initial),
    ("m002_cards", _m002_cards),
    ("m003_attempt_ids", _m003_attempt_ids),
    ("m004_mock_answers", _m004_mock_answers),
    ("m006_missed_points", _m006_missed_points),
]


def schema_version() -> int:
    return len(MIGRATIONS)


def now_utc() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def question_hash(question: Question) -> str:
    """A short hash of what the question asks and how it is graded."""
    content = {
        "type": question.type,
        "prompt": question.prompt,
        "options": dict(question.options),
        "answer": list(question.answer) if isinstance(question.answer, tuple)
        else question.answer,
        "threshold": question.threshold,
        "points": [repr(p) for p in question.rubric.points],
        "penalties": [repr(p) for p in question.rubric.penalties],
    }
    raw = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:16]


@dataclass(frozen=True)
class Attempt:
    """One stored answer."""

    id: int
    time: datetime
    bank_id: str
    question_id: str
    answer: str
    score: float
    passed: bool
    overruled: bool
    seconds: float
    points_hit: tuple[str, ...] = ()
    points_missed: tuple[str, ...] = ()
    session_id: int | None = None

    @property
    def ref(self) -> str:
        return f"{self.bank_id}/{self.question_id}"

    def to_json(self) -> dict[str, Any]:
        return {
            "time": iso(self.time),
            "ref": self.ref,
            "score": round(self.score, 4),
            "passed": self.passed,
            "answer": self.answer,
            "seconds": round(self.seconds, 1),
        }


class History:
    """The history database of one data folder."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        # Hooks run inside the attempt's transaction (scheduling keeps cards in step).
        self.on_attempt: list[Callable[[sqlite3.Connection, Attempt], None]] = []
        self.on_overrule: list[Callable[[sqlite3.Connection, Attempt], None]] = []

    # -- opening ----------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> History:
        """Open (and create or migrate) the database; HistoryError when it is unusable."""
        if not path.exists():
            if not create:
                return cls(path, _memory_database())
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise HistoryError(
                    f"{path.parent}: cannot create the data folder ({exc.strerror or exc})",
                    "Choose another folder with --data-dir or PMQUIZ_HOME.",
                    key="err_data_folder", hint_key="err_data_folder_hint",
                    values={"folder": str(path.parent), "reason": str(exc.strerror or exc)},
                ) from None
        try:
            conn = sqlite3.connect(str(path), timeout=busy_timeout(),
                                   isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise _error(path, exc) from None
        history = cls(path, conn)
        try:
            history._prepare_when_free()
        except HistoryError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise _error(path, exc) from None
        return history

    def _prepare_when_free(self) -> None:
        """Prepare, retrying while another pmquiz holds the lock (up to the busy timeout).

        Switching to WAL and migrating take locks that SQLite's busy handler does not
        always wait for (two sessions creating the database at the same moment).
        """
        import time

        deadline = time.monotonic() + busy_timeout()
        while True:
            try:
                self._prepare()
                return
            except (sqlite3.OperationalError, HistoryLockedError) as exc:
                locked = isinstance(exc, HistoryLockedError) or _is_lock(exc)
                if not locked or time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)

    def _prepare(self) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout() * 1000)}")
        # Reading the version first touches nothing: a file that is not a database, or
        # one from a newer pmquiz, is refused before anything is written.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        known = schema_version()
        if version > known:
            raise HistoryError(
                f"{self.path}: this history was written by a newer pmquiz "
                f"(schema {version}, this program knows up to {known})",
                "Upgrade pmquiz, or point --data-dir / PMQUIZ_HOME at another folder. "
                "The file was left untouched.",
                key="err_newer_history", hint_key="err_newer_history_hint",
                values={"path": str(self.path), "version": version, "known": known},
            )
        if version < known or not self._is_wal():
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        for number in range(version + 1, known + 1):
            name, migration = MIGRATIONS[number - 1]
            with self.transaction():
                current = conn.execute("PRAGMA user_version").fetchone()[0]
                if current >= number:  # another process migrated meanwhile
                    continue
                migration(conn)
                conn.execute(f"PRAGMA user_version = {number}")

    def _is_wal(self) -> bool:
        mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
        return str(mode).lower() == "wal"

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT: the write lock is taken up front, waiting if busy."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _error(self.path, exc) from None
        try:
            yield self.conn
        except BaseException:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise _error(self.path, exc) from None

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    # -- writing ------------------------------------------------------------------------

    def start_session(self, kind: str, bank_ids: Sequence[str]) -> int:
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (started_at, kind, banks) VALUES (?, ?, ?)",
                (iso(now_utc()), kind, json.dumps(list(bank_ids))),
            )
            return int(cursor.lastrowid or 0)

    def end_session(self, session_id: int) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE sessions SET ended_at = ? WHERE id = ?",
                         (iso(now_utc()), session_id))

    def record_attempt(
        self, *, question: Question, answer: str, score: float, passed: bool,
        points_hit: Sequence[str], points_missed: Sequence[str], seconds: float,
        session_id: int | None = None, when: datetime | None = None,
    ) -> Attempt:
        """Store one graded answer and commit it (with the hooks, in one transaction)."""
        moment = when or now_utc()
        with self.transaction() as conn:
            cursor = conn.execute(
                """INSERT INTO attempts (session_id, time, bank_id, question_id, question_hash,
                       answer, score, passed, graded_passed, overruled, points_hit,
                       points_missed, seconds)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""",
                (session_id, iso(moment), question.bank_id, question.id,
                 question_hash(question), answer, float(score), int(passed), int(passed),
                 json.dumps(list(points_hit)), json.dumps(list(points_missed)),
                 float(seconds)),
            )
            attempt = Attempt(
                id=int(cursor.lastrowid or 0), time=moment, bank_id=question.bank_id,
                question_id=question.id, answer=answer, score=float(score), passed=passed,
                overruled=False, seconds=float(seconds), points_hit=tuple(points_hit),
                points_missed=tuple(points_missed), session_id=session_id,
            )
            for hook in self.on_attempt:
                hook(conn, attempt)
        return attempt

    def overrule(self, attempt: Attempt, passed: bool) -> Attempt:
        """Replace an attempt's verdict with the user's (`:pass` / `:fail`)."""
        with self.transaction() as conn:
            conn.execute("UPDATE attempts SET passed = ?, overruled = 1 WHERE id = ?",
                         (int(passed), attempt.id))
            updated = dataclasses.replace(attempt, passed=passed, overruled=True)
            for hook in self.on_overrule:
                hook(conn, updated)
        return updated

    # -- reading ------------------------------------------------------------------------

    def recent(self, limit: int | None = 20) -> list[Attempt]:
        # By time: attempts imported from another machine (SPEC 11) fall into place.
        sql = "SELECT * FROM attempts ORDER BY time DESC, id DESC"
        params: tuple[Any, ...] = ()
        if limit is not None and limit > 0:
            sql += " LIMIT ?"
            params = (limit,)
        return [_attempt(row) for row in self.query(sql, params)]

    def iterate(self, sql: str, params: tuple[Any, ...] = (), batch: int = 100
                ) -> Iterator[Any]:
        """Rows of one read-only statement, a batch at a time (bounded memory: small
        batches, as one answer may be 64 KiB). `history --json` and `export history`."""
        try:
            cursor = self.conn.execute(sql, params)
            while rows := cursor.fetchmany(batch):
                yield from rows
        except sqlite3.Error as exc:
            raise _error(self.path, exc) from None

    def stream_recent(self, limit: int | None = 20) -> Iterator[Attempt]:
        """`recent`, one attempt at a time: `history --json` over a whole history in
        bounded memory (SPEC 2)."""
        sql = "SELECT * FROM attempts ORDER BY time DESC, id DESC"
        params: tuple[Any, ...] = ()
        if limit is not None and limit > 0:
            sql += " LIMIT ?"
            params = (limit,)
        for row in self.iterate(sql, params):
            yield _attempt(row)

    def overruled(self) -> list[tuple[Attempt, bool]]:
        """Attempts whose verdict the user changed (`:pass` / `:fail`), newest first, each
        with the grader's own verdict. An overrule that ended where the grader stood is
        no disagreement and is left out."""
        rows = self.query(
            "SELECT * FROM attempts WHERE overruled = 1 AND passed != graded_passed "
            "ORDER BY time DESC, id DESC")
        return [(_attempt(row), bool(row[9])) for row in rows]

    def latest_attempt(self, bank_id: str, question_id: str) -> Attempt | None:
        """The question's most recent attempt (review shows it as context), or None."""
        # By time: an attempt imported from another machine may be newer than its id.
        rows = self.query("SELECT * FROM attempts WHERE bank_id = ? AND question_id = ? "
                          "ORDER BY time DESC, id DESC LIMIT 1", (bank_id, question_id))
        return _attempt(rows[0]) if rows else None

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        """Rows of one read-only statement; sqlite errors become HistoryError."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _error(self.path, exc) from None


def mark_mock_answer(conn: sqlite3.Connection, attempt_id: int, allowed_seconds: float,
                     time_up: bool) -> None:
    """Record a mock interview's timing of one attempt (inside the attempt's transaction)."""
    conn.execute("INSERT INTO mock_answers (attempt_id, allowed_seconds, time_up) "
                 "VALUES (?, ?, ?)", (attempt_id, float(allowed_seconds), int(time_up)))


def _attempt(row: Any) -> Attempt:
    return Attempt(
        id=row[0], session_id=row[1], time=datetime.fromisoformat(row[2]),
        bank_id=row[3], question_id=row[4], answer=row[6], score=row[7],
        passed=bool(row[8]), overruled=bool(row[10]),
        points_hit=tuple(json.loads(row[11])), points_missed=tuple(json.loads(row[12])),
        seconds=row[13],
    )


def _memory_database() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for _, migration in MIGRATIONS:
        migration(conn)
    return conn


def _is_lock(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _error(path: Path, exc: sqlite3.Error) -> HistoryError:
    message = str(exc)
    lowered = message.lower()
    if _is_lock(exc):
        return HistoryLockedError(
            f"{path}: the history is locked by another process (waited "
            f"{busy_timeout():g} s)",
            "Another pmquiz may be running; try again when it finishes.",
            key="err_locked", hint_key="err_locked_hint",
            values={"path": str(path), "seconds": f"{busy_timeout():g}"},
        )
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return HistoryError(
            f"{path}: the history database is damaged ({message})",
            "pmquiz leaves it as it is. Move it aside to start a new history, or point "
            "--data-dir / PMQUIZ_HOME at another folder.",
            key="err_damaged", hint_key="err_damaged_hint",
            values={"path": str(path), "reason": message},
        )
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered or (
            "disk i/o" in lowered):
        return HistoryError(
            f"{path}: cannot write the history ({message})",
            "Check the folder's permissions, or choose another with --data-dir.",
            key="err_unwritable", hint_key="err_unwritable_hint",
            values={"path": str(path), "reason": message},
        )
    return HistoryError(f"{path}: history database error: {message}", key="err_database",
                        values={"path": str(path), "reason": message})
