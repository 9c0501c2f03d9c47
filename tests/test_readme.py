"""The README's example bank is a real, clean bank: what authors copy must work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import run_cli

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_example_bank_passes_strict_check(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"## Writing a bank.*?```yaml\n(.*?)```", text, re.S)
    assert match is not None
    bank = tmp_path / "my-bank.yaml"
    bank.write_text(match.group(1), encoding="utf-8")
    run = run_cli(["check", "--strict", str(bank)], capsys)
    assert run.exit_code == 0, run.stdout + run.stderr
    assert run.stdout.rstrip().endswith("3 passed, 0 failed")
