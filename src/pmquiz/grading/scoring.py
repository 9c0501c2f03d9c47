"""Scoring: an answer to any question -> its `Grade` (SPEC 4).

Open answers: each point's terms are looked up (pmquiz.grading.terms), each match is
checked for negation (pmquiz.grading.negation), a point hits when counting matches
satisfy its `any` / `all`, and the score is the weight of the hit points less that of the
hit penalties over the weight of all points, clamped to 0..1. A keyword list
(pmquiz.grading.lists) does not pass unless the question sets `lists: true`.
Choice and true/false answers are parsed and compared at the end of this file.
"""

from __future__ import annotations

from operator import itemgetter

from pmquiz import reprograms
from pmquiz.grading.answer import AnswerText
from pmquiz.grading.lists import is_keyword_list
from pmquiz.grading.negation import CueSet, denied_by_verdict, is_negated
from pmquiz.grading.results import (
    KEYWORD_LIST,
    Grade,
    Match,
    PointResult,
    empty_result,
    open_grade,
)
from pmquiz.grading.rubric import Candidate, CompiledPoint, compile_rubric
from pmquiz.grading.terms import CompiledTerm, TogetherTerm
from pmquiz.model import Question


def _evaluate(cp: CompiledPoint, answer: AnswerText, cues: CueSet,
              candidates: list[Candidate]) -> PointResult:
    """The point's result from the terms that may occur (see CompiledRubric.candidates).

    Most terms of most rubrics are absent from an answer; a point none of whose terms
    occurs has one fixed (shared, immutable) result.
    """
    point = cp.point
    negatable = point.negatable
    mapped = answer.norm.starts is not None
    original_span = answer.norm.original_span
    counting_terms: set[int] = set()
    matches: list[Match] = []
    found: list[tuple[int, CompiledTerm | TogetherTerm, list[tuple[int, int]]]] = []
    for index, term, known, pieces_known in candidates:
        # Only a together term comes with its pieces (a list, maybe of empty groups):
        # the same test as isinstance(term, TogetherTerm), without a call (which the type
        # checker cannot tell, hence the ignores).
        if pieces_known is not None:
            counts, pieces = term.evaluate(  # type: ignore[union-attr]
                answer, cues, negatable, pieces_known)
            if counts:
                counting_terms.add(index)
            for display, start, end, negated in pieces:
                matches.append(_new(Match, (display, original_span(start, end) if mapped
                                            else (start, end), negated)))
            continue
        spans = known if known is not None else term.find(answer)  # type: ignore[union-attr]
        if spans:
            found.append((index, term, spans))
    if not found and not matches:
        return cp.empty
    for index, term, spans in found:
        display = term.display
        for span in spans:
            start, end = span
            # A point that is not negatable is still reached by a disagreement verdict.
            negated = (is_negated(answer, start, end, cues) if negatable
                       else denied_by_verdict(answer, start, end))
            if not negated:
                counting_terms.add(index)
            # Unmapped, the span is the (immutable) tuple found: kept, not rebuilt.
            matches.append(_new(Match, (display, original_span(start, end) if mapped
                                        else span, negated)))
    n_any = len(cp.any)
    # Some counting `any` term (the lowest index is one), and every `all` term counting.
    any_ok = not n_any or (bool(counting_terms) and min(counting_terms) < n_any)
    all_ok = counting_terms.issuperset(range(n_any, len(cp.terms)))
    hit = any_ok and all_ok and bool(cp.terms)
    if len(matches) > 1:
        # Original offsets follow normalised ones in order, so this is answer order.
        matches.sort(key=_BY_SPAN)
    shown = matches[0]
    for m in matches:
        if not m.negated:  # the first counting match, else the first match
            shown = m
            break
    return _new(PointResult, (
        point.id, point.label, point.weight, hit,
        not hit and any(m.negated for m in matches),
        shown.term, shown.span, tuple(matches), point.required,
    ))


_BY_SPAN = itemgetter(1)


# Results are built with tuple's own constructor, fields in the order their NamedTuple
# declares them: it skips the NamedTuple's generated Python-level __new__ (grading makes
# several per answer; the objects are the same).
_new = tuple.__new__


def grade(question: Question, answer: str) -> Grade:
    """Grade one answer to one question (any type)."""
    if question.type == "choice":
        return grade_choice(question, answer)
    if question.type == "truefalse":
        return grade_truefalse(question, answer)
    return grade_open(question, answer)


def grade_open(question: Question, answer: str) -> Grade:
    rubric = compile_rubric(question)
    text = AnswerText.of(answer)
    if not text.text.strip():  # blank answers score 0: nothing can match
        points = tuple(empty_result(cp.point) for cp in rubric.points)
        penalties = tuple(empty_result(cp.point) for cp in rubric.penalties)
    else:
        per_point = rubric.candidates(text)
        cues = rubric.cues
        # (List comprehensions: cheaper per item than a generator into tuple(). The
        # candidates of the penalties follow those of the points.)
        points = tuple([_evaluate(cp, text, cues, found) if found else cp.empty
                        for cp, found in zip(rubric.points, per_point, strict=False)])
        penalties = tuple([
            _evaluate(cp, text, cues, found) if found else cp.empty
            for cp, found in zip(rubric.penalties, per_point[len(points):], strict=True)
        ]) if rubric.penalties else ()
    total = gained = 0.0
    missed: list[str] = []
    missed_required: list[str] = []
    for p in points:
        total += p.weight
        if p.hit:
            gained += p.weight
        else:
            missed.append(p.id)
            if p.required:
                missed_required.append(p.id)
    for p in penalties:
        if p.hit:
            gained -= p.weight
    score = min(1.0, max(0.0, gained / total)) if total > 0 else 0.0
    flags: tuple[str, ...] = ()
    if not question.lists and gained > 0 and is_keyword_list(text.text):
        flags = (KEYWORD_LIST,)
    passed = score >= question.threshold and not missed_required and not flags
    return open_grade(question.ref, answer, score, passed, question.threshold, points,
                      penalties, tuple(missed), tuple(missed_required), flags)


# -- choice and true/false ---------------------------------------------------------------

_LETTER_SEPARATORS = reprograms.compile(r"[\s,;/、&+和与及]+|\band\b")


def parse_choice(answer: str) -> list[str]:
    """Letters picked in any form: `A,C`, `ac`, `A C`, `Ａ，Ｃ`, `A and C` -> ["A", "C"]."""
    import unicodedata

    text = unicodedata.normalize("NFKC", answer).casefold()
    picked: set[str] = set()
    for token in _LETTER_SEPARATORS.split(text):
        picked.update(ch.upper() for ch in token if "a" <= ch <= "z")
    return sorted(picked)


def grade_choice(question: Question, answer: str) -> Grade:
    expected = list(question.answer) if isinstance(question.answer, tuple) else []
    given = parse_choice(answer)
    right = len(set(given) & set(expected))
    wrong = len(set(given) - set(expected))
    score = max(0, right - wrong) / len(expected) if expected else 0.0
    passed = bool(expected) and set(given) == set(expected)
    return Grade(
        question=question.ref, type="choice", answer=answer, score=float(score),
        passed=passed, threshold=1.0, expected=expected, given=given,
    )


_TRUE_WORDS = frozenset({"true", "t", "yes", "y", "对", "是", "正确", "√", "✓", "✔", "1",
                         "對", "正確"})
_FALSE_WORDS = frozenset({"false", "f", "no", "n", "错", "否", "错误", "×", "✗", "✘", "x",
                          "0", "錯", "錯誤", "不对", "不對"})


def parse_truefalse(answer: str) -> bool | None:
    """true/false, t/f, yes/no, y/n, 对/错, 是/否, 正确/错误, √/× -> bool; None if unclear."""
    import unicodedata

    text = unicodedata.normalize("NFKC", answer).strip().casefold()
    text = text.strip(" .。!！")
    if text in _TRUE_WORDS:
        return True
    if text in _FALSE_WORDS:
        return False
    return None


def grade_truefalse(question: Question, answer: str) -> Grade:
    expected = bool(question.answer)
    given = parse_truefalse(answer)
    passed = given is not None and given == expected
    return Grade(
        question=question.ref, type="truefalse", answer=answer, score=1.0 if passed else 0.0,
        passed=passed, threshold=1.0, expected=expected, given=given,
    )
