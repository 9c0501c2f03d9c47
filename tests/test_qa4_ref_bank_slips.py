"""A bank id given where a question is expected, and a question reference where a bank is:
the error says which it is and the command that takes it (exit 2)."""

from __future__ import annotations

import pytest

from helpers import run_cli


@pytest.mark.parametrize("args", [["show", "backoffice-pm-zh"],
                                  ["grade", "backoffice-pm-zh", "--answer", "x"]])
def test_a_bank_id_for_a_question(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    run = run_cli([*args, "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        "error: 'backoffice-pm-zh' is a bank, not a question",
        "  A question is named BANK_ID/QUESTION_ID; pmquiz list backoffice-pm-zh shows the "
        "questions of this bank.",
    ]


@pytest.mark.parametrize("command", ["list", "practice", "mock"])
def test_a_question_reference_for_a_bank(capsys: pytest.CaptureFixture[str],
                                         command: str) -> None:
    run = run_cli([command, "backoffice-pm-zh/core-ability", "--lang", "zh"], capsys,
                  stdin="x\n\n")
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        "错误：“backoffice-pm-zh/core-ability”是题目引用，不是题库",
        "  题库用编号或路径指定；要看这道题：pmquiz show backoffice-pm-zh/core-ability",
    ]


def test_a_missing_folder_named_like_a_reference_is_still_missing(
        capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["list", "banks/zh", "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert run.stderr.splitlines() == ["error: banks/zh: no such file or folder"]
