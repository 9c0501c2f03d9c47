"""Properties of the grader's newer rules on generated answers: whatever the mix of cues,
lists, denials, commas and scripts, grading finishes, spans index the answer, and a term's
matches are reported in answer order."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmquiz.grading import grade, is_keyword_list
from pmquiz.model import Point, Question, Rubric, Term

PIECES = [
    "不是", "并不在于", "谈不上", "与其说", "不如说", "没认识到", "有没有", "不", "没有",
    "、", "和",
    "，", "。", "但是", "而是", "无所谓", "不重要", "效率", "权限", "审批", "日志", "界面",
    " not ", " isn't about ", " hardly ", " rather than ", " instead of ", " don't know ",
    " dont ", " payments", ", ", " and ", " or ", " refunds", " support tickets",
    " don't matter", " nothing to do with ", " naïve", " dashboard", "后台的dashboard",
    "\n", " ", "-", "1.", "İstanbul",
]
TERMS = ("效率", "权限", "日志", "界面", "payments", "refunds", "support tickets",
         "dashboard", "naïve", "istanbul")
QUESTION = Question(
    bank_id="prop", id="q", type="open", prompt="?",
    rubric=Rubric(
        points=(*(Point(id=f"p{i}", label=t, any=(Term(t),)) for i, t in enumerate(TERMS)),
                Point(id="together", label="together", any=(Term(
                    "together: 效率|payments + 权限|refunds",
                    together=((Term("效率"), Term("payments")),
                              (Term("权限"), Term("refunds")))),))),
        penalties=(Point(id="ui", label="ui", any=(Term("界面"),)),),
    ),
)
ANSWERS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANSWERS)
def test_grading_generated_answers(answer: str) -> None:
    result = grade(QUESTION, answer)
    assert 0.0 <= result.score <= 1.0
    for point in result.point_results:
        starts = [m.span[0] for m in point.matches]
        assert starts == sorted(starts)
        for match in point.matches:
            start, end = match.span
            assert 0 <= start < end <= len(answer)
        assert point.hit <= bool(point.matches)
    assert result.keyword_list == ("keyword-list" in result.flags)
    if result.keyword_list:
        assert not result.passed
    is_keyword_list(answer)  # never raises on raw text either
