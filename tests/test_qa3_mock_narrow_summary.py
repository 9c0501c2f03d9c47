"""The mock interview's closing summary on a narrow terminal: each question's reference
whole on a line of its own, its score, verdict and time under it, instead of a table
that folds the reference into a column six characters wide (SPEC 2: references are
never cut)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_terminal

BANK = """\
id: qa3-narrow-mock
title: 窄终端模拟
language: zh
questions:
  - id: why-avoid-backoffice
    type: open
    prompt: 为什么很多人不愿意做后台产品经理？
    rubric:
      points:
        - {id: few-users, label: 用户基数少, any: [用户基数少]}
"""
REF = "qa3-narrow-mock/why-avoid-backoffice"


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "mock.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def summary(stdout: str) -> list[str]:
    return stdout.partition("\n总结\n")[2].splitlines()


def test_at_40_columns_each_reference_is_whole_on_its_line(
        bank: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_terminal(["mock", str(bank)], capsys, monkeypatch, width=40,
                       stdin="后台用户基数少\n\n")

    assert run.exit_code == 0, run.stderr
    lines = summary(run.stdout)
    assert lines[0] == f"1  {REF}"
    assert lines[1].split()[:2] == ["100%", "通过"]


def test_at_80_columns_it_stays_a_table(
        bank: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_terminal(["mock", str(bank)], capsys, monkeypatch, width=80,
                       stdin="后台用户基数少\n\n")

    row = next(line for line in summary(run.stdout) if REF in line)
    assert row.split()[:4] == ["1", REF, "100%", "通过"]


@pytest.mark.parametrize(("lang", "sentence_end", "commands"), [
    ("zh", "已输入的内容会自动提交。", ":skip 跳过  :quit 结束面试"),
    ("en", "is submitted.", ":skip  :quit"),
])
def test_at_80_columns_the_help_keeps_its_commands_whole(
        bank: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        lang: str, sentence_end: str, commands: str) -> None:
    run = run_terminal(["mock", str(bank), "--lang", lang], capsys, monkeypatch, width=80,
                       stdin="后台用户基数少\n\n")

    lines = run.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith(sentence_end))
    assert lines[at + 1] == commands
