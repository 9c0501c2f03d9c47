"""The mock report's "Points missed most": a label longer than the terminal wraps under
its own start (a hanging indent), never back to column 0, at 80 and at 40 columns; the
references under it stay indented too."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_terminal

LABEL = ("Names the metrics that show whether the back-office tool saves the operations "
         "team time, and how they would be measured before and after the launch")
BANK = f"""\
id: tidy3c-weak-wrap
title: Weak points
language: en
questions:
  - id: measure-the-tool
    type: open
    prompt: How would you know the new back-office tool works?
    rubric:
      points:
        - {{id: metrics, label: "{LABEL}", any: [metric]}}
        - {{id: users, label: Talks to users, any: [users]}}
"""


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "weak.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [80, 40])
def test_a_long_weak_point_wraps_under_itself(
        bank: Path, width: int, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_terminal(["mock", str(bank), "--lang", "en"], capsys, monkeypatch,
                       width=width, stdin="I would ask the users\n\n")

    assert run.exit_code == 0, run.stderr
    section = run.stdout.partition("Points missed most in this interview\n")[2]
    lines = section.rstrip("\n").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(" ✘ Names"))
    ref = next(i for i, line in enumerate(lines) if "tidy3c-weak-wrap/measure-the-tool" in line)
    wrapped = lines[first + 1:ref + 1]
    assert len(wrapped) >= 2  # the label did not fit one line
    assert all(len(line) <= width for line in lines[first:ref + 1])
    assert all(line.startswith("   ") for line in wrapped), "\n".join(lines)
    words = " ".join(line.strip() for line in lines[first:ref]).removeprefix("✘ ")
    assert words.startswith(LABEL)
