"""Structure: the store knows SQL and nothing of FSRS; scheduling sits above it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pmquiz.store

V1_HISTORY = """
import sqlite3, sys
from pmquiz.store import History, _m001_initial
path = sys.argv[1]
conn = sqlite3.connect(path)
_m001_initial(conn)
conn.execute(
    "INSERT INTO attempts (time, bank_id, question_id, question_hash, answer, score, "
    "passed, graded_passed, points_hit, points_missed, seconds) VALUES "
    "('2025-03-01T09:00:00+00:00', 'demo', 'q1', 'h', '业务', 0.5, 0, 0, '[]', '[]', 1)")
conn.execute("PRAGMA user_version = 1")
conn.commit()
conn.close()
History.open(__import__("pathlib").Path(path)).close()
print(" ".join(sorted(m for m in sys.modules if m == "fsrs" or m.startswith("pmquiz."))))
"""


def imported_modules(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_store_imports_neither_scheduling_nor_fsrs() -> None:
    imports = imported_modules(Path(pmquiz.store.__file__))
    assert not {name for name in imports
                if name.startswith(("pmquiz.scheduling", "fsrs"))}, imports


def test_migrating_an_old_history_through_the_store_alone_loads_no_scheduler(
        tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-c", V1_HISTORY, str(tmp_path / "h.sqlite3")],
                         capture_output=True, text=True, timeout=60, check=True)
    loaded = set(run.stdout.split())
    assert "fsrs" not in loaded and "pmquiz.scheduling" not in loaded, loaded


def test_an_old_history_gets_its_cards_the_first_time_review_reads_it(
        tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json
    import sqlite3

    from helpers import run_cli
    from pmquiz import paths
    from pmquiz.store import _m001_initial

    db = paths.history_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db)
    _m001_initial(conn)
    conn.execute(
        "INSERT INTO attempts (time, bank_id, question_id, question_hash, answer, score, "
        "passed, graded_passed, points_hit, points_missed, seconds) VALUES "
        "('2025-03-01T09:00:00+00:00', 'backoffice-pm-zh', 'core-ability', 'h', '交互', 0.1, "
        "0, 0, '[]', '[]', 1)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    run = run_cli(["review", "--list", "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    assert [item["ref"] for item in json.loads(run.stdout)] == ["backoffice-pm-zh/core-ability"]
