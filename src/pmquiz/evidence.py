"""Where a rubric point was found in the answer: what the views quote after its label.

SPEC 4: a grade explains which rubric points the answer hit, and where. A point's `term`
and `span` name one match, the first that counts; for a `together` term that is one piece
of several ("security ... matters" shows as "security"), so the views quote every piece
of the clause where the term counted instead: one counting piece of each group, in answer
order, joined by " … ".

Nothing is graded again: the pieces are the point's own `matches`, told apart by the
compiled rubric's members (which piece belongs to which group) and by the answer's clauses
(which pieces stand together). A point that hit through a plain term, or any other result,
keeps its one span.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pmquiz.grading import PointResult
    from pmquiz.grading.rubric import CompiledPoint
    from pmquiz.model import Question

Span = tuple[int, int]
JOIN = " … "


def evidence_spans(question: Question, result: PointResult, answer: str, *,
                   penalty: bool = False) -> tuple[Span, ...]:
    """The spans to quote for `result` (a point, or a penalty with `penalty=True`).

    A hit: the earliest reason it hit, a counting match of a plain term (its span) or a
    clause where a together term counted (the first counting piece of each group there).
    A negated point whose shown match is a together term's piece: that clause's first
    piece of each group. Otherwise the result's own span (none: nothing)."""
    if result.span is None:
        return ()
    own = (result.span,)
    if not (result.hit or result.negated):
        return own
    cp = _compiled_point(question, result.id, penalty)
    if cp is None:
        return own
    together = _together_groups(cp)
    reasons: list[tuple[Span, ...]] = []
    if result.hit:
        matches = [m for m in result.matches if not m.negated]
        plain = _plain_displays(cp)
        reasons.extend((m.span,) for m in matches if m.term in plain)
    else:  # negated: only the clause of the match shown
        matches = list(result.matches)
    clause_of = _clause_index(answer)
    anchor = None if result.hit else clause_of(result.span[0])
    for groups in together:
        by_clause: dict[int, list[list[Span]]] = {}
        for m in matches:
            for g, group in enumerate(groups):
                if m.term in group:
                    clause = clause_of(m.span[0])
                    if anchor is None or clause == anchor:
                        by_clause.setdefault(clause, [[] for _ in groups])[g].append(m.span)
        reasons.extend(tuple(sorted(min(spans) for spans in pieces))
                       for pieces in by_clause.values() if all(pieces))
    if not result.hit:
        reasons = [spans for spans in reasons if result.span in spans]
    # The earliest; of two starting together the one of fewer pieces ("产品设计" itself
    # rather than "产品" + "设计").
    return min(reasons, key=lambda spans: (spans[0][0], len(spans))) if reasons else own


def evidence_words(answer: str, spans: Sequence[Span],
                   visible: Callable[[str], str]) -> str:
    """The answer's own words at each span, on one line, joined by " … " (not quoted);
    pieces with nothing but white space between them are quoted as one."""
    runs: list[list[int]] = []
    for start, end in sorted(spans):
        if runs and not answer[runs[-1][1]:start].strip():
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    words = (" ".join(visible(answer[start:end]).split()) for start, end in runs)
    return JOIN.join(w for w in words if w)


# -- inside ------------------------------------------------------------------------------


def _compiled_point(question: Question, point_id: str, penalty: bool
                    ) -> CompiledPoint | None:
    """The point's compiled form, when it has a together term (most points have none:
    nothing to compile or look up then)."""
    if not any(term.together for point in (question.rubric.penalties if penalty
                                           else question.rubric.points)
               if point.id == point_id for term in (*point.any, *point.all)):
        return None
    from pmquiz.grading.rubric import compile_rubric

    rubric = compile_rubric(question)
    for cp in rubric.penalties if penalty else rubric.points:
        if cp.point.id == point_id:
            return cp
    return None


def _together_groups(cp: CompiledPoint) -> list[tuple[frozenset[str], ...]]:
    """Per together term of the point, the displays of each group's members."""
    from pmquiz.grading.terms import TogetherTerm

    return [tuple(frozenset(m.display for m in group) for group in alt.groups)
            for alternatives in cp.terms for alt in alternatives
            if isinstance(alt, TogetherTerm)]


def _plain_displays(cp: CompiledPoint) -> frozenset[str]:
    """The displays of the point's terms that are not together terms."""
    from pmquiz.grading.terms import TogetherTerm

    return frozenset(alt.display for alternatives in cp.terms for alt in alternatives
                     if not isinstance(alt, TogetherTerm))


def _clause_index(answer: str) -> Callable[[int], int]:
    """Original offset -> the clause (as grading counts them) holding it."""
    from pmquiz.grading.answer import AnswerText

    text = AnswerText.of(answer)
    starts = text.norm.starts

    def clause(pos: int) -> int:
        return text.clause_index(pos if starts is None else bisect_left(starts, pos))

    return clause
