"""SPEC 4 negation, where keyword graders fail most: many real sentences, both directions,
Chinese and English."""

from __future__ import annotations

import pytest

from pmquiz.grading import PointResult, grade
from pmquiz.model import Point, Question, Rubric, Term


def question(terms: tuple[str, ...], *, negatable: bool = True,
             cues: tuple[str, ...] = ()) -> Question:
    points = tuple(
        Point(id=f"p{i}", label=t, any=(Term(t),), negatable=negatable)
        for i, t in enumerate(terms)
    )
    return Question(bank_id="t", id="q", type="open", prompt="?",
                    rubric=Rubric(points=points), negation_cues=cues)


def results(terms: tuple[str, ...], answer: str, **kw: object) -> dict[str, PointResult]:
    graded = grade(question(terms, **kw), answer)  # type: ignore[arg-type]
    return {p.label: p for p in graded.points}


def counts(term: str, answer: str, **kw: object) -> bool:
    """True when `term` occurs in `answer` and is not negated."""
    point = results((term,), answer, **kw)[term]
    assert point.matches, f"{term!r} does not even occur in {answer!r}"
    return point.hit


# Sentences in which the term is negated: the point must not be hit.
NEGATED_ZH = [
    ("洞察业务", "不需要洞察业务，做好交互就行。"),
    ("交互设计", "最重要的不是交互设计，而是理解业务"),
    ("交互设计", "我觉得不是交互设计"),
    ("效率", "后台没有效率可言"),
    ("效率", "没效率"),
    ("效率", "并非效率问题"),
    ("效率", "无需考虑效率"),
    ("效率", "不用管效率"),
    ("效率", "别只盯着效率"),
    ("效率", "未考虑效率"),
    ("效率", "不太重视效率"),               # 不 + 3 characters
    ("效率", "不怎么讲效率"),               # 不 + 3 characters
    ("效率", "没有考虑过效率"),             # 没有 + 3 characters
    ("效率", "不需要特别追求效率"),         # 不需要 + 4 characters: 特别 is no cue
    ("审批", "不是权限、审批"),             # 、 carries the cue
    ("用户体验", "不是交互设计、用户体验，而是业务"),
    ("流程", "没有权限、审批、流程"),
    ("权限", "权限、审批这些都无所谓"),
    ("审批", "权限、审批这些都无所谓"),
    ("界面", "界面好不好看不重要，效率最重要"),
    ("界面", "界面美观没必要"),
    ("界面", "界面美观没有必要"),
    ("动画", "动画效果不用太在意"),
    ("动画", "动画效果不用在意"),
    ("动画", "动画效果是次要的"),
    ("动画", "动画效果无关紧要"),
    ("动画", "动画和业务无关"),
    ("动画", "动画不需要"),
    ("动画", "动画没关系"),
    ("动画", "动画好不好看没有关系。"),
    ("后台", "很多人不愿意做后台"),           # 不 + 愿意做 (3)
    ("後台", "不願做後臺"),                 # Traditional, both sides
    ("交互设计", "不是\u200b交互设计"),       # zero-width between cue and term
    ("交互设计", "不是   交互设计"),          # spaces do not count as characters
]
NEGATED_EN = [
    ("business insight", "you don't need business insight"),
    ("business insight", "it doesn't take business insight"),
    ("efficiency", "it isn't efficiency"),
    ("animations", "they aren't animations"),
    ("efficiency", "never efficiency first"),
    ("efficiency", "no efficiency gains"),
    ("efficiency", "not efficiency"),
    ("efficiency", "without efficiency"),
    ("efficiency", "do not care about efficiency"),     # 2 words between
    ("payment", "payment and refunds don't matter"),
    ("refunds", "payment and refunds don't matter"),
    ("animations", "animations do not matter"),
    ("ui", "the UI doesn't matter"),
    ("ui", "a pretty UI is secondary"),
    ("animations", "animations are secondary."),
    ("animations", "animations are not needed"),
    ("animations", "fancy animations are unnecessary"),
    ("animations", "animations are irrelevant"),
    ("animation", "the Animation is IRRELEVANT!"),
    ("efficiency", "DON’T focus on efficiency"),        # typographic apostrophe, caps
    ("efficiency", "we don\u2019t need efficiency"),
]
# Sentences in which the term counts.
COUNTING_ZH = [
    ("理解业务", "最重要的不是交互设计，而是理解业务"),
    ("业务", "不是交互设计、用户体验，而是业务"),
    ("效率", "界面好不好看不重要，效率最重要"),
    ("洞察业务", "不断洞察业务"),
    ("业务", "不同公司有相同的通用业务"),
    ("时间", "要费不少时间去做业务调研"),
    ("用户体验", "不仅是用户体验"),
    ("效率", "不过效率更重要"),
    ("效率", "区别在于效率"),
    ("效率", "特别重视效率"),
    ("产品", "别人的产品"),
    ("前景", "未来很有前景"),
    ("系统安全", "并且注重系统安全"),
    ("效率", "不是不重视效率"),                  # double cue
    ("效率", "并非不注重效率"),
    ("业务调研", "不得不做业务调研"),
    ("效率", "不重视界面，但是效率很关键"),       # 但是 ends the clause
    ("效率", "不要界面但效率要高"),
    ("效率", "不看界面，效率第一"),               # ， ends the clause
    ("效率", "不看界面。效率第一"),
    ("效率", "不看界面；效率第一"),
    ("效率", "不看界面！效率第一"),
    ("效率", "不看界面？效率第一"),
    ("效率", "不看界面\n效率第一"),               # a line break ends the clause
    ("效率", "不是界面而是效率"),
    ("效率", "不在意界面却重视效率"),
    ("效率", "没想到后台产品的效率这么高"),       # 没 + 7 characters: too far
    ("效率", "没有人会否认后台的效率"),
    ("不清楚", "很多人不清楚后台的重要性"),       # the term begins with its cue
    ("效率", "效率很重要，界面不重要"),           # the denial closes another clause
    ("效率", "效率不重要吗？不，效率最重要"),
    ("效率", "不重要的是界面，重要的是效率"),
    ("效率", "注重效率，不在乎界面"),
    ("洞察業務", "我認為核心是洞察業務"),
]
COUNTING_EN = [
    ("business insight", "not UI but business insight"),
    ("business insight", "not UI, rather business insight"),
    ("business insight", "not UI; instead business insight"),
    ("efficiency", "not only efficiency but also security"),
    ("efficiency", "it is not unusual to value efficiency"),
    ("efficiency", "not without efficiency"),
    ("efficiency", "I do not think the back office needs anything except efficiency"),
    ("efficiency", "efficiency matters. animations don't matter"),
    ("efficiency", "the UI is secondary, efficiency is key"),
    ("not pretty", "the UI is not pretty"),
    ("efficiency", "never mind the UI. efficiency first"),
    ("efficiency", "nothing beats efficiency"),       # nothing is no cue
    ("efficiency", "notably efficiency"),
    ("efficiency", "don't worry, efficiency is covered"),
]


@pytest.mark.parametrize(("term", "answer"), NEGATED_ZH + NEGATED_EN)
def test_negated(term: str, answer: str) -> None:
    point = results((term,), answer)[term]
    assert point.matches, f"{term!r} does not occur in {answer!r}"
    assert not point.hit
    assert point.negated
    assert all(m.negated for m in point.matches)
    assert point.term is not None  # the first negated match is shown


@pytest.mark.parametrize(("term", "answer"), COUNTING_ZH + COUNTING_EN)
def test_counting(term: str, answer: str) -> None:
    assert counts(term, answer)


def test_suite_is_large_enough() -> None:
    assert len(NEGATED_ZH) + len(COUNTING_ZH) >= 30
    assert len(NEGATED_EN) + len(COUNTING_EN) >= 30


# -- windows -----------------------------------------------------------------------------


@pytest.mark.parametrize(("gap", "negated"), [
    ("", True), ("太", True), ("太重", True), ("太重视", True), ("怎么重视", True),
    ("怎么太重视", False), ("怎么太认真去重视", False),
])
def test_chinese_window_is_four_characters(gap: str, negated: bool) -> None:
    assert counts("效率", f"不{gap}效率") is not negated


@pytest.mark.parametrize(("gap", "negated"), [
    ("", True), ("really ", True), ("really care about ", False),
    ("care about the ", False),
])
def test_english_window_is_three_words(gap: str, negated: bool) -> None:
    # The term must be within three words of the cue: at most two words between.
    assert counts("efficiency", f"we don't {gap}efficiency") is not negated


def test_english_cue_adjacent_and_two_words_before() -> None:
    assert not counts("efficiency", "don't efficiency")
    assert not counts("efficiency", "don't need more efficiency")


def test_enumeration_carries_the_cue_past_the_window() -> None:
    answer = "不是交互设计、用户体验、动画效果、界面美观，而是业务"
    points = results(("交互设计", "用户体验", "动画效果", "界面美观", "业务"), answer)
    assert [points[t].hit for t in ("交互设计", "用户体验", "动画效果", "界面美观")] == [
        False, False, False, False]
    assert points["业务"].hit


def test_contrast_word_ends_the_clause_for_enumerations_too() -> None:
    points = results(("交互设计", "业务"), "不是交互设计、而是业务")
    assert not points["交互设计"].hit
    assert points["业务"].hit


@pytest.mark.parametrize("boundary", ["，", "。", "；", "！", "？", ",", ".", ";", "!", "?",
                                      "\n", "\r\n", "但", "但是", "而是", "却"])
def test_every_clause_boundary(boundary: str) -> None:
    assert counts("效率", f"不看界面{boundary}效率")


@pytest.mark.parametrize("boundary", [" but ", " rather ", " instead ", ", ", "; ", ". "])
def test_every_english_clause_boundary(boundary: str) -> None:
    assert counts("efficiency", f"not UI{boundary}efficiency")


# -- denials after the terms ---------------------------------------------------------------


@pytest.mark.parametrize("denial", ["不重要", "不用太在意", "不用在意", "没必要", "没有必要",
                                    "不需要", "没关系", "没有关系", "无关", "无所谓",
                                    "是次要的", "不重要。", "都无所谓了"])
def test_chinese_denials(denial: str) -> None:
    assert not counts("界面", f"界面美观{denial}")
    assert counts("效率", f"界面美观{denial}，效率才关键")


@pytest.mark.parametrize("denial", ["don't matter", "doesn't matter", "do not matter",
                                    "is secondary", "are secondary", "not needed",
                                    "is not needed", "unnecessary", "is unnecessary",
                                    "irrelevant", "is irrelevant"])
def test_english_denials(denial: str) -> None:
    assert not counts("animation", f"the animation {denial}")
    assert counts("efficiency", f"the animation {denial}, efficiency is key")


def test_denial_must_close_the_clause() -> None:
    # The denial is not at the end of the clause: it says nothing about the terms.
    assert counts("效率", "效率不重要这种说法是错的")


# -- double cues, look-alikes, terms that begin with a cue -----------------------------------


@pytest.mark.parametrize("answer", ["不是不重视效率", "并非不重视效率", "不得不重视效率",
                                    "没有不重视效率的"])
def test_double_cues_cancel(answer: str) -> None:
    assert counts("效率", answer)


def test_not_un_cancels() -> None:
    assert counts("efficiency", "not unimportant: efficiency")
    assert counts("efficiency", "a not unreasonable efficiency")


@pytest.mark.parametrize("lookalike", ["不断", "不同", "不少", "不仅", "不过", "区别", "特别",
                                       "别人", "未来", "并且"])
def test_lookalikes_are_not_cues(lookalike: str) -> None:
    assert counts("效率", f"{lookalike}效率")


def test_not_only_is_not_a_cue() -> None:
    assert counts("efficiency", "not only efficiency")


def test_term_that_begins_with_a_cue() -> None:
    assert counts("不清楚", "不清楚后台的重要性")
    assert counts("not pretty", "the UI is not pretty")
    assert counts("没有经验", "没有经验难以做后台")


def test_term_beginning_with_a_cue_still_negated_by_a_denial() -> None:
    assert not counts("不清楚", "不清楚后台也没关系")


# -- configuration -----------------------------------------------------------------------------


def test_bank_negation_cues_are_added() -> None:
    assert counts("效率", "毫无效率")  # 无 alone is no default cue
    assert not counts("效率", "毫无效率", cues=("毫无",))
    assert not counts("efficiency", "seldom efficiency", cues=("seldom",))
    assert counts("efficiency", "seldom efficiency")


def test_default_cues_stay_with_bank_cues() -> None:
    assert not counts("效率", "不需要效率", cues=("毫无",))


def test_negatable_false_points_are_never_negated() -> None:
    assert counts("效率", "不需要效率", negatable=False)
    assert counts("效率", "效率无所谓", negatable=False)
    assert counts("efficiency", "don't need efficiency", negatable=False)


def test_negated_matches_are_reported() -> None:
    point = results(("效率",), "不要效率，要效率")["效率"]
    assert point.hit
    assert [m.negated for m in point.matches] == [True, False]
    assert point.span == point.matches[1].span  # the first counting match is shown


def test_core_ability_story() -> None:
    q = Question(
        bank_id="t", id="core-ability", type="open", prompt="你认为产品经理最重要的能力是什么？",
        rubric=Rubric(
            points=(Point("business-insight", "以洞察业务为基础", 2, True,
                          any=(Term("洞察业务"), Term("理解业务"), Term("业务洞察"))),),
            penalties=(Point("ux-only", "认为只需交互设计", any=(Term("交互设计"),)),),
        ),
    )
    result = grade(q, "最重要的不是交互设计，而是理解业务")
    assert result.points[0].hit and result.points[0].term == "理解业务"
    assert not result.penalties[0].hit and result.penalties[0].negated
    assert grade(q, "不需要洞察业务").points[0].hit is False
