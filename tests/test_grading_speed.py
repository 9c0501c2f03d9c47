"""Issue 18, grading throughput: the faster forms of a rule find exactly what the plain
form finds (the speed itself is measured by benchmarks/, never asserted here)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmquiz.grading import grade
from pmquiz.grading.answer import CLAUSE_BOUNDARY, CLAUSE_BOUNDARY_PLAIN, AnswerText
from pmquiz.model import Point, Question, Rubric, Term
from pmquiz.regex import PatternTooCostly, compile_matcher, compile_pattern

BOUNDARY_TEXTS = [
    "后台不是不重要，但是没人愿意做。而是因为门槛高；却没有竞品！对吗？",
    "交互体验很重要,但界面不是全部.后台——尤其是权限——决定效率\n下一行",
    "It isn't about the UI, but about the business: 10:30 is fine - really – yes",
    "rather than a fancy UI, instead of polish; rather good; instead, butter about but",
    "obut abut ibut but. rathers rather than insteadof instead of—done ——— x-y x - y",
    "a:b 1:2 :3 4: 但 但是 而 而是 却 but",
    ":开头的冒号和结尾的破折号——",
]


@pytest.mark.parametrize("text", BOUNDARY_TEXTS)
def test_clause_boundaries_are_those_of_the_plain_pattern(text: str) -> None:
    plain = re.compile(CLAUSE_BOUNDARY_PLAIN)
    assert [m.span() for m in CLAUSE_BOUNDARY.finditer(text)] == [
        m.span() for m in plain.finditer(text)]


def test_a_clause_ends_where_the_plain_pattern_says() -> None:
    answer = AnswerText.of("界面好看不重要，但是效率很重要")
    assert answer.clause(answer.text.index("效率")) == (answer.text.index("是") + 1,
                                                      len(answer.text))


def test_the_grading_matcher_refuses_what_the_validator_refuses() -> None:
    # 26,000 instructions: too many for the validator's 256 KiB, not for the matcher's
    # larger room, which must not let it through.
    costly = "[a-c]{1000}" * 26
    with pytest.raises(PatternTooCostly):
        compile_pattern(costly)
    with pytest.raises(PatternTooCostly):
        compile_matcher(costly)
    with pytest.raises(ValueError, match="RE2 syntax"):
        compile_matcher(r"(?<=a)b")


def test_the_grading_matcher_finds_the_spans_of_the_validated_pattern() -> None:
    # A Chinese class repeated and a long alternation: the shape whose automaton ran out
    # of room at 256 KiB and fell back to RE2's slow engine.
    pattern = (r"(业务|流程|后台)[^。；;!，,界面ui好看]{0,8}(没那么重要|不重要|无所谓|次要)"
               r"|(b)(u)siness")
    text = "我觉得后台的业务流程不重要。business 很重要，但流程其实无所谓"
    validated = [m.span() for m in compile_pattern(pattern).finditer(text)]
    matcher = [m.span() for m in compile_matcher(pattern).finditer(text)]
    assert matcher == validated
    assert [text[s:e] for s, e in matcher] == ["后台的业务流程不重要", "business", "流程其实无所谓"]


def test_a_regex_term_graded_with_the_matcher_keeps_its_spans_and_negation() -> None:
    point = Point(id="p", label="p", any=(Term(r"re:(业务|流程)[^。，]{0,6}(重要|关键)"),))
    question = Question(bank_id="b", id="q", type="open", prompt="?",
                        rubric=Rubric(points=(point,)))
    answer = "我认为业务洞察很重要。不是流程最关键"
    result = grade(question, answer).points[0]
    assert [(answer[s:e], m.negated) for m in result.matches for s, e in [m.span]] == [
        ("业务洞察很重要", False), ("流程最关键", True)]
    assert result.hit


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
