"""A terminal narrower than the views were drawn for (40 columns) still shows everything
a user needs (SPEC 2: nothing cut off or hidden)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_terminal

BANK = """\
id: qa3n
title: 窄终端
language: zh
questions:
  - id: tags
    type: truefalse
    tags: [basics, importance, user-base, design, barrier]
    difficulty: 2
    prompt: 后台产品的用户基数通常比 C 端产品少。
    answer: true
"""


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "qa3n.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def test_every_tag_of_the_question_shows_at_40_columns(
        bank: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_terminal(["practice", str(bank)], capsys, monkeypatch, width=40, stdin="对\n")

    assert run.exit_code == 0, run.stderr
    panel = run.stdout.partition("第 1 / 1 题")[2].partition("╰")[0]
    shown = " ".join(line.strip("│ ") for line in panel.splitlines())
    assert "难度 ★★ · 标签: basics, importance," in shown
    for tag in ("user-base", "design", "barrier"):
        assert tag in shown


def test_the_tags_stay_on_the_border_where_they_fit(
        bank: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_terminal(["practice", str(bank)], capsys, monkeypatch, width=80, stdin="对\n")

    border = next(line for line in run.stdout.splitlines() if line.startswith("╰"))
    assert "难度 ★★ · 标签: basics, importance, user-base, design, barrier" in border
