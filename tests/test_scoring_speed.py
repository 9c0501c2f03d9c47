"""Issue 18, grading throughput: the faster forms of scoring and of the keyword-list
check give exactly what their plain forms give (the speed itself is measured by
benchmarks/, never asserted here)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmquiz.grading import grade
from pmquiz.model import Point, Question, Rubric, Term


def test_a_grade_made_fast_equals_the_dataclass_one() -> None:
    import dataclasses

    from pmquiz.grading.results import Grade, open_grade

    point = Point(id="biz", label="懂业务", any=(Term("业务"),))
    question = Question(bank_id="b", id="q", type="open", prompt="?",
                        rubric=Rubric(points=(point,)))
    made = grade(question, "后台产品经理要先懂业务，界面朴素没关系")
    plain = Grade(question=made.question, type="open", answer=made.answer, score=made.score,
                  passed=made.passed, threshold=made.threshold, points=made.points,
                  penalties=made.penalties, missed=made.missed,
                  missed_required=made.missed_required, flags=made.flags)
    assert made == plain and repr(made) == repr(plain)
    assert made.passed and made.to_json() == plain.to_json()
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.score = 0.0  # type: ignore[misc]
    again = open_grade(made.question, made.answer, 0.0, False, made.threshold, (), (), (),
                       (), ("keyword-list",))
    assert again.keyword_list and again.expected is None and again.given is None


LIST_PATTERN_TEXTS = [
    "后台要管好付费、退款和客服这些流程，界面朴素没关系",
    "付费 退款 客服 流程 体验",
    "成就感不如前台，就是这样；要求很高，需要懂业务，主要是效率。要做好权限",
    "业务调研；亲自操作退款；访谈客服和财务；梳理流程",
    "我觉得了解业务最重要, 着手做起来就行! 把控节奏? 把关质量。",
    "竞品难找 / 隐私数据 / 私有业务不公开 / 业务调研 。 ",
    "因为所以但如果虽然然后首先其次接着而且并且不过可是因此比如例如,",
]


@pytest.mark.parametrize("text", LIST_PATTERN_TEXTS)
def test_keyword_list_patterns_find_what_the_plain_ones_find(text: str) -> None:
    from pmquiz.grading import lists

    for fast, plain in ((lists._SENTENCE_ZH, lists.SENTENCE_ZH_PLAIN),
                        (lists._TELEGRAPH_NOT_ZH, lists.TELEGRAPH_NOT_ZH_PLAIN)):
        plain_re = re.compile(plain)
        for start in range(len(text)):  # every position a search may start from
            found, expected = fast.search(text, start), plain_re.search(text, start)
            assert (found and (found.span(), found.group())) == (
                expected and (expected.span(), expected.group())), (plain, text, start)


def _pattern_alphabet() -> list[str]:
    from pmquiz.grading import lists

    chars = set(lists.SENTENCE_ZH_PLAIN + lists.TELEGRAPH_NOT_ZH_PLAIN) - set("[]()?!<|\\sZ")
    return sorted(chars | set(",。!? \n业务"))


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(_pattern_alphabet()), max_size=16))
def test_keyword_list_patterns_on_generated_text(text: str) -> None:
    from pmquiz.grading import lists

    for fast, plain in ((lists._SENTENCE_ZH, lists.SENTENCE_ZH_PLAIN),
                        (lists._TELEGRAPH_NOT_ZH, lists.TELEGRAPH_NOT_ZH_PLAIN)):
        assert [(m.span(), m.group()) for m in fast.finditer(text)] == [
            (m.span(), m.group()) for m in re.finditer(plain, text)]
