"""A cached bank's `re:` patterns are neither parsed nor judged again (SPEC 9's `grade`
start-up), and nothing the cache says about them changes a grade or lets a bad one in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import QUESTIONS
from pmquiz import bankcache, loader, regex
from pmquiz.errors import BankError
from pmquiz.grading import factors, grade
from pmquiz.model import Bank

ZH_BANK = QUESTIONS / "backoffice-pm.zh.yaml"


def examples_graded(bank: Bank) -> list[Any]:
    return [grade(q, e.answer).to_json() for q in bank.questions if q.type == "open"
            for e in q.examples]


def bank_patterns(bank: Bank) -> set[str]:
    return {t.text[3:] for q in bank.questions for p in (*q.rubric.points, *q.rubric.penalties)
            for written in (*p.any, *p.all)
            for t in ([m for g in written.together for m in g] or [written])
            if t.text.startswith("re:")}


def forget_every_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process has judged and analysed no pattern yet (as a new `pmquiz grade`)."""
    monkeypatch.setattr(factors, "_REMEMBERED", {})
    monkeypatch.setattr(regex, "_VALID", set())
    regex.compile_pattern.cache_clear()
    regex.compile_matcher.cache_clear()


def test_a_cached_bank_grades_as_built_without_parsing_or_judging_its_patterns(
        monkeypatch: pytest.MonkeyPatch) -> None:
    built = loader.build_bank(ZH_BANK, ZH_BANK.read_bytes())
    expected = examples_graded(built)
    bankcache.load_bank_cached(ZH_BANK)  # writes the entry
    forget_every_pattern(monkeypatch)

    def refused(*_: object) -> None:
        raise AssertionError("a cached pattern was parsed or judged again")

    fresh_analysis = factors.analyse.__wrapped__
    monkeypatch.setattr(factors, "analyse", refused)
    monkeypatch.setattr(regex, "_compile_within", refused)
    cached = bankcache.load_bank_cached(ZH_BANK)
    assert examples_graded(cached) == expected
    patterns = bank_patterns(built)
    assert len(patterns) > 50  # the bank really has patterns to skip
    for pattern in patterns:  # what the cache says is what parsing says
        assert factors.pattern_analysis(pattern) == fresh_analysis(pattern), pattern


def test_analyses_made_by_other_code_are_made_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry written before the analysis changed is read, but its analyses are not."""
    built = loader.build_bank(ZH_BANK, ZH_BANK.read_bytes())
    expected = examples_graded(built)
    bankcache.load_bank_cached(ZH_BANK)
    forget_every_pattern(monkeypatch)
    monkeypatch.setattr(factors, "analysis_version", lambda: "changed analysis")
    analysed: list[str] = []
    fresh_analysis = factors.analyse

    def counted(pattern: str) -> factors.Analysis:
        analysed.append(pattern)
        return fresh_analysis(pattern)

    monkeypatch.setattr(factors, "analyse", counted)
    cached = bankcache.load_bank_cached(ZH_BANK)
    assert examples_graded(cached) == expected
    assert set(analysed) == bank_patterns(built)


BANK = """\
id: notes
title: 正则
language: zh
questions:
  - id: q
    type: open
    prompt: 后台产品经理最重要的能力是什么？
    rubric:
      points:
        - id: p
          label: 懂业务
          any: ["re:{pattern}"]
"""


def test_a_changed_file_is_judged_again_though_its_old_patterns_were_vouched_for(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forget_every_pattern(monkeypatch)
    path = tmp_path / "notes.yaml"
    path.write_text(BANK.replace("{pattern}", "业务.{0,4}流程"), encoding="utf-8")
    bankcache.load_bank_cached(path)
    cached = bankcache.load_bank_cached(path)
    assert grade(cached.questions[0], "业务和流程").passed
    # 26,000 RE2 instructions: more than a pattern may use (SPEC 3).
    path.write_text(BANK.replace("{pattern}", "[a-c]{1000}" * 26), encoding="utf-8")
    with pytest.raises(BankError, match="too costly"):
        bankcache.load_bank_cached(path)
