"""Fifth round of grading rules (SPEC 4), each with real sentences in both directions:
the shape the rule catches and the close shapes it must leave alone.

1. a bare topic label before a colon ("通用业务：下单、退货") leaves a keyword list a list;
   a lead-in that says something ("后台要管的有：") still makes a sentence;
2. a denied act of saying ("He doesn't say X", "the article never claims X") negates what
   it names, over an English list that runs on across commas;
3. a denied predicate with no subject of its own ("X, or Y, isn't what's going on here")
   denies the claim before it, also for a point that is not negatable;
4. a clause closed by 不是问题 / 不成问题 ("is not the problem here") denies its terms.
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


# -- 2. a denied act of saying ---------------------------------------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("The author doesn't say back-office PMs have to understand payment flows.", "payment"),
    ("The article never claims that a back-office PM has to master audit logs.", "audit logs"),
    ("I'm not saying that every new PM should obsess over permissions.", "permissions"),
    ("She didn't suggest that the refund process needs a redesign.", "refund"),
    # The act reaches over a list that runs on across commas.
    ("He doesn't say you need to learn architecture, ops or development.", "development"),
    ("He doesn't say you need to learn architecture, ops or development.", "ops"),
    ("I wouldn't bring up payments, refunds or support tickets.", "refunds"),
])
def test_a_denied_act_of_saying_negates_what_it_names(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), [
    ("The author says back-office PMs have to understand payment flows.", "payment"),
    ("He not only says the business matters, he also says security does.", "security"),
    ("The article doesn't just claim it; it shows that audit logs matter.", "audit logs"),
    # What follows the clause is the speaker's own claim.
    ("He doesn't say why, but payments and refunds are the hard part.", "refunds"),
    ("Nobody says it outright, and yet permissions come first.", "permissions"),
    # A comma-joined run with a subject or verb of its own is a new clause, not more items.
    ("He doesn't say that, he says architecture, and it stresses ops or development.",
     "development"),
])
def test_saying_that_is_not_denied_keeps_counting(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


# -- 3. a denied predicate with no subject of its own ----------------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("Lacking a feel for payment flows, or skipping the refund rules, isn't what's going on"
     " here.", "refund"),
    ("Poor knowledge of the back office, and no sense of the business loop, isn't really"
     " the problem.", "business loop"),
    ("Security gets neglected, but that's not what's happening.", "security"),
])
def test_a_subjectless_denial_denies_the_claim_before_it(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


def test_a_subjectless_denial_reaches_a_point_that_is_not_negatable() -> None:
    answer = ("Not having an overall picture of the business, and not knowing the back"
              " office, isn't what's going on here.")
    assert hits(answer, "overall picture", negatable=False) == [False]
    assert hits("They have no overall picture of the business.", "overall picture",
                negatable=False) == [True]


@pytest.mark.parametrize(("answer", "term"), [
    ("Not knowing the back office is exactly what's going on here.", "back office"),
    ("Payments and refunds are what's going on behind the app.", "refunds"),
    # The denial has a subject of its own: only that is denied.
    ("The real gap is the business loop, and the UI isn't the problem here.",
     "business loop"),
    ("Missing the big picture, that's what's happening.", "big picture"),
])
def test_an_affirmed_or_own_subject_keeps_counting(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


# -- 4. "不是问题" closes a clause as a denial -------------------------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("后台界面朴素其实根本不是问题，效率低才是问题。", "界面朴素"),
    ("用户少并不成问题。", "用户少"),
    ("权限设计复杂一点也不算什么问题", "权限设计"),
    ("Payments being slow is not the problem here.", "payments"),
])
def test_is_no_problem_denies_what_it_closes(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), [
    ("后台界面朴素其实根本不是问题，效率低才是问题。", "效率低"),
    ("用户少不是问题的关键，关键是成就感弱。", "用户少"),
    ("只要功能能保证使用，仍然没有问题。", "功能"),
    ("用户少是个大问题。", "用户少"),
    ("Slow payments are the problem here.", "payments"),
])
def test_a_problem_affirmed_or_not_closing_keeps_counting(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]
