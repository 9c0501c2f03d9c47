"""The history: one SQLite database of sessions and attempts.

Opened once per command. The schema is versioned with PRAGMA user_version and moved
forward by numbered, add-only migrations, each in one transaction with its version bump.
A database that is corrupt, newer than this program, locked past the busy timeout or
unwritable raises HistoryError naming the file; the file is never overwritten, moved or
deleted. Every attempt is committed on its own before its feedback is shown, so a
killed process loses nothing that was graded; and with a rollback journal (not WAL) a
commit is in history.sqlite3 itself, so that one file is the whole history.
"""

from __future__ import annotations

import dataclasses
import json
import math
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pmquiz.digest import sha256_hex
from pmquiz.errors import HistoryError, HistoryLockedError
from pmquiz.model import Question

BUSY_TIMEOUT_SECONDS = 10.0
# Answers are stored up to this many characters (at least 64 KiB, SPEC 5): a 1 MB paste
# is cut, so the history and its views stay fast.
MAX_STORED_ANSWER_CHARS = 65_536


def cap_answer(text: str) -> tuple[str, bool]:
    """The answer as stored, and whether it was cut to MAX_STORED_ANSWER_CHARS."""
    if len(text) <= MAX_STORED_ANSWER_CHARS:
        return text, False
    return text[:MAX_STORED_ANSWER_CHARS], True



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
    small table and never scans the attempts. The store knows nothing of FSRS: attempts
    that have no review_log row yet (those of an older history) are replayed into cards
    by the scheduling layer the first time it opens this history (`ensure_cards`).
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
    return sha256_hex(raw)[:32]


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


def _m005_missed_points(conn: sqlite3.Connection) -> None:
    """The most-missed points summary, kept by triggers (see pmquiz.missedpoints)."""
    from pmquiz import missedpoints

    missedpoints.create(conn)


def _m006_damaged_attempts(conn: sqlite3.Connection) -> None:
    """The damaged attempts summary, kept by triggers (see pmquiz.damagedrows)."""
    from pmquiz import damagedrows

    damagedrows.create(conn)


# Add-only: never edit or reorder a released migration; append a new one. Each is named
# mNNN_ after its place in the list, the user_version it brings a history to (a test checks).
MIGRATIONS: list[tuple[str, Migration]] = [
    ("m001_initial", _m001_initial),
    ("m002_cards", _m002_cards),
    ("m003_attempt_ids", _m003_attempt_ids),
    ("m004_mock_answers", _m004_mock_answers),
    ("m005_missed_points", _m005_missed_points),
    ("m006_damaged_attempts", _m006_damaged_attempts),
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
    return sha256_hex(raw)[:16]


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
        self._wal = False  # see _use_rollback_journal

    # -- opening ----------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> History:
        """Open (and create or migrate) the database; HistoryError when it is unusable."""
        if path.is_dir():  # SQLite would only say "unable to open database file"
            raise HistoryError(
                f"{path}: is a folder, not a history database",
                "Move it aside, or choose another folder with --data-dir or PMQUIZ_HOME.",
                key="err_history_is_folder", hint_key="err_history_is_folder_hint",
                values={"path": str(path)},
            )
        if not path.exists():
            if not create:
                return cls(path, _memory_database())
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise HistoryError.from_os_error(
                    exc, "{folder}: cannot create the data folder ({reason})",
                    "Choose another folder with --data-dir or PMQUIZ_HOME.",
                    key="err_data_folder", hint_key="err_data_folder_hint",
                    folder=str(path.parent)) from None
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

        Migrating (and leaving an older history's WAL mode) takes locks that SQLite's busy
        handler does not always wait for (two sessions creating the database at once).
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
        mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        self._wal = mode == "wal"  # left at the first write (`_use_rollback_journal`)
        conn.execute("PRAGMA foreign_keys = ON")
        for number in range(version + 1, known + 1):
            name, migration = MIGRATIONS[number - 1]
            with self.transaction():
                current = conn.execute("PRAGMA user_version").fetchone()[0]
                if current >= number:  # another process migrated meanwhile
                    continue
                migration(conn)
                conn.execute(f"PRAGMA user_version = {number}")

    def _use_rollback_journal(self) -> None:
        """Keep the history one file: a rollback journal, so every commit is in the
        database file itself (SPEC 2), and nothing is left beside it between commits.

        Histories of earlier versions are in WAL mode. They are switched at their first
        write (a command that only reads never changes the file); switching needs the
        file to ourselves, so while another process keeps it open in WAL mode, every
        transaction is followed by a checkpoint instead (`_wal` stays set).
        """
        try:
            mode = str(self.conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if not _is_lock(exc) and "readonly" not in str(exc).lower():
                raise
            return
        self._wal = mode.lower() == "wal"

    def _checkpoint(self) -> None:
        """Copy the WAL into the database file (histories still in WAL mode only)."""
        import time

        deadline = time.monotonic() + busy_timeout()
        while True:
            try:
                busy, frames, done = self.conn.execute(
                    "PRAGMA wal_checkpoint(FULL)").fetchone()
            except sqlite3.Error as exc:
                raise _error(self.path, exc) from None
            if not busy and frames == done:
                return
            if time.monotonic() >= deadline:
                raise _error(self.path, sqlite3.OperationalError("database is locked"))
            time.sleep(0.02)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT: the write lock is taken up front, waiting if busy."""
        if self._wal:
            try:
                self._use_rollback_journal()
            except sqlite3.Error as exc:
                raise _error(self.path, exc) from None
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _error(self.path, exc) from None
        try:
            yield self.conn
        except BaseException as exc:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if isinstance(exc, sqlite3.Error):  # read-only, full disk, damaged, ...
                raise _error(self.path, exc) from None
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise _error(self.path, exc) from None
        if self._wal:
            self._checkpoint()

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
        answer, _ = cap_answer(answer)
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

    def recent(self, limit: int | None = 20, answer_chars: int | None = None
               ) -> list[Attempt]:
        """The latest attempts, newest first (all when `limit` is 0 or None); rows with
        values pmquiz did not write are skipped and counted (`skipped_rows`).

        `answer_chars` reads only the start of each answer (for views of a history
        written before answers were capped, which may hold megabytes each).
        """
        # By time: attempts imported from another machine (SPEC 11) fall into place.
        order = " ORDER BY time DESC, id DESC"
        sql = "SELECT * FROM attempts" + order
        if answer_chars is not None:
            columns = [row[1] for row in self.query("PRAGMA table_info(attempts)")]
            sql = "SELECT {} FROM attempts".format(", ".join(
                f"substr(answer, 1, {int(answer_chars)})" if c == "answer" else c
                for c in columns)) + order
        params: tuple[Any, ...] = ()
        if limit is not None and 0 < limit < SQLITE_MAX_INT:  # beyond 64 bits: all of them
            sql += " LIMIT ?"
            params = (limit,)
        out = []
        for row in self.query(sql, params):
            attempt = _attempt(row)
            if attempt is None:
                self.skip_row()
            else:
                out.append(attempt)
        return out

    def each_recent(self, limit: int | None = 20) -> Iterator[Attempt]:
        """`recent`, one attempt at a time (bounded memory for `history --json`)."""
        sql = "SELECT * FROM attempts ORDER BY time DESC, id DESC"
        params: tuple[Any, ...] = ()
        if limit is not None and 0 < limit < SQLITE_MAX_INT:
            sql += " LIMIT ?"
            params = (limit,)
        for row in self.iterate(sql, params, batch=200):
            attempt = _attempt(row)
            if attempt is None:
                self.skip_row()
            else:
                yield attempt

    def skip_row(self, count: int = 1) -> None:
        """Count a row with values pmquiz did not write, left out of what is shown."""
        key = str(self.path)
        _SKIPPED[key] = _SKIPPED.get(key, 0) + count

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

    def overruled(self) -> list[tuple[Attempt, bool]]:
        """Attempts whose verdict the user changed (`:pass` / `:fail`), newest first, each
        with the grader's own verdict. An overrule that ended where the grader stood is
        no disagreement and is left out."""
        rows = self.query(
            "SELECT * FROM attempts WHERE overruled = 1 AND passed != graded_passed "
            "ORDER BY time DESC, id DESC")
        out = []
        for row in rows:
            attempt = _attempt(row)
            if attempt is None:
                self.skip_row()
            else:
                out.append((attempt, bool(row[9])))
        return out

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


SQLITE_MAX_INT = 2**63 - 1

# Rows skipped as damaged, per history file, for the CLI's closing note.
_SKIPPED: dict[str, int] = {}


def skipped_rows(clear: bool = False) -> dict[str, int]:
    """{history file: rows skipped because they hold values pmquiz did not write}."""
    counts = dict(_SKIPPED)
    if clear:
        _SKIPPED.clear()
    return counts


# The times pmquiz writes and accepts: from the epoch to far enough ahead for any
# schedule, and far from the calendar's ends, where converting to a local time overflows.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


def parse_time(value: Any) -> datetime | None:
    """A stored ISO-8601 time as an aware datetime (naive means UTC); None when the value
    is not one pmquiz could have written (not a time, or outside EARLIEST..LATEST)."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment if EARLIEST <= moment <= LATEST else None
    except OverflowError:
        return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _ids(value: Any) -> tuple[str, ...] | None:
    try:
        ids = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return None
    return tuple(ids)


def mark_mock_answer(conn: sqlite3.Connection, attempt_id: int, allowed_seconds: float,
                     time_up: bool) -> None:
    """Record a mock interview's timing of one attempt (inside the attempt's transaction)."""
    conn.execute("INSERT INTO mock_answers (attempt_id, allowed_seconds, time_up) "
                 "VALUES (?, ?, ?)", (attempt_id, float(allowed_seconds), int(time_up)))


def _attempt(row: Any) -> Attempt | None:
    """An attempt row, or None when it holds values pmquiz never writes."""
    moment = parse_time(row[2])
    score, seconds = _number(row[7]), _number(row[13])
    hit, missed = _ids(row[11]), _ids(row[12])
    if (moment is None or score is None or seconds is None or hit is None or missed is None
            or not all(isinstance(row[i], str) for i in (3, 4, 6))):
        return None
    return Attempt(
        id=row[0], session_id=row[1], time=moment, bank_id=row[3], question_id=row[4],
        answer=row[6], score=score, passed=bool(row[8]), overruled=bool(row[10]),
        points_hit=hit, points_missed=missed, seconds=seconds,
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
    if "no such table" in lowered or "no such column" in lowered:
        return HistoryError(
            f"{path}: the history database is missing part of its schema ({message}); "
            "it was changed by something other than pmquiz",
            "pmquiz leaves it as it is. Move it aside to start a new history, or point "
            "--data-dir / PMQUIZ_HOME at another folder.",
            key="err_schema_missing", hint_key="err_damaged_hint",
            values={"path": str(path), "reason": message},
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
