"""Issue 14, the grader's part: `re:` terms cost work bounded by the answer's length, and
compiled rubrics (with their RE2 patterns) are not kept alive for ever."""

from __future__ import annotations

import gc
import time

from pmquiz.grading import grade, rubric
from pmquiz.model import Point, Question, Rubric, Term


def regex_question(pattern: str, qid: str = "q") -> Question:
    point = Point(id="p", label="p", any=(Term("re:" + pattern),))
    return Question(bank_id="re", id=qid, type="open", prompt="?",
                    rubric=Rubric(points=(point,)))


def test_a_pattern_that_matches_empty_does_not_rescan_per_position() -> None:
    q = regex_question("(?:a*b)?")
    started = time.perf_counter()
    result = grade(q, "a" * 300_000)  # took 56 s: each empty match rescanned to the end
    assert time.perf_counter() - started < 3.0
    assert not result.points[0].hit


def test_a_pattern_that_matches_empty_still_finds_its_matches() -> None:
    q = regex_question("(?:a*b)?")
    answer = "xx aab, then ab again"
    spans = [m.span for m in grade(q, answer).points[0].matches]
    assert [answer[s:e] for s, e in spans] == ["aab", "ab"]
    answer = "后台 aab 效率 b"  # non-ASCII: byte offsets map back to characters
    spans = [m.span for m in grade(q, answer).points[0].matches]
    assert [answer[s:e] for s, e in spans] == ["aab", "b"]


def test_compiled_rubrics_are_bounded_and_released() -> None:
    rubric.clear_cache()
    questions = [regex_question(f"效率{i}(?:x|y)", qid=f"q{i}") for i in range(3000)]
    for q in questions:
        grade(q, "后台看重效率")
    assert len(rubric._compiled) <= rubric.RUBRIC_CACHE_SIZE < 3000
    del questions, q
    gc.collect()
    assert len(rubric._compiled) == 0  # a question no one holds takes its rubric along
