"""A warning that quotes a file name (a PMQUIZ_BANKS bank left out) shows the name's control
characters, never sends them to the terminal (SPEC 2: file names are shown made visible)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli


def test_left_out_bank_warning_shows_escape_in_its_file_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "e\x1b[2J\x1b]0;title\x07vil.yaml").write_text("id: [broken\n", encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(folder))
    run = run_cli(["banks", "--lang", "en"], capsys)
    assert run.exit_code == 0, run.stderr
    assert "\x1b" not in run.stderr and "\x07" not in run.stderr
    assert "warning: left out the bank" in run.stderr
    assert "e␛[2J␛]0;title␇vil.yaml" in run.stderr
