"""Rubric tests: grade every example of every bank and look for rubric smells (SPEC 8).

`check(banks, errors)` returns a frozen `CheckReport`, modelled on a grader's "test this
question" report (the Open University's PMatch): per bank and per question, how often the
rubric agrees with the author's expectations, the false passes and false fails, and the
rubric points that no example ever hits. It also returns warnings:

- an open question without at least one passing and one failing example (a rubric tested
  from one side only says nothing about the other);
- a term that already occurs in the question's own prompt (an answer that repeats the
  question earns that point for free);
- a synonym group no `@term` of the bank refers to (dead text, often a typo in a reference);
- a rubric point or penalty that no example hits (an untested rule).

Nothing here prints: `pmquiz.commands.check` renders the report as text, JSON or JUnit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pmquiz.errors import ExitCode, Problem
from pmquiz.grading import AnswerText, Grade, compile_term, grade
from pmquiz.model import Bank, Example, Point, Question, Term

WarningKind = Literal["examples", "term-in-prompt", "unused-synonyms", "unhit-point"]
Verdict = Literal["pass", "fail"]
Disagreement = Literal["false pass", "false fail", "score out of range"]
Advice = Literal["keyword list", "false pass", "false fail", "score out of range"]


def _round(value: float) -> float:
    return round(value, 4)


def expected_verdict(example: Example, threshold: float) -> Verdict | None:
    """The verdict an example asks for: its `expect`, or what its score range implies.

    A range entirely at or above the pass mark asks for a pass, one entirely below it for
    a fail; a range straddling the pass mark asks for neither.
    """
    if example.expect is not None:
        return example.expect
    if example.score is not None:
        low, high = example.score
        if low >= threshold:
            return "pass"
        if high < threshold:
            return "fail"
    return None


# ---------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class ExampleResult:
    """One example graded, and whether the grade is what its author expected."""

    bank: str
    question: str  # the question id
    index: int  # 1-based position among the question's examples
    example: Example
    grade: Grade
    threshold: float
    path: str

    @property
    def ref(self) -> str:
        return f"{self.bank}/{self.question}"

    @property
    def name(self) -> str:
        """The test case's name: `question-id[#index]`."""
        return f"{self.question}[#{self.index}]"

    @property
    def location(self) -> str:
        return f"{self.path}:{self.example.line}" if self.example.line else self.path

    @property
    def expected(self) -> Verdict | tuple[float, float]:
        if self.example.score is not None:
            return self.example.score
        return self.example.expect or "pass"

    @property
    def agrees(self) -> bool:
        if self.example.score is not None:
            low, high = self.example.score
            return low <= self.grade.score <= high  # inclusive, on the exact score
        return self.grade.passed == (self.example.expect == "pass")

    @property
    def disagreement(self) -> Disagreement | None:
        """How the rubric got it wrong: a false pass, a false fail, or a score off range."""
        if self.agrees:
            return None
        wanted = expected_verdict(self.example, self.threshold)
        if wanted == "fail" and self.grade.passed:
            return "false pass"
        if wanted == "pass" and not self.grade.passed:
            return "false fail"
        return "score out of range"

    @property
    def advice(self) -> Advice | None:
        """What to tell the author: the disagreement, unless a false fail is down to a
        bare keyword list (then the fix is the question's `lists`, not its terms)."""
        if self.disagreement == "false fail" and self.grade.keyword_list:
            return "keyword list"
        return self.disagreement

    def to_json(self) -> dict[str, Any]:
        wanted = self.expected
        expected = list(wanted) if isinstance(wanted, tuple) else wanted
        return {
            "bank": self.bank,
            "question": self.question,
            "index": self.index,
            "file": self.path,
            "line": self.example.line,
            "answer": self.example.answer,
            "expected": expected,
            "score": _round(self.grade.score),
            "passed": self.grade.passed,
            "result": "pass" if self.agrees else "fail",
            "problem": self.disagreement,
            "hit": [p.id for p in self.grade.points if p.hit],
            "negated": [p.id for p in self.grade.points if p.negated],
            "missed_required": list(self.grade.missed_required),
            "penalties": [p.id for p in self.grade.penalties if p.hit],
            "flags": list(self.grade.flags),
        }


@dataclass(frozen=True)
class CheckWarning:
    """A rubric smell: a warning, or a failure under `--strict`."""

    kind: WarningKind
    path: str
    line: int | None
    bank: str
    message: str
    question: str | None = None
    point: str | None = None
    # The UI-string key and values that say `message` in the user's language (views).
    key: str | None = None
    values: tuple[tuple[str, str], ...] = ()

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "file": self.path,
            "line": self.line,
            "bank": self.bank,
            "question": self.question,
            "point": self.point,
            "message": self.message,
        }


class _ExampleTally:
    """Counts over a report's examples, shared by the question and bank reports."""

    def _results(self) -> tuple[ExampleResult, ...]:
        raise NotImplementedError

    @property
    def passed(self) -> int:
        return sum(1 for r in self._results() if r.agrees)

    @property
    def failed(self) -> int:
        return len(self._results()) - self.passed

    @property
    def accuracy(self) -> float | None:
        results = self._results()
        return self.passed / len(results) if results else None

    @property
    def false_passes(self) -> int:
        return sum(1 for r in self._results() if r.disagreement == "false pass")

    @property
    def false_fails(self) -> int:
        return sum(1 for r in self._results() if r.disagreement == "false fail")

    def _tally_json(self) -> dict[str, Any]:
        accuracy = self.accuracy
        return {
            "examples": len(self._results()),
            "passed": self.passed,
            "failed": self.failed,
            "accuracy": _round(accuracy) if accuracy is not None else None,
            "false_passes": self.false_passes,
            "false_fails": self.false_fails,
        }


@dataclass(frozen=True)
class QuestionReport(_ExampleTally):
    question: Question
    examples: tuple[ExampleResult, ...]
    unhit: tuple[Point, ...]  # rubric points and penalties no example hits

    def _results(self) -> tuple[ExampleResult, ...]:
        return self.examples

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.question.id,
            "type": self.question.type,
            **self._tally_json(),
            "unhit_points": [p.id for p in self.unhit],
        }


@dataclass(frozen=True)
class BankReport(_ExampleTally):
    bank: Bank
    questions: tuple[QuestionReport, ...]
    warnings: tuple[CheckWarning, ...]

    @property
    def examples(self) -> tuple[ExampleResult, ...]:
        return tuple(r for q in self.questions for r in q.examples)

    def _results(self) -> tuple[ExampleResult, ...]:
        return self.examples

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.bank.id,
            "path": str(self.bank.path),
            **self._tally_json(),
            "questions": [q.to_json() for q in self.questions],
        }


@dataclass(frozen=True)
class CheckReport:
    """Everything `pmquiz check` found: load errors, graded examples and warnings."""

    banks: tuple[BankReport, ...]
    errors: tuple[Problem, ...] = ()

    @property
    def examples(self) -> tuple[ExampleResult, ...]:
        return tuple(r for b in self.banks for r in b.examples)

    @property
    def failures(self) -> tuple[ExampleResult, ...]:
        return tuple(r for r in self.examples if not r.agrees)

    @property
    def warnings(self) -> tuple[CheckWarning, ...]:
        return tuple(w for b in self.banks for w in b.warnings)

    @property
    def passed(self) -> int:
        return sum(b.passed for b in self.banks)

    @property
    def failed(self) -> int:
        return sum(b.failed for b in self.banks)

    def exit_code(self, strict: bool) -> ExitCode:
        """2 for any invalid bank (even when examples fail too), 1 for any disagreement
        (or any warning under --strict), else 0."""
        if self.errors:
            return ExitCode.BAD_INPUT
        if self.failed or (strict and self.warnings):
            return ExitCode.FAILED
        return ExitCode.OK

    def summary(self) -> str:
        """The closing line, `N passed, N failed` (examples only)."""
        return f"{self.passed} passed, {self.failed} failed"

    def to_json(self, strict: bool = False) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "failed": self.failed,
            "strict": strict,
            "warnings": [w.to_json() for w in self.warnings],
            "errors": [problem_json(p) for p in self.errors],
            "banks": [b.to_json() for b in self.banks],
            "examples": [r.to_json() for r in self.examples],
        }


def problem_json(problem: Problem) -> dict[str, Any]:
    return {"file": problem.path, "line": problem.line, "column": problem.column,
            "message": problem.message}


# ---------------------------------------------------------------------------------------
# Running the checks


def check(banks: Sequence[Bank], errors: Sequence[Problem] = ()) -> CheckReport:
    """Grade every example of every (valid) bank and collect the warnings."""
    return CheckReport(tuple(check_bank(b) for b in banks), tuple(errors))


def check_bank(bank: Bank) -> BankReport:
    path = str(bank.path)
    questions = tuple(check_question(q, path) for q in bank.questions)
    warnings = [*unused_synonym_warnings(bank)]
    for report in questions:
        warnings.extend(question_warnings(report, path))
    warnings.sort(key=lambda w: w.line or 0)
    return BankReport(bank, questions, tuple(warnings))


def check_question(question: Question, path: str) -> QuestionReport:
    results = tuple(
        ExampleResult(question.bank_id, question.id, i, example, grade(question, example.answer),
                      question.threshold, path)
        for i, example in enumerate(question.examples, start=1)
    )
    return QuestionReport(question, results, unhit_points(question, results))


def rubric_points(question: Question) -> tuple[Point, ...]:
    return (*question.rubric.points, *question.rubric.penalties)


def unhit_points(question: Question, results: Sequence[ExampleResult]) -> tuple[Point, ...]:
    """Points and penalties that no example hits with a counting (non-negated) match."""
    hit: set[str] = set()
    for result in results:
        hit.update(p.id for p in result.grade.point_results if p.hit)
    return tuple(p for p in rubric_points(question) if p.id not in hit)


# -- warnings -----------------------------------------------------------------------------


def question_warnings(report: QuestionReport, path: str) -> list[CheckWarning]:
    question = report.question
    if question.type != "open":
        return []
    warnings = [*coverage_warnings(question, path), *prompt_term_warnings(question, path)]
    if report.examples:  # without examples, the coverage warning already says it all
        warnings.extend(_unhit_warning(question, point, path) for point in report.unhit)
    return warnings


def coverage_warnings(question: Question, path: str) -> list[CheckWarning]:
    """An open question needs at least one passing and one failing example."""
    verdicts = {expected_verdict(e, question.threshold) for e in question.examples}
    missing = [v for v in ("pass", "fail") if v not in verdicts]
    if not missing:
        return []
    words = {"pass": "passing", "fail": "failing"}
    what = " or ".join(words[v] for v in missing)
    how = {"pass": "expect: pass, or a score range at or above the pass mark",
           "fail": "expect: fail, or a score range below the pass mark"}
    return [CheckWarning(
        "examples", path, question.line, question.bank_id,
        f"question '{question.id}' has no {what} example; add "
        + "; and ".join(f"a {words[v]} one ({how[v]})" for v in missing)
        + ", so its rubric is tested from both sides",
        question=question.id, key="warn_examples_" + "_".join(missing),
        values=(("question", question.id),),
    )]


def prompt_term_warnings(question: Question, path: str) -> list[CheckWarning]:
    """Terms that already occur in the prompt: repeating the question would earn them."""
    prompt = AnswerText.of(question.prompt)
    warnings: list[CheckWarning] = []
    for point in rubric_points(question):
        kind = "penalty" if point in question.rubric.penalties else "point"
        for term in _terms(point):
            member = _first_in_prompt(term, question, prompt)
            if member is None:
                continue
            shown = f"'{term.text}'" + (f" (member '{member}')" if term.is_group else "")
            warnings.append(CheckWarning(
                "term-in-prompt", path, point.line, question.bank_id,
                f"question '{question.id}', {kind} '{point.id}': term {shown} already occurs "
                "in the prompt, so an answer that repeats the question "
                + ("triggers it" if kind == "penalty" else "earns it for free")
                + "; use a term the prompt does not contain",
                question=question.id, point=point.id,
                key=f"warn_prompt_{kind}" + ("_member" if term.is_group else ""),
                values=(("question", question.id), ("point", point.id), ("term", term.text),
                        ("member", member)),
            ))
    return warnings


def _terms(point: Point) -> Iterator[Term]:
    seen: set[str] = set()
    for term in (*point.any, *point.all):
        if term.text not in seen:
            seen.add(term.text)
            yield term


def _first_in_prompt(term: Term, question: Question, prompt: AnswerText) -> str | None:
    """The first literal (or group member, or pattern) of `term` found in the prompt;
    for a together term, its text when every one of its groups occurs there."""
    if term.is_together:
        found = [[_first_in_prompt(member, question, prompt) for member in group]
                 for group in term.together]
        return term.text if all(any(group) for group in found) else None
    members = question.synonyms.get(term.group, ()) if term.is_group else (term.text,)
    for member in members:
        compiled = compile_term(member)
        if compiled is not None and compiled.find(prompt):
            return member
    return None


def _unhit_warning(question: Question, point: Point, path: str) -> CheckWarning:
    penalty = point in question.rubric.penalties
    if penalty:
        what = f"penalty '{point.id}' is never triggered by any example"
        fix = "add an example answer with the misconception it catches"
    else:
        what = f"point '{point.id}' is never hit by any example"
        fix = "add an example answer that earns it, or check its terms"
    return CheckWarning(
        "unhit-point", path, point.line, question.bank_id,
        f"question '{question.id}': {what}; {fix}",
        question=question.id, point=point.id,
        key="warn_unhit_penalty" if penalty else "warn_unhit_point",
        values=(("question", question.id), ("point", point.id)),
    )


def unused_synonym_warnings(bank: Bank) -> list[CheckWarning]:
    used = {
        term.group
        for question in bank.questions
        for point in rubric_points(question)
        for top in (*point.any, *point.all)
        # a group named inside a together term is used too
        for term in ((top,) if not top.is_together else
                     tuple(t for group in top.together for t in group))
        if term.is_group
    }
    return [
        CheckWarning(
            "unused-synonyms", str(bank.path), bank.synonym_lines.get(name), bank.id,
            f"synonym group '{name}' is not used by any term; refer to it as '@{name}' "
            "or delete it",
            key="warn_unused_synonyms", values=(("group", name),),
        )
        for name in bank.synonyms
        if name not in used
    ]


# ---------------------------------------------------------------------------------------
# Explaining a failing example: `checkreport.explain` words the result in the UI language,
# from its grade, `expected` and `advice`.


def marked_answer(graded: Grade) -> str:
    """The answer with counting matches in [brackets] and negated ones in {¬braces}."""
    out: list[str] = []
    pos = 0
    for start, end, negated in graded.marked_spans():
        piece = graded.answer[start:end]
        out.append(graded.answer[pos:start])
        out.append("{¬" + piece + "}" if negated else "[" + piece + "]")
        pos = end
    out.append(graded.answer[pos:])
    return "".join(out)
