"""Typing answers at a real terminal: the line editor, paste, re-asking (SPEC 6).

Each test drives `pmquiz practice` in a pseudo-terminal with the bytes a terminal sends,
then reads what was stored back through `pmquiz history --json`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from drillbank import write_drill_bank
from terminal import BACKSPACE, CTRL_D, ENTER, LEFT, paste, ready, spawn, terminal_env

TF_BANK = """\
id: tf
title: 判断题
language: zh
questions:
  - {id: few, type: truefalse, prompt: 后台产品的用户少吗？, answer: true,
     reference: 对：后台用户是公司内部的员工。}
  - {id: pretty, type: truefalse, prompt: 后台产品只需要好看吗？, answer: false,
     reference: 错：后台产品首先要提高效率。}
"""


def stored_answers(home: Path) -> list[str]:
    """The answers in history, oldest first, read the way a user would."""
    run = subprocess.run([sys.executable, "-m", "pmquiz", "history", "--json", "--limit", "0"],
                         env=terminal_env(home), capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return [row["answer"] for row in reversed(json.loads(run.stdout))]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def go_on(child: pexpect.spawn) -> None:
    child.expect("回车继续")
    child.send(ENTER)


@pytest.mark.slow
def test_paste_edit_and_wide_characters_reach_the_history(tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path)
    home = tmp_path / "home"
    child = spawn(["practice", str(bank)], home)
    ready(child)
    # A pasted answer with a blank line between its paragraphs is one piece of text.
    child.send(paste("第一段：要理解业务。\r\n\r\n第二段：再做设计。"))
    child.send(ENTER + ENTER)
    child.expect("你的回答")
    go_on(child)
    ready(child)
    child.send(":hnit" + ENTER)  # a typo'd command is refused, never graded
    child.expect("未知命令 :hnit，你是不是想输入 :hint？")
    ready(child)
    # Back into the first line with the arrows, a word inserted there.
    child.send("理解业务" + ENTER + "再做设计" + LEFT * 5 + "，然后" + CTRL_D)
    child.expect("回车继续")
    child.send("下一题" + ENTER)  # not a continue command: refused, still waiting
    child.expect("这里只接受")
    ready(child)
    child.send(ENTER)
    ready(child)
    child.send("产品经理要懂业务吗" + BACKSPACE * 2 + "务。" + ENTER + ENTER)
    go_on(child)
    child.expect(pexpect.EOF)
    assert stored_answers(home) == [
        "第一段：要理解业务。\n\n第二段：再做设计。",
        "理解业务，然后\n再做设计",
        "产品经理要懂业务。",
    ]


@pytest.mark.slow
def test_unreadable_true_false_is_asked_again_and_skip_shows_the_reference(
        tmp_path: Path) -> None:
    bank = write(tmp_path, "tf.yaml", TF_BANK)
    home = tmp_path / "home"
    child = spawn(["practice", str(bank)], home)
    ready(child)
    child.send("maybe" + ENTER)
    child.expect("没有看懂：请输入 对 或 错")
    ready(child)
    child.send("对" + ENTER)
    child.expect("你的选择")
    go_on(child)
    ready(child)
    child.send(":skip" + ENTER)
    child.expect("已跳过。参考答案：")
    child.expect("后台用户是公司内部的员工|后台产品首先要提高效率")
    child.expect(pexpect.EOF)
    assert stored_answers(home) == ["对"]
