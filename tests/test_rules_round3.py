"""Third round of grading rules (SPEC 4), each with real sentences in both directions:
the shape the rule catches and the close positive shapes it must leave alone.

1. telegraphic keyword lists: fragments with a short predicate of their own;
2. a clause that is only a verdict on the claim before it (disagreement, belittling);
3. denied opinions and causes reaching to the clause end;
4. belittling closers that keep every keyword.
"""

from __future__ import annotations

import pytest

from pmquiz.grading import grade, is_keyword_list
from pmquiz.model import Point, Question, Rubric, Term
from pmquiz.text import normalize


def hits(answer: str, *terms: str) -> list[bool]:
    """For each term: whether it hits (occurs and counts) in the answer."""
    q = Question(bank_id="t", id="q", type="open", prompt="?", rubric=Rubric(points=tuple(
        Point(id=f"p{i}", label=t, any=(Term(t),)) for i, t in enumerate(terms))))
    return [p.hit for p in grade(q, answer).points]


def keyword_list(answer: str) -> bool:
    return is_keyword_list(normalize(answer).text)


# -- 1. telegraphic notes are keyword lists ------------------------------------------------

@pytest.mark.parametrize("answer", [
    "竞争对手少 / 数据敏感 / 业务不对外 / 先做调研 / 亲自上手 / 积累行业经验",
    "报销审批 库存盘点 会员积分 工单流转 各行业通用 提升内部效率",
    "先访谈一线客服；跑通一遍报销流程；整理上下游依赖；稳定 高效 安全",
    "对账 | 结算 | 发票 | 审批流很长 | 报表",
    "internal tools behind the product; staff workflows; billing, refunds, support tickets;"
    " expensive to build; hard to copy",
    "few competitors / sensitive data / closed business / learn the domain first / hands-on",
    "- billing\n- refunds\n- audit trail hard to fake\n- permissions",
])
def test_telegraphic_notes_are_keyword_lists(answer: str) -> None:
    assert keyword_list(answer)


@pytest.mark.parametrize("answer", [
    "后台要管好付费、退款和客服这些流程，界面朴素没关系",  # SPEC 4: a sentence
    "后台很重要，因为它管着付费和退款。",
    "先调研业务，再走一遍退款流程。",
    # Chinese with spaces for pauses: fragments leaning on the one before are a sentence.
    "后台产品经理 要先懂业务 设计围绕流程 效率和安全优先 界面朴素",
    "先做业务调研 再亲自走一遍退款流程 然后访谈客服和财务 最后梳理优先级",
    # A pronoun, a connective or a lead-in makes a sentence, whatever the separators.
    "我会先调研业务 / 再走一遍流程 / 找客服聊聊 / 排优先级",
    "原因有三：竞品少；数据敏感；业务不公开；门槛高",
    "It runs payments; it handles refunds; it supports the staff; it keeps data safe",
    "Learn the business first; then walk the refund flow; then talk to support; rank",
    "Efficiency matters most; looks come last.",
    # A numbered or sequenced plan is a written answer.
    "1. 先调研业务\n2. 亲自走一遍退款流程\n3. 访谈客服和财务\n4. 按效率排优先级",
    "第一步调研业务；第二步亲自走一遍流程；第三步访谈客服；第四步排优先级",
    "first learn the business; then walk the refund flow; then support; finally rank",
    # Notes that each say something are not mostly bare items: not a list.
    "退款流程要跑通 / 客服要能查单 / 财务要能对账 / 权限要分级",
    "refund flow must work / support can look up orders / finance can reconcile / roles",
    "Payments need to work; refunds need to be fast; support needs order lookup; finance",
])
def test_sentences_and_predicate_notes_are_not_lists(answer: str) -> None:
    assert not keyword_list(answer)


# -- 2. a verdict clause judges the claim before it ----------------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("有人说后台产品经理发展空间大、收入高，我并不认同。", "收入高"),
    ("有人说后台产品经理发展空间大、收入高，我并不认同。", "发展空间"),
    ("都说做后台能接触到核心业务，这个说法我不太同意", "核心业务"),
    ("后台经验可以迁移到任何公司，我不这么看", "迁移"),
    ("Some claim the back office pays better and is hard to replace, I disagree.",
     "hard to replace"),
    ("They say refunds and audit logs are the hard part, that's not true.", "audit logs"),
    ("People say you must learn the business first, I don't agree with any of that.",
     "learn the business"),
    # A verdict opening its sentence judges a question or a report just before it.
    ("做后台要懂技术？我不这么认为。", "懂技术"),
    ("Is the back office just plumbing? I don't think so.", "plumbing"),
    ("Some say UX is all that matters. I don't agree.", "ux"),
    # A belittling verdict on an anaphor negates the clause before it.
    ("权限和审批当然要做，但说到底那都是上线前的准备工作", "审批"),
    ("数据看板、操作日志，这些都可有可无", "操作日志"),
    ("We keep an audit trail, that's a nice-to-have.", "audit trail"),
    ("Audit trails and permissions, none of that really matters", "permissions"),
    # ... and so does one that hands the claim to someone else, its own terms included.
    ("要懂数据库和服务器，其实那些都是研发负责的", "服务器"),
    ("要懂数据库和服务器，其实那些都是研发负责的", "研发"),
    ("You need architecture and operations knowledge, that's the engineers' job.",
     "architecture"),
])
def test_a_verdict_clause_denies_the_claim_before_it(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), [
    # Only the reported part is denied; a denied denial affirms.
    ("有人说后台不重要，我不认同，后台很重要", "很重要"),
    ("有人说做后台不用懂业务，我不认同。", "懂业务"),
    ("Some people say the back office doesn't matter, I disagree.", "back office"),
    # The speaker's own claim before the frame, and anything after the verdict, stand.
    ("后台要懂业务，可有人说只看界面，我不同意", "懂业务"),
    ("我不同意。后台的核心是效率", "效率"),
    ("有人说后台没前途。我不同意。", "前途"),
    ("后台很重要。我不同意只看界面。", "重要"),
    ("I disagree. The back office runs on efficiency.", "efficiency"),
    # A disagreement with an object of its own is no verdict on what came before.
    ("后台要懂业务，我不认同只看界面的做法", "懂业务"),
    # Agreement and praise are no verdicts.
    ("后台要先懂业务，我同意这个观点", "懂业务"),
    ("权限和审批都要做，这些很重要", "审批"),
    ("后台PM要懂业务，那些技术细节都是研发负责的", "懂业务"),
    ("后台PM要懂业务，这是产品经理的事", "懂业务"),
    # Preparation called necessary is valued, not belittled.
    ("先摸清业务流程，这些都是上线之前必须做的准备工作", "业务流程"),
    ("Audit logs and permissions, that matters a lot.", "permissions"),
    ("Audit logs and permissions, that matters.", "permissions"),
])
def test_no_verdict_leaves_the_claim_counting(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


# -- 3. a denied opinion or cause reaches to the clause end --------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("我不认为后台难做是因为要懂很多技术", "技术"),
    ("我不觉得后台需要多好看的界面", "界面"),
    ("我并不觉得天花板高是因为业务拓展", "业务拓展"),
    ("天花板高不是因为要懂框架和运维", "运维"),
    ("It isn't because the PM writes code or runs servers - developers do that.", "servers"),
    ("The ceiling is higher not because PMs learn architecture and operations", "operations"),
    ("I don't think the interface needs to be beautiful", "interface"),
    ("I wouldn't say the back office is hard to replace", "hard to replace"),
])
def test_a_denied_opinion_or_cause_reaches_the_clause_end(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), [
    # Two denials: the opinion denies a denial.
    ("我不觉得权限不重要", "权限"),
    ("我不觉得做后台不用懂业务", "懂业务"),
    ("I don't think audit logs are unimportant", "audit logs"),
    # The clause ends; a verb of knowing, an exception or a comparison stops the reach.
    ("I don't think the UI matters, the workflow does", "workflow"),
    ("I don't think people realise how much the refund flow matters", "refund flow"),
    ("我不觉得大家意识到了权限设计有多重要", "权限设计"),
    ("I don't think it needs anything except efficiency", "efficiency"),
    ("我不觉得界面比流程重要", "流程"),
    # Affirmed opinions and causes, and "not just because".
    ("我认为是因为要懂业务", "懂业务"),
    ("I think it's because PMs learn architecture", "architecture"),
    ("It is not just because PMs understand the business", "business"),
])
def test_an_opinion_denial_leaves_these_counting(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


# -- 4. belittling closers ------------------------------------------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("数据权限只是锦上添花", "数据权限"),
    ("操作日志可有可无", "操作日志"),
    ("审批流无足轻重", "审批流"),
    ("业务调研没那么重要", "业务调研"),
    ("报表顺带做做就行", "报表"),
    ("业务调研只是上线前的准备工作", "业务调研"),
    ("对账功能用处不大", "对账"),
    ("Audit logs matter only a little", "audit logs"),
    ("Permissions come along more or less for free", "permissions"),
    ("Reporting is a nice-to-have", "reporting"),
    ("Data security is no big deal", "data security"),
    ("Reporting hardly matters", "reporting"),
])
def test_belittling_closers_negate_their_clause(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), [
    ("数据权限不只是锦上添花", "数据权限"),
    ("操作日志并非可有可无", "操作日志"),
    ("审批流绝不是无足轻重的", "审批流"),
    ("业务调研都是必须做的准备工作", "业务调研"),
    ("业务调研非常重要", "业务调研"),
    ("Audit logs matter a lot", "audit logs"),
    ("Audit logs matter a little more than screens", "audit logs"),
    ("Permissions don't come for free", "permissions"),
    ("Reporting is more than a nice-to-have", "reporting"),
    ("Data security is a big deal", "data security"),
])
def test_positive_forms_are_no_belittling(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


def together_hits(answer: str, *groups: tuple[str, ...]) -> bool:
    """Whether a `together` term of these groups hits in the answer."""
    term = Term("together", tuple(tuple(Term(t) for t in g) for g in groups))
    q = Question(bank_id="t", id="q", type="open", prompt="?", rubric=Rubric(points=(
        Point(id="p", label="p", any=(term,)),)))
    return grade(q, answer).points[0].hit


@pytest.mark.parametrize(("answer", "expected"), [
    # The term describes the belittling claim: the closing denial is its own piece.
    ("The business side is a nice-to-have", True),
    ("业务洞察只是锦上添花", True),
    ("熟悉业务那只是入职之前的准备工作", True),  # a pattern piece holding the word
    # A positive piece inside a denial stays negated: "doesn't matter" is no "matters".
    ("The business side doesn't matter", False),
])
def test_a_together_term_that_describes_the_denial_counts(answer: str,
                                                          expected: bool) -> None:
    assert together_hits(answer, ("business", "业务洞察", "熟悉业务"),
                         ("nice-to-have", "锦上添花", "matter",
                          "re:(只是|都是)[^,。]{0,10}准备工作")) is expected


@pytest.mark.parametrize(("answer", "term"), [
    ("别家的后台流程一样能参考", "后台流程"),
    ("别处学来的流程设计，到了新公司照样能用", "流程设计"),
])
def test_bie_as_other_is_no_cue(answer: str, term: str) -> None:
    """别 in 别家 / 别处 means "other", as in 别人; it denies nothing."""
    assert hits(answer, term) == [True]


def test_bie_as_dont_still_negates() -> None:
    assert hits("别做权限管理", "权限管理") == [False]
