"""Property-based: banks of random valid structure with hostile strings, random answers.

For every generated bank: loading succeeds or gives one clean error (each problem one
line naming the file); grading finishes within a bound and every span indexes the
answer; no exception escapes the CLI. Sized to add a few seconds to the suite.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from helpers import run_cli
from pmquiz.errors import BankError
from pmquiz.grading import grade
from pmquiz.loader import build_bank

# Characters that break naive code: CJK and full-width punctuation, controls, zero-width
# and direction marks, combining marks, astral emoji, YAML and regex syntax.
HOSTILE = st.sampled_from(
    list("业务流程用户需求后台前台，。、；：！？「」")
    + list("abcXYZ019 -_/\\'\"`:#&*!|>%@{}[],.?()+^$")
    + ["\x00", "\x07", "\x1b", "\x7f", "\t", "\n", "\r", "\u0085", "\u2028"]
    + ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u200f"]
    + ["\u0301", "\u0308", "😀", "𠀀", "\ufffd", "ｱ", "Ａ"]
)
TEXT = st.lists(HOSTILE, min_size=0, max_size=12).map("".join)
WORDS = st.sampled_from(["业务", "流程", "用户", "需求", "business", "process", "users",
                         "不懂业务", "没有经验", "back office"])
SAFE_REGEXES = st.sampled_from([
    "业务.{0,4}流程", "(?i)back.?office", "(a+)+$", "(?:a*b)?", "a*", "x*y*z*", "^$",
    r"[\p{L}\p{N}]{8}", r"\p{Han}{2,6}", r"\bword\b", "[^不没]{0,3}经验", ".*", "a|",
])
BAD_REGEXES = st.sampled_from([r"[\p{L}\p{N}\p{P}\p{S}]{300}N", "(", "a{1001}", "(?=x)"])


def term() -> st.SearchStrategy[Any]:
    """Mostly terms a bank may hold (hostile inside), now and then one it may not."""
    regex = st.one_of(SAFE_REGEXES, SAFE_REGEXES, SAFE_REGEXES, BAD_REGEXES).map(
        lambda r: "re:" + r)
    together = st.lists(st.one_of(WORDS, st.lists(WORDS, min_size=1, max_size=2)),
                        min_size=1, max_size=3).map(lambda groups: {"together": groups})
    hostile = st.tuples(WORDS, TEXT).map("".join)  # visible, with hostile characters
    return st.one_of(WORDS, WORDS, hostile, hostile, regex, together, st.just("@业务"),
                     TEXT, st.just("@missing"))


@st.composite
def banks(draw: st.DrawFn) -> dict[str, Any]:
    questions: list[dict[str, Any]] = []
    for i in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["open", "open", "choice", "truefalse"]))
        question: dict[str, Any] = {"id": f"q{i}", "type": kind,
                                    "prompt": draw(TEXT) or "为什么？"}
        if draw(st.booleans()):
            question["tags"] = draw(st.lists(TEXT, max_size=2))
        if kind == "open":
            points = []
            for j in range(draw(st.integers(1, 3))):
                point: dict[str, Any] = {"id": f"p{j}", "label": draw(TEXT) or "要点",
                                         "any": draw(st.lists(term(), min_size=1,
                                                              max_size=3))}
                if draw(st.booleans()):
                    point["weight"] = draw(st.sampled_from([1, 2, 0.5]))
                points.append(point)
            question["rubric"] = {"points": points}
        elif kind == "choice":
            question["options"] = {"A": draw(TEXT) or "甲", "B": draw(TEXT) or "乙"}
            question["answer"] = draw(st.sampled_from([["A"], ["B"], ["A", "B"]]))
        else:
            question["answer"] = draw(st.booleans())
        questions.append(question)
    return {"id": "hostile-bank", "title": draw(TEXT) or "题库", "language": "zh",
            "synonyms": {"业务": ["业务", "流程", draw(TEXT) or "业务流"]},
            "questions": questions}


ANSWERS = st.one_of(
    TEXT,
    st.lists(st.one_of(WORDS, TEXT), max_size=8).map(" ".join),
    st.sampled_from(["a" * 20_000, "业务" * 10_000, "ab" * 5_000 + "N", "\x00" * 1000]),
)


def dump(bank: dict[str, Any], mutation: tuple[int, str] | None) -> bytes:
    """The bank as YAML (safe_dump quotes every hostile string), maybe cut or spliced."""
    text = yaml.safe_dump(bank, allow_unicode=True, sort_keys=False)
    if mutation is not None:
        where, insert = mutation
        cut = where % (len(text) + 1)
        text = text[:cut] + insert + text[cut:]
    return text.encode("utf-8")


MUTATIONS = st.one_of(st.none(), st.none(), st.none(), st.none(),
                      st.tuples(st.integers(0, 10_000),
                                st.sampled_from(["\x00", ":", "\t", "- ", "&a", "*a", "{",
                                                 "'", "\n  x: [", "id: again\n"])))

PROFILE = settings(max_examples=150, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                          HealthCheck.function_scoped_fixture])


@PROFILE
@given(bank=banks(), mutation=MUTATIONS, answers=st.lists(ANSWERS, min_size=1, max_size=3))
def test_load_is_clean_grading_is_bounded_and_spans_index_the_answer(
        tmp_path_factory: pytest.TempPathFactory, bank: dict[str, Any],
        mutation: tuple[int, str] | None, answers: list[str]) -> None:
    path = tmp_path_factory.mktemp("hyp") / "bank.yaml"
    data = dump(bank, mutation)
    path.write_bytes(data)
    try:
        loaded = build_bank(path, data)
    except BankError as exc:
        event("refused")
        assert exc.problems
        for problem in exc.problems:
            line = str(problem)
            assert "\n" not in line and line.startswith(str(path)), line
        return
    event("loaded")
    for question in loaded.questions:
        for answer in answers:
            started = time.monotonic()
            result = grade(question, answer)
            assert time.monotonic() - started < 2.0, (question.ref, len(answer))
            assert 0.0 <= result.score <= 1.0
            for point in (*result.points, *result.penalties):
                spans = [m.span for m in point.matches]
                if point.span is not None:
                    spans.append(point.span)
                for start, end in spans:
                    assert 0 <= start < end <= len(answer), (point.id, start, end)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(bank=banks(), mutation=MUTATIONS, answer=ANSWERS)
def test_no_exception_escapes_the_cli(
        tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str],
        bank: dict[str, Any], mutation: tuple[int, str] | None, answer: str) -> None:
    path = tmp_path_factory.mktemp("cli") / "bank.yaml"
    path.write_bytes(dump(bank, mutation))
    for args in (["check", str(path)], ["list", str(path)],
                 ["grade", "hostile-bank/q0", "--bank", str(path), "--json", "-a", answer]):
        run = run_cli(args, capsys)
        assert run.exit_code in (0, 1, 2), (args, run)
        assert "Traceback" not in run.stderr and "unexpected" not in run.stderr, run.stderr
    capsys.readouterr()


def test_the_strategies_reach_both_outcomes(tmp_path: Path) -> None:
    """The generated banks are not all refused (nor all accepted): the properties above
    exercise grading as well as the errors."""
    from hypothesis import find

    def loads(bank: dict[str, Any]) -> bool:
        try:
            build_bank(tmp_path / "b.yaml", dump(bank, None))
        except BankError:
            return False
        return True

    find(banks(), loads, settings=settings(max_examples=200, deadline=None))
    find(banks(), lambda b: not loads(b), settings=settings(max_examples=200, deadline=None))
