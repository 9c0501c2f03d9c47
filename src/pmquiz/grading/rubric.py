"""A question's rubric compiled for matching, once per question object.

Every written term becomes its alternatives (itself, a synonym group's members, or one
together term). Plain substrings of the whole rubric are tested with one `in` each per
answer, so the terms searched for in earnest are only those that may occur.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pmquiz.grading.answer import AnswerText
from pmquiz.grading.negation import CueSet, cueset
from pmquiz.grading.results import PointResult, empty_result
from pmquiz.grading.terms import CompiledTerm, TogetherTerm, compile_term
from pmquiz.model import Point, Question, Term

AnyTerm = CompiledTerm | TogetherTerm


@dataclass(frozen=True, eq=False, repr=False)
class CompiledPoint:
    point: Point
    any: tuple[tuple[AnyTerm, ...], ...]  # per written term, its alternatives
    all: tuple[tuple[AnyTerm, ...], ...]
    # `any` terms then `all` terms; and the result when none of them occurs.
    terms: tuple[tuple[AnyTerm, ...], ...] = field(init=False, repr=False, compare=False)
    empty: PointResult = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "terms", (*self.any, *self.all))
        object.__setattr__(self, "empty", empty_result(self.point))


@dataclass(frozen=True, eq=False, repr=False)
class CompiledRubric:
    points: tuple[CompiledPoint, ...]
    penalties: tuple[CompiledPoint, ...]
    cues: CueSet
    # Every plain substring term of the rubric, tested in one pass per answer, and for
    # each: (which of points + penalties, which written term, the compiled term).
    needles: tuple[str, ...] = ()
    needle_owners: tuple[tuple[int, int, AnyTerm], ...] = ()
    # Terms that need their own search (words, regexes, spaced phrases, together terms).
    searched: tuple[tuple[int, int, AnyTerm], ...] = ()

    @staticmethod
    def build(points: tuple[CompiledPoint, ...], penalties: tuple[CompiledPoint, ...],
              cues: CueSet) -> CompiledRubric:
        needles: list[str] = []
        owners: list[tuple[int, int, AnyTerm]] = []
        searched: list[tuple[int, int, AnyTerm]] = []
        for p_index, cp in enumerate((*points, *penalties)):
            for t_index, alternatives in enumerate(cp.terms):
                for term in alternatives:
                    if term.plain is not None:
                        needles.append(term.plain)
                        owners.append((p_index, t_index, term))
                    else:
                        searched.append((p_index, t_index, term))
        return CompiledRubric(points, penalties, cues, tuple(needles), tuple(owners),
                              tuple(searched))

    def candidates(self, answer: AnswerText
                   ) -> list[list[tuple[int, AnyTerm]]]:
        """Per point (then penalty): the terms worth searching for in this answer."""
        text = answer.text
        per_point: list[list[tuple[int, AnyTerm]]] = [
            [] for _ in range(len(self.points) + len(self.penalties))]
        owners = self.needle_owners
        for slot in [i for i, needle in enumerate(self.needles) if needle in text]:
            p_index, t_index, term = owners[slot]
            per_point[p_index].append((t_index, term))
        for p_index, t_index, term in self.searched:
            if not isinstance(term, TogetherTerm) or term.possible(text):
                per_point[p_index].append((t_index, term))
        return per_point


def _expand_term(term: Term, synonyms: Mapping[str, tuple[str, ...]]) -> tuple[AnyTerm, ...]:
    """A written term's alternatives: itself, a group's members, or one together term."""
    if term.together:
        groups = tuple(
            tuple(c for member in group for c in _expand(member.text, synonyms))
            for group in term.together
        )
        return (TogetherTerm(term.text, groups),)
    return _expand(term.text, synonyms)


def _expand(term_text: str, synonyms: Mapping[str, tuple[str, ...]]) -> tuple[CompiledTerm, ...]:
    if term_text.startswith("@"):
        members = synonyms.get(term_text[1:], ())
        compiled = (compile_term(m) for m in members)
        return tuple(c for c in compiled if c is not None)
    single = compile_term(term_text)
    return (single,) if single is not None else ()


def _compile_point(point: Point, synonyms: Mapping[str, tuple[str, ...]]) -> CompiledPoint:
    return CompiledPoint(
        point,
        tuple(_expand_term(t, synonyms) for t in point.any),
        tuple(_expand_term(t, synonyms) for t in point.all),
    )


_compiled: dict[int, tuple[Question, CompiledRubric]] = {}


def compile_rubric(question: Question) -> CompiledRubric:
    """The question's rubric ready to match; compiled once per question object."""
    cached = _compiled.get(id(question))
    if cached is not None and cached[0] is question:
        return cached[1]
    rubric = CompiledRubric.build(
        tuple(_compile_point(p, question.synonyms) for p in question.rubric.points),
        tuple(_compile_point(p, question.synonyms) for p in question.rubric.penalties),
        cueset(question.negation_cues),
    )
    if len(_compiled) > 20000:
        _compiled.clear()
    _compiled[id(question)] = (question, rubric)
    return rubric
