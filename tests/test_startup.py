"""Start-up stays light: heavy modules are imported only by the commands that need them.

Not timed (timings live in benchmarks/run.py); this guards the imports themselves, which
is what moves the start-up figure.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# `_hashlib` loads OpenSSL (2 ms): the bank cache hashes with CPython's own BLAKE2.
HEAVY_FOR_BANKS = {"sqlite3", "fsrs", "opencc", "re2", "rapidfuzz", "rich", "yaml",
                   "prompt_toolkit", "genanki", "markdown_it", "_hashlib"}
HEAVY_FOR_GRADE = {"sqlite3", "fsrs", "rich", "prompt_toolkit", "_hashlib"}
# The line editor is for a person typing at a terminal: practice, review and mock there.
LINE_EDITOR = {"prompt_toolkit", "wcwidth"}


def modules_imported_by(args: list[str], home: Path, tmp_path: Path, stdin: str = ""
                        ) -> set[str]:
    dump = tmp_path / "modules.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PMQUIZ_")}
    env.update({"PMQUIZ_HOME": str(home), "PMQUIZ_DUMP_MODULES": str(dump)})
    result = subprocess.run([sys.executable, "-m", "pmquiz", *args], env=env, input=stdin,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode in (0, 1), result.stderr
    return {line.split(".")[0] for line in dump.read_text().split()}


def test_banks_json_with_warm_cache_imports_nothing_heavy(tmp_path: Path) -> None:
    home = tmp_path / "home"
    modules_imported_by(["banks", "--json"], home, tmp_path)  # fills the bank cache
    loaded = modules_imported_by(["banks", "--json"], home, tmp_path)
    assert loaded & HEAVY_FOR_BANKS == set()


def test_grade_json_imports_no_storage_or_scheduling(tmp_path: Path) -> None:
    home = tmp_path / "home"
    args = ["grade", "backoffice-pm-zh/core-ability", "--answer", "理解业务", "--json"]
    modules_imported_by(args, home, tmp_path)
    loaded = modules_imported_by(args, home, tmp_path)
    assert loaded & HEAVY_FOR_GRADE == set()
    assert "pmquiz" in loaded  # the dump really came from pmquiz


def test_a_grade_no_regex_term_can_match_loads_no_regex_engine(tmp_path: Path) -> None:
    """A `re:` term is compiled on its first search, and most are ruled out by the
    strings they need: an answer holding none of them never loads RE2 (2-3 ms)."""
    home = tmp_path / "home"
    args = ["grade", "backoffice-pm-zh/core-ability", "--answer", "我觉得沟通能力很重要", "--json"]
    modules_imported_by(args, home, tmp_path)
    loaded = modules_imported_by(args, home, tmp_path)
    assert "re2" not in loaded
    assert "pmquiz.grading.terms" in _full_names(tmp_path)  # it really graded


def test_grade_feedback_view_imports_no_storage_or_scheduling(tmp_path: Path) -> None:
    home = tmp_path / "home"
    args = ["grade", "backoffice-pm-zh/core-ability", "--answer", "理解业务"]
    modules_imported_by(args, home, tmp_path)
    loaded = modules_imported_by(args, home, tmp_path)
    # Piped, the feedback is the plain face: no Rich either (SPEC 9 counts on it).
    assert loaded & {"sqlite3", "fsrs", "rich"} == set()
    assert "pmquiz.plain" in _full_names(tmp_path)  # the feedback view really ran


def _full_names(tmp_path: Path) -> set[str]:
    return set((tmp_path / "modules.txt").read_text().split())


@pytest.mark.parametrize("args", [["list"], ["history"], ["review", "--list"]],
                         ids=["list", "history", "review-list"])
def test_piped_tables_import_no_rich(tmp_path: Path, args: list[str]) -> None:
    """The plain face writes tab-separated rows without Rich (SPEC 9's piped budgets)."""
    home = tmp_path / "home"
    # A history with a missed question, so history and the queue have rows to print.
    grade = ["grade", "backoffice-pm-zh/core-ability", "--answer", "理解业务"]
    modules_imported_by(grade, home, tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PMQUIZ_")}
    env["PMQUIZ_HOME"] = str(home)
    subprocess.run([sys.executable, "-m", "pmquiz", "practice", "--count", "1", "--seed",
                    "1", "--type", "truefalse"], input="错\n", env=env,
                   capture_output=True, text=True, timeout=60, check=False)
    loaded = modules_imported_by(args, home, tmp_path)
    assert "rich" not in loaded
    assert "pmquiz.plain" in _full_names(tmp_path)


def test_no_line_editor_outside_a_terminal_session(tmp_path: Path) -> None:
    """History, stats, the review queue and piped practice never load prompt_toolkit."""
    home = tmp_path / "home"
    practice = ["practice", "--count", "1", "--type", "truefalse", "--seed", "1"]
    assert modules_imported_by(practice, home, tmp_path, "对\n") & LINE_EDITOR == set()
    for args in (["history"], ["stats"], ["review", "--list"], ["list"]):
        loaded = modules_imported_by(args, home, tmp_path)
        assert loaded & LINE_EDITOR == set(), args
        assert "pmquiz" in loaded


def test_export_history_imports_neither_anki_nor_scheduling(tmp_path: Path) -> None:
    home = tmp_path / "home"
    loaded = modules_imported_by(["export", "history"], home, tmp_path)
    assert loaded & {"genanki", "markdown_it", "fsrs", "rich", "yaml"} == set()
    assert "pmquiz" in loaded


def test_streamed_history_json_imports_no_rich(tmp_path: Path) -> None:
    """`history --json` writes through the streaming writer, never a view."""
    home = tmp_path / "home"
    modules_imported_by(["grade", "backoffice-pm-zh/core-ability", "--answer", "理解业务"],
                        home, tmp_path)
    loaded = modules_imported_by(["history", "--limit", "0", "--json"], home, tmp_path)
    assert loaded & {"rich", "fsrs", "prompt_toolkit"} == set()
    assert "pmquiz.jsonstream" in _full_names(tmp_path)
