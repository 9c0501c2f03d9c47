"""A folder given as a bank path that holds no bank file is an error (exit 2) for every
command, as it already was for `check`: not an empty list, session or deck called success."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli


@pytest.mark.parametrize("args", [
    ["practice", "{dir}"], ["mock", "{dir}"], ["list", "{dir}"], ["overrules", "{dir}"],
    ["export", "anki", "{dir}", "-o", "{out}"], ["show", "--bank", "{dir}", "core-ability"],
    ["grade", "--bank", "{dir}", "core-ability", "--answer", "x"],
])
def test_an_empty_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    args: list[str]) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a bank", encoding="utf-8")
    out = tmp_path / "deck.apkg"
    argv = [a.format(dir=folder, out=out) for a in args]
    run = run_cli([*argv, "--lang", "en"], capsys, stdin="x\n\n")
    assert run.exit_code == 2, run.stdout + run.stderr
    assert run.stderr.splitlines() == [
        f"error: {folder}: no bank files (*.yaml, *.yml) in this folder"]
    assert run.stdout == ""
    assert not out.exists()


def test_an_empty_folder_beside_a_bank_is_refused_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = tmp_path / "bank.yaml"
    assert run_cli(["new", str(bank), "--lang", "en"], capsys).exit_code == 0
    folder = tmp_path / "empty"
    folder.mkdir()
    run = run_cli(["practice", str(bank), str(folder)], capsys, stdin="x\n\n")
    assert run.exit_code == 2
    assert f"{folder}: no bank files" in run.stderr
