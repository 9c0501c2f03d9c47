"""pmquiz's own exceptions and the exit codes of SPEC 2.

The core raises these; the CLI's error boundary turns them into one message on stderr
and the matching exit code. Nothing below the CLI prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Self


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1  # grade: the answer failed; check: an example disagreed
    BAD_INPUT = 2
    INTERRUPTED = 130


@dataclass(frozen=True)
class Problem:
    """One problem found in a file: where it is and what to do about it."""

    path: str
    line: int | None
    message: str
    column: int | None = None

    def __str__(self) -> str:
        """`path:line:col: message` on one line: a value quoted from the bank with a line
        break or another control character in it shows it escaped (`\\n`, `\\x1b`)."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}".translate(_ESCAPES)


# Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.
_ESCAPES = {code: ascii(chr(code))[1:-1] for code in
            [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]}


class PmquizError(Exception):
    """Base of every error pmquiz reports to the user (exit code 2 unless stated)."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: str, hint: str | None = None, *,
                 key: str | None = None, hint_key: str | None = None,
                 values: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        # The UI-string keys of the message and hint, for the CLI to say them in the
        # user's language (the core never picks a language); `message` is the English.
        self.key = key
        self.hint_key = hint_key
        self.values = values or {}

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n{self.hint}"

    def localized(self, translate: Callable[..., str]) -> str:
        """The message (and hint) through `translate(key, **values)` where keys are set."""
        message = translate(self.key, **self.values) if self.key else self.message
        hint = translate(self.hint_key, **self.values) if self.hint_key else self.hint
        return message if not hint else f"{message}\n{hint}"

    @classmethod
    def from_os_error(cls, exc: OSError, message: str, hint: str | None = None, *,
                      key: str, hint_key: str | None = None, **values: object) -> Self:
        """The error for a file the system would not read or write: `message` is the
        English, a template over `values` and `{reason}` (the system's words).

        The reason travels with its errno, so the CLI says it in the UI language
        (`i18n.os_reason`: "没有权限" for EACCES); every such message is built here.
        """
        values = {**values, **os_error_values(exc)}
        return cls(message.format(**values), hint, key=key, hint_key=hint_key, values=values)


def os_error_values(exc: OSError) -> dict[str, object]:
    """The system's reason for `exc` and its errno, as the values of a UI string."""
    return {"reason": str(exc.strerror or exc), "errno": exc.errno}


class BankError(PmquizError):
    """A bank file cannot be used; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(PmquizError):
    """Bad arguments: unknown question or bank, ambiguous reference, unreadable file."""


class HistoryError(PmquizError):
    """The history database cannot be used (corrupt, newer, locked, unwritable)."""


class HistoryLockedError(HistoryError):
    """Another process held the history's lock for longer than the busy timeout."""
