"""Which words of a graded answer are marked, and how: shared by the Rich face (styles)
and the plain face (brackets), with no Rich import."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pmquiz.grading import Grade, PointResult
from pmquiz.sanitize import visible

Mark = Literal["hit", "negated", "penalty"]
# Without colour each kind of mark has brackets of its own (named by the legend).
MARKERS: dict[Mark, tuple[str, str]] = {
    "hit": ("[", "]"), "negated": ("{¬", "}"), "penalty": ("<!", ">")}


def answer_marks(grade: Grade) -> list[tuple[int, int, Mark]]:
    """Where the answer matched, left to right and without overlaps (the outermost span
    wins), and how: a penalty term that counted, a rubric term that counted, or negated
    (only when every match there was)."""
    kinds: dict[tuple[int, int], set[Mark]] = {}
    groups: tuple[tuple[Sequence[PointResult], Mark], ...] = (
        (grade.points, "hit"), (grade.penalties, "penalty"))
    for results, counted in groups:
        for result in results:
            for match in result.matches:
                kinds.setdefault(match.span, set()).add("negated" if match.negated else counted)
    chosen: list[tuple[int, int, Mark]] = []
    for (start, end), found in sorted(kinds.items(), key=lambda s: (s[0][0], -s[0][1])):
        if not chosen or start >= chosen[-1][1]:
            mark: Mark = ("penalty" if "penalty" in found else
                          "hit" if "hit" in found else "negated")
            chosen.append((start, end, mark))
    return chosen


def bracketed(grade: Grade) -> str:
    """The answer (control characters made visible) with each mark in its brackets."""
    answer = visible(grade.answer)
    out: list[str] = []
    pos = 0
    for start, end, mark in answer_marks(grade):
        opening, closing = MARKERS[mark]
        out.extend([answer[pos:start], opening, answer[start:end], closing])
        pos = end
    out.append(answer[pos:])
    return "".join(out)
