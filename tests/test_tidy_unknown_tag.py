"""`--tag` that matches nothing (practice, mock, list): "No questions match." and then,
on one line, sorted, the tags the banks in use do have, so a typo is plain to see."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli, run_terminal

BANK = """\
id: tag-bank
title: 标签题库
language: zh
version: 1
questions:
  - id: core-ability
    type: open
    tags: [面试, basics]
    prompt: 你认为产品经理最重要的能力是什么？
    rubric:
      points:
        - {id: business, label: 理解业务, any: [理解业务]}
  - id: plain-ui
    type: truefalse
    tags: [design, 用户]
    prompt: 后台产品的界面可以朴素一些。
    answer: true
"""


@pytest.fixture
def bank(write_bank) -> Path:  # type: ignore[no-untyped-def]
    return write_bank(BANK)  # type: ignore[no-any-return]


def test_practice_names_the_tags_in_chinese(bank: Path, capsys: pytest.CaptureFixture[str],
                                            isolated_home: Path) -> None:
    run = run_cli(["practice", str(bank), "--tag", "basic"], capsys, stdin="")

    assert run.exit_code == 0
    assert run.stdout == "没有符合条件的题目。\n已有的标签：basics、design、用户、面试\n"
    assert not (isolated_home / "history.sqlite3").exists()  # nothing asked, nothing made


def test_practice_names_only_the_tags_of_the_type_asked_for(
        bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["practice", str(bank), "--type", "truefalse", "--tag", "basics",
                   "--lang", "en"], capsys, stdin="")

    assert run.stdout == "No questions match.\nKnown tags: design, 用户\n"


def test_mock_names_the_tags_of_open_questions(bank: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["mock", str(bank), "--tag", "design", "--lang", "en"], capsys, stdin="")

    assert run.exit_code == 0
    assert run.stdout == "No questions match.\nKnown tags: basics, 面试\n"


def test_list_at_a_terminal(bank: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_terminal(["list", str(bank), "--tag", "UX", "--lang", "en"], capsys,
                       monkeypatch)

    assert run.exit_code == 0
    assert run.stdout.strip() == "No questions match.\nKnown tags: basics, design, 用户, 面试"


def test_no_tag_given_names_none(bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["practice", str(bank), "--type", "choice", "--lang", "en"], capsys,
                  stdin="")

    assert run.stdout == "No questions match.\n"


def test_json_lists_do_not_load_the_ui_strings(tmp_path: Path) -> None:
    """The tag line is for a person: `list --json` and `banks --json` stay as light as
    they were (SPEC 9's start-up budget is measured on `banks --json`)."""
    from test_startup import _full_names, modules_imported_by

    home = tmp_path / "home"
    for args in (["list", "--tag", "basics", "--json"], ["banks", "--json"]):
        modules_imported_by(args, home, tmp_path)
        assert "pmquiz.i18n" not in _full_names(tmp_path), args
