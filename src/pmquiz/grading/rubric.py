"""A question's rubric compiled for matching, once per question object.

Every written term becomes its alternatives (itself, a synonym group's members, or one
together term). The plain substrings of the whole rubric (its needles) are looked for in
one pass per answer (pmquiz.grading.scan), so the terms searched for in earnest are only
those that may occur.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pmquiz.grading.answer import AnswerText
from pmquiz.grading.negation import CueSet, cueset
from pmquiz.grading.results import PointResult, empty_result
from pmquiz.grading.scan import NeedleScanner
from pmquiz.grading.terms import (
    CompiledTerm,
    MemberSpans,
    TogetherTerm,
    compile_term,
    literal_spans,
)
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
    # The distinct strings an answer is scanned for, in one pass (`scanner`): the plain
    # substrings of terms (a CJK phrase, a literal every match of a regex holds), the
    # literal members of together terms, and the strings of regex terms' required factors
    # (pmquiz.grading.factors). Per needle, what its occurring does (`NeedlePlan`).
    needles: tuple[str, ...] = ()
    needle_plans: tuple[NeedlePlan, ...] = ()
    # Per term with a plain substring, in rubric order (its "slot"): which of points +
    # penalties, which written term, the term, the gates it needs open (below), and its
    # needle when its occurrences are its matches (a plain CJK phrase), else -1.
    owners: tuple[tuple[int, int, AnyTerm, tuple[int, ...], int], ...] = ()
    # Per literal member of a together term, in rubric order: which together term, which
    # group, the member as written, its needle.
    members: tuple[tuple[int, int, str, int], ...] = ()
    # Together terms: (point, written term, term, groups with a member that is no needle);
    # one is worth evaluating only when each of its groups has a member found or one the
    # scan cannot rule out.
    together: tuple[tuple[int, int, TogetherTerm, frozenset[int]], ...] = ()
    # Terms that need their own search (Latin words, regexes without a plain substring,
    # spaced phrases): (point, written term, term, gates, first letter of a Latin term's
    # first word or None). A regex term is searched only when each of its gates (one per
    # required factor, the most selective first) is open: some string of the factor
    # occurs. Most regex terms of a broad rubric are ruled out so, RE2 never run.
    searched_plan: tuple[tuple[int, int, AnyTerm, tuple[int, ...], str | None], ...] = ()
    # Finds which needles occur (pmquiz.grading.scan).
    scanner: NeedleScanner = field(default_factory=lambda: NeedleScanner(()))
    _all_points: tuple[CompiledPoint, ...] = field(init=False, repr=False, compare=False)

    @staticmethod
    def build(points: tuple[CompiledPoint, ...], penalties: tuple[CompiledPoint, ...],
              cues: CueSet) -> CompiledRubric:
        needle_index: dict[str, int] = {}
        plans: list[tuple[list[int], list[int], list[int]]] = []

        def needle(text: str) -> int:
            k = needle_index.get(text)
            if k is None:
                k = needle_index[text] = len(plans)
                plans.append(([], [], []))
            return k

        gates: dict[tuple[str, ...], int] = {}

        def gate(term: AnyTerm) -> tuple[int, ...]:
            """The gates of every required factor of a regex term (the most selective
            first), but the one that is its own needle (known to occur)."""
            if not isinstance(term, CompiledTerm) or not term.factors:
                return ()
            ids = []
            for factor in term.factors:
                if factor == (term.plain,):
                    continue
                if factor not in gates:
                    gates[factor] = len(gates)
                    for string in factor:
                        plans[needle(string)][2].append(gates[factor])
                ids.append(gates[factor])
            return tuple(ids)

        owners: list[tuple[int, int, AnyTerm, tuple[int, ...], int]] = []
        searched: list[tuple[int, int, AnyTerm, tuple[int, ...]]] = []
        together: list[tuple[int, int, TogetherTerm, frozenset[int]]] = []
        for p_index, cp in enumerate((*points, *penalties)):
            for t_index, alternatives in enumerate(cp.terms):
                for term in alternatives:
                    if isinstance(term, TogetherTerm):
                        unruled = frozenset(g for g, group in enumerate(term.groups)
                                            if any(not m.literal for m in group))
                        together.append((p_index, t_index, term, unruled))
                    elif term.plain is not None:
                        k = needle(term.plain)
                        plans[k][0].append(len(owners))
                        owners.append((p_index, t_index, term, (), k if term.literal else -1))
                    else:
                        searched.append((p_index, t_index, term, ()))
        members: list[tuple[int, int, str, int]] = []
        for t, (_, _, term, _) in enumerate(together):
            for g, group in enumerate(term.groups):
                for member in group:
                    if member.literal:
                        k = needle(member.needle)
                        plans[k][1].append(len(members))
                        members.append((t, g, member.display, k))
        # Gates are numbered after every term's needle, as before they had needles after
        # the terms' and members' (the order of needles decides nothing but the scan's).
        owners = [(p, t, term, gate(term), k) for p, t, term, _, k in owners]
        searched_plan = tuple(
            (p, t, term, gate(term),
             term.words[0][2][:1] if isinstance(term, CompiledTerm)
             and term.kind == "latin" else None)
            for p, t, term, _ in searched)
        needles = tuple(needle_index)
        return CompiledRubric(
            points, penalties, cues, needles,
            tuple((tuple(o), tuple(m), tuple(g)) for o, m, g in plans),
            tuple(owners), tuple(members), tuple(together), searched_plan,
            NeedleScanner(needles))

    def candidates(self, answer: AnswerText) -> list[list[Candidate]]:
        """Per point (then penalty): the terms worth searching for in this answer, each
        with its spans when they are already known (plain phrases found by the scan),
        else None; a together term with the spans of its literal members."""
        text = answer.text
        per_point: list[list[Candidate]] = [[] for _ in self._all_points]
        plans = self.needle_plans
        slots: list[int] = []
        member_slots: list[int] = []
        gates_open: set[int] = set()
        for k in self.scanner.occurring(answer):
            owner_slots, members_found, gate_ids = plans[k]
            if owner_slots:
                slots += owner_slots
            if members_found:
                member_slots += members_found
            if gate_ids:
                gates_open.update(gate_ids)
        needles = self.needles
        spans_of: dict[int, list[tuple[int, int]]] = {}  # a needle shared is found once
        if slots:
            slots.sort()  # rubric order
            owners = self.owners
            for slot in slots:
                p_index, t_index, term, gate, k = owners[slot]
                if gate and not gates_open.issuperset(gate):
                    continue
                spans = None
                if k >= 0:
                    spans = spans_of.get(k)
                    if spans is None:
                        spans = spans_of[k] = literal_spans(text, needles[k])
                per_point[p_index].append((t_index, term, spans, None))
        if self.together:
            pieces: dict[int, list[list[MemberSpans]]] = {}
            if member_slots:
                member_slots.sort()
                together = self.together
                members = self.members
                for slot in member_slots:
                    t, g, display, k = members[slot]
                    groups = pieces.get(t)
                    if groups is None:
                        groups = pieces[t] = [[] for _ in together[t][2].groups]
                    spans = spans_of.get(k)
                    if spans is None:
                        spans = spans_of[k] = literal_spans(text, needles[k])
                    groups[g].append((display, spans))
            for t, (p_index, t_index, term, unruled) in enumerate(self.together):
                groups = pieces.get(t)
                if groups is None:
                    if not unruled:
                        continue
                    groups = [[] for _ in term.groups]
                for g in range(len(groups)):
                    if not groups[g] and g not in unruled:
                        break
                else:
                    per_point[p_index].append((t_index, term, None, groups))
        initials: dict[str, list[int]] | None = None
        for p_index, t_index, term, gate, initial in self.searched_plan:
            if gate and not gates_open.issuperset(gate):
                continue
            if initial is not None:
                # Inflections and forgiven typos keep the first letter: a term whose
                # first word's letter begins no word of the answer cannot occur. (A
                # letter not in the answer at all begins none: told without indexing
                # the answer's words, 4 µs for 300 characters of mostly Chinese.)
                if initial not in text:
                    continue
                if initials is None:
                    answer.words()
                    initials = answer.by_initial
                if initial not in initials:
                    continue
            per_point[p_index].append((t_index, term, None, None))
        return per_point

    def __post_init__(self) -> None:
        object.__setattr__(self, "_all_points", (*self.points, *self.penalties))


# A term worth looking for: (which written term of its point, the term, and what is
# known already: a plain phrase's spans, or per group a together term's literal pieces).
Candidate = tuple[int, "AnyTerm", list[tuple[int, int]] | None,
                  list[list[MemberSpans]] | None]
# What a needle's occurring does: the owners (slots) it may make candidates, the
# together members (slots) it finds, the gates it opens.
NeedlePlan = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


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


# Compiled rubrics by question object: the most recently used RUBRIC_CACHE_SIZE, each
# dropped as soon as its question is (a weak reference), so that compiled patterns of
# banks no longer in use are not kept alive (issue 14). A session uses a few hundred
# questions at most; a `check` of many banks recompiles what it returns to.
RUBRIC_CACHE_SIZE = 1024
_compiled: OrderedDict[int, tuple[weakref.ref[Question], CompiledRubric]] = OrderedDict()


def compile_rubric(question: Question) -> CompiledRubric:
    """The question's rubric ready to match; compiled once per question object."""
    key = id(question)
    cached = _compiled.get(key)
    if cached is not None and cached[0]() is question:
        _compiled.move_to_end(key)
        return cached[1]
    rubric = CompiledRubric.build(
        tuple(_compile_point(p, question.synonyms) for p in question.rubric.points),
        tuple(_compile_point(p, question.synonyms) for p in question.rubric.penalties),
        cueset(question.negation_cues),
    )
    _compiled[key] = (weakref.ref(question, _forget(key)), rubric)
    if len(_compiled) > RUBRIC_CACHE_SIZE:
        _compiled.popitem(last=False)
    return rubric


def _forget(key: int) -> Callable[[weakref.ref[Question]], None]:
    """A callback dropping the entry of a question that is gone (and only that entry:
    its id may already belong to a newer question)."""

    def forget(ref: weakref.ref[Question]) -> None:
        entry = _compiled.get(key)
        if entry is not None and entry[0] is ref:
            del _compiled[key]

    return forget


def clear_cache() -> None:
    """Forget every compiled rubric."""
    _compiled.clear()
