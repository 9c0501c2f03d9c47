"""The typed model of a question bank, shared by every part of pmquiz.

Built by `loader` from YAML; read by grading, checking, sessions and views. All frozen:
a loaded bank never changes under the code that uses it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

QuestionType = Literal["open", "choice", "truefalse"]
QUESTION_TYPES: tuple[QuestionType, ...] = ("open", "choice", "truefalse")
DEFAULT_THRESHOLD = 0.6


@dataclass(frozen=True)
class Term:
    """One rubric term as the author wrote it: a phrase, `re:PATTERN` or `@group`, or a
    `together` term: groups of such terms (any of a group), all in one clause (SPEC 3).

    A together term's `text` is a readable rendering (`together: 懂|弄懂 + 业务`) for views
    and messages; its `together` holds the groups.
    """

    text: str
    together: tuple[tuple[Term, ...], ...] = ()

    @property
    def is_together(self) -> bool:
        return bool(self.together)

    @property
    def is_regex(self) -> bool:
        return not self.together and self.text.startswith("re:")

    @property
    def is_group(self) -> bool:
        return not self.together and self.text.startswith("@")

    @property
    def pattern(self) -> str:
        return self.text[3:]

    @property
    def group(self) -> str:
        return self.text[1:]


@dataclass(frozen=True)
class Point:
    """A rubric point (or penalty): hit when its `any` and `all` conditions hold.

    `label` is the author's label, or the point's id when the bank gives none (SPEC 3).
    """

    id: str
    label: str
    weight: float = 1.0
    required: bool = False
    any: tuple[Term, ...] = ()
    all: tuple[Term, ...] = ()
    negatable: bool = True
    line: int | None = None


@dataclass(frozen=True)
class Rubric:
    points: tuple[Point, ...] = ()
    penalties: tuple[Point, ...] = ()
    threshold: float | None = None


@dataclass(frozen=True)
class Example:
    """A rubric test: an answer and the verdict (or score range) a human would give."""

    answer: str
    expect: Literal["pass", "fail"] | None = None
    score: tuple[float, float] | None = None
    line: int | None = None


@dataclass(frozen=True)
class Question:
    bank_id: str
    id: str
    type: QuestionType
    prompt: str
    tags: tuple[str, ...] = ()
    difficulty: int = 1
    hint: str | None = None
    reference: str | None = None
    rubric: Rubric = field(default_factory=Rubric)
    threshold: float = DEFAULT_THRESHOLD
    options: Mapping[str, str] = field(default_factory=dict)
    answer: tuple[str, ...] | bool | None = None
    examples: tuple[Example, ...] = ()
    # `lists: true`: a bare list of terms is a fair answer (the prompt asks to name things).
    lists: bool = False
    # Bank-level settings the grader needs; shared by every question of the bank.
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    negation_cues: tuple[str, ...] = ()
    line: int | None = None
    source_path: str = ""

    @property
    def ref(self) -> str:
        return f"{self.bank_id}/{self.id}"

    @property
    def first_line(self) -> str:
        for line in self.prompt.splitlines():
            if line.strip():
                return line.strip()
        return ""


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    language: str
    path: Path
    version: int = 1
    threshold: float = DEFAULT_THRESHOLD
    source: Mapping[str, str] = field(default_factory=dict)
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    synonym_lines: Mapping[str, int] = field(default_factory=dict)
    negation_cues: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()

    def question(self, question_id: str) -> Question | None:
        for q in self.questions:
            if q.id == question_id:
                return q
        return None
