"""`grade` on a choice question refuses an answer it cannot read as options, as practice
asks it again (SPEC 6): "maybe" is not the picks M, A, Y, B, E graded as a fail but a
usage error (exit 2) naming the options. Letters in any form still grade (SPEC 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_cli

BANK = """\
id: choice-bank
title: 选择题库
language: zh
version: 1
questions:
  - id: focus-dimensions
    type: choice
    prompt: 后台产品主要注重哪三个维度？
    options: {A: 效率, B: 动画效果, C: 功能能力, D: 系统安全}
    answer: [A, C, D]
"""


@pytest.fixture
def bank(write_bank) -> Path:  # type: ignore[no-untyped-def]
    return write_bank(BANK)  # type: ignore[no-any-return]


def grade(bank: Path, capsys: pytest.CaptureFixture[str], answer: str, *extra: str):  # type: ignore[no-untyped-def]
    return run_cli(["grade", "focus-dimensions", "--bank", str(bank), "--answer", answer, *extra],
                   capsys)


@pytest.mark.parametrize(("answer", "lang", "said"), [
    ("maybe", "en", "choice-bank/focus-dimensions: 'maybe' is not a choice; the options "
                    "are A/B/C/D"),
    ("Z", "en", "'Z' is not a choice; the options are A/B/C/D"),
    ("也许吧", "zh", "choice-bank/focus-dimensions：“也许吧”不是选择题的答案；选项是 A/B/C/D"),
    ("  ", "zh", "choice-bank/focus-dimensions：回答是空的；选项是 A/B/C/D"),
])
def test_an_answer_that_names_no_option_is_refused(
        bank: Path, capsys: pytest.CaptureFixture[str], answer: str, lang: str,
        said: str) -> None:
    run = grade(bank, capsys, answer, "--lang", lang, "--json")

    assert run.exit_code == 2
    assert said in run.stderr
    assert run.stdout == ""
    assert "Traceback" not in run.stderr


def test_the_hint_says_what_to_type(bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = grade(bank, capsys, "maybe", "--lang", "en")
    assert "Give one or more of the option letters, e.g. --answer A or --answer A,C." in (
        run.stderr)


@pytest.mark.parametrize("answer", ["A,C", "ac", "A and C", "Ａ，Ｃ", "选 A 和 C"])
def test_letters_in_any_form_still_grade(bank: Path, capsys: pytest.CaptureFixture[str],
                                         answer: str) -> None:
    run = grade(bank, capsys, answer, "--json")

    assert run.exit_code == 1  # graded: two of the three right
    result = json.loads(run.stdout)
    assert result["given"] == ["A", "C"]
    assert result["score"] == pytest.approx(2 / 3, abs=1e-4)


def test_a_wrong_option_is_still_a_wrong_pick(bank: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    run = grade(bank, capsys, "A B C D", "--json")
    assert run.exit_code == 1
    assert json.loads(run.stdout)["given"] == ["A", "B", "C", "D"]
