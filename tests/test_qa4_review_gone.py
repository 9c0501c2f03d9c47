"""Review after practising only a bank given by its path: the piped message is one whole
line (plain text, not wrapped at 160 columns) and says how to bring that bank back."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli


@pytest.mark.parametrize("args", [["review", "--list"], ["review"]])
def test_review_with_every_question_gone_says_how_on_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    bank = tmp_path / "mine" / "bank.yaml"
    bank.parent.mkdir()
    assert run_cli(["new", str(bank), "--lang", "en"], capsys).exit_code == 0
    run = run_cli(["practice", str(bank), "--type", "open", "-n", "1"], capsys,
                  stdin="no idea\n\n")
    assert run.exit_code == 0, run.stderr
    run = run_cli([*args, "--lang", "en"], capsys)
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert len(lines) == 1, run.stdout
    assert lines[0].endswith("so there is nothing to review. Review loads the built-in banks "
                             "and the PMQUIZ_BANKS folders only: a bank you practised by its "
                             "path comes back once its folder is in PMQUIZ_BANKS.")
    run = run_cli([*args, "--lang", "zh"], capsys)
    assert "把它的文件夹加进 PMQUIZ_BANKS 就能复习。" in run.stdout
