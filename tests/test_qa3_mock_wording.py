"""The mock interview's opening line counts its questions in good English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli

BANK = """\
id: qa3w
title: Wording
language: en
questions:
{questions}
"""
QUESTION = """\
  - id: q{n}
    type: open
    prompt: Why does the back office matter? ({n})
    rubric:
      points:
        - {{id: support, label: supports the business, any: [support]}}
"""


@pytest.mark.parametrize(("count", "lang", "expected"), [
    (1, "en", "1 question, 3:00 per answer."),
    (2, "en", "2 questions, 3:00 per answer."),
    (1, "zh", "1 题，每题限时 3:00。"),
])
def test_the_intro_counts_its_questions(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], count: int, lang: str,
        expected: str) -> None:
    bank = tmp_path / "w.yaml"
    bank.write_text(BANK.format(questions="".join(QUESTION.format(n=n)
                                                  for n in range(1, count + 1))),
                    encoding="utf-8")

    run = run_cli(["mock", str(bank), "--lang", lang], capsys, stdin=":quit\n")

    assert run.exit_code == 0, run.stderr
    assert run.stdout.splitlines()[1].startswith(expected)
