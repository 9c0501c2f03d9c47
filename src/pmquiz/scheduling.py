"""Spaced repetition: one FSRS card per question, and the review queue (SPEC 7).

A card is keyed by `BANK_ID/QUESTION_ID` (so editing a question keeps its history) and its
FSRS card id is derived from that reference. Every attempt rates the card from its grade
(failed: Again; passed below 0.8: Hard; below 1.0: Good; 1.0: Easy). The hooks that
`attach` registers on a History run inside the attempt's own transaction, so the card,
the attempt and the review log are committed together or not at all.

The card state before each attempt is kept in `review_log`: an overrule (`:pass` /
`:fail`) replaces that attempt's rating and recomputes the card from that state, replaying
any later attempts of the same question.

Scheduling choices (SPEC 7 leaves them open):
- no fuzzing, ever: the schedule is reproducible and an overrule's replay is exact;
- no intra-day learning steps: an interview answer takes minutes to write, so cards move
  in whole days; a failed question comes back through the "missed" part of the queue,
  which does not wait for its due time.

The clock is `now()`: UTC, or the ISO-8601 time in PMQUIZ_NOW (for tests and demos). It
decides what is due; attempts are scheduled at their own recorded time.

`fsrs` is imported only inside the functions that review cards.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from pmquiz.digest import sha256_digest
from pmquiz.errors import HistoryError, HistoryLockedError, UsageError
from pmquiz.store import EARLIEST, LATEST, Attempt, History, iso, parse_time

if TYPE_CHECKING:
    from fsrs import Card, Scheduler

NOW_ENV = "PMQUIZ_NOW"
LEECH_FAILURES = 4

# fsrs Rating values, without importing fsrs.
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4

Reason = Literal["missed", "due"]


def now() -> datetime:
    """The current time, UTC-aware; PMQUIZ_NOW (ISO-8601, naive means UTC) overrides it."""
    raw = os.environ.get(NOW_ENV, "").strip()
    if not raw:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise UsageError(f"{NOW_ENV}='{raw}' is not an ISO-8601 time",
                         f"Use e.g. 2025-01-31T09:00:00+00:00, or unset {NOW_ENV}.",
                         key="err_now", hint_key="err_now_hint",
                         values={"name": NOW_ENV, "value": raw}) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:
        moment = None  # type: ignore[assignment]
    if moment is None or not EARLIEST <= moment <= LATEST:
        raise UsageError(f"{NOW_ENV}='{raw}' is out of range",
                         f"Use a time between {EARLIEST.year} and {LATEST.year}, or unset "
                         f"{NOW_ENV}.", key="err_now_range", hint_key="err_now_range_hint",
                         values={"name": NOW_ENV, "value": raw, "first": EARLIEST.year,
                                 "last": LATEST.year})
    return moment


def card_id(ref: str) -> int:
    """A stable FSRS card id for `BANK_ID/QUESTION_ID`: 63 bits of its SHA-256."""
    digest = sha256_digest(ref.encode("utf-8"))
    return int.from_bytes(digest[:8], "big") & 0x7FFF_FFFF_FFFF_FFFF


def attempt_rating(passed: bool, graded_passed: bool, score: float) -> int:
    """An attempt's rating: the grade's, or Good / Again when the user overruled it.

    An overrule that agrees with the grader (`:pass` on a pass) keeps the grade's rating.
    """
    if passed == graded_passed:
        return rating_for(passed, score)
    return GOOD if passed else AGAIN


def rating_for(passed: bool, score: float) -> int:
    """The FSRS rating of a grade: Again, Hard (< 0.8), Good (< 1.0) or Easy."""
    if not passed:
        return AGAIN
    if score < 0.8:
        return HARD
    if score < 1.0:
        return GOOD
    return EASY


@lru_cache(maxsize=1)
def scheduler() -> Scheduler:
    from datetime import timedelta

    from fsrs import Scheduler

    no_steps: tuple[timedelta, ...] = ()
    return Scheduler(learning_steps=no_steps, relearning_steps=no_steps,
                     enable_fuzzing=False)


def _utc(moment: datetime) -> datetime:
    """What fsrs wants: timezone.utc exactly, whole seconds (as stored)."""
    return moment.astimezone(UTC).replace(microsecond=0)


def _parse(text: str | None) -> datetime | None:
    if text is None:
        return None
    moment = parse_time(text)
    if moment is None:
        raise ValueError(f"not a stored time: {text!r}")
    return moment.astimezone(UTC)


# A card as stored: (state, step, stability, difficulty, due, last_review).
CardRow = tuple[int, int | None, float | None, float | None, str, str | None]


def _card_from_row(ref: str, row: CardRow | None) -> Card:
    from fsrs import Card, State

    if row is None or row[0] is None:
        return Card(card_id=card_id(ref), due=datetime(1970, 1, 1, tzinfo=UTC))
    state, step, stability, difficulty, due, last_review = row
    return Card(card_id=card_id(ref), state=State(state), step=step, stability=stability,
                difficulty=difficulty, due=_parse(due), last_review=_parse(last_review))


def _row_from_card(card: Card) -> CardRow:
    return (int(card.state), card.step, card.stability, card.difficulty, iso(card.due),
            iso(card.last_review) if card.last_review else None)


def review(ref: str, before: CardRow | None, rating: int, when: datetime) -> CardRow:
    """The card after one review of `rating` at `when`, from its stored state before."""
    from fsrs import Rating

    card = _card_from_row(ref, before)
    after, _ = scheduler().review_card(card, Rating(rating), review_datetime=_utc(when))
    return _row_from_card(after)


# -- hooks ------------------------------------------------------------------------------


def attach(history: History) -> History:
    """Keep cards in step with every attempt and overrule written through `history`."""
    ensure_cards(history)
    if on_attempt not in history.on_attempt:
        history.on_attempt.append(on_attempt)
    if on_overrule not in history.on_overrule:
        history.on_overrule.append(on_overrule)
    return history


_CARD_COLUMNS = "state, step, stability, difficulty, due, last_review"
_LOG_INSERT = (
    "INSERT INTO review_log (attempt_id, bank_id, question_id, rating, before_state, "
    "before_step, before_stability, before_difficulty, before_due, before_last_review) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def on_attempt(conn: sqlite3.Connection, attempt: Attempt) -> None:
    """Rate the card from the attempt's grade; log the card as it was before.

    A card row with values pmquiz did not write is rebuilt from the question's attempts.
    """
    key = (attempt.bank_id, attempt.question_id)
    found = conn.execute(f"SELECT {_CARD_COLUMNS} FROM cards WHERE bank_id = ? "
                         "AND question_id = ?", key).fetchone()
    before: CardRow | None = tuple(found) if found else None
    rating = rating_for(attempt.passed, attempt.score)
    try:
        after = review(attempt.ref, before, rating, attempt.time)
    except (ValueError, TypeError, OverflowError):
        _rebuild_question(conn, *key)
        return
    conn.execute(_LOG_INSERT, (attempt.id, *key, rating, *(before or (None,) * 6)))
    conn.execute(
        f"""INSERT INTO cards (bank_id, question_id, {_CARD_COLUMNS}, last_attempt_id,
                last_score, last_passed, last_answered, attempts, failures)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
            ON CONFLICT (bank_id, question_id) DO UPDATE SET
                state = excluded.state, step = excluded.step,
                stability = excluded.stability, difficulty = excluded.difficulty,
                due = excluded.due, last_review = excluded.last_review,
                last_attempt_id = excluded.last_attempt_id,
                last_score = excluded.last_score, last_passed = excluded.last_passed,
                last_answered = excluded.last_answered,
                attempts = cards.attempts + 1, failures = cards.failures + excluded.failures""",
        (*key, *after, attempt.id, attempt.score, int(attempt.passed), iso(attempt.time),
         0 if attempt.passed else 1))


def on_overrule(conn: sqlite3.Connection, attempt: Attempt) -> None:
    """Replace the attempt's rating and recompute its card from the state before it
    (or from all the question's attempts, when a stored card state is unusable)."""
    try:
        _recompute_after_overrule(conn, attempt)
    except (ValueError, TypeError, OverflowError):
        _rebuild_question(conn, attempt.bank_id, attempt.question_id)


def _recompute_after_overrule(conn: sqlite3.Connection, attempt: Attempt) -> None:
    key = (attempt.bank_id, attempt.question_id)
    logged = conn.execute("SELECT 1 FROM review_log WHERE attempt_id = ?",
                          (attempt.id,)).fetchone()
    if logged is None:  # written without the hooks: rebuild this card from scratch
        _rebuild_question(conn, *key)
        return
    graded = conn.execute("SELECT graded_passed FROM attempts WHERE id = ?",
                          (attempt.id,)).fetchone()
    graded_passed = bool(graded[0]) if graded is not None else not attempt.passed
    rating = attempt_rating(attempt.passed, graded_passed, attempt.score)
    conn.execute("UPDATE review_log SET rating = ? WHERE attempt_id = ?",
                 (rating, attempt.id))
    rows = conn.execute(
        f"""SELECT r.attempt_id, r.rating, a.time, {', '.join(
                'r.before_' + c for c in _CARD_COLUMNS.split(', '))}
            FROM review_log r JOIN attempts a ON a.id = r.attempt_id
            WHERE r.bank_id = ? AND r.question_id = ? AND r.attempt_id >= ?
            ORDER BY r.attempt_id""", (*key, attempt.id)).fetchall()
    card: CardRow | None = tuple(rows[0][3:]) if rows[0][3] is not None else None
    for index, (attempt_id, rate, when, *_) in enumerate(rows):
        if index:  # later attempts start from the recomputed card
            conn.execute(
                "UPDATE review_log SET before_state = ?, before_step = ?, "
                "before_stability = ?, before_difficulty = ?, before_due = ?, "
                "before_last_review = ? WHERE attempt_id = ?", (*(card or ()), attempt_id))
        card = review(attempt.ref, card, rate, _stored_time(when))
    assert card is not None
    conn.execute(f"UPDATE cards SET ({_CARD_COLUMNS}) = (?, ?, ?, ?, ?, ?) "
                 "WHERE bank_id = ? AND question_id = ?", (*card, *key))
    _refresh_counts(conn, *key)


def _refresh_counts(conn: sqlite3.Connection, bank_id: str, question_id: str) -> None:
    conn.execute(
        """UPDATE cards SET
               (last_attempt_id, last_score, last_passed, last_answered) = (
                   SELECT id, score, passed, time FROM attempts
                   WHERE bank_id = cards.bank_id AND question_id = cards.question_id
                   ORDER BY time DESC, id DESC LIMIT 1),
               (attempts, failures) = (
                   SELECT count(*), count(*) - sum(passed) FROM attempts
                   WHERE bank_id = cards.bank_id AND question_id = cards.question_id)
           WHERE bank_id = ? AND question_id = ?""", (bank_id, question_id))


def _rebuild_question(conn: sqlite3.Connection, bank_id: str, question_id: str) -> None:
    conn.execute("DELETE FROM review_log WHERE bank_id = ? AND question_id = ?",
                 (bank_id, question_id))
    conn.execute("DELETE FROM cards WHERE bank_id = ? AND question_id = ?",
                 (bank_id, question_id))
    _replay(conn, conn.execute(
        "SELECT id, time, bank_id, question_id, score, passed, graded_passed FROM attempts "
        "WHERE bank_id = ? AND question_id = ? ORDER BY time, id", (bank_id, question_id)))


def _stored_time(value: Any) -> datetime:
    moment = parse_time(value)
    if moment is None:
        raise ValueError(f"not a stored time: {value!r}")
    return moment


def ensure_cards(history: History) -> None:
    """Replay attempts that have no review_log row yet (an older history, migrated by
    the store, or attempts written without the hooks) into cards.

    The check is two steps down primary keys; the replay happens once, in one
    transaction. A history that cannot be written (read-only) keeps the cards it has.
    """
    try:
        stale = history.query(
            "SELECT (SELECT max(id) FROM attempts) IS NOT "
            "(SELECT max(attempt_id) FROM review_log)")[0][0]
    except HistoryError:
        return
    if not stale:
        return
    try:
        with history.transaction() as conn:
            rebuild_cards(conn)
    except HistoryLockedError:
        raise
    except HistoryError:  # read-only: the cards as they are
        return


def rebuild_cards(conn: sqlite3.Connection,
                  questions: Iterable[tuple[str, str]] | None = None) -> None:
    """Recompute cards and review logs from the attempts, in time order: every card (an
    older history's first use, `ensure_cards`), or only those of `questions` (BANK_ID,
    QUESTION_ID) after an import brought in attempts older than those already here.

    Runs inside the caller's transaction.
    """
    if questions is not None:
        for bank_id, question_id in sorted(set(questions)):
            _rebuild_question(conn, bank_id, question_id)
        return
    conn.execute("DELETE FROM review_log")
    conn.execute("DELETE FROM cards")
    _replay(conn, conn.execute(
        "SELECT id, time, bank_id, question_id, score, passed, graded_passed FROM attempts "
        "ORDER BY time, id"))


def _replay(conn: sqlite3.Connection, rows: Iterable[Any]) -> None:
    """Review each attempt in order, writing logs in batches and the cards at the end."""
    cards: dict[tuple[str, str], list[Any]] = {}
    logs: list[tuple[Any, ...]] = []
    for attempt_id, when, bank_id, question_id, score, passed, graded_passed in rows:
        key = (bank_id, question_id)
        entry = cards.get(key)
        before: CardRow | None = entry[0] if entry else None
        moment = parse_time(when)
        if moment is None or isinstance(score, bool) or not isinstance(score, int | float):
            # Values pmquiz did not write: logged unrated (0) so the replay is not redone.
            logs.append((attempt_id, bank_id, question_id, 0, *(before or (None,) * 6)))
            continue
        rating = attempt_rating(bool(passed), bool(graded_passed), score)
        try:
            after = review(f"{bank_id}/{question_id}", before, rating, moment)
        except (ValueError, OverflowError):
            logs.append((attempt_id, bank_id, question_id, 0, *(before or (None,) * 6)))
            continue
        logs.append((attempt_id, bank_id, question_id, rating, *(before or (None,) * 6)))
        failed = 0 if passed else 1
        if entry is None:
            cards[key] = [after, attempt_id, score, passed, when, 1, failed]
        else:
            entry[:] = [after, attempt_id, score, passed, when, entry[5] + 1,
                        entry[6] + failed]
        if len(logs) >= 10_000:
            conn.executemany(_LOG_INSERT, logs)
            logs.clear()
    if logs:
        conn.executemany(_LOG_INSERT, logs)
    conn.executemany(
        f"""INSERT INTO cards (bank_id, question_id, {_CARD_COLUMNS}, last_attempt_id,
                last_score, last_passed, last_answered, attempts, failures)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(*key, *card, *rest) for key, (card, *rest) in cards.items()])


# -- the queue ----------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueItem:
    """One question of the review queue, and why it is there."""

    bank_id: str
    question_id: str
    reason: Reason
    due: datetime
    last_score: float
    last_answered: datetime
    failures: int

    @property
    def ref(self) -> str:
        return f"{self.bank_id}/{self.question_id}"

    @property
    def leech(self) -> bool:
        return self.failures >= LEECH_FAILURES

    def to_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "reason": self.reason,
            "due": iso(self.due),
            "last_score": round(self.last_score, 4),
            "last_answered": iso(self.last_answered),
            "leech": self.leech,
            "failures": self.failures,
        }


_QUEUE_COLUMNS = "bank_id, question_id, due, last_score, last_answered, failures"


def queue(history: History, at: datetime | None = None) -> list[QueueItem]:
    """Missed questions (latest attempt failed), longest ago first; then due ones, most
    overdue first. Reads only the cards table."""
    ensure_cards(history)
    moment = iso(at or now())
    missed = history.query(
        f"SELECT {_QUEUE_COLUMNS} FROM cards WHERE last_passed = 0 "
        "ORDER BY last_answered, last_attempt_id")
    due = history.query(
        f"SELECT {_QUEUE_COLUMNS} FROM cards WHERE last_passed = 1 AND due <= ? "
        "ORDER BY due, last_attempt_id", (moment,))
    items = [_item(row, "missed") for row in missed] + [_item(row, "due") for row in due]
    kept = [item for item in items if item is not None]
    if len(kept) < len(items):
        history.skip_row(len(items) - len(kept))
    return kept


def _item(row: Any, reason: Reason) -> QueueItem | None:
    """A queue entry, or None for a card row with values pmquiz did not write."""
    due, answered = parse_time(row[2]), parse_time(row[4])
    score, failures = row[3], row[5]
    if (due is None or answered is None or isinstance(score, bool)
            or not isinstance(score, int | float) or not isinstance(failures, int)
            or not isinstance(row[0], str) or not isinstance(row[1], str)):
        return None
    return QueueItem(bank_id=row[0], question_id=row[1], reason=reason, due=due,
                     last_score=float(score), last_answered=answered, failures=failures)


def next_due(history: History, refs: set[str] | None = None
             ) -> tuple[str, datetime] | None:
    """The card that falls due next (among `refs`, when given) and when; None without."""
    rows = history.query("SELECT bank_id, question_id, due FROM cards ORDER BY due")
    for bank_id, question_id, due in rows:
        ref = f"{bank_id}/{question_id}"
        moment = parse_time(due)
        if moment is not None and (refs is None or ref in refs):
            return ref, moment
    return None


def queue_size(history: History, at: datetime | None = None) -> int:
    """How many questions `pmquiz review` holds: missed plus due now."""
    row = history.query(
        "SELECT (SELECT count(*) FROM cards WHERE last_passed = 0) + "
        "(SELECT count(*) FROM cards WHERE last_passed = 1 AND due <= ?)",
        (iso(at or now()),))
    return int(row[0][0])


def leeches(history: History) -> list[tuple[str, int]]:
    """(ref, failures) of every question failed LEECH_FAILURES times or more, worst first."""
    ensure_cards(history)
    rows = history.query(
        "SELECT bank_id, question_id, failures FROM cards WHERE failures >= ? "
        "ORDER BY failures DESC, bank_id, question_id", (LEECH_FAILURES,))
    return [(f"{r[0]}/{r[1]}", int(r[2])) for r in rows]
