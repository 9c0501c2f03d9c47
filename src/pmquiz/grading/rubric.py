"""A question's rubric compiled for matching, once per question object.

Every written term becomes its alternatives (itself, a synonym group's members, or one
together term). Plain substrings of the whole rubric are tested with one `in` each per
answer, so the terms searched for in earnest are only those that may occur.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pmquiz.grading.answer import AnswerText
from pmquiz.grading.negation import CueSet, cueset
from pmquiz.grading.results import PointResult, empty_result
from pmquiz.grading.terms import (
    MAX_MATCHES_PER_TERM,
    CompiledTerm,
    MemberSpans,
    TogetherTerm,
    compile_term,
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
    # Every plain substring term of the rubric, tested in one pass per answer, and for
    # each: (which of points + penalties, which written term, the compiled term).
    needles: tuple[str, ...] = ()
    needle_owners: tuple[tuple[int, int, AnyTerm], ...] = ()
    # Terms that need their own search (words, regexes, spaced phrases, together terms).
    searched: tuple[tuple[int, int, AnyTerm], ...] = ()
    # An Aho-Corasick automaton over the needles (pyahocorasick), when it is installed:
    # one pass finds every needle, and the spans of the plain phrases among them.
    automaton: Any = None
    # With the automaton, together terms are looked up through it too: the literal
    # members of their groups are needles after the others, slot by slot (which together
    # term, which group, the member), and a together term is worth evaluating only when
    # each of its groups has a member found or one the automaton cannot rule out.
    member_slots: tuple[tuple[int, int, CompiledTerm], ...] = ()
    together: tuple[tuple[int, int, TogetherTerm, frozenset[int]], ...] = ()
    # A regex term is searched only when every one of its required factors
    # (pmquiz.grading.factors) occurs: the factors' strings are needles after the
    # members, each slot naming its gate; per owner and per searched term, its gates
    # (the most selective first; none: always searched). Most regex terms of a broad
    # rubric are ruled out so, RE2 never run.
    gate_slots: tuple[int, ...] = ()
    owner_gates: tuple[tuple[int, ...], ...] = ()
    searched_gates: tuple[tuple[int, ...], ...] = ()
    # Worked out from the above (__post_init__): points then penalties; per owner, whether
    # the automaton's spans are its matches; per searched term, (point, written term,
    # term, gates, first letter of a Latin term's first word or None).
    _all_points: tuple[CompiledPoint, ...] = field(init=False, repr=False, compare=False)
    owner_literal: tuple[bool, ...] = field(init=False, repr=False, compare=False)
    searched_plan: tuple[tuple[int, int, AnyTerm, tuple[int, ...], str | None], ...] = field(
        init=False, repr=False, compare=False)

    @staticmethod
    def build(points: tuple[CompiledPoint, ...], penalties: tuple[CompiledPoint, ...],
              cues: CueSet) -> CompiledRubric:
        needles: list[str] = []
        owners: list[tuple[int, int, AnyTerm]] = []
        searched: list[tuple[int, int, AnyTerm]] = []
        together: list[tuple[int, int, TogetherTerm, frozenset[int]]] = []
        for p_index, cp in enumerate((*points, *penalties)):
            for t_index, alternatives in enumerate(cp.terms):
                for term in alternatives:
                    if isinstance(term, TogetherTerm):
                        unruled = frozenset(g for g, group in enumerate(term.groups)
                                            if any(not m.literal for m in group))
                        together.append((p_index, t_index, term, unruled))
                    elif term.plain is not None:
                        needles.append(term.plain)
                        owners.append((p_index, t_index, term))
                    else:
                        searched.append((p_index, t_index, term))
        member_needles: list[str] = []
        member_slots: list[tuple[int, int, CompiledTerm]] = []
        for t, (_, _, term, _) in enumerate(together):
            for g, group in enumerate(term.groups):
                for member in group:
                    if member.literal:
                        member_needles.append(member.needle)
                        member_slots.append((t, g, member))
        gate_needles: list[str] = []
        gate_slots: list[int] = []
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
                    gate_needles.extend(factor)
                    gate_slots.extend(gates[factor] for _ in factor)
                ids.append(gates[factor])
            return tuple(ids)

        owner_gates = [gate(term) for _, _, term in owners]
        searched_gates = [gate(term) for _, _, term in searched]
        automaton = _automaton([*needles, *member_needles, *gate_needles])
        if automaton is None:  # no automaton: together terms are searched one by one
            searched.extend((p, t, term) for p, t, term, _ in together)
            return CompiledRubric(points, penalties, cues, tuple(needles), tuple(owners),
                                  tuple(searched))
        return CompiledRubric(points, penalties, cues, tuple(needles), tuple(owners),
                              tuple(searched), automaton, tuple(member_slots),
                              tuple(together), tuple(gate_slots), tuple(owner_gates),
                              tuple(searched_gates))

    def candidates(self, answer: AnswerText) -> list[list[Candidate]]:
        """Per point (then penalty): the terms worth searching for in this answer, each
        with its spans when they are already known (plain phrases found by the
        automaton), else None."""
        text = answer.text
        per_point: list[list[Candidate]] = [[] for _ in self._all_points]
        owners = self.needle_owners
        if self.automaton is not None:
            n_owned = len(owners)
            gate_base = n_owned + len(self.member_slots)
            pieces: dict[int, list[list[MemberSpans]]] = {}
            found = sorted([(slot, spans) for slots, spans in _automaton_spans(
                self.automaton, text) for slot in slots])
            gate_slots = self.gate_slots
            gates_open = {gate_slots[slot - gate_base] for slot, _ in found
                          if slot >= gate_base}
            owner_gates = self.owner_gates
            owner_literal = self.owner_literal
            for slot, spans in found:
                if slot < n_owned:
                    gate = owner_gates[slot]
                    if gate and not gates_open.issuperset(gate):
                        continue
                    p_index, t_index, term = owners[slot]
                    per_point[p_index].append(
                        (t_index, term, spans if owner_literal[slot] else None, None))
                    continue
                if slot >= gate_base:
                    break
                t, g, member = self.member_slots[slot - n_owned]
                groups = pieces.get(t)
                if groups is None:
                    groups = pieces[t] = [[] for _ in self.together[t][2].groups]
                groups[g].append((member.display, spans))
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
        else:
            gates_open = set()
            for slot in [i for i, needle in enumerate(self.needles) if needle in text]:
                p_index, t_index, term = owners[slot]
                per_point[p_index].append((t_index, term, None, None))
        initials: dict[str, list[int]] | None = None
        for p_index, t_index, term, gate, initial in self.searched_plan:
            if gate and not gates_open.issuperset(gate):
                continue
            if initial is not None:
                # Inflections and forgiven typos keep the first letter: a term whose
                # first word's letter begins no word of the answer cannot occur.
                if initials is None:
                    answer.words()
                    initials = answer.by_initial
                if initial not in initials:
                    continue
            elif isinstance(term, TogetherTerm) and not term.possible(text):
                continue
            per_point[p_index].append((t_index, term, None, None))
        return per_point

    def __post_init__(self) -> None:
        object.__setattr__(self, "_all_points", (*self.points, *self.penalties))
        object.__setattr__(self, "owner_literal", tuple(
            isinstance(term, CompiledTerm) and term.literal
            for _, _, term in self.needle_owners))
        gates = self.searched_gates or ((),) * len(self.searched)
        object.__setattr__(self, "searched_plan", tuple(
            (p_index, t_index, term, gate,
             term.words[0][2][:1] if isinstance(term, CompiledTerm)
             and term.kind == "latin" else None)
            for (p_index, t_index, term), gate in zip(self.searched, gates, strict=True)))


# A term worth looking for: (which written term of its point, the term, and what is
# known already: a plain phrase's spans, or per group a together term's literal pieces).
Candidate = tuple[int, "AnyTerm", list[tuple[int, int]] | None,
                  list[list[MemberSpans]] | None]


def _automaton(needles: list[str]) -> Any:
    """An Aho-Corasick automaton mapping each distinct needle to its slots (None when
    pyahocorasick is not installed: the needles are then tested one `in` at a time)."""
    if not needles:
        return None
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - an optional speed-up
        return None
    automaton = ahocorasick.Automaton()
    for slot, needle in enumerate(needles):
        if needle in automaton:
            automaton.get(needle)[1].append(slot)
        else:
            automaton.add_word(needle, (len(needle), [slot]))
    automaton.make_automaton()
    return automaton


def _automaton_spans(automaton: Any, text: str
                     ) -> list[tuple[list[int], list[tuple[int, int]]]]:
    """Per needle that occurs: its slots, and its non-overlapping occurrences, left to
    right (what repeated `str.find` from the end of the last one gives), at most
    MAX_MATCHES_PER_TERM. (Needles shared by many terms are followed once.)"""
    found: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}
    for last, (length, slots) in automaton.iter(text):
        start = last - length + 1
        entry = found.get(slots[0])  # needles have disjoint slot lists
        if entry is None:
            found[slots[0]] = (slots, [(start, last + 1)])
        else:
            spans = entry[1]
            if start >= spans[-1][1] and len(spans) < MAX_MATCHES_PER_TERM:
                spans.append((start, last + 1))
    return list(found.values())


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
