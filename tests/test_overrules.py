"""`pmquiz overrules`: the grades a candidate overruled, regraded, turned into examples."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pexpect
import pytest
import yaml

from helpers import run_cli
from pmquiz.loader import load_bank
from pmquiz.overrules import yaml_scalar
from pmquiz.store import History
from terminal import ENTER, ready, spawn

FAILED_BUT_FAIR = "把界面和交互做到极致，用户自然会喜欢。"  # graded 0%; the candidate says pass
PASSES_TODAY = "最重要的是洞察业务，再去满足用户需求。"


def add_overrule(home: Path, bank_path: Path, ref_id: str, answer: str, graded: bool,
                 verdict: bool, when: datetime) -> None:
    """An overrule as a session stores it, at a chosen time (for ordering)."""
    question = load_bank(bank_path).question(ref_id)
    assert question is not None
    history = History.open(home / "history.sqlite3")
    try:
        attempt = history.record_attempt(
            question=question, answer=answer, score=0.9 if graded else 0.1, passed=graded,
            points_hit=[], points_missed=[], seconds=3.0, when=when)
        history.overrule(attempt, verdict)
    finally:
        history.close()


@pytest.mark.slow
def test_overrule_in_practice_then_overrules_and_yaml(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], isolated_home: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "banks").mkdir()
    bank = tmp_path / "banks" / "my-bank.yaml"
    assert run_cli(["new", str(bank), "--lang", "zh"], capsys).exit_code == 0
    monkeypatch.setenv("PMQUIZ_BANKS", str(bank.parent))

    child = spawn(["practice", str(bank), "--type", "open"], isolated_home)
    ready(child)
    child.send(FAILED_BUT_FAIR + ENTER)
    child.send(ENTER)
    child.expect("未通过")
    child.expect("回车继续")
    child.send(":pass" + ENTER)
    child.expect("已改判为通过")
    child.send(":quit" + ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    # Two more overrules, newer: one today's rubric agrees with, one of a question gone.
    now = datetime.now(UTC)
    add_overrule(isolated_home, bank, "core-ability", PASSES_TODAY, graded=False, verdict=True,
                 when=now + timedelta(minutes=1))
    gone = tmp_path / "old" / "old.yaml"
    gone.parent.mkdir()
    gone.write_text(bank.read_text(encoding="utf-8").replace("id: my-bank", "id: old-bank"),
                    encoding="utf-8")
    add_overrule(isolated_home, gone, "backoffice-users-few", "对", graded=True, verdict=False,
                 when=now + timedelta(minutes=2))

    # In a pipe: one tab-separated line per overrule, newest first.
    run = run_cli(["overrules"], capsys)
    assert run.exit_code == 0, run.stderr
    rows = [line.split("\t") for line in run.stdout.splitlines()]
    assert [(r[1], r[2], r[4], r[5], r[7], r[8]) for r in rows] == [
        ("old-bank/backoffice-users-few", "通过", "未通过", "-", "题目未载入", "对"),
        ("my-bank/core-ability", "未通过", "通过", "通过", "已一致", PASSES_TODAY),
        ("my-bank/core-ability", "未通过", "通过", "未通过", "仍不一致", FAILED_BUT_FAIR),
    ]
    assert all(datetime.fromisoformat(r[0]).tzinfo is not None for r in rows)
    # Given a bank, only its overrules.
    assert len(run_cli(["overrules", str(bank)], capsys).stdout.splitlines()) == 2

    # --yaml: only the one still disagreeing, ready to paste under `examples:`.
    run = run_cli(["overrules", str(bank), "--yaml"], capsys)
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == (f"# my-bank/core-ability（{bank}:15）：把下面的条目加进这道题的 "
                        "examples:")
    assert lines[1] == f"      - answer: {FAILED_BUT_FAIR}"
    assert lines[2].startswith("        expect: pass  # 评分 未通过 0%，")
    assert len(lines) == 3
    pasted = bank.read_text(encoding="utf-8").replace(
        "    examples:  ", "    examples:\n" + "\n".join(lines[1:]) + "\n    # ", 1)
    bank.write_text(pasted, encoding="utf-8")
    check = run_cli(["check", str(bank)], capsys)
    assert check.exit_code == 1  # the rubric now has a test it fails: the author's cue
    assert FAILED_BUT_FAIR in check.stdout
    assert check.stdout.rstrip().endswith("5 passed, 1 failed")
    # Once pasted, it is no longer offered.
    assert "answer:" not in run_cli(["overrules", str(bank), "--yaml"], capsys).stdout

    # On a terminal: a block per overrule, the state of each, and the total.
    child = spawn(["overrules", str(bank)], isolated_home)
    child.expect(pexpect.EOF)
    screen = re.sub(r"\x1b\[[0-9;]*m", "", child.before).replace("\r\n", "\n")
    assert screen.splitlines()[1:3] == [
        "  评分 未通过 10% → 你的判定 通过 · 现在的评分 通过 100% (已一致)",
        f"  {PASSES_TODAY}",
    ]
    assert "  评分 未通过 0% → 你的判定 通过 · 现在的评分 未通过 0% (仍不一致)" in screen
    assert "共 2 条改判，其中 1 条与现在的评分仍不一致" in screen


def test_no_overrules_says_how_to_make_one(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["overrules", "--lang", "en"], capsys)
    assert run.exit_code == 0
    assert run.stdout == ("No overruled answers yet. In practice or review, type :pass or "
                          ":fail after the feedback to overrule a grade.\n")
    run = run_cli(["overrules", "--yaml", "--lang", "en"], capsys)
    assert run.stdout == "# No overruled answer is graded otherwise today.\n"


@pytest.mark.parametrize("answer", [
    "理解业务: 最重要", "no", "- 列表", "# 注释", "第一行\n第二行", "引号\"和'单引号", " 前导空格",
    "控制\x1b[31m字符", "行\u2028分隔", "@业务", "",
])
def test_answers_become_yaml_that_reads_back_exactly(answer: str) -> None:
    scalar = yaml_scalar(answer)
    assert "\n" not in scalar
    assert yaml.safe_load(f"- answer: {scalar}\n  expect: pass\n") == [
        {"answer": answer, "expect": "pass"}]
