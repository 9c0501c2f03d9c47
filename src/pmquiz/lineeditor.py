"""The answer editor on a terminal: a real line editor built on prompt_toolkit (SPEC 6).

What it gives an answer typed at a terminal:

- the cursor moves within and across the answer's lines (the arrows, Left and Right
  crossing line ends, Home/End, the usual Emacs keys); Backspace and the arrows treat a
  wide (CJK) character as one character, and an IME's composed text arrives as ordinary
  typed text;
- a paste is one piece of text (bracketed paste): its newlines and blank lines stay inside
  the answer and never submit it;
- in a multi-line read, Enter on an empty last line (or Ctrl-D) submits; Enter elsewhere
  starts a new line; Enter on an empty answer does nothing. In a one-line read, Enter
  submits. Ctrl-D on an empty answer is the end of input. Ctrl-C raises
  `pmquiz.reading.AnswerInterrupted` (a KeyboardInterrupt) carrying what was typed;
- what was typed stays on the screen after it is submitted (nothing is erased);
- no history recall: Up on the first line never swaps the answer for an older one.

Interface. `LineEditor.read(prompt, ...)` returns a `Reading` (the text and how it ended:
"submit", "eof" or "timeout"); `LineEditor.read_answer(prompt, ...)` is the session's
port (`pmquiz.reading.AnswerReader`): the text, or None at the end of input.

Hooks (used by `pmquiz mock`, not by practice):

- `deadline`: a `time.monotonic()` value. When it passes, the read ends by itself with
  what was typed so far (`Reading.ended == "timeout"`; nothing typed is lost).
- `toolbar`: a callable returning the text of a bottom toolbar, e.g. the time left. It is
  called again every `refresh_interval` seconds (default 0.5 when a toolbar or a deadline
  is given), so a countdown stays current while the user types; the toolbar disappears
  when the read ends. prompt_toolkit draws a bottom toolbar only once the terminal has
  answered its cursor-position request (CPR); some never do (serial consoles, some CI
  pseudo-terminals, `PROMPT_TOOLKIT_NO_CPR=1`). Once it is known that no answer comes,
  the text goes before the prompt on its first line instead, redrawn as often, and
  taken away when the read ends. A dumb terminal (`TERM=dumb`, an Emacs shell) redraws
  nothing: there `toolbar_once()` (default: the toolbar's text) is written before the
  prompt once, as the read starts.
- `submit_line` (constructor): a predicate on a line; Enter on a line it accepts submits at
  once, with that line moved to the end of the text. The session uses it for `:commands`
  typed on a line of their own.
- `on_command` (per read): when given, a `submit_line` line is first handed to it, with
  the editor lifted off the screen so that what it prints appears above the answer; it
  returns True to end the read (as above) or False to go on editing, the command line
  taken out. A hint or a did-you-mean then never makes the answer appear twice.

prompt_toolkit is imported only when the first read starts, so building a LineEditor (and
importing this module) costs nothing at start-up.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent

Ended = Literal["submit", "eof", "timeout"]
DEFAULT_REFRESH = 0.5


@dataclass(frozen=True)
class Reading:
    """What one read gave: the text as typed, and how the read ended."""

    text: str
    ended: Ended


class LineEditor:
    """Reads answers at a terminal; one instance serves a whole session."""

    interactive = True

    def __init__(self, *, continuation: str = "… ",
                 submit_line: Callable[[str], bool] | None = None,
                 pt_input: Any = None, pt_output: Any = None) -> None:
        """`continuation` is shown before every line after the first; `pt_input` and
        `pt_output` (prompt_toolkit Input/Output objects) are for tests."""
        self.continuation = continuation
        self.submit_line = submit_line
        self._pt_input = pt_input
        self._pt_output = pt_output
        self._session: PromptSession[str] | None = None
        self._multiline = False
        self._on_command: Callable[[str], bool] | None = None
        self._ended: Ended = "submit"
        self._draft = ""  # the text when Ctrl-C ended the read

    # -- the session's port ----------------------------------------------------------

    def read_answer(self, prompt: str, *, multiline: bool = False, initial: str = "",
                    on_command: Callable[[str], bool] | None = None) -> str | None:
        """The text typed, or None at the end of input (Ctrl-D on an empty answer).

        `initial` is the answer so far; in a multi-line read typing goes on in a new line
        after it."""
        if multiline and initial:
            initial += "\n"
        reading = self.read(prompt, multiline=multiline, initial=initial,
                            on_command=on_command)
        return None if reading.ended == "eof" else reading.text

    # -- the full interface ----------------------------------------------------------

    def read(self, prompt: str, *, multiline: bool = False, initial: str = "",
             deadline: float | None = None, toolbar: Callable[[], str] | None = None,
             toolbar_once: Callable[[], str] | None = None,
             refresh_interval: float | None = None,
             on_command: Callable[[str], bool] | None = None) -> Reading:
        """One read; see the module docstring for the keys and the hooks."""
        if deadline is not None and time.monotonic() >= deadline:
            return Reading(initial, "timeout")
        session = self._prompt_session()
        self._multiline = multiline
        self._on_command = on_command
        self._ended = "submit"
        session.bottom_toolbar = toolbar
        timed = toolbar is not None or deadline is not None
        session.refresh_interval = (refresh_interval if refresh_interval is not None
                                    else DEFAULT_REFRESH if timed else 0)
        message: str | Callable[[], str] = prompt
        if toolbar is not None:
            message = self._message(prompt, toolbar, toolbar_once or toolbar)
        self._draft = initial
        try:
            text = asyncio.run(self._prompt(session, message, initial, deadline))
        except KeyboardInterrupt:
            from pmquiz.reading import AnswerInterrupted

            raise AnswerInterrupted(self._draft) from None
        return Reading(text, self._how_it_ended())

    # -- inside -----------------------------------------------------------------------

    async def _prompt(self, session: PromptSession[str], message: str | Callable[[], str],
                      initial: str, deadline: float | None) -> str:
        """The prompt, with the deadline's watch beside it. (What `session.prompt` does,
        `asyncio.run` of `prompt_async`, with the watch in the same loop: on a dumb
        terminal prompt_toolkit runs an application of its own, which never runs the
        session's `pre_run`.)"""
        watch = (asyncio.ensure_future(self._watch(deadline)) if deadline is not None
                 else None)
        try:
            return await session.prompt_async(message, default=initial,
                                              multiline=self._multiline,
                                              prompt_continuation=self._continuation)
        finally:
            if watch is not None:
                watch.cancel()

    def _message(self, prompt: str, toolbar: Callable[[], str], once: Callable[[], str]
                 ) -> str | Callable[[], str]:
        """The prompt, with the toolbar's text before it where no toolbar can be drawn."""
        from prompt_toolkit.renderer import CPR_Support
        from prompt_toolkit.utils import is_dumb_terminal

        if self._pt_output is None and is_dumb_terminal():  # as prompt_toolkit decides
            return f"{once()} {prompt}"  # written once; nothing is redrawn there
        session = self._prompt_session()
        renderer = session.app.renderer

        def message() -> str:
            # Not while the first request is pending (an answer comes within
            # milliseconds where one comes: the toolbar then, without a flash here),
            # and not on the line left on the screen when the read ends.
            if (renderer.cpr_support is CPR_Support.NOT_SUPPORTED
                    and not renderer.height_is_known and not session.app.is_done):
                return f"{toolbar()} {prompt}"
            return prompt

        return message

    def _how_it_ended(self) -> Ended:
        """Set by the key bindings or the deadline while the prompt ran."""
        return self._ended

    def _continuation(self, width: int, line_number: int, wrap_count: int) -> str:
        """Before each later line `continuation`; before a wrapped part, blanks.

        prompt_toolkit asks for `width` = the width of the prompt, so that the answer's
        lines line up under its start; it is held to half the terminal, or a prompt as
        wide as the terminal (a long prompt, a narrow window) would make every wrapped
        part a screenful of blanks and push what was typed off the screen."""
        width = min(width, self._terminal_columns() // 2)
        return " " * width if wrap_count else self.continuation.rjust(width)

    def _terminal_columns(self) -> int:
        """The terminal's width as prompt_toolkit sees it (80 when it cannot tell)."""
        try:
            columns = self._prompt_session().app.output.get_size().columns
        except Exception:  # noqa: BLE001 - a size that cannot be read: the usual one
            return 80
        return columns if isinstance(columns, int) and columns > 0 else 80

    def _prompt_session(self) -> PromptSession[str]:
        if self._session is None:
            from prompt_toolkit import PromptSession
            from prompt_toolkit.history import DummyHistory

            session: PromptSession[str] = PromptSession(
                history=DummyHistory(), key_bindings=self._bindings(),
                input=self._pt_input, output=self._pt_output, mouse_support=False,
                enable_system_prompt=False, enable_suspend=False,
                erase_when_done=False, complete_while_typing=False,
            )
            # A terminal that does not answer the cursor-position request: prompt_toolkit
            # would print an English warning into the session; redraw instead (a
            # toolbar's text then moves into the prompt, see `_message`).
            session.app.renderer.cpr_not_supported_callback = session.app.invalidate
            self._session = session
        return self._session

    def _bindings(self) -> KeyBindings:
        from prompt_toolkit.key_binding import KeyBindings

        bindings = KeyBindings()

        @bindings.add("enter")
        @bindings.add("c-j")
        def _enter(event: KeyPressEvent) -> None:
            buffer = event.current_buffer
            document = buffer.document
            line = document.current_line
            if self.submit_line is not None and self.submit_line(line):
                row = document.cursor_position_row
                if self._on_command is None:
                    self._finish(event, _line_moved_last(document.text, row))
                else:
                    self._take_out_line(event, row)
                    event.app.create_background_task(
                        self._command(event, self._on_command, line))
            elif not self._multiline:
                self._finish(event, buffer.text)
            elif not line.strip() and not document.text_after_cursor.strip():
                if buffer.text.strip():
                    self._finish(event, buffer.text)
                # an empty answer: Enter does nothing (blank lines before it are skipped)
            else:
                buffer.newline(copy_margin=False)

        # The arrows cross line ends, as in any editor (prompt_toolkit's stop there).
        @bindings.add("left")
        def _left(event: KeyPressEvent) -> None:
            buffer = event.current_buffer
            if buffer.document.cursor_position_col == 0 and buffer.cursor_position > 0:
                buffer.cursor_position -= 1
            else:
                buffer.cursor_left(count=event.arg)

        @bindings.add("right")
        def _right(event: KeyPressEvent) -> None:
            buffer = event.current_buffer
            document = buffer.document
            if document.is_cursor_at_the_end_of_line and not document.is_cursor_at_the_end:
                buffer.cursor_position += 1
            else:
                buffer.cursor_right(count=event.arg)

        @bindings.add("c-c")
        def _ctrl_c(event: KeyPressEvent) -> None:
            # As prompt_toolkit's own Ctrl-C, keeping the text for AnswerInterrupted.
            self._draft = event.current_buffer.text
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        @bindings.add("c-d")
        def _ctrl_d(event: KeyPressEvent) -> None:
            text = event.current_buffer.text
            if text.strip():
                self._finish(event, text)
            else:
                self._finish(event, "", "eof")

        return bindings

    def _finish(self, event: KeyPressEvent, text: str, ended: Ended = "submit") -> None:
        buffer = event.current_buffer
        if text != buffer.text:
            buffer.text = text
        self._ended = ended
        event.app.exit(result=text)

    @staticmethod
    def _take_out_line(event: KeyPressEvent, row: int) -> None:
        """Takes the command line out at once (keys typed after it land in the answer);
        typing goes on where it was: on an emptied last line, or at the start of the line
        after it."""
        buffer = event.current_buffer
        lines = buffer.text.split("\n")
        others = lines[:row] + lines[row + 1:]
        shown = [*others, ""] if row == len(lines) - 1 and others else others
        buffer.text = "\n".join(shown)
        buffer.cursor_position = sum(len(text) + 1 for text in shown[:row])

    async def _command(self, event: KeyPressEvent, on_command: Callable[[str], bool],
                       line: str) -> None:
        """Hands a command line to `on_command` with the editor lifted off the screen;
        ends the read (the command line last) when it says so."""
        from prompt_toolkit.application import in_terminal

        try:
            async with in_terminal():
                end = on_command(line)
        except Exception as exc:  # noqa: BLE001 - raised from the read, not lost in a task
            event.app.exit(exception=exc)
            return
        if end:
            text = event.current_buffer.text
            text = text[:-1] if text.endswith("\n") else text
            self._finish(event, f"{text}\n{line}" if text.strip() else line)

    async def _watch(self, deadline: float) -> None:
        """Ends the read with what was typed when the deadline passes.

        The application is the one running (on a dumb terminal not the session's own),
        waited for should the deadline come before it starts."""
        from prompt_toolkit.application import get_app_or_none

        while (left := deadline - time.monotonic()) > 0:
            await asyncio.sleep(min(left, 0.2))
        while True:
            app = get_app_or_none()
            if app is not None and app.is_running:
                break
            await asyncio.sleep(0.05)
        if not app.is_done:
            self._ended = "timeout"
            try:
                app.exit(result=app.current_buffer.text)
            except Exception:  # noqa: BLE001 - the user submitted in the same instant
                pass


def _line_moved_last(text: str, row: int) -> str:
    """The text with line `row` taken out and put last (a command typed anywhere)."""
    lines = text.split("\n")
    if row >= len(lines) - 1:
        return text
    line = lines.pop(row)
    return "\n".join([*lines, line])
