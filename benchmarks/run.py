"""Measure every performance figure of SPEC 9 on this machine and print them with budgets.

Plain Python, no timing assertions: each figure is a ratio against a baseline measured in
the same run (or an absolute figure where SPEC 9 gives one). Run it after installing the
project (`pip install .` or `pip install -e .`):

    python benchmarks/run.py            # everything
    python benchmarks/run.py --quick    # fewer repetitions, smaller history

Times are CPU time (user + system) of the process measured, the median of interleaved
runs: on a machine shared with other work, wall time mostly measures the wait for a core,
and for these single-threaded, warm-cache commands CPU time is what wall time is on an
idle machine. The wall-clock median is shown beside each time figure.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

MINIMAL_APP = '''\
import typer

app = typer.Typer()


@app.command()
def main(name: str, count: int = 1) -> None:
    print(name * count)


app()
'''

# Sentences a candidate might write about the article, to build ~300-character answers.
SENTENCES_ZH = [
    "我认为产品经理最重要的能力是洞察业务，以业务为基础去建设用户需求的产品设计。",
    "交互设计和用户体验固然重要，但一个产品不能只是交互设计。",
    "很多人不愿意做后台，是因为不清楚后台在产品中的重要性。",
    "后台产品的用户基数少，大多是公司内部或者几个部门在用。",
    "后台不够美观，也不太讲究用户体验，成就感不如前台。",
    "后台的起步门槛比较高，找竞品很难，因为涉及公司的隐私数据和私有业务。",
    "好的用户体验不仅是点击有反应、UI美观、动画酷炫，还包括付费、退款、客服这些业务流程。",
    "后台产品注重效率、功能能力和系统安全三个维度。",
    "做后台要花时间做业务调研，甚至亲自上阵操作一遍客服流程。",
    "后台产品经理难以替代，系统上线后老板生怕没人维护。",
    "电商的下单、退货，客服的会话和质检，这些通用业务到哪家公司都能用。",
    "后台产品经理要考虑框架、运维和开发，为APP、小程序和PC官网提供运营支撑和安全保护。",
    "所以后台产品经理的天花板更高，薪资待遇也更好。",
    "我觉得界面好不好看不重要，效率最重要。",
    "权限、审批这些都无所谓，先把功能上线。",
    "不需要洞察业务，做好交互就行。",
]


@dataclass
class Figure:
    name: str
    value: str
    baseline: str
    ratio: float | None
    budget: str
    met: bool | None


# Wall-clock medians of the last median_runtime call, by command name, for the table.
WALL: dict[str, float] = {}


@dataclass(frozen=True)
class Run:
    cpu: float  # seconds, user + system
    wall: float  # seconds
    peak_mb: float  # peak resident set


def run_process(cmd: list[str], env: dict[str, str], stdin: bytes = b"") -> Run:
    """Run one command to its end (stdout and stderr discarded) and measure it."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    assert proc.stdin is not None
    try:
        proc.stdin.write(stdin)
        proc.stdin.close()
    except BrokenPipeError:
        pass
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait
    if proc.returncode not in (0, 1):  # 1: a graded answer failed, as `grade` may
        raise RuntimeError(f"{' '.join(cmd[2:])} exited with {proc.returncode}")
    return Run(usage.ru_utime + usage.ru_stime, time.perf_counter() - start,
               usage.ru_maxrss / 1024)  # KiB on Linux


# Linux keeps a process's peak RSS across fork and exec, so a child of this (big) process
# would report this process's size as its own peak: memory is measured from a small
# launcher instead, whose own few MB are below any Python program's.
LAUNCHER = """\
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:], stdin=sys.stdin, stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_memory_mb(cmd: list[str], env: dict[str, str], stdin: bytes = b"") -> Run:
    """Run one command from the launcher; its CPU and wall time, and its own peak RSS."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", LAUNCHER, *cmd], env=env, input=stdin,
                         capture_output=True, check=False)
    if out.returncode not in (0, 1):  # 1: a graded answer failed, as a session may
        raise RuntimeError(f"{' '.join(cmd[2:])} exited with {out.returncode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return Run(cpu, time.perf_counter() - start, int(out.stdout) / 1024)  # KiB on Linux


def median_runtime(commands: dict[str, list[str]], runs: int, env: dict[str, str]
                   ) -> dict[str, float]:
    """Whole-process CPU times (medians), interleaved so drift hits every command alike;
    the wall-clock medians go to WALL."""
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    wall: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():  # warm the OS caches once
        run_process(cmd, env)
    for _ in range(runs):
        for name, cmd in commands.items():
            done = run_process(cmd, env)
            cpu[name].append(done.cpu)
            wall[name].append(done.wall)
    WALL.update({name: statistics.median(values) for name, values in wall.items()})
    return {name: statistics.median(values) for name, values in cpu.items()}


def ms(name: str, seconds: float) -> str:
    """A time figure: CPU milliseconds, and the wall-clock median beside it."""
    return f"{seconds * 1000:.0f} ms (wall {WALL.get(name, float('nan')) * 1000:.0f} ms)"


def measure_startup(runs: int, env: dict[str, str], work: Path) -> list[Figure]:
    app = work / "minimal_app.py"
    app.write_text(MINIMAL_APP, encoding="utf-8")
    pmquiz = [sys.executable, "-m", "pmquiz"]
    # Warm the bank cache first: the budget is for the everyday, warm start.
    subprocess.run([*pmquiz, "banks", "--json"], env=env, capture_output=True, check=False)
    times = median_runtime({
        "baseline": [sys.executable, str(app), "x", "--count", "2"],
        "banks": [*pmquiz, "banks", "--json"],
        "grade": [*pmquiz, "grade", "backoffice-pm-zh/core-ability", "--answer",
                  "最重要的不是交互设计，而是理解业务", "--json"],
    }, runs, env)
    base = times["baseline"]
    return [
        Figure("start-up: pmquiz banks --json", ms("banks", times["banks"]),
               f"{ms('baseline', base)} (minimal Typer app)", times["banks"] / base, "≤ 1.3×",
               times["banks"] / base <= 1.3),
        Figure("pmquiz grade --json, one answer", ms("grade", times["grade"]),
               f"{ms('baseline', base)} (minimal Typer app)", times["grade"] / base, "≤ 1.6×",
               times["grade"] / base <= 1.6),
    ]


def measure_piped(runs: int, env: dict[str, str], work: Path) -> list[Figure]:
    """SPEC 9: `list`, `history`, `review --list` and `grade` (the plain view) with
    stdout not a terminal, against the minimal Typer app, on a small history."""
    from gen_history import generate

    home = work / "piped-home"
    home.mkdir(parents=True, exist_ok=True)
    generate(home / "history.sqlite3", 200)
    piped_env = {**env, "PMQUIZ_HOME": str(home)}
    pmquiz = [sys.executable, "-m", "pmquiz"]
    subprocess.run([*pmquiz, "banks", "--json"], env=piped_env, capture_output=True,
                   check=False)  # warm the bank cache
    commands = {
        "list": [*pmquiz, "list"],
        "history": [*pmquiz, "history"],
        "review --list": [*pmquiz, "review", "--list"],
        "grade (plain view)": [*pmquiz, "grade", "backoffice-pm-zh/core-ability", "--answer",
                               "最重要的不是交互设计，而是理解业务"],
    }
    app = work / "minimal_app.py"
    app.write_text(MINIMAL_APP, encoding="utf-8")
    times = median_runtime({"baseline": [sys.executable, str(app), "x", "--count", "2"],
                            **commands}, runs, piped_env)
    base = times["baseline"]
    return [Figure(f"pmquiz {name}, stdout not a terminal", ms(name, times[name]),
                   f"{ms('baseline', base)} (minimal Typer app)", times[name] / base, "≤ 1.6×",
                   times[name] / base <= 1.6) for name in commands]


def make_answers(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    answers = []
    for _ in range(count):
        text = ""
        while len(text) < 300:
            text += rng.choice(SENTENCES_ZH)
        answers.append(text[:300])
    return answers


def measure_throughput(seconds: float) -> list[Figure]:
    from pmquiz.grading import grade
    from pmquiz.loader import load_bank
    from pmquiz.text import normalize

    bank = load_bank(REPO / "questions" / "backoffice-pm.zh.yaml")
    questions = [q for q in bank.questions if q.type == "open"]
    answers = make_answers(2000)
    for q in questions:  # compile every rubric once, as a session would
        grade(q, answers[0])

    def rate(work: Callable[[int], object]) -> float:
        """Answers per second of this process's CPU time ("on one core", SPEC 9)."""
        done = 0
        start = time.process_time()
        while time.process_time() - start < seconds:
            for _ in range(200):
                work(done)
                done += 1
        return done / (time.process_time() - start)

    graded = rate(lambda i: grade(questions[i % len(questions)], answers[i % len(answers)]))
    normalised = rate(lambda i: normalize(answers[i % len(answers)]))
    figures = [
        Figure("grading throughput, zh bank, 300-char answers", f"{graded:,.0f} answers/s",
               f"normalisation alone {normalised:,.0f}/s", None, "≥ 20,000/s",
               graded >= 20_000),
    ]
    # Where the time goes (CPU time, best of interleaved bursts: see grading_stages.py).
    from grading_stages import stage_split

    split, _ = stage_split(seconds)
    total = sum(split.values())
    for stage, micros in split.items():
        figures.append(Figure(f"  grading stage: {stage}", f"{micros:.1f} µs/answer",
                              f"{100 * micros / total:.0f}% of {total:.0f} µs", None, "-",
                              None))
    return figures


def measure_load(work: Path, env: dict[str, str], questions: int, runs: int
                 ) -> list[Figure]:
    """SPEC 9: a generated bank loaded and validated the first time (no cache entry) and
    again (file unchanged), against a bare `yaml.load` in a default interpreter; each in a
    fresh process, CPU time of the load itself, medians of interleaved runs."""
    from gen_bank import write_bank

    big = write_bank(work / "big.yaml", questions)
    probe = (
        "import sys, time, yaml\n"
        "t = time.process_time()\n"
        "with open(sys.argv[1], encoding='utf-8') as f: yaml.load(f, Loader=yaml.CSafeLoader)\n"
        "print(time.process_time() - t)\n"
    )
    ours = (  # yaml imported before the clock starts, as in the bare probe
        "import sys, time, yaml\n"
        "from pathlib import Path\n"
        "t = time.process_time()\n"
        "from pmquiz.bankcache import load_bank_cached\n"
        "bank = load_bank_cached(Path(sys.argv[1]))\n"
        "print(time.process_time() - t)\n"
    )

    def timed(code: str) -> float:
        out = subprocess.run([sys.executable, "-c", code, str(big)], env=env, check=True,
                             capture_output=True, text=True)
        return float(out.stdout.strip().splitlines()[-1])

    cache = Path(env["PMQUIZ_HOME"]) / "cache"
    bares, firsts, agains = [], [], []
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        bares.append(timed(probe))
        firsts.append(timed(ours))
        agains.append(timed(ours))
    bare, first, again = (statistics.median(v) for v in (bares, firsts, agains))
    size = big.stat().st_size / 1e6
    shown = f"{bare:.2f} s (bare CSafeLoader yaml.load)"
    return [
        Figure(f"load + validate {questions:,}-question bank ({size:.1f} MB), first time",
               f"{first:.2f} s", shown, first / bare, "≤ 0.5×", first / bare <= 0.5),
        Figure("the same bank again (validated-bank cache)", f"{again * 1000:.0f} ms",
               shown, again / bare, "≤ 0.05×", again / bare <= 0.05),
    ]


def big_history(env: dict[str, str], attempts: int) -> dict[str, str]:
    """A data folder of its own holding `attempts` simulated attempts (the other figures
    leave sessions in theirs); the environment that points pmquiz at it."""
    from gen_history import generate

    home = Path(env["PMQUIZ_HOME"]).parent / f"history-{attempts}"
    if not (home / "history.sqlite3").exists():
        home.mkdir(parents=True, exist_ok=True)
        print(f"  generating {attempts:,} attempts ...", file=sys.stderr, flush=True)
        generate(home / "history.sqlite3", attempts)
    return {**env, "PMQUIZ_HOME": str(home)}


def measure_big_history(env: dict[str, str], attempts: int, runs: int) -> list[Figure]:
    """SPEC 9: `review --list` and `stats` at a million attempts (whole process, stdout
    not a terminal), and the peak memory of `history --limit 0 --json` over all of them."""
    big = big_history(env, attempts)
    pmquiz = [sys.executable, "-m", "pmquiz"]
    commands = {
        "review --list": [*pmquiz, "review", "--list"],
        "review --list --json": [*pmquiz, "review", "--list", "--json"],
        "stats": [*pmquiz, "stats"],
        "stats --json": [*pmquiz, "stats", "--json"],
    }
    times = median_runtime(commands, runs, big)
    figures = [Figure(f"pmquiz {name}, {attempts:,} attempts (whole process)",
                      ms(name, seconds), "-", None, "≤ 0.3 s", seconds <= 0.3)
               for name, seconds in times.items()]
    done = peak_memory_mb([*pmquiz, "history", "--limit", "0", "--json"], big)
    figures.append(Figure(
        f"pmquiz history --limit 0 --json, {attempts:,} attempts: peak memory",
        f"{done.peak_mb:.0f} MB", f"took {done.cpu:.1f} s CPU (wall {done.wall:.1f} s)",
        None, "≤ 100 MB", done.peak_mb <= 100))
    return figures


def measure_memory(env: dict[str, str]) -> list[Figure]:
    answers = "".join(f"{a}\n\n" for a in make_answers(10, seed=3))
    peak_mb = peak_memory_mb(
        [sys.executable, "-m", "pmquiz", "practice", "backoffice-pm-zh", "--count", "10",
         "--seed", "2"], env, answers.encode("utf-8")).peak_mb
    figures = [Figure("peak memory, scripted 10-question practice session",
                      f"{peak_mb:.0f} MB", "-", None, "≤ 80 MB", peak_mb <= 80)]
    # The same session typed at a terminal, line editor loaded; in a process of its own so
    # its children's peak is that session's alone.
    typed = subprocess.run([sys.executable, str(HERE / "terminal_memory.py"), "--mb"],
                           capture_output=True, text=True, env=env, check=True)
    typed_mb = float(typed.stdout)
    figures.append(Figure("peak memory, 10-question practice session at a terminal",
                          f"{typed_mb:.0f} MB", "-", None, "≤ 80 MB", typed_mb <= 80))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs, a smaller history (100,000 attempts)")
    args = parser.parse_args()
    runs = 7 if args.quick else 21
    attempts = 100_000 if args.quick else 1_000_000
    work = Path(tempfile.mkdtemp(prefix="pmquiz-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PMQUIZ_")}
    env["PMQUIZ_HOME"] = str(work / "home")
    env["NO_COLOR"] = "1"
    # As pip installs it: with bytecode. Without, every start compiles pmquiz's modules
    # (about 40 ms here) while the baseline's Typer was compiled when it was installed.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    import pmquiz

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(pmquiz.__file__).parent)],
                   env=env, capture_output=True, check=False)
    try:
        figures: list[Figure] = []
        steps: list[tuple[str, Callable[[], list[Figure]]]] = [
            ("start-up", lambda: measure_startup(runs, env, work)),
            ("piped views", lambda: measure_piped(runs, env, work)),
            ("throughput", lambda: measure_throughput(2.0 if args.quick else 5.0)),
            # The bank stays at its SPEC size in --quick: the bare parse's collector cost
            # grows faster than the bank, so a smaller bank would judge another ratio.
            ("bank load", lambda: measure_load(work, env, 10_000, 1 if args.quick else 3)),
            ("memory", lambda: measure_memory(env)),
            ("big history", lambda: measure_big_history(env, attempts,
                                                        3 if args.quick else 7)),
        ]
        for label, step in steps:
            print(f"measuring {label} ...", file=sys.stderr, flush=True)
            try:
                figures.extend(step())
            except Exception as exc:  # noqa: BLE001 - report the rest all the same
                figures.append(Figure(label, f"failed: {exc}", "-", None, "-", None))
        print_table(figures)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_table(figures: list[Figure]) -> None:
    import platform

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; load average at the end "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("times: CPU time of the process (median of interleaved runs), wall-clock median "
          "in brackets")
    print()
    print("| figure | measured | baseline (same run) | ratio | budget | met |")
    print("|---|---|---|---|---|---|")
    for f in figures:
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "-"
        met = "yes" if f.met else ("no" if f.met is not None else "-")
        print(f"| {f.name} | {f.value} | {f.baseline} | {ratio} | {f.budget} | {met} |")


if __name__ == "__main__":
    main()
