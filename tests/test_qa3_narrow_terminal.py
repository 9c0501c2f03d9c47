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


LONG_ID_BANK = BANK.replace("id: qa3n", "id: qa3-narrow-terminal-bank")


def test_stats_at_40_columns_keep_the_chart_and_the_bank_id_on_their_lines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "long.yaml"
    bank.write_text(LONG_ID_BANK, encoding="utf-8")
    run_terminal(["practice", str(bank)], capsys, monkeypatch, stdin="对\n")

    run = run_terminal(["stats"], capsys, monkeypatch, width=40)

    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    # The chart: five rows of columns, the base line and the date axis, none wrapped.
    start = lines.index("最近 18 天")
    chart = lines[start + 1:lines.index("", start)]
    assert len(chart) == 7
    assert chart[-1].endswith("今天")
    assert all(len(line) <= 40 for line in chart)
    # By bank: the id whole on the row with its figures.
    row = next(line for line in lines if line.startswith("qa3-narrow-terminal-bank"))
    assert row.split()[1:] == ["1", "100%"]


OPEN_BANK = """\
id: qa3g
title: 窄终端评分
language: zh
questions:
  - id: core
    type: open
    prompt: 产品经理最重要的能力是什么？
    rubric:
      points:
        - {id: business, label: 以洞察业务为基础, any: [洞察业务]}
"""


@pytest.mark.parametrize("width", [40, 80])
def test_the_score_line_keeps_its_pass_mark(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        width: int) -> None:
    bank = tmp_path / "g.yaml"
    bank.write_text(OPEN_BANK, encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(tmp_path))

    run = run_terminal(["grade", "qa3g/core", "--answer", "最重要的是洞察业务"], capsys,
                       monkeypatch, width=width)

    head = run.stdout.splitlines()[0]
    assert head.startswith("通过") and head.endswith("100%  (及格线 60%)")


LONG_TITLE_BANK = BANK.replace("title: 窄终端", "title: Back-office PM interview questions")


def test_a_long_session_header_is_wrapped_whole_not_cut(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "title.yaml"
    bank.write_text(LONG_TITLE_BANK, encoding="utf-8")

    run = run_terminal(["practice", str(bank), "--lang", "en"], capsys, monkeypatch,
                       width=40, stdin="yes\n")

    head = " ".join(run.stdout.partition("╭")[0].split())
    assert head == "Back-office PM interview questions · 1 question"


def test_the_session_summary_at_40_columns_keeps_each_reference_whole(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    bank = tmp_path / "long.yaml"
    bank.write_text(LONG_ID_BANK, encoding="utf-8")

    narrow = run_terminal(["practice", str(bank)], capsys, monkeypatch, width=40,
                          stdin="对\n")
    wide = run_terminal(["practice", str(bank)], capsys, monkeypatch, width=80,
                        stdin="对\n")

    lines = narrow.stdout.partition("本次小结\n")[2].splitlines()
    assert lines[:2] == ["1  qa3-narrow-terminal-bank/tags", "   100%  通过"]
    row = wide.stdout.partition("本次小结\n")[2].splitlines()[2]
    assert row.split() == ["1", "qa3-narrow-terminal-bank/tags", "100%", "通过"]
