"""`--tag` matches whatever the case (Unicode case folding) in list, practice and mock:
`--tag Basics` finds the questions tagged `basics`, as `--tag STRASSE` finds `straße`."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli

BANK = """\
id: tag-case
title: 标签大小写
language: zh
version: 1
questions:
  - id: core-ability
    type: open
    tags: [Basics, 面试]
    prompt: 你认为产品经理最重要的能力是什么？
    rubric:
      points:
        - {id: business, label: 理解业务, any: [理解业务]}
  - id: street
    type: open
    tags: [straße]
    prompt: 后台产品为什么可以朴素？
    rubric:
      points:
        - {id: efficiency, label: 效率, any: [效率]}
  - id: plain-ui
    type: truefalse
    tags: [design]
    prompt: 后台产品的界面可以朴素一些。
    answer: true
"""


@pytest.fixture
def bank(write_bank) -> Path:  # type: ignore[no-untyped-def]
    return write_bank(BANK)  # type: ignore[no-any-return]


@pytest.mark.parametrize(("tag", "ref"), [("basics", "tag-case/core-ability"),
                                          ("BASICS", "tag-case/core-ability"),
                                          ("STRASSE", "tag-case/street")])
def test_list_matches_tags_whatever_their_case(bank: Path, tag: str, ref: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["list", str(bank), "--tag", tag], capsys)
    assert run.exit_code == 0, run.stderr
    assert [line.split("\t")[0] for line in run.stdout.splitlines()] == [ref]


def test_practice_asks_the_question_tagged_in_another_case(
        bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["practice", str(bank), "--tag", "basics", "--lang", "en"], capsys,
                  stdin="最重要的是理解业务。\n\n")
    assert run.exit_code == 0, run.stderr
    assert "最重要的能力" in run.stdout
    assert "朴素" not in run.stdout


def test_mock_draws_the_question_tagged_in_another_case(
        bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["mock", str(bank), "--tag", "Design", "--tag", "basics", "--lang", "en"],
                  capsys, stdin="最重要的是理解业务。\n\n")
    assert run.exit_code == 0, run.stderr
    assert "最重要的能力" in run.stdout  # design is a true/false question: mock asks open ones
    assert "Question 1 of 1 " in run.stdout
