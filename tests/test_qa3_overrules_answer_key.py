"""`pmquiz overrules` on a terminal: an overruled true/false answer that today's grade
still disagrees with is counted as such, and the view says why `--yaml` will not print it
(examples test open questions' rubrics; a wrong answer key is fixed in the bank)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers import run_terminal
from pmquiz.loader import load_bank
from pmquiz.store import History

BANK = """\
id: qa3o
title: 改判测试
language: zh
questions:
  - {id: few-users, type: truefalse, prompt: 后台产品的用户通常比 C 端少。, answer: true}
  - id: core
    type: open
    prompt: 产品经理最重要的能力是什么？
    rubric:
      points:
        - {id: business, label: 洞察业务, any: [洞察业务]}
"""
NOTE = "其中 1 条是选择题或判断题：examples 只检验问答题的评分规则，--yaml 不输出它们"


def overrule(home: Path, bank: Path, qid: str, answer: str, graded: bool) -> None:
    question = load_bank(bank).question(qid)
    assert question is not None
    history = History.open(home / "history.sqlite3")
    try:
        attempt = history.record_attempt(
            question=question, answer=answer, score=1.0 if graded else 0.0, passed=graded,
            points_hit=[], points_missed=[], seconds=2.0, when=datetime.now(UTC))
        history.overrule(attempt, not graded)
    finally:
        history.close()


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "qa3o.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def test_a_true_false_overrule_is_explained(
        bank: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    overrule(isolated_home, bank, "few-users", "对", graded=True)

    run = run_terminal(["overrules", str(bank)], capsys, monkeypatch, width=200)

    assert run.exit_code == 0, run.stderr
    assert "共 1 条改判，其中 1 条与现在的评分仍不一致" in run.stdout
    assert NOTE in run.stdout


def test_no_note_when_only_open_questions_disagree(
        bank: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    overrule(isolated_home, bank, "core", "做好交互就行", graded=False)

    run = run_terminal(["overrules", str(bank)], capsys, monkeypatch, width=200)

    assert "其中 1 条与现在的评分仍不一致" in run.stdout
    assert "选择题或判断题" not in run.stdout
