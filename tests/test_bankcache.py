"""The validated-bank cache (SPEC 2, 9): loading an entry never runs code, a planted or
damaged entry is ignored and rebuilt, a changed file is never served from it."""

from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path

import pytest

from conftest import QUESTIONS
from helpers import run_cli
from pmquiz import bankcache, cachecodec, loader, paths
from pmquiz.errors import BankError
from pmquiz.model import Question

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


def _lines(head: dict[str, object], *bodies: object) -> bytes:
    return "\n".join(json.dumps(line, ensure_ascii=False) for line in (head, *bodies)).encode()


def _as_text(head: list[object], field: str) -> list[object]:
    index = cachecodec.HEAD_FIELDS.index(field)
    return [*head[:index], str(head[index]), *head[index + 1:]]


# An entry is its head line (stamp, bank, question heads), then one body per question.
@pytest.mark.parametrize("damage", [
    lambda head, bodies: b"{not json",
    lambda head, bodies: b"[" * 100_000,  # nesting deep enough to overflow a recursive reader
    lambda head, bodies: _lines({**head, "bank": [1, 2, 3]}, *bodies),
    lambda head, bodies: _lines({**head, "bank": head["bank"][:-1]}, *bodies),
    lambda head, bodies: _lines({**head, "stamp": head["stamp"][:-1] + ["other model"]},
                                *bodies),
    # A question's difficulty as text, in its head.
    lambda head, bodies: _lines({**head, "questions": [_as_text(head["questions"][0],
                                                                "difficulty"),
                                                       *head["questions"][1:]]}, *bodies),
    lambda head, bodies: _lines(head, *bodies[:-1]),  # a body missing
    lambda head, bodies: _lines(head, *bodies, []),  # one too many
    # The right stamp, a wrong type deep inside a body (a point's weight as text): found
    # when that question is first used (here by the comparison), and rebuilt then.
    lambda head, bodies: _lines(head, *bodies).replace(b"2.0, true", b'"heavy", true', 1),
    lambda head, bodies: _lines(head, *bodies).rsplit(b"\n", 1)[0] + b"\n{not json",
    # The notes on a body's regex patterns (what RE2 and the grader need not redo): a
    # factor that is not a list of texts, and no notes at all.
    lambda head, bodies: _lines(head, [*bodies[0][:-1], [bodies[0][-1][0], [["业务", None,
                                                                            [[1]]]]]],
                                *bodies[1:]),
    lambda head, bodies: _lines(head, bodies[0][:-1], *bodies[1:]),
], ids=["not-json", "deep", "bank-type", "bank-short", "stamp", "head-type", "body-missing",
        "body-extra", "body-type", "body-not-json", "notes-type", "notes-missing"])
def test_a_damaged_or_forged_entry_is_ignored_and_rebuilt(bank_file: Path, damage) -> None:
    bankcache.load_bank_cached(bank_file)
    entry = bankcache._cache_file(bank_file)
    good = entry.read_bytes()
    head, *bodies = (json.loads(line) for line in good.split(b"\n"))
    damaged = damage(head, bodies)
    assert damaged != _lines(head, *bodies)
    entry.write_bytes(damaged)
    assert bankcache.load_bank_cached(bank_file) == fresh(bank_file)
    assert entry.read_bytes() == good  # a good entry again


def test_a_damaged_body_found_in_use_gives_the_fresh_question(bank_file: Path) -> None:
    bankcache.load_bank_cached(bank_file)
    entry = bankcache._cache_file(bank_file)
    good = entry.read_bytes()
    entry.write_bytes(good.replace("懂业务".encode(), "假的".encode()).replace(
        b"2.0,true", b'"heavy",true', 1))
    bank = bankcache.load_bank_cached(bank_file)
    point = bank.questions[0].rubric.points[0]
    assert (point.label, point.weight, point.required) == ("懂业务", 2.0, True)
    assert bank.questions[1].options["C"] == "客服系统"
    assert entry.read_bytes() == good


def test_a_damaged_body_of_a_file_changed_meanwhile_stops_with_a_clear_error(
        bank_file: Path) -> None:
    bankcache.load_bank_cached(bank_file)
    entry = bankcache._cache_file(bank_file)
    entry.write_bytes(entry.read_bytes().replace(b"2.0,true", b'"heavy",true', 1))
    bank = bankcache.load_bank_cached(bank_file)
    bank_file.write_text(TOGETHER_BANK.replace("缓存演示", "改过的标题"), encoding="utf-8")
    with pytest.raises(BankError, match="changed while pmquiz was reading it; run the "
                                        "command again"):
        _ = bank.questions[0].rubric
    assert bankcache.load_bank_cached(bank_file).title == "改过的标题"


def test_grade_with_a_damaged_cached_rubric_answers_as_from_the_file(
        capsys: pytest.CaptureFixture[str]) -> None:
    """The graded question's body is the first one decoded: damaged, the file answers."""
    args = ["grade", "backoffice-pm-zh/core-ability", "--answer",
            "最重要的不是交互设计，而是理解业务", "--json"]
    first = run_cli(args, capsys)
    entry = bankcache._cache_file(paths.builtin_banks_dir() / "backoffice-pm.zh.yaml")
    good = entry.read_bytes()
    lines = good.split(b"\n")
    ids = [head[cachecodec.HEAD_FIELDS.index("id")]
           for head in json.loads(lines[0])["questions"]]
    lines[1 + ids.index("core-ability")] = b"{not json"
    entry.write_bytes(b"\n".join(lines))
    again = run_cli(args, capsys)
    assert (again.exit_code, again.stdout, again.stderr) == (
        first.exit_code, first.stdout, first.stderr)
    assert json.loads(again.stdout)["points"]  # a real grade, not an empty document
    assert entry.read_bytes() == good


def test_a_question_read_from_the_cache_behaves_as_one_built_from_the_file(
        bank_file: Path) -> None:
    bankcache.load_bank_cached(bank_file)
    bank = bankcache.load_bank_cached(bank_file)
    cached = bank.questions
    built = fresh(bank_file).questions  # type: ignore[attr-defined]
    assert repr(cached[0]) == repr(built[0])
    assert isinstance(cached[1], Question) and cached[1] == built[1]
    assert built[2] == cached[2] and not built[2] != cached[2]
    assert dataclasses.replace(cached[2], prompt="改") == dataclasses.replace(
        built[2], prompt="改")
    # The bank's synonyms and cues are written once and shared, as the loader shares them.
    assert cached[0].synonyms is bank.synonyms and bank.synonyms == {"业务": ("业务", "流程")}
    assert cached[2].negation_cues is bank.negation_cues == ("并非",)


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


def test_a_warm_load_decodes_only_the_questions_used(bank_file: Path) -> None:
    """What keeps `banks`, `list` and `grade` fast: a question's rubric, options and
    examples stay undecoded in the entry until that question is used."""
    bankcache.load_bank_cached(bank_file)
    bank = bankcache.load_bank_cached(bank_file)
    assert [q.id for q in bank.questions] == ["open-one", "pick", "tf"]
    assert [type(q) is Question for q in bank.questions] == [False, False, False]
    assert bank.questions[0].examples[1].score == (0.0, 0.2)
    assert [type(q) is Question for q in bank.questions] == [True, False, False]


def test_a_changed_file_is_never_served_from_the_cache(bank_file: Path) -> None:
    bankcache.load_bank_cached(bank_file)
    bank_file.write_text(TOGETHER_BANK.replace("缓存演示", "改过的标题"), encoding="utf-8")
    assert bankcache.load_bank_cached(bank_file).title == "改过的标题"


@pytest.mark.parametrize("name", ["backoffice-pm.zh.yaml", "backoffice-pm.en.yaml"])
def test_the_built_in_banks_round_trip_exactly(name: str) -> None:
    path = QUESTIONS / name
    first = bankcache.load_bank_cached(path)
    assert bankcache.load_bank_cached(path) == first == fresh(path)


def test_the_decoder_reads_the_model_types_as_typing_does() -> None:
    """The decoder evaluates each annotation text once instead of through
    typing.get_type_hints; what it checks values against must be the same types."""
    import typing

    from pmquiz import model

    classes = cachecodec._model_classes()
    assert {c.__name__ for c in classes} >= {"Bank", "Question", "Rubric", "Point", "Term"}
    for cls in classes:
        assert cachecodec._hints(cls) == typing.get_type_hints(cls, vars(model)), cls
