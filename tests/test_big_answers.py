"""Big answers (SPEC 5): stored answers are capped, the cut is said, history stays fast."""

from __future__ import annotations

import json
import sqlite3
import time

import pytest

from helpers import run_cli
from pmquiz import paths

KEPT = 65_536  # at least 64 KiB of any answer is kept (SPEC 5)

PASTE = ("后台产品经理要懂业务流程，围绕用户需求做设计。" * 50_000)[:1_000_000]


def test_a_1mb_paste_is_graded_and_stored_capped_and_the_feedback_says_so(
        capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["practice", "backoffice-pm-zh", "-n", "1", "--seed", "4", "--lang", "en"],
                  capsys, stdin=PASTE + "\n\n")
    assert run.exit_code == 0, run.stderr
    assert "Your answer was 1,000,000 characters long; only the first 65,536" in run.stdout
    with sqlite3.connect(paths.history_path()) as conn:
        (stored,) = conn.execute("SELECT answer FROM attempts").fetchone()
    assert stored == PASTE[:KEPT]


def test_an_answer_under_the_cap_is_kept_whole_and_nothing_is_said(
        capsys: pytest.CaptureFixture[str]) -> None:
    answer = "业务" * 1000
    run = run_cli(["practice", "backoffice-pm-zh", "-n", "1", "--seed", "4", "--lang", "en"],
                  capsys, stdin=answer + "\n\n")
    assert run.exit_code == 0
    assert "only the first" not in run.stdout
    with sqlite3.connect(paths.history_path()) as conn:
        assert conn.execute("SELECT answer FROM attempts").fetchone()[0] == answer


def test_history_stays_fast_with_huge_answers_stored_before_the_cap(
        capsys: pytest.CaptureFixture[str]) -> None:
    # A history written before answers were capped: twenty answers of 1 MB each took
    # `history` 24 s and 216 MB.
    assert run_cli(["practice", "backoffice-pm-zh", "-n", "1", "--seed", "4"], capsys,
                   stdin="业务\n\n").exit_code == 0
    with sqlite3.connect(paths.history_path()) as conn:
        conn.execute("UPDATE attempts SET answer = ?", (PASTE,))
        cursor = conn.execute("SELECT * FROM attempts")
        names = [d[0] for d in cursor.description]
        row = dict(zip(names, cursor.fetchone(), strict=True))
        copy = {k: v for k, v in row.items() if k not in ("id", "uid")}  # new ids
        marks = ", ".join("?" * len(copy))
        for _ in range(19):
            conn.execute(f"INSERT INTO attempts ({', '.join(copy)}) VALUES ({marks})",
                         tuple(copy.values()))
    started = time.monotonic()
    run = run_cli(["history", "-n", "0"], capsys)
    assert time.monotonic() - started < 6
    assert run.exit_code == 0 and run.stdout.count("backoffice-pm-zh/") == 20
    # The JSON document still carries every answer whole.
    run = run_cli(["history", "-n", "2", "--json"], capsys)
    assert [len(a["answer"]) for a in json.loads(run.stdout)] == [1_000_000, 1_000_000]


@pytest.mark.parametrize("items", [[], [{"a": 1}], [
    {"answer": "中文\x85\u202e", "n": [1, 2], "nested": {"x": None}}, {"answer": "b" * 70_000},
]])
def test_history_json_is_streamed_as_exactly_the_document_it_was(
        items: list[object], capsys: pytest.CaptureFixture[str]) -> None:
    from pmquiz.output import emit_json, emit_json_array

    emit_json(items)
    whole = capsys.readouterr().out
    emit_json_array(iter(items))
    assert capsys.readouterr().out == whole
