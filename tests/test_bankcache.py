"""The validated-bank cache (SPEC 2, 9): loading an entry never runs code, a planted or
damaged entry is ignored and rebuilt, a changed file is never served from it."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from conftest import QUESTIONS
from pmquiz import bankcache, loader

TOGETHER_BANK = """\
id: cache-demo
title: 缓存演示
language: zh
source: {title: 后台产品经理, url: "https://36kr.com"}
synonyms:
  业务: [业务, 流程]
negation_cues: [并非]
questions:
  - id: open-one
    type: open
    tags: [基础, 面试]
    difficulty: 2
    prompt: 后台产品经理最重要的能力是什么？
    hint: 想想业务。
    reference: 懂业务。
    rubric:
      threshold: 0.5
      points:
        - id: business
          label: 懂业务
          weight: 2
          required: true
          any: ["@业务", "re:业务.{0,4}流程", {together: [[懂, 理解], 业务]}]
        - id: users
          label: 用户
          all: [用户, 需求]
      penalties:
        - id: ui-only
          label: 只谈界面
          any: [只看界面]
    examples:
      - {answer: 懂业务流程, expect: pass}
      - {answer: 界面, score: [0, 0.2]}
  - id: pick
    type: choice
    prompt: 哪些属于后台？
    options: {A: 审批系统, B: 首页推荐, C: 客服系统}
    answer: [A, C]
  - id: tf
    type: truefalse
    prompt: 后台产品不需要懂业务。
    answer: false
"""


class Planted:
    """Unpickling this creates `marker`: proof that loading ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "banks" / "demo.yaml"
    path.parent.mkdir()
    path.write_text(TOGETHER_BANK, encoding="utf-8")
    return path


def fresh(path: Path) -> object:
    return loader.build_bank(path, path.read_bytes())


def test_a_planted_pickle_in_the_cache_runs_nothing_and_is_rebuilt(
        bank_file: Path, tmp_path: Path) -> None:
    marker = tmp_path / "code-ran"
    entry = bankcache._cache_file(bank_file)
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(pickle.dumps(Planted(marker)))
    bank = bankcache.load_bank_cached(bank_file)
    assert not marker.exists(), "loading the cache entry ran code"
    assert bank == fresh(bank_file)
    assert entry.read_bytes() != pickle.dumps(Planted(marker))  # rebuilt


@pytest.mark.parametrize("damage", [
    lambda doc: b"{not json",
    lambda doc: b"[" * 100_000,  # nesting deep enough to overflow a recursive reader
    lambda doc: json.dumps({**doc, "bank": [1, 2, 3]}).encode(),
    lambda doc: json.dumps({**doc, "bank": doc["bank"][:-1]}).encode(),
    # The right stamp, a wrong type deep inside (a point's weight as text).
    lambda doc: json.dumps(doc).replace("2.0,true", '"heavy",true', 1).encode(),
    lambda doc: json.dumps({**doc, "stamp": doc["stamp"][:-1] + ["other model"]}).encode(),
])
def test_a_damaged_or_forged_entry_is_ignored_and_rebuilt(bank_file: Path, damage) -> None:
    bankcache.load_bank_cached(bank_file)
    entry = bankcache._cache_file(bank_file)
    document = json.loads(entry.read_bytes())
    entry.write_bytes(damage(document))
    assert bankcache.load_bank_cached(bank_file) == fresh(bank_file)
    assert json.loads(entry.read_bytes()) == document  # a good entry again


def test_an_unchanged_bank_is_read_from_the_cache_equal_to_a_fresh_load(
        bank_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = bankcache.load_bank_cached(bank_file)

    def no_validation(*_: object) -> None:
        raise AssertionError("validated again instead of read from the cache")

    monkeypatch.setattr(loader, "build_bank", no_validation)
    again = bankcache.load_bank_cached(bank_file)
    assert again == first
    term = again.questions[0].rubric.points[0].any[2]
    assert term.is_together and term.together[0][1].text == "理解"
    assert again.questions[1].answer == ("A", "C") and again.questions[2].answer is False


def test_a_changed_file_is_never_served_from_the_cache(bank_file: Path) -> None:
    bankcache.load_bank_cached(bank_file)
    bank_file.write_text(TOGETHER_BANK.replace("缓存演示", "改过的标题"), encoding="utf-8")
    assert bankcache.load_bank_cached(bank_file).title == "改过的标题"


@pytest.mark.parametrize("name", ["backoffice-pm.zh.yaml", "backoffice-pm.en.yaml"])
def test_the_built_in_banks_round_trip_exactly(name: str) -> None:
    path = QUESTIONS / name
    first = bankcache.load_bank_cached(path)
    assert bankcache.load_bank_cached(path) == first == fresh(path)
