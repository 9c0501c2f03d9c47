"""A mock interview (SPEC 10): open questions under a clock, no feedback until the end.

The interview is a practice session with three things taken away (hints, feedback and the
overrule pause) and one added (a time limit per answer). It reuses the session loop of
`pmquiz.session`, so answers are read exactly as practice reads them (a blank line or
Ctrl-D submits; piped answers are blank-line separated) and every answer is committed to
the history before the next question is shown, as an attempt in a session of kind `mock`.

The clock is the reader's job: a reader that can stop at a deadline (`TimedReader`, the
terminal line editor) shows the time left while the answer is typed and, when it runs
out, hands back what was typed so far and reports `timed_out`. A pipe has no clock: piped
answers are timed but never cut.

What the interview returns is a `MockReport`, a typed result that the views render on
screen (Rich), as Markdown and as an HTML page. Nothing here prints.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

from pmquiz.errors import HistoryError
from pmquiz.grading import Grade, grade
from pmquiz.model import Question
from pmquiz.reading import AnswerReader, command_word
from pmquiz.session import (
    Entry,
    Session,
    SessionScreen,
    _Action,
    _Quit,
    _Skip,
    _Submit,
    trim_blank_lines,
)

if TYPE_CHECKING:
    import sqlite3

    from pmquiz.lineeditor import LineEditor
    from pmquiz.store import Attempt, History

DEFAULT_COUNT = 5
MAX_MINUTES = 24 * 60.0

Countdown = Callable[[float], str]


@runtime_checkable
class TimedReader(Protocol):
    """An answer reader that can stop at a deadline (on `time.monotonic`).

    With a deadline set, `read_answer` shows the time left (`countdown(seconds_left)`
    gives the text) and, when the deadline passes, returns what was typed so far, sets
    `timed_out` and keeps that text in `typed`; every later `read_answer` returns None at
    once (as at the end of input) until the deadline is set again. `set_deadline(None)`
    clears all of it.
    """

    timed_out: bool
    typed: str

    def set_deadline(self, deadline: float | None, countdown: Countdown | None = None
                     ) -> None: ...


class TimedEditor:
    """The terminal's line editor (`pmquiz.lineeditor`) with the interview's clock: its
    `deadline` and `toolbar` hooks give the countdown under the answer and the time-out.

    `once` gives the text a terminal that redraws nothing (`TERM=dumb`) shows once, as
    the answer starts (e.g. the time left and when it runs out); the countdown's own
    text when not given."""

    interactive = True

    def __init__(self, editor: LineEditor, clock: Callable[[], float] = time.monotonic,
                 once: Countdown | None = None) -> None:
        self.editor = editor
        self.clock = clock
        self.once = once
        self.deadline: float | None = None
        self.countdown: Countdown | None = None
        self.timed_out = False
        self.typed = ""

    def set_deadline(self, deadline: float | None, countdown: Countdown | None = None
                     ) -> None:
        self.deadline, self.countdown = deadline, countdown
        self.timed_out, self.typed = False, ""

    def read_answer(self, prompt: str, *, multiline: bool = False, initial: str = "",
                    on_command: Callable[[str], bool] | None = None) -> str | None:
        deadline = self.deadline
        if deadline is None:
            return self.editor.read_answer(prompt, multiline=multiline, initial=initial,
                                           on_command=on_command)
        if self.timed_out:
            return None
        if multiline and initial:
            initial += "\n"  # as LineEditor.read_answer: typing goes on in a new line
        countdown = self.countdown

        def toolbar() -> str:
            left = deadline - self.clock()
            return countdown(left) if countdown is not None else f"{max(0.0, left):.0f}"

        once = self.once
        toolbar_once = None if once is None else lambda: once(deadline - self.clock())
        reading = self.editor.read(prompt, multiline=multiline, initial=initial,
                                   deadline=deadline, toolbar=toolbar,
                                   toolbar_once=toolbar_once, on_command=on_command)
        if reading.ended == "timeout":
            self.timed_out, self.typed = True, reading.text
            return reading.text
        return None if reading.ended == "eof" else reading.text


class InterviewScreen(SessionScreen, Protocol):
    """What the interview shows besides the session's header and messages."""

    def interview_question(self, question: Question, number: int, total: int,
                           allowed_seconds: float) -> None: ...

    def answer_recorded(self, time_up: bool) -> None: ...


# -- the result --------------------------------------------------------------------------


MarkKind = Literal["hit", "negated", "penalty"]


@dataclass(frozen=True)
class MockAnswer:
    """One question of the interview as it went: answered (graded) or skipped."""

    number: int
    question: Question
    grade: Grade | None  # None: skipped
    seconds: float
    allowed_seconds: float
    time_up: bool = False
    attempt_id: int | None = None

    @property
    def skipped(self) -> bool:
        return self.grade is None

    @property
    def passed(self) -> bool:
        return self.grade is not None and self.grade.passed

    @property
    def score(self) -> float:
        return self.grade.score if self.grade is not None else 0.0

    def answer_pieces(self) -> list[tuple[str, MarkKind | None]]:
        """The answer cut into pieces, each with how it is highlighted (None: plain)."""
        return answer_pieces(self.grade) if self.grade is not None else []


@dataclass(frozen=True)
class WeakPoint:
    """A rubric point missed in this interview; the same label in several questions
    counts once per answer that missed it."""

    label: str
    missed: int
    weight: float
    refs: tuple[str, ...]


@dataclass(frozen=True)
class MockReport:
    title: str
    started: datetime  # UTC
    allowed_seconds: float  # per question
    planned: int  # questions drawn
    answers: tuple[MockAnswer, ...]
    interrupted: bool = False
    quit_early: bool = False

    @property
    def answered(self) -> tuple[MockAnswer, ...]:
        return tuple(a for a in self.answers if not a.skipped)

    @property
    def passed(self) -> int:
        return sum(1 for a in self.answered if a.passed)

    @property
    def skipped(self) -> int:
        return len(self.answers) - len(self.answered)

    @property
    def timed_out(self) -> int:
        return sum(1 for a in self.answers if a.time_up)

    @property
    def mean_score(self) -> float | None:
        answered = self.answered
        return sum(a.score for a in answered) / len(answered) if answered else None

    @property
    def time_used(self) -> float:
        return sum(a.seconds for a in self.answers)

    @property
    def time_allowed(self) -> float:
        """The limit of every question asked (an interview cut short is not charged for
        the questions it never reached)."""
        return self.allowed_seconds * len(self.answers)

    @property
    def ended_early(self) -> bool:
        return self.interrupted or self.quit_early or len(self.answers) < self.planned

    def weakest(self, limit: int = 5) -> list[WeakPoint]:
        """The points missed most often, then the heaviest, in order of first miss."""
        found: dict[str, tuple[str, list[str], float, int]] = {}
        for answer in self.answered:
            assert answer.grade is not None
            for point in answer.grade.points:
                if point.hit:
                    continue
                key = " ".join(point.label.casefold().split())
                label, refs, weight, order = found.get(key, (point.label, [], 0.0, len(found)))
                refs.append(answer.question.ref)
                found[key] = (label, refs, weight + point.weight, order)
        ranked = sorted(found.values(), key=lambda v: (-len(v[1]), -v[2], v[3]))
        return [WeakPoint(label, len(refs), weight, tuple(refs))
                for label, refs, weight, _ in ranked[:limit]]


def answer_pieces(result: Grade) -> list[tuple[str, MarkKind | None]]:
    """The answer cut at every highlighted span (as `Grade.marked_spans` chooses them):
    a point's term is a hit, a negated one is negated, a penalty's term is a penalty."""
    point_spans = {m.span for p in result.points for m in p.matches}
    penalty_spans = {m.span for p in result.penalties for m in p.matches}
    text = result.answer
    pieces: list[tuple[str, MarkKind | None]] = []
    pos = 0
    for start, end, negated in result.marked_spans():
        if start > pos:
            pieces.append((text[pos:start], None))
        kind: MarkKind = "negated" if negated else (
            "penalty" if (start, end) in penalty_spans and (start, end) not in point_spans
            else "hit")
        pieces.append((text[start:end], kind))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], None))
    return pieces


# -- the interview -----------------------------------------------------------------------


class Interview(Session):
    """Runs one mock interview over the practice session's loop."""

    def __init__(
        self,
        questions: Sequence[Question],
        history: History,
        reader: AnswerReader,
        screen: InterviewScreen,
        *,
        allowed_seconds: float,
        title: str = "",
        countdown: Countdown | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(questions, history, reader, screen, kind="mock", title=title,
                         editor=None, clock=clock)
        self.interview_screen = screen
        self.allowed_seconds = allowed_seconds
        self.countdown = countdown
        self.answers: list[MockAnswer] = []
        self._timing: tuple[float, bool] | None = None  # for the attempt being stored
        # Why the interview stopped when the history refused an answer (locked past the
        # busy timeout, disk full); the report is still made from what was answered.
        self.failure: HistoryError | None = None

    def interview(self) -> MockReport:
        """Ask every question; Ctrl-C ends it with everything answered already saved.

        When the history refuses an answer, the interview stops there and the report of
        every answer so far (the refused one too) is returned, with `failure` set: the
        caller shows it, then ends with the error, so that nothing answered is lost."""
        from pmquiz.store import now_utc

        started = now_utc()
        self.history.on_attempt.append(self._mark)
        interrupted = quit_early = False
        try:
            result = self.run()
            interrupted, quit_early = result.interrupted, result.quit_early
        except HistoryError as error:
            self.failure = error
        finally:
            self.history.on_attempt.remove(self._mark)
        return MockReport(
            title=self.title, started=started, allowed_seconds=self.allowed_seconds,
            planned=len(self.questions), answers=tuple(self.answers),
            interrupted=interrupted, quit_early=quit_early,
        )

    def _mark(self, conn: sqlite3.Connection, attempt: Attempt) -> None:
        """In the attempt's own transaction: its time limit and whether it ran out."""
        if self._timing is not None:
            from pmquiz.store import mark_mock_answer

            mark_mock_answer(conn, attempt.id, *self._timing)

    def _ask(self, question: Question, number: int, entry: Entry, session_id: int) -> bool:
        self.interview_screen.interview_question(question, number, len(self.questions),
                                                 self.allowed_seconds)
        shown_at = self.clock()
        timed = self.reader if isinstance(self.reader, TimedReader) else None
        if timed is not None:
            timed.set_deadline(shown_at + self.allowed_seconds, self.countdown)
        time_up, typed = False, ""
        try:
            action: _Action = self._read_open(question)
            if timed is not None:
                time_up, typed = timed.timed_out, timed.typed
        finally:
            if timed is not None:
                timed.set_deadline(None)
        seconds = self.clock() - shown_at
        if time_up and isinstance(action, _Quit):
            # The clock ran out (on a half-typed command, or on nothing): what was typed
            # is the answer, and it counts.
            action = _Submit(_without_command(typed))
        if isinstance(action, _Quit):
            return False
        if isinstance(action, _Skip):
            self.answers.append(MockAnswer(number, question, None, seconds,
                                           self.allowed_seconds))
            self.screen.message("mock_skipped")
            return True
        verdict = grade(question, action.text)
        self._timing = (self.allowed_seconds, time_up)
        try:
            attempt = self.history.record_attempt(
                question=question, answer=action.text, score=verdict.score,
                passed=verdict.passed, points_hit=verdict.hit_points,
                points_missed=list(verdict.missed), seconds=seconds, session_id=session_id,
            )
        except HistoryError:
            # Not stored: the answer stays in the interview (the report shows it) and goes
            # back on the screen whole at once, as practice does.
            from pmquiz.sanitize import visible

            self.answers.append(MockAnswer(number, question, verdict, seconds,
                                           self.allowed_seconds, time_up))
            self.screen.message("answer_not_saved", answer=visible(action.text))
            raise
        finally:
            self._timing = None
        entry.grade, entry.attempt = verdict, attempt
        self.answers.append(MockAnswer(number, question, verdict, seconds,
                                       self.allowed_seconds, time_up, attempt.id))
        self.interview_screen.answer_recorded(time_up)
        return True

    def _edit(self, question: Question, initial: str) -> str | None:
        self.screen.message("mock_no_edit")  # the clock would run on unseen
        return None


def _without_command(text: str) -> str:
    """The text without a `:command` typed on its last line, blank lines trimmed."""
    body, _, last = text.rpartition("\n")
    return trim_blank_lines(body if command_word(last) is not None else text)
