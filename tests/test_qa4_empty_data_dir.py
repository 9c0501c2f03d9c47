"""`--data-dir ""` (an empty variable) is refused instead of making the current folder the
data folder, where history and cache would be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli


@pytest.mark.parametrize("args", [
    ["--data-dir", "", "stats"], ["stats", "--data-dir", ""], ["--data-dir=", "history"],
    ["practice", "--count", "1", "--data-dir", " "],
])
def test_an_empty_data_dir_is_refused_and_writes_nothing_here(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    here = tmp_path / "project"
    here.mkdir()
    monkeypatch.chdir(here)
    run = run_cli([*args, "--lang", "en"], capsys, stdin="false\n")
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        "error: --data-dir needs a folder, not an empty value",
        "  Give a folder (created when missing), or leave the option out to use "
        "PMQUIZ_HOME or the platform's data folder.",
    ]
    assert list(here.iterdir()) == []


def test_an_answer_that_is_empty_is_no_data_dir(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["grade", "backoffice-pm-en/core-ability", "--answer", "", "--lang", "en"],
                  capsys)
    assert run.exit_code == 1, run.stderr  # graded (and failed), not refused
