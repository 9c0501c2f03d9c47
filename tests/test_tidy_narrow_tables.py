"""`history`, `list`, `banks` and `check` on a 40-column terminal: each row is stacked
(the reference or id whole on its first line, the other cells under it), so no column is
cut away (SPEC 2: references are never truncated; long text is cut to one line with …).
At 80 columns they stay the tables they were (the golden files of test_output)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli, run_terminal
from pmquiz.wrap import cell_width

BANK = """\
id: narrow-tables-zh
title: 窄终端里的后台产品经理面试题
language: zh
version: 1
questions:
  - id: scenario-explain-friend
    type: open
    tags: [scenario]
    difficulty: 2
    prompt: 朋友聚会时，前台产品经理让大家下载他的 APP，而你做的后台谁也试不了。你怎么解释你的工作？
    rubric:
      points:
        - {id: business, label: 支撑业务, any: [支撑业务]}
        - {id: efficiency, label: 提升效率, any: [效率]}
    examples:
      - {answer: 后台支撑业务运转，让运营效率更高。, expect: pass}
      - {answer: 后台就是几张表格。, expect: fail}
  - id: few-users
    type: truefalse
    difficulty: 1
    prompt: 后台产品的用户基数通常比 C 端产品少。
    answer: true
"""
LONG = "narrow-tables-zh/scenario-explain-friend"


@pytest.fixture
def bank(tmp_path: Path, capsys: pytest.CaptureFixture[str],
         monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    path = folder / "narrow.zh.yaml"
    path.write_text(BANK, encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(folder))
    answers = {"open": "后台支撑业务运转，让客服和运营每天都省很多时间，效率更高。\n\n",
               "truefalse": "对\n"}
    for kind, stdin in answers.items():
        assert run_cli(["practice", str(path), "--type", kind], capsys,
                       stdin=stdin).exit_code == 0
    return path


def narrow(args: list[str], capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch) -> list[str]:
    run = run_terminal(args, capsys, monkeypatch, width=40)
    assert run.exit_code in (0, 1), run.stderr
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    assert max(cell_width(line) for line in lines) <= 40
    return lines


def test_history(bank: Path, capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch) -> None:
    lines = narrow(["history"], capsys, monkeypatch)

    at = lines.index(LONG)
    assert lines[at + 1].endswith("· 100% · 通过")
    assert lines[at + 2].startswith("  后台支撑业务运转，让客服") and lines[at + 2].endswith("…")
    assert "narrow-tables-zh/few-users" in lines


def test_list(bank: Path, capsys: pytest.CaptureFixture[str],
              monkeypatch: pytest.MonkeyPatch) -> None:
    lines = narrow(["list", str(bank)], capsys, monkeypatch)

    at = lines.index("scenario-explain-friend")
    assert lines[at + 1] == "  问答 · 难度 2"
    assert lines[at + 2].startswith("  朋友聚会时") and lines[at + 2].endswith("…")
    assert lines[-1] == "共 2 道题 · narrow-tables-zh"


def test_banks(bank: Path, capsys: pytest.CaptureFixture[str],
               monkeypatch: pytest.MonkeyPatch) -> None:
    lines = narrow(["banks"], capsys, monkeypatch)

    at = lines.index("narrow-tables-zh")
    assert lines[at + 1:at + 3] == ["  zh · 共 2 道题", "  窄终端里的后台产品经理面试题"]
    assert lines[at + 3].endswith("narrow.zh.yaml")  # a path keeps its file name
    assert {"backoffice-pm-zh", "backoffice-pm-en"} <= set(lines)


def test_check_verbose(bank: Path, capsys: pytest.CaptureFixture[str],
                       monkeypatch: pytest.MonkeyPatch) -> None:
    lines = narrow(["check", str(bank), "--verbose", "--lang", "en"], capsys, monkeypatch)

    at = lines.index("scenario-explain-friend")
    # As many figures to a line as fit, none split between lines.
    assert lines[at + 1:at + 3] == ["  ex. 2 · acc. 100% · false pass 0",
                                    "  false fail 0 · never hit -"]


def test_check_in_chinese_keeps_each_figure_whole(
        bank: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    lines = narrow(["check", str(bank), "--verbose", "--lang", "zh"], capsys, monkeypatch)

    at = lines.index("scenario-explain-friend")
    assert lines[at + 1:at + 3] == ["  示例 2 · 准确率 100% · 误判通过 0",
                                    "  误判失败 0 · 未命中要点 -"]


@pytest.mark.parametrize("args", [["history"], ["list"], ["banks"]])
def test_at_80_columns_they_stay_tables(bank: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch,
                                        args: list[str]) -> None:
    run = run_terminal(args, capsys, monkeypatch, width=80)
    assert "────" in run.stdout
