"""`pmquiz check --strict`: a synonym group named only inside a `together` term is used.

The built-in Chinese bank names groups such as `@懂得` only inside together terms
(`{together: ["@懂得", "@业务词"]}`); reporting them as unused would fail `--strict`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import run_cli

BANK = """\
id: together-groups
title: 小题库
language: zh
synonyms:
  懂得: [懂, 熟悉, 吃透]
  闲置: [闲置]
questions:
  - id: core
    type: open
    prompt: 产品经理最重要的能力是什么？
    rubric:
      points:
        - id: business
          any:
            - together: ["@懂得", [业务, 生意]]
    examples:
      - answer: 先把公司的业务吃透。
        expect: pass
      - answer: 把界面做漂亮。
        expect: fail
"""


def test_group_inside_together_is_used_and_unused_group_is_still_reported(
        write_bank: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    path = write_bank(BANK)
    run = run_cli(["check", "--strict", str(path), "--lang", "en"], capsys)
    assert run.exit_code != 0
    assert "synonym group '闲置' is not used" in run.stdout + run.stderr
    assert "'懂得'" not in run.stdout + run.stderr


def test_bank_without_unused_groups_passes_strict(
        write_bank: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    path = write_bank(BANK.replace("  闲置: [闲置]\n", ""))
    run = run_cli(["check", "--strict", str(path)], capsys)
    assert run.exit_code == 0, run.stderr
