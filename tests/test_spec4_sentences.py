"""Every sentence SPEC section 4 quotes behaves as written there, one test each.

The rules themselves are tested with many more sentences, both directions, in
test_negation_rules.py, test_negation.py, test_normalize.py and test_keyword_lists.py.
"""

from __future__ import annotations

import pytest

from pmquiz.grading import PointResult, grade, is_keyword_list, same_word
from pmquiz.model import Point, Question, Rubric, Term
from pmquiz.text import normalize


def question(*terms: str, lists: bool = False) -> Question:
    points = tuple(Point(id=f"p{i}", label=t, any=(Term(t),)) for i, t in enumerate(terms))
    return Question(bank_id="spec", id="q", type="open", prompt="?",
                    rubric=Rubric(points=points), lists=lists)


def points(answer: str, *terms: str) -> dict[str, PointResult]:
    return {p.label: p for p in grade(question(*terms), answer).points}


def hits(answer: str, *terms: str) -> list[bool]:
    found = points(answer, *terms)
    for term in terms:
        assert found[term].matches, f"{term!r} does not even occur in {answer!r}"
    return [found[t].hit for t in terms]


# -- normalisation and matching ----------------------------------------------------------


def test_full_width_colon_equals_half_width() -> None:
    assert hits("关键：效率", "关键:效率") == [True]


def test_traditional_matches_simplified() -> None:
    assert hits("後台很重要", "后台") == [True]


@pytest.mark.parametrize("word", ["naïve", "résumé", "İstanbul"])
def test_unicode_latin_words_are_words(word: str) -> None:
    assert hits(f"A {word} answer, said twice: {word}.", word) == [True]
    assert len(points(f"x {word} y", word)[word].matches) == 1
    # A word is a whole run of letters: part of one does not match.
    assert not points(f"{word}xyz", word)[word].matches


def test_latin_term_inside_chinese_text() -> None:
    assert hits("后台的dashboard做得很简陋", "dashboard") == [True]
    assert hits("用过几个SaaS产品，UI/UX都很朴素", "saas", "ux") == [True, True]
    # Still whole words: part of a Latin word inside Chinese text is no match.
    assert not points("后台的dashboard做得很简陋", "dash")["dash"].matches
    assert not points("后台的dashboard做得很简陋", "board")["board"].matches


@pytest.mark.parametrize("answer", ["need", "needs", "needed", "needing"])
def test_need_and_needs_match_every_inflection(answer: str) -> None:
    assert hits(f"they {answer} it", "need") == [True]
    assert hits(f"they {answer} it", "needs") == [True]


def test_typos_and_their_limits() -> None:
    assert hits("bussiness first", "business") == [True]
    assert not points("a plain page", "plan")["plan"].matches
    assert not points("some tension", "retention")["retention"].matches
    assert same_word("needs", "needed") and not same_word("plan", "plain")


def test_overlapping_terms_both_hit() -> None:
    assert hits("留存率很高", "留存", "留存率") == [True, True]


# -- negation ----------------------------------------------------------------------------


def test_bu_zai_yu_reaches_to_the_clause_end() -> None:
    assert hits("后台的关键并不在于团队里有没有人懂交互设计", "交互设计") == [False]


def test_hardly_reaches_to_the_clause_end() -> None:
    assert hits("it is hardly a matter of polishing the screens", "polish") == [False]


def test_tan_bu_shang_negates_the_whole_list() -> None:
    assert hits("谈不上重视权限、审批和日志", "权限", "审批", "日志") == [False, False, False]


def test_isnt_about_negates_the_whole_list() -> None:
    assert hits("it isn't about payments, refunds or support tickets",
                "payments", "refunds", "support tickets") == [False, False, False]


def test_yu_qi_shuo_bu_ru_shuo() -> None:
    assert hits("与其说后台拼的是界面，不如说拼的是效率", "界面", "效率") == [False, True]


@pytest.mark.parametrize(("answer", "x", "y"), [
    ("not the screens but the workflows", "screens", "workflows"),
    ("the workflows rather than the screens", "screens", "workflows"),
    ("the workflows instead of the screens", "screens", "workflows"),
])
def test_not_x_but_y_rather_than_instead_of(answer: str, x: str, y: str) -> None:
    assert hits(answer, x, y) == [False, True]


def test_verbs_of_knowing_zh() -> None:
    assert hits("新人往往没认识到权限设计有多重要", "权限设计") == [True]


def test_verbs_of_knowing_en() -> None:
    assert hits("most people don't know how much the refund flow matters",
                "refund flow") == [True]


@pytest.mark.parametrize("answer", ["不是不重视效率", "并非不重视效率", "不得不重视效率"])
def test_two_cues_in_a_row_cancel(answer: str) -> None:
    assert hits(answer, "效率") == [True]


def test_not_un_cancels() -> None:
    assert hits("efficiency is not unimportant", "efficiency") == [True]
    assert hits("it is not unusual to put efficiency first", "efficiency") == [True]


def test_enumeration_comma_does_not_end_the_clause() -> None:
    assert hits("不是交互设计、用户体验", "交互设计", "用户体验") == [False, False]


def test_closing_denials() -> None:
    assert hits("权限、审批这些都无所谓", "权限", "审批") == [False, False]
    assert hits("payment and refunds don't matter", "payment", "refunds") == [False, False]
    assert hits("界面好不好看不重要，效率最重要", "界面", "效率") == [False, True]


def test_a_term_that_begins_with_a_cue() -> None:
    assert hits("很多人不清楚后台有多重要", "不清楚") == [True]
    assert hits("the admin screen is not pretty", "not pretty") == [True]


def test_core_ability_story() -> None:
    core = Question(
        bank_id="spec", id="core-ability", type="open", prompt="你认为产品经理最重要的能力是什么？",
        rubric=Rubric(
            points=(Point("business-insight", "以洞察业务为基础", 2,
                          any=(Term("洞察业务"), Term("理解业务"))),),
            penalties=(Point("ux-only", "认为只需交互设计",
                             any=(Term("只要交互"), Term("交互设计"))),),
        ),
    )
    result = grade(core, "最重要的不是交互设计，而是理解业务")
    assert result.points[0].hit and not result.penalties[0].hit
    assert not grade(core, "不需要洞察业务").points[0].hit


# -- keyword lists ---------------------------------------------------------------------


@pytest.mark.parametrize("answer", ["付费 退款 客服 流程 体验",
                                    "refunds payments tickets audit logs permissions"])
def test_keyword_lists_are_flagged(answer: str) -> None:
    assert is_keyword_list(normalize(answer).text)
    result = grade(question("付费", "退款", "refunds", "payments"), answer)
    assert result.flags == ("keyword-list",) and not result.passed


def test_a_sentence_that_lists_things_is_not_a_keyword_list() -> None:
    answer = "后台要管好付费、退款和客服这些流程，界面朴素没关系"
    assert not is_keyword_list(normalize(answer).text)
    result = grade(question("付费", "退款", "客服"), answer)
    assert result.flags == () and result.passed


def test_repeating_a_term_adds_nothing() -> None:
    once = grade(question("效率", "安全"), "后台最看重效率。")
    many = grade(question("效率", "安全"), "后台最看重效率，效率，还是效率，效率第一。")
    assert once.score == many.score == 0.5
