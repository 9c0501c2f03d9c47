"""Whether a one-line answer to a choice or true/false question can be read at all.

practice asks such an answer again (SPEC 6: "maybe" or "Z" is never graded); `grade`
refuses it with exit 2, naming the options, since letters that are no option (the M, Y
and E of "maybe") would otherwise be graded as wrong picks.
"""

from __future__ import annotations

from pmquiz.grading import parse_choice, parse_truefalse
from pmquiz.model import Question


def readable(question: Question, line: str) -> bool:
    """Whether a one-line answer says something: letters that are all options of a choice
    question; a word for true or false. Open answers always are."""
    if question.type == "choice":
        picked = parse_choice(line)
        return bool(picked) and (not question.options or set(picked) <= set(question.options))
    if question.type == "truefalse":
        return parse_truefalse(line) is not None
    return True
