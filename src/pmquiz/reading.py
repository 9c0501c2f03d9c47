"""How answers are read: the `AnswerReader` port, readers of lines, `:command` lines.

At a terminal the reader is `pmquiz.lineeditor.LineEditor`; a pipe (or a terminal whose
output is not one) gives lines, which `LineSource` gathers into answers the way SPEC 6 says:
an open answer is its lines up to a blank one (blank lines before it skipped), a
`:command` line, or the end of input.
"""

from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import Literal, Protocol, TextIO

Command = Literal["hint", "skip", "quit", "edit", "pass", "fail"]
COMMANDS: tuple[Command, ...] = ("hint", "skip", "quit", "edit", "pass", "fail")
# Which commands each prompt obeys; any other `:word` there is refused with a did-you-mean.
OPEN_COMMANDS: tuple[Command, ...] = ("hint", "skip", "edit", "quit")
LINE_COMMANDS: tuple[Command, ...] = ("hint", "skip", "quit")
CONTINUE_COMMANDS: tuple[Command, ...] = ("pass", "fail", "quit")

_COMMAND_LINE = re.compile(r":\s*([a-z]+)")


def command_word(line: str) -> str | None:
    """The word of a line that is a `:command`, known or not: `:hint`, `：hnit` (full-width
    colon, as a Chinese IME types it), ` :Skip ` -> "hint", "hnit", "skip"; else None."""
    text = unicodedata.normalize("NFKC", line).strip().casefold()
    match = _COMMAND_LINE.fullmatch(text)
    return match.group(1) if match else None


def parse_command(line: str) -> Command | None:
    """The known command a line holds, else None."""
    word = command_word(line)
    for command in COMMANDS:
        if word == command:
            return command
    return None


def is_command_line(line: str) -> bool:
    return command_word(line) is not None


def suggest(word: str, commands: Sequence[str]) -> str | None:
    """The command a mistyped word most likely meant (`hnit` -> `hint`), if any is close."""
    close = difflib.get_close_matches(word, list(commands), n=1, cutoff=0.5)
    return close[0] if close else None


class AnswerInterrupted(KeyboardInterrupt):
    """Ctrl-C while an answer was being typed: `draft` is what had been typed (not
    submitted), so the session can say it was not saved rather than drop it silently."""

    def __init__(self, draft: str) -> None:
        super().__init__()
        self.draft = draft


class AnswerReader(Protocol):
    """Where answers come from: a line editor at a terminal, or lines from a pipe."""

    interactive: bool

    def read_answer(self, prompt: str, *, multiline: bool = False, initial: str = "",
                    on_command: Callable[[str], bool] | None = None) -> str | None:
        """One answer or reply; None at the end of input.

        A multi-line read returns the answer as typed (it ends at a blank line, at Ctrl-D,
        or with a `:command` line, which is then its last line); `initial` is the answer
        so far, which the read goes on from. A one-line read returns one line.
        `on_command` may be called with a `:command` line while the read goes on (a line
        editor does; it ends the read only if that returns True); a reader that does not
        returns the command line as described."""
        ...


CONTINUATION = "… "


class LineSource:
    """An AnswerReader over single lines (pipes, and terminals without a line editor):
    a multi-line answer is its lines up to a blank one (blank lines before it skipped),
    a `:command` line, or the end of input."""

    interactive = False

    def read(self, prompt: str) -> str | None:
        """One line without its newline; None at end of input."""
        raise NotImplementedError

    def _ends_answer(self, line: str) -> bool:
        """A person's `:word` line is a command, known or not (it gets a did-you-mean);
        in a pipe only the open prompt's own commands are (SPEC 6, as always)."""
        if self.interactive:
            return is_command_line(line)
        return parse_command(line) in OPEN_COMMANDS

    def read_answer(self, prompt: str, *, multiline: bool = False, initial: str = "",
                    on_command: Callable[[str], bool] | None = None) -> str | None:
        if not multiline:
            return self.read(prompt)
        lines = initial.split("\n") if initial else []
        while True:
            try:
                line = self.read(prompt if not lines else CONTINUATION)
            except KeyboardInterrupt:
                raise AnswerInterrupted("\n".join(lines)) from None
            if line is None:
                return "\n".join(lines) if lines else None
            if self._ends_answer(line):
                return "\n".join([*lines, line])
            if not line.strip():
                if lines:
                    return "\n".join(lines)
                continue  # blank lines before an answer are skipped
            lines.append(line)


class TerminalReader(LineSource):
    """Lines typed at a terminal whose output is not one (no full-screen editor there),
    with readline's editing where it exists."""

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


class StreamReader(LineSource):
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
