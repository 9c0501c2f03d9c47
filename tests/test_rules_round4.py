"""Fourth round of negation rules (SPEC 4), each with real sentences in both directions:
the shape the rule catches and the close positive shapes it must leave alone.

1. a disagreement verdict after acknowledgements, a rhetorical question or a sentence
   end still denies the reported claim;
2. a rhetorical dismissal of an anaphor ("谁还管这些", "Who cares") negates the clause or
   question just before it;
3. a denied act of arguing ("I wouldn't push back with X", "我不会拿 X 去说服他");
4. a disagreement verdict reaches a point that is not negatable.
"""

from __future__ import annotations

import pytest

from pmquiz.grading import grade
from pmquiz.model import Point, Question, Rubric, Term


def hits(answer: str, *terms: str, negatable: bool = True) -> list[bool]:
    """For each term: whether it hits (occurs and counts) in the answer."""
    q = Question(bank_id="t", id="q", type="open", prompt="?", rubric=Rubric(points=tuple(
        Point(id=f"p{i}", label=t, any=(Term(t),), negatable=negatable)
        for i, t in enumerate(terms))))
    return [p.hit for p in grade(q, answer).points]


# -- 1. verdicts across acknowledgements and sentences ---------------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("网上总说后台产品经理难以替代、薪资更高，这些说法我都听过，可我并不认同。", "难以替代"),
    ("很多人觉得做后台要懂技术。这些话我听得多了，我不这么看。", "懂技术"),
    ("有人说后台决定产品上限——真是这样吗？我看不是。", "产品上限"),
    ("有人说权限设计最关键，我看未必。", "权限设计"),
    ("大家都说后台比前台稳定，不见得。", "稳定"),
    ("People like to say the back office is where the real work is, and that payments"
     " are what you have to think through. I wouldn't say so.", "payments"),
    ("Some people claim refunds are the hardest part. I've heard that a lot. I don't"
     " see it that way.", "refunds"),
    ("People say security is everything. Is that really so? Not really.", "security"),
    ("They often claim efficiency beats looks; I'm not sure about that.", "efficiency"),
    ("Some people claim refunds are the hardest part. I doubt it.", "refunds"),
    ("有人说做后台一定要懂技术，在我看来不是。", "懂技术"),
    ("很多人觉得后台比前台稳定，恐怕不是这样。", "稳定"),
])
def test_a_later_disagreement_denies_the_reported_claim(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), [
    # The speaker endorses the reported claim.
    ("有人说后台难以替代，这些说法我都听过，我同意。", "难以替代"),
    ("网上总说后台要懂业务，确实如此。", "懂业务"),
    ("People say payments are the hard part, and they're right.", "payments"),
    ("People like to say security is everything. I agree.", "security"),
    ("People say refunds are the hardest part, and I don't doubt it.", "refunds"),
    ("有人说做后台要懂业务，在我看来确实如此。", "懂业务"),
    # Something of the speaker's own between the claim and the verdict is not skipped:
    # the verdict judges that, and the reported claim in the sentence before stands.
    ("有人说后台要懂业务。我觉得流程更重要，其实我不认同。", "懂业务"),
    ("Some people say refunds matter. Payments matter more to me. I don't agree.",
     "refunds"),
    # A plain statement followed by a disagreement a sentence later, with no frame or
    # question: the verdict has nothing reported to deny.
    ("后台要懂业务。这些我都听过，我不认同外包的做法。", "懂业务"),
])
def test_an_endorsed_or_own_claim_keeps_counting(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


# -- 2. rhetorical dismissals ---------------------------------------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("平稳迭代、服务更稳定？上线了谁还管这些啊。", "平稳迭代"),
    ("用户体验、交互细节，谁在乎这些。", "交互细节"),
    ("审批流做得再完善，哪有人管这个。", "审批流"),
    ("持续迭代？谁会在乎这些。", "持续迭代"),
    ("权限分得再细，这些有什么用？", "权限"),
    ("Audit logs and permissions? Who cares.", "permissions"),
    ("Steady iteration after launch? Nobody cares about that.", "iteration"),
    ("We could polish the refund flow, but honestly who cares about any of that.",
     "refund flow"),
])
def test_a_dismissal_negates_the_clause_or_question_before(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), [
    # The dismissal names its own object: only that is dismissed.
    ("后台要管好审批流，谁还管界面好不好看。", "审批流"),
    # A question that is asked in earnest, answered by the speaker.
    ("权限为什么重要？因为谁都不想数据泄露。", "权限"),
    ("谁负责审批流？产品经理要先理清。", "审批流"),
    # 谁都 is everyone; 谁会管 may be asked in earnest.
    ("稳定性和安全，谁都在乎这些。", "稳定性"),
    ("上线后要持续迭代，谁会管这些？产品经理。", "持续迭代"),
    # "Who cares about X" where X is named: the clause before stands.
    ("Permissions come first; who cares about the colour of the buttons.", "permissions"),
    ("Refunds matter because customers care about them.", "refunds"),
    # A dismissal after a sentence that is not a question does not reach back.
    ("后台必须稳定。谁还管这些细枝末节的审美。", "稳定"),
])
def test_no_dismissal_of_the_claim_leaves_it_counting(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


# -- 3. denied acts of arguing -------------------------------------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("I wouldn't push back with talk about hidden business systems or operational"
     " support; I'd just ship it.", "operational support"),
    ("I won't bring up the refund flow or the audit trail with the boss.", "audit trail"),
    ("I'd never mention the support tooling behind the app.", "support tooling"),
    ("我不会拿后台业务体系、运营支撑这些去说服老板。", "运营支撑"),
    ("别跟我扯什么业务闭环和数据安全，照着抄就行。", "数据安全"),
    ("这种时候我不会再提什么权限体系和审批流。", "审批流"),
])
def test_a_denied_act_of_arguing_negates_what_it_names(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), [
    ("I'd push back with talk about hidden business systems and operational support.",
     "operational support"),
    ("I would bring up the refund flow and the audit trail with the boss.", "audit trail"),
    ("I wouldn't argue against the audit trail; it protects us.", "audit trail"),
    ("我会拿后台业务体系、运营支撑这些去说服老板。", "运营支撑"),
    ("跟老板聊的时候一定要提数据安全和业务闭环。", "数据安全"),
    ("不管拿什么说服老板，数据安全都要讲到。", "数据安全"),
    ("别人拿数据安全说事的时候，我会补充业务闭环。", "数据安全"),
    # The clause ends: what comes after the denied mention is claimed.
    ("I won't bring up the UI, but I will explain the audit trail.", "audit trail"),
])
def test_arguing_that_is_not_denied_keeps_counting(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


# -- 4. a verdict reaches a point that is not negatable ----------------------------------------

def test_a_disagreement_reaches_a_point_that_is_not_negatable() -> None:
    answer = "说后台难以替代、薪资更高、天花板更高，我都不太认同。"
    assert hits(answer, "难以替代", "天花板更高", negatable=False) == [False, False]
    english = "People like to say the back office is irreplaceable. I wouldn't say so."
    assert hits(english, "irreplaceable", negatable=False) == [False]


@pytest.mark.parametrize("answer", [
    # Cues and closing denials still do not reach it (why the bank set it).
    "后台不好替代、挣得多、天花板更高。",
    "有人说后台天花板更高，我同意。",
    # A belittling verdict does not reach it either.
    "天花板更高，但那都是做久了之后的事。",
])
def test_only_a_disagreement_reaches_a_point_that_is_not_negatable(answer: str) -> None:
    assert hits(answer, "天花板更高", negatable=False) == [True]


# -- 5. belittling closers: 打底, ranked last -----------------------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("洞察业务固然重要，但那只是打底的东西，谁都能学会。", "洞察业务"),
    ("业务理解只是打底的东西，交互才是关键。", "业务理解"),
    ("交互设计最重要，业务理解排在后面。", "业务理解"),
    ("界面美观可以往后放，效率优先。", "界面美观"),
])
def test_belittling_as_basics_or_ranking_last_negates(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), [
    ("洞察业务是打底的东西，必须扎实。", "洞察业务"),  # no 只是 / 都是: it is valued
    ("洞察业务很重要，这些都是打底的必修课。", "洞察业务"),
    ("业务理解排在前面，界面放在最后。", "业务理解"),
    ("界面美观可以往后放，效率优先。", "效率"),
    ("先把业务理解排在后面的需求理清。", "业务理解"),  # not closing its clause
])
def test_basics_valued_or_ranked_first_keep_counting(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


# -- 6. "cannot do without" is no denial ------------------------------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("后台离不开业务理解。", "业务理解"),
    ("做后台绕不开数据安全。", "数据安全"),
    ("后台少不了权限设计，也避免不了审批流。", "审批流"),
    ("后台产品免不了要懂业务。", "懂业务"),
])
def test_cannot_do_without_affirms(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


@pytest.mark.parametrize(("answer", "term"), [
    ("后台并非离不开业务理解，照着流程做也行。", "业务理解"),  # a cue before it still denies
    ("后台开不了数据权限。", "数据权限"),  # a real 不 (can't open)
    ("做后台不开数据权限。", "数据权限"),
])
def test_real_denials_near_these_words_still_negate(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]
