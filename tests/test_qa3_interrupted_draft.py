"""Ctrl-C while an answer is being typed: the session ends (exit 130, everything answered
saved), and the answer not yet submitted is not dropped without a word (SPEC 6)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from drillbank import write_drill_bank
from terminal import ENTER, finished, ready, spawn, stored_answers

UNSAVED = "没有提交的回答未保存。"



@pytest.mark.slow
def test_ctrl_c_on_a_half_typed_answer_says_it_was_not_saved(tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path, 2)
    home = tmp_path / "home"
    child = spawn(["practice", str(bank)], home)
    ready(child)
    child.send("理解业务最重要" + ENTER + ENTER)
    child.expect("回车继续")
    child.send(ENTER)
    child.expect("第 2 / 2 题")
    ready(child)
    child.send("第二题我想说的是" + ENTER + "洞察业务")
    child.expect("洞察业务")
    child.sendintr()
    child.expect_exact(UNSAVED)
    child.expect("本次小结")
    assert finished(child) == 130
    assert stored_answers(home) == ["理解业务最重要"]


@pytest.mark.slow
def test_ctrl_c_on_an_empty_answer_says_nothing_of_one(tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path, 1)
    home = tmp_path / "home"
    child = spawn(["practice", str(bank)], home)
    seen = io.StringIO()
    child.logfile_read = seen
    ready(child)
    child.sendintr()
    child.expect("本次小结")
    assert finished(child) == 130
    assert UNSAVED not in seen.getvalue()


@pytest.mark.slow
def test_ctrl_c_on_a_half_typed_reply_at_the_continue_prompt_is_no_answer(
        tmp_path: Path) -> None:
    bank = write_drill_bank(tmp_path, 2)
    home = tmp_path / "home"
    child = spawn(["practice", str(bank)], home)
    seen = io.StringIO()
    child.logfile_read = seen
    ready(child)
    child.send("理解业务最重要" + ENTER + ENTER)
    child.expect("回车继续")
    child.send(":pa")
    child.expect_exact(":pa")
    child.sendintr()
    child.expect("本次小结")
    assert finished(child) == 130
    assert UNSAVED not in seen.getvalue()
    assert stored_answers(home) == ["理解业务最重要"]
