"""A `re:` term is searched only when its required factors allow a match (issue 18's
throughput): what the factors are, and that they never rule out a real match."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmquiz.grading import AnswerText, grade
from pmquiz.grading.factors import required_factors
from pmquiz.loader import load_bank
from pmquiz.model import Point, Question, Rubric, Term

BANKS = Path(__file__).resolve().parent.parent / "questions"


@pytest.mark.parametrize(("pattern", "factors"), [
    # Alternations with a common prefix still give whole words (the parser splits 业).
    ("(业务|业物)[^。，]{0,6}(懂个大概|不重要)", (("不重要", "懂个大概"), ("业务", "业物"))),
    ("后台[的]?(效率|安全)", (("后台",), ("安全", "效率"))),
    ("a[bc]d", (("abd", "acd"),)),
    ("(?:权限)+审批", (("审批",), ("权限",))),
])
def test_factors_of_a_pattern(pattern: str, factors: tuple[tuple[str, ...], ...]) -> None:
    assert sorted(required_factors(pattern)) == sorted(factors)


@pytest.mark.parametrize("pattern", [
    "(?i)后台", "(?:后台)?效", "[a-z]+", "(后台|.)x", r"\d+", "不[^。]*", "后(?=台)",
])
def test_nothing_is_required_where_a_match_may_lack_it(pattern: str) -> None:
    assert required_factors(pattern) == ()


def regex_point(pattern: str) -> Question:
    point = Point(id="p", label="p", any=(Term("re:" + pattern),))
    return Question(bank_id="re", id="q", type="open", prompt="?",
                    rubric=Rubric(points=(point,)))


def test_a_term_whose_factor_is_absent_does_not_hit_and_one_present_does() -> None:
    q = regex_point("(业务|业物)[^。，]{0,6}(懂个大概|不重要)")
    assert not grade(q, "业务很重要，要洞察业务").points[0].hit
    assert grade(q, "业务懂个大概就行").points[0].hit
    assert grade(q, "業務不重要").points[0].hit  # factors read the normalised answer


def test_every_match_of_the_banks_patterns_holds_their_factors() -> None:
    """Soundness on real data: wherever a bank's regex matches one of the bank's own
    example answers, each of its factors has a string in that answer."""
    checked = 0
    for path in sorted(BANKS.glob("*.yaml")):
        bank = load_bank(path)
        answers = [AnswerText.of(e.answer).text for q in bank.questions
                   for e in q.examples]
        patterns = {t.text[3:] for q in bank.questions for p in
                    (*q.rubric.points, *q.rubric.penalties) for t in (*p.any, *p.all)
                    if t.text.startswith("re:")}
        import re2

        for pattern in sorted(patterns):
            factors = required_factors(pattern)
            compiled = re2.compile(pattern)
            for text in answers:
                if compiled.search(text):
                    checked += 1
                    assert all(any(s in text for s in f) for f in factors), (pattern, text)
    assert checked > 50
