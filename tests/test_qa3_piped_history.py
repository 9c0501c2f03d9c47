"""`pmquiz history` in a pipe keeps a multi-line answer whole, on its one row (SPEC 2:
table-like output is never cut; a newline inside a field would start a new row)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli

BANK = """\
id: qa3h
title: 历史测试
language: zh
questions:
  - id: why
    type: open
    prompt: 为什么后台产品也重要？
    rubric:
      points:
        - {id: support, label: 运营支撑, any: [支撑]}
"""


def test_a_multi_line_answer_stays_whole_on_its_row(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "qa3h.yaml"
    bank.write_text(BANK, encoding="utf-8")
    answer = "第一行：后台给前台提供运营支撑\n第二行：还保障系统安全\n\n"
    practised = run_cli(["practice", str(bank)], capsys, stdin=answer)
    assert practised.exit_code == 0, practised.stderr

    shown = run_cli(["history"], capsys)

    assert shown.exit_code == 0, shown.stderr
    rows = shown.stdout.splitlines()
    assert len(rows) == 1
    fields = rows[0].split("\t")
    assert fields[1] == "qa3h/why"
    assert fields[-1] == "第一行：后台给前台提供运营支撑 第二行：还保障系统安全"
