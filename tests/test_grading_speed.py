"""Issue 18, grading throughput: the faster forms of a rule find exactly what the plain
form finds (the speed itself is measured by benchmarks/, never asserted here)."""

from __future__ import annotations

import random
import re

import pytest

from pmquiz.grading import CompiledRubric, TogetherTerm, compile_rubric, grade
from pmquiz.grading.answer import CLAUSE_BOUNDARY, CLAUSE_BOUNDARY_PLAIN, AnswerText
from pmquiz.grading.scan import SET_AFTER, NeedleScanner
from pmquiz.grading.terms import MAX_MATCHES_PER_TERM, compile_term, literal_spans
from pmquiz.loader import load_bank
from pmquiz.model import Point, Question, Rubric, Term
from pmquiz.paths import builtin_banks_dir
from pmquiz.regex import PatternTooCostly, compile_matcher, compile_pattern
from pmquiz.text import normalize

BOUNDARY_TEXTS = [
    "后台不是不重要，但是没人愿意做。而是因为门槛高；却没有竞品！对吗？",
    "交互体验很重要,但界面不是全部.后台——尤其是权限——决定效率\n下一行",
    "It isn't about the UI, but about the business: 10:30 is fine - really – yes",
    "rather than a fancy UI, instead of polish; rather good; instead, butter about but",
    "obut abut ibut but. rathers rather than insteadof instead of—done ——— x-y x - y",
    "a:b 1:2 :3 4: 但 但是 而 而是 却 but",
    ":开头的冒号和结尾的破折号——",
]


@pytest.mark.parametrize("text", BOUNDARY_TEXTS)
def test_clause_boundaries_are_those_of_the_plain_pattern(text: str) -> None:
    plain = re.compile(CLAUSE_BOUNDARY_PLAIN)
    assert [m.span() for m in CLAUSE_BOUNDARY.finditer(text)] == [
        m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text", BOUNDARY_TEXTS)
def test_an_answers_boundaries_are_the_spans_of_the_plain_pattern(text: str) -> None:
    # AnswerText maps re.Match.start / end over the matches instead of reading spans.
    answer = AnswerText.of(text)
    spans = [m.span() for m in re.compile(CLAUSE_BOUNDARY_PLAIN).finditer(answer.text)]
    assert answer.clause_boundaries() == [s for s, _ in spans]
    assert answer.boundary_ends == [e for _, e in spans]


def test_a_clause_ends_where_the_plain_pattern_says() -> None:
    answer = AnswerText.of("界面好看不重要，但是效率很重要")
    assert answer.clause(answer.text.index("效率")) == (answer.text.index("是") + 1,
                                                      len(answer.text))


def test_the_grading_matcher_refuses_what_the_validator_refuses() -> None:
    # 26,000 instructions: too many for the validator's 256 KiB, not for the matcher's
    # larger room, which must not let it through.
    costly = "[a-c]{1000}" * 26
    with pytest.raises(PatternTooCostly):
        compile_pattern(costly)
    with pytest.raises(PatternTooCostly):
        compile_matcher(costly)
    with pytest.raises(ValueError, match="RE2 syntax"):
        compile_matcher(r"(?<=a)b")


def test_the_grading_matcher_finds_the_spans_of_the_validated_pattern() -> None:
    # A Chinese class repeated and a long alternation: the shape whose automaton ran out
    # of room at 256 KiB and fell back to RE2's slow engine.
    pattern = (r"(业务|流程|后台)[^。；;!，,界面ui好看]{0,8}(没那么重要|不重要|无所谓|次要)"
               r"|(b)(u)siness")
    text = "我觉得后台的业务流程不重要。business 很重要，但流程其实无所谓"
    validated = [m.span() for m in compile_pattern(pattern).finditer(text)]
    matcher = [m.span() for m in compile_matcher(pattern).finditer(text)]
    assert matcher == validated
    assert [text[s:e] for s, e in matcher] == ["后台的业务流程不重要", "business", "流程其实无所谓"]


def _regex_terms(question: Question) -> set[str]:
    patterns = set()
    for cp in (*compile_rubric(question).points, *compile_rubric(question).penalties):
        for alternatives in cp.terms:
            for term in alternatives:
                members = [m for g in term.groups for m in g] if isinstance(
                    term, TogetherTerm) else [term]
                patterns.update(m.pattern for m in members if m.kind == "regex")
    return patterns


def test_no_built_in_pattern_outgrows_the_matchers_room_on_long_answers(
        capfd: pytest.CaptureFixture[str]) -> None:
    # RE2 falls back to its NFA, many times slower, when the automaton outgrows max_mem;
    # with its errors logged it says so on stderr. 300-character answers of the
    # throughput benchmark, each pattern searched over them as grading does.
    import re2

    from pmquiz.regex import MATCH_MAX_MEM

    bank = load_bank(builtin_banks_dir() / "backoffice-pm.zh.yaml")
    patterns = set().union(*(_regex_terms(q) for q in bank.questions if q.type == "open"))
    answers = [AnswerText.of(a).utf8()[0] for a in _benchmark_answers(25)]
    capfd.readouterr()
    for pattern in sorted(patterns):
        options = re2.Options()
        options.max_mem = MATCH_MAX_MEM
        options.never_capture = True
        options.log_errors = True
        compiled = re2.compile(pattern, options=options)
        for data in answers:
            compiled._regexp.Match(re2._Anchor.UNANCHORED, data, 0, len(data))
    assert "out of memory" not in capfd.readouterr().err


def _benchmark_answers(count: int) -> list[str]:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from run import make_answers

    return make_answers(count)


def test_a_regex_term_graded_with_the_matcher_keeps_its_spans_and_negation() -> None:
    point = Point(id="p", label="p", any=(Term(r"re:(业务|流程)[^。，]{0,6}(重要|关键)"),))
    question = Question(bank_id="b", id="q", type="open", prompt="?",
                        rubric=Rubric(points=(point,)))
    answer = "我认为业务洞察很重要。不是流程最关键"
    result = grade(question, answer).points[0]
    assert [(answer[s:e], m.negated) for m in result.matches for s, e in [m.span]] == [
        ("业务洞察很重要", False), ("流程最关键", True)]
    assert result.hit


# -- the scan for a rubric's literal strings (pmquiz.grading.scan) -----------------------

def _scan_texts(needles: tuple[str, ...], rng: random.Random) -> list[str]:
    """Answers holding some of the needles, some overlapping or cut short, between
    Chinese and English filler."""
    filler = ["我认为", "，但是", "。", " the ", "后台", "用户", "business ", "——", "\n"]
    texts = []
    for _ in range(12):
        parts = []
        for _ in range(rng.randint(1, 8)):
            needle = rng.choice(needles)
            parts.append(rng.choice([needle, needle[:-1], needle + needle, needle[1:]]))
            parts.append(rng.choice(filler))
        texts.append("".join(parts))
    return texts


@pytest.mark.parametrize("bank_file", ["backoffice-pm.zh.yaml", "backoffice-pm.en.yaml"])
def test_both_scanners_find_the_needles_one_in_per_needle_finds(bank_file: str) -> None:
    bank = load_bank(builtin_banks_dir() / bank_file)
    rng = random.Random(bank_file)
    for question in bank.questions:
        if question.type != "open":
            continue
        needles = compile_rubric(question).scanner.needles
        automaton = NeedleScanner(needles, set_after=10**9)
        re2_set = NeedleScanner(needles, set_after=0)
        for text in _scan_texts(needles, rng) + ["", "没有一个词"]:
            answer = AnswerText(normalize(text), text)
            plain = sorted(automaton.occurring_plain(text))
            assert sorted(automaton.occurring(answer)) == plain, text
            assert sorted(re2_set.occurring(answer)) == plain, text


def test_the_scan_takes_an_answer_utf8_cannot_hold() -> None:
    # A lone surrogate (a broken paste, read with surrogateescape): the RE2 set reads it
    # as surrogatepass bytes, in answer and needles alike, and finds what `in` finds.
    scanner = NeedleScanner(("业务", "ab", "\udc80x"), set_after=0)
    text = "懂业务 \udc80x ab"
    assert sorted(scanner.occurring(AnswerText(normalize(text), text))) == [0, 1, 2]


def test_a_rubric_grades_alike_before_and_after_its_scanner_changes() -> None:
    point = Point(id="p", label="p", any=(Term("业务"), Term("re:流程[^。]{0,4}重要"),
                                          Term("business")))
    question = Question(bank_id="b", id="q", type="open", prompt="?",
                        rubric=Rubric(points=(point,)))
    answers = ["懂业务，流程很重要", "不懂业务。Business matters", "流程不重要", "界面"]
    first = [grade(question, a) for a in answers]
    for _ in range(SET_AFTER):
        grade(question, "随便写写")
    assert [grade(question, a) for a in answers] == first
    assert compile_rubric(question).scanner.uses_set


# -- a rubric's candidate terms (pmquiz.grading.rubric) ---------------------------------

def _plain_candidates(rubric: CompiledRubric, answer: AnswerText) -> list[list[object]]:
    """`CompiledRubric.candidates` in its plain form: a loop over the occurring needles'
    plans, each owner, member, together term and searched term looked at in turn."""
    text = answer.text
    per_point: list[list[object]] = [[] for _ in (*rubric.points, *rubric.penalties)]
    slots: list[int] = []
    member_slots: list[int] = []
    gates_open: set[int] = set()
    for k in rubric.scanner.occurring_plain(text):
        owner_slots, members_found, gate_ids = rubric.needle_plans[k]
        slots += owner_slots
        member_slots += members_found
        gates_open.update(gate_ids)
    spans_of: dict[int, list[tuple[int, int]]] = {}
    for slot in sorted(slots):
        p_index, t_index, term, gate, k = rubric.owners[slot]
        if gate and not gates_open.issuperset(gate):
            continue
        spans = spans_of.setdefault(k, literal_spans(text, rubric.needles[k])) if k >= 0 \
            else None
        per_point[p_index].append((t_index, term, spans, None))
    pieces: dict[int, list[list[object]]] = {}
    for slot in sorted(member_slots):
        t, g, display, k = rubric.members[slot]
        groups = pieces.setdefault(t, [[] for _ in rubric.together[t][2].groups])
        groups[g].append((display, spans_of.setdefault(k, literal_spans(text,
                                                                       rubric.needles[k]))))
    for t, (p_index, t_index, term, unruled) in enumerate(rubric.together):
        groups = pieces.get(t, [[] for _ in term.groups])
        if all(groups[g] or g in unruled for g in range(len(groups))) and (
                t in pieces or unruled):
            per_point[p_index].append((t_index, term, None, groups))
    for p_index, t_index, term, gate, initial in rubric.searched_plan:
        if gate and not gates_open.issuperset(gate):
            continue
        if initial is not None and initial not in {w[:1] for _, _, w in answer.words()}:
            continue
        per_point[p_index].append((t_index, term, None, None))
    return per_point


@pytest.mark.parametrize("bank_file", ["backoffice-pm.zh.yaml", "backoffice-pm.en.yaml"])
def test_candidates_are_those_of_the_plain_form(bank_file: str) -> None:
    bank = load_bank(builtin_banks_dir() / bank_file)
    questions = [q for q in bank.questions if q.type == "open"]
    texts = _benchmark_answers(40) + [e.answer for q in questions for e in q.examples]
    for question in questions:
        rubric = compile_rubric(question)
        for text in texts:
            assert rubric.candidates(AnswerText.of(text)) == _plain_candidates(
                rubric, AnswerText.of(text)), (question.id, text)


# -- term searches (pmquiz.grading.terms) ------------------------------------------------

def _plain_literal_spans(text: str, needle: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = text.find(needle)
    while i != -1 and len(out) < MAX_MATCHES_PER_TERM:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + len(needle))
    return out


@pytest.mark.parametrize("needle", ["业务", "aa", "a", "交互设计", "ab"])
def test_literal_spans_are_those_of_the_counting_loop(needle: str) -> None:
    # Short texts take the loop that cannot reach the bound; long ones the counting one.
    rng = random.Random(needle)
    for size in (0, 5, 60, 300, 399, 400, 401, 2000):
        text = "".join(rng.choice(["业务", "a", "b", "交互设计", "，"]) for _ in range(size))
        assert literal_spans(text, needle) == _plain_literal_spans(text, needle)
    assert len(literal_spans("a" * 1000, "a")) == MAX_MATCHES_PER_TERM


@pytest.mark.parametrize("pattern", [r"业务[^。]{0,4}重要", r"x*", r"(?:a*b)?", r"\d+", r"不"])
def test_regex_spans_are_those_of_the_public_finditer(pattern: str) -> None:
    # _regex_spans makes its first search before its loop: what the loop alone finds.
    term = compile_term("re:" + pattern)
    assert term is not None
    for text in ["", "业务很重要。业务不重要", "abab b a", "12 3 45", "不是不", "x", "业务"]:
        answer = AnswerText.of(text)
        expected = [m.span() for m in re.finditer(pattern, answer.text) if m.end() > m.start()]
        assert term.find(answer) == expected, text


def test_a_together_term_meets_its_groups_clause_by_clause() -> None:
    # The pieces' clauses are mapped in C: pieces of one group in several clauses, and a
    # clause holding only one group, pair as the clauses say.
    point = Point(id="p", label="p", any=(Term("together", together=(
        (Term("设计"), Term("规划")), (Term("产品"), Term("功能")))),))
    question = Question(bank_id="b", id="q", type="open", prompt="?",
                        rubric=Rubric(points=(point,)))
    answer = "设计很好，产品不设计。规划功能，不是功能。产品"
    result = grade(question, answer).points[0]
    assert [(answer[s:e], m.negated) for m in result.matches for s, e in [m.span]] == [
        ("产品", False), ("设计", True), ("规划", False), ("功能", False)]
    assert result.hit
