"""The negation rules of SPEC 4 added for answers nobody wrote the rubric for: each rule
with real sentences in both directions (negated / still counting), Chinese and English."""

from __future__ import annotations

import pytest

from pmquiz.grading import grade
from pmquiz.model import Point, Question, Rubric, Term


def verdicts(answer: str, *terms: str) -> list[bool]:
    """For each term: True when it occurs and counts, False when every match is negated."""
    q = Question(bank_id="t", id="q", type="open", prompt="?", rubric=Rubric(points=tuple(
        Point(id=f"p{i}", label=t, any=(Term(t),)) for i, t in enumerate(terms))))
    out = []
    for p in grade(q, answer).points:
        assert p.matches, f"{p.label!r} does not occur in {answer!r}"
        out.append(p.hit)
    return out


# -- predicate cues reach to the clause end ----------------------------------------------

PREDICATE_NEGATED = [
    ("后台产品的核心不是把每一个页面都做得像C端那样精致好看", "精致"),
    ("做后台并不是要在界面上下多少功夫", "界面"),
    ("后台的价值并非来自那些看起来很酷炫的动画效果", "动画"),
    ("这种工作谈不上有多少技术含量和成就感", "成就感"),
    ("后台的界面算不上有多么美观", "美观"),
    ("那几个页面称不上是什么优秀的用户体验", "用户体验"),
    ("后台的关键不在于团队里有没有人懂交互设计", "交互设计"),
    ("这个系统远非大家以为的那样只是几张表单", "表单"),
    ("the job isn't really about making every screen look polished", "polished"),
    ("it's not about how pretty the admin pages look to visitors", "pretty"),
    ("the back office is not about fancy charts on a dashboard", "dashboard"),
    ("success here wasn't about the visual design of the tool", "visual design"),
    ("it is hardly a question of good looking screens", "screens"),
    ("the tool is far from a showcase of beautiful animations", "animations"),
    ("it is by no means a contest of who draws the nicest mockups", "mockups"),
]
PREDICATE_COUNTING = [
    # The clause ends before the term.
    ("后台的核心不是界面，而是处理业务的效率", "效率"),
    ("并不是界面的问题。效率才是关键", "效率"),
    ("谈不上好看，但是效率很高", "效率"),
    ("it isn't about the screens, it is about efficiency", "efficiency"),
    ("it is hardly about looks; efficiency is what counts", "efficiency"),
    # The term comes before the cue.
    ("效率才是关键，不是界面", "效率"),
    ("efficiency is the point, not the looks", "efficiency"),
    # A bare cue does not reach far.
    ("没想到后台产品的效率这么高", "效率"),
    ("we don't think the back office ever needs anything except efficiency", "efficiency"),
]


@pytest.mark.parametrize(("answer", "term"), PREDICATE_NEGATED)
def test_predicate_cue_negates_to_the_clause_end(answer: str, term: str) -> None:
    assert verdicts(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), PREDICATE_COUNTING)
def test_predicate_cue_stops_at_the_clause_end(answer: str, term: str) -> None:
    assert verdicts(answer, term) == [True]


# -- a cue governing a list negates every item ------------------------------------------


@pytest.mark.parametrize(("answer", "terms"), [
    ("谈不上重视权限、审批和日志", ("权限", "审批", "日志")),
    ("没有权限、审批和日志", ("权限", "审批", "日志")),
    ("不重视权限、审批或者日志", ("权限", "审批", "日志")),
    ("不需要考虑付费流程、退款流程以及客服工单", ("付费", "退款", "客服")),
    ("不用管权限与审批", ("权限", "审批")),
    ("别只盯着动画及配色", ("动画", "配色")),
    ("it isn't about payments, refunds or support tickets",
     ("payments", "refunds", "support tickets")),
    ("we don't need payments, refunds, and support tickets",
     ("payments", "refunds", "support tickets")),
    ("you don't need payments and refunds and support tickets",
     ("payments", "refunds", "support tickets")),
    ("not animations, colours or fonts", ("animations", "colours", "fonts")),
    ("the team never checked permissions nor approvals", ("permissions", "approvals")),
])
def test_cue_negates_every_item_of_its_list(answer: str, terms: tuple[str, ...]) -> None:
    assert verdicts(answer, *terms) == [False] * len(terms)


@pytest.mark.parametrize(("answer", "terms", "expected"), [
    # 没有 governs only its own (long) item.
    ("没有竞品可参考、涉及隐私数据", ("竞品", "隐私数据"), [False, True]),
    ("不看颜值，权限、审批和日志才是重点", ("颜值", "权限", "日志"), [False, True, True]),
    # A comma that is not inside a list ends the clause.
    ("don't worry, efficiency is covered", ("efficiency",), [True]),
    ("no animations, efficiency and security come first",
     ("animations", "efficiency", "security"), [False, True, True]),
    ("we don't need animations, but permissions and audit logs matter",
     ("animations", "permissions", "audit logs"), [False, True, True]),
])
def test_list_negation_stops_where_the_list_does(answer: str, terms: tuple[str, ...],
                                                expected: list[bool]) -> None:
    assert verdicts(answer, *terms) == expected


# -- 与其说 X，不如说 Y; not X but Y; Y rather than X; Y instead of X ------------------


@pytest.mark.parametrize(("answer", "x", "y"), [
    ("与其说后台拼的是界面，不如说拼的是效率", "界面", "效率"),
    ("与其花时间打磨动画，不如多做业务调研", "动画", "业务调研"),
    ("与其说是交互设计的问题，还不如说是业务流程没理顺", "交互设计", "业务流程"),
    ("后台要的是效率而不是界面", "界面", "效率"),
    ("要的是效率而非界面", "界面", "效率"),
    ("not the screens but the workflows", "screens", "workflows"),
    ("not pretty screens, but reliable workflows", "screens", "workflows"),
    ("reliable workflows rather than pretty screens", "screens", "workflows"),
    ("it values reliable workflows instead of pretty screens", "screens", "workflows"),
    ("instead of polishing screens, spend the time on workflows", "polish", "workflows"),
])
def test_x_is_negated_y_counts(answer: str, x: str, y: str) -> None:
    assert verdicts(answer, x, y) == [False, True]


def test_yuqi_does_not_reach_past_the_sentence() -> None:
    assert verdicts("与其说是运气。界面其实也重要", "界面") == [True]


@pytest.mark.parametrize("answer", ["后台要与其他系统对接，效率很关键",
                                    "与其它部门协作时效率最重要",
                                    "与其中的业务流程打通"])
def test_yu_qi_ta_is_no_yuqi(answer: str) -> None:
    term = "业务流程" if "业务流程" in answer else "效率"
    assert verdicts(answer, term) == [True]


# -- verbs of knowing ---------------------------------------------------------------------


@pytest.mark.parametrize(("answer", "term"), [
    ("新人往往没认识到权限设计有多重要", "权限设计"),
    ("很多人没有意识到后台的效率决定了整个公司的运转", "效率"),
    ("大家不知道退款流程有多复杂", "退款流程"),
    ("外人不明白后台的数据安全意味着什么", "数据安全"),
    ("他们没发现审批流程其实卡住了业务", "审批流程"),
    ("most people don't know how much the refund flow matters", "refund flow"),
    ("newcomers do not realise how much permissions matter", "permissions"),
    ("few people understand that the approval flow is the product", "approval flow"),
    ("outsiders never appreciate how central data security is", "data security"),
    ("users don't notice the audit log until something goes wrong", "audit log"),
])
def test_a_cue_before_a_verb_of_knowing_leaves_what_is_known(answer: str, term: str
                                                              ) -> None:
    assert verdicts(answer, term) == [True]


@pytest.mark.parametrize(("answer", "term"), [
    ("他们不了解业务", "了解业务"),          # the term is the verb itself
    ("新人没意识到", "意识到"),
    ("they don't understand the business", "understand the business"),
    ("不需要考虑退款流程", "退款流程"),       # no verb of knowing: negated as before
    ("you don't need the refund flow", "refund flow"),
])
def test_the_verb_of_knowing_itself_is_negated(answer: str, term: str) -> None:
    assert verdicts(answer, term) == [False]


# -- double cues, A-not-A questions, clause ends ---------------------------------------------


@pytest.mark.parametrize(("answer", "term"), [
    ("后台不是不重视体验", "体验"),
    ("并非不需要交互设计", "交互设计"),
    ("不得不做大量的业务调研", "业务调研"),
    ("a good back office is not unfriendly to its users", "users"),
])
def test_two_cues_in_a_row_cancel(answer: str, term: str) -> None:
    assert verdicts(answer, term) == [True]


@pytest.mark.parametrize(("answer", "term"), [
    ("关键看有没有效率", "效率"),
    ("要看是不是符合业务流程", "业务流程"),
    ("界面好不好看，效率都最重要", "效率"),
])
def test_a_not_a_questions_are_not_denials(answer: str, term: str) -> None:
    assert verdicts(answer, term) == [True]


@pytest.mark.parametrize(("answer", "term"), [
    ("后台不只是工具，而非常依赖对业务的理解", "业务"),
    ("后台不只是录入数据而非常考验对流程的理解", "流程"),
])
def test_fei_chang_is_no_predicate_cue(answer: str, term: str) -> None:
    assert verdicts(answer, term) == [True]


@pytest.mark.parametrize(("answer", "term", "expected"), [
    ("不是交互设计、用户体验", "用户体验", False),      # 、 does not end the clause
    ("不重视界面但效率很高", "效率", True),
    ("不重视界面却效率很高", "效率", True),
    ("不是界面而是效率", "效率", True),
    ("not the looks but efficiency", "efficiency", True),
    ("no animations; rather efficiency", "efficiency", True),
    ("no animations, instead efficiency", "efficiency", True),
])
def test_clause_ends(answer: str, term: str, expected: bool) -> None:
    assert verdicts(answer, term) == [expected]


# -- closing denials -------------------------------------------------------------------------


@pytest.mark.parametrize(("answer", "term"), [
    ("界面好不好看不重要", "界面"),
    ("动画效果不用太在意", "动画"),
    ("配色没必要", "配色"),
    ("炫酷的动画没有必要", "动画"),
    ("精美的界面不需要", "界面"),
    ("UI丑一点没关系", "ui"),
    ("界面朴素没有关系", "界面"),
    ("动画和业务无关", "动画"),
    ("权限、审批这些都无所谓", "审批"),
    ("界面美观是次要的", "界面"),
    ("动画跟用户体验没多大关系", "动画"),
    ("界面好不好看关系不大", "界面"),
    ("配色没什么关系", "配色"),
    ("fancy animations don't matter", "animations"),
    ("the colour scheme doesn't matter", "colour scheme"),
    ("the looks are secondary", "looks"),
    ("a polished UI is secondary", "ui"),
    ("animations are not needed", "animations"),
    ("a fancy dashboard is unnecessary", "dashboard"),
    ("payment and refunds are irrelevant", "refunds"),
])
def test_a_closing_denial_negates_its_clause(answer: str, term: str) -> None:
    assert verdicts(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), [
    ("界面好不好看不重要，效率最重要", "效率"),
    ("界面不重要，效率和安全才是关键", "安全"),
    ("效率不重要这种说法是错的", "效率"),            # the denial does not close it
    ("the looks don't matter, efficiency does", "efficiency"),
    ("animations are unnecessary. permissions are not", "permissions"),
])
def test_a_closing_denial_leaves_other_clauses(answer: str, term: str) -> None:
    assert verdicts(answer, term) == [True]


# -- a term that begins with a cue -----------------------------------------------------------


@pytest.mark.parametrize(("answer", "term"), [
    ("很多人不清楚后台有多重要", "不清楚"),
    ("后台不够美观", "不够美观"),
    ("没有竞品可以参考", "没有竞品"),
    ("the admin screen is not pretty", "not pretty"),
    ("there is no competitor to copy", "no competitor"),
])
def test_a_term_beginning_with_a_cue_is_not_negated_by_it(answer: str, term: str) -> None:
    assert verdicts(answer, term) == [True]


# -- shapes found in the blind development set (rules, not answers) ---------------------------


@pytest.mark.parametrize(("answer", "terms"), [
    ("payments, refunds or support flows don't belong there", ("payments", "refunds")),
    ("payments, refunds and support tickets don't matter, efficiency does",
     ("payments", "refunds", "support tickets")),
    ("dashboards, charts and animations are unnecessary", ("dashboards", "charts")),
])
def test_a_closing_denial_negates_every_item_of_an_english_list(
        answer: str, terms: tuple[str, ...]) -> None:
    assert verdicts(answer, *terms) == [False] * len(terms)


@pytest.mark.parametrize(("answer", "terms", "expected"), [
    ("payments, refunds and support are what we built, efficiency doesn't matter",
     ("payments", "refunds", "efficiency"), [True, True, False]),
    ("we built payments, then the whole refund flow for every market doesn't matter",
     ("payments",), [True]),
])
def test_a_denial_after_a_sentence_is_no_list_denial(answer: str, terms: tuple[str, ...],
                                                     expected: list[bool]) -> None:
    assert verdicts(answer, *terms) == expected


@pytest.mark.parametrize(("answer", "term"), [
    ("it has nothing to do with the phone or the screen size", "screen size"),
    ("success has little to do with polished animations", "animations"),
    ("they dont need any animations", "animations"),
    ("the back office isnt about pretty screens", "screens"),
    ("it doesnt take a designer", "designer"),
])
def test_more_english_negation_shapes(answer: str, term: str) -> None:
    assert verdicts(answer, term) == [False]


def test_apostrophe_less_knowing_verb_still_leaves_what_is_known() -> None:
    assert verdicts("they dont realise how much permissions matter", "permissions") == [True]
