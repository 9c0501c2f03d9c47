"""SPEC 4 scoring: points, `any`/`all`, synonym groups, required points, penalties, clamping,
choice and true/false, the grade object, and properties that must hold for every answer."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmquiz.grading import grade, parse_choice, parse_truefalse
from pmquiz.model import Point, Question, Rubric, Term


def P(pid: str, any_: tuple[str, ...] = (), all_: tuple[str, ...] = (), weight: float = 1, *,
      required: bool = False, negatable: bool = True) -> Point:
    return Point(id=pid, label=f"label {pid}", weight=weight, required=required,
                 any=tuple(Term(t) for t in any_), all=tuple(Term(t) for t in all_),
                 negatable=negatable)


def open_question(points: tuple[Point, ...], penalties: tuple[Point, ...] = (), *,
                  threshold: float = 0.6,
                  synonyms: dict[str, tuple[str, ...]] | None = None) -> Question:
    return Question(bank_id="bank", id="q", type="open", prompt="?",
                    rubric=Rubric(points=points, penalties=penalties), threshold=threshold,
                    synonyms=synonyms or {})


SYNONYMS: dict[str, tuple[str, ...]] = {
    "业务理解": ("洞察业务", "理解业务", "业务洞察", "business insight"),
}
# core-ability as in SPEC 3, with an interaction-design penalty that negation must defuse.
CORE = open_question(
    (
        P("business-insight", ("@业务理解", "re:业务.{0,6}(理解|洞察)"), weight=2,
          required=True),
        P("user-needs", ("用户需求",)),
    ),
    (P("ux-only", ("只要交互", "只需要交互", "交互设计最重要", "交互设计")),),
    synonyms=SYNONYMS,
)


def test_spec_story_hits_business_and_not_the_penalty() -> None:
    result = grade(CORE, "最重要的不是交互设计，而是理解业务")
    insight = result.points[0]
    assert insight.hit and not insight.negated
    assert insight.term == "理解业务"
    assert insight.span == (13, 17)  # SPEC 4's sample shows [12, 16]: off by one
    penalty = result.penalties[0]
    assert not penalty.hit and penalty.negated
    assert result.score == pytest.approx(2 / 3)
    assert result.passed
    assert result.missed == ("user-needs",)


@pytest.mark.parametrize(("answer", "hit"), [
    ("不需要洞察业务", False),
    ("洞察業務", True),
    ("ｂｕｓｉｎｅｓｓ ｉｎｓｉｇｈｔ", True),
    ("bussiness insight", True),
    ("不断洞察业务", True),
    ("我从业务出发去理解", True),     # the re: term
])
def test_acceptance_business_point(answer: str, hit: bool) -> None:
    assert grade(CORE, answer).points[0].hit is hit


def test_acceptance_denied_enumeration_hits_nothing() -> None:
    q = open_question((P("perm", ("权限",)), P("approval", ("审批",))))
    result = grade(q, "权限、审批这些都无所谓")
    assert [p.hit for p in result.points] == [False, False]
    assert [p.negated for p in result.points] == [True, True]
    assert result.score == 0


def test_acceptance_enumeration_negated_then_contrast() -> None:
    q = open_question((P("biz", ("业务",)),),
                      (P("ixd", ("交互设计",)), P("ux", ("用户体验",))))
    result = grade(q, "不是交互设计、用户体验，而是业务")
    assert result.points[0].hit
    assert [p.hit for p in result.penalties] == [False, False]
    assert [p.negated for p in result.penalties] == [True, True]
    assert result.score == 1


def test_acceptance_whole_words_and_typo_bounds() -> None:
    q = open_question((P("retention", ("retention",)), P("plain", ("plain",))))
    result = grade(q, "tension and a plan")
    assert [p.hit for p in result.points] == [False, False]
    assert [p.matches for p in result.points] == [(), ()]


# -- points ------------------------------------------------------------------------------


def test_synonym_group_reports_the_member() -> None:
    result = grade(CORE, "要有业务洞察")
    assert result.points[0].term == "业务洞察"
    assert result.points[0].matches[0].term == "业务洞察"


def test_synonym_group_member_in_english() -> None:
    result = grade(CORE, "Business Insight first")
    assert result.points[0].term == "business insight"
    assert result.points[0].span == (0, 16)


def test_all_point_needs_every_term() -> None:
    q = open_question((P("design", all_=("用户需求", "产品设计")),))
    assert not grade(q, "围绕用户需求").points[0].hit
    both = grade(q, "围绕用户需求做产品设计").points[0]
    assert both.hit
    assert [m.term for m in both.matches] == ["用户需求", "产品设计"]
    assert not grade(q, "围绕用户需求，不做产品设计").points[0].hit


def test_any_and_all_together() -> None:
    q = open_question((P("x", any_=("后台", "中后台"), all_=("系统",)),))
    assert not grade(q, "后台").points[0].hit
    assert not grade(q, "系统").points[0].hit
    assert grade(q, "后台系统").points[0].hit


def test_point_shows_first_counting_match() -> None:
    q = open_question((P("eff", ("效率",)),))
    point = grade(q, "不要效率，要效率").points[0]
    assert point.span == (6, 8) and point.hit and not point.negated
    assert [m.negated for m in point.matches] == [True, False]


def test_point_without_match_has_nulls() -> None:
    point = grade(CORE, "完全无关的回答").points[1]
    assert (point.hit, point.negated, point.term, point.span, point.matches) == (
        False, False, None, None, ())


def test_matches_are_in_answer_order() -> None:
    q = open_question((P("x", ("系统", "后台")),))
    point = grade(q, "后台系统和后台").points[0]
    assert [m.span for m in point.matches] == [(0, 2), (2, 4), (5, 7)]


# -- score -------------------------------------------------------------------------------


def test_weights() -> None:
    q = open_question((P("a", ("效率",), weight=3), P("b", ("安全",), weight=1)))
    assert grade(q, "效率").score == pytest.approx(0.75)
    assert grade(q, "安全").score == pytest.approx(0.25)
    assert grade(q, "效率和安全").score == 1


def test_penalties_subtract_and_clamp_at_zero() -> None:
    q = open_question((P("a", ("效率",)), P("b", ("安全",))),
                      (P("ui", ("界面最重要",), weight=1), P("anim", ("动画",), weight=3)))
    assert grade(q, "效率和安全，界面最重要").score == pytest.approx(0.5)
    assert grade(q, "效率，动画").score == 0
    assert grade(q, "动画").score == 0


def test_score_clamped_at_one() -> None:
    q = open_question((P("a", ("效率",)),), (P("neg", ("动画",), weight=-1),))
    assert grade(q, "效率 动画").score <= 1


def test_required_point_missed_fails_whatever_the_score() -> None:
    q = open_question((P("a", ("业务",), required=True), P("b", ("效率",), weight=9)),
                      threshold=0.5)
    result = grade(q, "效率第一")
    assert result.score == pytest.approx(0.9)
    assert not result.passed
    assert result.missed_required == ("a",)
    assert grade(q, "业务和效率").passed


def test_passed_is_decided_on_the_exact_score() -> None:
    q = open_question((P("a", ("甲",)), P("b", ("乙",)), P("c", ("丙",))), threshold=0.6667)
    result = grade(q, "甲乙")
    assert result.to_json()["score"] == 0.6667
    assert not result.passed  # 0.66666... < 0.6667


def test_threshold_is_inclusive() -> None:
    q = open_question((P("a", ("甲",)), P("b", ("乙",))), threshold=0.5)
    assert grade(q, "甲").passed


@pytest.mark.parametrize("answer", ["", "   ", "\n\n", "\u200b\u3000 ", "\t"])
def test_empty_or_blank_answers_score_zero(answer: str) -> None:
    q = open_question((P("a", ("re:.*",)), P("b", ("效率",))))
    result = grade(q, answer)
    assert result.score == 0 and not result.passed
    assert result.missed == ("a", "b")


# -- choice and true/false ---------------------------------------------------------------


def choice_question(answer: tuple[str, ...]) -> Question:
    return Question(bank_id="bank", id="c", type="choice", prompt="?",
                    options={"A": "效率", "B": "动画", "C": "功能", "D": "安全"}, answer=answer)


@pytest.mark.parametrize("typed", ["A,C", "ac", "A C", "Ａ，Ｃ", "c a", "A、C", "a;c",
                                   " A , C ", "A and C", "CA"])
def test_choice_forms(typed: str) -> None:
    assert parse_choice(typed) == ["A", "C"]


@pytest.mark.parametrize(("typed", "score", "passed"), [
    ("ACD", 1.0, True), ("A C", 2 / 3, False), ("A", 1 / 3, False), ("ABCD", 2 / 3, False),
    ("AB", 0.0, False), ("B", 0.0, False), ("", 0.0, False), ("ABD", 1 / 3, False),
])
def test_choice_score(typed: str, score: float, passed: bool) -> None:
    result = grade(choice_question(("A", "C", "D")), typed)
    assert result.score == pytest.approx(score)
    assert result.passed is passed
    doc = result.to_json()
    assert doc["type"] == "choice" and doc["threshold"] == 1.0
    assert doc["expected"] == ["A", "C", "D"]
    assert doc["given"] == parse_choice(typed)
    assert (doc["points"], doc["penalties"], doc["missed"]) == ([], [], [])


@pytest.mark.parametrize(("typed", "value"), [
    ("true", True), ("TRUE", True), ("t", True), ("yes", True), ("y", True), ("对", True),
    ("是", True), ("正确", True), ("√", True), ("  True. ", True), ("Ｙｅｓ", True),
    ("false", False), ("F", False), ("no", False), ("n", False), ("错", False),
    ("否", False), ("错误", False), ("×", False), ("錯誤", False),
    ("maybe", None), ("", None), ("对错", None),
])
def test_truefalse_forms(typed: str, value: bool | None) -> None:
    assert parse_truefalse(typed) is value


def test_truefalse_grade() -> None:
    q = Question(bank_id="bank", id="tf", type="truefalse", prompt="?", answer=True)
    right, wrong, unclear = grade(q, "对"), grade(q, "no"), grade(q, "不知道")
    assert (right.passed, right.score) == (True, 1.0)
    assert (wrong.passed, wrong.score) == (False, 0.0)
    assert (unclear.passed, unclear.to_json()["given"]) == (False, None)
    doc = right.to_json()
    assert (doc["type"], doc["threshold"], doc["expected"], doc["given"]) == (
        "truefalse", 1.0, True, True)
    assert (doc["points"], doc["penalties"], doc["missed"]) == ([], [], [])


# -- the grade object ----------------------------------------------------------------------


def test_open_grade_json_fields() -> None:
    doc = grade(CORE, "最重要的不是交互设计，而是理解业务").to_json()
    assert list(doc) == ["question", "type", "score", "passed", "threshold", "flags",
                         "points", "penalties", "missed"]
    assert doc["question"] == "bank/q" and doc["type"] == "open"
    assert doc["score"] == 0.6667
    assert doc["points"][0] == {
        "id": "business-insight", "label": "label business-insight", "weight": 2,
        "hit": True, "negated": False, "term": "理解业务", "span": [13, 17],
        "matches": [{"term": "理解业务", "span": [13, 17], "negated": False}],
    }
    assert doc["penalties"][0]["matches"] == [
        {"term": "交互设计", "span": [6, 10], "negated": True}]
    assert doc["penalties"][0]["negated"] is True
    assert doc["missed"] == ["user-needs"]


# -- bounded time ----------------------------------------------------------------------------


def test_catastrophic_regex_runs_in_linear_time() -> None:
    q = open_question((P("a", ("re:(a+)+$",)),))
    start = time.perf_counter()
    result = grade(q, "a" * 60 + "!")
    assert time.perf_counter() - start < 0.5
    assert not result.points[0].hit


@pytest.mark.parametrize("kind", ["prose", "no-punctuation", "cues", "letters", "words",
                                  "white-space", "full-width", "control"])
def test_megabyte_answer_grades_in_bounded_time(kind: str) -> None:
    size = 1_000_000
    unit = {
        "prose": "不需要洞察业务，理解业务、用户需求不重要。交互设计最重要！",
        "no-punctuation": "业务洞察用户需求",
        "cues": "不",
        "letters": "a",
        "words": "business insight efficiency don't ",
        "white-space": " \u200b\u3000\n",
        "full-width": "ＡＢＣ，業務　",
        "control": "\x00\x07\x1b[31m理解业务",
    }[kind]
    answer = (unit * (size // len(unit) + 1))[:size]
    q = open_question(
        (P("a", ("@业务理解", "re:业务.{0,6}(理解|洞察)", "re:a", "efficiency")),
         P("b", all_=("业务", "用户需求"), weight=2), P("c", ("用户 需求", "留存率"))),
        (P("pen", ("交互设计", "re:(a+)+$")),),
        synonyms=SYNONYMS,
    )
    start = time.perf_counter()
    result = grade(q, answer)
    assert time.perf_counter() - start < 5
    assert 0 <= result.score <= 1
    for p in (*result.points, *result.penalties):
        for m in p.matches:
            assert 0 <= m.span[0] < m.span[1] <= len(answer)


# -- properties ------------------------------------------------------------------------------


VOCAB = ["洞察业务", "理解业务", "用户需求", "产品设计", "效率", "系统安全", "只要交互", "动画",
         "不", "不是", "没有", "不需要", "无所谓", "不重要", "而是", "但", "，", "。", "、", "\n",
         "的", "我觉得", "很", "business insight", "not", "don't", " ", "efficiency",
         "doesn't matter", "後臺", "ＡＢ", "\u200b"]
PROP_Q = open_question(
    (P("biz", ("@业务理解",), weight=2, required=True), P("needs", ("用户需求",)),
     P("design", all_=("产品设计", "效率")), P("safe", ("系统安全", "efficiency"), weight=1.5)),
    (P("ux", ("只要交互",)), P("anim", ("动画",), weight=2)),
    synonyms=SYNONYMS,
)
ANSWERS = st.lists(st.sampled_from(VOCAB), max_size=25).map("".join)
ADDABLE = {"biz": "理解业务", "needs": "用户需求", "safe": "系统安全"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANSWERS)
def test_score_always_in_unit_interval(answer: str) -> None:
    result = grade(PROP_Q, answer)
    assert 0.0 <= result.score <= 1.0
    assert result.passed == (result.score >= PROP_Q.threshold and not result.missed_required
                             and not result.keyword_list)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANSWERS, st.sampled_from(sorted(ADDABLE)))
def test_adding_a_counting_term_never_lowers_the_score(answer: str, point_id: str) -> None:
    before = grade(PROP_Q, answer)
    added = grade(PROP_Q, answer + "。" + ADDABLE[point_id] + "。")
    assert added.score >= before.score
    assert {p.id for p in added.points if p.hit} >= {p.id for p in before.points if p.hit}
    assert point_id not in added.missed


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANSWERS)
def test_grading_is_deterministic(answer: str) -> None:
    first = grade(PROP_Q, answer).to_json()
    # A fresh, equal question (no compiled-rubric cache shared) grades the same.
    twin = open_question(PROP_Q.rubric.points, PROP_Q.rubric.penalties, synonyms=SYNONYMS)
    assert grade(PROP_Q, answer).to_json() == first
    assert grade(twin, answer).to_json() == first
