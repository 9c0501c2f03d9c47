"""The floor of grading throughput: what a grade would cost if its Python glue cost nothing.

On the throughput benchmark's own workload (benchmarks/run.py `measure_throughput`: the
25 open questions of the zh bank, 2,000 generated 300-character answers, grade i being
`grade(questions[i % 25], answers[i % 2000])`, so grades 0..1999 are every distinct pair
the benchmark grades), after a warm-up of 8,000 grades (every rubric scans with its RE2
set, as in the benchmark), this script:

1. grades the 2,000 pairs once more with the C-level primitives a grade calls wrapped, and
   records each call with its exact arguments (and checks that the wrapped grades equal
   the plain ones);
2. replays only those recorded calls, each kind in a loop that runs in C
   (`deque(starmap(operator.call, calls), 0)`; iterators are consumed by
   `chain.from_iterable`), best of several rounds;
3. times the whole grade on the same 2,000 pairs, interleaved with the replays;
4. prints, per kind and in total, µs per answer and the share of the 50 µs per answer
   that SPEC 9's 20,000 answers/s allows, and the calls counted per grade.

What it counts, per kind of primitive:
- normalising: the calls of `text.fold_simply`'s one-scan path (`str.isascii`, the
  `str.replace` of the Chinese comma, the `findall` of the special-character class, the
  `set` of what it found, one `str.replace` per character that changes), re-enacted
  beside the real call, whose result they must equal;
- needle scan: the answer's UTF-8 encoding (`str.encode`) and the rubric's RE2 set
  `Match`;
- literal finds: every `str.find` of `terms.literal_spans` (the plain CJK phrases and
  together members), the last one that finds nothing included;
- RE2 searches: every `RE2.Match` of `terms._regex_spans` and its byte-to-character
  counts (`BytesToCharLen`);
- clause boundaries: the `finditer` of `answer.CLAUSE_BOUNDARY`, consumed;
- cue scans / denial searches: the cue scanner's `finditer` per clause with a match, and
  every search of the closing-denial pattern;
- other rule regexes: every call of any other module-level pattern of the grader
  (`pmquiz.grading.*`, `pmquiz.text`): words, verdicts, opinions, keyword lists ...;
- result tuples: each `tuple.__new__` of a `Match` / `PointResult` (scoring's `_new`), and
  per grade the `object.__new__` of the `Grade` and a dict of its 13 fields (standing in
  for writing them into its `__dict__`).

What it cannot count (so the floor is a lower bound, and a generous one):
- the glue itself: every Python line, attribute lookup, function call, loop, slice,
  comparison, `in` test, dict and set operation of the rules (the caches of clause facts,
  the spans lists, the candidates lists) is taken to cost nothing;
- the attribute reads of the match objects (`m.span()`, `m.lastgroup`, `m.group()`);
- anything a compiled implementation of the rules could skip is still counted (a
  `finditer` the rules consume only in part is replayed whole);
- the replay calls each primitive through `operator.call`, a C-level call that costs some
  tens of nanoseconds, about what calling it from Python costs at least.
It runs on one core and reads CPU time (`time.process_time`): on a shared machine the
figures move by ±20-30%; the ratios of one run are steadier than its absolute numbers.

    python benchmarks/grading_floor.py [--rounds R] [--repeat K]

Instructions instead of CPU time (steady on a shared machine): `--part` runs the recording
and then only one part, once over the 2,000 pairs, so that under
`valgrind --tool=callgrind` the difference between `--part replay` (or `--part whole`)
and `--part none` is the floor's (or the whole grades') instructions for 2,000 grades.
"""

from __future__ import annotations

import argparse
import operator
import sys
import time
from collections import Counter, deque
from collections.abc import Callable
from itertools import chain, starmap
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BUDGET_US = 50.0  # 1e6 µs / 20,000 answers (SPEC 9)
WARMUP = 8_000
PAIRS = 2_000  # the benchmark's distinct (question, answer) pairs: lcm(25, 2000)

KINDS = ("normalising", "needle scan", "literal finds", "RE2 searches",
         "clause boundaries", "cue scans", "denial searches", "other rule regexes",
         "result tuples")
# Module-level patterns recorded under a kind of their own (the rest: other rule regexes).
_PATTERN_KINDS = {"CLAUSE_BOUNDARY": "clause boundaries", "_DENIAL": "denial searches"}
_ITERATING = frozenset({"finditer"})
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub")


class Recording:
    """The recorded calls, per kind: plain ones (fn, *args), and those whose result is an
    iterator to consume; and counts of what the rules did, per grade."""

    def __init__(self) -> None:
        self.calls: dict[str, list[tuple[Any, ...]]] = {k: [] for k in KINDS}
        self.iters: dict[str, list[tuple[Any, ...]]] = {k: [] for k in KINDS}
        self.counts: Counter[str] = Counter()
        self.on = False

    def call(self, kind: str, *call: Any) -> None:
        if self.on:
            self.calls[kind].append(call)

    def iterate(self, kind: str, *call: Any) -> None:
        if self.on:
            self.iters[kind].append(call)

    def count(self, what: str, n: int = 1) -> None:
        if self.on:
            self.counts[what] += n


class _PatternProxy:
    """Stands in for a compiled (or lazy) pattern; records each method call."""

    def __init__(self, real: Any, kind: str, name: str, rec: Recording) -> None:
        self._real = real
        for method in _METHODS:
            setattr(self, method, self._wrap(method, kind, name, rec))

    def _wrap(self, method: str, kind: str, name: str, rec: Recording
              ) -> Callable[..., Any]:
        real = self._real

        def call(*args: Any) -> Any:
            bound = getattr(real, method)
            if method in _ITERATING:
                rec.iterate(kind, bound, *args)
            else:
                rec.call(kind, bound, *args)
            rec.count(f"{kind}: {name}.{method}")
            return bound(*args)

        return call

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


class _Patches:
    """Attributes replaced for the recording pass, put back afterwards."""

    def __init__(self) -> None:
        self._saved: list[tuple[Any, str, Any]] = []

    def set(self, obj: Any, name: str, value: Any) -> None:
        self._saved.append((obj, name, getattr(obj, name)))
        _put(obj, name, value)

    def undo(self) -> None:
        for obj, name, value in reversed(self._saved):
            _put(obj, name, value)
        self._saved.clear()


def _put(obj: Any, name: str, value: Any) -> None:
    """setattr, also on a frozen dataclass instance (the cue set)."""
    if isinstance(obj, type):
        setattr(obj, name, value)
    else:
        object.__setattr__(obj, name, value)


def _instrument(rec: Recording, rubrics: list[Any]) -> _Patches:
    import re

    import pmquiz.text as text_mod
    from pmquiz.grading import (
        answer,
        cues,
        factors,
        lists,
        negation,
        results,
        rubric,
        scan,
        scoring,
        terms,
        verdicts,
        words,
    )
    from pmquiz.grading.lazyre import LazyPattern

    patches = _Patches()
    modules = (answer, cues, factors, lists, negation, results, rubric, scan, scoring,
               terms, verdicts, words, text_mod)
    for mod in modules:
        for name, obj in list(vars(mod).items()):
            if isinstance(obj, re.Pattern | LazyPattern):
                kind = _PATTERN_KINDS.get(name, "other rule regexes")
                patches.set(mod, name, _PatternProxy(obj, kind, name, rec))
    for cueset in {id(r.cues): r.cues for r in rubrics}.values():
        patches.set(cueset, "scanner", _PatternProxy(cueset.scanner, "cue scans",
                                                     "CueSet.scanner", rec))

    # Normalising: fold_simply's calls, re-enacted beside it (and checked against it).
    special = text_mod._special()
    fold_simply = text_mod.fold_simply
    simple_fold = text_mod._SIMPLE_FOLD

    def recorded_fold(text: str) -> str | None:
        out = fold_simply(text)
        rec.count("normalise: one-scan path" if out is not None else "normalise: plain path")
        if out is None or text.isascii():
            rec.count("normalise: not replayed (plain or ASCII path)")
            return out
        rec.call("normalising", str.isascii, text)
        t = text.replace("\uff0c", ",")
        rec.call("normalising", str.replace, text, "\uff0c", ",")
        found_list = special.findall(t)
        rec.call("normalising", special.findall, t)
        found = set(found_list)
        rec.call("normalising", set, found_list)
        for ch in found:
            folded = simple_fold[ch]
            if folded != ch:
                rec.call("normalising", str.replace, t, ch, folded)
                t = t.replace(ch, folded)
        assert t == out, "the re-enacted fold differs from fold_simply"
        return out

    patches.set(text_mod, "fold_simply", recorded_fold)

    # The needle scan: the answer's bytes and the RE2 set's Match.
    occurring = scan.NeedleScanner.occurring

    def recorded_occurring(self: Any, ans: Any) -> list[int]:
        rec.count("needle scans")
        if self._set is not None:
            if ans._utf8 is None:
                rec.call("needle scan", str.encode, ans.text, "utf-8", "surrogatepass")
            data = ans.utf8()[0]
            rec.call("needle scan", self._set.Match, data)
        else:
            rec.count("needle scans by the automaton (not replayed)")
        found = occurring(self, ans)
        rec.count("needles occurring", len(found))
        return found

    patches.set(scan.NeedleScanner, "occurring", recorded_occurring)

    # Literal finds: every str.find of literal_spans.
    literal_spans = terms.literal_spans

    def recorded_spans(text: str, needle: str) -> list[tuple[int, int]]:
        rec.count("literal_spans calls")
        out = literal_spans(text, needle)
        rec.call("literal finds", str.find, text, needle)
        size = len(needle)
        for i, _ in out:
            rec.call("literal finds", str.find, text, needle, i + size)
        return out

    patches.set(terms, "literal_spans", recorded_spans)
    patches.set(rubric, "literal_spans", recorded_spans)

    # RE2 searches: the wrapper's RE2 object and the byte counter, seen through proxies.
    regex_spans = terms._regex_spans
    internals = terms._re2_internals()

    class _RawProxy:
        def __init__(self, raw: Any) -> None:
            self._raw = raw

        def Match(self, *args: Any) -> Any:  # noqa: N802 - RE2's name
            rec.call("RE2 searches", self._raw.Match, *args)
            rec.count("RE2 Match calls")
            return self._raw.Match(*args)

    class _PatternOfRaw:
        def __init__(self, pattern: Any) -> None:
            self._regexp = _RawProxy(pattern._regexp)
            self._pattern = pattern

        def finditer(self, text: str) -> Any:
            rec.count("RE2 finditer (public API, not replayed)")
            return self._pattern.finditer(text)

    def bytes_to_chars(*args: Any) -> Any:
        rec.call("RE2 searches", internals[1], *args)
        return internals[1](*args)

    patches.set(terms, "_re2_internals", lambda: (internals[0], bytes_to_chars))

    def recorded_regex_spans(pattern: Any, ans: Any) -> list[tuple[int, int]]:
        rec.count("regex term searches")
        if getattr(pattern, "_regexp", None) is None:
            return regex_spans(pattern, ans)
        return regex_spans(_PatternOfRaw(pattern), ans)

    patches.set(terms, "_regex_spans", recorded_regex_spans)

    # Result tuples.
    new = scoring._new

    def recorded_new(cls: Any, fields: tuple[Any, ...]) -> Any:
        rec.call("result tuples", new, cls, fields)
        rec.count(f"{cls.__name__} built")
        return new(cls, fields)

    patches.set(scoring, "_new", recorded_new)
    open_grade = scoring.open_grade

    def recorded_open_grade(*args: Any) -> Any:
        g = open_grade(*args)
        rec.call("result tuples", object.__new__, type(g))
        rec.call("result tuples", dict, dict(vars(g)))
        return g

    patches.set(scoring, "open_grade", recorded_open_grade)

    # Counts of what the rules do (no calls recorded).
    def counting(owner: Any, name: str, what: str,
                 before: Callable[..., None] | None = None) -> None:
        real = getattr(owner, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            rec.count(what)
            if before is not None:
                before(*args)
            return real(*args, **kwargs)

        patches.set(owner, name, counted)

    def negation_miss(ans: Any, start: int, end: int, _cues: Any) -> None:
        if (start, end) not in ans.negated:
            rec.count("is_negated: worked out (not cached)")

    for owner in (scoring, terms):
        counting(owner, "is_negated", "is_negated calls", negation_miss)
        counting(owner, "denied_by_verdict", "denied_by_verdict calls")
    counting(terms, "negated_apart_from_denial", "negated_apart_from_denial calls")
    counting(negation, "_scan_cues", "clauses scanned for cues")
    counting(negation, "_closing_denial", "clauses checked for a closing denial")
    counting(negation, "_negated_before", "cue chains analysed (_negated_before)")
    counting(negation, "judged_claims", "judged_claims calls")
    counting(terms.CompiledTerm, "find", "term searches (CompiledTerm.find)")
    counting(terms.TogetherTerm, "evaluate", "together terms evaluated")
    counting(scoring, "_evaluate", "points evaluated (with candidates)")
    counting(answer.AnswerText, "_find_boundaries", "answers split into clauses")
    counting(answer.AnswerText, "words", "AnswerText.words calls")
    return patches


def _replay(rec: Recording, kind: str) -> Callable[[], None]:
    calls = rec.calls[kind]
    iters = rec.iters[kind]
    call = operator.call

    def run() -> None:
        deque(starmap(call, calls), 0)
        deque(chain.from_iterable(starmap(call, iters)), 0)

    return run


def _cpu(work: Callable[[], None], repeat: int) -> float:
    start = time.process_time()
    for _ in range(repeat):
        work()
    return (time.process_time() - start) / repeat


def workload() -> tuple[list[Any], list[str]]:
    from run import REPO, make_answers

    from pmquiz.loader import load_bank

    bank = load_bank(REPO / "questions" / "backoffice-pm.zh.yaml")
    questions = [q for q in bank.questions if q.type == "open"]
    return questions, make_answers(2000)


def record(questions: list[Any], answers: list[str]) -> Recording:
    """Warm up as the benchmark does, then record the calls of its 2,000 pairs."""
    from pmquiz.grading import compile_rubric, grade

    n = len(questions)
    for i in range(WARMUP):
        grade(questions[i % n], answers[i % len(answers)])
    rubrics = [compile_rubric(q) for q in questions]
    assert all(r.scanner.uses_set for r in rubrics), "a rubric still scans by automaton"
    plain = [grade(questions[i % n], answers[i % len(answers)]) for i in range(PAIRS)]
    rec = Recording()
    patches = _instrument(rec, rubrics)
    try:
        rec.on = True
        recorded = [grade(questions[i % n], answers[i % len(answers)]) for i in range(PAIRS)]
        rec.on = False
    finally:
        patches.undo()
    assert recorded == plain, "the recorded grades differ from the plain ones"
    return rec


def measure(rounds: int, repeat: int) -> tuple[dict[str, float], float, Recording]:
    """µs per answer of each kind's replay and of the whole grade (best of `rounds`)."""
    from pmquiz.grading import grade

    questions, answers = workload()
    rec = record(questions, answers)
    n = len(questions)

    def whole() -> None:
        for i in range(PAIRS):
            grade(questions[i % n], answers[i % len(answers)])

    works: dict[str, Callable[[], None]] = {k: _replay(rec, k) for k in KINDS}
    works["whole grade"] = whole
    best = dict.fromkeys(works, float("inf"))
    for _ in range(rounds):  # interleaved, the best kept: the machine may be shared
        for name, work in works.items():
            best[name] = min(best[name], _cpu(work, repeat) / PAIRS * 1e6)
    whole_us = best.pop("whole grade")
    return best, whole_us, rec


def run_part(part: str) -> None:
    """Record, then replay every kind once, or grade the 2,000 pairs once, or nothing."""
    from pmquiz.grading import grade

    questions, answers = workload()
    rec = record(questions, answers)
    if part == "replay":
        for kind in KINDS:
            _replay(rec, kind)()
    elif part == "whole":
        n = len(questions)
        for i in range(PAIRS):
            grade(questions[i % n], answers[i % len(answers)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds (best kept)")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the 2,000 pairs a round")
    parser.add_argument("--part", choices=("none", "replay", "whole"),
                        help="record, then run only this part once (for callgrind)")
    args = parser.parse_args()
    if args.part is not None:
        run_part(args.part)
        return
    floor, whole, rec = measure(args.rounds, args.repeat)
    total = sum(floor.values())

    def row(name: str, us: float) -> str:
        return f"  {name:<22} {us:7.2f} µs  {100 * us / BUDGET_US:5.1f}% of 50 µs"

    print(f"Benchmark workload: {PAIRS:,} grades (25 zh open questions x 2,000 answers of "
          "300 characters), after an 8,000-grade warm-up; CPU time, best of "
          f"{args.rounds} interleaved rounds of {args.repeat} passes.")
    print("C-level primitives replayed (what a grade would cost with free glue):")
    for kind in KINDS:
        calls = len(rec.calls[kind]) + len(rec.iters[kind])
        print(row(kind, floor[kind]) + f"   ({calls / PAIRS:5.1f} calls a grade)")
    print(row("floor, all primitives", total))
    print(row("whole grade", whole) + f"   ({1e6 / whole:,.0f} answers/s)")
    print(row("glue (whole - floor)", whole - total)
          + f"   ({100 * (whole - total) / whole:.0f}% of the grade)")
    print("Calls per grade:")
    for what, n in sorted(rec.counts.items()):
        print(f"  {what:<58} {n / PAIRS:8.2f}")


if __name__ == "__main__":
    main()
