"""A question reference written as a path (`bank.yaml:q1`, `/dir/bank.yaml/q1`) gets the
usual "unknown question" error (exit 2) and, when it names a bank file, how to pass it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli


def _bank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "bank.yaml"
    assert run_cli(["new", str(path), "--lang", "en"], capsys).exit_code == 0
    return path


@pytest.mark.parametrize("command", ["grade", "show"])
@pytest.mark.parametrize("sep", [":", "/"])
def test_absolute_bank_file_in_ref_says_to_pass_it_with_bank(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, sep: str) -> None:
    path = _bank(tmp_path, capsys)
    ref = f"{path}{sep}core-ability"
    extra = ["--answer", "x"] if command == "grade" else []
    run = run_cli([command, ref, *extra, "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"error: unknown question '{ref}'",
        f"  {path} is a bank file; a question is named BANK_ID/QUESTION_ID. Pass the file "
        f"with --bank: --bank {path} core-ability",
    ]
    # Followed, the hint works.
    run = run_cli([command, "--bank", str(path), "core-ability", *extra], capsys)
    assert run.exit_code in (0, 1), run.stderr


def test_relative_bank_file_in_ref_in_chinese(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _bank(tmp_path, capsys)
    monkeypatch.chdir(tmp_path)
    run = run_cli(["grade", "bank.yaml:core-ability", "--answer", "x", "--lang", "zh"], capsys)
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        "错误：未知题目“bank.yaml:core-ability”",
        "  bank.yaml 是题库文件；题目用 题库编号/题目编号 指定。用 --bank 给出这个文件："
        "--bank bank.yaml core-ability",
    ]


@pytest.mark.parametrize("ref", ["/no/such/bank.yaml:q1", "/no/such/bank.yaml/q1",
                                 "./dir/q1", "a/b/c", "/q1"])
def test_path_ref_that_is_no_bank_file_is_an_unknown_question(
        capsys: pytest.CaptureFixture[str], ref: str) -> None:
    run = run_cli(["grade", ref, "--answer", "x", "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"error: unknown question '{ref}'",
        "  A question is named BANK_ID/QUESTION_ID, not by a path; to use a bank file, "
        "pass it with --bank FILE QUESTION_ID.",
    ]


def test_glob_characters_in_a_bank_id_match_no_other_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _bank(tmp_path, capsys)
    monkeypatch.chdir(tmp_path)
    run = run_cli(["show", "b*/core-ability", "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert "bank.yaml" not in run.stderr
    assert "unknown bank 'b*'" in run.stderr
