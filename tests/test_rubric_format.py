"""SPEC 3's newer bank features, loaded and graded: `together` terms, `lists: true`,
points without a label, and the `flags` of a grade."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_cli
from pmquiz.grading import grade
from pmquiz.loader import load_bank
from pmquiz.model import Point, Question, Rubric, Term

BANK = """\
id: fmt
title: 格式
language: zh
synonyms:
  后台: [后台, 中后台, B端]
questions:
  - id: paraphrase
    type: open
    prompt: 做后台产品，入门最需要什么？
    rubric:
      points:
        - id: know-business
          label: 把业务弄懂
          any:
            - together: [[懂, 弄懂, 熟悉], 业务]
        - id: flows
          any:
            - together: [["@后台"], [流程, 规则]]
  - id: dimensions
    type: open
    lists: true
    prompt: 后台产品注重哪三个维度？
    rubric:
      points:
        - {id: efficiency, label: 效率, any: [效率]}
        - {id: capability, any: [功能]}
        - {id: security, label: 系统安全, any: [安全]}
  - id: focus
    type: open
    prompt: 后台产品更注重什么，为什么界面可以朴素？
    rubric:
      points:
        - {id: efficiency, label: 效率, any: [效率]}
        - {id: capability, label: 功能, any: [功能]}
        - {id: security, label: 安全, any: [安全]}
"""


@pytest.fixture
def bank_path(tmp_path: Path) -> Path:
    path = tmp_path / "fmt.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


@pytest.fixture
def questions(bank_path: Path) -> dict[str, Question]:
    return {q.id: q for q in load_bank(bank_path).questions}


# -- together terms ---------------------------------------------------------------------


@pytest.mark.parametrize("answer", [
    "把公司的业务弄懂",        # SPEC 3's two paraphrases, in either order
    "先把公司的业务弄懂",
    "弄懂公司业务",
    "入门要熟悉业务",
])
def test_together_hits_a_paraphrase_in_one_clause(questions: dict[str, Question],
                                                  answer: str) -> None:
    point = grade(questions["paraphrase"], answer).points[0]
    assert point.hit, answer


def test_together_matches_are_the_pieces_with_their_spans(
        questions: dict[str, Question]) -> None:
    answer = "先把公司的業務弄懂"  # Traditional 業務: spans index the original text
    point = grade(questions["paraphrase"], answer).points[0]
    assert point.hit
    # Every term is matched on its own: 懂 inside 弄懂 is a piece too.
    assert [(m.term, answer[m.span[0]:m.span[1]]) for m in point.matches] == [
        ("业务", "業務"), ("弄懂", "弄懂"), ("懂", "懂")]
    # The shown term is the first counting piece.
    assert point.term == "业务" and point.span == (5, 7)


@pytest.mark.parametrize("answer", [
    "我懂了，业务这块以后再说",    # the pieces are in different clauses
    "业务很重要",                  # one group only
    "不需要懂业务，找用户聊就行",  # the pieces are negated
    "懂业务不重要",                # a closing denial negates both
])
def test_together_misses(questions: dict[str, Question], answer: str) -> None:
    assert not grade(questions["paraphrase"], answer).points[0].hit, answer


def test_together_negated_pieces_are_shown(questions: dict[str, Question]) -> None:
    point = grade(questions["paraphrase"], "不需要懂业务").points[0]
    assert not point.hit and point.negated
    assert [(m.term, m.negated) for m in point.matches] == [("懂", True), ("业务", True)]


def test_together_with_synonym_group_and_english() -> None:
    term = Term("together: know|understand + business",
                together=((Term("know"), Term("understand")), (Term("business"),)))
    q = Question(bank_id="b", id="q", type="open", prompt="?",
                 rubric=Rubric(points=(Point(id="p", label="p", any=(term,)),)))
    assert grade(q, "First, understand how the business makes money.").points[0].hit
    assert grade(q, "The business side is what you must really know.").points[0].hit
    assert not grade(q, "You know the users; the business can wait.").points[0].hit
    assert not grade(q, "You don't need to understand the business.").points[0].hit


def test_together_in_grade_json(capsys: pytest.CaptureFixture[str], bank_path: Path) -> None:
    run = run_cli(["grade", "fmt/paraphrase", "-b", str(bank_path), "--json",
                   "-a", "做B端先得理清流程，再把业务弄懂"], capsys)
    doc = json.loads(run.stdout)
    know, flows = doc["points"]
    assert know["hit"] and flows["hit"]
    assert know["matches"] == [
        {"term": "业务", "span": [12, 14], "negated": False},
        {"term": "弄懂", "span": [14, 16], "negated": False},
        {"term": "懂", "span": [15, 16], "negated": False},
    ]
    assert [m["term"] for m in flows["matches"]] == ["B端", "流程"]


# -- keyword lists and `lists: true` ----------------------------------------------------


def test_keyword_list_fails_whatever_its_score(questions: dict[str, Question]) -> None:
    result = grade(questions["focus"], "效率 功能 安全")
    assert result.score == 1.0
    assert not result.passed
    assert result.flags == ("keyword-list",)


def test_lists_true_accepts_a_bare_list(questions: dict[str, Question]) -> None:
    result = grade(questions["dimensions"], "效率、功能、安全")
    assert result.passed and result.flags == ()


def test_the_same_words_in_a_sentence_pass(questions: dict[str, Question]) -> None:
    result = grade(questions["focus"], "后台更看重效率、功能和安全，界面朴素没关系")
    assert result.passed and result.flags == ()


def test_flags_in_grade_json(capsys: pytest.CaptureFixture[str], bank_path: Path) -> None:
    run = run_cli(["grade", "fmt/focus", "-b", str(bank_path), "--json",
                   "-a", "效率，功能，安全"], capsys)
    assert run.exit_code == 1
    doc = json.loads(run.stdout)
    assert doc["flags"] == ["keyword-list"] and doc["score"] == 1.0 and not doc["passed"]
    run = run_cli(["grade", "fmt/dimensions", "-b", str(bank_path), "--json",
                   "-a", "效率，功能，安全"], capsys)
    assert run.exit_code == 0 and json.loads(run.stdout)["flags"] == []


# -- optional labels --------------------------------------------------------------------


def test_a_point_without_label_shows_its_id(capsys: pytest.CaptureFixture[str],
                                            bank_path: Path) -> None:
    run = run_cli(["grade", "fmt/dimensions", "-b", str(bank_path), "--json",
                   "-a", "后台要的是功能"], capsys)
    capability = json.loads(run.stdout)["points"][1]
    assert capability["id"] == capability["label"] == "capability"
    run = run_cli(["grade", "fmt/dimensions", "-b", str(bank_path), "-a", "后台要的是功能",
                   "--lang", "en"], capsys)
    assert "capability" in run.stdout
    run = run_cli(["show", "fmt/dimensions", "-b", str(bank_path)], capsys)
    assert "capability" in run.stdout


def test_together_errors_name_file_line_and_fix(tmp_path: Path) -> None:
    from pmquiz.errors import BankError

    text = BANK.replace("- together: [[懂, 弄懂, 熟悉], 业务]", "- together: [[懂, 弄懂]]")
    text = text.replace("    lists: true\n", "    lists: maybe\n")
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    problems = [(p.line, p.message) for p in caught.value.problems]
    assert problems == [
        (15, "questions[0].rubric.points[0].any[0].together: needs two groups or more "
             "(it has 1): each group is a term or a list of terms, all found in one clause; "
             "for a single group write its terms in the point's 'any' instead"),
        (21, "questions[1].lists: must be true or false, not 'maybe'"),
    ]
