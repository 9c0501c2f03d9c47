"""The mock report's line counting answers that ran out of time, in words that fit the
number, in the report on screen and in its files alike (they share these lines)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pmquiz.grading import grade
from pmquiz.loader import load_bank
from pmquiz.mock import MockAnswer, MockReport
from pmquiz.mockreport import summary_lines

BANK = """\
id: qa3t
title: Time up
language: en
questions:
  - id: value
    type: open
    prompt: Why does the back office matter?
    rubric:
      points:
        - {id: support, label: supports the business, any: [support]}
"""


def report(tmp_path: Path, timed_out: int) -> MockReport:
    path = tmp_path / "t.yaml"
    path.write_text(BANK, encoding="utf-8")
    question = load_bank(path).question("value")
    assert question is not None
    answers = tuple(
        MockAnswer(n, question, grade(question, "it supports the business"), 60.0, 60.0,
                   n <= timed_out)
        for n in (1, 2))
    return MockReport(title="Time up", started=datetime(2026, 11, 20, tzinfo=UTC),
                      allowed_seconds=60.0, planned=2, answers=answers)


@pytest.mark.parametrize(("timed_out", "expected"), [
    (1, "1 answer ran out of time"),
    (2, "2 answers ran out of time"),
])
def test_the_time_up_count_reads_right(tmp_path: Path, timed_out: int, expected: str) -> None:
    assert expected in summary_lines(report(tmp_path, timed_out), "en")
    assert f"其中 {timed_out} 题时间到" in summary_lines(report(tmp_path, timed_out), "zh")
