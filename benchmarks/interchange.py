"""Measure `pmquiz export history` and `pmquiz import` on large histories (SPEC 11).

    python benchmarks/interchange.py                   # 10,000 and 100,000 attempts
    python benchmarks/interchange.py --attempts 100000

For each size: a history made by gen_history.generate in one data folder, exported to a
file (and to stdout into a pipe), imported into an empty folder, then imported again (every
attempt already there). Each step is a whole `pmquiz` process; its wall time and peak
memory (ru_maxrss) are printed. Budget: each export and import of 100,000 attempts within
10 s; memory streamed, so the peak barely moves between sizes. Not a test: it prints.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BUDGET_SECONDS = 10.0


def run(args: list[str], home: Path, stdout: int | None = subprocess.DEVNULL
        ) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MB) of one `pmquiz` process; raises if it fails.

    CPU time (user + system) is printed beside the wall time: on a machine shared with
    other work it is the steadier figure.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("PMQUIZ_")}
    env["PMQUIZ_HOME"] = str(home)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pmquiz", *args], env=env,
                            stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        error = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"pmquiz {' '.join(args)} failed: {error}")
    if proc.stderr:
        proc.stderr.close()
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB on Linux


def attempts_in(home: Path) -> int:
    conn = sqlite3.connect(home / "history.sqlite3")
    try:
        return int(conn.execute("SELECT count(*) FROM attempts").fetchone()[0])
    finally:
        conn.close()


def measure(size: int, work: Path) -> list[tuple[str, float, float, float]]:
    home_a, home_b = work / f"a-{size}", work / f"b-{size}"
    home_a.mkdir()
    # In a process of its own: a child's peak memory counts its parent's at the fork, so
    # this process stays small.
    subprocess.run([sys.executable, str(HERE / "gen_history.py"),
                    str(home_a / "history.sqlite3"), "--attempts", str(size)],
                   env={**os.environ, "PMQUIZ_HOME": str(home_a)}, check=True,
                   stdout=subprocess.DEVNULL)
    export = work / f"history-{size}.jsonl"
    rows = [("export history -o FILE", *run(["export", "history", "-o", str(export)],
                                             home_a))]
    with open(os.devnull, "wb") as sink:
        rows.append(("export history (stdout, a pipe)", *run(["export", "history"], home_a,
                                                      stdout=sink.fileno())))
    rows.append(("import FILE (empty folder)", *run(["import", str(export)], home_b)))
    if attempts_in(home_b) != size:
        raise SystemExit(f"import brought {attempts_in(home_b)} attempts, not {size}")
    rows.append(("import FILE again (all there)", *run(["import", str(export)], home_b)))
    if attempts_in(home_b) != size:
        raise SystemExit("importing again changed the history")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, action="append",
                        help="history size (repeatable; default 10,000 and 100,000)")
    args = parser.parse_args()
    sizes = args.attempts or [10_000, 100_000]
    work = Path(tempfile.mkdtemp(prefix="pmquiz-interchange-"))
    try:
        load = os.getloadavg()[0]
        print(f"machine: {os.cpu_count()} cores, load average {load:.1f} at the start")
        print()
        print("| attempts | step | wall time | CPU time | peak memory | within 10 s |")
        print("|---|---|---|---|---|---|")
        for size in sizes:
            print(f"measuring {size:,} attempts ...", file=sys.stderr, flush=True)
            for step, seconds, cpu, peak in measure(size, work):
                met = "yes" if seconds <= BUDGET_SECONDS else "no"
                print(f"| {size:,} | `{step}` | {seconds:.2f} s | {cpu:.2f} s | "
                      f"{peak:.0f} MB | {met} |")
            size_mb = (work / f"history-{size}.jsonl").stat().st_size / 1e6
            print(f"| {size:,} | (export file: {size_mb:.1f} MB) | - | - | - | - |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
