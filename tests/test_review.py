"""`pmquiz review` and `review --list`, through the real entry point (SPEC 7).

Attempts are made by piped `practice` / `review` sessions at the real time; what is due
later is looked at by moving the scheduling clock with PMQUIZ_NOW.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from helpers import Run, run_cli

BANK = """\
id: rv
title: 复习测试
language: zh
questions:
  - {id: alpha, type: truefalse, prompt: 后台用户少吗？, answer: true, tags: [alpha]}
  - {id: beta, type: truefalse, prompt: 后台只需好看？, answer: false, tags: [beta]}
  - id: gamma
    type: open
    tags: [gamma]
    prompt: 产品经理最重要的能力是什么？
    rubric:
      points:
        - {id: business, label: 以洞察业务为基础, any: [业务]}
        - {id: loop, label: 业务闭环, any: [闭环]}
"""


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    path = folder / "rv.yaml"
    path.write_text(BANK, encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(folder))
    return path


def _answer(capsys: pytest.CaptureFixture[str], tag: str, answer: str) -> Run:
    run = run_cli(["practice", "rv", "--tag", tag, "--count", "0"], capsys,
                  stdin=f"{answer}\n\n")
    assert run.exit_code == 0, run.stderr
    return run


def _queue(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    run = run_cli(["review", "--list", "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    return list(json.loads(run.stdout))


def _later(monkeypatch: pytest.MonkeyPatch, days: float) -> None:
    moment = datetime.now(UTC) + timedelta(days=days)
    monkeypatch.setenv("PMQUIZ_NOW", moment.isoformat())


def test_failed_question_leads_the_list_as_missed(
        bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _answer(capsys, "beta", "对")  # wrong
    _answer(capsys, "alpha", "错")  # wrong, later
    queue = _queue(capsys)
    assert [(q["ref"], q["reason"]) for q in queue] == [("rv/beta", "missed"),
                                                        ("rv/alpha", "missed")]
    first = queue[0]
    assert set(first) >= {"ref", "reason", "due", "last_score", "last_answered"}
    assert first["last_score"] == 0.0 and first["leech"] is False
    for key in ("due", "last_answered"):
        assert datetime.fromisoformat(first[key]).utcoffset() == timedelta(0)
    run = run_cli(["review", "--list"], capsys)
    assert run.exit_code == 0
    assert run.stdout.index("rv/beta") < run.stdout.index("rv/alpha")
    assert "答错" in run.stdout  # the bank's language


def test_passing_in_review_leaves_missed_and_is_due_later(
        bank: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer(capsys, "alpha", "错")
    run = run_cli(["review"], capsys, stdin="对\n\n")
    assert run.exit_code == 0, run.stderr
    assert "rv/alpha" in run.stdout and "通过" in run.stdout
    assert _queue(capsys) == []
    nothing = run_cli(["review"], capsys)
    assert nothing.exit_code == 0
    assert "没有需要复习的题目" in nothing.stdout and "下一题到期" in nothing.stdout

    _later(monkeypatch, 60)
    queue = _queue(capsys)
    assert [(q["ref"], q["reason"], q["last_score"]) for q in queue] == [
        ("rv/alpha", "due", 1.0)]


def test_passed_new_question_is_due_later_not_now(
        bank: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run = _answer(capsys, "beta", "错")  # right
    assert "现有 0 道题待复习" in run.stdout
    assert _queue(capsys) == []
    _later(monkeypatch, 0.5)
    assert _queue(capsys) == []
    _later(monkeypatch, 60)
    [item] = _queue(capsys)
    assert item["reason"] == "due"
    due = datetime.fromisoformat(item["due"])
    answered = datetime.fromisoformat(item["last_answered"])
    assert timedelta(days=1) <= due - answered <= timedelta(days=60)


def test_missed_first_then_due_most_overdue_first(
        bank: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer(capsys, "beta", "错")  # passed: Easy
    _answer(capsys, "gamma", "要理解业务")  # passed at 0.5 of the points? threshold 0.6: fails
    _answer(capsys, "alpha", "对")  # passed: Easy, answered last
    _later(monkeypatch, 90)
    queue = _queue(capsys)
    assert [(q["ref"], q["reason"]) for q in queue] == [
        ("rv/gamma", "missed"), ("rv/beta", "due"), ("rv/alpha", "due")]


def test_piped_review_counts_and_exits_zero(
        bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _answer(capsys, "alpha", "错")
    _answer(capsys, "gamma", "不知道")
    run = run_cli(["review", "--count", "1", "--lang", "en"], capsys, stdin="对\n\n")
    assert run.exit_code == 0, run.stderr
    assert "Question 1 of 1" in run.stdout and "rv/alpha" in run.stdout
    assert "now holds 1 question." in run.stdout
    assert [q["ref"] for q in _queue(capsys)] == ["rv/gamma"]
    # End of input ends the session normally.
    run = run_cli(["review"], capsys, stdin="")
    assert run.exit_code == 0, run.stderr


def test_question_gone_from_every_bank_is_left_out_with_a_note(
        bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _answer(capsys, "alpha", "错")
    _answer(capsys, "beta", "对")
    text = BANK.replace(
        "  - {id: alpha, type: truefalse, prompt: 后台用户少吗？, answer: true, tags: [alpha]}\n",
        "")
    # A changed prompt keeps the question's history (same BANK_ID/QUESTION_ID).
    bank.write_text(text.replace("后台只需好看？", "后台产品只需要好看吗？"), encoding="utf-8")
    run = run_cli(["review", "--list", "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    assert [q["ref"] for q in json.loads(run.stdout)] == ["rv/beta"]
    assert "rv/alpha" in run.stderr and "Traceback" not in run.stderr
    run = run_cli(["review"], capsys, stdin="错\n\n")
    assert run.exit_code == 0, run.stderr
    assert "后台产品只需要好看吗" in run.stdout and "rv/alpha" in run.stderr
    assert _queue(capsys) == []


def test_leech_is_marked(bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(4):
        _answer(capsys, "alpha", "错")
    [item] = _queue(capsys)
    assert item["leech"] is True and item["failures"] == 4
    run = run_cli(["review", "--list", "--lang", "en"], capsys)
    # Piped: one tab-separated row, the leech mark a field of its own.
    assert run.stdout.split("\t")[0] == "rv/alpha"
    assert run.stdout.rstrip("\n").split("\t")[-1] == "[leech]"


def test_nothing_to_review_on_empty_history(
        bank: Path, capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    run = run_cli(["review", "--lang", "en"], capsys)
    assert run.exit_code == 0, run.stderr
    assert "No history yet" in run.stdout
    assert run_cli(["review", "--list", "--json"], capsys).stdout.strip() == "[]"
    assert not (isolated_home / "history.sqlite3").exists()  # --list wrote nothing


def test_json_without_list_and_negative_count_are_usage_errors(
        bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["review", "--json"], capsys).exit_code == 2
    run = run_cli(["review", "--count", "-1"], capsys)
    assert run.exit_code == 2 and "--count" in run.stderr
