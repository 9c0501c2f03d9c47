"""Fifth round of grading rules (SPEC 4), each with real sentences in both directions:
the shape the rule catches and the close shapes it must leave alone.

1. a bare topic label before a colon ("通用业务：下单、退货") leaves a keyword list a list;
   a lead-in that says something ("后台要管的有：") still makes a sentence;
"""

from __future__ import annotations

import pytest

from pmquiz.grading import grade
from pmquiz.grading.lists import is_keyword_list
from pmquiz.model import Point, Question, Rubric, Term
from pmquiz.text import normalize


def hits(answer: str, *terms: str, negatable: bool = True) -> list[bool]:
    """For each term: whether it hits (occurs and counts) in the answer."""
    q = Question(bank_id="t", id="q", type="open", prompt="?", rubric=Rubric(points=tuple(
        Point(id=f"p{i}", label=t, any=(Term(t),), negatable=negatable)
        for i, t in enumerate(terms))))
    return [p.hit for p in grade(q, answer).points]


def keyword_list(answer: str) -> bool:
    return is_keyword_list(normalize(answer).text)


# -- 1. a topic label before a colon ---------------------------------------------------------

@pytest.mark.parametrize("answer", [
    "后台价值：效率、功能、安全",
    "例子：付费，退款，客服工单",
    "答：权限、审批、操作日志",
    "Back-office focus: efficiency, functionality, security",
    "Examples: refunds, payments, support tickets",
])
def test_a_label_and_a_list_is_a_keyword_list(answer: str) -> None:
    assert keyword_list(answer)


@pytest.mark.parametrize("answer", [
    # A lead-in that says something about the items.
    "后台要管的有：付费、退款、客服",
    "原因有三：用户少、不好看、门槛高",
    "我觉得是：效率、功能、安全",
    "有前景。理由：替代性低、薪资高、天花板高",
    "It comes down to: efficiency, functionality, security",
    "Not a toy: refunds, payments, support tickets",
    # A label followed by sentences.
    "后台价值：效率和安全都比界面重要，功能要能稳定使用。",
    "Examples: refunds and payments are handled the same way in every company.",
])
def test_a_lead_in_or_sentences_after_a_label_are_no_list(answer: str) -> None:
    assert not keyword_list(answer)
