"""A mock interview ended before any answer does not claim that no rubric point was missed
(on screen, in the Markdown and in the HTML report); one where every point was hit
still says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli

BANK = """\
id: qa3m
title: 模拟测试
language: zh
questions:
  - id: value
    type: open
    prompt: 后台产品的价值是什么？
    rubric:
      points:
        - {id: support, label: 为业务提供支撑, any: [支撑]}
"""
NO_MISS = {"zh": "没有漏掉任何要点。", "en": "No rubric point missed."}
WEAKEST = {"zh": "本次最常漏掉的要点", "en": "Points missed most in this interview"}


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "qa3m.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_quit_before_any_answer_reports_no_weak_points(
        bank: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str,
        suffix: str) -> None:
    report = tmp_path / f"interview{suffix}"

    run = run_cli(["mock", str(bank), "--lang", lang, "--report", str(report)], capsys,
                  stdin=":quit\n")

    assert run.exit_code == 0, run.stderr
    written = report.read_text(encoding="utf-8")
    for text in (run.stdout, written):
        assert NO_MISS[lang] not in text
        assert WEAKEST[lang] not in text


def test_an_answer_that_hits_every_point_still_says_none_was_missed(
        bank: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "interview.html"

    run = run_cli(["mock", str(bank), "--report", str(report)], capsys,
                  stdin="后台为前台业务提供支撑，让业务跑得更稳。\n\n")

    assert run.exit_code == 0, run.stderr
    assert NO_MISS["zh"] in run.stdout
    assert NO_MISS["zh"] in report.read_text(encoding="utf-8")
