"""`pmquiz stats` on a terminal: its first line counts in good English, and a table with
nothing in it (no tags in the banks practised) is left out rather than drawn empty."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli, run_terminal

BANK = """\
id: qa3s
title: Stats wording
language: en
questions:
  - {id: plain, type: truefalse, prompt: A back office can look plain., answer: true}
  - {id: few, type: truefalse, prompt: Back offices have few users., answer: true}
"""


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(BANK, encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(tmp_path))
    return path


@pytest.mark.parametrize(("answers", "count", "expected"), [
    ("yes\n", 1, "1 attempt on 1 question"),
    ("yes\nyes\n", 2, "2 attempts on 2 questions"),
])
def test_the_first_line_counts_in_english(
        bank: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        answers: str, count: int, expected: str) -> None:
    assert run_cli(["practice", str(bank), "--count", str(count), "--seed", "1"], capsys,
                   stdin=answers).exit_code == 0

    run = run_terminal(["stats", "--lang", "en"], capsys, monkeypatch)

    assert run.exit_code == 0, run.stderr
    assert run.stdout.splitlines()[0].startswith(expected + "  ")


def test_one_question_answered_twice(
        bank: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(2):
        run_cli(["practice", str(bank), "--count", "1", "--seed", "1"], capsys, stdin="no\n")

    run = run_terminal(["stats", "--lang", "en"], capsys, monkeypatch)

    assert run.stdout.splitlines()[0].startswith("2 attempts on 1 question  ")


def test_no_tags_no_tag_table(
        bank: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    run_cli(["practice", str(bank), "--count", "1"], capsys, stdin="yes\n")

    run = run_terminal(["stats", "--lang", "en"], capsys, monkeypatch)

    assert "By bank" in run.stdout
    assert "By tag" not in run.stdout
