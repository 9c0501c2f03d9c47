"""Piped, `pmquiz overrules` gives an attempt's time as `history` does (local time with
its offset), so `cut -f1` of both names the same moment the same way."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers import run_cli
from pmquiz.loader import load_bank
from pmquiz.store import History

BANK = """\
id: qa3ot
title: 时间测试
language: zh
questions:
  - {id: few, type: truefalse, prompt: 后台产品的用户通常比 C 端少。, answer: true}
"""


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("shanghai")
def test_overrules_and_history_give_the_same_local_time(
        tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "t.yaml"
    bank.write_text(BANK, encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(tmp_path))
    question = load_bank(bank).question("few")
    assert question is not None
    history = History.open(isolated_home / "history.sqlite3")
    try:
        attempt = history.record_attempt(
            question=question, answer="对", score=1.0, passed=True, points_hit=[],
            points_missed=[], seconds=2.0, when=datetime(2026, 11, 20, 23, 30, tzinfo=UTC))
        history.overrule(attempt, False)
    finally:
        history.close()

    overruled = run_cli(["overrules"], capsys).stdout.split("\t")[0]
    answered = run_cli(["history"], capsys).stdout.split("\t")[0]

    assert overruled == answered == "2026-11-21T07:30:00+08:00"
