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
