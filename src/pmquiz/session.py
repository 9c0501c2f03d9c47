"""The practice / review loop, over an input port and an output port.

The loop asks each question, reads the answer as SPEC 6 describes, grades it, commits the
attempt, and only then shows the feedback: a process killed at any point loses nothing
that was shown as graded. It knows nothing of Rich or Typer: answers come from an
`AnswerReader` (the line editor of `pmquiz.lineeditor` at a terminal, lines from a pipe)
and everything shown goes through a `SessionScreen`.

When a person types (an interactive reader), input that cannot be read is asked again and
never stored (SPEC 6): a `:word` that is no command here gets a did-you-mean, a choice or
true/false answer that says nothing gets a reminder of what is accepted, and the continue
prompt takes only Enter, `:pass`, `:fail` and `:quit`. Piped input is read exactly as it
always was: asking a script again would shift each of its later answers onto the wrong
question, so there an unparseable answer is graded as not understood and a `:word` that
is no command of the prompt is answer text.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from pmquiz.choiceinput import readable
from pmquiz.errors import HistoryError
from pmquiz.grading import Grade, grade
from pmquiz.model import Question
from pmquiz.reading import (
    CONTINUE_COMMANDS,
    LINE_COMMANDS,
    OPEN_COMMANDS,
    AnswerReader,
    Command,
    command_word,
    suggest,
)
from pmquiz.store import Attempt, History, cap_answer

if TYPE_CHECKING:
    from pmquiz.editor import Edited


@contextmanager
def _ctrl_c_left_to_the_editor() -> Iterator[None]:
    """While $EDITOR runs, Ctrl-C is the editor's (vim, nano and emacs use it): the session
    neither ends nor takes the editor down with it, so the answer being edited is not lost.
    A handler that does nothing, not SIG_IGN: the editor starts with Ctrl-C as usual."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda signum, frame: None)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def trim_blank_lines(text: str) -> str:
    """The text without the blank lines before and after it (those inside stay)."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


class SessionScreen(Protocol):
    """Everything the session shows; implemented with Rich in `views`."""

    def header(self, title: str, count: int) -> None: ...
    def question(self, question: Question, number: int, total: int) -> None: ...
    def hint(self, question: Question) -> None: ...
    def skipped(self, question: Question) -> None: ...
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
# `:edit`: (the answer so far, the question's prompt) -> what came back.
ExternalEditor = Callable[[str, str], "Edited"]


class Session:
    """Runs one practice or review session."""

    def __init__(
        self,
        questions: Sequence[Question],
        history: History,
        reader: AnswerReader,
        screen: SessionScreen,
        *,
        kind: str = "practice",
        title: str = "",
        editor: ExternalEditor | None = None,
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
        except KeyboardInterrupt as stop:
            result.interrupted = True
            if getattr(stop, "draft", "").strip():  # nothing typed is dropped without a word
                self.screen.message("unsent_dropped")
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
            self.screen.skipped(question)
            return True
        seconds = self.clock() - shown_at
        text, cut = cap_answer(action.text)  # what is graded is what is kept
        verdict = grade(question, text)
        try:
            attempt = self.history.record_attempt(
                question=question, answer=text, score=verdict.score,
                passed=verdict.passed, points_hit=verdict.hit_points,
                points_missed=list(verdict.missed), seconds=seconds, session_id=session_id,
            )
        except HistoryError:
            # Not stored (the history stayed locked, the disk is full): the answer goes
            # back on the screen whole before the error ends the session, so that what
            # was typed is not lost with it.
            from pmquiz.sanitize import visible

            self.screen.message("answer_not_saved", answer=visible(action.text))
            raise
        entry.grade, entry.attempt = verdict, attempt
        self.screen.feedback(question, verdict)
        if cut:
            self.screen.message("answer_capped", total=f"{len(action.text):,}",
                                kept=f"{len(text):,}")
        if not self.reader.interactive:
            return True
        return self._after_feedback(entry)

    def _after_feedback(self, entry: Entry) -> bool:
        """The continue prompt: Enter, `:pass`, `:fail` or `:quit`; anything else is
        refused with a reminder and asked again."""
        while True:
            try:
                line = self.reader.read_answer(self.screen.continue_prompt())
            except KeyboardInterrupt:
                raise KeyboardInterrupt from None  # a reply half-typed here is no answer
            if line is None:
                return False
            if not line.strip():
                return True
            word = command_word(line)
            if word in ("pass", "fail") and entry.attempt is not None:
                passed = word == "pass"
                entry.attempt = self.history.overrule(entry.attempt, passed)
                self.screen.message("overruled_pass" if passed else "overruled_fail")
                continue
            if word == "quit":
                return False
            guess = suggest(word, CONTINUE_COMMANDS) if word is not None else None
            if word is not None and guess is not None:
                self.screen.message("unknown_command", word=word, guess=guess)
            else:
                self.screen.message("continue_reminder")

    def _read_open(self, question: Question) -> _Action:
        pending = ""
        while True:
            text = self.reader.read_answer("> ", multiline=True, initial=pending,
                                           on_command=self._in_place(question, OPEN_COMMANDS))
            if text is None:
                return _Quit()
            body, _, last = text.rpartition("\n")
            word = self._command_in(last, OPEN_COMMANDS)
            if word is None:
                answer = trim_blank_lines(text)
                if answer:
                    return _Submit(answer)
                pending = ""
                continue
            pending = trim_blank_lines(body)
            command = self._known(word, OPEN_COMMANDS)
            if command == "edit":
                edited = self._edit(question, pending)
                if edited is not None:
                    return _Submit(edited)
                continue
            action = self._obey(command, question)
            if action is not None:
                if pending.strip():  # nothing typed is dropped without a word
                    self.screen.message("unsent_dropped")
                return action

    def _read_line_answer(self, question: Question) -> _Action:
        while True:
            line = self.reader.read_answer(
                "> ", on_command=self._in_place(question, LINE_COMMANDS))
            if line is None:
                return _Quit()
            word = self._command_in(line, (*LINE_COMMANDS, "edit"))
            if word == "edit":  # one-line answers need no editor
                self.screen.message("edit_one_line")
                continue
            if word is not None:
                action = self._obey(self._known(word, LINE_COMMANDS), question)
                if action is not None:
                    return action
                continue
            if not line.strip():
                continue
            if self.reader.interactive and not readable(question, line):
                self._remind(question)
                continue
            return _Submit(line.strip())

    def _in_place(self, question: Question, commands: Sequence[Command]
                  ) -> Callable[[str], bool]:
        """For a line editor: answer a `:command` line while the answer stays open (a hint,
        a did-you-mean); True for the commands that end the read (the loop obeys them)."""
        def handle(line: str) -> bool:
            word = command_word(line)
            if word is None:  # not a command after all: the read ends, nothing is lost
                return True
            if word == "hint":
                self.screen.hint(question)
                return False
            if word in commands:
                return True
            if word == "edit":
                self.screen.message("edit_one_line")
            else:
                self._known(word, commands)
            return False
        return handle

    def _command_in(self, line: str, commands: Sequence[Command]) -> str | None:
        """The `:word` of a command line: any word from a person (unknown ones are
        answered with a did-you-mean), only the prompt's `commands` from a pipe."""
        word = command_word(line)
        if word is None or self.reader.interactive or word in commands:
            return word
        return None

    def _known(self, word: str, commands: Sequence[Command]) -> Command | None:
        """The command `word` names among `commands`; else a did-you-mean, and None."""
        for command in commands:
            if word == command:
                return command
        guess = suggest(word, commands)
        if guess is not None:
            self.screen.message("unknown_command", word=word, guess=guess)
        else:
            self.screen.message("unknown_command_list", word=word,
                                commands="  ".join(f":{c}" for c in commands))
        return None

    def _remind(self, question: Question) -> None:
        if question.type == "choice":
            self.screen.message("choice_reminder", keys="/".join(question.options))
        else:
            self.screen.message("tf_reminder")

    def _obey(self, command: Command | None, question: Question) -> _Action | None:
        """Carry out :hint, :skip and :quit; the action that ends the question, if any."""
        if command == "hint":
            self.screen.hint(question)
        elif command == "skip":
            return _Skip()
        elif command == "quit":
            return _Quit()
        return None

    def _edit(self, question: Question, initial: str) -> str | None:
        """The answer written in $EDITOR, or None (and why) when there is none."""
        if self.editor is None:
            self.screen.message("no_editor")
            return None
        with _ctrl_c_left_to_the_editor():
            edited = self.editor(initial, question.prompt)
        if edited.problem == "missing":
            self.screen.message("editor_missing", program=edited.program)
            return None
        if edited.problem == "failed" or edited.text is None:
            self.screen.message("editor_failed")
            return None
        answer = trim_blank_lines(edited.text)
        if not answer:
            self.screen.message("editor_empty")
            return None
        return answer
