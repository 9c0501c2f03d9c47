"""`pmquiz review --list` on a terminal too narrow for its table: each question's
reference whole (SPEC 2: references are never truncated), with its reason, due time,
last score and last answer under it; wide enough, the table as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli, run_terminal

BANK = """\
id: qa3-review-queue
title: 复习队列
language: zh
questions:
  - {id: scenario-explain-friend, type: truefalse, prompt: 后台用户少吗？, answer: true}
  - {id: few, type: truefalse, prompt: 后台界面可以朴素吗？, answer: true}
"""
LONG = "qa3-review-queue/scenario-explain-friend"


@pytest.fixture
def missed_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "queue.yaml"
    bank.write_text(BANK, encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(tmp_path))
    assert run_cli(["practice", str(bank), "--seed", "1"], capsys,
                   stdin="错\n错\n").exit_code == 0


@pytest.mark.usefixtures("missed_twice")
def test_at_40_columns_every_reference_is_whole(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_terminal(["review", "--list"], capsys, monkeypatch, width=40)

    assert run.exit_code == 0, run.stderr
    text = run.stdout.replace("\n   ", "")  # a reference folded at 40 columns, re-joined
    assert LONG in text
    assert "qa3-review-queue/few" in text
    assert "…" not in run.stdout
    assert text.count("答错 · 到期于 现在 · 上次得分 0%") == 2


@pytest.mark.usefixtures("missed_twice")
def test_at_80_columns_it_is_a_table(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_terminal(["review", "--list"], capsys, monkeypatch, width=80)

    header = run.stdout.splitlines()[0].split()
    assert header == ["#", "题目", "原因", "到期于", "上次得分", "上次作答"]
    row = next(line for line in run.stdout.splitlines() if LONG in line)
    assert row.split()[1:4] == [LONG, "答错", "现在"]
