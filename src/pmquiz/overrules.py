"""The answers a user overruled, regraded against today's rubric (SPEC 8).

An overrule (`:pass` / `:fail` after the feedback) is a person saying the rubric got an
answer wrong: the best evidence a bank author has. Each one is regraded with the question
as it stands now; those still graded otherwise become `examples:` entries for the bank.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pmquiz.grading import Grade, grade
from pmquiz.model import Bank, Question
from pmquiz.store import Attempt, History


@dataclass(frozen=True)
class Overrule:
    """One overruled attempt: the grade it got, the user's verdict, and today's grade."""

    attempt: Attempt
    graded_passed: bool
    question: Question | None  # None: not in the loaded banks
    today: Grade | None

    @property
    def verdict(self) -> bool:
        """The user's verdict: True for `:pass`."""
        return self.attempt.passed

    @property
    def still_disagrees(self) -> bool:
        return self.today is not None and self.today.passed != self.verdict

    @property
    def expect(self) -> str:
        return "pass" if self.verdict else "fail"


def find_overrules(history: History, banks: Sequence[Bank],
                   only_banks: Iterable[str] | None = None) -> list[Overrule]:
    """Every overrule in the history, newest first, regraded with the loaded `banks`.

    `only_banks` keeps the overrules of those bank ids (the banks a user named).
    """
    wanted = set(only_banks) if only_banks is not None else None
    by_ref = {q.ref: q for b in banks for q in b.questions}
    out: list[Overrule] = []
    for attempt, graded_passed in history.overruled():
        if wanted is not None and attempt.bank_id not in wanted:
            continue
        question = by_ref.get(attempt.ref)
        today = grade(question, attempt.answer) if question is not None else None
        out.append(Overrule(attempt, graded_passed, question, today))
    return out


@dataclass(frozen=True)
class ExampleGroup:
    """New `examples:` entries for one question, from its overrules still disagreeing."""

    question: Question
    overrules: tuple[Overrule, ...]


def example_groups(overrules: Sequence[Overrule]) -> list[ExampleGroup]:
    """The overrules of open questions still graded otherwise, grouped by question (newest
    question first). An answer already among the question's examples, or overruled twice,
    appears once.
    """
    groups: dict[str, list[Overrule]] = {}
    questions: dict[str, Question] = {}
    seen: set[tuple[str, str]] = set()
    for item in overrules:
        if not item.still_disagrees or item.question is None or item.question.type != "open":
            continue  # examples test rubrics; a choice's answer key is fixed in the bank
        key = (item.attempt.ref, item.attempt.answer)
        existing = {e.answer for e in item.question.examples}
        if key in seen or item.attempt.answer in existing:
            continue
        seen.add(key)
        groups.setdefault(item.attempt.ref, []).append(item)
        questions[item.attempt.ref] = item.question
    return [ExampleGroup(questions[ref], tuple(items)) for ref, items in groups.items()]


def yaml_scalar(text: str) -> str:
    """`text` as a YAML scalar on one line that reads back as exactly `text`: plain or
    single-quoted where that is faithful, else double-quoted with escapes (line breaks,
    control characters)."""
    import yaml

    width = 2**31 - 1  # never fold a long answer
    plain: str = yaml.safe_dump({"a": text}, allow_unicode=True, width=width)
    scalar = plain[len("a: "):].rstrip("\n")
    breaks = ("\n", "\r", "\x85", "\u2028", "\u2029")
    if not any(b in scalar for b in breaks) and yaml.safe_load(plain) == {"a": text}:
        return scalar
    quoted: str = yaml.safe_dump(text, allow_unicode=True, width=width, default_style='"')
    return quoted.rstrip("\n")
