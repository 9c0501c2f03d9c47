"""Statistics of the history: totals, pass rates by bank and tag (a tag whatever its case,
as `--tag` matches it), most-missed rubric points, leeches, daily activity, streak and what
falls due (`pmquiz stats`).

`compute` returns a typed `Stats`; `pmquiz.commands.stats` prints it as JSON or through
`statsviews`.
Per-question totals come from the cards table (kept by the scheduling hooks), the
most-missed points from the missed_points summary (kept by triggers); only the daily chart
reads attempts (the last 30 days), and the streak probes the time index once a day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from pmquiz.catalog import Catalog
from pmquiz.store import History, iso, parse_time

DAYS = 30
TOP_POINTS = 10


@dataclass(frozen=True)
class Tally:
    """Attempts and passes of one bank or tag."""

    name: str
    attempts: int
    passed: int

    @property
    def pass_rate(self) -> float:
        return self.passed / self.attempts if self.attempts else 0.0

    def to_json(self, key: str) -> dict[str, Any]:
        return {key: self.name, "attempts": self.attempts, "passed": self.passed,
                "pass_rate": round(self.pass_rate, 4)}


@dataclass(frozen=True)
class MissedPoint:
    """A rubric point and how often answers to its question missed it."""

    ref: str
    point: str
    label: str
    missed: int
    attempts: int

    def to_json(self) -> dict[str, Any]:
        return {"ref": self.ref, "point": self.point, "label": self.label,
                "missed": self.missed, "attempts": self.attempts}


@dataclass(frozen=True)
class Day:
    day: date
    attempts: int
    passed: int

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "attempts": self.attempts, "passed": self.passed}


@dataclass(frozen=True)
class Stats:
    now: datetime
    attempts: int = 0
    passed: int = 0
    questions: int = 0
    first: datetime | None = None
    last: datetime | None = None
    by_bank: list[Tally] = field(default_factory=list)
    by_tag: list[Tally] = field(default_factory=list)
    most_missed: list[MissedPoint] = field(default_factory=list)
    leeches: list[tuple[str, int]] = field(default_factory=list)
    daily: list[Day] = field(default_factory=list)
    streak: int = 0
    review_now: int = 0
    due_today: int = 0
    due_week: int = 0
    bank_titles: dict[str, str] = field(default_factory=dict)

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.attempts if self.attempts else None

    def to_json(self) -> dict[str, Any]:
        return {
            "attempts": self.attempts,
            "passed": self.passed,
            "pass_rate": None if self.pass_rate is None else round(self.pass_rate, 4),
            "questions": self.questions,
            "first_attempt": iso(self.first) if self.first else None,
            "last_attempt": iso(self.last) if self.last else None,
            "by_bank": [t.to_json("bank") for t in self.by_bank],
            "by_tag": [t.to_json("tag") for t in self.by_tag],
            "most_missed_points": [p.to_json() for p in self.most_missed],
            "leeches": [{"ref": ref, "failures": n} for ref, n in self.leeches],
            "daily": [d.to_json() for d in self.daily],
            "streak": self.streak,
            "review_now": self.review_now,
            "due_today": self.due_today,
            "due_week": self.due_week,
        }


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def compute(history: History, catalog: Catalog, now: datetime) -> Stats:
    """Everything `pmquiz stats` shows, as of `now`."""
    from pmquiz.scheduling import ensure_cards, leeches
    from pmquiz.tagfilter import spellings

    ensure_cards(history)  # an older history's attempts become cards first
    questions = {q.ref: q for q in catalog.questions()}
    # Tags are one tag whatever their case, as `--tag` matches them.
    tag_names = spellings(questions.values())
    titles = {b.id: b.title for b in catalog.banks}
    rows = history.query(
        "SELECT bank_id, question_id, due, last_passed, attempts, failures FROM cards")
    cards = [c for c in rows if _usable_card(c)]
    if len(cards) < len(rows):
        history.skip_row(len(rows) - len(cards))
    cards = _without_damaged(history, cards)
    if not cards:
        return Stats(now=now, daily=_daily(history, now), bank_titles=titles)

    attempts = sum(int(c[4]) for c in cards)
    passed = sum(int(c[4]) - int(c[5]) for c in cards)
    banks: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    tags: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    today_end = iso(_local_midnight(now.astimezone().date() + timedelta(days=1)))
    week_end = iso(_local_midnight(now.astimezone().date() + timedelta(days=8)))
    now_iso = iso(now)
    review_now = due_today = due_week = 0
    for bank_id, question_id, due, last_passed, n, failures in cards:
        ref = f"{bank_id}/{question_id}"
        banks[bank_id][0] += n
        banks[bank_id][1] += n - failures
        question = questions.get(ref)
        if question is None:  # gone from every bank: counted, never reviewed
            continue
        for tag in {tag_names[tag.casefold()] for tag in question.tags}:
            tags[tag][0] += n
            tags[tag][1] += n - failures
        missed = not last_passed
        review_now += missed or due <= now_iso
        due_today += missed or due < today_end
        due_week += missed or due < week_end

    # Two queries, each a step or so down the time index (damaged rows passed over).
    first = _one(history, f"SELECT time FROM attempts WHERE {_SOUND} ORDER BY time LIMIT 1")
    last = _one(history,
                f"SELECT time FROM attempts WHERE {_SOUND} ORDER BY time DESC LIMIT 1")
    return Stats(
        now=now, attempts=attempts, passed=passed, questions=len(cards),
        first=parse_time(first), last=parse_time(last),
        by_bank=_tallies(banks), by_tag=_tallies(tags),
        most_missed=_most_missed(history, catalog),
        leeches=leeches(history),
        daily=_daily(history, now), streak=_streak(history, now),
        review_now=review_now, due_today=due_today, due_week=due_week, bank_titles=titles,
    )


# An attempt `pmquiz history` shows too (pmquiz.damagedrows lists those it leaves out).
_SOUND = "id NOT IN (SELECT attempt_id FROM damaged_attempts)"


def _one(history: History, sql: str) -> Any:
    rows = history.query(sql)
    return rows[0][0] if rows else None


def _without_damaged(history: History, cards: list[Any]) -> list[Any]:
    """The cards' counts without the attempts `history` leaves out as damaged (noted as
    skipped rows, as `history` notes them), so that both count the same attempts.

    Only the attempts a card counts are taken off: those rated when stored (review_log
    rating above 0); a replay of the attempts leaves a bad time or score unrated.
    A card left with no attempts is left out.
    """
    damaged = history.query("SELECT count(*) FROM damaged_attempts")[0][0]
    if not damaged:
        return cards
    history.skip_row(int(damaged))
    counted = {(b, q): (int(n), int(f or 0)) for b, q, n, f in history.query(
        """SELECT a.bank_id, a.question_id, count(*), sum(NOT a.passed)
           FROM damaged_attempts d JOIN attempts a ON a.id = d.attempt_id
           JOIN review_log r ON r.attempt_id = d.attempt_id AND r.rating > 0
           GROUP BY a.bank_id, a.question_id""")}
    out = []
    for card in cards:
        n, failures = counted.get((card[0], card[1]), (0, 0))
        if n >= card[4]:
            continue
        out.append((*card[:4], card[4] - n, max(0, card[5] - failures)))
    return out


def _usable_card(row: Any) -> bool:
    """A cards row as pmquiz writes it (a damaged one is skipped with a note)."""
    return (all(isinstance(v, str) for v in row[:3]) and parse_time(row[2]) is not None
            and all(isinstance(v, int) and not isinstance(v, bool) for v in row[3:]))


def _tallies(groups: dict[str, list[int]]) -> list[Tally]:
    tallies = [Tally(name, n, p) for name, (n, p) in groups.items()]
    return sorted(tallies, key=lambda t: (-t.attempts, t.name))


def _most_missed(history: History, catalog: Catalog) -> list[MissedPoint]:
    """Rubric points missed most often (count, then share of the question's answers)."""
    # The summary kept by triggers (pmquiz.missedpoints): a few hundred rows, not every
    # attempt's JSON.
    rows = history.query("SELECT bank_id, question_id, point, missed FROM missed_points")
    if not rows:
        return []
    # A damaged attempt's misses are counted there when its list can be read; `history`
    # leaves that attempt out, so they are taken off here.
    gone: dict[tuple[str, str, str], int] = defaultdict(int)
    for b, q, p in history.query(
            "SELECT a.bank_id, a.question_id, j.value FROM damaged_attempts d "
            "JOIN attempts a ON a.id = d.attempt_id, json_each(CASE WHEN "
            "typeof(a.points_missed) = 'text' AND json_valid(a.points_missed) "
            "THEN a.points_missed ELSE '[]' END) j"):
        gone[(b, q, p)] += 1
    if gone:
        rows = [(b, q, p, int(n) - gone[(b, q, p)]) for b, q, p, n in rows]
        rows = [r for r in rows if r[3] > 0]
    answered = {f"{r[0]}/{r[1]}": r[2] for r in history.query(
        "SELECT bank_id, question_id, attempts FROM cards WHERE typeof(attempts) = 'integer'")}
    labels: dict[tuple[str, str], str] = {}
    for question in catalog.questions():
        for point in question.rubric.points:
            labels[(question.ref, point.id)] = point.label
    points = [
        MissedPoint(ref=f"{b}/{q}", point=str(p), label=labels.get((f"{b}/{q}", str(p)), str(p)),
                    missed=int(n), attempts=answered.get(f"{b}/{q}", int(n)))
        for b, q, p, n in rows
    ]
    points.sort(key=lambda m: (-m.missed, -m.missed / max(m.attempts, 1), m.ref, m.point))
    return points[:TOP_POINTS]


def _daily(history: History, now: datetime) -> list[Day]:
    """Attempts per local calendar day, the last DAYS days ending today."""
    today = now.astimezone().date()
    start = today - timedelta(days=DAYS - 1)
    rows = history.query(
        f"""SELECT date(time, 'localtime') AS day, count(*), sum(passed) FROM attempts
           WHERE time >= ? AND time < ? AND {_SOUND} GROUP BY day""",
        (iso(_local_midnight(start)), iso(_local_midnight(today + timedelta(days=1)))))
    counts = {date.fromisoformat(r[0]): (int(r[1]), int(r[2] or 0)) for r in rows if r[0]}
    return [Day(day, *counts.get(day, (0, 0)))
            for day in (start + timedelta(days=i) for i in range(DAYS))]


def _streak(history: History, now: datetime) -> int:
    """Consecutive days with an attempt, ending today (or yesterday, if not yet today).

    One probe of the time index per day, newest first, so a year of daily use costs a few
    hundred index lookups rather than a read of every attempt's date.
    """
    day = now.astimezone().date()
    if not _any_on(history, day):
        day -= timedelta(days=1)
    streak = 0
    while _any_on(history, day):
        streak += 1
        day -= timedelta(days=1)
    return streak


def _any_on(history: History, day: date) -> bool:
    """Whether any attempt falls on this local calendar day."""
    rows = history.query(
        f"SELECT EXISTS (SELECT 1 FROM attempts WHERE time >= ? AND time < ? AND {_SOUND})",
        (iso(_local_midnight(day)), iso(_local_midnight(day + timedelta(days=1)))))
    return bool(rows[0][0])
