"""What grading returns: one frozen `Grade` per answer, explaining itself.

The terminal view, the JSON document (SPEC 4) and the history row are all renderings of
these objects. Results are immutable; per-term and per-point results are NamedTuples
because grading builds several per answer and a tuple is cheap to make.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from pmquiz.model import Point

KEYWORD_LIST = "keyword-list"  # the flag of an answer that is a bare run of keywords


class Match(NamedTuple):
    """One occurrence of a term: what matched, where in the original answer, negated?"""

    term: str
    span: tuple[int, int]
    negated: bool

    def to_json(self) -> dict[str, Any]:
        return {"term": self.term, "span": list(self.span), "negated": self.negated}


class PointResult(NamedTuple):
    """One rubric point (or penalty) judged on one answer.

    Immutable like every result (a NamedTuple: grading builds several per answer, and
    a tuple is several times cheaper to make than a frozen dataclass).
    """

    id: str
    label: str
    weight: float
    hit: bool
    negated: bool
    term: str | None
    span: tuple[int, int] | None
    matches: tuple[Match, ...]
    required: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "weight": _number(self.weight),
            "hit": self.hit,
            "negated": self.negated,
            "term": self.term,
            "span": list(self.span) if self.span is not None else None,
            "matches": [m.to_json() for m in self.matches],
        }


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer, with everything needed to explain it."""

    question: str  # BANK_ID/QUESTION_ID
    type: Literal["open", "choice", "truefalse"]
    answer: str
    score: float
    passed: bool
    threshold: float
    points: tuple[PointResult, ...] = ()
    penalties: tuple[PointResult, ...] = ()
    missed: tuple[str, ...] = ()
    missed_required: tuple[str, ...] = ()
    expected: list[str] | bool | None = None
    given: list[str] | bool | None = None
    # Facts about the answer as a whole that bear on the verdict: "keyword-list" (SPEC 4).
    flags: tuple[str, ...] = ()

    @property
    def keyword_list(self) -> bool:
        """A bare run of keywords, failed whatever its score (the question has no lists)."""
        return KEYWORD_LIST in self.flags

    @property
    def hit_points(self) -> list[str]:
        return [p.id for p in self.points if p.hit]

    @property
    def point_results(self) -> tuple[PointResult, ...]:
        """The points, then the penalties."""
        return (*self.points, *self.penalties)

    def marked_spans(self) -> list[tuple[int, int, bool]]:
        """Where the answer matched, left to right and without overlaps (the outermost
        span wins): (start, end, negated), negated only when every match there was.
        What a front end highlights, in the terminal or in a report."""
        spans: dict[tuple[int, int], bool] = {}
        for result in self.point_results:
            for match in result.matches:
                spans[match.span] = spans.get(match.span, True) and match.negated
        chosen: list[tuple[int, int, bool]] = []
        for (start, end), negated in sorted(spans.items(), key=lambda s: (s[0][0], -s[0][1])):
            if not chosen or start >= chosen[-1][1]:
                chosen.append((start, end, negated))
        return chosen

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "question": self.question,
            "type": self.type,
            "score": round(self.score, 4),
            "passed": self.passed,
            "threshold": self.threshold,
            "flags": list(self.flags),
            "points": [p.to_json() for p in self.points],
            "penalties": [p.to_json() for p in self.penalties],
            "missed": list(self.missed),
        }
        if self.type != "open":
            doc["expected"] = self.expected
            doc["given"] = self.given
        return doc


def open_grade(question: str, answer: str, score: float, passed: bool, threshold: float,
               points: tuple[PointResult, ...], penalties: tuple[PointResult, ...],
               missed: tuple[str, ...], missed_required: tuple[str, ...],
               flags: tuple[str, ...]) -> Grade:
    """`Grade(question=question, type="open", ...)`, the same object made faster.

    A frozen dataclass's __init__ sets each of its 13 fields through
    object.__setattr__ (about 1.3 µs, more than the score and verdict together); writing
    the new instance's __dict__ directly gives an equal, equally frozen Grade in a
    quarter of the time. Every open answer graded makes one (tests/test_scoring_speed.py
    compares the two).
    """
    grade = _new_object(Grade)
    fields = grade.__dict__
    fields["question"] = question
    fields["type"] = "open"
    fields["answer"] = answer
    fields["score"] = score
    fields["passed"] = passed
    fields["threshold"] = threshold
    fields["points"] = points
    fields["penalties"] = penalties
    fields["missed"] = missed
    fields["missed_required"] = missed_required
    fields["expected"] = None
    fields["given"] = None
    fields["flags"] = flags
    return grade


_new_object = object.__new__


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value



def empty_result(point: Point) -> PointResult:
    """A point none of whose terms occurs in the answer."""
    return PointResult(point.id, point.label, point.weight, False, False, None, None, (),
                       point.required)
