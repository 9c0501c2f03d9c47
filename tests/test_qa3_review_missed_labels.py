"""The note of a question back in `pmquiz review` lists the points missed last time so
that each label reads whole, even when labels hold 、 or commas themselves (SPEC 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli, run_terminal

BANK = """\
id: qa3r
title: 复习测试
language: {lang}
questions:
  - id: barrier
    type: open
    prompt: 为什么后台的起步门槛更高？
    rubric:
      points:
        - {{id: private, label: "{first}", any: [隐私数据]}}
        - {{id: research, label: "{second}", any: [业务调研]}}
"""


@pytest.mark.parametrize(("lang", "first", "second", "expected"), [
    ("zh", "涉及隐私数据、私有业务，不能公开", "先熟悉公司业务",
     "当时漏掉：涉及隐私数据、私有业务，不能公开；先熟悉公司业务"),
    ("en", "Private data, private business", "Learn the business first",
     "missed then: Private data, private business; Learn the business first"),
])
def test_missed_labels_are_told_apart(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        lang: str, first: str, second: str, expected: str) -> None:
    bank = tmp_path / "qa3r.yaml"
    bank.write_text(BANK.format(lang=lang, first=first, second=second), encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(tmp_path))
    assert run_cli(["practice", str(bank)], capsys, stdin="不知道\n\n").exit_code == 0

    run = run_terminal(["review"], capsys, monkeypatch, width=200, stdin=":quit\n")

    assert run.exit_code == 0, run.stderr
    assert expected in run.stdout
