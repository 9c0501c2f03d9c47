"""benchmarks/agreement.py reads blind sets and reports agreement the way it says."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

import agreement  # noqa: E402

SET = """\
set: tiny
writer: a test
date: 2026-12-01
answers:
  - q: backoffice-pm-zh/core-ability
    kind: paraphrase
    expect: pass
    answer: 最重要的是洞察业务，基于业务去建设满足用户需求的产品设计。
  - q: backoffice-pm-zh/core-ability
    kind: keyword-list
    expect: fail
    answer: 洞察业务 用户需求 产品设计
  - q: backoffice-pm-zh/core-ability
    kind: wrong-claim
    expect: pass
    answer: 交互设计最重要。
"""


def test_report_counts_agreement_false_passes_and_fails(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(SET, encoding="utf-8")
    assert agreement.main([str(path), "--show-disagreements"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sets: tiny (3)")
    overall = next(line for line in out.splitlines() if line.startswith("overall"))
    # 2 of 3 agree; the one should-fail answer is failed; 1 of 2 should-pass is failed.
    assert overall.split() == ["overall", "3", "66.7%", "0/1", "0.0%", "1/2", "50.0%"]
    assert "  keyword-list" in out and "  backoffice-pm-zh" in out
    assert "- false fail  backoffice-pm-zh/core-ability  [wrong-claim]  score 0.00" in out
    assert "交互设计最重要。" in out


def test_a_malformed_set_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("set: x\nanswers:\n  - {q: a/b, expect: maybe, answer: x}\n",
                    encoding="utf-8")
    with pytest.raises(SystemExit, match=r"bad.yaml: answers\[0\] needs q, kind"):
        agreement.main([str(path)])


def test_sets_are_picked_by_name() -> None:
    names = {p.stem for p in agreement.pick_sets([], [])}
    assert {"dev-zh", "dev-en"} <= names
    assert [p.stem for p in agreement.pick_sets(["dev-2026-12-01-zh"], [])] == ["dev-zh"]
    with pytest.raises(SystemExit, match="no blind set named 'nope'"):
        agreement.pick_sets(["nope"], [])
