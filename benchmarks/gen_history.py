"""Fill a history database with simulated attempts, fast, for measuring and for demos.

    python benchmarks/gen_history.py HISTORY.sqlite3 --attempts 1000000 --days 365
    python benchmarks/gen_history.py HISTORY.sqlite3 --attempts 150 --days 7   # a week

Questions are the built-in banks' (and PMQUIZ_BANKS'); open answers miss random rubric
points of their question, so `pmquiz stats` has real labels to show. Attempts go in with
one `executemany` in one transaction; the cards and review logs are then computed from
them by the same replay the m002 migration uses, so the database is exactly what that
many real attempts would leave. Use `--time` to also time `pmquiz review --list --json`
against it (whole process, best of several runs).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path


def generate(path: Path, attempts: int, days: int = 365, seed: int = 1,
             end: datetime | None = None, sessions_per_day: int = 2) -> float:
    """Write `attempts` attempts spread over the last `days` days before `end`; seconds taken.

    Attempts come in sessions of a few minutes; each day has up to `sessions_per_day`.
    """
    from pmquiz.catalog import Catalog
    from pmquiz.scheduling import rebuild_cards
    from pmquiz.store import History, iso, question_hash

    started = time.perf_counter()
    rng = random.Random(seed)
    uids = random.Random(seed + 1)  # its own stream: the attempts stay what they were
    questions = Catalog.load().questions()
    if not questions:
        raise SystemExit("no banks found")
    hashes = {q.ref: question_hash(q) for q in questions}
    end = (end or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    first_day = end - timedelta(days=days)
    # Session start times, in order; each session holds a share of the attempts.
    session_count = max(1, min(attempts, days * sessions_per_day))
    starts = sorted(first_day + timedelta(seconds=rng.uniform(0, days * 86400 - 3600))
                    for _ in range(session_count))
    per_session = [attempts // session_count] * session_count
    for i in range(attempts % session_count):
        per_session[i] += 1
    skill = {q.ref: rng.uniform(0.3, 0.9) for q in questions}

    history = History.open(path)
    try:
        with history.transaction() as conn:
            conn.executemany(
                "INSERT INTO sessions (id, started_at, ended_at, kind, banks) "
                "VALUES (?, ?, ?, ?, '[]')",
                [(i + 1, iso(s), iso(s + timedelta(minutes=20)),
                  "review" if i % 3 == 2 else "practice") for i, s in enumerate(starts)])
            rows = []
            for session_index, (start, n) in enumerate(zip(starts, per_session, strict=True)):
                moment = start
                for _ in range(n):
                    q = rng.choice(questions)
                    seconds = rng.uniform(5, 180) if q.type == "open" else rng.uniform(2, 20)
                    moment += timedelta(seconds=int(seconds) + 5)
                    ids = [p.id for p in q.rubric.points]
                    if q.type == "open":
                        hit = [i for i in ids if rng.random() < skill[q.ref]]
                        missed = [i for i in ids if i not in hit]
                        score = (len(hit) / len(ids)) if ids else 0.0
                        passed = score >= q.threshold
                    else:
                        hit, missed = [], []
                        passed = rng.random() < skill[q.ref]
                        score = 1.0 if passed else 0.0
                    rows.append((
                        session_index + 1, iso(moment), q.bank_id, q.id, hashes[q.ref],
                        "simulated answer", score, int(passed), int(passed),
                        json.dumps(hit), json.dumps(missed, ensure_ascii=False),
                        round(seconds, 1), f"{uids.getrandbits(128):032x}"))
            # Ids given here (as an import gives them): the schema's trigger that fills a
            # missing one costs an UPDATE per row.
            conn.executemany(
                """INSERT INTO attempts (session_id, time, bank_id, question_id,
                       question_hash, answer, score, passed, graded_passed, overruled,
                       points_hit, points_missed, seconds, uid)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""", rows)
            rebuild_cards(conn)
    finally:
        history.close()
    return time.perf_counter() - started


def time_review_list(home: Path, runs: int = 5) -> tuple[float, int]:
    """Best whole-process wall time of `pmquiz review --list --json`, and the queue size."""
    env = {**os.environ, "PMQUIZ_HOME": str(home)}
    command = [str(Path(sys.executable).with_name("pmquiz")), "review", "--list", "--json"]
    best, size = float("inf"), 0
    for _ in range(runs + 1):  # the first run warms the OS and bank caches
        started = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
        size = len(json.loads(done.stdout))
    return best, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="history.sqlite3 to create (must not exist)")
    parser.add_argument("--attempts", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time", action="store_true",
                        help="then time `pmquiz review --list --json` on it")
    args = parser.parse_args()
    if args.path.exists():
        raise SystemExit(f"{args.path} exists; give a new file")
    seconds = generate(args.path, args.attempts, args.days, args.seed)
    size = args.path.stat().st_size / 1e6
    print(f"{args.attempts:,} attempts in {seconds:.1f} s -> {args.path} ({size:.0f} MB)")
    if args.time:
        best, queue = time_review_list(args.path.parent)
        print(f"pmquiz review --list --json: {best * 1000:.0f} ms (best of 5), "
              f"{queue} questions queued")


if __name__ == "__main__":
    main()
