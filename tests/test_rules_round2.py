"""Second round of grading-rule fixes (SPEC 4), each with real sentences in both
directions: the shape the fix changes and a neighbouring shape it must leave alone."""

from __future__ import annotations

import pytest

from pmquiz.grading import grade
from pmquiz.model import Point, Question, Rubric, Term


def hits(answer: str, *terms: str) -> list[bool]:
    """For each term: whether it hits (occurs and counts) in the answer."""
    q = Question(bank_id="t", id="q", type="open", prompt="?", rubric=Rubric(points=tuple(
        Point(id=f"p{i}", label=t, any=(Term(t),)) for i, t in enumerate(terms))))
    return [p.hit for p in grade(q, answer).points]


# -- 1. typo allowance follows the forms compared, not the whole word --------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("But the back office is where the work is.", "buying"),
    ("Refunds are handled by the finance team.", "buying"),
    ("As a PM you own the whole flow.", "asking"),
    ("Every word on the admin screen must be clear.", "working"),
    ("Nobody cares how the admin pages look.", "locked"),
    ("The back office is very important.", "varies"),
    ("Internal staff still need a usable tool.", "skills"),
    ("Efficiency is the core of a back-office system.", "coding"),
    ("A simple interface is fine.", "sampling"),
    ("Security comes first for a payments back end.", "coding"),
    ("Efficiency is the core of it.", "coding"),
])
def test_a_short_stem_forgives_no_typo(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), [
    ("You need to understand the bussiness first.", "business"),
    ("Learn the bussinesses behind the app.", "business"),
    ("Start with the requirments of finance and support.", "requirements"),
    ("Users keep buyng the same plan.", "buying"),
    ("I would start by workign through the refund flow.", "working"),
    ("Reviews rely on sampeling a few tickets a day.", "sampling"),
    ("Back-office PMs keep desinging flows for internal staff.", "designing"),
    ("We are prioritizing stability over looks.", "prioritise"),
])
def test_a_typo_of_a_long_word_still_counts(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


# -- 3. a colon and a spaced dash end a clause -------------------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("Far from a dead end: hard to replace, better paid", "hard to replace"),
    ("Not screens: I'd learn the refund flow", "learn"),
    ("I'd pick efficiency rather than a fancy UI - plain is fine", "plain"),
    ("It isn't about looks — efficiency is what counts", "efficiency"),
    ("后台不是花架子——效率才是关键", "效率"),
    ("后台并非拼颜值：效率才是关键", "效率"),
])
def test_a_colon_or_a_dash_ends_the_clause(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


@pytest.mark.parametrize(("answer", "term"), [
    # Before the colon or dash the cue still negates.
    ("Far from a dead end: hard to replace, better paid", "dead end"),
    ("I'd pick efficiency rather than a fancy UI - plain is fine", "fancy"),
    # A hyphen inside a word and a colon inside a time end nothing.
    ("It isn't about front-end polish at all", "polish"),
    ("The 10:30 review is not about screens or design", "design"),
])
def test_no_colon_or_dash_boundary_before_the_term(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


# -- 4. a run of items with a predicate of its own is not negated ------------------------

@pytest.mark.parametrize(("answer", "terms", "expected"), [
    ("looks aren't the point, efficiency and security are",
     ("efficiency", "security"), [True, True]),
    ("Instead of looks, efficiency, functionality and security matter",
     ("looks", "efficiency", "functionality", "security"), [False, True, True, True]),
    ("instead of millions of consumers the users are internal staff",
     ("consumers", "internal staff"), [False, True]),
    # Neighbours: the run is still the cue's list, or "instead of" governs a noun phrase.
    ("it isn't about payments, refunds or support tickets",
     ("payments", "refunds", "support tickets"), [False, False, False]),
    ("it isn't about payments, refunds or support tickets, which are solved problems",
     ("refunds", "support tickets"), [False, False]),
    ("I chose plain screens instead of the fancy animations of the old app",
     ("plain screens", "fancy animations", "old app"), [True, False, False]),
    ("instead of polishing the screens", ("screens",), [False]),
])
def test_items_with_their_own_predicate_count(answer: str, terms: tuple[str, ...],
                                             expected: list[bool]) -> None:
    assert hits(answer, *terms) == expected


# -- 5. English denial shapes ------------------------------------------------------------

@pytest.mark.parametrize(("answer", "term"), [
    ("the job is about design and aesthetics, not anything like research and development",
     "development"),
    ("It's nothing like research and development", "development"),
    ("It's not true that the business processes behind the app matter", "business processes"),
    ("I don't think the back office does much", "back office"),
    ("The business processes behind the app aren't where the difficulty lies",
     "business processes"),
    ("PMs don't really move from front office to back office over time", "back office"),
    ("PMs don't really move from front office to back office over time", "front office"),
])
def test_english_denial_shapes(answer: str, term: str) -> None:
    assert hits(answer, term) == [False]


@pytest.mark.parametrize(("answer", "term"), [
    ("It's something like research and development", "development"),
    ("It's true that the business processes behind the app matter", "business processes"),
    ("Refunds are where the difficulty lies", "refunds"),
    ("PMs move from front office to back office over time", "back office"),
    ("PMs don't move from front office to back office; they start in the back office",
     "back office"),
    # "I don't think" reaches no further than any cue.
    ("we don't think the back office ever needs anything except efficiency", "efficiency"),
])
def test_neighbouring_shapes_still_count(answer: str, term: str) -> None:
    assert hits(answer, term) == [True]


# -- 7. denials that close the clause with a complement after them ------------------------

@pytest.mark.parametrize(("answer", "terms", "expected"), [
    ("Fonts and colours don't matter for UX", ("fonts", "colours"), [False, False]),
    ("Fonts and colours have nothing to do with it", ("fonts", "colours"), [False, False]),
    ("looks aren't the point, efficiency and security are", ("looks",), [False]),
    ("Efficiency matters for UX", ("efficiency",), [True]),
    ("Security is the point", ("security",), [True]),
    ("Fonts have nothing to do with success, efficiency does", ("fonts", "efficiency"),
     [True, True]),
])
def test_closing_denials_with_a_complement(answer: str, terms: tuple[str, ...],
                                           expected: list[bool]) -> None:
    assert hits(answer, *terms) == expected


# -- 6. a negated condition with a consequence that cannot happen is a necessity ---------

@pytest.mark.parametrize(("answer", "terms", "expected"), [
    ("If you don't get the business you can't design the right thing",
     ("business", "design"), [True, True]),
    ("If you don't understand the business, you won't build the right product.",
     ("business", "build"), [True, True]),
    ("如果不懂业务，就没法设计出对的产品", ("业务", "设计"), [True, True]),
    ("如果不懂业务，就做不好后台", ("业务", "后台"), [True, True]),
    # Neighbours: a consequence that is a denial, a plain negated condition, two sentences.
    ("If it isn't secure, it doesn't matter how pretty it is", ("secure", "pretty"),
     [False, False]),
    ("如果不用懂业务，那后台谁都能做", ("业务",), [False]),
    ("I don't need the business. You can't design anything anyway",
     ("business",), [False]),
])
def test_a_necessity_affirms_both_sides(answer: str, terms: tuple[str, ...],
                                        expected: list[bool]) -> None:
    assert hits(answer, *terms) == expected


# -- 8. 不清楚 / 不明白 / 不懂 negate the knowing, not what follows -------------------------

@pytest.mark.parametrize(("answer", "terms", "expected"), [
    ("不清楚后台的重要性、用户基数少、界面不够美、门槛高",
     ("重要性", "用户基数少", "界面不够美", "门槛高"), [True, True, True, True]),
    ("新人不懂后台有多重要", ("后台",), [True]),
    ("很多人没搞清楚后台的价值", ("价值",), [True]),
    # Neighbours: the term is the knowing itself; a cue that governs its list.
    ("不懂业务的人做不好后台", ("懂业务",), [False]),
    ("没有权限、审批和日志", ("权限", "审批", "日志"), [False, False, False]),
    ("不是界面不够美、门槛高", ("门槛高",), [False]),
    ("不需要权限、门槛高", ("门槛高",), [False]),
])
def test_not_knowing_leaves_what_is_known(answer: str, terms: tuple[str, ...],
                                          expected: list[bool]) -> None:
    assert hits(answer, *terms) == expected


@pytest.mark.parametrize("answer", ["不需要了解业务，把界面做好就行", "后台不用懂业务"])
def test_no_need_to_know_denies_what_is_known(answer: str) -> None:
    assert hits(answer, "业务") == [False]
