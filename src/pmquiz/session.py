"""The practice / review loop, over an input port and an output port.

The loop asks each question, reads the answer as SPEC 6 describes, grades it, commits the
attempt, and only then shows the feedback: a process killed at any point loses nothing
that was shown as graded. It knows nothing of Rich or Typer: lines come from a
`LineReader` and everything shown goes through a `SessionScreen`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, TextIO

from pmquiz.grading import Grade, grade
from pmquiz.model import Question
from pmquiz.store import Attempt, History

Command = Literal["hint", "skip", "quit", "edit", "pass", "fail"]
COMMANDS: tuple[Command, ...] = ("hint", "skip", "quit", "edit", "pass", "fail")


def parse_command(line: str) -> Command | None:
    """`:hint`, `：hint` (full-width colon), ` :Skip ` ... -> the command, else None."""
    text = line.strip()
    if len(text) < 2 or text[0] not in ":：":
        return None
    word = text[1:].strip().lower()
    for command in COMMANDS:
        if word == command:
            return command
    return None


class LineReader(Protocol):
    """Where answers come from: a terminal (re-readable after Ctrl-D) or a pipe."""

    interactive: bool

    def read(self, prompt: str) -> str | None:
        """One line without its newline; None at end of input (Ctrl-D)."""
        ...


class TerminalReader:
    """Lines typed at a terminal, with line editing where readline exists."""

    interactive = True

    def __init__(self) -> None:
        try:
            import readline  # noqa: F401  (enables editing and history for input())
        except ImportError:  # pragma: no cover - platforms without readline
            pass

    def read(self, prompt: str) -> str | None:
        try:
            return input(prompt)
        except EOFError:
            sys.stdout.write("\n")
            return None


class StreamReader:
    """Lines from a pipe or file; the end of input is final."""

    interactive = False

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream: TextIO = stream if stream is not None else sys.stdin
        self.ended = False

    def read(self, prompt: str) -> str | None:
        if self.ended:
            return None
        line = self.stream.readline()
        if not line:
            self.ended = True
            return None
        return str(line).rstrip("\r\n")


class SessionScreen(Protocol):
    """Everything the session shows; implemented with Rich in `views`."""

    def header(self, title: str, count: int) -> None: ...
    def question(self, question: Question, number: int, total: int) -> None: ...
    def hint(self, question: Question) -> None: ...
    def message(self, key: str, **values: object) -> None: ...
    def feedback(self, question: Question, grade: Grade) -> None: ...
    def continue_prompt(self) -> str: ...


@dataclass
class Entry:
    """What happened to one question of the session."""

    question: Question
    grade: Grade | None = None  # None: skipped
    attempt: Attempt | None = None


@dataclass
class SessionResult:
    entries: list[Entry] = field(default_factory=list)
    interrupted: bool = False
    quit_early: bool = False
    elapsed: float = 0.0

    @property
    def answered(self) -> list[Entry]:
        return [e for e in self.entries if e.grade is not None]

    @property
    def passed(self) -> int:
        return sum(1 for e in self.answered if e.attempt is not None and e.attempt.passed)


@dataclass(frozen=True)
class _Submit:
    text: str


@dataclass(frozen=True)
class _Skip:
    pass


@dataclass(frozen=True)
class _Quit:
    pass


_Action = _Submit | _Skip | _Quit


class Session:
    """Runs one practice or review session."""

    def __init__(
        self,
        questions: Sequence[Question],
        history: History,
        reader: LineReader,
        screen: SessionScreen,
        *,
        kind: str = "practice",
        title: str = "",
        editor: Callable[[str], str | None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.questions = list(questions)
        self.history = history
        self.reader = reader
        self.screen = screen
        self.kind = kind
        self.title = title
        self.editor = editor
        self.clock = clock

    def run(self) -> SessionResult:
        """Ask every question; Ctrl-C ends it with everything answered already saved."""
        result = SessionResult()
        started = self.clock()
        session_id = self.history.start_session(
            self.kind, sorted({q.bank_id for q in self.questions}))
        try:
            self.screen.header(self.title, len(self.questions))
            for number, question in enumerate(self.questions, start=1):
                entry = Entry(question)
                result.entries.append(entry)
                if not self._ask(question, number, entry, session_id):
                    result.quit_early = True
                    if entry.grade is None:
                        result.entries.pop()
                    break
        except KeyboardInterrupt:
            result.interrupted = True
            if result.entries and result.entries[-1].grade is None:
                result.entries.pop()
        finally:
            result.elapsed = self.clock() - started
            try:
                self.history.end_session(session_id)
            except Exception:  # noqa: BLE001 - the attempts are what matter
                pass
        return result

    def _ask(self, question: Question, number: int, entry: Entry, session_id: int) -> bool:
        """Ask one question; False when the session should end."""
        self.screen.question(question, number, len(self.questions))
        shown_at = self.clock()
        action = (self._read_open(question) if question.type == "open"
                  else self._read_line_answer(question))
        if isinstance(action, _Quit):
            return False
        if isinstance(action, _Skip):
            self.screen.message("skipped")
            return True
        seconds = self.clock() - shown_at
        verdict = grade(question, action.text)
        attempt = self.history.record_attempt(
            question=question, answer=action.text, score=verdict.score,
            passed=verdict.passed, points_hit=verdict.hit_points,
            points_missed=list(verdict.missed), seconds=seconds, session_id=session_id,
        )
        entry.grade, entry.attempt = verdict, attempt
        self.screen.feedback(question, verdict)
        if not self.reader.interactive:
            return True
        return self._after_feedback(entry)

    def _after_feedback(self, entry: Entry) -> bool:
        while True:
            line = self.reader.read(self.screen.continue_prompt())
            if line is None:
                return False
            command = parse_command(line)
            if command in ("pass", "fail") and entry.attempt is not None:
                passed = command == "pass"
                entry.attempt = self.history.overrule(entry.attempt, passed)
                self.screen.message("overruled_pass" if passed else "overruled_fail")
                continue
            if command == "quit":
                return False
            return True

    def _read_open(self, question: Question) -> _Action:
        lines: list[str] = []
        while True:
            line = self.reader.read("> " if not lines else "… ")
            if line is None:
                return _Submit("\n".join(lines)) if lines else _Quit()
            command = parse_command(line)
            action = self._obey(command, question)
            if action is not None:
                return action
            if command == "hint":
                continue
            if command == "edit":
                edited = self._edit("\n".join(lines))
                if edited is not None and edited.strip():
                    return _Submit(edited.strip("\n"))
                continue
            if not line.strip():
                if lines:
                    return _Submit("\n".join(lines))
                continue  # blank lines before an answer are skipped
            lines.append(line)

    def _read_line_answer(self, question: Question) -> _Action:
        while True:
            line = self.reader.read("> ")
            if line is None:
                return _Quit()
            command = parse_command(line)
            action = self._obey(command, question)
            if action is not None:
                return action
            if command in ("hint", "edit") or not line.strip():  # one-line answers: no editor
                continue
            return _Submit(line.strip())

    def _obey(self, command: Command | None, question: Question) -> _Action | None:
        """Carry out :hint, :skip and :quit; the action that ends the question, if any."""
        if command == "hint":
            self.screen.hint(question)
        elif command == "skip":
            return _Skip()
        elif command == "quit":
            return _Quit()
        return None

    def _edit(self, initial: str) -> str | None:
        if self.editor is None:
            self.screen.message("no_editor")
            return None
        edited = self.editor(initial)
        if edited is None:
            self.screen.message("editor_failed")
        return edited
